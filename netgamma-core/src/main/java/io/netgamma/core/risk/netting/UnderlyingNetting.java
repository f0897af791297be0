package io.netgamma.core.risk.netting;

import io.netgamma.core.base.ArgChecker;

/**
 * Gross vs net greeks of the positions on one underlying (futures, perpetuals and spot included: they carry delta).
 * Gross sums the absolute value of each position's greek; net is the signed sum, with positions on the same
 * instrument netted first, so that a long and a short of the same option net to exactly 0.
 *
 * @param underlying the underlying ({@code BTC})
 * @param positions number of positions on it
 * @param indexPrice its index price, USD per coin
 * @param delta Black-76 delta, coins of the underlying
 * @param gamma gamma, coins per USD of the underlying's forwards
 * @param vega vega, USD per vol point
 * @param theta theta, USD per calendar day
 */
public record UnderlyingNetting(String underlying, int positions, double indexPrice, GrossNet delta, GrossNet gamma,
    GrossNet vega, GrossNet theta) {

  /** Validates. */
  public UnderlyingNetting {
    ArgChecker.notBlank(underlying, "underlying");
    ArgChecker.notNegative(positions, "positions");
    ArgChecker.positive(indexPrice, "indexPrice");
    ArgChecker.notNull(delta, "delta");
    ArgChecker.notNull(gamma, "gamma");
    ArgChecker.notNull(vega, "vega");
    ArgChecker.notNull(theta, "theta");
  }
}
