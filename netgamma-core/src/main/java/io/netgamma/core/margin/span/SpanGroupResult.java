package io.netgamma.core.margin.span;

import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.margin.generic.GroupMargin;
import io.netgamma.core.margin.pm.PmBook;
import java.util.Arrays;
import java.util.List;

/**
 * The SPAN evaluation of one combined commodity (a {@link PmBook} risk group). Amounts are in the group's
 * settlement currency (coin for inverse, USDC for linear). P&amp;L arrays use netgamma's sign (negative = loss),
 * not SPAN's risk-array convention (positive = loss). Immutable; accessors return copies.
 */
public final class SpanGroupResult {

  private final PmBook book;
  private final SpanParameters params;
  private final List<SpanScenario> scenarios;
  private final double[] pnl;
  private final double[] weighted;
  private final int worst;
  private final double scanRisk;
  private final double shortOptionCoins;
  private final double shortOptionMinimum;

  SpanGroupResult(PmBook book, SpanParameters params, List<SpanScenario> scenarios, double[] pnl, double[] weighted,
      int worst, double scanRisk, double shortOptionCoins, double shortOptionMinimum) {
    this.book = book;
    this.params = params;
    this.scenarios = scenarios;
    this.pnl = pnl;
    this.weighted = weighted;
    this.worst = worst;
    this.scanRisk = scanRisk;
    this.shortOptionCoins = shortOptionCoins;
    this.shortOptionMinimum = shortOptionMinimum;
  }

  /** The group. */
  public PmBook book() {
    return book;
  }

  /** The settlement currency of every amount. */
  public String currency() {
    return book.settlementCurrency();
  }

  /** The instruments, in the order of the arrays. */
  public List<Instrument> instruments() {
    return book.instruments();
  }

  /** The 16 scenarios, in SPAN's order. */
  public List<SpanScenario> scenarios() {
    return scenarios;
  }

  /** Instrument j's P&amp;L in each of the 16 scenarios, unweighted (its "risk array" with netgamma's sign). */
  public double[] scenarioPnl(int j) {
    int ns = scenarios.size();
    return Arrays.copyOfRange(pnl, j * ns, (j + 1) * ns);
  }

  /** The group's P&amp;L in each scenario times the scenario's weight (extreme moves at the cover fraction). */
  public double[] weightedPnl() {
    return weighted.clone();
  }

  /** The scenario with the largest weighted loss (the first in SPAN's order on a tie). */
  public SpanScenario worstScenario() {
    return scenarios.get(worst);
  }

  /** Instrument j's weighted P&amp;L in the worst scenario (negative = it loses there). */
  public double worstScenarioPnl(int j) {
    SpanScenario s = scenarios.get(worst);
    return pnl[j * scenarios.size() + worst] * s.weight();
  }

  /** Scan risk: the largest weighted loss over the 16 scenarios, floored at 0. */
  public double scanRisk() {
    return scanRisk;
  }

  /** Total quantity of the group's short options, coins (&ge; 0). */
  public double shortOptionCoins() {
    return shortOptionCoins;
  }

  /** The short-option minimum charge. */
  public double shortOptionMinimum() {
    return shortOptionMinimum;
  }

  /** True when the short-option minimum exceeds the scan risk and so sets the requirement. */
  public boolean shortOptionMinimumBinds() {
    return shortOptionMinimum > scanRisk;
  }

  /** SPAN's risk requirement: {@code max(scan risk, short-option minimum)}; the maintenance margin. */
  public double riskRequirement() {
    return Math.max(scanRisk, shortOptionMinimum);
  }

  /** Maintenance margin: the risk requirement. */
  public double maintenanceMargin() {
    return riskRequirement();
  }

  /** Initial margin: the risk requirement times {@link SpanParameters#initialToMaintenance()}. */
  public double initialMargin() {
    return riskRequirement() * params.initialToMaintenance();
  }

  /** What drives the requirement, in words. */
  public String describe() {
    if (shortOptionMinimumBinds()) {
      return "short-option minimum (" + GroupMargin.format(shortOptionCoins) + " short option coins; scan risk "
          + GroupMargin.format(scanRisk) + " " + currency() + " in " + worstScenario().describe(
          params.priceScanRange()) + ")";
    }
    return worstScenario().describe(params.priceScanRange());
  }
}
