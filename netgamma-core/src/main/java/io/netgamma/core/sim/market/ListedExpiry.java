package io.netgamma.core.sim.market;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Instrument;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One listed expiry of an {@link ExpirySchedule}: its date (expiring at 08:00 UTC), why it is listed, and whether a
 * dated future expires with it (else its options are priced on a synthetic {@code SYN.} forward).
 *
 * @param date the expiry date; the expiry is 08:00 UTC that day
 * @param kinds why it is listed (not empty; copied)
 * @param hasFuture true when a dated future is listed for this expiry
 */
public record ListedExpiry(LocalDate date, Set<ExpiryKind> kinds, boolean hasFuture) {

  /** Validates and copies. */
  public ListedExpiry {
    ArgChecker.notNull(date, "date");
    ArgChecker.notNull(kinds, "kinds");
    ArgChecker.isTrue(!kinds.isEmpty(), "expiry " + date + " must have at least one kind");
    kinds = Collections.unmodifiableSet(EnumSet.copyOf(kinds));
  }

  /** The expiry instant, 08:00 UTC of {@link #date()}. */
  public Instant expiry() {
    return date.atTime(Instrument.EXPIRY_TIME).toInstant(ZoneOffset.UTC);
  }

  /** The expiry, epoch milliseconds. */
  public long expiryMillis() {
    return expiry().toEpochMilli();
  }

  /** True when listed as {@code kind}. */
  public boolean is(ExpiryKind kind) {
    return kinds.contains(kind);
  }

  /** The longest-dated kind it is listed as (QUARTERLY over MONTHLY over WEEKLY over DAILY). */
  public ExpiryKind longestKind() {
    ExpiryKind longest = ExpiryKind.DAILY;
    for (ExpiryKind k : kinds) {
      longest = k.compareTo(longest) > 0 ? k : longest;
    }
    return longest;
  }
}
