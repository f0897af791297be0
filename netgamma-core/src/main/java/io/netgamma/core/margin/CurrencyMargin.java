package io.netgamma.core.margin;

import io.netgamma.core.base.ArgChecker;

/**
 * The margin of the positions settled in one currency.
 *
 * @param currency the settlement currency ({@code BTC}, {@code ETH}: inverse products; {@code USDC}: linear ones)
 * @param initialMargin initial margin in {@code currency}, &ge; 0
 * @param maintenanceMargin maintenance margin in {@code currency}, &ge; 0
 * @param usdPerUnit USD value of one unit of {@code currency}: the index price of a coin, 1 for USDC; &gt; 0
 * @param driver what drives the margin, in words: the instrument with the largest requirement (standard margin),
 *     the worst scenario (portfolio margin); not blank
 */
public record CurrencyMargin(String currency, double initialMargin, double maintenanceMargin, double usdPerUnit,
    String driver) {

  /** Validates every field. */
  public CurrencyMargin {
    ArgChecker.notBlank(currency, "currency");
    ArgChecker.notNegative(initialMargin, currency + " initial margin");
    ArgChecker.notNegative(maintenanceMargin, currency + " maintenance margin");
    ArgChecker.positive(usdPerUnit, currency + " USD per unit");
    ArgChecker.notBlank(driver, "driver");
  }

  /** Initial margin in USD. */
  public double initialMarginUsd() {
    return initialMargin * usdPerUnit;
  }

  /** Maintenance margin in USD. */
  public double maintenanceMarginUsd() {
    return maintenanceMargin * usdPerUnit;
  }
}
