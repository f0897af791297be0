package io.netgamma.core.market.surface;

import io.netgamma.core.base.ArgChecker;
import java.util.List;

/**
 * The quotes of one expiry, the input of a surface fit. The log-moneyness of every quote is measured against the
 * forward of this expiry (see {@link SmileQuote}).
 *
 * @param expiryMillis the expiry, epoch milliseconds (UTC)
 * @param quotes the quotes (copied)
 */
public record ExpirySmile(long expiryMillis, List<SmileQuote> quotes) {

  /** Validates and copies. */
  public ExpirySmile {
    quotes = List.copyOf(ArgChecker.notNull(quotes, "quotes"));
  }

  /** The smile of an expiry. */
  public static ExpirySmile of(long expiryMillis, List<SmileQuote> quotes) {
    return new ExpirySmile(expiryMillis, quotes);
  }
}
