package io.netgamma.core.sim.execution;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.OptionType;

/**
 * An option position delta-hedged on a path, for {@link ReflexiveImpact}: Black-76 at rate 0 on the path's price
 * (the hedge is a perpetual, whose price is the forward of a rate-0 world) at a fixed implied volatility.
 *
 * @param type call or put
 * @param strike strike, USD per coin, &gt; 0
 * @param expiryYears time to expiry at point 0 of the path, years, &gt; 0 (the option is cash-settled at expiry
 *     and its hedge unwound)
 * @param vol implied volatility, annualised fraction, &gt; 0
 * @param coins position in coins, signed: negative = short options = short gamma
 */
public record HedgedOption(OptionType type, double strike, double expiryYears, double vol, double coins) {

  /** Validates the parameters. */
  public HedgedOption {
    ArgChecker.notNull(type, "type");
    ArgChecker.positive(strike, "strike");
    ArgChecker.positive(expiryYears, "expiryYears");
    ArgChecker.positive(vol, "vol");
    ArgChecker.finite(coins, "coins");
  }
}
