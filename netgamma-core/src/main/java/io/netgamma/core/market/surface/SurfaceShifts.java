package io.netgamma.core.market.surface;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.market.ForwardCurve;
import io.netgamma.core.market.VolatilitySurface;

/**
 * Scenario shifts of a volatility surface: each returns a new {@link VolatilitySurface} over the given one (which
 * is not changed), so shifts compose. Stateless.
 *
 * <p>Units: volatility shifts are fractions of volatility (0.01 = one vol point); a relative shift multiplies
 * ({@code σ' = σ·(1 + x)}). A shift that would make a volatility negative gives 0 (zero total variance), never a
 * negative or NaN variance. Days to expiry {@code DTE = 365·t} (t in years ACT/365).
 */
public final class SurfaceShifts {

  /**
   * Floor on days to expiry in the term weight {@code (30/DTE)^p}: {@value} day, so that the weight stays finite as
   * an option expires (Paradex documents {@code max(1, DTE)}; Deribit does not publish its floor — check against
   * its portfolio-margin vectors before relying on sub-day expiries).
   */
  public static final double MIN_DTE_DAYS = 1.0;
  /** The reference tenor of the term weight, days. */
  public static final double REFERENCE_DTE_DAYS = 30.0;

  /** How the volatility surface moves when the underlying moves. */
  public enum Stickiness {
    /**
     * Sticky strike: the implied volatility of every fixed strike K (and expiry) is unchanged,
     * {@code σ'(K, T) = σ(K, T)}; in log-moneyness the smile slides: {@code w'(k', t) = w(k' + ln λ, t)}.
     */
    STICKY_STRIKE,
    /**
     * Sticky moneyness: the implied volatility at fixed moneyness K/F is unchanged, {@code σ'(K, T) = σ(K/λ, T)};
     * in log-moneyness nothing changes, {@code w'(k, t) = w(k, t)}.
     */
    STICKY_MONEYNESS
  }

  /** How a volatility shift is applied. */
  public enum ShiftMode {
    /** {@code σ' = σ + shift}. */
    ABSOLUTE,
    /** {@code σ' = σ·(1 + shift)} (Deribit portfolio margin's vol scenarios). */
    RELATIVE
  }

  private SurfaceShifts() {
  }

  /**
   * Every volatility moved by the same amount: {@code σ'(k, t) = max(σ(k, t) + shift, 0)}.
   *
   * @param shift volatility shift, fraction (0.01 = +1 vol point), finite
   */
  public static VolatilitySurface parallel(VolatilitySurface surface, double shift) {
    ArgChecker.notNull(surface, "surface");
    ArgChecker.finite(shift, "volatility shift");
    return new VolShifted(surface, shift, 0.0, 0.0, ShiftMode.ABSOLUTE, false);
  }

  /**
   * A term-weighted volatility shift, {@code Δσ(t) = shift·(30/DTE)^p}, {@code DTE = max(365·t, 1)} days: the full
   * shift at 30 days, more on shorter and less on longer expiries; {@code σ' = max(σ + Δσ(t), 0)}.
   *
   * @param shift volatility shift at 30 days, fraction, finite
   * @param power the exponent p, ≥ 0 (e.g. 0.3)
   */
  public static VolatilitySurface termWeighted(VolatilitySurface surface, double shift, double power) {
    return termWeighted(surface, shift, power, power, ShiftMode.ABSOLUTE);
  }

  /**
   * A term-weighted volatility shift with Deribit portfolio margin's split exponents: weight
   * {@code (30/DTE)^p} with {@code p = shortTermPower} when DTE &lt; 30 and {@code p = longTermPower} otherwise
   * (the weight is 1 at 30 days either way), {@code DTE = max(365·t, 1)} days. ABSOLUTE:
   * {@code σ' = max(σ + shift·w(t), 0)}; RELATIVE: {@code σ' = max(σ·(1 + shift·w(t)), 0)}. Deribit's BTC
   * parameters in 2024: shift +0.5 / −0.25 relative, short-term power 0.3, long-term power 0.13 (their extra floor
   * on shocked-up vols is a margin rule, not applied here).
   *
   * @param shift volatility shift at 30 days, fraction, finite
   * @param shortTermPower exponent for DTE &lt; 30, ≥ 0
   * @param longTermPower exponent for DTE ≥ 30, ≥ 0
   * @param mode absolute or relative
   */
  public static VolatilitySurface termWeighted(VolatilitySurface surface, double shift, double shortTermPower,
      double longTermPower, ShiftMode mode) {
    ArgChecker.notNull(surface, "surface");
    ArgChecker.finite(shift, "volatility shift");
    ArgChecker.notNegative(shortTermPower, "short-term power");
    ArgChecker.notNegative(longTermPower, "long-term power");
    ArgChecker.notNull(mode, "mode");
    return new VolShifted(surface, shift, shortTermPower, longTermPower, mode, true);
  }

