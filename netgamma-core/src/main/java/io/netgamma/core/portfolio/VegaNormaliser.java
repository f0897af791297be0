package io.netgamma.core.portfolio;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.market.surface.SurfaceShifts;

/**
 * The weight that turns an option's vega into a standardised vega ({@link Measure#STANDARDISED_VEGA}), so that
 * vegas of different expiries can be added: short-dated vols move more than long-dated ones, roughly as
 * {@code 1/sqrt(DTE)}. Implementations are stateless and thread-safe.
 */
@FunctionalInterface
public interface VegaNormaliser {

  /** The default: {@code sqrt(30/DTE)}, DTE floored at 1 day (vega of a 30-day option unchanged). */
  VegaNormaliser SQRT_30_OVER_DTE = timeWeighted(SurfaceShifts.REFERENCE_DTE_DAYS, 0.5);

  /** No weighting: standardised vega equals vega. */
  VegaNormaliser NONE = t -> 1.0;

  /**
   * The weight of an option with {@code t} years to expiry.
   *
   * @param t years to expiry, ACT/365, &gt; 0
   * @return the weight, finite and &ge; 0
   */
  double weight(double t);

  /**
   * The weight {@code (referenceDays/DTE)^power} with {@code DTE = max(365·t, 1)} days (the 1-day floor of
   * {@link SurfaceShifts#MIN_DTE_DAYS} keeps the weight finite as an option expires).
   *
   * @param referenceDays the tenor whose vega is unchanged, days, &gt; 0 (30)
   * @param power the exponent, &ge; 0 (0.5)
   * @return the normaliser
   */
  static VegaNormaliser timeWeighted(double referenceDays, double power) {
    ArgChecker.positive(referenceDays, "referenceDays");
    ArgChecker.notNegative(power, "power");
    return t -> Math.pow(referenceDays / Math.max(t * YearFraction.DAYS_PER_YEAR, SurfaceShifts.MIN_DTE_DAYS),
        power);
  }
}
