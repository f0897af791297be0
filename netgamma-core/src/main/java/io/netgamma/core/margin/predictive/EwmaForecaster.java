package io.netgamma.core.margin.predictive;

import io.netgamma.core.portfolio.EwmaEstimator;

/**
 * The RiskMetrics EWMA variance forecast, exactly the recursion of {@link EwmaEstimator} (the portfolio's EWMA
 * volatilities and correlations) run forward in time so that every day has its own forecast:
 * <pre>
 *   S_i = λ·S_{i−1} + r_i²,   W_i = λ·W_{i−1} + 1,   forecast of r_{i+1} = S_i / W_i
 * </pre>
 * with normalised weights (a short history is not biased towards 0); once {@code λ^i} is negligible this is
 * RiskMetrics' {@code σ²_{i+1} = λ·σ²_i + (1 − λ)·r_i²} (J.P. Morgan/Reuters, RiskMetrics Technical Document, 4th ed.
 * 1996, §5.2). The last forecast on a price series equals {@code EwmaEstimator.estimate(...).covariance(a, a)} on
 * the same prices (test {@code EwmaForecasterTest}). {@code forecasts[0]} is the given initial variance (the
 * normalised recursion does not otherwise use it). Immutable.
 *
 * @param lambda the decay, in (0, 1); {@link EwmaEstimator#RISKMETRICS_LAMBDA} (0.94) is RiskMetrics' daily value
 */
public record EwmaForecaster(double lambda) implements VolatilityForecaster {

  /** RiskMetrics' daily decay, 0.94. */
  public static final EwmaForecaster RISKMETRICS = new EwmaForecaster(EwmaEstimator.RISKMETRICS_LAMBDA);

  /** Validates λ. */
  public EwmaForecaster {
    if (!(lambda > 0 && lambda < 1)) {
      throw new IllegalArgumentException("EWMA lambda must be in (0, 1), got " + lambda);
    }
  }

  @Override
  public String name() {
    return "ewma(" + lambda + ")";
  }

  @Override
  public double[] varianceForecasts(double[] returns, double initialVariance) {
    VolatilityForecaster.check(returns, initialVariance);
    double[] out = new double[returns.length + 1];
    out[0] = initialVariance;
    double s = 0;
    double w = 0;
    for (int i = 0; i < returns.length; i++) {
      double r = returns[i];
      s = lambda * s + r * r;
      w = lambda * w + 1.0;
      double v = s / w;
      // a run of zero returns (a stale price) gives 0: keep the forecast positive
      out[i + 1] = v > 0 ? v : out[i];
    }
    return out;
  }
}
