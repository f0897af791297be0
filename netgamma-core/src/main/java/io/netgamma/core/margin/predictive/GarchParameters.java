package io.netgamma.core.margin.predictive;

import io.netgamma.core.base.ArgChecker;

/**
 * The parameters of a GARCH(1,1) variance process (Bollerslev 1986, "Generalized autoregressive conditional
 * heteroskedasticity", J. Econometrics 31): {@code σ²_t = ω + α·r²_{t−1} + β·σ²_{t−1}} for zero-mean returns
 * {@code r_t = σ_t·z_t}, z standard normal. Per period (daily for daily returns).
 *
 * @param omega ω, per-period variance, &gt; 0
 * @param alpha α, the weight of the last squared return, &ge; 0
 * @param beta β, the weight of the last variance, &ge; 0, with {@code α + β < 1} (covariance stationary)
 */
public record GarchParameters(double omega, double alpha, double beta) {

  /** Validates: ω &gt; 0, α, β &ge; 0, α + β &lt; 1, all finite. */
  public GarchParameters {
    ArgChecker.positive(omega, "GARCH omega");
    ArgChecker.finite(omega, "GARCH omega");
    ArgChecker.notNegative(alpha, "GARCH alpha");
    ArgChecker.notNegative(beta, "GARCH beta");
    if (!(alpha + beta < 1)) {
      throw new IllegalArgumentException("GARCH alpha + beta must be < 1 (stationary), got " + alpha + " + " + beta
          + " = " + (alpha + beta));
    }
  }

  /**
   * The parameters with the long-run variance fixed (variance targeting, Engle &amp; Mezrich 1996):
   * {@code ω = (1 − α − β)·longRunVariance}.
   */
  public static GarchParameters targeted(double longRunVariance, double alpha, double beta) {
    ArgChecker.positive(longRunVariance, "long-run variance");
    return new GarchParameters((1 - alpha - beta) * longRunVariance, alpha, beta);
  }

  /** The persistence {@code α + β}. */
  public double persistence() {
    return alpha + beta;
  }

  /** The unconditional (long-run) variance per period, {@code ω / (1 − α − β)}. */
  public double unconditionalVariance() {
    return omega / (1 - alpha - beta);
  }

  /** The half-life of a variance shock, periods: {@code ln ½ / ln(α + β)} (∞ for α + β = 0 is 0 here). */
  public double halfLife() {
    double p = alpha + beta;
    return p > 0 ? Math.log(0.5) / Math.log(p) : 0.0;
  }
}
