package io.netgamma.core.margin.predictive;

import io.netgamma.core.base.ArgChecker;

/**
 * The GARCH(1,1) one-step variance forecast with fixed parameters ({@link GarchParameters}, e.g. from
 * {@link GarchFitter}): {@code forecasts[0] = initialVariance}, {@code forecasts[i+1] = ω + α·r_i² + β·forecasts[i]}.
 * The usual starting variance is the unconditional one ({@link #varianceForecasts(double[])}). Immutable.
 *
 * @param parameters ω, α, β per period
 */
public record GarchForecaster(GarchParameters parameters) implements VolatilityForecaster {

  /** Validates. */
  public GarchForecaster {
    ArgChecker.notNull(parameters, "parameters");
  }

  @Override
  public String name() {
    return "garch(1,1)";
  }

  @Override
  public double[] varianceForecasts(double[] returns, double initialVariance) {
    VolatilityForecaster.check(returns, initialVariance);
    double omega = parameters.omega();
    double alpha = parameters.alpha();
    double beta = parameters.beta();
    double[] out = new double[returns.length + 1];
    out[0] = initialVariance;
    for (int i = 0; i < returns.length; i++) {
      out[i + 1] = omega + alpha * returns[i] * returns[i] + beta * out[i];
    }
    return out;
  }

  /** The forecasts started from the unconditional variance {@code ω/(1 − α − β)}. */
  public double[] varianceForecasts(double[] returns) {
    return varianceForecasts(returns, parameters.unconditionalVariance());
  }
}
