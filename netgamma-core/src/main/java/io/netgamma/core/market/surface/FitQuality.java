package io.netgamma.core.market.surface;

import io.netgamma.core.base.ArgChecker;
import java.util.Locale;

/**
 * How well a fitted smile matches the quotes it used, in vol points and in price terms. Errors are fitted minus
 * quoted; prices are undiscounted Black-76 prices per unit of forward (the out-of-the-money option's, the same
 * error for the call and the put of a strike), so a price error compares directly with the quote's bid/ask spread.
 *
 * <p>Why several figures: on a short expiry most quotes sit in wings whose prices are a few ticks or less — a
 * 6-hour option 3 standard deviations out is worth 1e-5 of the forward, and its implied volatility moves by tens of
 * vol points between one tick and the next. Errors there look large in vol points but are not errors in anything
 * that can be traded or valued. The vega-weighted RMSE counts each quote by its vega (its price's sensitivity to
 * the volatility), so it measures errors where they cost money; the book figures say whether the fitted prices lie
 * within the quotes' own bid/ask (a fit inside every spread is as good as the market can tell).
 *
 * @param quotes number of quotes used
 * @param vegaRmseVolPoints vega-weighted RMSE, vol points: {@code sqrt(Σ ν_i e_i² / Σ ν_i)}, {@code ν_i} the
 *     Black-76 vega of quote i at its own volatility, {@code e_i} its error; the figure reports print as "RMSE"
 * @param rmseVolPoints root mean square error, vol points, every quote counted equally
 * @param maxAbsErrorVolPoints largest absolute error, vol points
 * @param withBook quotes with a bid or an ask implied volatility
 * @param insideBook of those, quotes whose fitted volatility lies within their bid/ask (a missing bid counts as 0, a
 *     missing ask as unbounded): the fitted price is one the market would trade between
 * @param twoSided quotes with both a bid and an ask
 * @param rmsHalfSpreads over the two-sided quotes, the RMS of {@code |P(σ_fit) − P(σ_quote)| / h} with h half the
 *     bid/ask spread in price: below 1 when the fit misses the quoted prices by less than half a spread on average;
 *     0 when no quote is two-sided
 * @param maxHalfSpreads the largest such ratio; 0 when no quote is two-sided
 */
public record FitQuality(int quotes, double vegaRmseVolPoints, double rmseVolPoints, double maxAbsErrorVolPoints,
    int withBook, int insideBook, int twoSided, double rmsHalfSpreads, double maxHalfSpreads) {

  /** Validates. */
  public FitQuality {
    ArgChecker.notNegative(quotes, "quotes");
    ArgChecker.notNegative(vegaRmseVolPoints, "vegaRmseVolPoints");
    ArgChecker.notNegative(rmseVolPoints, "rmseVolPoints");
    ArgChecker.notNegative(maxAbsErrorVolPoints, "maxAbsErrorVolPoints");
    ArgChecker.isTrue(withBook >= 0 && withBook <= quotes, "withBook must be in [0, quotes], got " + withBook);
    ArgChecker.isTrue(insideBook >= 0 && insideBook <= withBook, "insideBook must be in [0, withBook], got "
        + insideBook);
    ArgChecker.isTrue(twoSided >= 0 && twoSided <= withBook, "twoSided must be in [0, withBook], got " + twoSided);
    ArgChecker.notNegative(rmsHalfSpreads, "rmsHalfSpreads");
    ArgChecker.notNegative(maxHalfSpreads, "maxHalfSpreads");
  }

  /** The fraction of the quotes with a book whose fitted price lies within it; 1 when none has a book. */
  public double insideBookFraction() {
    return withBook == 0 ? 1.0 : (double) insideBook / withBook;
  }

  /** A one-line summary: {@code vega-weighted rmse 0.412 vp (plain 1.020, max 3.100); 41/44 inside the book; ...}. */
  public String summary() {
    String book = withBook == 0 ? "no bid/ask" : String.format(Locale.ROOT, "%d/%d inside their bid/ask", insideBook,
        withBook);
    String spreads = twoSided == 0 ? "" : String.format(Locale.ROOT, "; price error %.2f half-spreads RMS (max "
        + "%.2f) over %d two-sided", rmsHalfSpreads, maxHalfSpreads, twoSided);
    return String.format(Locale.ROOT, "vega-weighted rmse %.3f vp (plain %.3f, max %.3f); %s%s", vegaRmseVolPoints,
        rmseVolPoints, maxAbsErrorVolPoints, book, spreads);
  }
}
