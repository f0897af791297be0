package io.netgamma.core.risk.explain;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Instrument;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The P&amp;L explain of a book between two snapshots ({@link PnlExplainer#explain}).
 *
 * @param from the first snapshot's instant
 * @param to the second snapshot's instant
 * @param positions one entry per position, in the portfolio's order
 * @param total the sum over the positions, USD
 * @param byUnderlying the sums per underlying, in name order, USD
 * @param settled the distinct instruments that expired in between and were settled at intrinsic value
 */
public record PnlExplain(Instant from, Instant to, List<PositionExplain> positions, ExplainTerms total,
    Map<String, ExplainTerms> byUnderlying, List<Instrument> settled) {

  /** Validates and copies. */
  public PnlExplain {
    ArgChecker.notNull(from, "from");
    ArgChecker.notNull(to, "to");
    positions = List.copyOf(positions);
    ArgChecker.notNull(total, "total");
    byUnderlying = Collections.unmodifiableMap(new LinkedHashMap<>(byUnderlying));
    settled = List.copyOf(settled);
  }
}
