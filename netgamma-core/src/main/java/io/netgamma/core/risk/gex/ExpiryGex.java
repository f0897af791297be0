package io.netgamma.core.risk.gex;

import io.netgamma.core.base.ArgChecker;
import java.time.Instant;

/**
 * The dealers' gamma exposure of one expiry, all strikes together; USD per 1% move of spot, signed by the
 * {@link DealerConvention}.
 *
 * @param expiryMillis the expiry, epoch milliseconds
 * @param t years to it, ACT/365 from the valuation instant, &gt; 0
 * @param callGex GEX of the expiry's calls
 * @param putGex GEX of the expiry's puts
 * @param callOpenInterest open interest of those calls, coins
 * @param putOpenInterest open interest of those puts, coins
 */
public record ExpiryGex(long expiryMillis, double t, double callGex, double putGex, double callOpenInterest,
    double putOpenInterest) {

  /** Validates. */
  public ExpiryGex {
    ArgChecker.positive(t, "t");
    ArgChecker.finite(callGex, "call GEX");
    ArgChecker.finite(putGex, "put GEX");
    ArgChecker.notNegative(callOpenInterest, "call open interest");
    ArgChecker.notNegative(putOpenInterest, "put open interest");
  }

  /** The expiry instant. */
  public Instant expiry() {
    return Instant.ofEpochMilli(expiryMillis);
  }

  /** Calls and puts together, USD per 1% move of spot. */
  public double netGex() {
    return callGex + putGex;
  }
}
