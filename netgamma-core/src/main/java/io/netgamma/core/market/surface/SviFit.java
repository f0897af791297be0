package io.netgamma.core.market.surface;

import io.netgamma.core.base.ArgChecker;
import java.util.List;

/**
 * The result of fitting one expiry's smile with {@link SviFitter}.
 *
 * <p>Errors are fitted minus quoted implied volatility over the quotes used, in vol points (1 vol point = 0.01 of
 * volatility). {@link #rmseVolPoints()}, the figure reports print as "RMSE", is <b>vega-weighted</b>: each quote
 * counts by its Black-76 vega, so a short expiry's far-wing quotes — worth a tick or less, with implied volatilities
 * that jump by tens of vol points from one tick to the next — do not drown the error near the money, where prices
 * are made. The plain RMSE, the book and price-spread measures are in {@link #quality()}.
 *
 * @param t time to expiry, years ACT/365
 * @param params the fitted raw-SVI parameters (total variance)
 * @param rmseVolPoints vega-weighted root mean square error, vol points ({@link FitQuality#vegaRmseVolPoints()})
 * @param weightedRmseVolPoints root mean square error with the fit's own weights (vega / bid–ask spread, see
 *     {@link SviFitter}), vol points
 * @param maxAbsErrorVolPoints largest absolute error, vol points
 * @param used the quotes the fit used
 * @param rejected the quotes set aside, with reasons: first those whose mark lies outside their own bid/ask, then
 *     the outliers in the order they were set aside
 * @param butterfly Durrleman/Lee check of the fitted smile on a dense grid
 * @param butterflyRepaired true when the least-squares optimum had butterfly arbitrage and the fit was redone with
 *     the arbitrage penalty (the fit is then the best arbitrage-free smile the search found, see {@link SviFitter})
 * @param calendarConstrained true when the fit was constrained by the neighbouring expiry's smile (in a
 *     {@link SviSurfaceFitter}: to lie on or below the next expiry's smile)
 * @param evaluations number of (m, σ) points evaluated (each a small QP), a measure of the work done
 * @param quality the fit's errors in vol points and in price terms over the quotes used
 */
public record SviFit(double t, SviParameters params, double rmseVolPoints, double weightedRmseVolPoints,
    double maxAbsErrorVolPoints, List<SmileQuote> used, List<RejectedQuote> rejected, ButterflyReport butterfly,
    boolean butterflyRepaired, boolean calendarConstrained, int evaluations, FitQuality quality) {

  /** Validates and copies the lists. */
  public SviFit {
    ArgChecker.positive(t, "t");
    ArgChecker.notNull(params, "params");
    ArgChecker.notNegative(rmseVolPoints, "rmseVolPoints");
    ArgChecker.notNegative(weightedRmseVolPoints, "weightedRmseVolPoints");
    ArgChecker.notNegative(maxAbsErrorVolPoints, "maxAbsErrorVolPoints");
    used = List.copyOf(used);
    rejected = List.copyOf(rejected);
    ArgChecker.notNull(butterfly, "butterfly");
    ArgChecker.notNull(quality, "quality");
    ArgChecker.isTrue(quality.quotes() == used.size(), "quality is of " + quality.quotes() + " quotes, "
        + used.size() + " used");
  }

  /** Fitted implied volatility (fraction) at log-moneyness k. */
  public double volatility(double k) {
    return params.volatility(k, t);
  }

  /** A one-line summary for reports and logs. */
  public String summary() {
    return String.format(java.util.Locale.ROOT,
        "t=%.5f: rmse %.3f vp vega-weighted (fit-weighted %.3f, plain %.3f, max %.3f) on %d quotes, %d rejected; "
            + "%s; %s%s%s", t, rmseVolPoints, weightedRmseVolPoints, quality.rmseVolPoints(), maxAbsErrorVolPoints,
        used.size(), rejected.size(), quality.withBook() == 0 ? "no bid/ask" : quality.insideBook() + "/"
            + quality.withBook() + " inside their bid/ask", butterfly.summary(), butterflyRepaired ? " (repaired)"
            : "", calendarConstrained ? "; calendar-constrained" : "");
  }
}
