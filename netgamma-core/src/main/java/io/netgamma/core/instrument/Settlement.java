package io.netgamma.core.instrument;

/**
 * How an instrument settles. Deribit names tell: {@code BTC-...} is inverse (quoted in USD, margined and
 * settled in BTC); {@code BTC_USDC-...} is linear (quoted, margined and settled in USDC).
 */
public enum Settlement {
  /** Coin-settled: a contract on the USD value of the coin, paid in coin. Option premiums are quoted in coin. */
  INVERSE,
  /** Stablecoin-settled (USDC/USDT): premiums, P&amp;L and margin in the stablecoin. */
  LINEAR
}
