package io.netgamma.core.hedge.structure;

import io.netgamma.core.pricing.OptionGreeks;

/**
 * Greeks of a set of positions, each the sum of quantity × the per-coin greek, in Deribit's units
 * ({@link OptionGreeks}).
 *
 * @param delta Black-76 delta, coins (spot held counts 1 per coin)
 * @param deltaCoin coin-numeraire delta, coins (the inverse-perpetual hedge; spot held counts 0: a coin holding has no
 *     delta in coin terms)
 * @param gamma per 1 USD
 * @param vega USD per vol point
 * @param theta USD per calendar day
 */
public record StructureGreeks(double delta, double deltaCoin, double gamma, double vega, double theta) {

  /** No greeks. */
  public static final StructureGreeks ZERO = new StructureGreeks(0, 0, 0, 0, 0);

  /** These plus {@code quantity} × the per-coin greeks. */
  public StructureGreeks plus(double quantity, OptionGreeks perCoin) {
    return new StructureGreeks(delta + quantity * perCoin.delta(), deltaCoin + quantity * perCoin.deltaCoin(),
        gamma + quantity * perCoin.gamma(), vega + quantity * perCoin.vega(), theta + quantity * perCoin.theta());
  }

  /** These plus a spot holding of {@code coins}: delta +coins, nothing else. */
  public StructureGreeks plusSpot(double coins) {
    return new StructureGreeks(delta + coins, deltaCoin, gamma, vega, theta);
  }
}
