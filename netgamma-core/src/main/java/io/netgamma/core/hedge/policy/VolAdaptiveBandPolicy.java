package io.netgamma.core.hedge.policy;

import io.netgamma.core.base.ArgChecker;

/**
 * A band as wide as {@code multiplier} standard deviations of the delta change over {@code tauYears}:
 * {@code h = max(m·|Γ|·S·σ·√τ, min)}, trading to 0 outside. σ is the realised volatility when the state has one and the
 * implied otherwise, so {@code h = m·|Γ|·S·σ_implied·√τ·(σ_realised/σ_implied)}: the band scales with the book's gamma
 * and with realised over implied volatility — wider when the market moves more, so the number of rehedges per day
 * stays about the same.
 *
 * <p>Source: over a short δt the delta changes by {@code Γ·δS} with {@code sd(δS) = S·σ·√δt} (Itô, the basis of
 * Hoggard, Whalley &amp; Wilmott 1994, "Hedging option portfolios in the presence of transaction costs", Advances in
 * Futures and Options Research 7, where the expected rehedge is {@code |Γ|·S·σ·√(2δt/π)}).
 *
 * @param multiplier m, standard deviations, &gt; 0
 * @param tauYears the horizon τ of the delta change, years, &gt; 0 (1 day = 1/365)
 * @param minHalfWidth least half-width in coins, &ge; 0 (a book without gamma otherwise hedges every delta)
 */
public record VolAdaptiveBandPolicy(double multiplier, double tauYears, double minHalfWidth)
    implements RebalancingPolicy {

  /** One day in years, the default τ. */
  public static final double ONE_DAY = 1.0 / 365.0;

  /** Validates. */
  public VolAdaptiveBandPolicy {
    ArgChecker.positive(multiplier, "multiplier");
    ArgChecker.positive(tauYears, "tau (years)");
    ArgChecker.notNegative(minHalfWidth, "minimum half-width");
  }

  /** m standard deviations of the one-day delta change, no minimum. */
  public static VolAdaptiveBandPolicy of(double multiplier) {
    return new VolAdaptiveBandPolicy(multiplier, ONE_DAY, 0.0);
  }

  /** The half-width for this state, coins. */
  public double halfWidth(PolicyState state) {
    double realised = state.realisedVol();
    double sigma = Double.isNaN(realised) ? state.impliedVol() : realised;
    return Math.max(multiplier * Math.abs(state.gamma()) * state.spot() * sigma * Math.sqrt(tauYears), minHalfWidth);
  }

  @Override
  public HedgeDecision decide(PolicyState state) {
    double h = halfWidth(state);
    return state.decision().band(state.delta(), -h, h, 0.0, false);
  }

  @Override
  public String spec() {
    StringBuilder s = new StringBuilder("vol-band:").append(PolicySpecs.formatNumber(multiplier));
    if (tauYears != ONE_DAY) {
      s.append(",tau=").append(PolicySpecs.formatDuration(tauYears));
    }
    if (minHalfWidth > 0) {
      s.append(",min=").append(PolicySpecs.formatNumber(minHalfWidth));
    }
    return s.toString();
  }
}
