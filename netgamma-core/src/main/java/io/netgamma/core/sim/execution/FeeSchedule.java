package io.netgamma.core.sim.execution;

import io.netgamma.core.base.ArgChecker;

/**
 * Trading fees as fractions of a basis. Amounts in USD; venues that settle fees in coin (Deribit inverse products)
 * charge the same value divided by the index price.
 *
 * @param takerRate fee rate of an order that takes liquidity (0.0005 = 5 bp), ≥ 0
 * @param makerRate fee rate of a resting order; negative for a rebate, at least {@code −takerRate}
 * @param basis what the rates apply to
 * @param capFractionOfPrice for {@link FeeBasis#UNDERLYING}, the cap as a fraction of the fill price
 *     (premium) per coin, &gt; 0, or +∞ for none; ignored for {@link FeeBasis#NOTIONAL}
 */
public record FeeSchedule(double takerRate, double makerRate, FeeBasis basis, double capFractionOfPrice) {

  /** No fees. */
  public static final FeeSchedule NONE = new FeeSchedule(0, 0, FeeBasis.NOTIONAL, Double.POSITIVE_INFINITY);

  /** Validates the rates. */
  public FeeSchedule {
    ArgChecker.notNegative(takerRate, "takerRate");
    ArgChecker.finite(makerRate, "makerRate");
    ArgChecker.isTrue(makerRate >= -takerRate, "a maker rebate larger than the taker fee (" + makerRate + " vs "
        + takerRate + ") would pay for wash trading");
    ArgChecker.notNull(basis, "basis");
    ArgChecker.isTrue(capFractionOfPrice > 0, "capFractionOfPrice must be > 0 (or +Infinity), got "
        + capFractionOfPrice);
  }

  /** Rates on the traded notional. */
  public static FeeSchedule ofNotional(double takerRate, double makerRate) {
    return new FeeSchedule(takerRate, makerRate, FeeBasis.NOTIONAL, Double.POSITIVE_INFINITY);
  }

  /**
   * Deribit BTC/ETH perpetuals and futures as published on Deribit's fee page (2024): taker 0.05%, maker 0.00% of
   * the notional. Venues change fees: pass your own with {@link #ofNotional} when they differ.
   */
  public static FeeSchedule deribitPerpetual() {
    return ofNotional(0.0005, 0.0);
  }

  /**
   * Deribit BTC/ETH options as published on Deribit's fee page (2024): 0.03% of the underlying for maker and taker,
   * capped at 12.5% of the option price.
   */
  public static FeeSchedule deribitOptions() {
    return new FeeSchedule(0.0003, 0.0003, FeeBasis.UNDERLYING, 0.125);
  }

  /**
   * Fee in USD of a fill. Allocation-free.
   *
   * @param amountCoins filled amount (sign ignored)
   * @param fillPriceUsd fill price, USD per coin (the premium for an option)
   * @param underlyingUsd underlying price, USD per coin (used by {@link FeeBasis#UNDERLYING})
   * @param maker true for the maker rate
   */
  public double feeUsd(double amountCoins, double fillPriceUsd, double underlyingUsd, boolean maker) {
    double q = Math.abs(amountCoins);
    double rate = maker ? makerRate : takerRate;
    if (basis == FeeBasis.NOTIONAL) {
      return rate * q * fillPriceUsd;
    }
    double fee = rate * q * underlyingUsd;
    double cap = capFractionOfPrice * q * fillPriceUsd;
    return fee >= 0 ? Math.min(fee, cap) : Math.max(fee, -cap);
  }
}
