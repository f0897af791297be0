package io.netgamma.core.hedge.policy;

import io.netgamma.core.base.ArgChecker;

/**
 * Whalley &amp; Wilmott (1997): keep the book's delta within {@code ±H},
 * {@code H = (3/2 · e^{−rτ} · λ · S · Γ² / γ)^{1/3}} ({@link HedgingBands#whalleyWilmottHalfWidth}), and when it leaves
 * the band trade to the nearer edge — not to 0: that is the optimal strategy of their asymptotic analysis. The band
 * grows as the cube root of the cost and as Γ^{2/3}; with no cost or no gamma it is [0, 0] (hedge continuously).
 *
 * <p>γ is the absolute risk aversion of exponential utility, per USD, as in the paper. Scale: for one 30-day
 * at-the-money BTC option at S = 60,000 and σ = 60% (Γ = 3.85e-5 per USD) with λ = 5 bp, γ = 1e-4 gives ±0.087 coin,
 * γ = 1 ±0.004 coin; a book of 100 such options has 100 times the gamma and a band 100^{2/3} ≈ 21.5 times wider.
 *
 * @param riskAversion γ, per USD, &gt; 0
 */
public record WhalleyWilmottPolicy(double riskAversion) implements RebalancingPolicy {

  /** Validates. */
  public WhalleyWilmottPolicy {
    ArgChecker.positive(riskAversion, "risk aversion");
  }

  /** The half-width H for this state, coins. */
  public double halfWidth(PolicyState state) {
    double rate = state.rate();
    double tau = rate == 0 ? 0.0 : requireTau(state, "ww");
    return HedgingBands.whalleyWilmottHalfWidth(state.gamma(), state.spot(), state.costRate(), riskAversion, rate,
        tau);
  }

  @Override
  public HedgeDecision decide(PolicyState state) {
    double h = halfWidth(state);
    return state.decision().band(state.delta(), -h, h, 0.0, true);
  }

  @Override
  public String spec() {
    return "ww:" + PolicySpecs.formatNumber(riskAversion);
  }

  static double requireTau(PolicyState state, String name) {
    double tau = state.timeToExpiry();
    if (Double.isNaN(tau)) {
      throw new IllegalStateException(name + " needs the time to expiry: set the policy state's timeToExpiry (years)");
    }
    return tau;
  }
}
