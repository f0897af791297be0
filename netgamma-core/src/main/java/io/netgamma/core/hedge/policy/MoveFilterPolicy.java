package io.netgamma.core.hedge.policy;

import io.netgamma.core.base.ArgChecker;

/**
 * The move filter: skip while the underlying has moved less than {@code threshold} since the last hedge,
 * {@code |S/S_last − 1| < threshold}; once it has moved that much, ask the {@code inner} policy ({@code move:2+ww:1e-4})
 * or, standalone ({@code inner} null, {@code move:2}), hedge the delta to 0. Before the first hedge it defers to the
 * inner policy (standalone: hedges).
 *
 * <p>Source: rebalancing when the price has moved by a fixed proportion rather than on a clock (P. Henrotte,
 * "Transaction costs and duplication strategies", working paper, 1993; the practitioners' "hedge on the move").
 *
 * @param threshold the move that triggers, a fraction of the last-hedge spot (0.02 = 2%), &gt; 0
 * @param inner the policy asked once the move is large enough, or null: hedge to 0
 */
public record MoveFilterPolicy(double threshold, RebalancingPolicy inner) implements RebalancingPolicy {

  /** Validates. */
  public MoveFilterPolicy {
    ArgChecker.positive(threshold, "move threshold");
    ArgChecker.isTrue(threshold < 1, "move threshold is a fraction of spot below 1 (0.02 = 2%), got " + threshold);
  }

  /** Standalone: hedge to 0 after a move of {@code threshold} (a fraction). */
  public static MoveFilterPolicy of(double threshold) {
    return new MoveFilterPolicy(threshold, null);
  }

  @Override
  public HedgeDecision decide(PolicyState state) {
    double delta = state.delta();
    if (!state.hedgedBefore()) {
      return inner != null ? inner.decide(state) : state.decision().trade(delta, 0.0, DecisionReason.INITIAL,
          Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0.0);
    }
    double move = Math.abs(state.spot() / state.lastHedgeSpot() - 1.0);
    if (move < threshold) {
      return state.decision().noTrade(delta, DecisionReason.MOVE_BELOW_THRESHOLD, Double.NEGATIVE_INFINITY,
          Double.POSITIVE_INFINITY, 0.0);
    }
    if (inner != null) {
      return inner.decide(state);
    }
    return state.decision().trade(delta, 0.0, DecisionReason.MOVE_ABOVE_THRESHOLD, Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY, 0.0);
  }

  @Override
  public String spec() {
    String own = "move:" + PolicySpecs.formatNumber(threshold * 100.0);
    return inner == null ? own : own + "+" + inner.spec();
  }
}
