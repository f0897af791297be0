package io.netgamma.data.market;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.surface.SurfaceFit;
import io.netgamma.data.io.ReadSummary;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A market read by {@link MarketLoader}: the snapshot with forward curves and fitted volatility surfaces, and what
 * happened on the way.
 *
 * @param source the file read
 * @param format the format recognised from its content
 * @param snapshot the market at the valuation instant ({@link MarketSnapshot#timestamp()}): index prices, a forward
 *     curve per underlying with an index, the quotes, and a volatility surface per underlying whose option quotes
 *     could be fitted ({@link MarketSnapshot#surface(String)}; absent for the others)
 * @param fits the surface fit of each fitted underlying (parameters, errors, arbitrage reports), in the order of
 *     {@code surfaces}; unmodifiable
 * @param summary the reader's counts: chain rows, or the snapshot file's instrument entries
 * @param skipped rows or entries left out of the snapshot, by reason (bad rows by kind, expired options); unmodifiable
 * @param surfaces the surface build in detail: every quote not used in a fit, with its reason and numbers
 * @param notes lines for people: per underlying its index and where it came from, its forward curve, its surface or
 *     why it has none; unmodifiable
 */
public record LoadedMarket(Path source, MarketFormat format, MarketSnapshot snapshot, Map<String, SurfaceFit> fits,
    ReadSummary summary, Map<String, Long> skipped, SurfaceBuild surfaces, List<String> notes) {

  /** Validates and copies. */
  public LoadedMarket {
    ArgChecker.notNull(source, "source");
    ArgChecker.notNull(format, "format");
    ArgChecker.notNull(snapshot, "snapshot");
    fits = Collections.unmodifiableMap(new LinkedHashMap<>(ArgChecker.notNull(fits, "fits")));
    ArgChecker.notNull(summary, "summary");
    skipped = Collections.unmodifiableMap(new LinkedHashMap<>(ArgChecker.notNull(skipped, "skipped")));
    ArgChecker.notNull(surfaces, "surfaces");
    notes = List.copyOf(notes);
    for (String u : fits.keySet()) {
      ArgChecker.isTrue(snapshot.surface(u).isPresent(), u + ": a fit without a surface in the snapshot");
    }
  }
}
