package io.netgamma.core.hedge.structure;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.pricing.OptionGreeks;
import java.util.OptionalDouble;

/**
 * One option of a structure.
 *
 * @param instrument the option (Deribit name; inverse {@code BTC-...} or linear {@code BTC_USDC-...})
 * @param listed whether the market snapshot quotes it
 * @param quantity coins, signed: + bought, − sold
 * @param forward the forward of its expiry, USD per coin
 * @param volatility the Black-76 volatility it is priced at (the surface's at its strike, else its mark IV), fraction
 * @param t years to expiry
 * @param perCoin Black-76 price and greeks of one option on 1 coin (rate 0)
 * @param premiumUsd {@code quantity × priceUsd}: USD paid (+) or received (−)
 * @param premiumCoin {@code quantity × priceCoin}: the same in coin, {@code priceUsd/F} (how inverse options are quoted
 *     and paid)
 * @param executablePremiumUsd the premium at the quote: bought at the ask, sold at the bid, in USD (a coin price times
 *     the forward); empty when the option is not listed with a two-sided quote
 */
public record StructureLeg(Instrument instrument, boolean listed, double quantity, double forward,
    double volatility, double t, OptionGreeks perCoin, double premiumUsd, double premiumCoin,
    OptionalDouble executablePremiumUsd) {

  /** Validates. */
  public StructureLeg {
    ArgChecker.notNull(instrument, "instrument");
    ArgChecker.isTrue(instrument.isOption(), "a structure leg is an option, got " + instrument.name());
    ArgChecker.finite(quantity, "quantity");
    ArgChecker.positive(forward, "forward");
    ArgChecker.notNegative(volatility, "volatility");
    ArgChecker.positive(t, "t (years to expiry)");
    ArgChecker.notNull(perCoin, "perCoin");
    ArgChecker.finite(premiumUsd, "premium USD");
    ArgChecker.finite(premiumCoin, "premium coin");
    ArgChecker.notNull(executablePremiumUsd, "executablePremiumUsd");
  }

  /** The strike, USD per coin. */
  public double strike() {
    return instrument.strike();
  }

  /** The value of this leg at expiry, USD, when the underlying settles at {@code spot} (quantity × intrinsic). */
  public double payoffUsd(double spot) {
    double k = instrument.strike();
    double intrinsic = instrument.optionType().sign() * (spot - k);
    return quantity * Math.max(intrinsic, 0.0);
  }
}
