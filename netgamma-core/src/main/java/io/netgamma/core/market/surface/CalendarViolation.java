package io.netgamma.core.market.surface;

import io.netgamma.core.base.ArgChecker;
import java.time.Instant;
import java.util.Locale;

/**
 * One calendar-arbitrage finding between two consecutive expiries: where total implied variance of the later
 * expiry falls below that of the earlier one at the same log-moneyness ({@code w(k, t₂) < w(k, t₁)}, t₁ &lt; t₂).
 *
 * @param kind {@link Kind#GRID} for a run of grid points; {@link Kind#LEFT_WING} / {@link Kind#RIGHT_WING} when the
 *     later smile's asymptotic wing slope is smaller, so the smiles must cross beyond some k
 * @param earlierExpiryMillis expiry t₁, epoch milliseconds
 * @param laterExpiryMillis expiry t₂, epoch milliseconds
 * @param kFrom start of the region of log-moneyness (−∞ for a left wing)
 * @param kTo end of the region (+∞ for a right wing)
 * @param worstDifference for GRID the most negative {@code w(k, t₂) − w(k, t₁)} (total variance); for a wing the
 *     slope difference {@code s₂ − s₁} (&lt; 0, total variance per unit k)
 * @param kAtWorst where the most negative difference is (GRID), or ±∞ (wings)
 */
public record CalendarViolation(Kind kind, long earlierExpiryMillis, long laterExpiryMillis, double kFrom,
    double kTo, double worstDifference, double kAtWorst) {

  /** What kind of finding. */
  public enum Kind {
    /** A run of grid points with {@code w(k, t₂) < w(k, t₁)}. */
    GRID,
    /** The later smile's left-wing slope is smaller: the smiles cross as k → −∞. */
    LEFT_WING,
    /** The later smile's right-wing slope is smaller: the smiles cross as k → +∞. */
    RIGHT_WING
  }

  /** Validates. */
  public CalendarViolation {
    ArgChecker.notNull(kind, "kind");
    ArgChecker.isTrue(laterExpiryMillis > earlierExpiryMillis, "later expiry must be after the earlier one");
    ArgChecker.isTrue(worstDifference < 0, "a violation has a negative difference, got " + worstDifference);
  }

  /** A one-line description. */
  public String summary() {
    String pair = Instant.ofEpochMilli(earlierExpiryMillis) + " / " + Instant.ofEpochMilli(laterExpiryMillis);
    return switch (kind) {
      case GRID -> String.format(Locale.ROOT, "%s: w(later) < w(earlier) for k in [%.4f, %.4f], worst %.3g at"
          + " k = %.4f", pair, kFrom, kTo, worstDifference, kAtWorst);
      case LEFT_WING, RIGHT_WING -> String.format(Locale.ROOT, "%s: %s wing slope of the later smile smaller by"
          + " %.3g", pair, kind == Kind.LEFT_WING ? "left" : "right", -worstDifference);
    };
  }
}
