package io.netgamma.core.sim.market;

import io.netgamma.core.base.ArgChecker;
import java.time.Instant;
import java.util.List;

/**
 * What {@link MarketGenerator} makes: the valuation instant, the underlyings, the listed expiries, the strike grid
 * and the depth of the order books. Immutable.
 *
 * <p>{@link #btcEth(Instant)} is a realistic Deribit-like market: BTC at 95,000 USD and ETH at 3,500 USD (see
 * {@link UnderlyingSpec#btc()} and {@link UnderlyingSpec#eth()}), inverse options on Deribit's expiries
 * ({@link ExpirySchedule#deribit()}) and strike grids ({@link StrikeGrid.DeribitLike}), 5 levels of depth — about
 * 1,600 options (Deribit listed 1,708 BTC and ETH options on 2026-02-04). {@link #withOptionCount(int)} turns any spec into a benchmark market of exactly that many
 * options; {@link #withStrikesPerExpiry(int)} gives every chain the same number of strikes.
 *
 * @param valuation the snapshot instant; in 2000–2097 (Deribit names carry two-digit years)
 * @param underlyings the underlyings, distinct coins, not empty (copied; generated in this order)
 * @param schedule which expiries are listed
 * @param strikeGrid how many strikes each expiry has
 * @param depthLevels order-book levels per side, in [1, 50] (fewer on a bid side that reaches the lowest tick)
 */
public record MarketSpec(Instant valuation, List<UnderlyingSpec> underlyings, ExpirySchedule schedule,
    StrikeGrid strikeGrid, int depthLevels) {

  /** The most order-book levels per side. */
  public static final int MAX_DEPTH_LEVELS = 50;

  private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2098-01-01T00:00:00Z");

  /** Validates and copies. */
  public MarketSpec {
    ArgChecker.notNull(valuation, "valuation");
    ArgChecker.isTrue(!valuation.isBefore(EARLIEST) && valuation.isBefore(LATEST),
        "valuation must be in 2000-2097 (Deribit names carry two-digit years), got " + valuation);
    ArgChecker.notNull(underlyings, "underlyings");
    underlyings = List.copyOf(underlyings);
    ArgChecker.isTrue(!underlyings.isEmpty(), "a market needs at least one underlying");
    ArgChecker.isTrue(underlyings.stream().map(UnderlyingSpec::coin).distinct().count() == underlyings.size(),
        "underlyings must be distinct coins, got " + underlyings.stream().map(UnderlyingSpec::coin).toList());
    ArgChecker.notNull(schedule, "schedule");
    ArgChecker.notNull(strikeGrid, "strikeGrid");
    ArgChecker.isTrue(depthLevels >= 1 && depthLevels <= MAX_DEPTH_LEVELS,
        "depthLevels must be in [1, " + MAX_DEPTH_LEVELS + "], got " + depthLevels);
  }

  /**
   * The realistic default market: BTC and ETH inverse options, Deribit's expiries and strike spacing, 5 levels of
   * depth.
   *
   * @param valuation the snapshot instant
   * @return the spec
   */
  public static MarketSpec btcEth(Instant valuation) {
    return new MarketSpec(valuation, List.of(UnderlyingSpec.btc(), UnderlyingSpec.eth()), ExpirySchedule.deribit(),
        StrikeGrid.deribitLike(), 5);
  }

  /** This spec with exactly {@code options} options in the market (even; see {@link StrikeGrid.TotalOptions}). */
  public MarketSpec withOptionCount(int options) {
    return new MarketSpec(valuation, underlyings, schedule, StrikeGrid.totalOptions(options), depthLevels);
  }

  /** This spec with exactly {@code strikes} strikes in every chain (see {@link StrikeGrid.PerExpiry}). */
  public MarketSpec withStrikesPerExpiry(int strikes) {
    return new MarketSpec(valuation, underlyings, schedule, StrikeGrid.perExpiry(strikes), depthLevels);
  }

  /** This spec with other underlyings. */
  public MarketSpec withUnderlyings(List<UnderlyingSpec> newUnderlyings) {
    return new MarketSpec(valuation, newUnderlyings, schedule, strikeGrid, depthLevels);
  }

  /** This spec with another expiry schedule. */
  public MarketSpec withSchedule(ExpirySchedule newSchedule) {
    return new MarketSpec(valuation, underlyings, newSchedule, strikeGrid, depthLevels);
  }

  /** This spec with another number of order-book levels per side. */
  public MarketSpec withDepthLevels(int levels) {
    return new MarketSpec(valuation, underlyings, schedule, strikeGrid, levels);
  }

  /** Number of option chains: one per underlying, settlement and listed expiry. */
  public int chainCount() {
    int expiries = schedule.expiries(valuation).size();
    return underlyings.stream().mapToInt(u -> u.settlements().size() * expiries).sum();
  }
}
