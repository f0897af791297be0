package io.netgamma.core.market;

import java.util.Arrays;

/**
 * Depth of one instrument's order book, structure-of-arrays: bid prices descending, ask prices ascending, each
 * with its amount. Prices in the instrument's quote unit (coin for inverse options, USD for inverse futures and
 * perpetuals, USDC for linear instruments); amounts in the venue's contract units (coins for options; USD for
 * inverse futures and perpetuals, as on Deribit). Immutable: the arrays are copied in and never exposed.
 */
public final class OrderBook {

  /** A book with no levels. */
  public static final OrderBook EMPTY = new OrderBook(new double[0], new double[0], new double[0], new double[0]);

  private final double[] bidPrices;
  private final double[] bidAmounts;
  private final double[] askPrices;
  private final double[] askAmounts;

  private OrderBook(double[] bidPrices, double[] bidAmounts, double[] askPrices, double[] askAmounts) {
    this.bidPrices = bidPrices;
    this.bidAmounts = bidAmounts;
    this.askPrices = askPrices;
    this.askAmounts = askAmounts;
  }

  /**
   * A book from its levels (copied). Bids must be strictly descending, asks strictly ascending, prices and amounts
   * finite and &gt; 0, and the best bid below the best ask.
   */
  public static OrderBook of(double[] bidPrices, double[] bidAmounts, double[] askPrices, double[] askAmounts) {
    check(bidPrices, bidAmounts, -1, "bid");
    check(askPrices, askAmounts, +1, "ask");
    if (bidPrices.length > 0 && askPrices.length > 0 && !(bidPrices[0] < askPrices[0])) {
      throw new IllegalArgumentException("crossed book: best bid " + bidPrices[0] + " >= best ask " + askPrices[0]);
    }
    return new OrderBook(bidPrices.clone(), bidAmounts.clone(), askPrices.clone(), askAmounts.clone());
  }

  private static void check(double[] prices, double[] amounts, int direction, String side) {
    if (prices.length != amounts.length) {
      throw new IllegalArgumentException(side + " side has " + prices.length + " prices but " + amounts.length
          + " amounts");
    }
    for (int i = 0; i < prices.length; i++) {
      if (!(prices[i] > 0 && prices[i] < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(side + " price at level " + i + " must be finite and > 0, got "
            + prices[i]);
      }
      if (!(amounts[i] > 0 && amounts[i] < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(side + " amount at level " + i + " must be finite and > 0, got "
            + amounts[i]);
      }
      if (i > 0 && Math.signum(prices[i] - prices[i - 1]) != direction) {
        throw new IllegalArgumentException(side + " prices must be strictly " + (direction < 0 ? "descending"
            : "ascending") + ": level " + (i - 1) + " " + prices[i - 1] + ", level " + i + " " + prices[i]);
      }
    }
  }

  /** Number of bid levels. */
  public int bidLevels() {
    return bidPrices.length;
  }

  /** Number of ask levels. */
  public int askLevels() {
    return askPrices.length;
  }

  /** Bid price at level {@code i} (0 = best). */
  public double bidPrice(int i) {
    return bidPrices[i];
  }

  /** Bid amount at level {@code i}. */
  public double bidAmount(int i) {
    return bidAmounts[i];
  }

  /** Ask price at level {@code i} (0 = best). */
  public double askPrice(int i) {
    return askPrices[i];
  }

  /** Ask amount at level {@code i}. */
  public double askAmount(int i) {
    return askAmounts[i];
  }

  /** Total amount on the bid side. */
  public double bidDepth() {
    return Arrays.stream(bidAmounts).sum();
  }

  /** Total amount on the ask side. */
  public double askDepth() {
    return Arrays.stream(askAmounts).sum();
  }
}
