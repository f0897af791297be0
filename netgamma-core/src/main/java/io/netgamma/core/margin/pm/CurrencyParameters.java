package io.netgamma.core.margin.pm;

import io.netgamma.core.base.ArgChecker;

/**
 * The parameters of one settlement currency ({@code btc}, {@code eth}, {@code usd}) in Deribit's portfolio-margin
 * {@code model_params.currency}. JSON field names in brackets.
 *
 * @param pnlOffset fraction of a scenario gain credited against losses [{@code pnl_offset}], in [0, 1]
 * @param maxOffsetablePnl cap on the credited gain per scenario, USD [{@code max_offsetable_pnl}]
 * @param annualisedMoveRisk roll shock per year to expiry [{@code annualised_move_risk}]
 * @param minAnnualisedMove the smallest roll-shock move [{@code min_annualised_move}]
 * @param extendedDampener loss, USD, the extended table forgives [{@code extended_dampener}]
 * @param haircut collateral haircut [{@code haircut}] (read; cross-collateral is not modelled here)
 * @param equitySideImpact [{@code equity_side_impact}] ({@code both}, {@code none}, ...; read, not used)
 * @param correlationSet [{@code correlation_set}] (read; the correlation contingency is not modelled here)
 */
public record CurrencyParameters(double pnlOffset, double maxOffsetablePnl, double annualisedMoveRisk,
    double minAnnualisedMove, double extendedDampener, double haircut, String equitySideImpact,
    boolean correlationSet) {

  /** Validates every field. */
  public CurrencyParameters {
    ArgChecker.inRange(pnlOffset, 0, 1, "pnl_offset");
    ArgChecker.notNegative(maxOffsetablePnl, "max_offsetable_pnl");
    ArgChecker.notNegative(annualisedMoveRisk, "annualised_move_risk");
    ArgChecker.notNegative(minAnnualisedMove, "min_annualised_move");
    ArgChecker.notNegative(extendedDampener, "extended_dampener");
    ArgChecker.inRange(haircut, 0, 1, "haircut");
    ArgChecker.notNull(equitySideImpact, "equity_side_impact");
  }
}
