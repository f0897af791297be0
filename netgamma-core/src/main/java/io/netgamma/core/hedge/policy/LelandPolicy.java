package io.netgamma.core.hedge.policy;

import io.netgamma.core.base.ArgChecker;

/**
 * Leland (1985): rebalance at N equally spaced times over the option's life ({@code δt = horizon/N}), each time to the
 * delta computed with the adjusted volatility {@code σ_L² = σ²·(1 ± A)}, {@code A = √(2/π)·k/(σ·√δt)}, k the
 * round-trip cost 2λ ({@link HedgingBands#lelandNumber}, {@link HedgingBands#lelandVolatility}): + for a short-gamma
 * book (the option writer), − for a long-gamma one.
 *
 * <p>In the book's net delta at the implied volatility the target is {@code Δ_book(σ) − Δ_book(σ_L)}
 * ({@code −state.deltaChangeAtVolScale(σ_L/σ)}): the hedge holds {@code −Δ_options(σ_L)}. Needs the horizon and, unless
 * the cost or gamma is 0, the delta at another volatility ({@link PolicyState#deltaAtVolatility} or vanna). The first
 * call before any hedge hedges. Source: H. E. Leland, "Option pricing and replication with transactions costs",
 * Journal of Finance 40(5), 1985, 1283–1301.
 *
 * @param rebalances N &gt; 0
 */
public record LelandPolicy(int rebalances) implements RebalancingPolicy {

  /** Validates. */
  public LelandPolicy {
    ArgChecker.positive(rebalances, "rebalances");
  }

  /** Leland's adjusted volatility for this state (fraction). */
  public double adjustedVolatility(PolicyState state) {
    double sigma = state.impliedVol();
    double dt = TimeIntervalPolicy.interval(rebalances, 0.0, state, "leland");
    double a = HedgingBands.lelandNumber(state.costRate(), sigma, dt);
    return HedgingBands.lelandVolatility(sigma, a, state.gamma());
  }

  @Override
  public HedgeDecision decide(PolicyState state) {
    double delta = state.delta();
    HedgeDecision d = state.decision();
    double dt = TimeIntervalPolicy.interval(rebalances, 0.0, state, "leland");
    boolean first = !state.hedgedBefore();
    if (!first && !TimeIntervalPolicy.elapsed(state, dt)) {
      return d.noTrade(delta, DecisionReason.INTERVAL_NOT_ELAPSED, Double.NEGATIVE_INFINITY,
          Double.POSITIVE_INFINITY, 0.0);
    }
    double sigma = state.impliedVol();
    double target = -state.deltaChangeAtVolScale(adjustedVolatility(state) / sigma);
    return d.trade(delta, target, first ? DecisionReason.INITIAL : DecisionReason.INTERVAL_ELAPSED,
        Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, target);
  }

  @Override
  public String spec() {
    return "leland:" + rebalances;
  }
}
