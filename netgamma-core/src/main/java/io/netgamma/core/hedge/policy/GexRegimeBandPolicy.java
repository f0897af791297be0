package io.netgamma.core.hedge.policy;

import io.netgamma.core.base.ArgChecker;

/**
 * A delta band whose width follows the dealer-gamma regime of the market ({@link io.netgamma.core.risk.gex}): dealers
 * long gamma sell rallies and buy dips, damping moves, so a book can wait longer; dealers short gamma chase moves, so
 * it should hedge sooner. Half-width, trading to 0 outside:
 * <ul>
 *   <li>{@code halfWidth·tight} when spot is below the zero-gamma level, or GEX &lt; 0 ({@link Regime#SHORT_GAMMA});
 *   <li>{@code halfWidth·wide} when GEX &gt; 0 and spot is not below the flip ({@link Regime#LONG_GAMMA});
 *   <li>{@code halfWidth} when neither is known ({@link Regime#UNKNOWN}).
 * </ul>
 * Source: the regime reading of SqueezeMetrics' white paper "Gamma Exposure (GEX)" (GEX signed by
 * {@link io.netgamma.core.risk.gex.DealerConvention#LONG_CALLS_SHORT_PUTS}): positive dealer gamma goes with
 * lower realised volatility, negative gamma (below the flip) with higher. The factors are a desk's choice, not fitted.
 *
 * @param halfWidth base half-width, coins, &ge; 0
 * @param wide factor when dealers are long gamma, &ge; 1
 * @param tight factor when dealers are short gamma (below the flip), in (0, 1]
 */
public record GexRegimeBandPolicy(double halfWidth, double wide, double tight) implements RebalancingPolicy {

  /** Default widening in a long-gamma market. */
  public static final double DEFAULT_WIDE = 2.0;
  /** Default tightening in a short-gamma market. */
  public static final double DEFAULT_TIGHT = 0.5;

  /** The dealer-gamma regime. */
  public enum Regime {
    /** Dealers long gamma (GEX &gt; 0, spot not below the flip). */
    LONG_GAMMA,
    /** Dealers short gamma (GEX &lt; 0, or spot below the flip). */
    SHORT_GAMMA,
    /** Neither GEX nor the flip is known. */
    UNKNOWN
  }

  /** Validates. */
  public GexRegimeBandPolicy {
    ArgChecker.notNegative(halfWidth, "half-width");
    ArgChecker.isTrue(wide >= 1 && wide < Double.POSITIVE_INFINITY, "wide factor must be finite and >= 1, got "
        + wide);
    ArgChecker.isTrue(tight > 0 && tight <= 1, "tight factor must be in (0, 1], got " + tight);
  }

  /** A band of ±{@code halfWidth} coins, doubled in a long-gamma market, halved in a short-gamma one. */
  public static GexRegimeBandPolicy of(double halfWidth) {
    return new GexRegimeBandPolicy(halfWidth, DEFAULT_WIDE, DEFAULT_TIGHT);
  }

  /** The regime of this state. */
  public static Regime regime(PolicyState state) {
    double level = state.zeroGammaLevel();
    double gex = state.gexTotal();
    if ((!Double.isNaN(level) && state.spot() < level) || gex < 0) {
      return Regime.SHORT_GAMMA;
    }
    if (gex > 0) {
      return Regime.LONG_GAMMA;
    }
    return Regime.UNKNOWN;
  }

  @Override
  public HedgeDecision decide(PolicyState state) {
    double h = switch (regime(state)) {
      case LONG_GAMMA -> halfWidth * wide;
      case SHORT_GAMMA -> halfWidth * tight;
      case UNKNOWN -> halfWidth;
    };
    return state.decision().band(state.delta(), -h, h, 0.0, false);
  }

  @Override
  public String spec() {
    StringBuilder s = new StringBuilder("gex-band:").append(PolicySpecs.formatNumber(halfWidth));
    if (wide != DEFAULT_WIDE) {
      s.append(",wide=").append(PolicySpecs.formatNumber(wide));
    }
    if (tight != DEFAULT_TIGHT) {
      s.append(",tight=").append(PolicySpecs.formatNumber(tight));
    }
    return s.toString();
  }
}
