package io.netgamma.core.portfolio;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.InstrumentKind;

/**
 * One position of a {@link Portfolio}: an instrument and a signed quantity.
 *
 * <p><b>Quantity</b> is in underlying units (coins), positive long, negative short, for every kind of instrument:
 * options and linear futures are counted in coins as Deribit counts them; an <b>inverse</b> future or perpetual, a
 * contract on a USD notional, is counted by its coin equivalent at the current mark (Deribit's
 * {@code size_currency} = USD {@code size} / mark), so its USD notional is {@code quantity · forward}. Zero is
 * allowed (Deribit lists closed positions with size 0).
 *
 * <p><b>Average price</b> (optional, NaN when absent) is the price the position was opened at, in the instrument's
 * quote unit: <b>coin</b> per 1-coin option for inverse options ({@code BTC-28JUN24-70000-C}), <b>USDC</b> per
 * 1-coin option for linear options ({@code BTC_USDC-...-C}), <b>USD per coin</b> for inverse futures and
 * perpetuals, USDC per coin for linear futures, perpetuals and spot. It is used only for the unrealised P&amp;L
 * ({@link PortfolioValuation#unrealisedPnl(int)}), never for greeks.
 *
 * @param instrument the instrument, not null
 * @param quantity signed quantity in coins, finite
 * @param averagePrice the opening price in the instrument's quote unit, finite and &ge; 0 for options and &gt; 0
 *     for other instruments; NaN when unknown
 */
public record Position(Instrument instrument, double quantity, double averagePrice) {

  /** Validates the instrument, the quantity and the average price. */
  public Position {
    ArgChecker.notNull(instrument, "instrument");
    if (!Double.isFinite(quantity)) {
      throw new IllegalArgumentException(instrument.name() + ": quantity must be finite, got " + quantity);
    }
    if (!Double.isNaN(averagePrice)) {
      boolean ok = instrument.kind() == InstrumentKind.OPTION
          ? averagePrice >= 0 && averagePrice < Double.POSITIVE_INFINITY
          : averagePrice > 0 && averagePrice < Double.POSITIVE_INFINITY;
      if (!ok) {
        throw new IllegalArgumentException(instrument.name() + ": average price must be finite and "
            + (instrument.isOption() ? ">= 0" : "> 0") + " (or absent), got " + averagePrice);
      }
    }
  }

  /** A position without an average price. */
  public static Position of(Instrument instrument, double quantity) {
    return new Position(instrument, quantity, Double.NaN);
  }

  /**
   * A position on a Deribit instrument name, without an average price.
   *
   * @throws io.netgamma.core.base.InvalidInstrumentException showing the name when it is not a Deribit name
   */
  public static Position of(String instrument, double quantity) {
    return new Position(Instrument.parse(instrument), quantity, Double.NaN);
  }

  /** True when the average price is known. */
  public boolean hasAveragePrice() {
    return !Double.isNaN(averagePrice);
  }
}
