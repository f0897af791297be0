package io.netgamma.core.market.surface;

import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.convex.ConvexSolver;

/**
 * The inner problem of the quasi-explicit SVI fit (Zeliade Systems, "Quasi-explicit calibration of Gatheral's SVI
 * model", 2009; De Marco &amp; Martini): for a fixed {@code (m, σ)} and {@code y = (k − m)/σ}, raw SVI is linear in
 * {@code x = (a, d, c)}: {@code w = a + d·y + c·sqrt(y² + 1)} with {@code c = bσ}, {@code d = ρbσ}. The weighted
 * least-squares fit of total variance is then a convex QP in three variables on a polyhedron:
 * <ul>
 *   <li>skew: {@code |d| ≤ ρ_max·c} (so {@code |ρ| ≤ ρ_max < 1} and {@code c ≥ 0});</li>
 *   <li>Roger Lee: {@code c + |d| ≤ 2σ} (both wing slopes {@code b(1 ± ρ) ≤ 2});</li>
 *   <li>minimum variance: {@code a + c·sqrt(1 − ρ²) ≥ w_min}, imposed as the linear inner approximation
 *       {@code a + α_j·c + β_j·d ≥ w_min} for the chords {@code α_j + β_j ρ} of the concave
 *       {@code sqrt(1 − ρ²)} between the nodes {@link #CHORD_NODES} (exact at the nodes, conservative between);</li>
 *   <li>optionally a calendar bound against a neighbouring expiry's smile {@code w_o}: {@code w(k_j) ≥ w_o(k_j)}
 *       (a floor: w_o is an earlier expiry) or {@code w(k_j) ≤ w_o(k_j)} (a ceiling: w_o is a later expiry) on a grid
 *       of k, and both wing slopes at least (floor) or at most (ceiling) those of w_o.</li>
 * </ul>
 * Variables are scaled by the mean market total variance {@code s} so the QP is well conditioned at every expiry.
 *
 * <p>Solution: the unconstrained minimiser (3×3 normal equations, Cholesky) is taken when it satisfies every
 * constraint — for a convex QP it is then the constrained optimum; otherwise ojAlgo's {@link ConvexSolver}
 * (active set) solves the constrained problem, fed only the rows that matter (constraint generation, see
 * {@link #solveConstrained}). When the caller only needs to know whether the optimum is below a
 * threshold and the unconstrained minimum — a lower bound of the constrained one — is already above it, that lower
 * bound is returned and ojAlgo is not called ({@link #solve(double, double, double[], double)}). A ridge of
 * {@code 1e-12·trace} on the normal matrix keeps the problem well-posed when the basis functions are nearly
 * collinear (σ very small or very large against the quoted range); it is part of the objective.
 *
 * <p>Not thread-safe: holds scratch arrays; one instance per fit.
 */
final class QuasiExplicitQp {

  /** Nodes (ρ values) of the chord approximation of {@code sqrt(1 − ρ²)}; the outermost are ±ρ_max. */
  static final double[] CHORD_NODES = {0.0, 0.3, 0.55, 0.75, 0.88, 0.95, 0.985};

  private static final double RIDGE = 1e-12;
  /** Active-set iterations after which a QP counts as unsolved (a 3-variable QP needs a handful). */
  private static final int MAX_QP_ITERATIONS = 200;
  /** Relative margin kept from the Lee and calendar constraints so that rounding in the QP cannot breach them. */
  private static final double MARGIN = 1e-9;

  private final int n;
  private final double[] k;
  private final double[] target;
  private final double[] weight;
  private final double scale;
  private final double rhoMax;
  private final double minVarianceHat;
  private final double[] chordAlpha;
  private final double[] chordBeta;
  private final SviParameters bound;
  /** +1: the fit must lie on or above {@code bound} (floor); −1: on or below it (ceiling). */
  private final double sign;
  private double[] boundK;
  private double[] boundWHat;
  private final double boundSlopeLeftHat;
  private final double boundSlopeRightHat;
  private final double[] y;
  private final double[] z;
  private final double[] gRow = new double[3];
  private final Optimisation.Options options = new Optimisation.Options();
  private boolean lastExact;
  private boolean[] included = new boolean[64];

