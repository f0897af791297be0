package io.netgamma.core.base;

import java.util.Objects;

/**
 * The one argument checker of netgamma. Every method returns the checked value so that checks read as
 * assignments ({@code this.forward = ArgChecker.positive(forward, "forward")}); primitive overloads keep hot
 * paths free of boxing. A failed check throws {@link IllegalArgumentException} whose message names the
 * argument and shows the offending value.
 */
public final class ArgChecker {

  private ArgChecker() {
  }

  /** Checks that {@code value} is not null. */
  public static <T> T notNull(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return value;
  }

  /** Checks that {@code value} is neither null nor blank. */
  public static String notBlank(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank, got " + quote(value));
    }
    return value;
  }

  /** Checks that {@code value} is finite (not NaN, not infinite). */
  public static double finite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite, got " + value);
    }
    return value;
  }

  /** Checks that {@code value} is finite and strictly positive. */
  public static double positive(double value, String name) {
    if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
    }
    return value;
  }

  /** Checks that {@code value} is finite and zero or positive. */
  public static double notNegative(double value, String name) {
    if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
    }
    return value;
  }

  /** Checks that {@code value} is zero or positive. */
  public static int notNegative(int value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + value);
    }
    return value;
  }

  /** Checks that {@code value} is strictly positive. */
  public static int positive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, got " + value);
    }
    return value;
  }

  /** Checks that {@code low <= value <= high} (and that {@code value} is not NaN). */
  public static double inRange(double value, double low, double high, String name) {
    if (!(value >= low && value <= high)) {
      throw new IllegalArgumentException(name + " must be in [" + low + ", " + high + "], got " + value);
    }
    return value;
  }

  /** Checks a condition that involves several arguments; the message explains what was expected. */
  public static void isTrue(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Checks that all the arrays have the same length {@code n}, naming the first that does not. */
  public static int sameLength(int n, String names, double[]... arrays) {
    for (int i = 0; i < arrays.length; i++) {
      Objects.requireNonNull(arrays[i], names);
      if (arrays[i].length < n) {
        throw new IllegalArgumentException(
            "array #" + i + " of (" + names + ") has length " + arrays[i].length + ", needs at least " + n);
      }
    }
    return n;
  }

  private static String quote(String s) {
    return s == null ? "null" : "'" + s + "'";
  }
}
