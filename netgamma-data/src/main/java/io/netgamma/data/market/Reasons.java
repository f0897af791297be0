package io.netgamma.data.market;

/**
 * The short reasons, counted in summaries, for which a chain row or an option quote is left out of a market
 * snapshot or of a surface fit. Each set-aside entry also carries a detail with the numbers.
 */
public final class Reasons {

  /** An option expired at its row's timestamp or at the valuation (snapshot) instant. */
  public static final String EXPIRED = "expired";
  /** A mark price that is not Black-76 of its own mark IV and forward (fields captured at different instants). */
  public static final String INCONSISTENT_MARK = "inconsistent mark";
  /** A quote without a mark implied volatility (absent or 0). */
  public static final String NO_MARK_IV = "no mark IV";
  /** A quote the SVI fit set aside as an outlier. */
  public static final String OUTLIER = "outlier";
  /** The quotes of an expiry (or underlying) that could not be fitted, e.g. too few strikes. */
  public static final String NOT_FITTED = "expiry not fitted";
  /** A quote of another underlying than the one selected. */
  public static final String OTHER_UNDERLYING = "other underlying";

  private Reasons() {
  }
}
