package io.netgamma.core.risk.gex;

import io.netgamma.core.base.ArgChecker;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The dealers' gamma exposure of one underlying's option market ({@link GammaExposure#compute}). Every GEX figure is
 * in USD per 1% move of spot, signed by {@link #dealer()}: positive = dealers long gamma.
 *
 * @param underlying the coin
 * @param spot the spot the figures are quoted at, USD per coin
 * @param valuationMillis the valuation instant, epoch milliseconds
 * @param dealer the sign convention used
 * @param volatilityRule how volatilities were taken and moved with spot
 * @param options each included option's contribution at the current spot, in input order
 * @param excluded options left out (expired at the valuation instant, or excluded while building the input), with
 *     reasons
 * @param byStrike GEX per strike, all expiries together, ascending strikes
 * @param byExpiry GEX per expiry, all strikes together, ascending expiries
 * @param callGex total GEX of all calls
 * @param putGex total GEX of all puts
 * @param profile total GEX over the spot range, by full revaluation
 * @param zeroGamma where the profile changes sign, or none in range
 * @param callWall the strike whose calls carry the largest |GEX| (see {@link GammaExposure}); empty without call
 *     open interest
 * @param putWall the strike whose puts carry the largest |GEX|; empty without put open interest
 */
public record GexReport(String underlying, double spot, long valuationMillis, DealerConvention dealer,
    VolatilityRule volatilityRule, List<OptionGex> options, List<GexExclusion> excluded, List<StrikeGex> byStrike,
    List<ExpiryGex> byExpiry, double callGex, double putGex, GexProfile profile, ZeroGamma zeroGamma,
    Optional<GexWall> callWall, Optional<GexWall> putWall) {

  /** Validates and copies. */
  public GexReport {
    ArgChecker.notBlank(underlying, "underlying");
    ArgChecker.positive(spot, "spot");
    ArgChecker.notNull(dealer, "dealer");
    ArgChecker.notNull(volatilityRule, "volatilityRule");
    options = List.copyOf(options);
    excluded = List.copyOf(excluded);
    byStrike = List.copyOf(byStrike);
    byExpiry = List.copyOf(byExpiry);
    ArgChecker.finite(callGex, "call GEX");
    ArgChecker.finite(putGex, "put GEX");
    ArgChecker.notNull(profile, "profile");
    ArgChecker.notNull(zeroGamma, "zeroGamma");
    ArgChecker.notNull(callWall, "callWall");
    ArgChecker.notNull(putWall, "putWall");
  }

  /** The valuation instant. */
  public Instant valuation() {
    return Instant.ofEpochMilli(valuationMillis);
  }

  /** Total GEX of calls and puts, USD per 1% move of spot. */
  public double totalGex() {
    return callGex + putGex;
  }

  /** Number of options left out for a reason ({@link GexExclusion#EXPIRED}, ...). */
  public long excludedCount(String reason) {
    return excluded.stream().filter(e -> e.reason().equals(reason)).count();
  }
}
