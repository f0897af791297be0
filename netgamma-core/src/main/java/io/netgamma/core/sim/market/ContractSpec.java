package io.netgamma.core.sim.market;

import io.netgamma.core.base.ArgChecker;

/**
 * Tick sizes and lot sizes of one underlying's contracts. Option amounts are in coins; inverse futures and
 * perpetual amounts in USD (Deribit's contract units).
 *
 * @param inverseOptionTick price grid of inverse options, coin
 * @param linearOptionTick price grid of linear (USDC) options, USDC
 * @param inverseOptionAmountStep lot size of inverse options, coin, &gt; 0
 * @param linearOptionAmountStep lot size of linear options, coin, &gt; 0
 * @param futureTick tick of dated futures, USD, &gt; 0
 * @param perpetualTick tick of the perpetuals, USD (USDC for the linear one), &gt; 0
 * @param futureAmountStep lot size of inverse futures and perpetuals, USD (coin for a linear perpetual), &gt; 0
 */
public record ContractSpec(TickRule inverseOptionTick, TickRule linearOptionTick, double inverseOptionAmountStep,
    double linearOptionAmountStep, double futureTick, double perpetualTick, double futureAmountStep) {

  /** Validates. */
  public ContractSpec {
    ArgChecker.notNull(inverseOptionTick, "inverseOptionTick");
    ArgChecker.notNull(linearOptionTick, "linearOptionTick");
    ArgChecker.positive(inverseOptionAmountStep, "inverseOptionAmountStep");
    ArgChecker.positive(linearOptionAmountStep, "linearOptionAmountStep");
    ArgChecker.positive(futureTick, "futureTick");
    ArgChecker.positive(perpetualTick, "perpetualTick");
    ArgChecker.positive(futureAmountStep, "futureAmountStep");
  }

  /**
   * Deribit's BTC contracts: inverse options 0.0001/0.0005 coin ({@link TickRule#deribitInverseOption()}), lot
   * 0.1 BTC; BTC_USDC options 5 USDC, lot 0.01 BTC; BTC futures tick 2.5 USD and BTC-PERPETUAL 0.5 USD, lot 10 USD
   * (as Deribit's {@code get_instruments} lists them).
   */
  public static ContractSpec deribitBtc() {
    return new ContractSpec(TickRule.deribitInverseOption(), TickRule.single(5), 0.1, 0.01, 2.5, 0.5, 10);
  }

  /**
   * Deribit's ETH contracts: inverse options as BTC's, lot 1 ETH; ETH-PERPETUAL tick 0.05 USD, lot 1 USD. The
   * ETH_USDC option tick (0.5 USDC) and lot (0.1 ETH) and the dated-future tick (0.25 USD) are assumptions, not
   * checked against the venue.
   */
  public static ContractSpec deribitEth() {
    return new ContractSpec(TickRule.deribitInverseOption(), TickRule.single(0.5), 1, 0.1, 0.25, 0.05, 1);
  }
}
