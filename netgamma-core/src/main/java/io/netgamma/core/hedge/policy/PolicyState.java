package io.netgamma.core.hedge.policy;

import io.netgamma.core.base.ArgChecker;

/**
 * What a {@link RebalancingPolicy} looks at, for one underlying: the book's greeks, the market, the time since the last
 * hedge and the cost of trading. Mutable and reusable on purpose: a hedging simulation sets the fields of one state per
 * path and underlying at every step and asks the policy, with no allocation (DESIGN.md, hot loops). Not thread-safe:
 * one state per thread. Setters validate their argument and return {@code this}.
 *
 * <p>The state owns the {@link HedgeDecision} that {@link RebalancingPolicy#decide} fills and returns: the next call
 * with the same state overwrites it ({@link HedgeDecision#copy()} keeps one).
 *
 * <p>Units and signs (the book is everything already held on the underlying: options and hedges):
 * <ul>
 *   <li>{@link #delta()}: the book's net delta, coins of the underlying, at the implied volatility, hedges included;
 *       positive = long. Any consistent numeraire: the Black-76 (USD) delta for a linear book, the coin-numeraire delta
 *       for an inverse book hedged with inverse perpetuals; gamma must be of the same delta.
 *   <li>{@link #gamma()}: ∂delta/∂S, coins per 1 USD move of the underlying (Deribit's gamma), signed.
 *   <li>{@link #vanna()}: ∂delta/∂σ, coins per 1 volatility point (Deribit's vanna); optional (NaN = unknown).
 *   <li>{@link #spot()}, {@link #lastHedgeSpot()}: USD per coin; the last-hedge spot is NaN until the first hedge.
 *   <li>{@link #timeSinceLastHedge()}, {@link #timeToExpiry()}, {@link #horizon()}: years (ACT/365).
 *   <li>{@link #impliedVol()}, {@link #realisedVol()}: fractions per √year (0.6 = 60%); realised NaN = unknown.
 *   <li>{@link #costRate()}: the one-way proportional cost λ of trading the hedge, a fraction of the notional traded
 *       (0.0005 = 5 bp: fee plus half the spread), the λ of Whalley–Wilmott and Zakamouline.
 *   <li>{@link #rate()}: continuously compounded rate for {@code e^{−rτ}}, 0 by default (Deribit's convention).
 *   <li>{@link #gexTotal()}: dealer gamma exposure of the whole market, USD per 1% move
 *       ({@link io.netgamma.core.risk.gex.GexReport#totalGex()}), NaN = unknown; {@link #zeroGammaLevel()}: its flip,
 *       USD per coin, NaN = none known.
 * </ul>
 */
public final class PolicyState {

  private double delta;
  private double gamma;
  private double vanna = Double.NaN;
  private double vega = Double.NaN;
  private double spot = Double.NaN;
  private double lastHedgeSpot = Double.NaN;
  private double timeSinceLastHedge;
  private double timeToExpiry = Double.NaN;
  private double horizon = Double.NaN;
  private double impliedVol = Double.NaN;
  private double realisedVol = Double.NaN;
  private double costRate;
  private double rate;
  private double gexTotal = Double.NaN;
  private double zeroGammaLevel = Double.NaN;
  private DeltaAtVolatility deltaAtVolatility;
  private final HedgeDecision decision = new HedgeDecision();

  /** An empty state: delta, gamma, cost and rate 0; spot, volatility and times unknown; never hedged. */
  public PolicyState() {
  }

  /** The book's net delta, coins (see the class javadoc). */
  public double delta() {
    return delta;
  }

  /** Sets the book's net delta, coins, finite. */
  public PolicyState delta(double value) {
    this.delta = ArgChecker.finite(value, "delta");
    return this;
  }

  /** The book's gamma, coins per 1 USD. */
  public double gamma() {
    return gamma;
  }

