package io.netgamma.core.margin.predictive;

/**
 * A one-step-ahead forecaster of the variance of log returns. Implementations are immutable and thread-safe.
 *
 * <p>Alignment (ex ante, no look-ahead): for returns {@code r_0 … r_{n−1}} ({@code r_i = ln(P_{i+1}/P_i)}, one per
 * period), {@code forecasts[i]} is the variance of {@code r_i} forecast from {@code r_0 … r_{i−1}} only, for
 * i = 0 … n; {@code forecasts[n]} is the forecast of the next, not yet observed, return. Zero mean is assumed, as
 * RiskMetrics does: daily crypto drift is far below its volatility. Variances are per period; annualise with the
 * periods per year ({@code σ = sqrt(variance · periodsPerYear)}, 365 for daily closes of a market that trades every
 * day).
 */
public interface VolatilityForecaster {

  /** A short identifier: {@code ewma(0.94)}, {@code garch(1,1)}. */
  String name();

  /**
   * The variance forecasts of every return and of the next one.
   *
   * @param returns log returns per period, finite, in time order
   * @param initialVariance the variance forecast before any return is seen (used for {@code forecasts[0]}, and
   *     as the starting variance where the model needs one), per period, finite and &gt; 0
   * @return {@code n + 1} forecasts, per period, finite and &gt; 0
   * @throws IllegalArgumentException naming the first non-finite return
   */
  double[] varianceForecasts(double[] returns, double initialVariance);

  /**
   * Log returns of a price series: {@code r_i = ln(P_{i+1}/P_i)}.
   *
   * @param prices prices, finite and &gt; 0, at least 1
   * @return {@code prices.length − 1} returns
   * @throws IllegalArgumentException naming the first bad price and its index
   */
  static double[] logReturns(double[] prices) {
    io.netgamma.core.base.ArgChecker.notNull(prices, "prices");
    io.netgamma.core.base.ArgChecker.isTrue(prices.length >= 1, "at least one price is needed");
    for (int i = 0; i < prices.length; i++) {
      if (!(prices[i] > 0 && prices[i] < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("price #" + i + " must be finite and > 0, got " + prices[i]);
      }
    }
    double[] r = new double[prices.length - 1];
    for (int i = 0; i < r.length; i++) {
      r[i] = Math.log(prices[i + 1] / prices[i]);
    }
    return r;
  }

  /** Checks the common arguments of {@link #varianceForecasts}. */
  static void check(double[] returns, double initialVariance) {
    io.netgamma.core.base.ArgChecker.notNull(returns, "returns");
    if (!(initialVariance > 0 && initialVariance < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("initial variance must be finite and > 0, got " + initialVariance);
    }
    for (int i = 0; i < returns.length; i++) {
      if (!Double.isFinite(returns[i])) {
        throw new IllegalArgumentException("return #" + i + " must be finite, got " + returns[i]);
      }
    }
  }
}
