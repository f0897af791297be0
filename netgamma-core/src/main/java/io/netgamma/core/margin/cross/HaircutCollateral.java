package io.netgamma.core.margin.cross;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.portfolio.CollateralValue;

/**
 * One collateral balance valued for margin: the valuation's {@link CollateralValue} (index price, USD value) less a
 * haircut. A positive balance counts {@code valueUsd·(1 − haircut)}; a negative balance (a debt) counts in full,
 * {@code valueUsd}: a haircut never makes a debt smaller.
 *
 * @param value the balance valued at the index (stablecoins at 1), not null
 * @param haircut the haircut applied, in [0, 1]
 * @param valueAfterHaircutUsd the balance's margin value, USD
 */
public record HaircutCollateral(CollateralValue value, double haircut, double valueAfterHaircutUsd) {

  /** Validates. */
  public HaircutCollateral {
    ArgChecker.notNull(value, "value");
    ArgChecker.inRange(haircut, 0, 1, value.currency() + " haircut");
    ArgChecker.finite(valueAfterHaircutUsd, value.currency() + " value after haircut");
  }

  /** A balance less its haircut (see the class javadoc). */
  public static HaircutCollateral of(CollateralValue value, double haircut) {
    ArgChecker.notNull(value, "value");
    ArgChecker.inRange(haircut, 0, 1, value.currency() + " haircut");
    double usd = value.valueUsd();
    return new HaircutCollateral(value, haircut, usd > 0 ? usd * (1 - haircut) : usd);
  }

  /** The currency. */
  public String currency() {
    return value.currency();
  }

  /** The haircut in USD, &ge; 0. */
  public double haircutUsd() {
    return value.valueUsd() - valueAfterHaircutUsd;
  }
}
