package io.netgamma.core.sim.market;

import io.netgamma.core.base.ArgChecker;

/**
 * How much open interest and depth the generated market has, and how wide its option quotes are.
 *
 * <p>Option bid and ask are the Black-76 prices at the mark volatility minus and plus a half-spread in volatility
 * {@code h = (halfSpreadLong + halfSpreadWeek·sqrt((7/365)/t))·(1 + 0.25·min(|x|, 4))} times a seeded factor in
 * [0.5, 2] (x the strike in ATM standard deviations), at most half the volatility; rounded outwards to the tick.
 * With the defaults an ATM quote is about ±3 vol points wide one day out, ±1.8 at a week and ±1.2 at three months,
 * as in Deribit's BTC and ETH chains of 2020-05-21 and 2024-05-03 (median half-spreads 4.4/1.6/1.3 and
 * 4.3/1.3/1.2 vol points for dailies/weeklies/longer, at the money).
 *
 * @param optionOpenInterest open interest of an at-the-money option of a quarterly expiry, coins, ≥ 0
 * @param optionDepth median amount at the best level of an option book, coins, &gt; 0
 * @param futureOpenInterestUsd open interest of a quarterly future, USD, ≥ 0 (the perpetual has 3 times that)
 * @param futureDepthUsd median amount at the best level of a future or perpetual book, USD, &gt; 0
 * @param halfSpreadLong long-dated ATM option half-spread, volatility (fraction), ≥ 0
 * @param halfSpreadWeek extra half-spread at a one-week expiry, growing as 1/√t, volatility (fraction), ≥ 0
 */
public record LiquiditySpec(double optionOpenInterest, double optionDepth, double futureOpenInterestUsd,
    double futureDepthUsd, double halfSpreadLong, double halfSpreadWeek) {

  /** Validates. */
  public LiquiditySpec {
    ArgChecker.notNegative(optionOpenInterest, "optionOpenInterest");
    ArgChecker.positive(optionDepth, "optionDepth");
    ArgChecker.notNegative(futureOpenInterestUsd, "futureOpenInterestUsd");
    ArgChecker.positive(futureDepthUsd, "futureDepthUsd");
    ArgChecker.inRange(halfSpreadLong, 0, 1, "halfSpreadLong");
    ArgChecker.inRange(halfSpreadWeek, 0, 1, "halfSpreadWeek");
    ArgChecker.isTrue(halfSpreadLong + halfSpreadWeek > 0, "option quotes need a spread: halfSpreadLong and "
        + "halfSpreadWeek are both 0");
  }

  /** BTC: 1,500 BTC ATM quarterly open interest, 10 BTC median best-level size, 400M USD quarterly futures OI. */
  public static LiquiditySpec btc() {
    return new LiquiditySpec(1_500, 10, 400e6, 250_000, 0.010, 0.008);
  }

  /** ETH: 15,000 ETH ATM quarterly open interest, 100 ETH median best-level size, 150M USD futures OI. */
  public static LiquiditySpec eth() {
    return new LiquiditySpec(15_000, 100, 150e6, 100_000, 0.010, 0.008);
  }
}
