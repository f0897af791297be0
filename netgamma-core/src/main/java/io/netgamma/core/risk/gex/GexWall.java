package io.netgamma.core.risk.gex;

import io.netgamma.core.base.ArgChecker;

/**
 * A call or put wall: the strike where the calls (or the puts) of all expiries together carry the most gamma
 * exposure ({@link GexReport#callWall()}, {@link GexReport#putWall()}).
 *
 * @param strike the strike, USD per coin
 * @param gex the calls' (or puts') GEX at that strike, USD per 1% move of spot, signed by the convention
 * @param openInterest their open interest, coins
 */
public record GexWall(double strike, double gex, double openInterest) {

  /** Validates. */
  public GexWall {
    ArgChecker.positive(strike, "strike");
    ArgChecker.finite(gex, "GEX");
    ArgChecker.notNegative(openInterest, "open interest");
  }
}
