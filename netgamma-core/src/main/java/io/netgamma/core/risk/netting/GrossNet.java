package io.netgamma.core.risk.netting;

import io.netgamma.core.base.ArgChecker;
import java.util.OptionalDouble;

/**
 * One greek of a set of positions, gross and net: {@code gross = Σ_i |x_i|} over the positions, {@code net = Σ_i x_i}
 * (signed). Units are those of the greek (see where it is used). By the triangle inequality {@code |net| ≤ gross}.
 *
 * @param gross sum of the absolute values over the positions, finite and &ge; 0
 * @param net signed sum, finite
 */
public record GrossNet(double gross, double net) {

  /** No positions. */
  public static final GrossNet ZERO = new GrossNet(0.0, 0.0);

  /** Validates. */
  public GrossNet {
    ArgChecker.notNegative(gross, "gross");
    ArgChecker.finite(net, "net");
  }

  /**
   * Netting efficiency {@code 1 − |net|/gross}: 1 when the positions offset exactly, 0 when they all have the same
   * sign. Defined only when {@code gross > 0} (empty otherwise: nothing to net). Clamped to [0, 1] against the last
   * bits of rounding of the two sums.
   */
  public OptionalDouble efficiency() {
    if (!(gross > 0)) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(Math.max(0.0, Math.min(1.0, 1.0 - Math.abs(net) / gross)));
  }

  /** The amount netted away, {@code gross − |net|} (&ge; 0 up to rounding), in the greek's unit. */
  public double offset() {
    return gross - Math.abs(net);
  }
}
