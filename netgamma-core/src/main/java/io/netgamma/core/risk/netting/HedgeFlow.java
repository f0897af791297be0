package io.netgamma.core.risk.netting;

import io.netgamma.core.base.ArgChecker;

/**
 * The expected delta-hedging flow of one hedging arrangement (see {@link NettingAnalyzer} for the formulas).
 *
 * @param usdPerRebalance expected USD notional traded at each rebalance, finite and &ge; 0
 * @param usdPerDay expected USD notional traded per calendar day ({@code usdPerRebalance × rebalances per day})
 * @param costUsdPerDay expected cost per calendar day, USD ({@code k × usdPerDay})
 */
public record HedgeFlow(double usdPerRebalance, double usdPerDay, double costUsdPerDay) {

  /** No flow. */
  public static final HedgeFlow ZERO = new HedgeFlow(0, 0, 0);

  /** Validates. */
  public HedgeFlow {
    ArgChecker.notNegative(usdPerRebalance, "usdPerRebalance");
    ArgChecker.notNegative(usdPerDay, "usdPerDay");
    ArgChecker.notNegative(costUsdPerDay, "costUsdPerDay");
  }

  /** The flow of {@code usdPerRebalance} rebalanced {@code rebalancesPerDay} times a day at cost fraction k. */
  static HedgeFlow of(double usdPerRebalance, double rebalancesPerDay, double costFraction) {
    double perDay = usdPerRebalance * rebalancesPerDay;
    return new HedgeFlow(usdPerRebalance, perDay, perDay * costFraction);
  }
}
