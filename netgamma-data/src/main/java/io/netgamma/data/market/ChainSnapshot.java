package io.netgamma.data.market;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.market.MarketSnapshot;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A market snapshot built from a chain ({@link ChainSnapshotBuilder}) and what happened on the way.
 *
 * @param snapshot the snapshot (no volatility surfaces), or null when no row was usable
 * @param optionQuotes quotes made from chain rows
 * @param skipped chain rows left out, by reason (bad rows by kind, {@link Reasons#EXPIRED}); unmodifiable
 * @param futuresMerged futures and perpetuals added from the futures file
 * @param futuresIgnored results of the futures file not added, by reason; unmodifiable
 * @param notes one line per underlying for people: its index price and where it came from, its forward curve and
 *     the sources of its nodes; unmodifiable
 */
public record ChainSnapshot(MarketSnapshot snapshot, int optionQuotes, Map<String, Long> skipped,
    int futuresMerged, Map<String, Long> futuresIgnored, List<String> notes) {

  /** Validates and copies. */
  public ChainSnapshot {
    ArgChecker.notNegative(optionQuotes, "optionQuotes");
    ArgChecker.notNegative(futuresMerged, "futuresMerged");
    skipped = Collections.unmodifiableMap(new LinkedHashMap<>(ArgChecker.notNull(skipped, "skipped")));
    futuresIgnored = Collections.unmodifiableMap(new LinkedHashMap<>(ArgChecker.notNull(futuresIgnored,
        "futuresIgnored")));
    notes = List.copyOf(notes);
  }
}
