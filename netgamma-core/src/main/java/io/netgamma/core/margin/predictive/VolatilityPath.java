package io.netgamma.core.margin.predictive;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.base.MissingMarketDataException;
import java.time.Instant;
import java.util.Arrays;

/**
 * A time series of annualised volatility forecasts, each known from its instant on: a forecaster run over a price
 * history ({@link #fromPrices}), or an implied-volatility index such as Deribit's DVOL ({@link #fromPercent}).
 * {@link #asOf(Instant)} gives the latest value known at an instant, never a later one (no look-ahead). Immutable.
 *
 * @param name what the path is, for reports ({@code ewma(0.94) of BTC daily closes}, {@code DVOL})
 * @param timeMillis epoch milliseconds from which each value is known, strictly ascending (copied)
 * @param vols annualised volatilities, fractions (0.65 = 65%), finite and &gt; 0 (copied)
 */
public record VolatilityPath(String name, long[] timeMillis, double[] vols) {

  /** Validates and copies. */
  public VolatilityPath {
    ArgChecker.notBlank(name, "name");
    ArgChecker.notNull(timeMillis, "timeMillis");
    ArgChecker.notNull(vols, "vols");
    ArgChecker.isTrue(timeMillis.length == vols.length, name + ": " + timeMillis.length + " times but "
        + vols.length + " vols");
    ArgChecker.isTrue(timeMillis.length > 0, name + ": empty volatility path");
    timeMillis = timeMillis.clone();
    vols = vols.clone();
    for (int i = 0; i < vols.length; i++) {
      if (!(vols[i] > 0 && vols[i] < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(name + ": volatility at " + Instant.ofEpochMilli(timeMillis[i])
            + " must be finite and > 0, got " + vols[i]);
      }
      if (i > 0 && timeMillis[i] <= timeMillis[i - 1]) {
        throw new IllegalArgumentException(name + ": times must be strictly ascending, "
            + Instant.ofEpochMilli(timeMillis[i - 1]) + " then " + Instant.ofEpochMilli(timeMillis[i]));
      }
    }
  }

  /**
   * The forecaster's volatility after each price: the value at {@code timeMillis[i]} is the forecast of the next
   * period's return made with the prices up to and including {@code prices[i]}; at the first price, the initial
   * variance.
   *
   * @param name for reports
   * @param timeMillis instants of the prices (when each becomes known: a bar's close), strictly ascending
   * @param prices prices, finite and &gt; 0, one per instant
   * @param forecaster the forecaster
   * @param initialVariance its variance before any return, per period, &gt; 0
   * @param periodsPerYear periods per year of the series (365 for daily closes), &gt; 0
   * @return the path, annualised
   */
  public static VolatilityPath fromPrices(String name, long[] timeMillis, double[] prices,
      VolatilityForecaster forecaster, double initialVariance, double periodsPerYear) {
    ArgChecker.notNull(forecaster, "forecaster");
    ArgChecker.positive(periodsPerYear, "periodsPerYear");
    ArgChecker.isTrue(timeMillis.length == prices.length, name + ": " + timeMillis.length + " times but "
        + prices.length + " prices");
    double[] f = forecaster.varianceForecasts(VolatilityForecaster.logReturns(prices), initialVariance);
    double[] vol = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      vol[i] = Math.sqrt(f[i] * periodsPerYear);
    }
    return new VolatilityPath(name, timeMillis, vol);
  }

  /**
   * A path of volatilities in percent (DVOL's unit: 65.3 = 65.3%).
   *
   * @param name for reports
   * @param timeMillis instants from which each value is known, strictly ascending
   * @param percent volatilities in percent, finite and &gt; 0
   * @return the path, as fractions
   */
  public static VolatilityPath fromPercent(String name, long[] timeMillis, double[] percent) {
    ArgChecker.notNull(percent, "percent");
    double[] v = new double[percent.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = percent[i] / 100.0;
    }
    return new VolatilityPath(name, timeMillis, v);
  }

  /** Number of values. */
  public int size() {
    return vols.length;
  }

  /** The first instant with a value. */
  public Instant start() {
    return Instant.ofEpochMilli(timeMillis[0]);
  }

  /** True when a value is known at {@code instant} (it is not before the first one). */
  public boolean covers(Instant instant) {
    return instant.toEpochMilli() >= timeMillis[0];
  }

  /**
   * The latest volatility known at {@code instant}: the value of the last time {@code ≤ instant}.
   *
   * @throws MissingMarketDataException naming the path and its first instant when {@code instant} is before it
   */
  public double asOf(Instant instant) {
    ArgChecker.notNull(instant, "instant");
    int i = indexAsOf(instant.toEpochMilli());
    if (i < 0) {
      throw new MissingMarketDataException(name + " has no volatility at or before " + instant + " (it starts at "
          + start() + ")");
    }
    return vols[i];
  }

  /** Index of the last time {@code ≤ millis}, or −1. */
  public int indexAsOf(long millis) {
    int i = Arrays.binarySearch(timeMillis, millis);
    return i >= 0 ? i : -i - 2;
  }

  /** The exact value at {@code millis}, or NaN when the path has no value at exactly that instant. */
  public double exactlyAt(long millis) {
    int i = Arrays.binarySearch(timeMillis, millis);
    return i >= 0 ? vols[i] : Double.NaN;
  }

  @Override
  public long[] timeMillis() {
    return timeMillis.clone();
  }

  @Override
  public double[] vols() {
    return vols.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VolatilityPath p && name.equals(p.name) && Arrays.equals(timeMillis, p.timeMillis)
        && Arrays.equals(vols, p.vols);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(vols);
  }

  @Override
  public String toString() {
    return "VolatilityPath[" + name + ", " + vols.length + " values from " + start() + "]";
  }
}
