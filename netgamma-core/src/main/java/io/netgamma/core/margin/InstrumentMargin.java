package io.netgamma.core.margin;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Instrument;

/**
 * One distinct instrument's share of a margin: its own requirement under a per-instrument model (standard margin),
 * or its stand-alone loss in the scenario that drives a portfolio model (which may be negative: a hedge).
 *
 * @param instrument the instrument
 * @param quantity net signed quantity of the book's positions on it, coins
 * @param currency its settlement currency
 * @param initialMargin initial margin (or worst-scenario loss, positive = loss) in {@code currency}, finite
 * @param maintenanceMargin maintenance margin (or the same loss times the model's maintenance factor), finite
 */
public record InstrumentMargin(Instrument instrument, double quantity, String currency, double initialMargin,
    double maintenanceMargin) {

  /** Validates every field. */
  public InstrumentMargin {
    ArgChecker.notNull(instrument, "instrument");
    ArgChecker.finite(quantity, instrument.name() + " quantity");
    ArgChecker.notBlank(currency, "currency");
    ArgChecker.finite(initialMargin, instrument.name() + " initial margin");
    ArgChecker.finite(maintenanceMargin, instrument.name() + " maintenance margin");
  }
}
