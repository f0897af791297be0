package io.netgamma.core.instrument;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.base.InvalidInstrumentException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * A tradable instrument identified by its Deribit name, parsed into its parts.
 *
 * <p>Names (parsed by {@link #parse(String)} and printed back identically by {@link #name()}):
 * <ul>
 *   <li>inverse option {@code BTC-27DEC24-60000-C}, {@code ETH-3MAY24-2200-P} (day without a leading zero);</li>
 *   <li>linear option {@code BTC_USDC-27DEC24-60000-C}; a decimal strike writes its point as {@code d}:
 *       {@code XRP_USDC-30MAY25-2d2-C} has strike 2.2;</li>
 *   <li>future {@code BTC-27DEC24}, {@code BTC_USDC-27DEC24}; perpetual {@code BTC-PERPETUAL},
 *       {@code BTC_USDC-PERPETUAL}; spot {@code BTC_USDC}.</li>
 * </ul>
 * A plain underlying ({@code BTC-...}) is inverse: quoted in USD, settled in the coin. {@code BASE_QUOTE-...}
 * with a stablecoin quote (USDC, USDT) is linear. Expiries are at 08:00 UTC of the named date.
 *
 * @param name the canonical Deribit name
 * @param kind option, future, perpetual or spot
 * @param underlying the base coin, e.g. {@code BTC}
 * @param quoteCurrency {@code USD} for inverse instruments, else the stablecoin ({@code USDC})
 * @param settlement inverse (coin-settled) or linear
 * @param expiry the expiry instant (08:00 UTC), null for perpetuals and spot
 * @param strike the strike in quote currency per 1 coin; 0 for anything but an option
 * @param optionType call or put; null for anything but an option
 */
public record Instrument(
    String name,
    InstrumentKind kind,
    String underlying,
    String quoteCurrency,
    Settlement settlement,
    Instant expiry,
    double strike,
    OptionType optionType) {

  /** Deribit's daily fixing time: every option and future expires at 08:00 UTC. */
  public static final LocalTime EXPIRY_TIME = LocalTime.of(8, 0);

  private static final String[] MONTHS =
      {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

  /** Validates the parts (that a parsed name is canonical is checked by {@link #parse(String)}). */
  public Instrument {
    ArgChecker.notBlank(name, "name");
    ArgChecker.notNull(kind, "kind");
    ArgChecker.notBlank(underlying, "underlying");
    ArgChecker.notBlank(quoteCurrency, "quoteCurrency");
    ArgChecker.notNull(settlement, "settlement");
    // Messages are built only on failure: instruments are made on hot paths (readers, generators).
    boolean dated = kind == InstrumentKind.OPTION || kind == InstrumentKind.FUTURE;
    if (dated != (expiry != null)) {
      throw new IllegalArgumentException(name + ": expiry must be set exactly for options and futures");
    }
    if (kind == InstrumentKind.OPTION) {
      if (!(strike > 0 && strike < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(name + ": strike must be finite and > 0, got " + strike);
      }
      if (optionType == null) {
        throw new IllegalArgumentException(name + ": optionType must not be null");
      }
    } else if (strike != 0 || optionType != null) {
      throw new IllegalArgumentException(name + ": only options have a strike and a type");
    }
  }

  /** An option; the name is built in Deribit's form. */
  public static Instrument option(
      String underlying, Settlement settlement, LocalDate expiryDate, double strike, OptionType type) {
    String prefix = prefix(underlying, settlement);
    String name = prefix + "-" + formatDate(expiryDate) + "-" + formatStrike(strike) + "-" + type.code();
    return new Instrument(name, InstrumentKind.OPTION, underlying, quote(settlement), settlement,
        expiryInstant(expiryDate), strike, type);
  }

  /** A dated future. */
  public static Instrument future(String underlying, Settlement settlement, LocalDate expiryDate) {
    String name = prefix(underlying, settlement) + "-" + formatDate(expiryDate);
    return new Instrument(name, InstrumentKind.FUTURE, underlying, quote(settlement), settlement,
        expiryInstant(expiryDate), 0.0, null);
  }

  /** A perpetual swap. */
  public static Instrument perpetual(String underlying, Settlement settlement) {
    String name = prefix(underlying, settlement) + "-PERPETUAL";
    return new Instrument(name, InstrumentKind.PERPETUAL, underlying, quote(settlement), settlement, null, 0.0,
        null);
  }

  /**
   * Parses a Deribit instrument name.
   *
   * @throws InvalidInstrumentException showing the name and what is wrong with it
   */
  public static Instrument parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInstrumentException("instrument name is empty");
    }
    String name = text.trim();
    String[] parts = name.split("-", -1);
    String base;
    String quote;
    Settlement settlement;
    int us = parts[0].indexOf('_');
    if (us < 0) {
      base = parts[0];
      quote = "USD";
      settlement = Settlement.INVERSE;
    } else {
      base = parts[0].substring(0, us);
      quote = parts[0].substring(us + 1);
      settlement = Settlement.LINEAR;
      if (quote.isEmpty()) {
        throw bad(name, "missing quote currency after '_' in '" + parts[0] + "'");
      }
      checkCurrency(name, quote, "quote currency");
    }
    checkCurrency(name, base, "underlying");
    switch (parts.length) {
      case 1 -> {
        if (settlement != Settlement.LINEAR) {
          throw bad(name, "expected UNDERLYING-EXPIRY[-STRIKE-C|P], UNDERLYING-PERPETUAL or BASE_QUOTE (spot)");
        }
        return new Instrument(name, InstrumentKind.SPOT, base, quote, settlement, null, 0.0, null);
      }
      case 2 -> {
        if (parts[1].equals("PERPETUAL")) {
          return new Instrument(name, InstrumentKind.PERPETUAL, base, quote, settlement, null, 0.0, null);
        }
        LocalDate date = parseDate(name, parts[1]);
        return checkedCanonical(name,
            new Instrument(canonical(parts[0], date, null, null), InstrumentKind.FUTURE, base, quote, settlement,
                expiryInstant(date), 0.0, null));
      }
      case 4 -> {
        LocalDate date = parseDate(name, parts[1]);
        double strike = parseStrike(name, parts[2]);
        OptionType type = switch (parts[3]) {
          case "C" -> OptionType.CALL;
          case "P" -> OptionType.PUT;
          default -> throw bad(name, "option type must be C or P, got '" + parts[3] + "'");
        };
        return checkedCanonical(name,
            new Instrument(canonical(parts[0], date, strike, type), InstrumentKind.OPTION, base, quote, settlement,
                expiryInstant(date), strike, type));
      }
      default -> throw bad(name, "expected 1, 2 or 4 '-'-separated parts, got " + parts.length);
    }
  }

  /** True for options. */
  public boolean isOption() {
    return kind == InstrumentKind.OPTION;
  }

  /** True for coin-settled (inverse) instruments. */
  public boolean isInverse() {
    return settlement == Settlement.INVERSE;
  }

  /** The currency premiums, P&amp;L and margin are paid in: the coin for inverse, the stablecoin for linear. */
  public String settlementCurrency() {
    return settlement == Settlement.INVERSE ? underlying : quoteCurrency;
  }

  /** Years from {@code valuation} to expiry (ACT/365 to the millisecond); negative once expired. */
  public double yearsToExpiry(Instant valuation) {
    if (expiry == null) {
      throw new IllegalArgumentException(name + " has no expiry");
    }
    return YearFraction.act365(valuation, expiry);
  }

  /** The canonical Deribit name. */
  @Override
  public String toString() {
    return name;
  }

  /** Formats a strike as Deribit does: an integer without decimals, a fraction with {@code d} as the point. */
  public static String formatStrike(double strike) {
    ArgChecker.positive(strike, "strike");
    String plain = new BigDecimal(Double.toString(strike)).stripTrailingZeros().toPlainString();
    return plain.replace('.', 'd');
  }

  /** Formats an expiry date as Deribit does: day without a leading zero, month, 2-digit year: {@code 3MAY24}. */
  public static String formatDate(LocalDate date) {
    int yy = date.getYear() % 100;
    return date.getDayOfMonth() + MONTHS[date.getMonthValue() - 1] + (yy < 10 ? "0" : "") + yy;
  }

  private static Instant expiryInstant(LocalDate date) {
    return date.atTime(EXPIRY_TIME).toInstant(ZoneOffset.UTC);
  }

  private static String canonical(String prefix, LocalDate date, Double strike, OptionType type) {
    String s = prefix + "-" + formatDate(date);
    return strike == null ? s : s + "-" + formatStrike(strike) + "-" + type.code();
  }

  private static Instrument checkedCanonical(String given, Instrument parsed) {
    if (!parsed.name().equals(given)) {
      throw bad(given, "not in Deribit's canonical form; did you mean '" + parsed.name() + "'?");
    }
    return parsed;
  }

  private static String prefix(String underlying, Settlement settlement) {
    return settlement == Settlement.INVERSE ? underlying : underlying + "_USDC";
  }

  private static String quote(Settlement settlement) {
    return settlement == Settlement.INVERSE ? "USD" : "USDC";
  }

  private static void checkCurrency(String name, String ccy, String what) {
    if (ccy.isEmpty() || ccy.length() > 12) {
      throw bad(name, what + " must have 1 to 12 characters, got '" + ccy + "'");
    }
    for (int i = 0; i < ccy.length(); i++) {
      char c = ccy.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        throw bad(name, what + " must be upper-case letters and digits, got '" + ccy + "'");
      }
    }
  }

  private static LocalDate parseDate(String name, String text) {
    int n = text.length();
    if (n < 6 || n > 7) {
      throw bad(name, "expiry must look like 27DEC24 or 3MAY24, got '" + text + "'");
    }
    String dayText = text.substring(0, n - 5);
    String monthText = text.substring(n - 5, n - 2);
    String yearText = text.substring(n - 2);
    int month = -1;
    for (int i = 0; i < MONTHS.length; i++) {
      if (MONTHS[i].equals(monthText)) {
        month = i + 1;
      }
    }
    if (month < 0) {
      throw bad(name, "unknown month '" + monthText + "' in expiry '" + text + "' (expected JAN..DEC)");
    }
    if (!isDigits(dayText) || !isDigits(yearText)) {
      throw bad(name, "expiry must look like 27DEC24 or 3MAY24, got '" + text + "'");
    }
    int day = Integer.parseInt(dayText);
    int year = 2000 + Integer.parseInt(yearText);
    try {
      return LocalDate.of(year, month, day);
    } catch (java.time.DateTimeException e) {
      throw bad(name, "expiry '" + text + "' is not a calendar date");
    }
  }

  private static double parseStrike(String name, String text) {
    String plain = text.replace('d', '.');
    boolean ok = !plain.isEmpty() && plain.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.')
        && plain.indexOf('.') == plain.lastIndexOf('.') && plain.charAt(0) != '.'
        && plain.charAt(plain.length() - 1) != '.';
    if (!ok) {
      throw bad(name, "strike must be digits with an optional 'd' as decimal point (e.g. 60000, 2d2), got '"
          + text + "'");
    }
    double strike = Double.parseDouble(plain);
    if (!(strike > 0)) {
      throw bad(name, "strike must be > 0, got '" + text + "'");
    }
    return strike;
  }

  private static boolean isDigits(String s) {
    return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static InvalidInstrumentException bad(String name, String what) {
    return new InvalidInstrumentException("invalid instrument name '" + name + "': " + what);
  }
}