  /**
   * @param k log-moneyness of the quotes
   * @param totalVariance market total variance of the quotes (iv²·t)
   * @param varianceWeight weight of each squared total-variance residual
   * @param n number of quotes used (prefix of the arrays)
   * @param rhoMax bound on |ρ|, &lt; 1
   * @param minVariance floor on the minimum total variance, ≥ 0
   * @param bound the calendar bound (a neighbouring expiry's smile), or null
   * @param above true: the fit must lie on or above {@code bound} (bound = an earlier expiry); false: on or below
   * @param boundK grid of k on which the bound is imposed (ignored without bound)
   */
  QuasiExplicitQp(double[] k, double[] totalVariance, double[] varianceWeight, int n, double rhoMax,
      double minVariance, SviParameters bound, boolean above, double[] boundK) {
    this.n = n;
    this.k = k;
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += totalVariance[i];
    }
    this.scale = s / n;
    this.target = new double[n];
    this.weight = new double[n];
    for (int i = 0; i < n; i++) {
      target[i] = totalVariance[i] / scale;
      weight[i] = varianceWeight[i] * scale * scale;
    }
    this.rhoMax = rhoMax;
    this.minVarianceHat = minVariance / scale;
    int inner = 0;
    while (inner < CHORD_NODES.length && CHORD_NODES[inner] < rhoMax) {
      inner++;
    }
    // nodes: -rhoMax, -CHORD_NODES[inner-1..1], 0, CHORD_NODES[1..inner-1], rhoMax
    int nodes = 2 * inner + 1;
    double[] rho = new double[nodes];
    rho[inner] = 0.0;
    for (int j = 1; j < inner; j++) {
      rho[inner + j] = CHORD_NODES[j];
      rho[inner - j] = -CHORD_NODES[j];
    }
    rho[0] = -rhoMax;
    rho[nodes - 1] = rhoMax;
    this.chordAlpha = new double[nodes - 1];
    this.chordBeta = new double[nodes - 1];
    for (int j = 0; j < nodes - 1; j++) {
      double r0 = rho[j];
      double r1 = rho[j + 1];
      double f0 = Math.sqrt(1 - r0 * r0);
      double f1 = Math.sqrt(1 - r1 * r1);
      chordBeta[j] = (f1 - f0) / (r1 - r0);
      chordAlpha[j] = f0 - chordBeta[j] * r0;
    }
    this.bound = bound;
    this.sign = above ? 1.0 : -1.0;
    if (bound != null) {
      this.boundK = boundK.clone();
      this.boundWHat = new double[boundK.length];
      for (int j = 0; j < boundK.length; j++) {
        boundWHat[j] = boundValue(boundK[j]);
      }
      // a floor on the slopes stays below the Lee cap of this fit (2·(1 − MARGIN)) so that both can hold together
      double slopeCap = above ? SviParameters.LEE_MAX_SLOPE * (1 - 2 * MARGIN) : Double.POSITIVE_INFINITY;
      this.boundSlopeLeftHat = Math.min(bound.leftWingSlope(), slopeCap) / scale;
      this.boundSlopeRightHat = Math.min(bound.rightWingSlope(), slopeCap) / scale;
    } else {
      this.boundK = new double[0];
      this.boundWHat = new double[0];
      this.boundSlopeLeftHat = 0;
      this.boundSlopeRightHat = 0;
    }
    this.y = new double[n];
    this.z = new double[n];
    // the dense (direct) active-set solver: the problem is tiny; the default iterative (conjugate-gradient) one is
    // far slower here and can stall on the nearly collinear bases of extreme (m, sigma)
    options.sparse = Boolean.FALSE;
    options.iterations_abort = MAX_QP_ITERATIONS;
  }

  /** The bound's total variance at k, moved by the margin towards the allowed side, scaled. */
  private double boundValue(double k) {
    return bound.totalVariance(k) * (1 + sign * MARGIN) / scale;
  }

  /**
   * Adds points at which the calendar bound is imposed (the calendar polish: the minima of
   * {@code ±(w − w_o)} found between the grid points). Requires a bound.
   */
  void addBoundPoints(double[] ks, int count) {
    int n0 = boundK.length;
    boundK = java.util.Arrays.copyOf(boundK, n0 + count);
    boundWHat = java.util.Arrays.copyOf(boundWHat, n0 + count);
    for (int j = 0; j < count; j++) {
      boundK[n0 + j] = ks[j];
      boundWHat[n0 + j] = boundValue(ks[j]);
    }
  }

  /** The scale s: total variance = s × the scaled variables. */
  double scale() {
    return scale;
  }

  /**
   * Solves the QP for {@code (m, σ)}; writes the scaled {@code (a, d, c)} into {@code x} and returns the objective
   * {@code Σ weight·(w_model − w)² + ridge·|x|²}, or +∞ when the QP could not be solved.
   */
  double solve(double m, double sigma, double[] x) {
    return solve(m, sigma, x, Double.POSITIVE_INFINITY);
  }

  /** True when the last {@link #solve} returned the exact optimum (not a lower bound); x then holds it. */
  boolean lastExact() {
    return lastExact;
  }

  /**
   * As {@link #solve(double, double, double[])}, but when the unconstrained minimum is infeasible and already
   * ≥ {@code threshold}, returns that minimum (a lower bound of the constrained optimum, ≥ threshold) without
   * solving the constrained QP; {@link #lastExact()} then says false and x holds the infeasible point.
   */
  double solve(double m, double sigma, double[] x, double threshold) {
    lastExact = true;
    double s00 = 0;
    double s01 = 0;
    double s02 = 0;
    double s11 = 0;
    double s12 = 0;
    double s22 = 0;
    double r0 = 0;
    double r1 = 0;
    double r2 = 0;
    for (int i = 0; i < n; i++) {
      double yi = (k[i] - m) / sigma;
      double zi = Math.sqrt(yi * yi + 1.0);
      y[i] = yi;
      z[i] = zi;
      double wi = weight[i];
      double ti = target[i];
      s00 += wi;
      s01 += wi * yi;
      s02 += wi * zi;
      s11 += wi * yi * yi;
      s12 += wi * yi * zi;
      s22 += wi * zi * zi;
      r0 += wi * ti;
      r1 += wi * yi * ti;
      r2 += wi * zi * ti;
    }
    double ridge = RIDGE * (s00 + s11 + s22);
    s00 += ridge;
    s11 += ridge;
    s22 += ridge;
    // Cholesky of the 3×3 normal matrix
    boolean solved = false;
    boolean unconstrainedFinite = false;
    if (s00 > 0) {
      double l00 = Math.sqrt(s00);
      double l10 = s01 / l00;
      double l20 = s02 / l00;
      double p11 = s11 - l10 * l10;
      if (p11 > 0) {
        double l11 = Math.sqrt(p11);
        double l21 = (s12 - l20 * l10) / l11;
        double p22 = s22 - l20 * l20 - l21 * l21;
        if (p22 > 0) {
          double l22 = Math.sqrt(p22);
          double u0 = r0 / l00;
          double u1 = (r1 - l10 * u0) / l11;
          double u2 = (r2 - l20 * u0 - l21 * u1) / l22;
          x[2] = u2 / l22;
          x[1] = (u1 - l21 * x[2]) / l11;
          x[0] = (u0 - l10 * x[1] - l20 * x[2]) / l00;
          boolean finite = Double.isFinite(x[0]) && Double.isFinite(x[1]) && Double.isFinite(x[2]);
          unconstrainedFinite = finite;
          solved = finite && feasible(m, sigma, x);
          if (finite && !solved && threshold < Double.POSITIVE_INFINITY) {
            double lowerBound = objective(x, ridge);
            if (lowerBound >= threshold) {
              lastExact = false;
              return lowerBound;
            }
          }
        }
      }
    }
    if (!solved) {
      solved = solveConstrained(m, sigma, s00, s01, s02, s11, s12, s22, r0, r1, r2, x, unconstrainedFinite);
    }
    if (!solved) {
      return Double.POSITIVE_INFINITY;
    }
    return objective(x, ridge);
  }

  private double objective(double[] x, double ridge) {
    double sse = 0;
    for (int i = 0; i < n; i++) {
      double e = x[0] + x[1] * y[i] + x[2] * z[i] - target[i];
      sse += weight[i] * e * e;
    }
    return sse + ridge * (x[0] * x[0] + x[1] * x[1] + x[2] * x[2]);
  }

  /** Number of inequality rows {@code G x ≤ h} for (m, σ); row {@code j} is written by {@link #row}. */
  private int rows() {
    return 4 + chordAlpha.length + (boundK.length > 0 ? boundK.length + 2 : 0);
  }

  /** Fills {@code gRow} with row j of G and returns h_j. */
  private double row(int j, double m, double sigma) {
    double leeHat = SviParameters.LEE_MAX_SLOPE * (1 - MARGIN) * sigma / scale;
    switch (j) {
      case 0 -> { // d − ρmax·c ≤ 0
        fill(0, 1, -rhoMax);
        return 0;
      }
      case 1 -> { // −d − ρmax·c ≤ 0
        fill(0, -1, -rhoMax);
        return 0;
      }
      case 2 -> { // c + d ≤ 2σ (right wing slope b(1+ρ) ≤ 2)
        fill(0, 1, 1);
        return leeHat;
      }
      case 3 -> { // c − d ≤ 2σ (left wing slope b(1−ρ) ≤ 2)
        fill(0, -1, 1);
        return leeHat;
      }
      default -> {
        int c = j - 4;
        if (c < chordAlpha.length) { // −a − β·d − α·c ≤ −w_min
          fill(-1, -chordBeta[c], -chordAlpha[c]);
          return -minVarianceHat;
        }
        c -= chordAlpha.length;
        if (c < boundK.length) { // floor: −w(k_c) ≤ −w_o(k_c); ceiling: w(k_c) ≤ w_o(k_c)
          double yc = (boundK[c] - m) / sigma;
          fill(-sign, -sign * yc, -sign * Math.sqrt(yc * yc + 1));
          return -sign * boundWHat[c];
        }
        if (c == boundK.length) { // floor: −(c + d) ≤ −σ·s_R,o; ceiling: c + d ≤ σ·s_R,o
          fill(0, -sign, -sign);
          return -sign * sigma * boundSlopeRightHat;
        }
        fill(0, sign, -sign); // floor: −(c − d) ≤ −σ·s_L,o; ceiling: c − d ≤ σ·s_L,o
        return -sign * sigma * boundSlopeLeftHat;
      }
    }
  }

  private void fill(double ga, double gd, double gc) {
    gRow[0] = ga;
    gRow[1] = gd;
    gRow[2] = gc;
  }

  private boolean feasible(double m, double sigma, double[] x) {
    int rows = rows();
    for (int j = 0; j < rows; j++) {
      double h = row(j, m, sigma);
      if (gRow[0] * x[0] + gRow[1] * x[1] + gRow[2] * x[2] > h) {
        return false;
      }
    }
    return true;
  }

  /**
   * The constrained QP by ojAlgo, with constraint generation: starts from the rows the unconstrained minimiser
   * violates (all rows when there is none) plus the four skew/Lee rows, solves, and adds any row the solution
   * violates until it satisfies all of them. The reduced problem's feasible set contains the full one, so a
   * solution of the reduced problem that satisfies every row is the optimum of the full problem; ojAlgo thus sees a
   * handful of rows instead of every calendar-bound point.
   */
  private boolean solveConstrained(double m, double sigma, double s00, double s01, double s02, double s11,
      double s12, double s22, double r0, double r1, double r2, double[] x, boolean seedFromX) {
    int rows = rows();
    if (included.length < rows) {
      included = new boolean[rows + 16];
    }
    for (int j = 0; j < rows; j++) {
      double h = row(j, m, sigma);
      included[j] = j < 4 || !seedFromX || gRow[0] * x[0] + gRow[1] * x[1] + gRow[2] * x[2] > h;
    }
    for (int round = 0; round <= rows; round++) {
      // ojAlgo minimises ½·xᵀQx − Cᵀx; Σ weight·(Ax − w)² = xᵀSx − 2rᵀx + const, so Q = 2S and C = 2r
      ConvexSolver.Builder builder = ConvexSolver.newBuilder(3);
      builder.objective(0, 0, 2 * s00).objective(0, 1, 2 * s01).objective(0, 2, 2 * s02)
          .objective(1, 0, 2 * s01).objective(1, 1, 2 * s11).objective(1, 2, 2 * s12)
          .objective(2, 0, 2 * s02).objective(2, 1, 2 * s12).objective(2, 2, 2 * s22)
          .linear(2 * r0, 2 * r1, 2 * r2);
      for (int j = 0; j < rows; j++) {
        if (included[j]) {
          double h = row(j, m, sigma);
          builder.inequality(h, gRow[0], gRow[1], gRow[2]);
        }
      }
      Optimisation.Result result = builder.build(options).solve();
      if (!result.getState().isFeasible()) {
        return false;
      }
      x[0] = result.doubleValue(0);
      x[1] = result.doubleValue(1);
      x[2] = result.doubleValue(2);
      if (!(Double.isFinite(x[0]) && Double.isFinite(x[1]) && Double.isFinite(x[2]))) {
        return false;
      }
      boolean added = false;
      for (int j = 0; j < rows; j++) {
        if (!included[j]) {
          double h = row(j, m, sigma);
          if (gRow[0] * x[0] + gRow[1] * x[1] + gRow[2] * x[2] > h) {
            included[j] = true;
            added = true;
          }
        }
      }
      if (!added) {
        return true;
      }
    }
    return false;
  }
}