  /**
   * The term weight {@code (30/DTE)^p}, {@code DTE = max(365·t, }{@value #MIN_DTE_DAYS}{@code )} days, with
   * {@code p = shortTermPower} below 30 days and {@code longTermPower} from 30 days on.
   *
   * @param t time to expiry, years ACT/365, &gt; 0
   */
  public static double termWeight(double t, double shortTermPower, double longTermPower) {
    double dte = Math.max(t * YearFraction.DAYS_PER_YEAR, MIN_DTE_DAYS);
    return Math.pow(REFERENCE_DTE_DAYS / dte, dte < REFERENCE_DTE_DAYS ? shortTermPower : longTermPower);
  }

  /**
   * The surface after the underlying moves by {@code relativeMove} (+0.1 = +10%): the index and every forward are
   * multiplied by {@code λ = 1 + relativeMove} (carry unchanged), and the volatilities follow the stickiness rule
   * (see {@link Stickiness}). The new surface's {@link VolatilitySurface#forwardCurve()} is the moved curve, so
   * {@code volatility(strike, expiry)} of the result is the scenario's volatility at that strike.
   *
   * @param relativeMove relative move of the underlying, &gt; −1
   */
  public static VolatilitySurface spotMove(VolatilitySurface surface, double relativeMove, Stickiness stickiness) {
    ArgChecker.notNull(surface, "surface");
    ArgChecker.notNull(stickiness, "stickiness");
    ArgChecker.isTrue(relativeMove > -1 && Double.isFinite(relativeMove),
        "relative move must be finite and > -1, got " + relativeMove);
    double lambda = 1 + relativeMove;
    ForwardCurve c = surface.forwardCurve();
    long[] expiries = new long[c.size()];
    double[] forwards = new double[c.size()];
    for (int i = 0; i < c.size(); i++) {
      expiries[i] = c.expiry(i);
      forwards[i] = c.forwardAt(i) * lambda;
    }
    ForwardCurve moved = ForwardCurve.of(c.underlying(), c.valuationMillis(), c.index() * lambda, expiries, forwards);
    double kShift = stickiness == Stickiness.STICKY_STRIKE ? Math.log(lambda) : 0.0;
    return new Moved(surface, moved, kShift);
  }

  /** A volatility shift, parallel or term-weighted. */
  private static final class VolShifted implements VolatilitySurface {
    private final VolatilitySurface base;
    private final double shift;
    private final double shortPower;
    private final double longPower;
    private final boolean relative;
    private final boolean termWeighted;

    VolShifted(VolatilitySurface base, double shift, double shortPower, double longPower, ShiftMode mode,
        boolean termWeighted) {
      this.base = base;
      this.shift = shift;
      this.shortPower = shortPower;
      this.longPower = longPower;
      this.relative = mode == ShiftMode.RELATIVE;
      this.termWeighted = termWeighted;
    }

    @Override
    public ForwardCurve forwardCurve() {
      return base.forwardCurve();
    }

    @Override
    public double volatility(double k, double t) {
      double s = termWeighted ? shift * termWeight(t, shortPower, longPower) : shift;
      double v = base.volatility(k, t);
      double shifted = relative ? v * (1 + s) : v + s;
      return Math.max(shifted, 0.0);
    }

    @Override
    public double totalVariance(double k, double t) {
      double v = volatility(k, t);
      return v * v * t;
    }
  }

  /** The surface under a moved forward curve, in log-moneyness shifted by {@code kShift}. */
  private static final class Moved implements VolatilitySurface {
    private final VolatilitySurface base;
    private final ForwardCurve curve;
    private final double kShift;

    Moved(VolatilitySurface base, ForwardCurve curve, double kShift) {
      this.base = base;
      this.curve = curve;
      this.kShift = kShift;
    }

    @Override
    public ForwardCurve forwardCurve() {
      return curve;
    }

    @Override
    public double totalVariance(double k, double t) {
      return base.totalVariance(k + kShift, t);
    }

    @Override
    public double volatility(double k, double t) {
      return base.volatility(k + kShift, t);
    }
  }
}
