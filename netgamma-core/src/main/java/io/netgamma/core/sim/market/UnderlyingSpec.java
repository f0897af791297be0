package io.netgamma.core.sim.market;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Settlement;
import java.util.List;

/**
 * One underlying of a generated market: its index, carry, funding, volatility surface, strike spacing, contracts
 * and liquidity.
 *
 * <p><b>Forwards.</b> The forward of an expiry t years away is {@code spot·exp(b·t)} with {@code b} the basis
 * times a seeded factor in [0.8, 1.2] per expiry: with a basis ≥ 0 every forward is at or above the spot (a market
 * in contango, as BTC and ETH usually are; backwardation is not generated). Forwards of expiries with a dated
 * future are that future's mark, rounded to 0.01 USD; the others are synthetic ({@code SYN.}) and unrounded.
 *
 * <p><b>Perpetual.</b> Its 8-hour funding is {@code funding8h} times a seeded factor in [0.5, 1.5], rounded to
 * 1e-8; its mark is {@code spot·(1 + funding)} rounded to 0.01: a perpetual that trades rich pays its funding.
 *
 * @param coin the underlying coin, upper-case letters and digits (e.g. {@code BTC})
 * @param settlements the option chains to list: {@link Settlement#INVERSE} ({@code BTC-...}, coin-settled),
 *     {@link Settlement#LINEAR} ({@code BTC_USDC-...}) or both, distinct, not empty (copied). Dated futures are
 *     listed when the inverse chain is; one perpetual per settlement
 * @param spot the index price, USD per coin, &gt; 0
 * @param basis annualised carry of the forwards, continuously compounded, in [0, 1]
 * @param funding8h the perpetual's 8-hour funding rate, fraction, in [−0.01, 0.01]
 * @param vol the SSVI volatility surface
 * @param minStrikeStep the finest strike step of the Deribit-like grid, USD, &gt; 0 (see {@link StrikeGrid})
 * @param contracts ticks and lot sizes
 * @param liquidity open interest, depth and spreads
 */
public record UnderlyingSpec(String coin, List<Settlement> settlements, double spot, double basis, double funding8h,
    VolSpec vol, double minStrikeStep, ContractSpec contracts, LiquiditySpec liquidity) {

  /** Validates and copies. */
  public UnderlyingSpec {
    ArgChecker.notNull(coin, "coin");
    ArgChecker.isTrue(coin.matches("[A-Z0-9]{1,12}"), "coin must be 1 to 12 upper-case letters or digits, got '"
        + coin + "'");
    ArgChecker.notNull(settlements, "settlements");
    settlements = List.copyOf(settlements);
    ArgChecker.isTrue(!settlements.isEmpty(), coin + ": settlements must not be empty");
    ArgChecker.isTrue(settlements.stream().distinct().count() == settlements.size(),
        coin + ": settlements must be distinct, got " + settlements);
    ArgChecker.isTrue(spot > 0 && spot < 1e12, coin + ": spot must be in (0, 1e12) USD, got " + spot);
    ArgChecker.inRange(basis, 0, 1, coin + " basis");
    ArgChecker.inRange(funding8h, -0.01, 0.01, coin + " funding8h");
    ArgChecker.notNull(vol, coin + " vol");
    ArgChecker.positive(minStrikeStep, coin + " minStrikeStep");
    ArgChecker.notNull(contracts, coin + " contracts");
    ArgChecker.notNull(liquidity, coin + " liquidity");
  }

  /**
   * BTC, inverse options: spot 95,000 USD, basis 7% a year, funding 1 bp per 8 h; ATM volatility 45% at the
   * short end rising to 55% (time scale 3 months), SSVI ρ = −0.20, η = 1.0, γ = 0.5 (put skew); strike steps from
   * 500 USD; Deribit's BTC contracts; {@link LiquiditySpec#btc()}. The smile parameters are close to an SSVI fit of
   * Deribit's BTC chain of 2026-02-04 (ρ −0.24, η 1.08, γ 0.5).
   */
  public static UnderlyingSpec btc() {
    return new UnderlyingSpec("BTC", List.of(Settlement.INVERSE), 95_000, 0.07, 0.0001,
        new VolSpec(0.45, 0.55, 0.25, -0.20, 1.0, 0.5), 500, ContractSpec.deribitBtc(), LiquiditySpec.btc());
  }

  /**
   * ETH, inverse options: spot 3,500 USD, basis 6% a year, funding 1 bp per 8 h; ATM volatility 60% rising to
   * 70%, SSVI ρ = −0.25, η = 1.0, γ = 0.5; strike steps from 25 USD; Deribit's ETH contracts;
   * {@link LiquiditySpec#eth()}. (SSVI fit of Deribit's ETH chain of 2026-02-04: ρ −0.30, η 0.98, γ 0.5.)
   */
  public static UnderlyingSpec eth() {
    return new UnderlyingSpec("ETH", List.of(Settlement.INVERSE), 3_500, 0.06, 0.0001,
        new VolSpec(0.60, 0.70, 0.25, -0.25, 1.0, 0.5), 25, ContractSpec.deribitEth(), LiquiditySpec.eth());
  }

  /** This underlying at another spot (USD per coin). */
  public UnderlyingSpec withSpot(double newSpot) {
    return new UnderlyingSpec(coin, settlements, newSpot, basis, funding8h, vol, minStrikeStep, contracts,
        liquidity);
  }

  /** This underlying with other option chains (inverse, linear or both, in this order). */
  public UnderlyingSpec withSettlements(Settlement... newSettlements) {
    return new UnderlyingSpec(coin, List.of(newSettlements), spot, basis, funding8h, vol, minStrikeStep, contracts,
        liquidity);
  }

  /** This underlying with another volatility surface. */
  public UnderlyingSpec withVol(VolSpec newVol) {
    return new UnderlyingSpec(coin, settlements, spot, basis, funding8h, newVol, minStrikeStep, contracts,
        liquidity);
  }
}
