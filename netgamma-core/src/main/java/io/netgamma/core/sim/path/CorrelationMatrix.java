package io.netgamma.core.sim.path;

import io.netgamma.core.base.ArgChecker;

/**
 * A correlation matrix of the assets' Brownian (normal) shocks, held with its lower Cholesky factor {@code L}
 * ({@code C = L·Lᵀ}) so that {@code w = L·z} turns independent standard normals {@code z} into normals with
 * correlation {@code C}. Immutable; the arrays are copied in and never exposed.
 */
public final class CorrelationMatrix {

  private final int size;
  private final double[] matrix;
  private final double[] cholesky;

  private CorrelationMatrix(int size, double[] matrix, double[] cholesky) {
    this.size = size;
    this.matrix = matrix;
    this.cholesky = cholesky;
  }

  /** The identity (independent assets) of size {@code n}. */
  public static CorrelationMatrix identity(int n) {
    ArgChecker.positive(n, "n");
    double[][] c = new double[n][n];
    for (int i = 0; i < n; i++) {
      c[i][i] = 1.0;
    }
    return of(c);
  }

  /** Two assets with correlation {@code rho} in (−1, 1) (e.g. BTC/ETH hourly log returns: about 0.8). */
  public static CorrelationMatrix of2(double rho) {
    ArgChecker.isTrue(rho > -1 && rho < 1, "correlation must be in (-1, 1), got " + rho);
    return of(new double[][] {{1, rho}, {rho, 1}});
  }

  /**
   * A matrix from its rows (copied): square, symmetric to 1e-12, unit diagonal, off-diagonal entries in [−1, 1] and
   * positive definite (checked by the Cholesky factorisation; a singular matrix such as ρ = ±1 is rejected).
   */
  public static CorrelationMatrix of(double[][] rows) {
    ArgChecker.notNull(rows, "correlation rows");
    int n = rows.length;
    ArgChecker.positive(n, "correlation size");
    double[] c = new double[n * n];
    for (int i = 0; i < n; i++) {
      ArgChecker.notNull(rows[i], "correlation row " + i);
      ArgChecker.isTrue(rows[i].length == n, "correlation row " + i + " has " + rows[i].length
          + " entries, expected " + n);
      for (int j = 0; j < n; j++) {
        double v = rows[i][j];
        ArgChecker.isTrue(v >= -1 && v <= 1, "correlation[" + i + "][" + j + "] must be in [-1, 1], got " + v);
        c[i * n + j] = v;
      }
      ArgChecker.isTrue(rows[i][i] == 1.0, "correlation[" + i + "][" + i + "] must be 1, got " + rows[i][i]);
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        ArgChecker.isTrue(Math.abs(c[i * n + j] - c[j * n + i]) <= 1e-12, "correlation must be symmetric: ["
            + i + "][" + j + "] = " + c[i * n + j] + " but [" + j + "][" + i + "] = " + c[j * n + i]);
      }
    }
    double[] l = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = c[i * n + j];
        for (int k = 0; k < j; k++) {
          s -= l[i * n + k] * l[j * n + k];
        }
        if (i == j) {
          ArgChecker.isTrue(s > 1e-12, "correlation matrix is not positive definite (pivot " + i + " = " + s + ")");
          l[i * n + i] = Math.sqrt(s);
        } else {
          l[i * n + j] = s / l[j * n + j];
        }
      }
    }
    return new CorrelationMatrix(n, c, l);
  }

  /** Number of assets. */
  public int size() {
    return size;
  }

  /** Correlation between assets {@code i} and {@code j}. */
  public double get(int i, int j) {
    return matrix[i * size + j];
  }

  /** Entry {@code (i, j)} of the lower Cholesky factor (0 above the diagonal). */
  public double choleskyAt(int i, int j) {
    return cholesky[i * size + j];
  }

  /**
   * Correlates in place: replaces the independent normals {@code z[0..size)} by {@code L·z}. Allocation-free; works
   * from the last entry down so that each {@code z[j]} is read before it is overwritten.
   */
  public void correlate(double[] z) {
    int n = size;
    for (int i = n - 1; i >= 0; i--) {
      double s = 0;
      int row = i * n;
      for (int j = 0; j <= i; j++) {
        s += cholesky[row + j] * z[j];
      }
      z[i] = s;
    }
  }
}
