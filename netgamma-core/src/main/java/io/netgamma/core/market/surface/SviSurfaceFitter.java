package io.netgamma.core.market.surface;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.base.NetgammaException;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.market.ForwardCurve;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Fits an {@link SviSurface} to the smiles of several expiries. Stateless, thread-safe, deterministic.
 *
 * <p>Expiries are fitted one by one with {@link SviFitter}, from the last to the first. Unless built
 * {@link #withoutCalendarConstraint()}, each fit after the first is constrained to lie on or below the smile of the
 * next expiry — {@code w(k, t_i) ≤ w(k, t_{i+1})} on {@value #CONSTRAINT_POINTS} equally spaced k over the check
 * range, and both wing slopes at most the next ones — which are linear constraints of the inner QP (for fixed m, σ,
 * w(k) is linear in the remaining parameters), so calendar arbitrage is excluded at the source rather than repaired
 * afterwards. After the search, a polish adds the exact minima of {@code w_{i+1} − w_i} between grid points as
 * further constraints until the {@value #REPORT_POINTS}-point check grid is clean.
 *
 * <p>Why backwards: SVI wings are linear in k, so two smiles whose wing slopes are in the wrong order must cross
 * somewhere; one of them has to give. Long-dated smiles are quoted over a wider range of k and carry more vega in
 * the wings, so their wings are the better determined; short-dated smiles' wings are mostly extrapolation beyond
 * their last quotes. Fitting backwards lets the data-rich long expiries set the wings and bounds the short ones
 * from above, where the bound rarely binds inside their quoted range. (On the Deribit BTC chains of 2026-02-04 and
 * 2026-02-05 this gave lower errors over the whole surface than fitting forwards with floors.)
 *
 * <p>The check range is the quoted log-moneyness of all expiries widened by its span on each side:
 * {@code [k_lo − span, k_hi + span]}. The surface is then checked on {@value #REPORT_POINTS} points of that range
 * ({@link SurfaceFit#calendar()}); beyond it the wing-slope condition covers the asymptotics.
 *
 * <p>An expiry with fewer than {@value SviFitter#MIN_QUOTES} distinct strikes is skipped with the reason; the one
 * before it is then bounded by the next fitted smile.
 */
public final class SviSurfaceFitter {

  /** Number of k at which the calendar bound constrains each fit (during the search, before the polish). */
  public static final int CONSTRAINT_POINTS = 41;
  /** Number of k at which the fitted surface is checked for calendar arbitrage. */
  public static final int REPORT_POINTS = 2001;

  /** Fits with {@link SviFitter#DEFAULT} and the calendar constraint. */
  public static final SviSurfaceFitter DEFAULT = new SviSurfaceFitter(SviFitter.DEFAULT, true);

  private final SviFitter fitter;
  private final boolean calendarConstraint;

  private SviSurfaceFitter(SviFitter fitter, boolean calendarConstraint) {
    this.fitter = fitter;
    this.calendarConstraint = calendarConstraint;
  }

  /** A surface fitter that fits each expiry with {@code fitter} (calendar constraint on). */
  public static SviSurfaceFitter of(SviFitter fitter) {
    return new SviSurfaceFitter(ArgChecker.notNull(fitter, "fitter"), true);
  }

  /**
   * The same fitter without the calendar constraint: each expiry is fitted on its own; calendar arbitrage is then
   * only reported, not prevented. For diagnosis and comparison.
   */
  public SviSurfaceFitter withoutCalendarConstraint() {
    return new SviSurfaceFitter(fitter, false);
  }

  /**
   * Fits the surface.
   *
   * @param curve the forward curve; each smile's log-moneyness is against {@code curve.forward(expiry)}, and its
   *     valuation instant fixes the times to expiry (ACT/365)
   * @param smiles one smile per expiry, any order; expiries distinct and after the valuation instant
   * @throws NetgammaException when no expiry has enough quotes
   */
  public SurfaceFit fit(ForwardCurve curve, List<ExpirySmile> smiles) {
    ArgChecker.notNull(curve, "curve");
    ArgChecker.notNull(smiles, "smiles");
    List<ExpirySmile> sorted = new ArrayList<>(smiles);
    sorted.sort(Comparator.comparingLong(ExpirySmile::expiryMillis));
    Set<Long> seen = new HashSet<>();
    double kLo = Double.POSITIVE_INFINITY;
    double kHi = Double.NEGATIVE_INFINITY;
    for (ExpirySmile s : sorted) {
      ArgChecker.isTrue(seen.add(s.expiryMillis()), "two smiles for expiry " + Instant.ofEpochMilli(s.expiryMillis()));
      ArgChecker.isTrue(s.expiryMillis() > curve.valuationMillis(), "expiry " + Instant.ofEpochMilli(s.expiryMillis())
          + " is not after the valuation instant " + Instant.ofEpochMilli(curve.valuationMillis()));
      for (SmileQuote q : s.quotes()) {
        kLo = Math.min(kLo, q.logMoneyness());
        kHi = Math.max(kHi, q.logMoneyness());
      }
    }
    double span = kHi - kLo;
    double checkLo = kLo - span;
    double checkHi = kHi + span;
    // from the last expiry to the first: each smile is fitted below the next one's
    List<ExpirySmile> order = new ArrayList<>(sorted);
    Collections.reverse(order);
    Map<Long, SviFit> byExpiry = new TreeMap<>();
    List<SkippedExpiry> skipped = new ArrayList<>();
    SviParameters neighbour = null;
    for (ExpirySmile s : order) {
      long distinct = s.quotes().stream().mapToDouble(SmileQuote::logMoneyness).distinct().count();
      if (distinct < SviFitter.MIN_QUOTES) {
        skipped.add(new SkippedExpiry(s.expiryMillis(), s.quotes().size(), "quotes at " + distinct
            + " distinct strikes, an SVI fit needs " + SviFitter.MIN_QUOTES));
        continue;
      }
      double t = YearFraction.act365(curve.valuationMillis(), s.expiryMillis());
      SviFitter.CalendarBound bound = calendarConstraint && neighbour != null ? new SviFitter.CalendarBound(
          neighbour, false, checkLo, checkHi, CONSTRAINT_POINTS, REPORT_POINTS) : null;
      SviFit fit = fitter.fit(t, s.quotes(), bound);
      byExpiry.put(s.expiryMillis(), fit);
      neighbour = fit.params();
    }
    skipped.sort(Comparator.comparingLong(SkippedExpiry::expiryMillis));
    List<SviFit> fits = new ArrayList<>(byExpiry.values());
    List<Long> expiries = new ArrayList<>(byExpiry.keySet());
    if (fits.isEmpty()) {
      throw new NetgammaException("no expiry of " + curve.underlying() + " could be fitted: " + skipped.stream()
          .map(s -> Instant.ofEpochMilli(s.expiryMillis()) + ": " + s.reason()).toList());
    }
    long[] ex = expiries.stream().mapToLong(Long::longValue).toArray();
    SviSurface surface = SviSurface.of(curve, ex, fits.stream().map(SviFit::params).toList());
    CalendarReport calendar = surface.calendarReport(checkLo, checkHi, REPORT_POINTS);
    return new SurfaceFit(surface, fits, skipped, calendar);
  }
}
