package io.netgamma.core.portfolio;

import io.netgamma.core.base.ArgChecker;

/**
 * A collateral balance valued on a market snapshot.
 *
 * <p>A coin balance B is worth {@code B·index} USD and has a USD delta of B coins of its own underlying, and a
 * coin-numeraire delta of 0 (B coins are always worth B coins). A stablecoin balance ({@link Portfolio#STABLECOINS})
 * is worth its amount in USD and has no delta.
 *
 * @param currency the currency ({@code BTC}, {@code USDC})
 * @param amount the balance in that currency, finite, either sign
 * @param priceUsd USD per unit: the index price for a coin, 1 for a stablecoin
 * @param valueUsd {@code amount · priceUsd}
 * @param delta USD-numeraire delta in coins of {@code currency}: the amount for a coin, 0 for a stablecoin
 */
public record CollateralValue(String currency, double amount, double priceUsd, double valueUsd, double delta) {

  /** Validates. */
  public CollateralValue {
    ArgChecker.notBlank(currency, "currency");
    ArgChecker.finite(amount, currency + " amount");
    ArgChecker.positive(priceUsd, currency + " priceUsd");
    ArgChecker.finite(valueUsd, currency + " valueUsd");
    ArgChecker.finite(delta, currency + " delta");
  }

  /** True for USD, USDC and USDT. */
  public boolean isStablecoin() {
    return Portfolio.STABLECOINS.contains(currency);
  }
}
