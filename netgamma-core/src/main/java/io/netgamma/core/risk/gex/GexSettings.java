package io.netgamma.core.risk.gex;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.market.VolatilitySurface;

/**
 * How to compute a GEX report.
 *
 * @param dealer the dealers' side of the open interest (the sign of each option's gamma); not null
 * @param range half-width of the profile's spot range as a fraction of spot: the profile runs from
 *     {@code S·(1 − range)} to {@code S·(1 + range)}; in (0, 0.95]
 * @param points number of spot levels of the profile, evenly spaced, ends included; 3 to 100,001 (an odd number puts
 *     the current spot on the grid)
 * @param surface when not null, volatilities come from this surface, sticky moneyness
 *     ({@link VolatilityRule#SURFACE_STICKY_MONEYNESS}); null: each option keeps its own IV, sticky strike
 *     ({@link VolatilityRule#STICKY_STRIKE}). The surface must be of the input's underlying and valuation instant.
 */
public record GexSettings(DealerConvention dealer, double range, int points, VolatilitySurface surface) {

  /** The default half-width of the spot range, ±20%. */
  public static final double DEFAULT_RANGE = 0.20;
  /** The default number of spot levels: 81 (steps of 0.5% of spot over ±20%). */
  public static final int DEFAULT_POINTS = 81;
  /** The largest number of spot levels. */
  public static final int MAX_POINTS = 100_001;

  /** Dealers long calls and short puts, ±20% in 81 levels, sticky strike. */
  public static final GexSettings DEFAULT = new GexSettings(DealerConvention.LONG_CALLS_SHORT_PUTS, DEFAULT_RANGE,
      DEFAULT_POINTS, null);

  /** Validates. */
  public GexSettings {
    ArgChecker.notNull(dealer, "dealer convention");
    if (!(range > 0 && range <= 0.95)) {
      throw new IllegalArgumentException("range must be a fraction of spot in (0, 0.95] (0.2 = ±20%), got " + range);
    }
    if (points < 3 || points > MAX_POINTS) {
      throw new IllegalArgumentException("points must be between 3 and " + MAX_POINTS + ", got " + points);
    }
  }

  /** These settings with another dealer convention. */
  public GexSettings withDealer(DealerConvention dealer) {
    return new GexSettings(dealer, range, points, surface);
  }

  /** These settings with another spot range, a fraction of spot (0.2 = ±20%). */
  public GexSettings withRange(double range) {
    return new GexSettings(dealer, range, points, surface);
  }

  /** These settings with another number of spot levels. */
  public GexSettings withPoints(int points) {
    return new GexSettings(dealer, range, points, surface);
  }

  /** These settings with volatilities from a surface (sticky moneyness), or null for sticky strike. */
  public GexSettings withSurface(VolatilitySurface surface) {
    return new GexSettings(dealer, range, points, surface);
  }

  /** How volatilities move with spot: from the surface when one is set, else sticky strike. */
  public VolatilityRule volatilityRule() {
    return surface == null ? VolatilityRule.STICKY_STRIKE : VolatilityRule.SURFACE_STICKY_MONEYNESS;
  }
}
