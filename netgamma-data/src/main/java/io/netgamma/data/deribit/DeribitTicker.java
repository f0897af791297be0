package io.netgamma.data.deribit;

import io.netgamma.data.io.JsonFields;
import io.netgamma.data.io.BadRow;
import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.market.OrderBook;
import io.netgamma.core.market.Quote;
import io.netgamma.data.io.IssueKind;

/**
 * One Deribit {@code public/ticker} or {@code public/get_order_book} result (the same object; the order book adds
 * {@code bids}/{@code asks} depth), as read by {@link DeribitJsonReader#readTickers}.
 *
 * <p>Units are Deribit's: option prices in the option's quote unit (coin per 1-coin option for inverse
 * {@code BTC-...} options, USDC for linear {@code BTC_USDC-...} ones), futures and perpetual prices and
 * {@code index_price} in USD per coin; IVs here as <b>fractions</b> (Deribit sends percent); amounts in contract
 * units (coins for options, USD for inverse futures and perpetuals); funding rates as fractions. Absent values are
 * NaN (numbers) or {@code ""} (strings), never null. A side of the top of book is absent when Deribit sends a
 * best price of 0 (its "no bid" / "no ask"); the IV of a side is absent when the side is, or when Deribit sends 0.
 *
 * @param instrument the instrument ({@code instrument_name})
 * @param timestampMillis the ticker's time ({@code timestamp}), epoch milliseconds
 * @param state the book state ({@code open}, {@code closed}), or ""
 * @param indexPrice {@code index_price}, USD per coin, or NaN
 * @param underlyingIndex {@code underlying_index}: the future ({@code BTC-26JUN20}) or synthetic forward
 *     ({@code SYN.BTC-22MAY20}) an option is priced on, or ""
 * @param underlyingPrice {@code underlying_price}: that forward, USD per coin, or NaN
 * @param interestRate {@code interest_rate} used for the option's greeks (fraction), or NaN
 * @param markPrice {@code mark_price}
 * @param markIv {@code mark_iv} as a fraction, or NaN
 * @param bidIv {@code bid_iv} as a fraction, or NaN
 * @param askIv {@code ask_iv} as a fraction, or NaN
 * @param bestBidPrice {@code best_bid_price}, or NaN when there is no bid
 * @param bestBidAmount {@code best_bid_amount}, or NaN when there is no bid
 * @param bestAskPrice {@code best_ask_price}, or NaN when there is no ask
 * @param bestAskAmount {@code best_ask_amount}, or NaN when there is no ask
 * @param lastPrice {@code last_price}, or NaN
 * @param openInterest {@code open_interest}, or NaN
 * @param estimatedDeliveryPrice {@code estimated_delivery_price}, USD per coin, or NaN
 * @param funding8h {@code funding_8h} (perpetuals), or NaN
 * @param currentFunding {@code current_funding} (perpetuals), or NaN
 * @param greeks Deribit's greeks (options), {@link Greeks#ABSENT} when not sent
 * @param book the depth ({@code bids}, {@code asks}); {@link OrderBook#EMPTY} for a ticker
 * @param hasBook true when the result carried {@code bids} or {@code asks} (a {@code get_order_book} result)
 */
