package io.netgamma.core.sim.path;

import io.netgamma.core.base.ArgChecker;

/**
 * One asset of a {@link HestonModel} (Heston 1993): {@code dS/S = μ dt + √v dW}, {@code dv = κ(θ − v) dt +
 * ξ√v dZ}, {@code d⟨W, Z⟩ = ρ dt}. Variances are annualised (v = 0.36 is a 60% volatility).
 *
 * @param name asset name
 * @param spot spot at point 0, USD per coin, &gt; 0
 * @param drift μ, annualised ({@code E[S_t] = S_0·e^{μt}}; 0 = martingale)
 * @param v0 variance at point 0, ≥ 0
 * @param kappa κ, speed of mean reversion per year, ≥ 0
 * @param theta θ, long-run variance, ≥ 0
 * @param volOfVol ξ, volatility of the variance, ≥ 0
 * @param rho ρ, correlation of the spot and variance shocks, in [−1, 1] (negative for equities; crypto is often
 *     near 0 or slightly positive)
 */
public record HestonAsset(String name, double spot, double drift, double v0, double kappa, double theta,
    double volOfVol, double rho) {

  /** Validates the parameters. */
  public HestonAsset {
    ArgChecker.notBlank(name, "name");
    ArgChecker.positive(spot, name + " spot");
    ArgChecker.finite(drift, name + " drift");
    ArgChecker.notNegative(v0, name + " v0");
    ArgChecker.notNegative(kappa, name + " kappa");
    ArgChecker.notNegative(theta, name + " theta");
    ArgChecker.notNegative(volOfVol, name + " volOfVol");
    ArgChecker.inRange(rho, -1, 1, name + " rho");
  }

  /** {@code E[v_t] = θ + (v0 − θ)·e^{−κt}}, the exact mean of the variance process. */
  public double expectedVariance(double t) {
    return theta + (v0 - theta) * Math.exp(-kappa * t);
  }

  /** True when the Feller condition {@code 2κθ ≥ ξ²} holds (the variance then never reaches 0). */
  public boolean feller() {
    return 2 * kappa * theta >= volOfVol * volOfVol;
  }
}
