package io.netgamma.core.margin.pm;

import io.netgamma.core.instrument.Instrument;
import java.util.Arrays;
import java.util.List;

/**
 * The portfolio margin of one risk group ({@link PmBook}), in its settlement currency (coin for inverse groups,
 * USDC for linear ones), with everything Deribit's {@code private/pme/simulate} reports for it. Every number is
 * finite. Arrays are copied out.
 *
 * <p>Vectors: the standard table has 3·(2B+1) entries (27 for B = 4), bucket-major, vol up / same / down within a
 * bucket (Deribit's {@code standard} layout); the extended table has one entry per extended move (8). Entries are
 * P&amp;L (negative = loss).
 */
public final class PmGroupResult {

  private final PmBook book;
  private final double[] standard; // [j * ns + k]
  private final double[] extended; // [j * ne + k]
  private final int ns;
  private final int ne;
  private final double[] preStandard;
  private final double[] preExtended;
  private final double[] aggStandard;
  private final double[] aggExtended;
  private final double worstCase;
  private final WorstScenario worst;
  private final double deltaTotal;
  private final double deltaShock;
  private final double rollShock;
  private final double mmFactor;

  PmGroupResult(PmBook book, double[] standard, double[] extended, int ns, int ne, double[] preStandard,
      double[] preExtended, double[] aggStandard, double[] aggExtended, double worstCase, WorstScenario worst,
      double deltaTotal, double deltaShock, double rollShock, double mmFactor) {
    this.book = book;
    this.standard = standard;
    this.extended = extended;
    this.ns = ns;
    this.ne = ne;
    this.preStandard = preStandard;
    this.preExtended = preExtended;
    this.aggStandard = aggStandard;
    this.aggExtended = aggExtended;
    this.worstCase = worstCase;
    this.worst = worst;
    this.deltaTotal = deltaTotal;
    this.deltaShock = deltaShock;
    this.rollShock = rollShock;
    this.mmFactor = mmFactor;
  }

  /** The risk group. */
  public PmBook book() {
    return book;
  }

  /** The settlement currency of every amount. */
  public String currency() {
    return book.settlementCurrency();
  }

  /** The instruments, in the order of the per-instrument vectors. */
  public List<Instrument> instruments() {
    return book.instruments();
  }

  /** Standard risk vector of instrument j: its P&amp;L in each of the 27 scenarios, settlement currency. */
  public double[] standard(int j) {
    return Arrays.copyOfRange(standard, j * ns, (j + 1) * ns);
  }

  /** Extended risk vector of instrument j: its P&amp;L share (fraction and conversion applied) in the 8 moves. */
  public double[] extended(int j) {
    return Arrays.copyOfRange(extended, j * ne, (j + 1) * ne);
  }

  /** Sum of the instruments' standard vectors, before the gain offset. */
  public double[] preAggregatedStandard() {
    return preStandard.clone();
  }

  /** Sum of the instruments' extended vectors, before the dampener. */
  public double[] preAggregatedExtended() {
    return preExtended.clone();
  }

  /** The aggregated standard vector: gains times {@code pnl_offset} (capped by {@code max_offsetable_pnl}). */
  public double[] aggregatedStandard() {
    return aggStandard.clone();
  }

  /** The aggregated extended vector: losses reduced by the dampener, gains 0. */
  public double[] aggregatedExtended() {
    return aggExtended.clone();
  }

  /** The largest aggregated loss (&ge; 0), Deribit's {@code worst_case}. */
  public double worstCase() {
    return worstCase;
  }

  /** Where {@link #worstCase()} is, Deribit's {@code worst_case_bucket}. */
  public WorstScenario worstScenario() {
    return worst;
  }

  /** The entry of the per-instrument vector of instrument j in the worst scenario (P&amp;L, negative = loss). */
  public double worstScenarioPnl(int j) {
    return worst.source().equals("standard") ? standard[j * ns + worst.index()] : extended[j * ne + worst.index()];
  }

  /** The group's net delta the delta shock is computed on, coins (inverse: coin-numeraire delta). */
  public double deltaTotal() {
    return deltaTotal;
  }

  /** Deribit's {@code delta_shock}. */
  public double deltaShock() {
    return deltaShock;
  }

  /** Deribit's {@code roll_shock}. */
  public double rollShock() {
    return rollShock;
  }

  /** Deribit's {@code risk_matrix_margin}: worst case + delta shock + roll shock. */
  public double riskMatrixMargin() {
    return worstCase + deltaShock + rollShock;
  }

  /**
   * Initial margin: the risk-matrix margin. Deribit's {@code initial_margin} adds account items not modelled here
   * (open orders, MMP, spot).
   */
  public double initialMargin() {
    return riskMatrixMargin();
  }

  /** Maintenance margin: {@code mm_factor} × risk-matrix margin. */
  public double maintenanceMargin() {
    return mmFactor * riskMatrixMargin();
  }
}