  /** Sets the book's gamma, coins per 1 USD, finite. */
  public PolicyState gamma(double value) {
    this.gamma = ArgChecker.finite(value, "gamma");
    return this;
  }

  /** The book's vanna, coins of delta per 1 vol point; NaN when unknown. */
  public double vanna() {
    return vanna;
  }

  /** Sets the book's vanna, coins of delta per 1 vol point; finite, or NaN for unknown. */
  public PolicyState vanna(double value) {
    this.vanna = finiteOrNaN(value, "vanna");
    return this;
  }

  /** The book's vega, USD per 1 vol point; NaN when unknown (informative: no policy needs it). */
  public double vega() {
    return vega;
  }

  /** Sets the book's vega, USD per 1 vol point; finite, or NaN for unknown. */
  public PolicyState vega(double value) {
    this.vega = finiteOrNaN(value, "vega");
    return this;
  }

  /** Spot, USD per coin. @throws IllegalStateException when not set */
  public double spot() {
    if (!(spot > 0)) {
      throw new IllegalStateException("policy state: spot is not set");
    }
    return spot;
  }

  /** Sets spot, USD per coin, &gt; 0. */
  public PolicyState spot(double value) {
    this.spot = ArgChecker.positive(value, "spot");
    return this;
  }

  /** Spot at the last hedge, USD per coin; NaN before the first hedge. */
  public double lastHedgeSpot() {
    return lastHedgeSpot;
  }

  /** Sets the spot at the last hedge, USD per coin, &gt; 0; or NaN: never hedged. */
  public PolicyState lastHedgeSpot(double value) {
    if (!Double.isNaN(value)) {
      ArgChecker.positive(value, "last hedge spot");
    }
    this.lastHedgeSpot = value;
    return this;
  }

  /** True once a hedge has been recorded ({@link #lastHedgeSpot()} is set). */
  public boolean hedgedBefore() {
    return !Double.isNaN(lastHedgeSpot);
  }

  /** Years since the last hedge. */
  public double timeSinceLastHedge() {
    return timeSinceLastHedge;
  }

  /** Sets the years since the last hedge, &ge; 0. */
  public PolicyState timeSinceLastHedge(double years) {
    this.timeSinceLastHedge = ArgChecker.notNegative(years, "time since the last hedge");
    return this;
  }

  /** Years to the expiry of the hedged option (of a book: the expiry the caller hedges to). NaN when not set. */
  public double timeToExpiry() {
    return timeToExpiry;
  }

  /** Sets the years to expiry, finite (&le; 0: expired). */
  public PolicyState timeToExpiry(double years) {
    this.timeToExpiry = ArgChecker.finite(years, "time to expiry");
    return this;
  }

  /**
   * The life of the hedging programme, years: the option's life from inception to expiry. Count-based policies
   * ({@code time:N}, {@code leland:N}) space their N rebalances {@code horizon/N} apart. NaN when not set.
   */
  public double horizon() {
    return horizon;
  }

  /** Sets the life of the hedging programme, years, &gt; 0. */
  public PolicyState horizon(double years) {
    this.horizon = ArgChecker.positive(years, "horizon");
    return this;
  }

  /** Implied volatility, fraction. @throws IllegalStateException when not set */
  public double impliedVol() {
    if (!(impliedVol > 0)) {
      throw new IllegalStateException("policy state: implied volatility is not set");
    }
    return impliedVol;
  }

  /** Sets the implied volatility, fraction, &gt; 0. */
  public PolicyState impliedVol(double value) {
    this.impliedVol = ArgChecker.positive(value, "implied volatility");
    return this;
  }

  /** Realised volatility, fraction; NaN when unknown. */
  public double realisedVol() {
    return realisedVol;
  }

  /** Sets the realised volatility, fraction, &gt; 0; or NaN: unknown. */
  public PolicyState realisedVol(double value) {
    if (!Double.isNaN(value)) {
      ArgChecker.positive(value, "realised volatility");
    }
    this.realisedVol = value;
    return this;
  }

