package io.netgamma.core.margin.predictive;

import io.netgamma.core.base.ArgChecker;

/**
 * A GARCH(1,1) fitted by {@link GarchFitter}.
 *
 * @param parameters the maximum-likelihood parameters, per period
 * @param logLikelihood the Gaussian log-likelihood at them, {@code −½·Σ(ln 2π + ln σ²_t + r_t²/σ²_t)}
 * @param returns the number of returns fitted
 * @param sampleVariance the mean squared return (the variance target: ω = (1 − α − β)·this)
 * @param alphaStandardError asymptotic standard error of α from the inverse of the observed information (the
 *     numerical Hessian of the log-likelihood in (α, β)); NaN when {@link #hasStandardErrors()} is false
 * @param betaStandardError the same for β
 * @param evaluations log-likelihood evaluations the search took
 */
public record GarchFit(GarchParameters parameters, double logLikelihood, int returns, double sampleVariance,
    double alphaStandardError, double betaStandardError, int evaluations) {

  /** Validates. */
  public GarchFit {
    ArgChecker.notNull(parameters, "parameters");
    ArgChecker.finite(logLikelihood, "log-likelihood");
    ArgChecker.positive(returns, "returns");
    ArgChecker.positive(sampleVariance, "sample variance");
  }

  /**
   * True when standard errors exist: the optimum is inside the region (α &gt; 0, β &gt; 0, α + β &lt; 1, away from
   * the edges by more than the differencing step) and the Hessian there is negative definite.
   */
  public boolean hasStandardErrors() {
    return !Double.isNaN(alphaStandardError) && !Double.isNaN(betaStandardError);
  }

  /** A forecaster with these parameters. */
  public GarchForecaster forecaster() {
    return new GarchForecaster(parameters);
  }
}
