package io.netgamma.core.sim.path;

import io.netgamma.core.base.ArgChecker;

/**
 * One asset of a {@link GarchModel}: GARCH(1,1) (Bollerslev 1986) on the per-step log return,
 * {@code r_i = μ·dt − h_i/2 + √h_i·ε_i}, {@code h_{i+1} = ω + α·h_i·ε_i² + β·h_i}. Variances {@code h} and ω are
 * per step of the model's grid (not annualised); the unconditional variance is {@code ω/(1 − α − β)}.
 *
 * @param name asset name
 * @param spot spot at point 0, USD per coin, &gt; 0
 * @param drift μ, annualised: the {@code −h/2} term makes {@code E[S_{i+1}/S_i] = e^{μ·dt}} (0 = martingale)
 * @param omega ω, per-step variance, &gt; 0
 * @param alpha α ≥ 0 (reaction to the last shock)
 * @param beta β ≥ 0 (persistence), with {@code α + β < 1} (covariance stationary)
 * @param h0 conditional variance of the first step, per step, &gt; 0; NaN for the unconditional variance
 */
public record GarchAsset(String name, double spot, double drift, double omega, double alpha, double beta,
    double h0) {

  /** Validates the parameters. */
  public GarchAsset {
    ArgChecker.notBlank(name, "name");
    ArgChecker.positive(spot, name + " spot");
    ArgChecker.finite(drift, name + " drift");
    ArgChecker.positive(omega, name + " omega");
    ArgChecker.notNegative(alpha, name + " alpha");
    ArgChecker.notNegative(beta, name + " beta");
    ArgChecker.isTrue(alpha + beta < 1, name + ": alpha + beta must be < 1 (stationary), got " + (alpha + beta));
    if (!Double.isNaN(h0)) {
      ArgChecker.positive(h0, name + " h0");
    }
  }

  /**
   * An asset whose unconditional volatility is {@code annualVol} on steps of {@code dtYears}:
   * {@code ω = annualVol²·dt·(1 − α − β)}, starting at the unconditional variance.
   */
  public static GarchAsset ofAnnualVol(String name, double spot, double drift, double annualVol, double alpha,
      double beta, double dtYears) {
    ArgChecker.positive(annualVol, name + " annualVol");
    ArgChecker.positive(dtYears, "dtYears");
    return new GarchAsset(name, spot, drift, annualVol * annualVol * dtYears * (1 - alpha - beta), alpha, beta,
        Double.NaN);
  }

  /** Unconditional per-step variance {@code ω/(1 − α − β)}. */
  public double unconditionalVariance() {
    return omega / (1 - alpha - beta);
  }

  /** The starting per-step variance: {@code h0}, or the unconditional variance when {@code h0} is NaN. */
  public double initialVariance() {
    return Double.isNaN(h0) ? unconditionalVariance() : h0;
  }
}