public record DeribitTicker(
    Instrument instrument,
    long timestampMillis,
    String state,
    double indexPrice,
    String underlyingIndex,
    double underlyingPrice,
    double interestRate,
    double markPrice,
    double markIv,
    double bidIv,
    double askIv,
    double bestBidPrice,
    double bestBidAmount,
    double bestAskPrice,
    double bestAskAmount,
    double lastPrice,
    double openInterest,
    double estimatedDeliveryPrice,
    double funding8h,
    double currentFunding,
    Greeks greeks,
    OrderBook book,
    boolean hasBook) {

  /** Checks for nulls. */
  public DeribitTicker {
    ArgChecker.notNull(instrument, "instrument");
    ArgChecker.notNull(state, "state");
    ArgChecker.notNull(underlyingIndex, "underlyingIndex");
    ArgChecker.notNull(greeks, "greeks");
    ArgChecker.notNull(book, "book");
  }

  /**
   * Deribit's greeks of an option, in Deribit's units: delta in coins, gamma per USD, vega USD per vol point, theta
   * USD per calendar day, rho USD per 1%. Each NaN when not sent.
   *
   * @param delta delta
   * @param gamma gamma
   * @param vega vega
   * @param theta theta
   * @param rho rho
   */
  public record Greeks(double delta, double gamma, double vega, double theta, double rho) {

    /** No greeks (futures, perpetuals). */
    public static final Greeks ABSENT = new Greeks(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** True when at least one greek is present. */
    public boolean present() {
      return !Double.isNaN(delta) || !Double.isNaN(gamma) || !Double.isNaN(vega) || !Double.isNaN(theta)
          || !Double.isNaN(rho);
    }
  }

  /**
   * The quote netgamma uses: mark, mark IV, best bid/ask with sizes, open interest, the book; for options the
   * forward ({@code underlying_price}), for perpetuals the 8-hour funding.
   *
   * @return the quote
   */
  public Quote toQuote() {
    return new Quote(instrument, markPrice, markIv, bestBidPrice, bestBidAmount, bestAskPrice, bestAskAmount,
        openInterest, instrument.isOption() ? underlyingPrice : Double.NaN, funding8h, book);
  }

  /** Maps one result object. */
  static DeribitTicker from(JsonFields f) throws BadRow {
    String name = f.string("instrument_name", true);
    Instrument instrument = DeribitInstrumentInfo.parse(f, "instrument_name", name);
    f.name(name);
    long timestamp = f.epochMillis("timestamp");
    String state = f.string("state", false);
    double index = f.positive("index_price", false);
    String underlyingIndex = f.string("underlying_index", false);
    double underlyingPrice = f.positive("underlying_price", false);
    double rate = f.number("interest_rate", false);
    double mark = f.nonNegative("mark_price", true);
    double markIv = f.percent("mark_iv", false);
    double[] bid = side(f, "best_bid_price", "best_bid_amount");
    double[] ask = side(f, "best_ask_price", "best_ask_amount");
    double bidIv = Double.isNaN(bid[0]) ? Double.NaN : positiveOrNaN(f.percent("bid_iv", false));
    double askIv = Double.isNaN(ask[0]) ? Double.NaN : positiveOrNaN(f.percent("ask_iv", false));
    double last = f.nonNegative("last_price", false);
    double openInterest = f.nonNegative("open_interest", false);
    double delivery = f.positive("estimated_delivery_price", false);
    double funding8h = f.number("funding_8h", false);
    double currentFunding = f.number("current_funding", false);
    Greeks greeks = Greeks.ABSENT;
    JsonFields g = f.child("greeks");
    if (g != null) {
      greeks = new Greeks(g.number("delta", false), g.number("gamma", false), g.number("vega", false),
          g.number("theta", false), g.number("rho", false));
    }
    boolean hasBook = f.has("bids") || f.has("asks");
    OrderBook book = OrderBook.EMPTY;
    if (hasBook) {
      book = f.book();
      checkTop(f, book.bidLevels() > 0 ? book.bidPrice(0) : Double.NaN, bid[0], "bids", "best_bid_price");
      checkTop(f, book.askLevels() > 0 ? book.askPrice(0) : Double.NaN, ask[0], "asks", "best_ask_price");
    }
    return new DeribitTicker(instrument, timestamp, state, index, underlyingIndex, underlyingPrice, rate, mark,
        markIv, bidIv, askIv, bid[0], bid[1], ask[0], ask[1], last, openInterest, delivery, funding8h,
        currentFunding, greeks, book, hasBook);
  }

  /** Best price and amount of one side; both NaN when the price is absent or 0 (Deribit's "none"). */
  private static double[] side(JsonFields f, String priceField, String amountField) throws BadRow {
    double price = f.nonNegative(priceField, false);
    double amount = f.nonNegative(amountField, false);
    if (Double.isNaN(price) || price == 0) {
      if (amount > 0) {
        throw f.bad(amountField, IssueKind.INCONSISTENT, "an amount without a price (" + priceField + " is "
            + (Double.isNaN(price) ? "absent" : "0") + ")");
      }
      return new double[] {Double.NaN, Double.NaN};
    }
    if (amount == 0) {
      throw f.bad(amountField, IssueKind.INCONSISTENT, "0 at a best price of " + price);
    }
    return new double[] {price, amount};
  }

  private static void checkTop(JsonFields f, double level0, double best, String side, String bestField)
      throws BadRow {
    boolean same = Double.isNaN(level0) ? Double.isNaN(best) : level0 == best;
    if (!same) {
      throw f.bad(bestField, IssueKind.INCONSISTENT, "the best price disagrees with the first level of " + side
          + " (" + (Double.isNaN(level0) ? "none" : level0) + ")");
    }
  }

  private static double positiveOrNaN(double v) {
    return v > 0 ? v : Double.NaN;
  }
}
