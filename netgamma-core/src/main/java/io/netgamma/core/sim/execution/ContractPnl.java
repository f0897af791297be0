package io.netgamma.core.sim.execution;

/**
 * P&amp;L of delta-one positions between an entry and an exit price; positive when gaining. Stateless.
 *
 * <p><b>Inverse</b> (Deribit BTC/ETH futures and perpetuals): the position is {@code contractsUsd} of USD face value,
 * positive long, and settles in coin: {@code P&L_coin = contractsUsd·(1/entry − 1/exit)}; a long gains coin when the
 * price rises, but less than a linear position would (and loses more on the way down): inverse products are short
 * convexity in USD. The USD value of that coin P&amp;L at the exit is {@code P&L_coin·exit}. In netgamma's units the
 * position in coins at the entry is {@code contractsUsd/entry}.
 *
 * <p><b>Linear</b> (USDC-settled): {@code P&L_usd = coins·(exit − entry)}.
 */
public final class ContractPnl {

  private ContractPnl() {
  }

  /** USD face value of {@code coins} at {@code priceUsd}: {@code coins·price} (inverse contracts). */
  public static double contractsUsd(double coins, double priceUsd) {
    return coins * priceUsd;
  }

  /** Inverse P&amp;L in coin: {@code contractsUsd·(1/entry − 1/exit)}. */
  public static double inverseCoin(double contractsUsd, double entryUsd, double exitUsd) {
    return contractsUsd * (1.0 / entryUsd - 1.0 / exitUsd);
  }

  /** Inverse P&amp;L valued in USD at the exit price: {@code contractsUsd·(1/entry − 1/exit)·exit}. */
  public static double inverseUsd(double contractsUsd, double entryUsd, double exitUsd) {
    return inverseCoin(contractsUsd, entryUsd, exitUsd) * exitUsd;
  }

  /** Linear P&amp;L in USD (or USDC): {@code coins·(exit − entry)}. */
  public static double linearUsd(double coins, double entryUsd, double exitUsd) {
    return coins * (exitUsd - entryUsd);
  }
}
