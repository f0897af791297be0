package io.netgamma.core.market.surface;

import io.netgamma.core.base.ArgChecker;

/**
 * An expiry a surface fit left out, with the reason.
 *
 * @param expiryMillis the expiry, epoch milliseconds
 * @param quotes how many quotes it had
 * @param reason why it was left out
 */
public record SkippedExpiry(long expiryMillis, int quotes, String reason) {

  /** Validates. */
  public SkippedExpiry {
    ArgChecker.notNegative(quotes, "quotes");
    ArgChecker.notBlank(reason, "reason");
  }
}
