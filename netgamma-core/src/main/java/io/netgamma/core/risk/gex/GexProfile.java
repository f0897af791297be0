package io.netgamma.core.risk.gex;

import io.netgamma.core.base.ArgChecker;

/**
 * Total dealer gamma exposure as a function of spot, by full revaluation of every option at each spot level (see
 * {@link GammaExposure}). Immutable: the arrays are copied in and out.
 *
 * @param spots spot levels, USD per coin, strictly ascending, &gt; 0
 * @param gex total GEX at each level, USD per 1% move of spot at that level, finite
 */
public record GexProfile(double[] spots, double[] gex) {

  /** Validates and copies. */
  public GexProfile {
    ArgChecker.notNull(spots, "spots");
    ArgChecker.notNull(gex, "gex");
    ArgChecker.isTrue(spots.length == gex.length, spots.length + " spot levels but " + gex.length + " GEX values");
    spots = spots.clone();
    gex = gex.clone();
    for (int i = 0; i < spots.length; i++) {
      ArgChecker.positive(spots[i], "spot level #" + i);
      ArgChecker.finite(gex[i], "GEX at spot level #" + i);
      ArgChecker.isTrue(i == 0 || spots[i] > spots[i - 1], "spot levels must be strictly ascending, got "
          + (i == 0 ? "" : spots[i - 1] + " then " + spots[i]));
    }
  }

  /** The spot levels, USD per coin (a copy). */
  @Override
  public double[] spots() {
    return spots.clone();
  }

  /** Total GEX at each level, USD per 1% move (a copy). */
  @Override
  public double[] gex() {
    return gex.clone();
  }

  /** Number of levels. */
  public int size() {
    return spots.length;
  }

  /** Spot level {@code i}, USD per coin. */
  public double spot(int i) {
    return spots[i];
  }

  /** Total GEX at level {@code i}, USD per 1% move. */
  public double gex(int i) {
    return gex[i];
  }
}
