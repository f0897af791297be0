package io.netgamma.core.market.surface;

/**
 * A deterministic Nelder–Mead simplex search in two variables on a box (Nelder &amp; Mead 1965, with the standard
 * coefficients: reflection 1, expansion 2, contraction ½, shrink ½). Trial points outside the box are projected
 * onto it. Used only for the outer (m, σ) search of the quasi-explicit SVI fit, whose inner problem is a convex QP
 * solved exactly; ojAlgo 56 has no general derivative-free minimiser (its optimisers are linear, convex-quadratic
 * and integer), and this profile function is continuous but not smooth where the inner active set changes.
 *
 * <p>Each trial point is evaluated with the threshold above which its exact value cannot change the next decision
 * (for a reflection, the worst vertex; for an expansion, the reflected value; ...), so an objective that can
 * cheaply prove {@code f ≥ threshold} may return that lower bound instead — the search is then identical to one
 * with exact values.
 *
 * <p>Stops when the simplex diameter (max-norm) falls below {@code xTol}, when the spread of function values
 * falls below {@code fTol·|f_best| + fAbs}, or after {@code maxIterations}. Not thread-safe; one instance per fit.
 */
final class NelderMead2 {

  /** The function minimised; +∞ marks an infeasible point. */
  @FunctionalInterface
  interface Objective {
    /**
     * The value at (x, y), exact when it is below {@code threshold}; otherwise any lower bound of it that is
     * itself ≥ {@code threshold} may be returned.
     */
    double value(double x, double y, double threshold);
  }

  private static final double INF = Double.POSITIVE_INFINITY;

  private final double[] px = new double[3];
  private final double[] py = new double[3];
  private final double[] pf = new double[3];
  private int evaluations;

  /** Number of function evaluations of the last {@link #minimise} call. */
  int evaluations() {
    return evaluations;
  }

  /**
   * Minimises {@code f} from {@code (x0, y0)} with an initial simplex of steps {@code (dx, dy)}, within
   * {@code [xLo, xHi] × [yLo, yHi]}. Writes the best point into {@code best[0..1]} and returns its value.
   */
  double minimise(Objective f, double x0, double y0, double dx, double dy, double xLo, double xHi, double yLo,
      double yHi, double xTol, double fTol, double fAbs, int maxIterations, double[] best) {
    evaluations = 0;
    x0 = clamp(x0, xLo, xHi);
    y0 = clamp(y0, yLo, yHi);
    // step away from a bound rather than onto it
    double x1 = x0 + dx <= xHi ? x0 + dx : x0 - dx;
    double y2 = y0 + dy <= yHi ? y0 + dy : y0 - dy;
    set(0, x0, y0, eval(f, x0, y0, INF));
    set(1, clamp(x1, xLo, xHi), y0, eval(f, clamp(x1, xLo, xHi), y0, INF));
    set(2, x0, clamp(y2, yLo, yHi), eval(f, x0, clamp(y2, yLo, yHi), INF));
    double xScale = Math.max(xHi - xLo, 1e-300);
    double yScale = Math.max(yHi - yLo, 1e-300);
    for (int it = 0; it < maxIterations; it++) {
      order();
      double spread = pf[2] - pf[0];
      double diameter = Math.max(
          Math.max(Math.abs(px[1] - px[0]), Math.abs(px[2] - px[0])) / xScale,
          Math.max(Math.abs(py[1] - py[0]), Math.abs(py[2] - py[0])) / yScale);
      if (diameter < xTol || (Double.isFinite(pf[2]) && spread <= fTol * Math.abs(pf[0]) + fAbs)) {
        break;
      }
      double cx = 0.5 * (px[0] + px[1]);
      double cy = 0.5 * (py[0] + py[1]);
      double rx = clamp(cx + (cx - px[2]), xLo, xHi);
      double ry = clamp(cy + (cy - py[2]), yLo, yHi);
      double fr = eval(f, rx, ry, pf[2]);
      if (fr < pf[0]) {
        double ex = clamp(cx + 2.0 * (cx - px[2]), xLo, xHi);
        double ey = clamp(cy + 2.0 * (cy - py[2]), yLo, yHi);
        double fe = eval(f, ex, ey, fr);
        if (fe < fr) {
          set(2, ex, ey, fe);
        } else {
          set(2, rx, ry, fr);
        }
      } else if (fr < pf[1]) {
        set(2, rx, ry, fr);
      } else {
        boolean outside = fr < pf[2];
        double kx = outside ? cx + 0.5 * (rx - cx) : cx + 0.5 * (px[2] - cx);
        double ky = outside ? cy + 0.5 * (ry - cy) : cy + 0.5 * (py[2] - cy);
        double fk = eval(f, kx, ky, outside ? fr : pf[2]);
        if (fk < (outside ? fr : pf[2])) {
          set(2, kx, ky, fk);
        } else {
          for (int j = 1; j < 3; j++) {
            double sx = px[0] + 0.5 * (px[j] - px[0]);
            double sy = py[0] + 0.5 * (py[j] - py[0]);
            set(j, sx, sy, eval(f, sx, sy, INF));
          }
        }
      }
    }
    order();
    best[0] = px[0];
    best[1] = py[0];
    return pf[0];
  }

  private double eval(Objective f, double x, double y, double threshold) {
    evaluations++;
    double v = f.value(x, y, threshold);
    return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
  }

  private void set(int i, double x, double y, double v) {
    px[i] = x;
    py[i] = y;
    pf[i] = v;
  }

  /** Sorts the three vertices by value (ties keep their order: deterministic). */
  private void order() {
    for (int i = 1; i < 3; i++) {
      for (int j = i; j > 0 && pf[j] < pf[j - 1]; j--) {
        swap(j, j - 1);
      }
    }
  }

  private void swap(int i, int j) {
    double t = px[i];
    px[i] = px[j];
    px[j] = t;
    t = py[i];
    py[i] = py[j];
    py[j] = t;
    t = pf[i];
    pf[i] = pf[j];
    pf[j] = t;
  }

  private static double clamp(double v, double lo, double hi) {
    return v < lo ? lo : (v > hi ? hi : v);
  }
}
