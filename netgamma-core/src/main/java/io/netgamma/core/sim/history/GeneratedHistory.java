package io.netgamma.core.sim.history;

import io.netgamma.core.base.ArgChecker;
import java.time.LocalDate;

/**
 * A generated daily history: OHLCV bars of a coin in USD and its implied-volatility index (DVOL-like, percent),
 * one per day from {@link #start()}.
 *
 * @param start the first day
 * @param open daily open, USD (the previous close)
 * @param high daily high
 * @param low daily low
 * @param close daily close
 * @param volume daily volume, coins
 * @param impliedOpen implied-volatility index at the open, percent
 * @param impliedHigh its high
 * @param impliedLow its low
 * @param impliedClose its close (the 30-day implied volatility known at the day's close)
 * @param seed the seed it was made from
 */
public record GeneratedHistory(LocalDate start, double[] open, double[] high, double[] low, double[] close,
    double[] volume, double[] impliedOpen, double[] impliedHigh, double[] impliedLow, double[] impliedClose,
    long seed) {

  /** Validates the lengths. */
  public GeneratedHistory {
    ArgChecker.notNull(start, "start");
    int n = close.length;
    for (double[] a : new double[][] {open, high, low, volume, impliedOpen, impliedHigh, impliedLow, impliedClose}) {
      ArgChecker.isTrue(a.length == n, "every column must have " + n + " days");
    }
  }

  /** Number of days. */
  public int size() {
    return close.length;
  }

  /** Day {@code i}. */
  public LocalDate date(int i) {
    return start.plusDays(i);
  }
}
