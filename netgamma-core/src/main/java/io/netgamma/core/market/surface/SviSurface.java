package io.netgamma.core.market.surface;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.market.ForwardCurve;
import io.netgamma.core.market.VolatilitySurface;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A volatility surface made of one raw-SVI smile per expiry ({@link SviParameters}, total variance against
 * log-moneyness {@code k = ln(K/F(t))}), interpolated in total variance across expiries. Immutable, thread-safe;
 * {@link #totalVariance(double, double)} is allocation-free.
 *
 * <p>In time, at fixed k (t in years ACT/365 from the forward curve's valuation instant; {@code t_i} the expiry
 * times, {@code w_i} their smiles):
 * <ul>
 *   <li>at an expiry: {@code w(k, t_i) = w_i(k)} exactly;</li>
 *   <li>between expiries: linear in t, {@code w = w_i + (t − t_i)/(t_{i+1} − t_i)·(w_{i+1} − w_i)} — monotone in t
 *       wherever {@code w_i(k) ≤ w_{i+1}(k)}, so it adds no calendar arbitrage of its own (see
 *       {@link #calendarReport}); it does not guarantee that the interpolated smile is free of butterfly arbitrage
 *       (a convex combination of two arbitrage-free total variances usually is, but not always);</li>
 *   <li>before the first expiry and after the last: flat volatility at fixed k, {@code w = w_1(k)·t/t_1} and
 *       {@code w = w_n(k)·t/t_n} (the implied volatility at that log-moneyness is held).</li>
 * </ul>
 */
public final class SviSurface implements VolatilitySurface {

  /** Tolerance (times max(1, slope)) when comparing wing slopes in the calendar check: rounding of a fit. */
  static final double WING_SLOPE_TOLERANCE = 1e-9;

  private final ForwardCurve curve;
  private final long[] expiries;
  private final double[] times;
  private final SviParameters[] slices;

  private SviSurface(ForwardCurve curve, long[] expiries, double[] times, SviParameters[] slices) {
    this.curve = curve;
    this.expiries = expiries;
    this.times = times;
    this.slices = slices;
  }

  /**
   * A surface from its smiles.
   *
   * @param curve the forward curve the log-moneyness of every smile is measured against
   * @param expiries the expiries, epoch milliseconds, strictly ascending and after the curve's valuation instant
   * @param slices the smile of each expiry (same order)
   */
  public static SviSurface of(ForwardCurve curve, long[] expiries, List<SviParameters> slices) {
    ArgChecker.notNull(curve, "curve");
    ArgChecker.notNull(expiries, "expiries");
    ArgChecker.notNull(slices, "slices");
    ArgChecker.isTrue(expiries.length > 0, "a surface needs at least one expiry");
    ArgChecker.isTrue(expiries.length == slices.size(),
        expiries.length + " expiries but " + slices.size() + " smiles");
    double[] times = new double[expiries.length];
    SviParameters[] s = new SviParameters[expiries.length];
    for (int i = 0; i < expiries.length; i++) {
      ArgChecker.isTrue(expiries[i] > curve.valuationMillis(), "expiry " + Instant.ofEpochMilli(expiries[i])
          + " is not after the valuation instant " + Instant.ofEpochMilli(curve.valuationMillis()));
      ArgChecker.isTrue(i == 0 || expiries[i] > expiries[i - 1], "expiries must be strictly ascending: "
          + (i == 0 ? "" : Instant.ofEpochMilli(expiries[i - 1]) + " then " + Instant.ofEpochMilli(expiries[i])));
      times[i] = YearFraction.act365(curve.valuationMillis(), expiries[i]);
      s[i] = ArgChecker.notNull(slices.get(i), "smile #" + i);
    }
    return new SviSurface(curve, expiries.clone(), times, s);
  }

  @Override
  public ForwardCurve forwardCurve() {
    return curve;
  }

  /** Number of expiries. */
  public int size() {
    return expiries.length;
  }

  /** Expiry {@code i} (ascending), epoch milliseconds. */
  public long expiry(int i) {
    return expiries[i];
  }

  /** Time to expiry {@code i}, years ACT/365. */
  public double time(int i) {
    return times[i];
  }

  /** The smile of expiry {@code i}. */
  public SviParameters slice(int i) {
    return slices[i];
  }

  /** The smiles, in expiry order. */
  public List<SviParameters> slices() {
    return List.of(slices);
  }

  @Override
  public double totalVariance(double k, double t) {
    if (!(t > 0) || t == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("t must be finite and > 0, got " + t);
    }
    int n = times.length;
    if (t <= times[0]) {
      return t == times[0] ? slices[0].totalVariance(k) : slices[0].totalVariance(k) * (t / times[0]);
    }
    if (t >= times[n - 1]) {
      return t == times[n - 1] ? slices[n - 1].totalVariance(k) : slices[n - 1].totalVariance(k) * (t / times[n - 1]);
    }
    int pos = Arrays.binarySearch(times, t);
    if (pos >= 0) {
      return slices[pos].totalVariance(k);
    }
    int hi = -pos - 1;
    double t0 = times[hi - 1];
    double t1 = times[hi];
    double w0 = slices[hi - 1].totalVariance(k);
    double w1 = slices[hi].totalVariance(k);
    return w0 + (t - t0) / (t1 - t0) * (w1 - w0);
  }

  /**
   * Checks calendar arbitrage between consecutive expiries: {@code w_{i+1}(k) ≥ w_i(k)} on {@code points} equally
   * spaced k from {@code kLo} to {@code kHi}, and the wing slopes {@code b(1 ± ρ)} of each later smile at least
   * those of the earlier one (else the smiles cross beyond some k; slopes equal within
   * {@value #WING_SLOPE_TOLERANCE}·max(1, slope), rounding of a constrained fit, are not flagged).
   */
  public CalendarReport calendarReport(double kLo, double kHi, int points) {
    ArgChecker.finite(kLo, "kLo");
    ArgChecker.finite(kHi, "kHi");
    ArgChecker.isTrue(kHi > kLo, "kHi must be > kLo, got kLo=" + kLo + ", kHi=" + kHi);
    ArgChecker.isTrue(points >= 2, "points must be >= 2, got " + points);
    List<CalendarViolation> found = new ArrayList<>();
    double step = (kHi - kLo) / (points - 1);
    for (int i = 0; i + 1 < slices.length; i++) {
      SviParameters p = slices[i];
      SviParameters q = slices[i + 1];
      double runStart = Double.NaN;
      double runEnd = Double.NaN;
      double worst = 0;
      double kWorst = Double.NaN;
      for (int j = 0; j < points; j++) {
        double k = j == points - 1 ? kHi : kLo + j * step;
        double diff = q.totalVariance(k) - p.totalVariance(k);
        if (diff < 0) {
          if (Double.isNaN(runStart)) {
            runStart = k;
            worst = 0;
          }
          runEnd = k;
          if (diff < worst) {
            worst = diff;
            kWorst = k;
          }
        }
        if ((diff >= 0 || j == points - 1) && !Double.isNaN(runStart)) {
          found.add(new CalendarViolation(CalendarViolation.Kind.GRID, expiries[i], expiries[i + 1], runStart,
              runEnd, worst, kWorst));
          runStart = Double.NaN;
        }
      }
      double dl = q.leftWingSlope() - p.leftWingSlope();
      if (dl < -WING_SLOPE_TOLERANCE * Math.max(1.0, p.leftWingSlope())) {
        found.add(new CalendarViolation(CalendarViolation.Kind.LEFT_WING, expiries[i], expiries[i + 1],
            Double.NEGATIVE_INFINITY, kLo, dl, Double.NEGATIVE_INFINITY));
      }
      double dr = q.rightWingSlope() - p.rightWingSlope();
      if (dr < -WING_SLOPE_TOLERANCE * Math.max(1.0, p.rightWingSlope())) {
        found.add(new CalendarViolation(CalendarViolation.Kind.RIGHT_WING, expiries[i], expiries[i + 1], kHi,
            Double.POSITIVE_INFINITY, dr, Double.POSITIVE_INFINITY));
      }
    }
    return new CalendarReport(kLo, kHi, points, found);
  }
}
