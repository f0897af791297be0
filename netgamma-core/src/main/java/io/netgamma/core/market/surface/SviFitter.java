package io.netgamma.core.market.surface;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.base.ConvergenceException;
import io.netgamma.core.base.NetgammaException;
import io.netgamma.core.math.Normal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Fits a raw-SVI smile ({@link SviParameters}) to the implied volatilities of one expiry. Stateless and
 * thread-safe; deterministic (same input, same result, bit for bit).
 *
 * <h2>Objective and weights</h2>
 * Minimises {@code Σ ω_i (σ_fit(k_i) − σ_i)²} over the quotes, with the vol residual taken to first order in
 * total variance, {@code σ_fit − σ ≈ (w_fit − w)/(2σ·t)}, which makes the problem linear in three of the five
 * parameters. The weight of a quote is
 * <pre>
 *   ω_i ∝ max(ν_i/ν_max, {@value #VEGA_WEIGHT_FLOOR}) / width_i
 * </pre>
 * where {@code ν_i = sqrt(t)·φ(d₁)} is the Black-76 vega per unit forward at the quote's own vol (closed form,
 * {@link Normal#pdf}), {@code ν_max} the largest in the smile, and {@code width_i} the quote's bid–ask implied
 * volatility width, floored at {@value #MIN_BID_ASK_WIDTH}; a quote without both sides gets the median width of
 * the quotes that have them (1 when none has). Vega weighting makes the fit care most where the vol is best
 * determined by prices; the floor keeps the far wings (whose vega vanishes on short expiries) in the fit; the
 * width makes wide, uninformative quotes count less. Weights are normalised to sum to 1.
 *
 * <h2>Method (quasi-explicit, Zeliade / De Marco–Martini)</h2>
 * For fixed {@code (m, σ)} the parameters {@code (a, d = ρbσ, c = bσ)} solve a weighted linear least-squares
 * problem on a polyhedron — a convex QP in three variables, solved exactly (closed form when unconstrained,
 * ojAlgo's active-set {@code ConvexSolver} otherwise). The constraints are: {@code |ρ| ≤ }{@value #RHO_MAX};
 * Roger Lee's bound {@code b(1 + |ρ|) ≤ 2} on both wing slopes; a minimum volatility of {@value #MIN_VOLATILITY}
 * ({@code min_k w ≥ MIN_VOLATILITY²·t}); and, inside a surface fit, the calendar bound of the neighbouring expiry (see
 * {@link SviSurfaceFitter}). The outer search over {@code (m, ln σ)} is deterministic: a {@value #GRID_M}×
 * {@value #GRID_SIGMA} grid over {@code m ∈ [k_lo − span, k_hi + span]}, {@code σ ∈ [span/200, 2·span]}
 * (span = quoted range of k), then a bounded 2-D Nelder–Mead from the best grid point and from the best one not
 * adjacent to it; the better result is kept. After an outlier is set aside the refit starts the Nelder–Mead from the
 * previous optimum (no grid). Points where the inner QP's unconstrained minimum is infeasible and already worse than
 * what the search needs to know are not solved exactly (their lower bound decides the same way), which keeps the
 * number of constrained QPs small without changing the result.
 *
 * <h2>Butterfly arbitrage</h2>
 * After the least-squares fit, Durrleman's g(k) is evaluated on the check grid: {@value #REPORT_POINTS} points over
 * {@code [k_lo − 2·span, k_hi + 2·span]} plus {@value #PENALTY_POINTS_Y} points over {@code m ± 8σ}. If it is
 * negative anywhere, the search is redone with the exact penalty {@code λ·max(0, ε − min g)} ({@code λ} =
 * {@value #PENALTY}, far above the squared errors; margin {@code ε} = {@value #REPAIR_MARGIN}, so that g stays
 * positive between grid points too) added to the objective, which steers (m, σ) to where the inner least-squares
 * smile is free of arbitrage; the fit is flagged {@link SviFit#butterflyRepaired()}. The final
 * smile is checked on the same uniform grid and the result reported in {@link SviFit#butterfly()} — if the
 * penalised search found no arbitrage-free smile, the report says so; nothing is hidden. Lee's bounds hold by
 * construction.
 *
 * <h2>Outliers</h2>
 * After each fit the residuals {@code r_i = σ_fit − σ_i} of the quotes in use are compared with the threshold
 * {@code max(cutoff × 1.4826 × MAD(r), minResidual)} (MAD = median absolute deviation from the median). Among the
 * quotes beyond it — except those whose fitted vol lies within their own bid/ask implied volatilities — the
 * worst is set aside with the reason, and the smile is refitted; this repeats until no quote is beyond the
 * threshold, or {@code maxRejectedFraction} of the quotes have been set aside, or fewer than {@value #MIN_QUOTES}
 * distinct strikes would remain. Removing one quote at a time avoids masking (one gross outlier inflating the
 * residuals of good quotes).
 */
public final class SviFitter {

  /** Fewest quotes at distinct log-moneyness an SVI fit accepts (SVI has five parameters). */
  public static final int MIN_QUOTES = 5;
  /** Bound on |ρ| imposed by the fit. */
  public static final double RHO_MAX = 0.999;
  /** Floor on the fitted volatility at every k (fraction): {@code min_k w ≥ MIN_VOLATILITY²·t}. */
  public static final double MIN_VOLATILITY = 0.01;
  /** Floor on a quote's bid–ask implied volatility width in the weights (fraction: a quarter vol point). */
  public static final double MIN_BID_ASK_WIDTH = 0.0025;
  /** Floor on a quote's relative vega {@code ν/ν_max} in the weights. */
  public static final double VEGA_WEIGHT_FLOOR = 0.05;

  /** The default fitter: outlier cutoff 4 robust standard deviations, at least 1 vol point, at most 20% set aside. */
  public static final SviFitter DEFAULT = new SviFitter(4.0, 0.01, 0.2);

  static final int GRID_M = 12;
  static final int GRID_SIGMA = 8;
  static final int REPORT_POINTS = 4001;
  static final int PENALTY_POINTS_Y = 201;
  static final double REPAIR_MARGIN = 1e-3;
  static final double PENALTY = 1.0;
  private static final int NM_MAX_ITERATIONS = 400;
  private static final int MAX_POLISH_ROUNDS = 10;
  private static final double NM_X_TOL = 1e-9;
  private static final double NM_F_TOL = 1e-12;
  private static final double NM_F_ABS = 1e-30;
  private static final double MAD_TO_SIGMA = 1.482602218505602;

  private final double outlierCutoff;
  private final double minOutlierResidual;
  private final double maxRejectedFraction;

  private SviFitter(double outlierCutoff, double minOutlierResidual, double maxRejectedFraction) {
    this.outlierCutoff = outlierCutoff;
    this.minOutlierResidual = minOutlierResidual;
    this.maxRejectedFraction = maxRejectedFraction;
  }

  /**
   * A fitter with other outlier settings.
   *
   * @param cutoff residuals beyond {@code cutoff} robust standard deviations are outliers, &gt; 0
   * @param minResidual ... and beyond this many vol (fraction: 0.01 = 1 vol point), ≥ 0
   * @param maxRejectedFraction at most this fraction of a smile's quotes is set aside, in [0, 1)
   */
  public SviFitter withOutlierRejection(double cutoff, double minResidual, double maxRejectedFraction) {
    ArgChecker.positive(cutoff, "outlier cutoff");
    ArgChecker.notNegative(minResidual, "minimum outlier residual");
    ArgChecker.isTrue(maxRejectedFraction >= 0 && maxRejectedFraction < 1,
        "maxRejectedFraction must be in [0, 1), got " + maxRejectedFraction);
    return new SviFitter(cutoff, minResidual, maxRejectedFraction);
  }

  /** A fitter that uses every quote (no outlier rejection). */
  public SviFitter withoutOutlierRejection() {
    return new SviFitter(Double.POSITIVE_INFINITY, 0.0, 0.0);
  }

  /**
   * Fits one smile.
   *
   * @param t time to expiry, years ACT/365, &gt; 0
   * @param quotes the smile's quotes, at least {@value #MIN_QUOTES} at distinct log-moneyness
   * @throws NetgammaException when there are too few distinct strikes
   * @throws ConvergenceException when no (m, σ) gives a solvable QP (not expected for valid input)
   */
  public SviFit fit(double t, List<SmileQuote> quotes) {
    return fit(t, quotes, null);
  }

  /**
   * The calendar bound of a fit inside a surface: a neighbouring expiry's smile, which the fit must stay above
   * ({@code above}: the other is earlier) or below (the other is later) on {@code [kLo, kHi]} — imposed on
   * {@code constraintPoints} equally spaced k during the search, then made to hold on {@code checkPoints} equally
   * spaced k (the surface's calendar check grid) and at the exact minima of the gap between them by the polish —
   * with wing slopes at least (above) or at most (below) those of the other smile.
   */
  record CalendarBound(SviParameters other, boolean above, double kLo, double kHi, int constraintPoints,
      int checkPoints) {
  }

  /** Fits one smile, constrained by the calendar bound when it is not null. */
  SviFit fit(double t, List<SmileQuote> quotes, CalendarBound bound) {
    ArgChecker.positive(t, "t");
    ArgChecker.notNull(quotes, "quotes");
    int n = quotes.size();
    SmileQuote[] q = new SmileQuote[n];
    for (int i = 0; i < n; i++) {
      q[i] = ArgChecker.notNull(quotes.get(i), "quote #" + i);
    }
    double[] k = new double[n];
    double[] iv = new double[n];
    double[] omega = weights(t, q, k, iv);
    boolean[] active = new boolean[n];
    Arrays.fill(active, true);
    int distinct = distinctCount(k, active);
    if (distinct < MIN_QUOTES) {
      throw new NetgammaException(String.format(Locale.ROOT,
          "an SVI fit needs quotes at %d or more distinct strikes, the smile of t=%.6f has %d (of %d quotes)",
          MIN_QUOTES, t, distinct, n));
    }
    List<RejectedQuote> rejected = new ArrayList<>();
    int maxRejected = (int) Math.floor(maxRejectedFraction * n);
    Search search;
    int evaluations = 0;
    double[] residual = new double[n];
    double[] start = null;
    while (true) {
      search = fitActive(t, k, iv, omega, active, bound, start);
      start = search.start;
      evaluations += search.evaluations;
      if (rejected.size() >= maxRejected) {
        break;
      }
      Outlier worst = worstOutlier(t, q, k, iv, active, search.params, residual, bound != null);
      if (worst == null) {
        break;
      }
      int index = worst.index();
      active[index] = false;
      if (distinctCount(k, active) < MIN_QUOTES) {
        active[index] = true;
        break;
      }
      rejected.add(worst.rejected());
    }
    SviParameters p = search.params;
    List<SmileQuote> used = new ArrayList<>();
    double sum2 = 0;
    double wsum2 = 0;
    double wsum = 0;
    double maxAbs = 0;
    for (int i = 0; i < n; i++) {
      if (active[i]) {
        used.add(q[i]);
        double e = p.volatility(k[i], t) - iv[i];
        sum2 += e * e;
        wsum2 += omega[i] * e * e;
        wsum += omega[i];
        maxAbs = Math.max(maxAbs, Math.abs(e));
      }
    }
    double[] range = checkRange(k, active);
    ButterflyReport butterfly = p.butterflyReport(range[0], range[1], REPORT_POINTS);
    return new SviFit(t, p, 100 * Math.sqrt(sum2 / used.size()), 100 * Math.sqrt(wsum2 / wsum), 100 * maxAbs,
        used, rejected, butterfly, search.repaired, bound != null, evaluations);
  }

  /** The weights ω_i (not normalised); fills k and iv. */
  private static double[] weights(double t, SmileQuote[] q, double[] k, double[] iv) {
    int n = q.length;
    double[] vega = new double[n];
    double vegaMax = 0;
    double[] widths = new double[n];
    int known = 0;
    double sqrtT = Math.sqrt(t);
    for (int i = 0; i < n; i++) {
      k[i] = q[i].logMoneyness();
      iv[i] = q[i].iv();
      double sw = iv[i] * sqrtT;
      double d1 = -k[i] / sw + 0.5 * sw;
      vega[i] = sqrtT * Normal.pdf(d1);
      vegaMax = Math.max(vegaMax, vega[i]);
      if (q[i].hasBidAsk()) {
        widths[known++] = Math.max(q[i].bidAskWidth(), MIN_BID_ASK_WIDTH);
      }
    }
    double defaultWidth = 1.0;
    if (known > 0) {
      double[] kw = Arrays.copyOf(widths, known);
      Arrays.sort(kw);
      defaultWidth = known % 2 == 1 ? kw[known / 2] : 0.5 * (kw[known / 2 - 1] + kw[known / 2]);
    }
    double[] omega = new double[n];
    for (int i = 0; i < n; i++) {
      double width = q[i].hasBidAsk() ? Math.max(q[i].bidAskWidth(), MIN_BID_ASK_WIDTH) : defaultWidth;
      double relVega = vegaMax > 0 ? vega[i] / vegaMax : 1.0;
      omega[i] = Math.max(relVega, VEGA_WEIGHT_FLOOR) / width;
    }
    return omega;
  }

  private static int distinctCount(double[] k, boolean[] active) {
    double[] ks = new double[k.length];
    int m = 0;
    for (int i = 0; i < k.length; i++) {
      if (active[i]) {
        ks[m++] = k[i];
      }
    }
    Arrays.sort(ks, 0, m);
    int distinct = 0;
    for (int i = 0; i < m; i++) {
      if (i == 0 || ks[i] != ks[i - 1]) {
        distinct++;
      }
    }
    return distinct;
  }

  /** {@code [k_lo − 2·span, k_hi + 2·span]} of the active quotes. */
  private static double[] checkRange(double[] k, boolean[] active) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < k.length; i++) {
      if (active[i]) {
        lo = Math.min(lo, k[i]);
        hi = Math.max(hi, k[i]);
      }
    }
    double span = hi - lo;
    return new double[] {lo - 2 * span, hi + 2 * span};
  }

  /** A quote to set aside: its index in the smile and the record with the reason. */
  private record Outlier(int index, RejectedQuote rejected) {
  }

  /** The quote to set aside next with its reason, or null; fills residual[] for the active quotes. */
  private Outlier worstOutlier(double t, SmileQuote[] q, double[] k, double[] iv, boolean[] active, SviParameters p,
      double[] residual, boolean calendarConstrained) {
    int n = q.length;
    double[] r = new double[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (active[i]) {
        residual[i] = p.volatility(k[i], t) - iv[i];
        r[m++] = residual[i];
      }
    }
    double median = median(r, m);
    for (int i = 0; i < m; i++) {
      r[i] = Math.abs(r[i] - median);
    }
    double scale = MAD_TO_SIGMA * median(r, m);
    double threshold = Math.max(outlierCutoff * scale, minOutlierResidual);
    int worst = -1;
    for (int i = 0; i < n; i++) {
      if (active[i] && Math.abs(residual[i]) > threshold && !(worst >= 0
          && Math.abs(residual[i]) <= Math.abs(residual[worst]))) {
        double fitted = iv[i] + residual[i];
        boolean insideBidAsk = q[i].hasBidAsk() && fitted >= q[i].bidIv() && fitted <= q[i].askIv();
        if (!insideBidAsk) {
          worst = i;
        }
      }
    }
    if (worst < 0) {
      return null;
    }
    return new Outlier(worst, new RejectedQuote(q[worst], residual[worst], String.format(Locale.ROOT,
          "residual %+.3f vol points (fitted %.3f%%, quoted %.3f%%) beyond %.3f = max(%.1f x robust scale %.3f,"
              + " %.3f) vol points", 100 * residual[worst], 100 * (iv[worst] + residual[worst]), 100 * iv[worst],
          100 * threshold, outlierCutoff, 100 * scale, 100 * minOutlierResidual)
          + (calendarConstrained ? "; the fit is calendar-constrained by a neighbouring expiry" : "")));
  }

  private static double median(double[] v, int m) {
    double[] s = Arrays.copyOf(v, m);
    Arrays.sort(s);
    return m % 2 == 1 ? s[m / 2] : 0.5 * (s[m / 2 - 1] + s[m / 2]);
  }

  /** The outcome of one least-squares fit of the active quotes. */
  private record Search(SviParameters params, boolean repaired, int evaluations, double[] start) {
  }

  private static Search fitActive(double t, double[] kAll, double[] ivAll, double[] omegaAll, boolean[] active,
      CalendarBound bound, double[] start) {
    int n = 0;
    for (boolean a : active) {
      if (a) {
        n++;
      }
    }
    double[] k = new double[n];
    double[] w = new double[n];
    double[] vw = new double[n];
    double omegaSum = 0;
    for (int i = 0; i < kAll.length; i++) {
      if (active[i]) {
        omegaSum += omegaAll[i];
      }
    }
    double kLo = Double.POSITIVE_INFINITY;
    double kHi = Double.NEGATIVE_INFINITY;
    for (int i = 0, j = 0; i < kAll.length; i++) {
      if (active[i]) {
        k[j] = kAll[i];
        w[j] = ivAll[i] * ivAll[i] * t;
        double dv = 2.0 * ivAll[i] * t; // dw/dσ
        vw[j] = omegaAll[i] / omegaSum / (dv * dv);
        kLo = Math.min(kLo, k[j]);
        kHi = Math.max(kHi, k[j]);
        j++;
      }
    }
    double span = kHi - kLo;
    double[] boundK = null;
    if (bound != null) {
      boundK = new double[bound.constraintPoints()];
      for (int j = 0; j < boundK.length; j++) {
        boundK[j] = bound.kLo() + (bound.kHi() - bound.kLo()) * j / (boundK.length - 1);
      }
    }
    QuasiExplicitQp qp = new QuasiExplicitQp(k, w, vw, n, RHO_MAX, MIN_VOLATILITY * MIN_VOLATILITY * t,
        bound == null ? null : bound.other(), bound != null && bound.above(), boundK);
    Profile profile = new Profile(qp, kLo - 2 * span, kHi + 2 * span);
    double mLo = kLo - span;
    double mHi = kHi + span;
    double lsLo = Math.log(span / 200);
    double lsHi = Math.log(2 * span);
    double[] best = search(profile, false, mLo, mHi, lsLo, lsHi, start);
    int evaluations = profile.evaluations;
    boolean repaired = false;
    double[] x = new double[3];
    double sigma = Math.exp(best[1]);
    if (Double.isFinite(qp.solve(best[0], sigma, x)) && profile.minG(best[0], sigma, x) < 0) {
      best = search(profile, true, mLo, mHi, lsLo, lsHi, start);
      evaluations = profile.evaluations;
      repaired = true;
      sigma = Math.exp(best[1]);
    }
    double sse = qp.solve(best[0], sigma, x);
    if (!Double.isFinite(sse)) {
      throw new ConvergenceException(String.format(Locale.ROOT,
          "SVI fit of t=%.6f (%d quotes, k in [%.4f, %.4f]): no (m, sigma) with a solvable QP", t, n, kLo, kHi));
    }
    SviParameters params = profile.params(best[0], sigma, x);
    if (bound != null) {
      params = polishCalendar(qp, profile, bound, best[0], sigma, x, params);
    }
    return new Search(params, repaired, evaluations, best);
  }

  /**
   * Makes the calendar bound hold between the constraint points: at the final (m, σ), locates each local minimum
   * of the gap {@code ±(w − w_o)} (positive when allowed) on the check grid exactly (golden section between the
   * neighbouring grid points); those where it is negative are added as constraint points and the QP re-solved;
   * repeats until no minimum is negative or {@value #MAX_POLISH_ROUNDS} rounds. Any violation left is reported by
   * the surface's calendar check.
   */
  private static SviParameters polishCalendar(QuasiExplicitQp qp, Profile profile, CalendarBound bound, double m,
      double sigma, double[] x, SviParameters params) {
    int points = bound.checkPoints();
    double step = (bound.kHi() - bound.kLo()) / (points - 1);
    double[] diff = new double[points];
    double[] cuts = new double[points];
    SviParameters other = bound.other();
    boolean above = bound.above();
    for (int round = 0; round < MAX_POLISH_ROUNDS; round++) {
      for (int j = 0; j < points; j++) {
        double kj = j == points - 1 ? bound.kHi() : bound.kLo() + j * step;
        diff[j] = gap(params, other, above, kj);
      }
      int count = 0;
      for (int j = 0; j < points; j++) {
        boolean localMin = (j == 0 || diff[j] <= diff[j - 1]) && (j == points - 1 || diff[j] <= diff[j + 1]);
        if (localMin) {
          double lo = bound.kLo() + Math.max(j - 1, 0) * step;
          double hi = Math.min(bound.kLo() + (j + 1) * step, bound.kHi());
          double kMin = argminGap(params, other, above, lo, hi);
          if (gap(params, other, above, kMin) < 0) {
            cuts[count++] = kMin;
          }
        }
      }
      if (count == 0) {
        break;
      }
      qp.addBoundPoints(cuts, count);
      if (!Double.isFinite(qp.solve(m, sigma, x))) {
        break;
      }
      params = profile.params(m, sigma, x);
    }
    return params;
  }

  /** The calendar gap at k: {@code w_p(k) − w_q(k)} when p must lie above q, the opposite otherwise. */
  private static double gap(SviParameters p, SviParameters q, boolean above, double k) {
    double d = p.totalVariance(k) - q.totalVariance(k);
    return above ? d : -d;
  }

  /** Golden-section search for the minimum of the gap on [lo, hi] (to 1e-12 in k). */
  private static double argminGap(SviParameters p, SviParameters q, boolean above, double lo, double hi) {
    double r = 0.5 * (Math.sqrt(5) - 1);
    double a = lo;
    double b = hi;
    double c = b - r * (b - a);
    double d = a + r * (b - a);
    double fc = gap(p, q, above, c);
    double fd = gap(p, q, above, d);
    while (b - a > 1e-12) {
      if (fc <= fd) {
        b = d;
        d = c;
        fd = fc;
        c = b - r * (b - a);
        fc = gap(p, q, above, c);
      } else {
        a = c;
        c = d;
        fc = fd;
        d = a + r * (b - a);
        fd = gap(p, q, above, d);
      }
    }
    return 0.5 * (a + b);
  }

  /**
   * Grid then Nelder–Mead over (m, ln σ); returns {m, ln σ} of the best point found. With a start (the optimum
   * before the last outlier was set aside) only a Nelder–Mead from there, with a simplex of one grid cell.
   */
  private static double[] search(Profile profile, boolean penalised, double mLo, double mHi, double lsLo,
      double lsHi, double[] start) {
    NelderMead2.Objective f = (m, ls, threshold) -> profile.value(m, Math.exp(ls), penalised, threshold);
    double dm = (mHi - mLo) / (GRID_M - 1);
    double dls = (lsHi - lsLo) / (GRID_SIGMA - 1);
    NelderMead2 nm = new NelderMead2();
    double[] best = new double[2];
    if (start != null) {
      nm.minimise(f, start[0], start[1], dm, dls, mLo, mHi, lsLo, lsHi, NM_X_TOL, NM_F_TOL, NM_F_ABS,
          NM_MAX_ITERATIONS, best);
      return best;
    }
    // every grid point first gets its cheap lower bound where the unconstrained minimiser is infeasible (threshold
    // −∞); then exact values are computed only for the points that could be the best or the best non-adjacent one
    double[][] grid = new double[GRID_M][GRID_SIGMA];
    boolean[][] exact = new boolean[GRID_M][GRID_SIGMA];
    for (int i = 0; i < GRID_M; i++) {
      for (int j = 0; j < GRID_SIGMA; j++) {
        grid[i][j] = f.value(mLo + dm * i, lsLo + dls * j, Double.NEGATIVE_INFINITY);
        exact[i][j] = profile.lastExact();
      }
    }
    int bi;
    int bj;
    int si;
    int sj;
    while (true) {
      bi = -1;
      bj = -1;
      for (int i = 0; i < GRID_M; i++) {
        for (int j = 0; j < GRID_SIGMA; j++) {
          if (bi < 0 || grid[i][j] < grid[bi][bj]) {
            bi = i;
            bj = j;
          }
        }
      }
      si = -1;
      sj = -1;
      for (int i = 0; i < GRID_M; i++) {
        for (int j = 0; j < GRID_SIGMA; j++) {
          boolean adjacent = Math.abs(i - bi) <= 1 && Math.abs(j - bj) <= 1;
          if (!adjacent && (si < 0 || grid[i][j] < grid[si][sj])) {
            si = i;
            sj = j;
          }
        }
      }
      if (!exact[bi][bj]) {
        grid[bi][bj] = f.value(mLo + dm * bi, lsLo + dls * bj, Double.POSITIVE_INFINITY);
        exact[bi][bj] = true;
      } else if (si >= 0 && !exact[si][sj]) {
        grid[si][sj] = f.value(mLo + dm * si, lsLo + dls * sj, Double.POSITIVE_INFINITY);
        exact[si][sj] = true;
      } else {
        break;
      }
    }
    if (!Double.isFinite(grid[bi][bj])) {
      return new double[] {mLo + (mHi - mLo) * bi / (GRID_M - 1), lsLo + (lsHi - lsLo) * bj / (GRID_SIGMA - 1)};
    }
    double fBest = nm.minimise(f, mLo + dm * bi, lsLo + dls * bj, dm, dls, mLo, mHi, lsLo, lsHi, NM_X_TOL, NM_F_TOL,
        NM_F_ABS, NM_MAX_ITERATIONS, best);
    if (si >= 0 && Double.isFinite(grid[si][sj])) {
      double[] second = new double[2];
      double fSecond = nm.minimise(f, mLo + dm * si, lsLo + dls * sj, dm, dls, mLo, mHi, lsLo, lsHi, NM_X_TOL,
          NM_F_TOL, NM_F_ABS, NM_MAX_ITERATIONS, second);
      if (fSecond < fBest) {
        best = second;
      }
    }
    return best;
  }

  /** The profile objective over (m, σ): the inner QP's weighted squared error, optionally plus the penalty. */
  private static final class Profile {
    private final QuasiExplicitQp qp;
    private final double kLo;
    private final double kHi;
    private final double[] x = new double[3];
    int evaluations;
    private boolean lastExact;

    Profile(QuasiExplicitQp qp, double kLo, double kHi) {
      this.qp = qp;
      this.kLo = kLo;
      this.kHi = kHi;
    }

    /**
     * The objective at (m, σ); when it is provably ≥ {@code threshold} (the inner QP's unconstrained minimum is
     * infeasible and already above it) that lower bound instead, see {@link #lastExact()}.
     */
    double value(double m, double sigma, boolean penalised, double threshold) {
      evaluations++;
      double sse = qp.solve(m, sigma, x, threshold);
      lastExact = qp.lastExact();
      if (!lastExact || !penalised || !Double.isFinite(sse)) {
        return sse;
      }
      double g = minG(m, sigma, x);
      return g < REPAIR_MARGIN ? sse + PENALTY * Math.min(REPAIR_MARGIN - g, 1e6) : sse;
    }

    /** True when the last {@link #value} was exact, not a lower bound. */
    boolean lastExact() {
      return lastExact;
    }

    /**
     * Smallest Durrleman g of the smile (m, σ, scaled x) on the check grid ({@value #REPORT_POINTS} points over
     * the check range, the grid of the final report) and on {@value #PENALTY_POINTS_Y} points over m ± 8σ.
     */
    double minG(double m, double sigma, double[] xs) {
      double s = qp.scale();
      double a = s * xs[0];
      double c = Math.max(s * xs[2], 0.0);
      double d = s * xs[1];
      double b = c / sigma;
      double rho = c > 0 ? d / c : 0.0;
      double min = Double.POSITIVE_INFINITY;
      double step = (kHi - kLo) / (REPORT_POINTS - 1);
      for (int i = 0; i < REPORT_POINTS; i++) {
        double k = i == REPORT_POINTS - 1 ? kHi : kLo + i * step;
        min = Math.min(min, SviParameters.durrleman(a, b, rho, m, sigma, k));
      }
      for (int i = 0; i < PENALTY_POINTS_Y; i++) {
        double k = m + sigma * (-8.0 + 16.0 * i / (PENALTY_POINTS_Y - 1));
        min = Math.min(min, SviParameters.durrleman(a, b, rho, m, sigma, k));
      }
      return min;
    }

    /** The SVI parameters of the scaled QP solution, cleaned of rounding at the constraint boundaries. */
    SviParameters params(double m, double sigma, double[] xs) {
      double s = qp.scale();
      double c = Math.max(s * xs[2], 0.0);
      double d = Math.max(-RHO_MAX * c, Math.min(RHO_MAX * c, s * xs[1]));
      return SviParameters.fromQuasiExplicit(s * xs[0], c == 0 ? 0.0 : d, c, m, sigma);
    }
  }
}
