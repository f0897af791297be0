package io.netgamma.core.sim.path;

import io.netgamma.core.base.ArgChecker;

/**
 * One asset of a {@link MertonModel} (Merton 1976): {@code dS/S = (μ − λκ) dt + σ dW + (J − 1) dN}, N a Poisson
 * process of intensity λ, {@code ln J ~ N(m, δ²)}, {@code κ = E[J − 1] = exp(m + δ²/2) − 1}.
 *
 * @param name asset name
 * @param spot spot at point 0, USD per coin, &gt; 0
 * @param drift μ, annualised: the jump compensation {@code −λκ} makes {@code E[S_t] = S_0·e^{μt}}
 * @param vol diffusion σ, annualised fraction, ≥ 0
 * @param jumpIntensity λ, expected jumps per year, ≥ 0
 * @param jumpMean m, mean of the log jump size (−0.05 = jumps of about −5% on average)
 * @param jumpVol δ, standard deviation of the log jump size, ≥ 0
 */
public record MertonAsset(String name, double spot, double drift, double vol, double jumpIntensity,
    double jumpMean, double jumpVol) {

  /** Validates the parameters. */
  public MertonAsset {
    ArgChecker.notBlank(name, "name");
    ArgChecker.positive(spot, name + " spot");
    ArgChecker.finite(drift, name + " drift");
    ArgChecker.notNegative(vol, name + " vol");
    ArgChecker.notNegative(jumpIntensity, name + " jumpIntensity");
    ArgChecker.finite(jumpMean, name + " jumpMean");
    ArgChecker.notNegative(jumpVol, name + " jumpVol");
  }

  /** κ = E[J − 1] = exp(m + δ²/2) − 1, the mean relative jump. */
  public double meanRelativeJump() {
    return Math.expm1(jumpMean + 0.5 * jumpVol * jumpVol);
  }

  /** Variance of the log return per year: {@code σ² + λ·(m² + δ²)}. */
  public double logVariancePerYear() {
    return vol * vol + jumpIntensity * (jumpMean * jumpMean + jumpVol * jumpVol);
  }
}
