package io.netgamma.core.risk.netting;

import io.netgamma.core.base.ArgChecker;

/**
 * The expected delta-hedging flow of one underlying's positions, hedged position by position or netted (see
 * {@link NettingAnalyzer} for the formulas). Gamma here is per USD of the underlying's <em>index</em>:
 * {@code g = Γ·F/S}, the change of a position's delta (coins) per 1 USD move of the index when its forward F moves in
 * proportion ({@code δF = F·δS/S}, carry held); it equals the Black-76 gamma Γ when F = S.
 *
 * @param underlying the underlying
 * @param indexPrice S, USD per coin
 * @param volatility σ used, annualised fraction; 0 only when the underlying has no gamma (σ then plays no part and is
 *     not looked up)
 * @param volatilitySource where σ came from: {@code "given"}, {@code "surface ATM ..."} with the expiry used, or
 *     {@code "not needed (no gamma)"}
 * @param grossGamma {@code Σ_i |g_i|} over the positions, coins per USD, &ge; 0
 * @param netGamma {@code Σ_i g_i}, coins per USD (positions on one instrument netted first)
 * @param coinsPerDayPositions expected coins traded per day when every position is hedged on its own
 * @param coinsPerDayNetted expected coins traded per day when the underlying's positions are hedged together
 * @param positions the flow of hedging every position on its own
 * @param netted the flow of hedging the underlying's net gamma
 */
public record UnderlyingHedging(String underlying, double indexPrice, double volatility, String volatilitySource,
    double grossGamma, double netGamma, double coinsPerDayPositions, double coinsPerDayNetted, HedgeFlow positions,
    HedgeFlow netted) {

  /** Validates. */
  public UnderlyingHedging {
    ArgChecker.notBlank(underlying, "underlying");
    ArgChecker.positive(indexPrice, "indexPrice");
    ArgChecker.notNegative(volatility, "volatility");
    ArgChecker.notBlank(volatilitySource, "volatilitySource");
    ArgChecker.notNegative(grossGamma, "grossGamma");
    ArgChecker.finite(netGamma, "netGamma");
    ArgChecker.notNegative(coinsPerDayPositions, "coinsPerDayPositions");
    ArgChecker.notNegative(coinsPerDayNetted, "coinsPerDayNetted");
    ArgChecker.notNull(positions, "positions");
    ArgChecker.notNull(netted, "netted");
  }
}
