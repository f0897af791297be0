package io.netgamma.core.instrument;

import java.time.Instant;

/**
 * Time convention of netgamma: year fractions are ACT/365 measured to the millisecond between two UTC
 * instants (crypto trades every calendar day; Deribit uses the same convention for its greeks).
 */
public final class YearFraction {

  /** Milliseconds in a 365-day year. */
  public static final double MILLIS_PER_YEAR = 365.0 * 86_400_000.0;
  /** Calendar days in a year of the convention; theta and charm are quoted per one of these days. */
  public static final double DAYS_PER_YEAR = 365.0;

  private YearFraction() {
  }

  /** Years from {@code fromEpochMillis} to {@code toEpochMillis}, ACT/365; negative when {@code to} is earlier. */
  public static double act365(long fromEpochMillis, long toEpochMillis) {
    return (toEpochMillis - fromEpochMillis) / MILLIS_PER_YEAR;
  }

  /** Years from {@code from} to {@code to}, ACT/365 to the millisecond; negative when {@code to} is earlier. */
  public static double act365(Instant from, Instant to) {
    return act365(from.toEpochMilli(), to.toEpochMilli());
  }
}
