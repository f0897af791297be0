package io.netgamma.data.tardis;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.OptionType;
import io.netgamma.core.instrument.YearFraction;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One row of a Tardis.dev {@code options_chain} file: a snapshot of one Deribit option's ticker.
 *
 * <p><b>Units.</b> Prices are in <em>coin per 1-coin option</em> (Deribit quotes inverse options in BTC/ETH);
 * multiply by {@link #underlyingPrice()} for USD. Implied volatilities are stored as <em>fractions</em>
 * (0.6528 = 65.28%): the file gives them in percent and the reader divides by 100 exactly (decimal shift).
 * Amounts and open interest are in contracts of 1 coin. Strikes and the forward are in USD per coin. Deribit's
 * greeks are in its own units: delta in coin (Black-76 delta), gamma per 1 USD, vega USD per vol point, theta USD
 * per calendar day, rho USD per 1% of rate.
 *
 * <p><b>Absent values.</b> A cell that is empty in the file is {@link OptionalDouble#empty()} (never NaN, never
 * 0): no bid, no ask, no last trade, or a file without greeks. Deribit writes {@code bid_iv = 0} when there is no
 * bid; that 0 is kept as read. The required fields (symbol, timestamp, type, strike, expiration, mark price, mark
 * IV, forward) are always present; a row without one of them is skipped by the reader.
 *
 * <p>The compact constructor checks that {@link #instrument()} is an option whose type, strike and expiry agree
 * with {@link #type()}, {@link #strike()} and {@link #expiration()}.
 *
 * @param line 1-based line number in the source file (0 when the row was not read from a file)
 * @param exchange the exchange column, e.g. {@code deribit}; empty when the file has no such column
 * @param symbol the instrument name as written in the file, e.g. {@code BTC-25SEP20-9000-P}
 * @param instrument the parsed instrument
 * @param timestamp the exchange timestamp of the snapshot (file: microseconds since the epoch)
 * @param localTimestamp when the collector received it; equal to {@code timestamp} when the file has none
 * @param type call or put (the {@code type} column)
 * @param strike strike in USD per coin ({@code strike_price})
 * @param expiration expiry instant (file: microseconds; Deribit expiries are 08:00 UTC)
 * @param openInterest open interest in contracts (coins)
 * @param lastPriceCoin last trade price, coin
 * @param bidPriceCoin best bid, coin
 * @param bidAmount best bid size, contracts
 * @param bidIvFraction implied volatility of the best bid, fraction (Deribit: 0 when there is no bid)
 * @param askPriceCoin best ask, coin
 * @param askAmount best ask size, contracts
 * @param askIvFraction implied volatility of the best ask, fraction
 * @param markPriceCoin Deribit's mark price, coin per 1-coin option, &ge; 0
 * @param markIvFraction Deribit's mark implied volatility as a fraction, &ge; 0 (file: percent)
 * @param underlyingIndex the forward's source: a future ({@code BTC-25SEP20}) or a synthetic forward
 *     ({@code SYN.BTC-22MAY20}); empty when the file leaves it blank
 * @param underlyingPrice the forward of this expiry in USD (the Black-76 F Deribit prices with), &gt; 0
 * @param delta Deribit's delta, coin (Black-76 delta)
 * @param gamma Deribit's gamma, per 1 USD
 * @param vega Deribit's vega, USD per vol point
 * @param theta Deribit's theta, USD per calendar day
 * @param rho Deribit's rho, USD per 1% of rate
 */
public record ChainRow(
    long line,
    String exchange,
    String symbol,
    Instrument instrument,
    Instant timestamp,
    Instant localTimestamp,
    OptionType type,
    double strike,
    Instant expiration,
    OptionalDouble openInterest,
    OptionalDouble lastPriceCoin,
    OptionalDouble bidPriceCoin,
    OptionalDouble bidAmount,
    OptionalDouble bidIvFraction,
    OptionalDouble askPriceCoin,
    OptionalDouble askAmount,
    OptionalDouble askIvFraction,
    double markPriceCoin,
    double markIvFraction,
    Optional<String> underlyingIndex,
    double underlyingPrice,
    OptionalDouble delta,
    OptionalDouble gamma,
    OptionalDouble vega,
    OptionalDouble theta,
    OptionalDouble rho) {

  /** Validates presence, ranges and that the symbol agrees with the type, strike and expiration columns. */
  public ChainRow {
    ArgChecker.isTrue(line >= 0, "line must be >= 0");
    ArgChecker.notNull(exchange, "exchange");
    ArgChecker.notBlank(symbol, "symbol");
    ArgChecker.notNull(instrument, "instrument");
    ArgChecker.notNull(timestamp, "timestamp");
    ArgChecker.notNull(localTimestamp, "localTimestamp");
    ArgChecker.notNull(type, "type");
    ArgChecker.positive(strike, "strike");
    ArgChecker.notNull(expiration, "expiration");
    ArgChecker.notNegative(markPriceCoin, "markPriceCoin");
    ArgChecker.notNegative(markIvFraction, "markIvFraction");
    ArgChecker.notNull(underlyingIndex, "underlyingIndex");
    ArgChecker.positive(underlyingPrice, "underlyingPrice");
    checkOptional(openInterest, "openInterest");
    checkOptional(lastPriceCoin, "lastPriceCoin");
    checkOptional(bidPriceCoin, "bidPriceCoin");
    checkOptional(bidAmount, "bidAmount");
    checkOptional(bidIvFraction, "bidIvFraction");
    checkOptional(askPriceCoin, "askPriceCoin");
    checkOptional(askAmount, "askAmount");
    checkOptional(askIvFraction, "askIvFraction");
    checkOptional(delta, "delta");
    checkOptional(gamma, "gamma");
    checkOptional(vega, "vega");
    checkOptional(theta, "theta");
    checkOptional(rho, "rho");
    // Messages are built only on failure: this constructor runs once per row of files with millions of rows.
    if (!instrument.isOption()) {
      throw new IllegalArgumentException(symbol + ": not an option");
    }
    if (instrument.optionType() != type) {
      throw new IllegalArgumentException(symbol + ": the symbol is a " + instrument.optionType()
          + " but the type column says " + type);
    }
    if (instrument.strike() != strike) {
      throw new IllegalArgumentException(symbol + ": the symbol's strike is " + instrument.strike()
          + " but the strike column says " + strike);
    }
    if (!instrument.expiry().equals(expiration)) {
      throw new IllegalArgumentException(symbol + ": the symbol expires " + instrument.expiry()
          + " but the expiration column says " + expiration);
    }
  }

  private static void checkOptional(OptionalDouble value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must be OptionalDouble.empty() when absent, not null");
    }
    if (value.isPresent() && !Double.isFinite(value.getAsDouble())) {
      throw new IllegalArgumentException(name + " must be finite, got " + value.getAsDouble());
    }
  }

  /**
   * Years from the row's timestamp to expiry, ACT/365 to the millisecond (negative once expired).
   *
   * @return {@code (expiration - timestamp) / 365 days}
   */
  public double yearsToExpiry() {
    return YearFraction.act365(timestamp, expiration);
  }

  /**
   * Whether the option had expired at the row's timestamp.
   *
   * @return true when {@code expiration <= timestamp}
   */
  public boolean isExpiredAtTimestamp() {
    return !expiration.isAfter(timestamp);
  }

  /**
   * The mark price in USD per 1-coin option.
   *
   * @return {@code markPriceCoin * underlyingPrice}
   */
  public double markPriceUsd() {
    return markPriceCoin * underlyingPrice;
  }
}
