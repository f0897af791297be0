package io.netgamma.core.market.surface;

import java.util.Arrays;

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
 * <h2>Solution</h2>
 * The 3×3 normal matrix {@code S = LLᵀ} (Cholesky) turns the objective into a distance: with {@code v = Lᵀx} and
 * {@code u = L⁻¹r} (r the right-hand side of the normal equations), {@code xᵀSx − 2rᵀx = |v − u|² − |u|²}. The QP is
 * therefore the Euclidean projection of the unconstrained minimiser {@code u} onto a polyhedron of {@code R³}, which
 * the dual active-set method of Goldfarb &amp; Idnani (Math. Programming 27, 1983) solves exactly in a few steps: it
 * starts at the unconstrained minimum, adds the most violated constraint, and drops a constraint whenever its
 * multiplier would turn negative; at most three constraints are active at a time, so every step is a 3×3
 * orthogonalisation (Gram–Schmidt, twice). When the unconstrained minimiser satisfies every constraint it is the
 * optimum and no step is taken. When the caller only needs to know whether the optimum is below a threshold and
 * the unconstrained minimum — a lower bound of the constrained one — is already above it, that lower bound is
 * returned without solving ({@link #solve(double, double, double[], double)}). A ridge of {@code 1e-12·trace} on
 * the normal matrix keeps the problem well-posed when the basis functions are nearly collinear (σ very small or
 * very large against the quoted range); it is part of the objective.
 *
 * <p>Allocation-free after construction (the scratch arrays grow only when calendar points are added). Not
 * thread-safe: one instance per fit.
 */
final class QuasiExplicitQp {

  /** Nodes (ρ values) of the chord approximation of {@code sqrt(1 − ρ²)}; the outermost are ±ρ_max. */
  static final double[] CHORD_NODES = {0.0, 0.3, 0.55, 0.75, 0.88, 0.95, 0.985};

  private static final double RIDGE = 1e-12;
  /** Active-set steps after which a QP counts as unsolved (a projection in R³ needs a handful). */
  private static final int MAX_QP_STEPS = 60;
  /** Relative margin kept from the Lee and calendar constraints so that rounding in the QP cannot breach them. */
  private static final double MARGIN = 1e-9;
  /** Relative tolerance of the active-set method: violations and directions below it are rounding. */
  private static final double EPS = 1e-13;

  private final int n;
  private final double[] k;
  private final double[] target;
  private final double[] weight;
  private final double scale;
  private final double targetSquares;
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
  private boolean lastExact;
  private int lastSteps;

  // the rows G x ≤ h of the current (m, σ)
  private double[] ga;
  private double[] gd;
  private double[] gc;
  private double[] h;
  private int rows;

  // Cholesky factor of the current normal matrix (lower triangle) and the active-set state
  private double l00;
  private double l10;
  private double l11;
  private double l20;
  private double l21;
  private double l22;
  private final int[] active = new int[3];
  private final double[] multiplier = new double[4];
  private final double[][] normal = new double[4][3];
  private final double[][] basis = new double[3][3];
  private final double[][] coefficient = new double[3][3];
  private final double[] direction = new double[3];
  private final double[] dual = new double[3];
  private final double[] nt = new double[3];
  private final double[] v = new double[3];
  private final double[][] rinv = new double[3][3];

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
    double squares = 0;
    for (int i = 0; i < n; i++) {
      target[i] = totalVariance[i] / scale;
      weight[i] = varianceWeight[i] * scale * scale;
      squares += weight[i] * target[i] * target[i];
    }
    this.targetSquares = squares;
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
    allocateRows();
  }

  private void allocateRows() {
    int capacity = 4 + chordAlpha.length + (boundK.length > 0 ? boundK.length + 2 : 0);
    ga = new double[capacity];
    gd = new double[capacity];
    gc = new double[capacity];
    h = new double[capacity];
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
    boundK = Arrays.copyOf(boundK, n0 + count);
    boundWHat = Arrays.copyOf(boundWHat, n0 + count);
    for (int j = 0; j < count; j++) {
      boundK[n0 + j] = ks[j];
      boundWHat[n0 + j] = boundValue(ks[j]);
    }
    allocateRows();
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

  /** Active-set steps of the last {@link #solve} (0 when the unconstrained minimiser was feasible). */
  int lastSteps() {
    return lastSteps;
  }

  /**
   * As {@link #solve(double, double, double[])}, but when the unconstrained minimum is infeasible and already
   * ≥ {@code threshold}, returns that minimum (a lower bound of the constrained optimum, ≥ threshold) without
   * solving the constrained QP; {@link #lastExact()} then says false and x holds the infeasible point.
   */
  double solve(double m, double sigma, double[] x, double threshold) {
    lastExact = true;
    lastSteps = 0;
    double s00 = 0;
    double s01 = 0;
    double s02 = 0;
    double s11 = 0;
    double s12 = 0;
    double s22 = 0;
    double r0 = 0;
    double r1 = 0;
    double r2 = 0;
    double inv = 1.0 / sigma;
    for (int i = 0; i < n; i++) {
      double yi = (k[i] - m) * inv;
      double zi = Math.sqrt(yi * yi + 1.0);
      y[i] = yi;
      z[i] = zi;
      double wi = weight[i];
      double wy = wi * yi;
      double wz = wi * zi;
      double ti = target[i];
      s00 += wi;
      s01 += wy;
      s02 += wz;
      s11 += wy * yi;
      s12 += wy * zi;
      s22 += wz * zi;
      r0 += wi * ti;
      r1 += wy * ti;
      r2 += wz * ti;
    }
    double ridge = RIDGE * (s00 + s11 + s22);
    s00 += ridge;
    s11 += ridge;
    s22 += ridge;
    // Cholesky of the 3×3 normal matrix, then u = L⁻¹r and the unconstrained minimiser x = L⁻ᵀu
    if (!(s00 > 0)) {
      return Double.POSITIVE_INFINITY;
    }
    l00 = Math.sqrt(s00);
    l10 = s01 / l00;
    l20 = s02 / l00;
    double p11 = s11 - l10 * l10;
    if (!(p11 > 0)) {
      return Double.POSITIVE_INFINITY;
    }
    l11 = Math.sqrt(p11);
    l21 = (s12 - l20 * l10) / l11;
    double p22 = s22 - l20 * l20 - l21 * l21;
    if (!(p22 > 0)) {
      return Double.POSITIVE_INFINITY;
    }
    l22 = Math.sqrt(p22);
    double u0 = r0 / l00;
    double u1 = (r1 - l10 * u0) / l11;
    double u2 = (r2 - l20 * u0 - l21 * u1) / l22;
    if (!(Double.isFinite(u0) && Double.isFinite(u1) && Double.isFinite(u2))) {
      return Double.POSITIVE_INFINITY;
    }
    v[0] = u0;
    v[1] = u1;
    v[2] = u2;
    toX(v, x);
    fillRows(m, sigma);
    if (mostViolated(x) < 0) {
      return objective(x, ridge);
    }
    if (threshold < Double.POSITIVE_INFINITY) {
      double lowerBound = objective(x, ridge);
      if (lowerBound >= threshold) {
        lastExact = false;
        return lowerBound;
      }
    }
    if (!project(x)) {
      return Double.POSITIVE_INFINITY;
    }
    return objective(x, ridge);
  }

  /** The weighted squared error of the scaled parameters x at the current (m, σ), plus the ridge term. */
  private double objective(double[] x, double ridge) {
    double sse = 0;
    for (int i = 0; i < n; i++) {
      double e = x[0] + x[1] * y[i] + x[2] * z[i] - target[i];
      sse += weight[i] * e * e;
    }
    return sse + ridge * (x[0] * x[0] + x[1] * x[1] + x[2] * x[2]);
  }

  /** Sum of the weighted squared targets: the objective of x = 0, a scale for tolerances. */
  double targetSquares() {
    return targetSquares;
  }

  /** Number of rows {@code G x ≤ h} of the last {@link #solve} (for tests). */
  int rowCount() {
    return rows;
  }

  /** Row j of the last {@link #solve} as {@code (G_a, G_d, G_c, h)} (for tests). */
  double[] rowOf(int j) {
    return new double[] {ga[j], gd[j], gc[j], h[j]};
  }

  /**
   * The normal equations of the last {@link #solve}, ridge included: {@code S} (row-major 3×3) and {@code r}, with
   * the objective {@code xᵀSx − 2rᵀx + Σ weight·target²} (for tests).
   */
  double[][] normalEquations() {
    double[][] out = new double[4][3];
    // S = L Lᵀ
    double[][] l = {{l00, 0, 0}, {l10, l11, 0}, {l20, l21, l22}};
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double sum = 0;
        for (int c = 0; c < 3; c++) {
          sum += l[i][c] * l[j][c];
        }
        out[i][j] = sum;
      }
    }
    double[] r = new double[3];
    for (int i = 0; i < n; i++) {
      double e0 = weight[i] * target[i];
      r[0] += e0;
      r[1] += e0 * y[i];
      r[2] += e0 * z[i];
    }
    out[3] = r;
    return out;
  }

  /** Writes the rows {@code G x ≤ h} of (m, σ) (see the class javadoc). */
  private void fillRows(double m, double sigma) {
    double leeHat = SviParameters.LEE_MAX_SLOPE * (1 - MARGIN) * sigma / scale;
    int j = 0;
    j = row(j, 0, 1, -rhoMax, 0); // d − ρmax·c ≤ 0
    j = row(j, 0, -1, -rhoMax, 0); // −d − ρmax·c ≤ 0
    j = row(j, 0, 1, 1, leeHat); // c + d ≤ 2σ (right wing slope b(1+ρ) ≤ 2)
    j = row(j, 0, -1, 1, leeHat); // c − d ≤ 2σ (left wing slope b(1−ρ) ≤ 2)
    for (int c = 0; c < chordAlpha.length; c++) { // −a − β·d − α·c ≤ −w_min
      j = row(j, -1, -chordBeta[c], -chordAlpha[c], -minVarianceHat);
    }
    if (boundK.length > 0) {
      double inv = 1.0 / sigma;
      for (int c = 0; c < boundK.length; c++) { // floor: −w(k_c) ≤ −w_o(k_c); ceiling: w(k_c) ≤ w_o(k_c)
        double yc = (boundK[c] - m) * inv;
        j = row(j, -sign, -sign * yc, -sign * Math.sqrt(yc * yc + 1), -sign * boundWHat[c]);
      }
      j = row(j, 0, -sign, -sign, -sign * sigma * boundSlopeRightHat); // floor: −(c + d) ≤ −σ·s_R,o
      j = row(j, 0, sign, -sign, -sign * sigma * boundSlopeLeftHat); // floor: −(c − d) ≤ −σ·s_L,o
    }
    rows = j;
  }

  private int row(int j, double a, double d, double c, double hj) {
    ga[j] = a;
    gd[j] = d;
    gc[j] = c;
    h[j] = hj;
    return j + 1;
  }

  /** The row violated most at x (relative to the row's norm), or −1 when x satisfies every row. */
  private int mostViolated(double[] x) {
    int worst = -1;
    double most = 0;
    for (int j = 0; j < rows; j++) {
      double excess = ga[j] * x[0] + gd[j] * x[1] + gc[j] * x[2] - h[j];
      if (excess > 0) {
        double norm = Math.abs(ga[j]) + Math.abs(gd[j]) + Math.abs(gc[j]);
        double relative = excess / norm;
        if (worst < 0 || relative > most) {
          worst = j;
          most = relative;
        }
      }
    }
    return worst;
  }

  /** x = L⁻ᵀ v. */
  private void toX(double[] vv, double[] x) {
    x[2] = vv[2] / l22;
    x[1] = (vv[1] - l21 * x[2]) / l11;
    x[0] = (vv[0] - l10 * x[1] - l20 * x[2]) / l00;
  }

  /** The normal of row j in v-space, {@code n = −L⁻¹G_jᵀ} (the constraint reads {@code nᵀv ≥ −h_j}). */
  private void transformedNormal(int j, double[] out) {
    double n0 = -ga[j] / l00;
    double n1 = (-gd[j] - l10 * n0) / l11;
    double n2 = (-gc[j] - l20 * n0 - l21 * n1) / l22;
    out[0] = n0;
    out[1] = n1;
    out[2] = n2;
  }

  /**
   * Goldfarb–Idnani in v-space (objective {@code ½|v − u|²}): starting from the unconstrained minimiser held in
   * {@link #v}, adds violated rows until none is; writes the optimum into x. False when the steps run out or the
   * rows are inconsistent (infeasible).
   */
  private boolean project(double[] x) {
    int q = 0;
    int p = mostViolated(x);
    int steps = 0;
    while (p >= 0) {
      transformedNormal(p, normal[3]);
      double bp = -h[p];
      multiplier[q] = 0;
      while (true) {
        if (++steps > MAX_QP_STEPS) {
          lastSteps = steps;
          return false;
        }
        double[] np = normal[3];
        // z = part of n_p orthogonal to the active normals; r = coefficients of n_p on them
        double nn = np[0] * np[0] + np[1] * np[1] + np[2] * np[2];
        direction[0] = np[0];
        direction[1] = np[1];
        direction[2] = np[2];
        for (int j = 0; j < q; j++) {
          double[] e = basis[j];
          double dot = e[0] * direction[0] + e[1] * direction[1] + e[2] * direction[2];
          direction[0] -= dot * e[0];
          direction[1] -= dot * e[1];
          direction[2] -= dot * e[2];
        }
        for (int j = 0; j < q; j++) { // reorthogonalise (Gram–Schmidt twice is enough)
          double[] e = basis[j];
          double dot = e[0] * direction[0] + e[1] * direction[1] + e[2] * direction[2];
          direction[0] -= dot * e[0];
          direction[1] -= dot * e[1];
          direction[2] -= dot * e[2];
        }
        double zz = direction[0] * direction[0] + direction[1] * direction[1] + direction[2] * direction[2];
        boolean dependent = q == 3 || zz <= EPS * nn; // in R³ three active normals leave no direction
        // r solves N r = n_p − z in the least-squares sense: r = C (Eᵀ n_p) with E the orthonormal basis of N
        for (int j = 0; j < q; j++) {
          double[] e = basis[j];
          nt[j] = e[0] * np[0] + e[1] * np[1] + e[2] * np[2];
        }
        for (int j = 0; j < q; j++) {
          double sum = 0;
          for (int i = 0; i < q; i++) {
            sum += coefficient[j][i] * nt[i];
          }
          dual[j] = sum;
        }
        // dual step: the largest t keeping the multipliers of the active rows ≥ 0
        double tDual = Double.POSITIVE_INFINITY;
        int drop = -1;
        for (int j = 0; j < q; j++) {
          if (dual[j] > 0) {
            double t = multiplier[j] / dual[j];
            if (t < tDual) {
              tDual = t;
              drop = j;
            }
          }
        }
        double slack = np[0] * v[0] + np[1] * v[1] + np[2] * v[2] - bp;
        double tPrimal = dependent ? Double.POSITIVE_INFINITY : -slack / zz;
        double t = Math.min(tDual, tPrimal);
        if (t == Double.POSITIVE_INFINITY) {
          lastSteps = steps;
          return false; // the rows cannot all hold
        }
        if (!dependent) {
          v[0] += t * direction[0];
          v[1] += t * direction[1];
          v[2] += t * direction[2];
        }
        for (int j = 0; j < q; j++) {
          multiplier[j] -= t * dual[j];
        }
        multiplier[q] += t;
        if (t == tPrimal) {
          // full step: p becomes active
          normal[q][0] = np[0];
          normal[q][1] = np[1];
          normal[q][2] = np[2];
          active[q] = p;
          q++;
          rebuildBasis(q);
          break;
        }
        // partial step: drop the blocking row, keep p's multiplier, and try again
        removeActive(drop, q);
        q--;
        rebuildBasis(q);
      }
      toX(v, x);
      p = nextViolated(x);
    }
    lastSteps = steps;
    return Double.isFinite(x[0]) && Double.isFinite(x[1]) && Double.isFinite(x[2]);
  }

  /** The most violated row beyond rounding ({@link #EPS} of the row's scale {@code |G_j|·max|x| + |h_j|}), or −1. */
  private int nextViolated(double[] x) {
    int worst = -1;
    double most = 0;
    double xMax = Math.max(Math.abs(x[0]), Math.max(Math.abs(x[1]), Math.abs(x[2])));
    for (int j = 0; j < rows; j++) {
      double excess = ga[j] * x[0] + gd[j] * x[1] + gc[j] * x[2] - h[j];
      double norm = Math.abs(ga[j]) + Math.abs(gd[j]) + Math.abs(gc[j]);
      if (excess > EPS * (norm * xMax + Math.abs(h[j]))) {
        double relative = excess / norm;
        if (worst < 0 || relative > most) {
          worst = j;
          most = relative;
        }
      }
    }
    return worst;
  }

  /**
   * Removes active row {@code index} (of q), shifting the later ones down; the candidate's multiplier (at q) moves
   * to q − 1 and the candidate's normal stays in {@code normal[3]}.
   */
  private void removeActive(int index, int q) {
    double[] removed = normal[index];
    for (int j = index; j < q - 1; j++) {
      active[j] = active[j + 1];
      multiplier[j] = multiplier[j + 1];
      normal[j] = normal[j + 1];
    }
    multiplier[q - 1] = multiplier[q];
    normal[q - 1] = removed; // spare storage from now on
  }

  /**
   * Orthonormal basis E of the q active normals (modified Gram–Schmidt, twice) and the upper-triangular R with
   * {@code N = E R}; stores {@code C = R⁻¹} so that the coefficients of a vector's projection on the active normals
   * are {@code C·(Eᵀ vector)}.
   */
  private void rebuildBasis(int q) {
    double[][] r = coefficient;
    for (int j = 0; j < q; j++) {
      double[] e = basis[j];
      double[] nj = normal[j];
      e[0] = nj[0];
      e[1] = nj[1];
      e[2] = nj[2];
      for (int i = 0; i < 3; i++) {
        r[i][j] = 0;
      }
      for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < j; i++) {
          double[] b = basis[i];
          double dot = b[0] * e[0] + b[1] * e[1] + b[2] * e[2];
          e[0] -= dot * b[0];
          e[1] -= dot * b[1];
          e[2] -= dot * b[2];
          r[i][j] += dot;
        }
      }
      double norm = Math.sqrt(e[0] * e[0] + e[1] * e[1] + e[2] * e[2]);
      r[j][j] = norm;
      e[0] /= norm;
      e[1] /= norm;
      e[2] /= norm;
    }
    // invert the upper-triangular R in place (q ≤ 3)
    invertUpper(r, q);
  }

  private void invertUpper(double[][] r, int q) {
    for (int j = 0; j < q; j++) {
      for (int i = 0; i < q; i++) {
        rinv[i][j] = 0;
      }
    }
    for (int j = q - 1; j >= 0; j--) {
      rinv[j][j] = 1.0 / r[j][j];
      for (int i = j - 1; i >= 0; i--) {
        double sum = 0;
        for (int l = i + 1; l <= j; l++) {
          sum += r[i][l] * rinv[l][j];
        }
        rinv[i][j] = -sum / r[i][i];
      }
    }
    for (int j = 0; j < q; j++) {
      for (int i = 0; i < q; i++) {
        r[i][j] = rinv[i][j];
      }
    }
  }
}
