package io.netgamma.core.market;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.base.MissingMarketDataException;
import io.netgamma.core.instrument.Instrument;

/**
 * What the venue shows for one instrument at one instant.
 *
 * <p>Units: {@code mark}, {@code bid}, {@code ask} in the instrument's quote unit — coin per 1-coin option for
 * inverse options, USDC for linear options, USD per coin for futures and perpetuals; {@code markIv} a fraction;
 * amounts and open interest in the venue's contract units (coins for options); {@code forward} USD per coin
 * (the forward the venue prices this option with: Tardis {@code underlying_price}); {@code funding8h} the
 * perpetual's 8-hour funding rate as a fraction (0.0001 = 1 bp).
 *
 * <p>Absent values are NaN (a quote rarely has everything); ask with {@code has...()} or use the
 * {@code ...OrThrow()} accessors, which name the instrument and the missing field. Never NaN in a result: readers
 * and consumers must check.
 *
 * @param instrument the instrument
 * @param mark the venue's mark price, or NaN
 * @param markIv the venue's mark implied volatility (fraction), or NaN; options only
 * @param bid best bid, or NaN
 * @param bidAmount size at the best bid, or NaN
 * @param ask best ask, or NaN
 * @param askAmount size at the best ask, or NaN
 * @param openInterest open interest, or NaN
 * @param forward forward of the option's expiry used by the venue, or NaN
 * @param funding8h perpetual funding over 8 hours (fraction), or NaN
 * @param book order-book depth; {@link OrderBook#EMPTY} when unknown
 */
public record Quote(
    Instrument instrument,
    double mark,
    double markIv,
    double bid,
    double bidAmount,
    double ask,
    double askAmount,
    double openInterest,
    double forward,
    double funding8h,
    OrderBook book) {

  /** Checks that every present value is in range (NaN = absent is allowed; infinities are not). */
  public Quote {
    ArgChecker.notNull(instrument, "instrument");
    ArgChecker.notNull(book, "book");
    String n = instrument.name();
    absentOrAtLeast(mark, 0, n, "mark");
    absentOrAtLeast(markIv, 0, n, "mark_iv");
    absentOrAtLeast(bid, 0, n, "bid");
    absentOrAtLeast(bidAmount, 0, n, "bid_amount");
    absentOrAtLeast(ask, 0, n, "ask");
    absentOrAtLeast(askAmount, 0, n, "ask_amount");
    absentOrAtLeast(openInterest, 0, n, "open_interest");
    if (!Double.isNaN(forward) && !(forward > 0 && forward < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(n + ": forward must be finite and > 0, got " + forward);
    }
    if (Double.isInfinite(funding8h)) {
      throw new IllegalArgumentException(n + ": funding_8h must be finite, got " + funding8h);
    }
  }

  /** A quote with only a mark. */
  public static Quote ofMark(Instrument instrument, double mark) {
    return new Quote(instrument, mark, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, Double.NaN, OrderBook.EMPTY);
  }

  /** True when a mark is present. */
  public boolean hasMark() {
    return !Double.isNaN(mark);
  }

  /** True when a mark IV is present. */
  public boolean hasMarkIv() {
    return !Double.isNaN(markIv);
  }

  /** True when both a bid and an ask are present. */
  public boolean hasTwoSidedQuote() {
    return !Double.isNaN(bid) && !Double.isNaN(ask);
  }

  /** True when a forward is present. */
  public boolean hasForward() {
    return !Double.isNaN(forward);
  }

  /** The mark. @throws MissingMarketDataException naming the instrument when absent */
  public double markOrThrow() {
    return present(mark, "mark");
  }

  /** The mark IV (fraction). @throws MissingMarketDataException naming the instrument when absent */
  public double markIvOrThrow() {
    return present(markIv, "mark_iv");
  }

  /** Mid of bid and ask. @throws MissingMarketDataException when either side is absent */
  public double midOrThrow() {
    return 0.5 * (present(bid, "bid") + present(ask, "ask"));
  }

  private double present(double value, String field) {
    if (Double.isNaN(value)) {
      throw new MissingMarketDataException(instrument.name() + ": no " + field + " in the market data");
    }
    return value;
  }

  private static void absentOrAtLeast(double value, double min, String name, String field) {
    if (!Double.isNaN(value) && !(value >= min && value < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(name + ": " + field + " must be finite and >= " + min + ", got " + value);
    }
  }
}
