package io.netgamma.core.risk.gex;

import io.netgamma.core.base.ArgChecker;

/**
 * The dealers' gamma exposure at one strike, all expiries together; USD per 1% move of spot, signed by the
 * {@link DealerConvention}.
 *
 * @param strike the strike, USD per coin
 * @param callGex GEX of the calls at this strike
 * @param putGex GEX of the puts at this strike
 * @param callOpenInterest open interest of those calls, coins
 * @param putOpenInterest open interest of those puts, coins
 */
public record StrikeGex(double strike, double callGex, double putGex, double callOpenInterest,
    double putOpenInterest) {

  /** Validates. */
  public StrikeGex {
    ArgChecker.positive(strike, "strike");
    ArgChecker.finite(callGex, "call GEX at " + strike);
    ArgChecker.finite(putGex, "put GEX at " + strike);
    ArgChecker.notNegative(callOpenInterest, "call open interest at " + strike);
    ArgChecker.notNegative(putOpenInterest, "put open interest at " + strike);
  }

  /** Calls and puts together, USD per 1% move of spot. */
  public double netGex() {
    return callGex + putGex;
  }
}
