package io.netgamma.core.sim.execution;

/**
 * The result of one order through an {@link ExecutionModel}: a reusable, mutable holder so that the simulator's
 * hot loop allocates nothing (one {@code Fill} per thread, overwritten by every
 * {@link ExecutionModel#fill(Fill, double, double, double, boolean)}). Not thread-safe.
 *
 * <p>Units: amounts in coins, signed (positive bought); prices in USD per coin; costs in USD, positive when they
 * cost the trader (a maker's spread capture is a negative spread cost). {@code totalCostUsd} is the cost against
 * the mid: {@code (fillPrice − mid)·filled + fee + fixed}; {@code cashFlowUsd = −filled·fillPrice − fee − fixed}.
 */
public final class Fill {

  private double requestedCoins;
  private double filledCoins;
  private double midUsd;
  private double fillPriceUsd;
  private double spreadCostUsd;
  private double impactCostUsd;
  private double feeUsd;
  private double fixedCostUsd;
  private double permanentLogShift;
  final double[] scratch = new double[2];

  /** An empty fill (nothing requested). */
  public Fill() {
  }

  void set(double requested, double filled, double mid, double fillPrice, double spreadCost, double impactCost,
      double fee, double fixed, double permanentShift) {
    this.requestedCoins = requested;
    this.filledCoins = filled;
    this.midUsd = mid;
    this.fillPriceUsd = fillPrice;
    this.spreadCostUsd = spreadCost;
    this.impactCostUsd = impactCost;
    this.feeUsd = fee;
    this.fixedCostUsd = fixed;
    this.permanentLogShift = permanentShift;
  }

  /** Amount ordered, coins, signed. */
  public double requestedCoins() {
    return requestedCoins;
  }

  /** Amount filled, coins, signed like the order. */
  public double filledCoins() {
    return filledCoins;
  }

  /** Amount not filled (the book was too thin), coins, signed like the order; 0 for a complete fill. */
  public double unfilledCoins() {
    return requestedCoins - filledCoins;
  }

  /** True when the whole order filled. */
  public boolean isComplete() {
    return filledCoins == requestedCoins;
  }

  /** Mid price the order met, USD per coin. */
  public double midUsd() {
    return midUsd;
  }

  /** Average fill price, USD per coin (the mid when nothing filled). */
  public double fillPriceUsd() {
    return fillPriceUsd;
  }

  /** Cost of crossing to the best level (half-spread), USD; negative for a maker capturing it. */
  public double spreadCostUsd() {
    return spreadCostUsd;
  }

  /** Cost beyond the best level: depth slippage plus temporary impact, USD, ≥ 0. */
  public double impactCostUsd() {
    return impactCostUsd;
  }

  /** Fee, USD (negative for a maker rebate). */
  public double feeUsd() {
    return feeUsd;
  }

  /** Fixed cost of the transaction (gas), USD; 0 when nothing filled. */
  public double fixedCostUsd() {
    return fixedCostUsd;
  }

  /** Total cost against the mid, USD: spread + impact + fee + fixed. */
  public double totalCostUsd() {
    return spreadCostUsd + impactCostUsd + feeUsd + fixedCostUsd;
  }

  /** Cash paid (negative) or received (positive) for the fill, USD: {@code −filled·fillPrice − fee − fixed}. */
  public double cashFlowUsd() {
    return -filledCoins * fillPriceUsd - feeUsd - fixedCostUsd;
  }

  /** Permanent impact of the fill as a log shift of the price path from the next step on (see ImpactModel). */
  public double permanentLogShift() {
    return permanentLogShift;
  }

  @Override
  public String toString() {
    return "Fill[filled " + filledCoins + " of " + requestedCoins + " at " + fillPriceUsd + " (mid " + midUsd
        + "), spread " + spreadCostUsd + ", impact " + impactCostUsd + ", fee " + feeUsd + ", fixed "
        + fixedCostUsd + " USD]";
  }
}
