package io.netgamma.core.sim.execution;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.market.OrderBook;
import io.netgamma.core.market.Quote;

/**
 * The shape of an order book relative to its mid, for walking the book at any later price: each level's distance
 * from the mid as a fraction ({@code ask/mid − 1}, {@code 1 − bid/mid}, both positive) and its size in coins.
 *
 * <p><b>Assumptions (state them in results):</b> the shape is stationary — re-centred on the path's current mid at
 * every fill — and the book refills between steps (a fill does not consume the depth seen by the next step's fill).
 * A market order larger than the book fills only what the book holds (see {@link Fill#unfilledCoins()}).
 *
 * <p>Amount units: Deribit options books are in coins; Deribit inverse futures and perpetual books are in USD
 * contracts, converted here to coins at each level's own price ({@link AmountUnit#USD}).
 */
public final class DepthProfile {

  /** Unit of the book's amounts. */
  public enum AmountUnit {
    /** Coins of the underlying (options, linear products, spot). */
    COINS,
    /** USD face value (inverse futures and perpetuals on Deribit): coins = USD / level price. */
    USD
  }

  private final double[] askOffsets;
  private final double[] askCoins;
  private final double[] bidOffsets;
  private final double[] bidCoins;

  private DepthProfile(double[] askOffsets, double[] askCoins, double[] bidOffsets, double[] bidCoins) {
    this.askOffsets = askOffsets;
    this.askCoins = askCoins;
    this.bidOffsets = bidOffsets;
    this.bidCoins = bidCoins;
  }

  /**
   * The profile of {@code book} around its own mid (mean of best bid and best ask, in the book's price unit).
   *
   * @throws IllegalArgumentException when either side is empty
   */
  public static DepthProfile of(OrderBook book, AmountUnit unit) {
    ArgChecker.notNull(book, "book");
    ArgChecker.notNull(unit, "unit");
    ArgChecker.isTrue(book.bidLevels() > 0 && book.askLevels() > 0, "the order book needs both sides to have a mid"
        + " (" + book.bidLevels() + " bid levels, " + book.askLevels() + " ask levels)");
    double mid = 0.5 * (book.bidPrice(0) + book.askPrice(0));
    double[] ao = new double[book.askLevels()];
    double[] ac = new double[ao.length];
    for (int i = 0; i < ao.length; i++) {
      ao[i] = book.askPrice(i) / mid - 1;
      ac[i] = unit == AmountUnit.COINS ? book.askAmount(i) : book.askAmount(i) / book.askPrice(i);
    }
    double[] bo = new double[book.bidLevels()];
    double[] bc = new double[bo.length];
    for (int i = 0; i < bo.length; i++) {
      bo[i] = 1 - book.bidPrice(i) / mid;
      bc[i] = unit == AmountUnit.COINS ? book.bidAmount(i) : book.bidAmount(i) / book.bidPrice(i);
    }
    return new DepthProfile(ao, ac, bo, bc);
  }

  /** The profile of a quote's order book; USD amounts for inverse futures and perpetuals, coins otherwise. */
  public static DepthProfile of(Quote quote) {
    ArgChecker.notNull(quote, "quote");
    boolean usdContracts = quote.instrument().isInverse() && !quote.instrument().isOption();
    return of(quote.book(), usdContracts ? AmountUnit.USD : AmountUnit.COINS);
  }

  /** Number of ask (buy side of a market order) levels. */
  public int askLevels() {
    return askOffsets.length;
  }

  /** Number of bid levels. */
  public int bidLevels() {
    return bidOffsets.length;
  }

  /** Relative distance of the best ask above the mid (the half-spread on the buy side). */
  public double bestAskOffset() {
    return askOffsets[0];
  }

  /** Relative distance of the best bid below the mid. */
  public double bestBidOffset() {
    return bidOffsets[0];
  }

  /** Total coins on the ask side. */
  public double askDepthCoins() {
    double s = 0;
    for (double c : askCoins) {
      s += c;
    }
    return s;
  }

  /** Total coins on the bid side. */
  public double bidDepthCoins() {
    double s = 0;
    for (double c : bidCoins) {
      s += c;
    }
    return s;
  }

  /**
   * Walks the side a market order of {@code coins} (signed: &gt; 0 buys from the asks) takes, writing the filled
   * amount (unsigned) into {@code out[0]} and the amount-weighted mean relative offset of the filled levels into
   * {@code out[1]} (0 when nothing fills). Allocation-free.
   */
  void walk(double coins, double[] out) {
    double[] offsets = coins > 0 ? askOffsets : bidOffsets;
    double[] sizes = coins > 0 ? askCoins : bidCoins;
    double remaining = Math.abs(coins);
    double weighted = 0;
    for (int i = 0; i < sizes.length && remaining > 0; i++) {
      double take = Math.min(remaining, sizes[i]);
      weighted += take * offsets[i];
      remaining -= take;
    }
    double filled = Math.abs(coins) - remaining;
    out[0] = filled;
    out[1] = filled > 0 ? weighted / filled : 0;
  }
}
