package io.netgamma.core.margin.generic;

import io.netgamma.core.base.ArgChecker;
import java.util.Locale;

/**
 * One scenario of a {@link GenericMarginParameters} set.
 *
 * @param spotShock the move of the index and of every forward of the group, fraction (+0.16 = +16%), finite and
 *     &gt; −1
 * @param volShock the volatility shock at the reference tenor, a fraction of the volatility (+0.40 = ×1.40 at 30
 *     days), scaled by term ({@link GenericMarginParameters#volMultiplier}); 0 leaves volatilities unchanged; finite
 * @param weight the fraction of the scenario's P&amp;L that counts (Paradex's "weight", Derive's "dampening"), in
 *     (0, 1]
 */
public record GenericScenario(double spotShock, double volShock, double weight) {

  /** Validates each field, naming it and its value. */
  public GenericScenario {
    ArgChecker.isTrue(spotShock > -1 && Double.isFinite(spotShock),
        "spot_shock must be finite and > -1 (-100%), got " + spotShock);
    ArgChecker.finite(volShock, "vol_shock");
    ArgChecker.isTrue(weight > 0 && weight <= 1, "weight must be in (0, 1], got " + weight);
  }

  /** In words: {@code spot -66.00%, vol +40.00%, weight 0.24}. */
  public String describe() {
    return String.format(Locale.ROOT, "spot %+.2f%%, vol %+.2f%%, weight %s", 100 * spotShock, 100 * volShock,
        weight);
  }
}
