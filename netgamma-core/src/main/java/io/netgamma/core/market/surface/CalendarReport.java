package io.netgamma.core.market.surface;

import io.netgamma.core.base.ArgChecker;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Calendar-arbitrage check of a surface: {@code w(k, t)} must not decrease in t at fixed log-moneyness. Checked
 * between consecutive expiries on a grid of k, and asymptotically through the wing slopes. Between expiries a
 * {@link SviSurface} interpolates total variance linearly in t, which preserves monotonicity, so the expiry pairs
 * are all there is to check.
 *
 * @param kLo lowest log-moneyness of the grid
 * @param kHi highest log-moneyness of the grid
 * @param points number of grid points
 * @param violations what was found, by expiry pair in ascending order; empty when free of calendar arbitrage
 */
public record CalendarReport(double kLo, double kHi, int points, List<CalendarViolation> violations) {

  /** Validates and copies. */
  public CalendarReport {
    ArgChecker.isTrue(kHi > kLo, "kHi must be > kLo");
    ArgChecker.isTrue(points >= 2, "points must be >= 2");
    violations = List.copyOf(violations);
  }

  /** True when no violation was found. */
  public boolean arbitrageFree() {
    return violations.isEmpty();
  }

  /** A multi-line summary. */
  public String summary() {
    String head = String.format(Locale.ROOT, "%s on k in [%.3f, %.3f] (%d points)",
        arbitrageFree() ? "no calendar arbitrage" : "CALENDAR ARBITRAGE", kLo, kHi, points);
    return violations.isEmpty() ? head : head + violations.stream().map(v -> "\n  " + v.summary())
        .collect(Collectors.joining());
  }
}
