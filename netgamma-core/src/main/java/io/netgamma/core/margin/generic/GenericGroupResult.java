package io.netgamma.core.margin.generic;

import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.margin.pm.PmBook;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The generic scenario evaluation of one risk group. Amounts are in the group's settlement currency (coin for
 * inverse, USDC for linear); P&amp;L with netgamma's sign (negative = loss). Immutable; accessors return copies.
 */
public final class GenericGroupResult {

  private final PmBook book;
  private final GenericMarginParameters params;
  private final double[] pnl;
  private final double[] weighted;
  private final int worst;
  private final double scanRisk;
  private final double perpContingency;
  private final double optionContingency;
  private final double netDelta;
  private final double hedgedDelta;
  private final double minimumDelta;

  GenericGroupResult(PmBook book, GenericMarginParameters params, double[] pnl, double[] weighted, int worst,
      double scanRisk, double perpContingency, double optionContingency, double netDelta, double hedgedDelta,
      double minimumDelta) {
    this.book = book;
    this.params = params;
    this.pnl = pnl;
    this.weighted = weighted;
    this.worst = worst;
    this.scanRisk = scanRisk;
    this.perpContingency = perpContingency;
    this.optionContingency = optionContingency;
    this.netDelta = netDelta;
    this.hedgedDelta = hedgedDelta;
    this.minimumDelta = minimumDelta;
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

  /** Instrument j's P&amp;L in each scenario, unweighted. */
  public double[] scenarioPnl(int j) {
    int ns = params.scenarios().size();
    return Arrays.copyOfRange(pnl, j * ns, (j + 1) * ns);
  }

  /** The group's P&amp;L in each scenario times the scenario's weight. */
  public double[] weightedPnl() {
    return weighted.clone();
  }

  /** 0-based index of the scenario with the largest weighted loss (the first on a tie). */
  public int worstScenarioIndex() {
    return worst;
  }

  /** Instrument j's weighted P&amp;L in the worst scenario. */
  public double worstScenarioPnl(int j) {
    int ns = params.scenarios().size();
    return pnl[j * ns + worst] * params.scenarios().get(worst).weight();
  }

  /** Scan risk: the largest weighted loss, floored at 0. */
  public double scanRisk() {
    return scanRisk;
  }

  /** Contingency on futures and perpetuals. */
  public double perpContingency() {
    return perpContingency;
  }

  /** Contingency on net short options per expiry and strike. */
  public double optionContingency() {
    return optionContingency;
  }

  /** Net delta of the group, coins (Black-76 delta for options, quantity for futures and perpetuals). */
  public double netDelta() {
    return netDelta;
  }

  /** Hedged delta, coins: (gross − |net|) / 2. */
  public double hedgedDelta() {
    return hedgedDelta;
  }

  /** The minimum-delta charge. */
  public double minimumDelta() {
    return minimumDelta;
  }

  /** True when the minimum-delta charge exceeds scan risk plus contingencies and so sets the requirement. */
  public boolean minimumDeltaBinds() {
    return minimumDelta > scanRisk + perpContingency + optionContingency;
  }

  /** The requirement: {@code max(scan risk + contingencies, minimum delta)}. */
  public double requirement() {
    return Math.max(scanRisk + perpContingency + optionContingency, minimumDelta);
  }

  /** Initial margin: {@code imFactor ×} the requirement. */
  public double initialMargin() {
    return params.imFactor() * requirement();
  }

  /** Maintenance margin: {@code mmFactor ×} the requirement. */
  public double maintenanceMargin() {
    return params.mmFactor() * requirement();
  }

  /** What drives the requirement, in words. */
  public String describe() {
    String scenario = String.format(Locale.ROOT, "scenario %d of %d (%s)", worst + 1, params.scenarios().size(),
        params.scenarios().get(worst).describe());
    if (minimumDeltaBinds()) {
      return "minimum delta (net " + GroupMargin.format(netDelta) + ", hedged " + GroupMargin.format(hedgedDelta)
          + " coins; scan risk " + GroupMargin.format(scanRisk) + " " + currency() + " in " + scenario + ")";
    }
    return scenario;
  }
}
