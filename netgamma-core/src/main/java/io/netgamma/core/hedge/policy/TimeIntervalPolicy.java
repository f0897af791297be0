package io.netgamma.core.hedge.policy;

import io.netgamma.core.base.ArgChecker;

/**
 * Rebalance on a clock: every {@code horizon/rebalances} years ({@code time:N}, N equally spaced rebalances over the
 * option's life, {@link PolicyState#horizon()}), or every {@code intervalYears} ({@code every:4h}); each rebalance
 * trades the book's delta to 0. The first call before any hedge hedges. An interval counts as elapsed within a relative
 * 1e-9 (sums of simulation steps round).
 *
 * <p>Source: the textbook discrete delta hedge (Black–Scholes replication at fixed dates; Hull, "Options, Futures and
 * Other Derivatives", ch. 19; its cost and error: Leland 1985, Hoggard–Whalley–Wilmott 1994).
 *
 * @param rebalances N &gt; 0 for {@code time:N}, or 0 when {@code intervalYears} is given
 * @param intervalYears the interval in years &gt; 0, or 0 when {@code rebalances} is given
 */
public record TimeIntervalPolicy(int rebalances, double intervalYears) implements RebalancingPolicy {

  /** Relative tolerance on the elapsed interval. */
  static final double ELAPSED_TOLERANCE = 1e-9;

  /** Validates: exactly one of the two is given. */
  public TimeIntervalPolicy {
    ArgChecker.notNegative(rebalances, "rebalances");
    ArgChecker.notNegative(intervalYears, "interval (years)");
    ArgChecker.isTrue((rebalances > 0) != (intervalYears > 0),
        "give either a number of rebalances (> 0) or an interval in years (> 0), got " + rebalances + " and "
            + intervalYears);
  }

  /** N equally spaced rebalances over the horizon ({@code time:N}). */
  public static TimeIntervalPolicy ofCount(int rebalances) {
    return new TimeIntervalPolicy(ArgChecker.positive(rebalances, "rebalances"), 0.0);
  }

  /** A rebalance every {@code years} years ({@code every:...}). */
  public static TimeIntervalPolicy every(double years) {
    return new TimeIntervalPolicy(0, ArgChecker.positive(years, "interval (years)"));
  }

  /** The interval in years for this state. @throws IllegalStateException when a count needs the horizon */
  double interval(PolicyState state) {
    return interval(rebalances, intervalYears, state, "time");
  }

  static double interval(int rebalances, double intervalYears, PolicyState state, String name) {
    if (rebalances == 0) {
      return intervalYears;
    }
    double horizon = state.horizon();
    if (!(horizon > 0)) {
      throw new IllegalStateException(name + ":" + rebalances + " spaces its rebalances over the option's life: set "
          + "the policy state's horizon (years)");
    }
    return horizon / rebalances;
  }

  static boolean elapsed(PolicyState state, double interval) {
    return state.timeSinceLastHedge() >= interval * (1.0 - ELAPSED_TOLERANCE);
  }

  @Override
  public HedgeDecision decide(PolicyState state) {
    HedgeDecision d = state.decision();
    double delta = state.delta();
    if (!state.hedgedBefore()) {
      return d.trade(delta, 0.0, DecisionReason.INITIAL, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0.0);
    }
    if (elapsed(state, interval(state))) {
      return d.trade(delta, 0.0, DecisionReason.INTERVAL_ELAPSED, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
          0.0);
    }
    return d.noTrade(delta, DecisionReason.INTERVAL_NOT_ELAPSED, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
        0.0);
  }

  @Override
  public String spec() {
    return rebalances > 0 ? "time:" + rebalances : "every:" + PolicySpecs.formatDuration(intervalYears);
  }
}
