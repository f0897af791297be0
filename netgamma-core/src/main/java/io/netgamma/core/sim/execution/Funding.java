package io.netgamma.core.sim.execution;

/**
 * Perpetual funding accrual. A funding rate is quoted per 8 hours on the position's notional; when it is positive,
 * longs pay shorts (the perpetual trades above the index), when negative shorts pay longs. Accrued linearly in
 * time, as Deribit does continuously: over {@code hours}, a position of {@code q} coins (positive long) at price
 * {@code P} receives {@code −q·P·rate8h·hours/8} USD. Inverse perpetuals settle it in coin: the USD amount divided
 * by the price (Deribit converts at the index). Stateless.
 */
public final class Funding {

  private Funding() {
  }

  /**
   * Funding received (positive) or paid (negative), USD.
   *
   * @param positionCoins position, coins at the price (positive long); for an inverse perp, USD contracts / price
   * @param priceUsd price of the notional, USD per coin (mark or index)
   * @param rate8h funding rate per 8 hours as a fraction (0.0001 = 1 bp)
   * @param hours accrual period in hours (one simulation step: {@code TimeGrid.dtHours()})
   */
  public static double paymentUsd(double positionCoins, double priceUsd, double rate8h, double hours) {
    return -positionCoins * priceUsd * rate8h * hours / 8.0;
  }

  /** Funding received (positive) or paid (negative) in coin, for coin-settled (inverse) perpetuals. */
  public static double paymentCoin(double positionCoins, double priceUsd, double rate8h, double hours) {
    return paymentUsd(positionCoins, priceUsd, rate8h, hours) / priceUsd;
  }
}
