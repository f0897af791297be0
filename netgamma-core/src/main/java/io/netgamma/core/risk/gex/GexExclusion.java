package io.netgamma.core.risk.gex;

import io.netgamma.core.base.ArgChecker;

/**
 * An option left out of a GEX calculation, and why.
 *
 * @param label the option, e.g. {@code BTC-28JUN24-70000-C}
 * @param reason the short reason counted in summaries: {@link #EXPIRED}, {@link #NO_OPEN_INTEREST},
 *     {@link #NO_VOLATILITY}
 * @param detail what was found, with the values
 */
public record GexExclusion(String label, String reason, String detail) {

  /** Reason: the option expires at or before the valuation instant (t &le; 0). */
  public static final String EXPIRED = "expired";
  /** Reason: the market data has no open interest for the option. */
  public static final String NO_OPEN_INTEREST = "no open interest";
  /** Reason: the market data has no (or a zero) implied volatility for the option. */
  public static final String NO_VOLATILITY = "no implied volatility";

  /** Checks that every component is present. */
  public GexExclusion {
    ArgChecker.notBlank(label, "label");
    ArgChecker.notBlank(reason, "reason");
    ArgChecker.notNull(detail, "detail");
  }
}
