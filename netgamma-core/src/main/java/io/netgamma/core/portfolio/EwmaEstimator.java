package io.netgamma.core.portfolio;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.YearFraction;
import java.util.Arrays;
import java.util.List;

/**
 * Exponentially weighted (EWMA) volatilities and correlations of several price series, RiskMetrics style, on
 * arrays. Stateless.
 *
 * <p>With log returns {@code r_t = ln(P_t/P_{t−1})} (zero mean assumed, as RiskMetrics does) of T periods, the
 * covariance of assets a and b per period is the weighted mean
 * <pre>
 *   C_ab = Σ_{t=1..T} λ^{T−t} · r_a,t · r_b,t  /  Σ_{t=1..T} λ^{T−t}
 * </pre>
 * computed by the recursion {@code S_t = λ·S_{t−1} + r_t·r_tᵀ}, {@code W_t = λ·W_{t−1} + 1}, {@code C = S_T/W_T}.
 * The weights are normalised over the history available, so a short history is not biased towards 0; once
 * {@code λ^T} is negligible this is RiskMetrics' {@code C_t = λ·C_{t−1} + (1 − λ)·r_t·r_tᵀ}. Volatilities are
 * annualised with the number of periods per year ({@code σ = sqrt(C_aa·periodsPerYear)}); correlations
 * {@code C_ab/sqrt(C_aa·C_bb)} and betas {@code C_ab/C_bb} do not depend on it.
 */
public final class EwmaEstimator {

  /** RiskMetrics' decay for daily data, 0.94 (the default here for any frequency). */
  public static final double RISKMETRICS_LAMBDA = 0.94;

  private EwmaEstimator() {
  }

  /**
   * Estimates from aligned price series (the same instants for every asset).
   *
   * @param assets the asset names, distinct (e.g. BTC, ETH)
   * @param prices {@code prices[a][t]}, one series per asset, all of the same length &ge; 2, finite and &gt; 0
   * @param lambda the decay, in (0, 1)
   * @param periodsPerYear periods per year of the series (8,760 for hourly, 365 for daily closes), &gt; 0
   * @return the estimate
   */
  public static EwmaEstimate estimate(List<String> assets, double[][] prices, double lambda, double periodsPerYear) {
    ArgChecker.notNull(assets, "assets");
    ArgChecker.notNull(prices, "prices");
    int k = assets.size();
    ArgChecker.isTrue(k > 0 && prices.length == k, assets.size() + " assets but " + prices.length + " price series");
    ArgChecker.isTrue(assets.stream().distinct().count() == k, "assets must be distinct, got " + assets);
    ArgChecker.isTrue(lambda > 0 && lambda < 1, "lambda must be in (0, 1), got " + lambda);
    ArgChecker.positive(periodsPerYear, "periodsPerYear");
    int n = prices[0].length;
    ArgChecker.isTrue(n >= 2, "at least 2 prices are needed for one return, got " + n);
    for (int a = 0; a < k; a++) {
      ArgChecker.isTrue(prices[a].length == n, assets.get(a) + " has " + prices[a].length + " prices, "
          + assets.get(0) + " has " + n + ": the series must be aligned");
      for (int t = 0; t < n; t++) {
        double p = prices[a][t];
        if (!(p > 0 && p < Double.POSITIVE_INFINITY)) {
          throw new IllegalArgumentException(assets.get(a) + " price #" + t + " must be finite and > 0, got " + p);
        }
      }
    }
    double[][] s = new double[k][k];
    double[] r = new double[k];
    double w = 0;
    for (int t = 1; t < n; t++) {
      for (int a = 0; a < k; a++) {
        r[a] = Math.log(prices[a][t] / prices[a][t - 1]);
      }
      w = lambda * w + 1.0;
      for (int a = 0; a < k; a++) {
        for (int b = 0; b <= a; b++) {
          s[a][b] = lambda * s[a][b] + r[a] * r[b];
        }
      }
    }
    double[][] c = new double[k][k];
    for (int a = 0; a < k; a++) {
      for (int b = 0; b <= a; b++) {
        c[a][b] = s[a][b] / w;
        c[b][a] = c[a][b];
      }
    }
    return new EwmaEstimate(assets, lambda, n - 1, periodsPerYear, c);
  }

