package io.netgamma.data.timeseries;

import io.netgamma.core.base.ArgChecker;

/**
 * A price series of OHLCV bars in structure-of-arrays form: one array per column, bar {@code i} at index
 * {@code i}, in strictly ascending time. Prices in the quote currency of the file (USD or USDT per coin); volume in
 * the file's unit (coins for Binance and Bitstamp candles). Immutable: the arrays are copied in, and the array
 * accessors return copies; hot loops should use the indexed accessors ({@link #close(int)}).
 *
 * @param timeMillis bar open times, epoch milliseconds UTC, strictly ascending
 * @param open open prices, &gt; 0
 * @param high high prices
 * @param low low prices
 * @param close close prices
 * @param volume volumes, &gt;= 0
 */
public record OhlcvSeries(long[] timeMillis, double[] open, double[] high, double[] low, double[] close,
    double[] volume) {

  /** Checks the lengths and the order of the times; copies the arrays. */
  public OhlcvSeries {
    ArgChecker.notNull(timeMillis, "timeMillis");
    int n = timeMillis.length;
    ArgChecker.isTrue(open.length == n && high.length == n && low.length == n && close.length == n
        && volume.length == n, "all columns must have the " + n + " entries of timeMillis");
    timeMillis = timeMillis.clone();
    open = open.clone();
    high = high.clone();
    low = low.clone();
    close = close.clone();
    volume = volume.clone();
    TimeSeriesSupport.checkAscending(timeMillis);
  }

  /** Number of bars. */
  public int size() {
    return timeMillis.length;
  }

  /** Open time of bar {@code i}, epoch milliseconds. */
  public long timeMillis(int i) {
    return timeMillis[i];
  }

  /** Open price of bar {@code i}. */
  public double open(int i) {
    return open[i];
  }

  /** High price of bar {@code i}. */
  public double high(int i) {
    return high[i];
  }

  /** Low price of bar {@code i}. */
  public double low(int i) {
    return low[i];
  }

  /** Close price of bar {@code i}. */
  public double close(int i) {
    return close[i];
  }

  /** Volume of bar {@code i}. */
  public double volume(int i) {
    return volume[i];
  }

  /** Copy of the bar open times, epoch milliseconds. */
  @Override
  public long[] timeMillis() {
    return timeMillis.clone();
  }

  /** Copy of the open prices. */
  @Override
  public double[] open() {
    return open.clone();
  }

  /** Copy of the high prices. */
  @Override
  public double[] high() {
    return high.clone();
  }

  /** Copy of the low prices. */
  @Override
  public double[] low() {
    return low.clone();
  }

  /** Copy of the close prices. */
  @Override
  public double[] close() {
    return close.clone();
  }

  /** Copy of the volumes. */
  @Override
  public double[] volume() {
    return volume.clone();
  }

  /**
   * Gaps in a regular series: consecutive bars further apart than {@code stepMillis}.
   *
   * @param stepMillis the regular bar spacing (3,600,000 for hourly), &gt; 0
   * @return how many gaps there are
   */
  public int gapCount(long stepMillis) {
    return TimeSeriesSupport.gapCount(timeMillis, stepMillis);
  }

  /**
   * Bars missing from a regular series: the sum over consecutive bars of {@code (Δt / step) − 1}, rounded down.
   *
   * @param stepMillis the regular bar spacing, &gt; 0
   * @return how many bars would fill the gaps
   */
  public long missingBars(long stepMillis) {
    return TimeSeriesSupport.missingBars(timeMillis, stepMillis);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OhlcvSeries s && java.util.Arrays.equals(timeMillis, s.timeMillis)
        && java.util.Arrays.equals(open, s.open) && java.util.Arrays.equals(high, s.high)
        && java.util.Arrays.equals(low, s.low) && java.util.Arrays.equals(close, s.close)
        && java.util.Arrays.equals(volume, s.volume);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(timeMillis) * 31 + java.util.Arrays.hashCode(close);
  }

  @Override
  public String toString() {
    return "OhlcvSeries[" + size() + " bars" + (size() == 0 ? "" : ", " + java.time.Instant.ofEpochMilli(
        timeMillis[0]) + " .. " + java.time.Instant.ofEpochMilli(timeMillis[size() - 1])) + "]";
  }
}
