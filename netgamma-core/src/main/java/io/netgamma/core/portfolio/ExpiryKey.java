package io.netgamma.core.portfolio;

import io.netgamma.core.base.ArgChecker;
import java.time.Instant;
import java.util.Comparator;

/**
 * An expiry bucket of one underlying: options and futures of that expiry; perpetuals and spot share the bucket
 * {@link PortfolioValuation#NO_EXPIRY}. Ordered by underlying, then expiry (no expiry last).
 *
 * @param underlying the underlying ({@code BTC})
 * @param expiryMillis the expiry, epoch milliseconds, or {@link PortfolioValuation#NO_EXPIRY}
 */
public record ExpiryKey(String underlying, long expiryMillis) implements Comparable<ExpiryKey> {

  private static final Comparator<ExpiryKey> ORDER =
      Comparator.comparing(ExpiryKey::underlying).thenComparingLong(ExpiryKey::expiryMillis);

  /** Validates. */
  public ExpiryKey {
    ArgChecker.notBlank(underlying, "underlying");
  }

  /** True for the perpetual-and-spot bucket. */
  public boolean hasExpiry() {
    return expiryMillis != PortfolioValuation.NO_EXPIRY;
  }

  /** The expiry instant. @throws IllegalStateException for the perpetual-and-spot bucket */
  public Instant expiry() {
    if (!hasExpiry()) {
      throw new IllegalStateException(underlying + " perpetual-and-spot bucket has no expiry");
    }
    return Instant.ofEpochMilli(expiryMillis);
  }

  @Override
  public int compareTo(ExpiryKey o) {
    return ORDER.compare(this, o);
  }

  /** {@code BTC 2024-06-28T08:00:00Z} or {@code BTC no expiry}. */
  @Override
  public String toString() {
    return underlying + " " + (hasExpiry() ? Instant.ofEpochMilli(expiryMillis).toString() : "no expiry");
  }
}
