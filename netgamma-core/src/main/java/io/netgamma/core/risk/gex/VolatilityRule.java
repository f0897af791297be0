package io.netgamma.core.risk.gex;

/** How each option's implied volatility moves when the profile moves spot ({@link GexSettings#volatilityRule()}). */
public enum VolatilityRule {

  /**
   * Sticky strike: every option keeps its own implied volatility ({@link GexOption#iv()}) at every spot level; only
   * its forward moves, {@code F' = F·S'/S}.
   */
  STICKY_STRIKE("sticky-strike"),

  /**
   * From a volatility surface, sticky moneyness: the volatility of an option at spot {@code S'} is the surface's at
   * its log-moneyness against the moved forward, {@code σ(ln(K/F'), t)} with {@code F' = F·S'/S}, so the smile
   * travels with spot; the options' own IVs are not used, at the current spot either.
   */
  SURFACE_STICKY_MONEYNESS("surface-sticky-moneyness");

  private final String label;

  VolatilityRule(String label) {
    this.label = label;
  }

  /** The name used in reports and JSON, e.g. {@code sticky-strike}. */
  public String label() {
    return label;
  }
}
