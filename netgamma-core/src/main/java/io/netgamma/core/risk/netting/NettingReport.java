package io.netgamma.core.risk.netting;

import io.netgamma.core.base.ArgChecker;
import java.time.Instant;
import java.util.List;

/**
 * The netting analytics of a valued book ({@link NettingAnalyzer#analyze}).
 *
 * @param timestamp the instant of the valuation
 * @param underlyings gross vs net greeks per underlying, in name order
 * @param book gross vs net greeks of the whole book (delta and gamma in the reference)
 * @param hedging expected hedging flow and cost, and what netting saves
 */
public record NettingReport(Instant timestamp, List<UnderlyingNetting> underlyings, BookNetting book,
    HedgingCost hedging) {

  /** Validates and copies. */
  public NettingReport {
    ArgChecker.notNull(timestamp, "timestamp");
    underlyings = List.copyOf(underlyings);
    ArgChecker.notNull(book, "book");
    ArgChecker.notNull(hedging, "hedging");
  }

  /**
   * The netting of one underlying.
   *
   * @throws IllegalArgumentException naming it when the book has no position on it
   */
  public UnderlyingNetting underlying(String underlying) {
    for (UnderlyingNetting u : underlyings) {
      if (u.underlying().equals(underlying)) {
        return u;
      }
    }
    throw new IllegalArgumentException("no position on " + underlying + " (the book has "
        + underlyings.stream().map(UnderlyingNetting::underlying).toList() + ")");
  }
}
