package io.netgamma.core.risk.gex;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.OptionType;

/**
 * One option line of a market for GEX: its open interest and the volatility and forward it is valued with.
 *
 * @param label a name for reports and errors, e.g. the Deribit symbol {@code BTC-28JUN24-70000-C}; not blank
 * @param type call or put
 * @param strike strike, USD per coin, finite, &gt; 0
 * @param expiryMillis expiry instant, epoch milliseconds (Deribit: 08:00 UTC); an option that has expired at the
 *     valuation instant is left out of the calculation and counted ({@link GexReport#excluded()})
 * @param openInterest open interest in coins (Deribit option open interest is in contracts of 1 coin, inverse and
 *     USDC-linear alike), finite, &ge; 0
 * @param iv Black-76 implied volatility as a fraction (0.65 = 65%), finite, &gt; 0 (a zero volatility has no gamma
 *     but a Dirac spike at the strike: give such a line a volatility or leave it out)
 * @param forward the forward of the option's expiry, USD per coin, finite, &gt; 0 (Deribit's
 *     {@code underlying_price})
 */
public record GexOption(String label, OptionType type, double strike, long expiryMillis, double openInterest,
    double iv, double forward) {

  /** Validates every component; a message names the option, the component and its value. */
  public GexOption {
    ArgChecker.notBlank(label, "label");
    ArgChecker.notNull(type, label + ": type");
    ArgChecker.positive(strike, label + ": strike");
    ArgChecker.notNegative(openInterest, label + ": open interest");
    ArgChecker.positive(iv, label + ": implied volatility");
    ArgChecker.positive(forward, label + ": forward");
  }

  /**
   * An option line from a parsed instrument; the label is its name.
   *
   * @param instrument an option
   * @param openInterest open interest, coins
   * @param iv implied volatility, fraction
   * @param forward forward of the expiry, USD per coin
   * @return the line
   */
  public static GexOption of(Instrument instrument, double openInterest, double iv, double forward) {
    ArgChecker.notNull(instrument, "instrument");
    ArgChecker.isTrue(instrument.isOption(), instrument.name() + " is not an option");
    return new GexOption(instrument.name(), instrument.optionType(), instrument.strike(),
        instrument.expiry().toEpochMilli(), openInterest, iv, forward);
  }
}