  /**
   * Estimates from series on their own time grids: keeps the instants common to all series
   * ({@link #commonInstants}) and infers the periods per year from the median spacing of those instants
   * ({@code 365·86,400,000 ms / median step}: 8,760 for hourly bars).
   *
   * @param assets the asset names, distinct
   * @param times {@code times[a]}: epoch milliseconds of each price, strictly ascending
   * @param prices {@code prices[a]}: the prices, finite and &gt; 0
   * @param lambda the decay, in (0, 1)
   * @return the estimate
   * @throws IllegalArgumentException when fewer than 2 instants are common to all series
   */
  public static EwmaEstimate estimate(List<String> assets, long[][] times, double[][] prices, double lambda) {
    Aligned aligned = commonInstants(times, prices);
    long[] t = aligned.times();
    ArgChecker.isTrue(t.length >= 2, "the price series of " + assets + " have " + t.length
        + " instants in common; at least 2 are needed");
    long[] steps = new long[t.length - 1];
    for (int i = 1; i < t.length; i++) {
      steps[i - 1] = t[i] - t[i - 1];
    }
    Arrays.sort(steps);
    double median = steps.length % 2 == 1 ? steps[steps.length / 2]
        : 0.5 * (steps[steps.length / 2 - 1] + steps[steps.length / 2]);
    return estimate(assets, aligned.prices(), lambda, YearFraction.MILLIS_PER_YEAR / median);
  }

  /**
   * Series restricted to the instants they all have.
   *
   * @param times the common instants, epoch milliseconds, ascending
   * @param prices {@code prices[a][i]}: the price of asset a at {@code times[i]}
   */
  public record Aligned(long[] times, double[][] prices) {
  }

  /**
   * The instants common to every series, with each series' prices at them.
   *
   * @param times {@code times[a]}, strictly ascending epoch milliseconds
   * @param prices {@code prices[a]}, one price per instant of {@code times[a]}
   * @return the aligned series
   */
  public static Aligned commonInstants(long[][] times, double[][] prices) {
    ArgChecker.notNull(times, "times");
    ArgChecker.notNull(prices, "prices");
    int k = times.length;
    ArgChecker.isTrue(k > 0 && prices.length == k, times.length + " time series but " + prices.length
        + " price series");
    for (int a = 0; a < k; a++) {
      ArgChecker.isTrue(times[a].length == prices[a].length, "series #" + a + " has " + times[a].length
          + " times but " + prices[a].length + " prices");
      for (int i = 1; i < times[a].length; i++) {
        ArgChecker.isTrue(times[a][i] > times[a][i - 1], "series #" + a + ": times must be strictly ascending, "
            + times[a][i - 1] + " then " + times[a][i] + " at #" + i);
      }
    }
    int[] pos = new int[k];
    int capacity = Integer.MAX_VALUE;
    for (long[] t : times) {
      capacity = Math.min(capacity, t.length);
    }
    long[] common = new long[capacity];
    int[][] at = new int[k][capacity];
    int found = 0;
    outer:
    while (true) {
      long max = Long.MIN_VALUE;
      for (int a = 0; a < k; a++) {
        if (pos[a] >= times[a].length) {
          break outer;
        }
        max = Math.max(max, times[a][pos[a]]);
      }
      boolean all = true;
      for (int a = 0; a < k; a++) {
        while (pos[a] < times[a].length && times[a][pos[a]] < max) {
          pos[a]++;
        }
        if (pos[a] >= times[a].length) {
          break outer;
        }
        all &= times[a][pos[a]] == max;
      }
      if (all) {
        common[found] = max;
        for (int a = 0; a < k; a++) {
          at[a][found] = pos[a]++;
        }
        found++;
      }
    }
    double[][] out = new double[k][found];
    for (int a = 0; a < k; a++) {
      for (int i = 0; i < found; i++) {
        out[a][i] = prices[a][at[a][i]];
      }
    }
    return new Aligned(Arrays.copyOf(common, found), out);
  }
}
