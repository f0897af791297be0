package io.netgamma.core.hedge.policy;

import java.util.Locale;

/**
 * What a {@link RebalancingPolicy} decided: hedge now or not, the net delta to trade to, the band it used and why.
 * Mutable and owned by a {@link PolicyState} (filled in place, so that deciding allocates nothing); {@link #copy()}
 * keeps one.
 *
 * <p>Everything is in coins of the underlying and in the book's net delta (the numeraire of
 * {@link PolicyState#delta()}): {@link #target()} is the book's delta after the trade, {@link #trade()} the quantity to
 * buy (positive) or sell (negative) in the hedge instrument, {@code target − delta}. The no-trade band
 * [{@link #lower()}, {@link #upper()}] is where the book's delta may stay without trading; it is
 * {@code (−∞, +∞)} for the policies without a delta band (time interval, move filter, Leland), and {@link #center()} is
 * the delta the band is built around (0, or Zakamouline's offset for his modified delta).
 */
public final class HedgeDecision {

  private boolean hedge;
  private double delta;
  private double target;
  private double lower;
  private double upper;
  private double center;
  private DecisionReason reason = DecisionReason.INSIDE_BAND;

  /** An empty decision (no hedge); policies fill it. */
  public HedgeDecision() {
  }

  /**
   * True when this is a rebalancing event: the caller trades {@link #trade()} (which may be 0 when the book is already
   * at the target) and records the hedge ({@link PolicyState#recordHedge}).
   */
  public boolean hedge() {
    return hedge;
  }

  /** The book's net delta the decision was taken on, coins. */
  public double delta() {
    return delta;
  }

  /** The book's net delta to trade to, coins; equal to {@link #delta()} when not hedging. */
  public double target() {
    return target;
  }

  /** Coins of the underlying to buy (positive) or sell (negative): {@code target − delta}; 0 when not hedging. */
  public double trade() {
    return target - delta;
  }

  /** Lower edge of the no-trade band, net delta in coins; −∞ when the policy has no delta band. */
  public double lower() {
    return lower;
  }

  /** Upper edge of the no-trade band, net delta in coins; +∞ when the policy has no delta band. */
  public double upper() {
    return upper;
  }

  /** The delta the band is built around, coins. */
  public double center() {
    return center;
  }

  /** Why. */
  public DecisionReason reason() {
    return reason;
  }

  /** A copy that later decisions do not change. */
  public HedgeDecision copy() {
    HedgeDecision c = new HedgeDecision();
    c.hedge = hedge;
    c.delta = delta;
    c.target = target;
    c.lower = lower;
    c.upper = upper;
    c.center = center;
    c.reason = reason;
    return c;
  }

  /** In words, e.g. "hedge: delta outside the band [-0.1200, 0.1200]; delta 0.3000 → 0.1200 (trade -0.1800)". */
  public String describe() {
    String band = Double.isInfinite(lower) && Double.isInfinite(upper) ? ""
        : String.format(Locale.ROOT, " [%.4f, %.4f]", lower, upper);
    if (!hedge) {
      return String.format(Locale.ROOT, "no hedge: %s%s; delta %.4f", reason.text(), band, delta);
    }
    return String.format(Locale.ROOT, "hedge: %s%s; delta %.4f -> %.4f (trade %.4f)", reason.text(), band, delta,
        target, trade());
  }

  @Override
  public String toString() {
    return describe();
  }

  // ---- filled by the policies (package-private: the decision is a result, not an input)

  HedgeDecision noTrade(double delta, DecisionReason reason, double lower, double upper, double center) {
    this.hedge = false;
    this.delta = delta;
    this.target = delta;
    this.reason = reason;
    this.lower = lower;
    this.upper = upper;
    this.center = center;
    return this;
  }

  HedgeDecision trade(double delta, double target, DecisionReason reason, double lower, double upper, double center) {
    this.hedge = true;
    this.delta = delta;
    this.target = target;
    this.reason = reason;
    this.lower = lower;
    this.upper = upper;
    this.center = center;
    return this;
  }

  /**
   * The band rule: inside [lower, upper] (edges included) no trade; outside, trade to the nearest edge (as
   * Whalley–Wilmott and Zakamouline prescribe) or, when {@code toEdge} is false, to {@code center}.
   */
  HedgeDecision band(double delta, double lower, double upper, double center, boolean toEdge) {
    if (delta >= lower && delta <= upper) {
      return noTrade(delta, DecisionReason.INSIDE_BAND, lower, upper, center);
    }
    double target = toEdge ? (delta > upper ? upper : lower) : center;
    return trade(delta, target, DecisionReason.OUTSIDE_BAND, lower, upper, center);
  }
}
