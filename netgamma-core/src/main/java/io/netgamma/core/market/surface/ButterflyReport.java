package io.netgamma.core.market.surface;

/**
 * Butterfly-arbitrage check of one smile: Durrleman's g(k) on a grid of log-moneyness, and Roger Lee's bound on
 * the wing slopes. The smile is free of butterfly arbitrage on the grid when {@code minG ≥ 0}.
 *
 * @param kLo lowest log-moneyness checked
 * @param kHi highest log-moneyness checked
 * @param points number of grid points
 * @param minG smallest g(k) on the grid (dimensionless; −∞ where w(k) = 0)
 * @param kAtMinG the log-moneyness where it occurs
 * @param negativePoints number of grid points with g(k) &lt; 0
 * @param leeBoundsHold true when both wing slopes of total variance are ≤ 2 (Roger Lee)
 * @param leftWingSlope {@code b(1 − ρ)}
 * @param rightWingSlope {@code b(1 + ρ)}
 */
public record ButterflyReport(double kLo, double kHi, int points, double minG, double kAtMinG, int negativePoints,
    boolean leeBoundsHold, double leftWingSlope, double rightWingSlope) {

  /** True when g(k) ≥ 0 at every grid point and the Lee bounds hold. */
  public boolean arbitrageFree() {
    return negativePoints == 0 && leeBoundsHold;
  }

  /** A one-line summary for reports and logs. */
  public String summary() {
    return (arbitrageFree() ? "no butterfly arbitrage" : "BUTTERFLY ARBITRAGE")
        + String.format(java.util.Locale.ROOT, ": min g(k) = %.4g at k = %.4f on [%.3f, %.3f] (%d points, %d < 0);"
            + " wing slopes %.4f / %.4f (Lee bound 2)%s", minG, kAtMinG, kLo, kHi, points, negativePoints,
            leftWingSlope, rightWingSlope, leeBoundsHold ? "" : " VIOLATED");
  }
}
