package io.netgamma.core.sim.book;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.core.sim.market.MarketGenerator;
import io.netgamma.core.sim.market.MarketSpec;
import io.netgamma.core.sim.market.UnderlyingSpec;
import java.time.Instant;
import java.util.List;

/**
 * The demo of {@code netgamma report --demo}: a desk book ({@link DeskBookGenerator}) on a generated BTC and ETH
 * market ({@link MarketGenerator}, {@link MarketSpec#btcEth(Instant)} at {@link #DEFAULT_VALUATION}), both from one
 * seed. Immutable.
 *
 * @param market the generated market: index prices, forward curves, SSVI surfaces and quotes of BTC and ETH
 * @param portfolio the desk book on that market
 * @param seed the seed both were generated from
 */
public record DemoBook(MarketSnapshot market, Portfolio portfolio, long seed) {

  /** The default seed (the sample data's, {@code netgamma sample-market}). */
  public static final long DEFAULT_SEED = 42L;
  /** The default number of positions: a readable report (34 options and 6 hedges on the default market). */
  public static final int DEFAULT_POSITIONS = 40;
  /** The market instant of the demo (the sample data's default timestamp). */
  public static final Instant DEFAULT_VALUATION = Instant.parse("2025-06-02T10:00:00Z");

  /** Validates. */
  public DemoBook {
    ArgChecker.notNull(market, "market");
    ArgChecker.notNull(portfolio, "portfolio");
  }

  /**
   * The demo's market at another instant and spot: {@code MarketSpec.btcEth(valuation)} with BTC's and ETH's index
   * moved by the given relative amounts from {@link UnderlyingSpec#btc()}'s and {@link UnderlyingSpec#eth()}'s,
   * generated from {@code seed}. Forwards move with the index; the smiles and the forwards' carry are drawn afresh
   * for the expiries listed at {@code valuation} (a new day lists new expiries), so vols move by a few points, as
   * from one day to the next. {@code market(seed, DEFAULT_VALUATION, 0, 0)} is the demo's market.
   *
   * @param seed the seed
   * @param valuation the snapshot instant
   * @param btcMove relative move of BTC's index, &gt; −1 (0.03 = +3%)
   * @param ethMove relative move of ETH's index, &gt; −1
   * @return the market
   */
  public static MarketSnapshot market(long seed, Instant valuation, double btcMove, double ethMove) {
    ArgChecker.isTrue(btcMove > -1 && ethMove > -1, "moves must be > -1, got BTC " + btcMove + ", ETH " + ethMove);
    UnderlyingSpec btc = UnderlyingSpec.btc();
    UnderlyingSpec eth = UnderlyingSpec.eth();
    MarketSpec spec = MarketSpec.btcEth(valuation).withUnderlyings(List.of(btc.withSpot(btc.spot() * (1 + btcMove)),
        eth.withSpot(eth.spot() * (1 + ethMove))));
    return MarketGenerator.DEFAULT.generate(spec, seed);
  }

  /**
   * Generates the demo: the market {@code MarketGenerator.DEFAULT.generate(MarketSpec.btcEth(DEFAULT_VALUATION),
   * seed)} and on it {@code DeskBookGenerator.DEFAULT.generate(market, DeskBookSpec.of(positions), seed)}.
   *
   * @param seed the seed: the same seed and size give an equal market and book
   * @param positions the number of positions (10,000 for the report benchmark)
   * @throws IllegalArgumentException when {@code positions} is below the market's minimum (see
   *     {@link DeskBookGenerator#minimumPositions}) or above {@link DeskBookSpec#MAX_POSITIONS}
   */
  public static DemoBook generate(long seed, int positions) {
    MarketSnapshot market = MarketGenerator.DEFAULT.generate(MarketSpec.btcEth(DEFAULT_VALUATION), seed);
    return new DemoBook(market, DeskBookGenerator.DEFAULT.generate(market, DeskBookSpec.of(positions), seed), seed);
  }
}
