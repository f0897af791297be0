package io.netgamma.core.hedge.policy;

import io.netgamma.core.base.ArgChecker;

/**
 * A delta band: no trade while the book's delta is within {@code [−down, +up]}; outside, trade to 0 (or to the nearer
 * edge) — and only {@code ratio} of the way there (0.8 = hedge 80% of the excess, 1.5 = overshoot by half).
 *
 * <p>Absolute: {@code up} and {@code down} are coins of delta ({@code delta-band:0.5}, {@code delta-band:0.5/0.3}).
 * Gamma-scaled: {@code up} and {@code down} are spot moves as fractions, and each half-width is the delta that such a
 * move produces, {@code |Γ|·S·x}, never below {@code minHalfWidth} coins ({@code gamma-band:2} = the delta change of a
 * 2% move): the band widens with the book's gamma in coins but stays the same in spot terms, so a book is rehedged
 * after the same move whatever its size — "gamma scaling". With no gamma and no minimum the band is [0, 0].
 *
 * <p>Target: {@code target = delta + ratio·(anchor − delta)}, anchor 0 or the nearer edge.
 *
 * @param up upper half-width: coins (absolute) or a spot-move fraction (gamma-scaled), &ge; 0
 * @param down lower half-width, same unit, &ge; 0
 * @param gammaScaled whether the half-widths are spot moves scaled by gamma
 * @param minHalfWidth the least half-width in coins of a gamma-scaled band, &ge; 0 (0 for an absolute band)
 * @param ratio hedge ratio in [0, 1.5]
 * @param toEdge trade to the nearer edge instead of to 0
 */
public record DeltaBandPolicy(double up, double down, boolean gammaScaled, double minHalfWidth, double ratio,
    boolean toEdge) implements RebalancingPolicy {

  /** Largest hedge ratio (150%). */
  public static final double MAX_RATIO = 1.5;

  /** Validates. */
  public DeltaBandPolicy {
    ArgChecker.notNegative(up, "band up");
    ArgChecker.notNegative(down, "band down");
    ArgChecker.notNegative(minHalfWidth, "minimum half-width");
    ArgChecker.inRange(ratio, 0.0, MAX_RATIO, "hedge ratio");
    ArgChecker.isTrue(gammaScaled || minHalfWidth == 0,
        "a minimum half-width is for a gamma-scaled band only, got " + minHalfWidth);
  }

  /** A symmetric absolute band of ±{@code halfWidth} coins, full hedge to 0. */
  public static DeltaBandPolicy absolute(double halfWidth) {
    return new DeltaBandPolicy(halfWidth, halfWidth, false, 0.0, 1.0, false);
  }

  /** A symmetric gamma-scaled band: the delta of a spot move of {@code moveFraction} (0.02 = 2%), full hedge to 0. */
  public static DeltaBandPolicy gammaScaled(double moveFraction) {
    return new DeltaBandPolicy(moveFraction, moveFraction, true, 0.0, 1.0, false);
  }

  /** This band with another hedge ratio. */
  public DeltaBandPolicy withRatio(double ratio) {
    return new DeltaBandPolicy(up, down, gammaScaled, minHalfWidth, ratio, toEdge);
  }

  /** This band trading to the nearer edge (true) or to 0 (false). */
  public DeltaBandPolicy withToEdge(boolean toEdge) {
    return new DeltaBandPolicy(up, down, gammaScaled, minHalfWidth, ratio, toEdge);
  }

  /** This gamma-scaled band with a least half-width in coins. */
  public DeltaBandPolicy withMinHalfWidth(double coins) {
    return new DeltaBandPolicy(up, down, gammaScaled, coins, ratio, toEdge);
  }

  @Override
  public HedgeDecision decide(PolicyState state) {
    double delta = state.delta();
    double upper;
    double lower;
    if (gammaScaled) {
      double perUnitMove = Math.abs(state.gamma()) * state.spot();
      upper = Math.max(up * perUnitMove, minHalfWidth);
      lower = -Math.max(down * perUnitMove, minHalfWidth);
    } else {
      upper = up;
      lower = -down;
    }
    HedgeDecision d = state.decision();
    if (delta >= lower && delta <= upper) {
      return d.noTrade(delta, DecisionReason.INSIDE_BAND, lower, upper, 0.0);
    }
    double anchor = toEdge ? (delta > upper ? upper : lower) : 0.0;
    double target = ratio == 1.0 ? anchor : delta + ratio * (anchor - delta);
    return d.trade(delta, target, DecisionReason.OUTSIDE_BAND, lower, upper, 0.0);
  }

  @Override
  public String spec() {
    StringBuilder s = new StringBuilder(gammaScaled ? "gamma-band:" : "delta-band:");
    double scale = gammaScaled ? 100.0 : 1.0; // gamma bands are written in percent of spot
    s.append(PolicySpecs.formatNumber(up * scale));
    if (down != up) {
      s.append('/').append(PolicySpecs.formatNumber(down * scale));
    }
    if (minHalfWidth > 0) {
      s.append(",min=").append(PolicySpecs.formatNumber(minHalfWidth));
    }
    if (ratio != 1.0) {
      s.append(",ratio=").append(PolicySpecs.formatNumber(ratio));
    }
    if (toEdge) {
      s.append(",to=edge");
    }
    return s.toString();
  }
}
