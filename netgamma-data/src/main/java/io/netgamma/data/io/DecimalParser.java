package io.netgamma.data.io;

/**
 * Strict, allocation-free parsing of plain decimal numbers from a range of characters, correctly rounded.
 *
 * <p>Accepted syntax: an optional sign, digits with an optional decimal point (at least one digit on one side),
 * an optional exponent {@code e|E[+|-]digits}; at most {@link #MAX_LENGTH} characters. Everything Java's
 * {@code Double.parseDouble} accepts beyond that ({@code NaN}, {@code Infinity}, hex, {@code 1d}, {@code 1f},
 * surrounding blanks) is rejected.
 *
 * <p>Values are the double nearest to the decimal value, exactly as {@code Double.parseDouble} would give: when
 * the significant digits fit in 2^53 and the power of ten is at most 10^22 in magnitude, one IEEE multiplication or
 * division of two exact operands is correctly rounded (Clinger's fast path); otherwise the text is handed to
 * {@code Double.parseDouble}. A decimal shift ({@code 10^shift}) is applied before rounding, so that a percentage
 * becomes the double nearest to its exact fraction. Stateless.
 */
public final class DecimalParser {

  /** Longest accepted number, in characters. */
  public static final int MAX_LENGTH = 40;

  private static final long MAX_EXACT = 1L << 53;
  private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
      1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

  private DecimalParser() {
  }

  /** True when {@code s[from, to)} is a plain decimal number (see the class javadoc). */
  public static boolean isDecimal(CharSequence s, int from, int to) {
    int n = to - from;
    if (n <= 0 || n > MAX_LENGTH) {
      return false;
    }
    int i = from;
    if (s.charAt(i) == '+' || s.charAt(i) == '-') {
      i++;
    }
    int digits = 0;
    while (i < to && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < to && s.charAt(i) == '.') {
      i++;
      while (i < to && isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < to && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < to && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int expDigits = 0;
      while (i < to && isDigit(s.charAt(i))) {
        i++;
        expDigits++;
      }
      if (expDigits == 0) {
        return false;
      }
    }
    return i == to;
  }

  /**
   * The double nearest to the decimal {@code s[from, to)} times {@code 10^shift}; the text must pass
   * {@link #isDecimal}. Out-of-range values give ±infinity or ±0, as {@code Double.parseDouble} does.
   */
  public static double parse(CharSequence s, int from, int to, int shift) {
    int i = from;
    boolean negative = false;
    if (s.charAt(i) == '+' || s.charAt(i) == '-') {
      negative = s.charAt(i) == '-';
      i++;
    }
    long mantissa = 0;
    int exponent = shift;
    boolean exact = true;
    boolean point = false;
    for (; i < to; i++) {
      char c = s.charAt(i);
      if (c == '.') {
        point = true;
      } else if (isDigit(c)) {
        if (mantissa < MAX_EXACT / 10) {
          mantissa = mantissa * 10 + (c - '0');
          if (point) {
            exponent--;
          }
        } else {
          exact = false; // too many significant digits for the fast path
          break;
        }
      } else {
        break; // 'e' or 'E'
      }
    }
    if (exact && i < to) { // exponent part
      i++;
      boolean negativeExponent = false;
      if (s.charAt(i) == '+' || s.charAt(i) == '-') {
        negativeExponent = s.charAt(i) == '-';
        i++;
      }
      long e = 0;
      for (; i < to; i++) {
        e = e * 10 + (s.charAt(i) - '0');
        if (e > 100_000) {
          exact = false;
          break;
        }
      }
      exponent += (int) (negativeExponent ? -e : e); // |e| <= 100,000
    }
    if (exact && mantissa <= MAX_EXACT && exponent >= -22 && exponent <= 22) {
      double m = mantissa;
      double v = exponent >= 0 ? m * POW10[exponent] : m / POW10[-exponent];
      return negative ? -v : v;
    }
    return slowParse(s.subSequence(from, to).toString(), shift);
  }

  private static double slowParse(String text, int shift) {
    if (shift == 0) {
      return Double.parseDouble(text);
    }
    if (Double.parseDouble(text) == 0) {
      return Double.parseDouble(text); // ±0, also for exponents too large for a long
    }
    int e = Math.max(text.indexOf('e'), text.indexOf('E'));
    if (e < 0) {
      return Double.parseDouble(text + "e" + shift);
    }
    String exponentText = text.substring(e + 1);
    long exponent;
    try {
      exponent = Long.parseLong(exponentText) + shift;
    } catch (NumberFormatException overflow) { // a non-zero finite value cannot have such an exponent
      return Double.parseDouble(text);
    }
    return Double.parseDouble(text.substring(0, e) + "e" + exponent);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
