package io.netgamma.core.sim.stress;

import io.netgamma.core.base.ArgChecker;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The book after one step of a stress scenario. Amounts in USD.
 *
 * @param label the step's label
 * @param shock the cumulative shock of the step
 * @param pnlUsd P&amp;L of the book and its collateral from the start, USD (loss &lt; 0)
 * @param pnlByUnderlying the positions' P&amp;L per underlying, USD (collateral excluded; copied)
 * @param equityUsd account equity after the step: the collateral's value at the shocked prices plus the positions'
 *     P&amp;L, USD; NaN when the portfolio holds no collateral (equity unknown)
 * @param initialMarginUsd the model's initial margin on the shocked market, USD
 * @param maintenanceMarginUsd the model's maintenance margin on the shocked market, USD
 */
public record StepOutcome(String label, MarketShock shock, double pnlUsd, Map<String, Double> pnlByUnderlying,
    double equityUsd, double initialMarginUsd, double maintenanceMarginUsd) {

  /** Validates and copies. */
  public StepOutcome {
    ArgChecker.notBlank(label, "label");
    ArgChecker.notNull(shock, "shock");
    ArgChecker.finite(pnlUsd, "P&L");
    pnlByUnderlying = Collections.unmodifiableMap(new LinkedHashMap<>(ArgChecker.notNull(pnlByUnderlying,
        "pnlByUnderlying")));
    ArgChecker.notNegative(initialMarginUsd, "initial margin");
    ArgChecker.notNegative(maintenanceMarginUsd, "maintenance margin");
  }

  /** True when the equity is known. */
  public boolean hasEquity() {
    return !Double.isNaN(equityUsd);
  }

  /** Equity below initial margin: no new risk may be added (a margin call). False when the equity is unknown. */
  public boolean marginCall() {
    return hasEquity() && equityUsd < initialMarginUsd;
  }

  /** Equity below maintenance margin: the venue starts liquidating. False when the equity is unknown. */
  public boolean liquidated() {
    return hasEquity() && equityUsd < maintenanceMarginUsd;
  }
}