  /** One-way proportional cost λ, fraction of the notional traded. */
  public double costRate() {
    return costRate;
  }

  /** Sets the one-way proportional cost λ, fraction of notional, in [0, 1). */
  public PolicyState costRate(double value) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException("cost rate must be a fraction of notional in [0, 1) (0.0005 = 5 bp), got "
          + value);
    }
    this.costRate = value;
    return this;
  }

  /** Continuously compounded rate, 0 by default. */
  public double rate() {
    return rate;
  }

  /** Sets the continuously compounded rate, finite. */
  public PolicyState rate(double value) {
    this.rate = ArgChecker.finite(value, "rate");
    return this;
  }

  /** The market's dealer gamma exposure, USD per 1% move; NaN when unknown. */
  public double gexTotal() {
    return gexTotal;
  }

  /** Sets the market's dealer gamma exposure, USD per 1% move; finite, or NaN: unknown. */
  public PolicyState gexTotal(double value) {
    this.gexTotal = finiteOrNaN(value, "GEX total");
    return this;
  }

  /** The zero-gamma (flip) level, USD per coin; NaN when none is known. */
  public double zeroGammaLevel() {
    return zeroGammaLevel;
  }

  /** Sets the zero-gamma level, USD per coin, &gt; 0; or NaN: none known. */
  public PolicyState zeroGammaLevel(double value) {
    if (!Double.isNaN(value)) {
      ArgChecker.positive(value, "zero-gamma level");
    }
    this.zeroGammaLevel = value;
    return this;
  }

  /**
   * Sets the dealer-gamma regime from a GEX report of the underlying: its total GEX and its zero-gamma level (NaN when
   * none was found in range).
   */
  public PolicyState gex(io.netgamma.core.risk.gex.GexReport report) {
    gexTotal(report.totalGex());
    return zeroGammaLevel(report.zeroGamma().level().orElse(Double.NaN));
  }

  /** The book's delta at scaled volatilities, or null. */
  public DeltaAtVolatility deltaAtVolatility() {
    return deltaAtVolatility;
  }

  /**
   * Sets how to revalue the book's delta at scaled volatilities (exact), or null: the policies that need it then use
   * the first-order estimate from {@link #vanna()}.
   */
  public PolicyState deltaAtVolatility(DeltaAtVolatility function) {
    this.deltaAtVolatility = function;
    return this;
  }

  /**
   * Records a hedge: the last-hedge spot becomes the current spot, the time since the last hedge 0 and the delta
   * {@code deltaAfter} (coins).
   */
  public PolicyState recordHedge(double deltaAfter) {
    this.lastHedgeSpot = spot();
    this.timeSinceLastHedge = 0;
    return delta(deltaAfter);
  }

  /** The decision this state holds, filled by the last {@link RebalancingPolicy#decide} call. */
  public HedgeDecision decision() {
    return decision;
  }

  /**
   * The change of the book's delta, coins, when every option's volatility is multiplied by {@code volScale}:
   * {@code delta(volScale) − delta(1)} from {@link #deltaAtVolatility()} when set, else to first order from vanna,
   * {@code vanna·100·σ·(volScale − 1)} (vanna per vol point, σ the implied volatility).
   *
   * @throws IllegalStateException when neither is set
   */
  public double deltaChangeAtVolScale(double volScale) {
    if (volScale == 1.0) {
      return 0.0;
    }
    if (deltaAtVolatility != null) {
      return deltaAtVolatility.delta(volScale) - deltaAtVolatility.delta(1.0);
    }
    if (Double.isNaN(vanna)) {
      throw new IllegalStateException("policy state: the delta at another volatility needs deltaAtVolatility or "
          + "vanna; neither is set");
    }
    return vanna * 100.0 * impliedVol() * (volScale - 1.0);
  }

  private static double finiteOrNaN(double value, String name) {
    if (Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be finite (or NaN for unknown), got " + value);
    }
    return value;
  }
}
