package io.netgamma.core.market.surface;

import io.netgamma.core.base.ArgChecker;

/**
 * A quote an SVI fit set aside as an outlier, with the reason.
 *
 * @param quote the quote
 * @param residual fitted minus quoted implied volatility when it was set aside, fraction (0.05 = 5 vol points)
 * @param reason why, in words, with the numbers (residual, robust scale, threshold)
 */
public record RejectedQuote(SmileQuote quote, double residual, String reason) {

  /** Validates. */
  public RejectedQuote {
    ArgChecker.notNull(quote, "quote");
    ArgChecker.finite(residual, "residual");
    ArgChecker.notBlank(reason, "reason");
  }
}
