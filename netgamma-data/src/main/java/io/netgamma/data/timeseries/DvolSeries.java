package io.netgamma.data.timeseries;

import io.netgamma.core.base.ArgChecker;

/**
 * Deribit DVOL (the 30-day implied volatility index) as daily OHLC in structure-of-arrays form, values as
 * <b>fractions</b> (the file's 84.8 is 0.848), in strictly ascending time. Immutable: the arrays are copied in, and
 * the array accessors return copies; hot loops should use the indexed accessors ({@link #close(int)}).
 *
 * @param timeMillis period start times (00:00 UTC of the day for daily files), epoch milliseconds, ascending
 * @param open opening index value, fraction, &gt; 0
 * @param high highest value
 * @param low lowest value
 * @param close closing value
 */
public record DvolSeries(long[] timeMillis, double[] open, double[] high, double[] low, double[] close) {

  /** Checks the lengths and the order of the times; copies the arrays. */
  public DvolSeries {
    ArgChecker.notNull(timeMillis, "timeMillis");
    int n = timeMillis.length;
    ArgChecker.isTrue(open.length == n && high.length == n && low.length == n && close.length == n,
        "all columns must have the " + n + " entries of timeMillis");
    timeMillis = timeMillis.clone();
    open = open.clone();
    high = high.clone();
    low = low.clone();
    close = close.clone();
    TimeSeriesSupport.checkAscending(timeMillis);
  }

  /** Number of periods. */
  public int size() {
    return timeMillis.length;
  }

  /** Start time of period {@code i}, epoch milliseconds. */
  public long timeMillis(int i) {
    return timeMillis[i];
  }

  /** Opening value of period {@code i}, fraction. */
  public double open(int i) {
    return open[i];
  }

  /** Highest value of period {@code i}, fraction. */
  public double high(int i) {
    return high[i];
  }

  /** Lowest value of period {@code i}, fraction. */
  public double low(int i) {
    return low[i];
  }

  /** Closing value of period {@code i}, fraction. */
  public double close(int i) {
    return close[i];
  }

  /** Copy of the start times, epoch milliseconds. */
  @Override
  public long[] timeMillis() {
    return timeMillis.clone();
  }

  /** Copy of the opening values (fractions). */
  @Override
  public double[] open() {
    return open.clone();
  }

  /** Copy of the highest values (fractions). */
  @Override
  public double[] high() {
    return high.clone();
  }

  /** Copy of the lowest values (fractions). */
  @Override
  public double[] low() {
    return low.clone();
  }

  /** Copy of the closing values (fractions). */
  @Override
  public double[] close() {
    return close.clone();
  }

  /**
   * Gaps: consecutive periods further apart than {@code stepMillis} (86,400,000 for daily).
   *
   * @param stepMillis the regular spacing, &gt; 0
   * @return how many gaps there are
   */
  public int gapCount(long stepMillis) {
    return TimeSeriesSupport.gapCount(timeMillis, stepMillis);
  }

  /**
   * Periods missing from a regular series (see {@link OhlcvSeries#missingBars(long)}).
   *
   * @param stepMillis the regular spacing, &gt; 0
   * @return how many periods would fill the gaps
   */
  public long missingBars(long stepMillis) {
    return TimeSeriesSupport.missingBars(timeMillis, stepMillis);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DvolSeries s && java.util.Arrays.equals(timeMillis, s.timeMillis)
        && java.util.Arrays.equals(open, s.open) && java.util.Arrays.equals(high, s.high)
        && java.util.Arrays.equals(low, s.low) && java.util.Arrays.equals(close, s.close);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(timeMillis) * 31 + java.util.Arrays.hashCode(close);
  }

  @Override
  public String toString() {
    return "DvolSeries[" + size() + " periods" + (size() == 0 ? "" : ", " + java.time.Instant.ofEpochMilli(
        timeMillis[0]) + " .. " + java.time.Instant.ofEpochMilli(timeMillis[size() - 1])) + "]";
  }
}
