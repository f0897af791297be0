package io.netgamma.core.market.surface;

import io.netgamma.core.base.ArgChecker;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The result of a surface fit ({@link SviSurfaceFitter}).
 *
 * @param surface the surface (one smile per fitted expiry)
 * @param fits the per-expiry fits, in the order of {@code surface}'s expiries
 * @param skipped the expiries left out, with reasons
 * @param calendar the calendar-arbitrage check of the surface
 */
public record SurfaceFit(SviSurface surface, List<SviFit> fits, List<SkippedExpiry> skipped,
    CalendarReport calendar) {

  /** Validates and copies. */
  public SurfaceFit {
    ArgChecker.notNull(surface, "surface");
    fits = List.copyOf(fits);
    skipped = List.copyOf(skipped);
    ArgChecker.notNull(calendar, "calendar");
    ArgChecker.isTrue(fits.size() == surface.size(), fits.size() + " fits for " + surface.size() + " expiries");
  }

  /** True when every smile is free of butterfly arbitrage on its check grid and the surface of calendar arbitrage. */
  public boolean arbitrageFree() {
    return calendar.arbitrageFree() && fits.stream().allMatch(f -> f.butterfly().arbitrageFree());
  }

  /** A multi-line summary: one line per expiry, the skipped ones, the calendar check. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fits.size(); i++) {
      sb.append(java.time.Instant.ofEpochMilli(surface.expiry(i))).append(' ').append(fits.get(i).summary())
          .append('\n');
    }
    sb.append(skipped.stream().map(s -> "skipped " + java.time.Instant.ofEpochMilli(s.expiryMillis()) + " ("
        + s.quotes() + " quotes): " + s.reason() + "\n").collect(Collectors.joining()));
    return sb.append(calendar.summary()).toString();
  }
}
