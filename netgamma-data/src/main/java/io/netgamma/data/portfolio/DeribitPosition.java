package io.netgamma.data.portfolio;

import io.netgamma.data.io.JsonFields;
import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.portfolio.Position;
import io.netgamma.data.io.BadRow;
import io.netgamma.data.io.IssueKind;

/**
 * One element of a Deribit {@code private/get_positions} result, with the netgamma {@link Position} it becomes and
 * the venue's own numbers kept for comparison. Venue values absent from the result are NaN.
 *
 * <p><b>Sizes.</b> Deribit's {@code size} is signed (positive long, negative short) and in the instrument's
 * contract unit: <b>USD</b> for inverse futures and perpetuals ({@code BTC-PERPETUAL}, {@code BTC-28JUN24}),
 * <b>coins</b> for options and linear futures and perpetuals ({@code BTC_USDC-PERPETUAL}). {@code size_currency}
 * is the size in coins (futures only; for an inverse future {@code size / mark_price}). The position's quantity in
 * coins is therefore {@code size} for options and linear instruments, and {@code size_currency} for inverse futures
 * and perpetuals (or {@code size / mark_price} when {@code size_currency} is absent).
 *
 * @param position the position: instrument, quantity in coins, {@code average_price} (coin for inverse options,
 *     USDC for linear options, USD per coin for futures; absent for a flat position)
 * @param kind Deribit's {@code kind} ({@code option}, {@code future}), or "" when absent
 * @param size Deribit's {@code size}, signed, in contract units (see above)
 * @param sizeCurrency Deribit's {@code size_currency} in coins, or NaN
 * @param markPrice Deribit's {@code mark_price} (coin for inverse options, USD per coin for futures), or NaN
 * @param delta Deribit's position delta ({@code delta}, coins), or NaN
 * @param gamma Deribit's position gamma, or NaN
 * @param vega Deribit's position vega (USD per vol point), or NaN
 * @param theta Deribit's position theta (USD per day), or NaN
 */
public record DeribitPosition(Position position, String kind, double size, double sizeCurrency, double markPrice,
    double delta, double gamma, double vega, double theta) {

  /** Checks for nulls. */
  public DeribitPosition {
    ArgChecker.notNull(position, "position");
    ArgChecker.notNull(kind, "kind");
  }

  /** Maps one result element. */
  static DeribitPosition from(JsonFields e) throws BadRow {
    Instrument instrument = e.instrument("instrument_name");
    String kind = e.string("kind", false);
    checkKind(e, instrument, kind);
    double size = e.number("size", true);
    String direction = e.string("direction", false);
    if (!direction.isEmpty()) {
      int expected = switch (direction) {
        case "buy" -> 1;
        case "sell" -> -1;
        case "zero" -> 0;
        default -> throw e.bad("direction", IssueKind.BAD_VALUE, "expected buy, sell or zero");
      };
      if ((int) Math.signum(size) != expected) {
        throw e.bad("size", IssueKind.INCONSISTENT, "size " + size + " contradicts direction '" + direction
            + "' (Deribit's size is signed: > 0 buy, < 0 sell, 0 zero)");
      }
    }
    double sizeCurrency = e.number("size_currency", false);
    double mark = e.number("mark_price", false);
    if (!Double.isNaN(mark) && mark < 0) {
      throw e.bad("mark_price", IssueKind.OUT_OF_RANGE, "must be >= 0");
    }
    if (!Double.isNaN(sizeCurrency) && Math.signum(sizeCurrency) != Math.signum(size)) {
      throw e.bad("size_currency", IssueKind.INCONSISTENT, "size_currency " + sizeCurrency
          + " has another sign than size " + size);
    }
    double quantity;
    boolean inverseDelta1 = instrument.isInverse() && !instrument.isOption();
    if (!inverseDelta1) {
      quantity = size; // options and linear instruments: coins
    } else if (!Double.isNaN(sizeCurrency)) {
      quantity = sizeCurrency;
    } else if (mark > 0) {
      quantity = size / mark;
    } else {
      throw e.bad("size_currency", IssueKind.MISSING_FIELD, "the size of an inverse future or perpetual is in USD; "
          + "size_currency (coins) or a mark_price > 0 is needed to convert it to coins");
    }
    double average = e.number("average_price", false);
    if (quantity == 0 && average == 0) {
      average = Double.NaN; // a flat position has no average price
    }
    if (!Double.isNaN(average) && (instrument.isOption() ? average < 0 : !(average > 0))) {
      throw e.bad("average_price", IssueKind.OUT_OF_RANGE, "must be " + (instrument.isOption() ? ">= 0" : "> 0"));
    }
    return new DeribitPosition(new Position(instrument, quantity, average), kind, size, sizeCurrency, mark,
        e.number("delta", false), e.number("gamma", false), e.number("vega", false), e.number("theta", false));
  }

  private static void checkKind(JsonFields e, Instrument instrument, String kind) throws BadRow {
    if (kind.isEmpty()) {
      return;
    }
    boolean consistent = switch (kind) {
      case "option" -> instrument.isOption();
      case "future" -> instrument.kind() == io.netgamma.core.instrument.InstrumentKind.FUTURE
          || instrument.kind() == io.netgamma.core.instrument.InstrumentKind.PERPETUAL;
      case "spot" -> instrument.kind() == io.netgamma.core.instrument.InstrumentKind.SPOT;
      case "future_combo", "option_combo" ->
          throw e.bad("kind", IssueKind.BAD_SYMBOL, "combinations are not modelled; list their legs instead");
      default -> throw e.bad("kind", IssueKind.BAD_VALUE, "expected option, future or spot");
    };
    if (!consistent) {
      throw e.bad("kind", IssueKind.INCONSISTENT, "kind '" + kind + "' contradicts the instrument name");
    }
  }
}
