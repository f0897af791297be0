package io.netgamma.core.portfolio;

/** Where the {@link PortfolioValuer} takes an option's volatility and forward from. */
public enum VolSource {
  /**
   * The snapshot's {@link io.netgamma.core.market.VolatilitySurface} of the underlying at the option's strike and
   * expiry, on the forward of the snapshot's forward curve at that expiry: any strike and expiry can be valued,
   * listed or not. Missing when the snapshot has no surface for the underlying.
   */
  SURFACE,
  /**
   * The venue's own {@code mark_iv} of the option's quote, on the quote's forward (Tardis {@code underlying_price})
   * when it has one, else the curve's: reproduces the venue's marks and greeks line by line. Missing when the option
   * is not quoted or its quote has no mark IV.
   */
  MARK_IV
}
