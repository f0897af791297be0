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
 * <h2>Objective and weights: errors in units of the quote's spread</h2>
 * Minimises {@code Σ ω_i (σ_fit(k_i) − σ_i)²} over the quotes, with the vol residual taken to first order in
 * total variance, {@code σ_fit − σ ≈ (w_fit − w)/(2σ·t)}, which makes the problem linear in three of the five
 * parameters. The weight is {@code ω_i = 1/u_i²} with {@code u_i} the quote's half bid/ask width in implied
 * volatility, so each term is the squared error in units of the quote's own half-spread: to first order the price
 * error over the half-spread in price. So a tight book counts more than a wide one, and a mark inside its spread
 * costs little wherever it is:
 * <ul>
 *   <li>two-sided quotes: {@code u_i = h_i/ν_i}, {@code h_i} the half-spread in price (the undiscounted Black-76
 *       prices of the bid and ask implied volatilities, per unit forward) — near the money {@code (ask − bid)/2};
 *       far out of the money, where price is convex in volatility, much wider;</li>
 *   <li>no book: the median half-width {@code ū} of the two-sided quotes, widened as the quote's vega falls below
 *       their median vega {@code ν̄}: {@code u_i = ū·sqrt(ν̄/ν_i)}; the square root is what Deribit's books show
 *       (the log of the bid/ask width against the log of vega has slope −0.26 on the BTC chain of 2020-05-21 and
 *       −0.52 on the ETH chain of 2024-05-03). When no quote is two-sided, {@code ω_i ∝ ν_i};</li>
 *   <li>one side only: the larger of that and the side's distance in price from the quote over {@code ν_i} (a lone
 *       ask at Deribit's 500% cap says nothing about the mark's precision).</li>
 * </ul>
 * Here {@code ν_i = sqrt(t)·φ(d₁)} is the Black-76 vega per unit forward at the smile's volatility, not at the
 * quote's own: a far-wing mark at a price floor has an implied volatility, and so a vega, many times the smile's
 * there, and must not earn weight from it. The first fit takes the vegas at the at-the-money volatility (that of
 * the quote nearest the money); then they are taken at the fitted smile and the fit repeated (a Nelder–Mead from the
 * optimum) until no weight moves by more than {@value #REWEIGHT_TOLERANCE}×, at most {@value #MAX_REWEIGHT_ROUNDS}
 * times. A short expiry's far wings — a tick or less of price, whose implied volatilities jump by tens of vol points
 * from one tick to the next — thus weigh little, instead of bending the smile where prices are made. Half-widths are
 * floored at {@value #WIDTH_FLOOR_FRACTION} of the median (no single very tight book takes the fit over) and at half of
 * {@value #MIN_BID_ASK_WIDTH}; weights are floored at {@value #WEIGHT_FLOOR} of the largest, for numerical safety only.
 * The quality of the fit is reported the same way: a vega-weighted RMSE and the price errors in half-spreads
 * ({@link FitQuality}).
 *
 * <h2>Method (quasi-explicit, Zeliade / De Marco–Martini)</h2>
 * For fixed {@code (m, σ)} the parameters {@code (a, d = ρbσ, c = bσ)} solve a weighted linear least-squares
 * problem on a polyhedron — a convex QP in three variables, solved exactly ({@link QuasiExplicitQp}: closed form
 * when unconstrained, a dual active-set projection otherwise). The constraints are: {@code |ρ| ≤ }{@value #RHO_MAX};
 * Roger Lee's bound {@code b(1 + |ρ|) ≤ 2} on both wing slopes; a minimum volatility of {@value #MIN_VOLATILITY}
 * ({@code min_k w ≥ MIN_VOLATILITY²·t}); and, inside a surface fit, the calendar bound of the neighbouring expiry (see
 * {@link SviSurfaceFitter}). The outer search over {@code (m, ln σ)} is deterministic: a {@value #GRID_M}×
 * {@value #GRID_SIGMA} grid over {@code m ∈ [k_lo − span, k_hi + span]}, {@code σ ∈ [σ_lo, max(2·span, 10·σ_lo)]}
 * (span = quoted range of k), then a bounded 2-D Nelder–Mead from the best grid point and from the best one not
 * adjacent to it; the better result is kept. Both run in {@code u = asinh(m/sqrt(w_atm))} rather than m
 * ({@code w_atm} the total variance of the quote nearest the money): uniform in m on long expiries, dense within a
 * few standard deviations of the money on short ones, whose smiles are a few hundredths of k wide inside a quoted
 * range of tenths. The lower bound {@code σ_lo = max(span/200, }{@value #SIGMA_MIN_ATM_SD}{@code ·sqrt(w_atm))}
 * ties the vertex to the at-the-money total standard deviation: a vertex narrower than half a standard deviation is
 * a spike in the risk-neutral density that the quotes — a strike apart — cannot support, and on noisy long-dated
 * marks (Deribit's ETH of 2026-02-05, marks alternating by ±2 vol points) the unbounded fit turned into such a V,
 * whose flat wings then capped every shorter expiry through the calendar constraint. After a quote is set aside,
 * or the weights move, the refit starts the Nelder–Mead from the previous optimum (no grid). Points where the inner
 * QP's unconstrained minimum is infeasible and already worse than what the search needs to know are not solved exactly
 * (their lower bound decides the same way), which keeps the number of constrained QPs small without changing the
 * result.
 *
 * <h2>Butterfly arbitrage</h2>
 * After the least-squares fit, Durrleman's g(k) is evaluated on the check grid: {@value #REPORT_POINTS} points over
 * {@code [k_lo − 2·span, k_hi + 2·span]} plus {@value #PENALTY_POINTS_Y} points over {@code m ± 8σ}. If it is
 * negative anywhere, the search is redone with the exact penalty {@code λ·max(0, ε − min g)} ({@code λ} =
 * {@value #PENALTY}, far above the squared errors; margin {@code ε} = {@value #REPAIR_MARGIN}, so that g stays
 * positive between grid points too) added to the objective, which steers (m, σ) to where the inner least-squares
 * smile is free of arbitrage; the fit is flagged {@link SviFit#butterflyRepaired()}. The penalised search screens g
 * on {@value #SCREEN_POINTS} instead of {@value #REPORT_POINTS} points of the check range (ten times cheaper); when
 * the check grid still finds arbitrage at its optimum, the search is redone on the check grid itself. The final
 * smile is checked on the same uniform grid and the result reported in {@link SviFit#butterfly()} — if the
 * penalised search found no arbitrage-free smile, the report says so; nothing is hidden. Lee's bounds hold by
 * construction.
 *
 * <h2>Quotes set aside</h2>
 * With outlier rejection on (the default), two kinds of quote are set aside, each with its reason:
 * <ol>
 *   <li>before the fit, a quote whose volatility lies outside the book of its strike by more than the minimum
 *       outlier residual — its own bid/ask implied volatilities, tightened by those of the other option of the same
 *       strike (a call and a put of one strike share one implied volatility): a mark below the bid or above the ask
 *       was not made from the book it is quoted with (stale, or stitched from another instant), and the book is the
 *       better evidence — unless fewer than {@value #MIN_QUOTES} distinct strikes would remain;</li>
 *   <li>after each fit, outliers: the residuals are standardised by the weights, {@code z_i = r_i·sqrt(ω_i)},
 *       and compared with {@code cutoff × 1.4826 × MAD} (MAD = the ω-weighted median absolute deviation from the
 *       weighted median, so that quotes carrying no weight neither become outliers nor shrink the scale). Among the
 *       quotes beyond it whose residual also exceeds {@code minResidual} and, for a quote with a book (when the
 *       smile has two-sided quotes), its own half-width {@code u_i} — except those whose fitted vol lies within
 *       their own bid/ask implied volatilities — the worst is set aside and the smile refitted (a quote weighed lightly
 *       because its book is wide is not then rejected for missing by less than that width: with few heavily weighted
 *       quotes the robust scale itself is near 0); this repeats until no quote is beyond the threshold, or
 *       {@code maxRejectedFraction} of the quotes have been set aside as outliers, or fewer than
 *       {@value #MIN_QUOTES} distinct strikes would remain. Removing one quote at a time avoids masking (one gross
 *       outlier inflating the residuals of good quotes).</li>
 * </ol>
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
  /**
   * Floor on a quote's weight relative to the largest weight of its smile: numerical safety only (a smile whose
   * weight sits on a handful of quotes stays a well-posed least-squares problem); far below what moves a fit.
   */
  public static final double WEIGHT_FLOOR = 1e-8;
  /**
   * Floor on a quote's bid/ask half-width in the weights, as a fraction of the smile's median half-width: a mark is
   * not trusted more than twice as much as the typical quote, so one very tight book cannot take the fit over.
   */
  public static final double WIDTH_FLOOR_FRACTION = 0.5;

  /**
   * The default fitter: outliers beyond 4 robust standard deviations and 1 vol point, at most 20% of a smile's
   * quotes set aside as outliers; quotes outside their own bid/ask by more than 1 vol point set aside first.
   */
  public static final SviFitter DEFAULT = new SviFitter(4.0, 0.01, 0.2);

  /**
   * Lower bound on σ in units of the market's at-the-money total standard deviation {@code sqrt(w_atm)} (see the
   * class javadoc).
   */
  static final double SIGMA_MIN_ATM_SD = 0.5;
  /** Rounds of reweighting at the fitted smile after each fit; each is a Nelder–Mead from the optimum. */
  static final int MAX_REWEIGHT_ROUNDS = 4;
  /** A weight that moves by more than this factor in a reweighting round triggers a refit. */
  static final double REWEIGHT_TOLERANCE = 1.5;
  /** Log-moneyness within which two quotes are of the same strike (their forwards differ by rounding). */
  static final double SAME_STRIKE = 1e-4;
  static final int GRID_M = 12;
  static final int GRID_SIGMA = 8;
  static final int REPORT_POINTS = 4001;
  static final int PENALTY_POINTS_Y = 201;
  static final int SCREEN_POINTS = 401;
  static final double REPAIR_MARGIN = 1e-5;
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
   * @param cutoff weighted residuals beyond {@code cutoff} robust standard deviations are outliers, &gt; 0
   * @param minResidual ... when also beyond this many vol (fraction: 0.01 = 1 vol point), ≥ 0; a quote outside
   *     its own bid/ask implied volatilities by more than this is set aside before the fit
   * @param maxRejectedFraction at most this fraction of a smile's quotes is set aside as outliers, in [0, 1)
   */
  public SviFitter withOutlierRejection(double cutoff, double minResidual, double maxRejectedFraction) {
    ArgChecker.positive(cutoff, "outlier cutoff");
    ArgChecker.notNegative(minResidual, "minimum outlier residual");
    ArgChecker.isTrue(maxRejectedFraction >= 0 && maxRejectedFraction < 1,
        "maxRejectedFraction must be in [0, 1), got " + maxRejectedFraction);
    return new SviFitter(cutoff, minResidual, maxRejectedFraction);
  }

  /** A fitter that uses every quote (no outlier rejection, no quote set aside for lying outside its book). */
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
    Weights weights = Weights.of(t, q);
    double[] k = weights.k;
    double[] iv = weights.iv;
    double[] omega = weights.omega;
    boolean[] active = new boolean[n];
    Arrays.fill(active, true);
    int distinct = distinctCount(k, active);
    if (distinct < MIN_QUOTES) {
      throw new NetgammaException(String.format(Locale.ROOT,
          "an SVI fit needs quotes at %d or more distinct strikes, the smile of t=%.6f has %d (of %d quotes)",
          MIN_QUOTES, t, distinct, n));
    }
    String[] offBook = screenBook(q, active, k);
    List<Outlier> outliers = new ArrayList<>();
    int maxRejected = (int) Math.floor(maxRejectedFraction * n);
    Search search;
    int evaluations = 0;
    double[] start = null;
    double[] weight = omega; // updated in place as the reference smile moves to the fit
    while (true) {
      search = fitActive(t, k, iv, weight, active, bound, start);
      start = search.start;
      evaluations += search.evaluations;
      for (int round = 0; round < MAX_REWEIGHT_ROUNDS && weights.update(search.params); round++) {
        search = fitActive(t, k, iv, weight, active, bound, start);
        start = search.start;
        evaluations += search.evaluations;
      }
      if (outliers.size() >= maxRejected) {
        break;
      }
      Outlier worst = worstOutlier(t, q, k, iv, weight, weights.absolute, active, search.params, bound != null);
      if (worst == null) {
        break;
      }
      int index = worst.index();
      active[index] = false;
      if (distinctCount(k, active) < MIN_QUOTES) {
        active[index] = true;
        break;
      }
      outliers.add(worst);
    }
    SviParameters p = search.params;
    List<RejectedQuote> rejected = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (offBook[i] != null) {
        rejected.add(new RejectedQuote(q[i], p.volatility(k[i], t) - iv[i], offBook[i]));
      }
    }
    for (Outlier o : outliers) {
      rejected.add(o.rejected());
    }
    List<SmileQuote> used = new ArrayList<>();
    double wsum2 = 0;
    double wsum = 0;
    for (int i = 0; i < n; i++) {
      if (active[i]) {
        used.add(q[i]);
        double e = p.volatility(k[i], t) - iv[i];
        wsum2 += weight[i] * e * e;
        wsum += weight[i];
      }
    }
    FitQuality quality = quality(t, p, q, weights, active);
    double[] range = checkRange(k, active);
    ButterflyReport butterfly = p.butterflyReport(range[0], range[1], REPORT_POINTS);
    return new SviFit(t, p, quality.vegaRmseVolPoints(), 100 * Math.sqrt(wsum2 / wsum),
        quality.maxAbsErrorVolPoints(), used, rejected, butterfly, search.repaired, bound != null, evaluations,
        quality);
  }

  /**
   * The quotes of a smile as the fit weighs them: log-moneyness, volatility, Black-76 vega per unit forward at the
   * quote's own volatility (for {@link FitQuality}), the half bid/ask spread in price (NaN unless two-sided), the
   * half-width of the book in price (the half-spread, or a lone side's distance from the quote; NaN without a book),
   * and the weights ω (see the class javadoc) for a reference smile: flat at the at-the-money volatility before the
   * first fit, the fitted smile after it.
   */
  static final class Weights {
    final double t;
    final SmileQuote[] q;
    final double[] k;
    final double[] iv;
    final double[] vega;
    final double[] halfSpread;
    final double[] side;
    final double[] omega;
    final double atmVol;
    /** True when some quote is two-sided: the half-widths are then in volatility, not only relative. */
    boolean absolute;
    private final double[] refVega;

    private Weights(double t, SmileQuote[] q) {
      int n = q.length;
      this.t = t;
      this.q = q;
      k = new double[n];
      iv = new double[n];
      vega = new double[n];
      halfSpread = new double[n];
      side = new double[n];
      omega = new double[n];
      refVega = new double[n];
      double sqrtT = Math.sqrt(t);
      double nearest = Double.POSITIVE_INFINITY;
      for (SmileQuote s : q) {
        nearest = Math.min(nearest, Math.abs(s.logMoneyness()));
      }
      double atmSum = 0;
      int atmCount = 0;
      for (int i = 0; i < n; i++) {
        k[i] = q[i].logMoneyness();
        iv[i] = q[i].iv();
        if (Math.abs(k[i]) == nearest) {
          atmSum += iv[i];
          atmCount++;
        }
        vega[i] = blackVega(k[i], iv[i] * sqrtT, sqrtT);
        halfSpread[i] = Double.NaN;
        side[i] = Double.NaN;
        double bid = q[i].bidIv();
        double ask = q[i].askIv();
        if (q[i].hasBidAsk()) {
          double ceiling = Math.max(ask, bid + MIN_BID_ASK_WIDTH);
          halfSpread[i] = Math.max(0.5 * (otmPrice(k[i], ceiling * sqrtT) - otmPrice(k[i], bid * sqrtT)),
              0.5 * vega[i] * MIN_BID_ASK_WIDTH);
          side[i] = halfSpread[i];
        } else if (!Double.isNaN(bid) || !Double.isNaN(ask)) {
          // one side: its distance in price from the quote
          side[i] = Math.abs(otmPrice(k[i], (Double.isNaN(ask) ? bid : ask) * sqrtT) - otmPrice(k[i], iv[i] * sqrtT));
        }
      }
      atmVol = atmSum / atmCount;
    }

    /** The weights of quotes q for the flat at-the-money reference (before any fit). */
    static Weights of(double t, SmileQuote[] q) {
      Weights w = new Weights(t, q);
      double[] flat = new double[q.length];
      Arrays.fill(flat, w.atmVol);
      w.update(flat);
      return w;
    }

    /**
     * Recomputes ω for reference volatilities {@code ref} (one per quote); returns the largest factor by which a
     * weight moved.
     */
    double update(double[] ref) {
      int n = q.length;
      double sqrtT = Math.sqrt(t);
      double[] known = new double[n];
      double[] knownVega = new double[n];
      int count = 0;
      double vegaMax = 0;
      for (int i = 0; i < n; i++) {
        refVega[i] = blackVega(k[i], ref[i] * sqrtT, sqrtT);
        vegaMax = Math.max(vegaMax, refVega[i]);
        if (q[i].hasBidAsk() && refVega[i] > 0) {
          known[count] = side[i] / refVega[i];
          knownVega[count++] = refVega[i];
        }
      }
      // without a two-sided book: the typical half-width of the two-sided quotes at their typical vega, widened as
      // the quote's vega falls (u ∝ 1/sqrt(ν), see the class javadoc); a one-sided quote is no more precise than
      // that; when no quote is two-sided, only the shape matters (and lone sides, without a scale, are ignored)
      absolute = count > 0;
      double typical = count > 0 ? median(known, count) : 1.0;
      double typicalVega = count > 0 ? median(knownVega, count) : vegaMax;
      double floor = Math.max(0.5 * MIN_BID_ASK_WIDTH, count > 0 ? WIDTH_FLOOR_FRACTION * typical : 0.0);
      double omegaMax = 0;
      double[] next = new double[n];
      for (int i = 0; i < n; i++) {
        // the book's half-spread in price, in volatility at the reference smile's vega
        double fromBook = Double.isNaN(side[i]) ? Double.NaN
            : refVega[i] > 0 ? side[i] / refVega[i] : Double.POSITIVE_INFINITY;
        double u;
        if (q[i].hasBidAsk()) {
          u = fromBook;
        } else {
          u = refVega[i] > 0 ? typical * Math.sqrt(typicalVega / refVega[i]) : Double.POSITIVE_INFINITY;
          if (!Double.isNaN(fromBook) && count > 0) {
            u = Math.max(u, fromBook);
          }
        }
        u = Math.max(u, floor);
        next[i] = 1.0 / (u * u);
        omegaMax = Math.max(omegaMax, next[i]);
      }
      double moved = 1.0;
      for (int i = 0; i < n; i++) {
        next[i] = Math.max(next[i], WEIGHT_FLOOR * omegaMax);
        if (omega[i] > 0) {
          moved = Math.max(moved, Math.max(next[i] / omega[i], omega[i] / next[i]));
        }
        omega[i] = next[i];
      }
      return moved;
    }

    /**
     * The weights for the fitted smile p (its volatility at each quote); true when a weight moved by more than
     * {@value #REWEIGHT_TOLERANCE}× (the caller refits).
     */
    boolean update(SviParameters p) {
      double[] ref = new double[q.length];
      for (int i = 0; i < ref.length; i++) {
        ref[i] = p.volatility(k[i], t);
      }
      return update(ref) > REWEIGHT_TOLERANCE;
    }
  }

  /** Black-76 vega per unit forward and unit volatility, {@code sqrt(t)·φ(d₁)}, for total deviation s. */
  private static double blackVega(double k, double s, double sqrtT) {
    return s > 0 ? sqrtT * Normal.pdf(-k / s + 0.5 * s) : 0.0;
  }

  /**
   * The undiscounted Black-76 price, per unit forward, of the out-of-the-money option at log-moneyness k (the put
   * for k &lt; 0, the call otherwise) with total standard deviation {@code s = σ·sqrt(t)}.
   */
  static double otmPrice(double k, double s) {
    if (!(s > 0)) {
      return 0.0;
    }
    double d1 = -k / s + 0.5 * s;
    double d2 = d1 - s;
    return k >= 0 ? Normal.cdf(d1) - Math.exp(k) * Normal.cdf(d2) : Math.exp(k) * Normal.cdf(-d2) - Normal.cdf(-d1);
  }

  /** The fit's errors over the active quotes (see {@link FitQuality}). */
  private static FitQuality quality(double t, SviParameters p, SmileQuote[] q, Weights weights, boolean[] active) {
    double sqrtT = Math.sqrt(t);
    int quotes = 0;
    double sum2 = 0;
    double vsum2 = 0;
    double vsum = 0;
    double maxAbs = 0;
    int withBook = 0;
    int inside = 0;
    int twoSided = 0;
    double spread2 = 0;
    double spreadMax = 0;
    for (int i = 0; i < q.length; i++) {
      if (!active[i]) {
        continue;
      }
      quotes++;
      double k = weights.k[i];
      double fitted = p.volatility(k, t);
      double e = fitted - weights.iv[i];
      sum2 += e * e;
      vsum2 += weights.vega[i] * e * e;
      vsum += weights.vega[i];
      maxAbs = Math.max(maxAbs, Math.abs(e));
      boolean bid = !Double.isNaN(q[i].bidIv());
      boolean ask = !Double.isNaN(q[i].askIv());
      if (bid || ask) {
        withBook++;
        if ((!bid || fitted >= q[i].bidIv()) && (!ask || fitted <= q[i].askIv())) {
          inside++;
        }
      }
      if (!Double.isNaN(weights.halfSpread[i])) {
        twoSided++;
        double error = Math.abs(otmPrice(k, fitted * sqrtT) - otmPrice(k, weights.iv[i] * sqrtT));
        double ratio = error > 0 ? error / weights.halfSpread[i] : 0.0;
        spread2 += ratio * ratio;
        spreadMax = Math.max(spreadMax, ratio);
      }
    }
    double vegaRmse = vsum > 0 ? Math.sqrt(vsum2 / vsum) : Math.sqrt(sum2 / quotes);
    return new FitQuality(quotes, 100 * vegaRmse, 100 * Math.sqrt(sum2 / quotes), 100 * maxAbs, withBook, inside,
        twoSided, twoSided == 0 ? 0.0 : Math.sqrt(spread2 / twoSided), spreadMax);
  }

  /**
   * Sets aside, before any fit, the quotes whose volatility lies outside their own bid/ask implied volatilities by
   * more than the minimum outlier residual (a mark below the bid or above the ask was not made from the book it is
   * quoted with: stale, or stitched from another instant); only with outlier rejection on, and only when at least
   * {@value #MIN_QUOTES} distinct strikes remain. Returns the quotes set aside (and clears them in {@code active}).
   */
  private String[] screenBook(SmileQuote[] q, boolean[] active, double[] k) {
    String[] off = new String[q.length];
    if (outlierCutoff == Double.POSITIVE_INFINITY) {
      return off;
    }
    boolean any = false;
    for (int i = 0; i < q.length; i++) {
      off[i] = offBook(q, i);
      any |= off[i] != null;
    }
    if (!any) {
      return off;
    }
    for (int i = 0; i < q.length; i++) {
      active[i] = off[i] == null;
    }
    if (distinctCount(k, active) < MIN_QUOTES) {
      Arrays.fill(active, true);
      Arrays.fill(off, null);
    }
    return off;
  }

  /**
   * Why quote i lies outside the book of its strike, or null: its own bid/ask implied volatilities, or, when the
   * other option of the same strike (log-moneyness within {@value #SAME_STRIKE}) has a tighter side, that side —
   * a call and a put of one strike and forward have one implied volatility (put–call parity). Crossed sides of the
   * two options (one's bid above the other's ask) are not combined.
   */
  private String offBook(SmileQuote[] q, int i) {
    double bid = q[i].bidIv();
    double ask = q[i].askIv();
    String bidFrom = null;
    String askFrom = null;
    for (int j = 0; j < q.length; j++) {
      if (j == i || Math.abs(q[j].logMoneyness() - q[i].logMoneyness()) > SAME_STRIKE) {
        continue;
      }
      double b = q[j].bidIv();
      double a = q[j].askIv();
      boolean crossed = (!Double.isNaN(b) && !Double.isNaN(ask) && b > ask)
          || (!Double.isNaN(a) && !Double.isNaN(bid) && a < bid);
      if (crossed) {
        continue;
      }
      if (!Double.isNaN(b) && (Double.isNaN(bid) || b > bid)) {
        bid = b;
        bidFrom = q[j].label();
      }
      if (!Double.isNaN(a) && (Double.isNaN(ask) || a < ask)) {
        ask = a;
        askFrom = q[j].label();
      }
    }
    boolean below = !Double.isNaN(bid) && q[i].iv() < bid - minOutlierResidual;
    boolean above = !Double.isNaN(ask) && q[i].iv() > ask + minOutlierResidual;
    if (!below && !above) {
      return null;
    }
    String from = below ? bidFrom : askFrom;
    String whose = from == null ? "its own bid/ask implied volatilities" : "the bid/ask implied volatilities of its "
        + "strike (the " + (below ? "bid" : "ask") + " of " + from + ", the same strike's other option)";
    return String.format(Locale.ROOT, "quoted volatility %.3f%% is outside %s [%s, %s] by more than %.3f vol "
        + "points: the mark does not agree with the book", 100 * q[i].iv(), whose,
        Double.isNaN(bid) ? "no bid" : String.format(Locale.ROOT, "%.3f%%", 100 * bid),
        Double.isNaN(ask) ? "no ask" : String.format(Locale.ROOT, "%.3f%%", 100 * ask), 100 * minOutlierResidual);
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

  /**
   * The quote to set aside next with its reason, or null. Residuals are standardised by the fit's weights,
   * {@code z_i = r_i·sqrt(ω_i)}, and their robust scale is the ω-weighted median absolute deviation, so quotes that
   * carry no weight (far wings worth a tick) neither become outliers nor shrink the scale.
   */
  private Outlier worstOutlier(double t, SmileQuote[] q, double[] k, double[] iv, double[] omega, boolean absolute,
      boolean[] active, SviParameters p, boolean calendarConstrained) {
    int n = q.length;
    double[] residual = new double[n];
    double[] z = new double[n];
    double[] w = new double[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (active[i]) {
        residual[i] = p.volatility(k[i], t) - iv[i];
        z[m] = residual[i] * Math.sqrt(omega[i]);
        w[m++] = omega[i];
      }
    }
    double center = weightedMedian(z, w, m);
    double[] dev = new double[m];
    for (int i = 0; i < m; i++) {
      dev[i] = Math.abs(z[i] - center);
    }
    double scale = MAD_TO_SIGMA * weightedMedian(dev, w, m);
    if (!(scale > 0)) {
      return null; // the residuals that carry weight are all equal: nothing to measure an outlier against
    }
    int worst = -1;
    double worstZ = 0;
    for (int i = 0; i < n; i++) {
      // never an outlier: a residual below the minimum, or, for a quote with a book, within its own half-width
      boolean hasBook = !Double.isNaN(q[i].bidIv()) || !Double.isNaN(q[i].askIv());
      if (!active[i] || Math.abs(residual[i]) <= minOutlierResidual
          || (absolute && hasBook && Math.abs(residual[i]) * Math.sqrt(omega[i]) <= 1.0)) {
        continue;
      }
      double zi = Math.abs(residual[i] * Math.sqrt(omega[i]) - center);
      if (zi > outlierCutoff * scale && zi > worstZ) {
        double fitted = iv[i] + residual[i];
        boolean insideBidAsk = q[i].hasBidAsk() && fitted >= q[i].bidIv() && fitted <= q[i].askIv();
        if (!insideBidAsk) {
          worst = i;
          worstZ = zi;
        }
      }
    }
    if (worst < 0) {
      return null;
    }
    return new Outlier(worst, new RejectedQuote(q[worst], residual[worst], String.format(Locale.ROOT,
        "residual %+.3f vol points (fitted %.3f%%, quoted %.3f%%) is %.1f robust standard deviations of the "
            + "weighted residuals from their centre (robust scale %.3g), beyond %.1f, and beyond %.3f vol points",
        100 * residual[worst], 100 * (iv[worst] + residual[worst]), 100 * iv[worst], worstZ / scale, scale,
        outlierCutoff, 100 * minOutlierResidual)
        + (calendarConstrained ? "; the fit is calendar-constrained by a neighbouring expiry" : "")));
  }

  /** The median of v[0..m) with weights w (the smallest value at which the cumulative weight reaches half). */
  private static double weightedMedian(double[] v, double[] w, int m) {
    Integer[] order = new Integer[m];
    double total = 0;
    for (int i = 0; i < m; i++) {
      order[i] = i;
      total += w[i];
    }
    Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
    double half = 0.5 * total;
    double cumulative = 0;
    for (int i = 0; i < m; i++) {
      cumulative += w[order[i]];
      if (cumulative >= half) {
        // between two values when the half falls exactly on a boundary
        if (cumulative == half && i + 1 < m) {
          return 0.5 * (v[order[i]] + v[order[i + 1]]);
        }
        return v[order[i]];
      }
    }
    return v[order[m - 1]];
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
    double mScale = Math.sqrt(atmVariance(k, w, n));
    double lsLo = Math.log(Math.max(span / 200, SIGMA_MIN_ATM_SD * mScale));
    double lsHi = Math.max(Math.log(2 * span), lsLo + Math.log(10));
    double[] best = search(profile, false, mLo, mHi, lsLo, lsHi, start, mScale);
    int evaluations = profile.evaluations;
    boolean repaired = false;
    double[] x = new double[3];
    double sigma = Math.exp(best[1]);
    if (Double.isFinite(qp.solve(best[0], sigma, x)) && profile.minG(best[0], sigma, x, REPORT_POINTS) < 0) {
      // the penalised search screens g on a coarse grid; when the dense grid still finds arbitrage at its
      // optimum, it is redone on the dense grid
      repaired = true;
      profile.gridPoints = SCREEN_POINTS;
      best = search(profile, true, mLo, mHi, lsLo, lsHi, start, mScale);
      sigma = Math.exp(best[1]);
      if (Double.isFinite(qp.solve(best[0], sigma, x)) && profile.minG(best[0], sigma, x, REPORT_POINTS) < 0) {
        profile.gridPoints = REPORT_POINTS;
        best = search(profile, true, mLo, mHi, lsLo, lsHi, start, mScale);
        sigma = Math.exp(best[1]);
      }
      evaluations = profile.evaluations;
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
   * The market's at-the-money total variance, for the scale of σ: that of the quote nearest k = 0 (the mean of the
   * quotes at that distance).
   */
  private static double atmVariance(double[] k, double[] w, int n) {
    double nearest = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      nearest = Math.min(nearest, Math.abs(k[i]));
    }
    double sum = 0;
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (Math.abs(k[i]) == nearest) {
        sum += w[i];
        count++;
      }
    }
    return sum / count;
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
   * Grid then Nelder–Mead over (u, ln σ) with {@code m = mScale·sinh(u)}; returns {m, ln σ} of the best point found.
   * With a start (the optimum before the last refit) only a Nelder–Mead from there, with a simplex of one grid cell.
   */
  private static double[] search(Profile profile, boolean penalised, double mLoM, double mHiM, double lsLo,
      double lsHi, double[] start, double mScale) {
    // the search runs in u = asinh(m / mScale): uniform in m on long expiries, dense near the money on short ones
    NelderMead2.Objective f = (u, ls, threshold) -> profile.value(mScale * Math.sinh(u), Math.exp(ls), penalised,
        threshold);
    double mLo = asinh(mLoM / mScale);
    double mHi = asinh(mHiM / mScale);
    double[] best = searchU(f, profile, mLo, mHi, lsLo, lsHi, start == null ? null
        : new double[] {asinh(start[0] / mScale), start[1]});
    best[0] = mScale * Math.sinh(best[0]);
    return best;
  }

  private static double asinh(double x) {
    return Math.copySign(Math.log(Math.abs(x) + Math.sqrt(x * x + 1.0)), x);
  }

  private static double[] searchU(NelderMead2.Objective f, Profile profile, double mLo, double mHi, double lsLo,
      double lsHi, double[] start) {
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

    /** Points of the uniform part of the grid on which the penalty screens g (see {@link #minG}). */
    int gridPoints = REPORT_POINTS;

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
      if (sse >= threshold) {
        lastExact = false; // the penalty only adds: the squared error is already a lower bound ≥ threshold
        return sse;
      }
      double g = minG(m, sigma, x, gridPoints);
      return g < REPAIR_MARGIN ? sse + PENALTY * Math.min(REPAIR_MARGIN - g, 1e6) : sse;
    }

    /** True when the last {@link #value} was exact, not a lower bound. */
    boolean lastExact() {
      return lastExact;
    }

    /**
     * Smallest Durrleman g of the smile (m, σ, scaled x) on {@code points} equally spaced points of the check range
     * ({@value #REPORT_POINTS}: the grid of the final report; {@value #SCREEN_POINTS}: the screen of the penalised
     * search) and on {@value #PENALTY_POINTS_Y} points over m ± 8σ.
     */
    double minG(double m, double sigma, double[] xs, int points) {
      double s = qp.scale();
      double a = s * xs[0];
      double c = Math.max(s * xs[2], 0.0);
      double d = s * xs[1];
      double b = c / sigma;
      double rho = c > 0 ? d / c : 0.0;
      double min = Double.POSITIVE_INFINITY;
      double step = (kHi - kLo) / (points - 1);
      for (int i = 0; i < points; i++) {
        double k = i == points - 1 ? kHi : kLo + i * step;
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
