package io.netgamma.core.risk.netting;

import io.netgamma.core.base.ArgChecker;
import java.util.OptionalDouble;

/**
 * One greek of a whole book at three levels of netting: per position ({@code gross = Σ_i |x_i|}), within each
 * underlying ({@code perUnderlying = Σ_u |Σ_{i∈u} x_i|}) and across the book ({@code net = Σ_i x_i}, signed). For
 * delta and gamma, x_i is the position's greek mapped to the reference underlying (see {@link BookNetting}); for vega
 * and theta it is the USD greek itself. {@code |net| ≤ perUnderlying ≤ gross}.
 *
 * @param gross Σ over positions of the absolute greek, finite and &ge; 0
 * @param perUnderlying Σ over underlyings of the absolute net greek of the underlying, finite and &ge; 0
 * @param net the book's signed net greek, finite
 */
public record BookMeasure(double gross, double perUnderlying, double net) {

  /** Validates. */
  public BookMeasure {
    ArgChecker.notNegative(gross, "gross");
    ArgChecker.notNegative(perUnderlying, "perUnderlying");
    ArgChecker.finite(net, "net");
  }

  /** Overall netting efficiency {@code 1 − |net|/gross}, when {@code gross > 0}; clamped to [0, 1] (rounding). */
  public OptionalDouble efficiency() {
    return ratio(Math.abs(net), gross);
  }

  /**
   * Netting within underlyings, {@code 1 − perUnderlying/gross}, when {@code gross > 0}: what netting strikes,
   * expiries and instruments of the same coin achieves. Clamped to [0, 1].
   */
  public OptionalDouble withinUnderlyingEfficiency() {
    return ratio(perUnderlying, gross);
  }

  /**
   * Netting across underlyings, {@code 1 − |net|/perUnderlying}, when {@code perUnderlying > 0}: what the
   * cross-asset offset adds once each coin is netted. Clamped to [0, 1].
   */
  public OptionalDouble crossUnderlyingEfficiency() {
    return ratio(Math.abs(net), perUnderlying);
  }

  private static OptionalDouble ratio(double part, double whole) {
    if (!(whole > 0)) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(Math.max(0.0, Math.min(1.0, 1.0 - part / whole)));
  }
}
