package io.netgamma.data.deribit;

import io.netgamma.data.io.JsonFields;
import io.netgamma.data.io.BadRow;
import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.market.OrderBook;
import io.netgamma.core.market.Quote;

/**
 * One element of a Deribit {@code public/get_book_summary_by_currency} (or {@code ..._by_instrument}) result, as
 * read by {@link DeribitJsonReader#readBookSummaries}.
 *
 * <p>Units as in {@link DeribitTicker}: option prices in coin (inverse) or USDC (linear), futures in USD per coin;
 * {@code markIv} a <b>fraction</b> (Deribit sends percent); volumes in contract units ({@code volume}) and USD
 * ({@code volume_usd}); {@code price_change} in percent as sent. Absent (or JSON {@code null}) values are NaN or
 * {@code ""}; a bid or ask of 0 is absent (Deribit's "none"). A book summary has no sizes at the top of book.
 *
 * @param instrument the instrument ({@code instrument_name})
 * @param creationTimestampMillis {@code creation_timestamp}: when the summary was made, epoch milliseconds
 * @param baseCurrency {@code base_currency}, or ""
 * @param quoteCurrency {@code quote_currency}, or ""
 * @param markPrice {@code mark_price}, or NaN
 * @param markIv {@code mark_iv} as a fraction, or NaN
 * @param bidPrice {@code bid_price}, or NaN
 * @param askPrice {@code ask_price}, or NaN
 * @param midPrice {@code mid_price}, or NaN
 * @param last {@code last}, the last trade price, or NaN
 * @param high {@code high}, 24 h, or NaN
 * @param low {@code low}, 24 h, or NaN
 * @param volume {@code volume}, 24 h, contract units, or NaN
 * @param volumeUsd {@code volume_usd}, 24 h, USD, or NaN
 * @param openInterest {@code open_interest}, or NaN
 * @param underlyingPrice {@code underlying_price}: the option's forward, USD per coin, or NaN
 * @param underlyingIndex {@code underlying_index}: the future or {@code SYN.} forward, or ""
 * @param interestRate {@code interest_rate}, or NaN
 * @param estimatedDeliveryPrice {@code estimated_delivery_price}, USD per coin, or NaN
 * @param priceChange {@code price_change}, 24 h, percent, or NaN
 * @param funding8h {@code funding_8h} (perpetuals), or NaN
 * @param currentFunding {@code current_funding} (perpetuals), or NaN
 */
public record DeribitBookSummary(
    Instrument instrument,
    long creationTimestampMillis,
    String baseCurrency,
    String quoteCurrency,
    double markPrice,
    double markIv,
    double bidPrice,
    double askPrice,
    double midPrice,
    double last,
    double high,
    double low,
    double volume,
    double volumeUsd,
    double openInterest,
    double underlyingPrice,
    String underlyingIndex,
    double interestRate,
    double estimatedDeliveryPrice,
    double priceChange,
    double funding8h,
    double currentFunding) {

  /** Checks for nulls. */
  public DeribitBookSummary {
    ArgChecker.notNull(instrument, "instrument");
    ArgChecker.notNull(baseCurrency, "baseCurrency");
    ArgChecker.notNull(quoteCurrency, "quoteCurrency");
    ArgChecker.notNull(underlyingIndex, "underlyingIndex");
  }

  /**
   * The quote netgamma uses: mark, mark IV, bid and ask (without sizes), open interest, the option's forward and
   * the perpetual's funding; no book.
   *
   * @return the quote
   */
  public Quote toQuote() {
    return new Quote(instrument, markPrice, markIv, bidPrice, Double.NaN, askPrice, Double.NaN, openInterest,
        instrument.isOption() ? underlyingPrice : Double.NaN, funding8h, OrderBook.EMPTY);
  }

  /** Maps one result object. */
  static DeribitBookSummary from(JsonFields f) throws BadRow {
    String name = f.string("instrument_name", true);
    Instrument instrument = DeribitInstrumentInfo.parse(f, "instrument_name", name);
    f.name(name);
    long created = f.epochMillis("creation_timestamp");
    String base = f.string("base_currency", false);
    String quote = f.string("quote_currency", false);
    double mark = f.nonNegative("mark_price", false);
    double markIv = f.percent("mark_iv", false);
    double bid = zeroIsAbsent(f.nonNegative("bid_price", false));
    double ask = zeroIsAbsent(f.nonNegative("ask_price", false));
    double mid = f.nonNegative("mid_price", false);
    double last = f.nonNegative("last", false);
    double high = f.nonNegative("high", false);
    double low = f.nonNegative("low", false);
    double volume = f.nonNegative("volume", false);
    double volumeUsd = f.nonNegative("volume_usd", false);
    double openInterest = f.nonNegative("open_interest", false);
    double underlyingPrice = f.positive("underlying_price", false);
    String underlyingIndex = f.string("underlying_index", false);
    double rate = f.number("interest_rate", false);
    double delivery = f.positive("estimated_delivery_price", false);
    double change = f.number("price_change", false);
    double funding8h = f.number("funding_8h", false);
    double currentFunding = f.number("current_funding", false);
    return new DeribitBookSummary(instrument, created, base, quote, mark, markIv, bid, ask, mid, last, high, low,
        volume, volumeUsd, openInterest, underlyingPrice, underlyingIndex, rate, delivery, change, funding8h,
        currentFunding);
  }

  private static double zeroIsAbsent(double price) {
    return price == 0 ? Double.NaN : price;
  }
}
