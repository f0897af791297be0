package io.netgamma.core.risk.netting;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.base.MissingMarketDataException;
import io.netgamma.core.portfolio.AssetRisk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Correlations of the returns of several underlyings: symmetric, unit diagonal, entries in [−1, 1] and positive
 * semi-definite (so that every variance {@code aᵀ·ρ·a} it gives is &ge; 0). Immutable.
 *
 * @param underlyings the underlyings, distinct, in the order of the rows (copied)
 * @param values the matrix, {@code values[i][j]} the correlation of underlyings i and j (deep-copied; the accessor
 *     returns a copy)
 */
public record CorrelationMatrix(List<String> underlyings, double[][] values) {

  /**
   * Tolerance of the checks: symmetry {@code |ρ_ij − ρ_ji| ≤ 1e-12}, and a Cholesky pivot down to −1e-12 (times the
   * dimension) still counts as 0 (a semi-definite matrix such as all correlations 1 has zero pivots, which rounding
   * makes slightly negative).
   */
  public static final double TOLERANCE = 1e-12;

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException naming the entry that is not finite, not in [−1, 1], not symmetric, a diagonal
   *     that is not 1, or the matrix is not positive semi-definite
   */
  public CorrelationMatrix {
    ArgChecker.notNull(underlyings, "underlyings");
    ArgChecker.notNull(values, "values");
    underlyings = List.copyOf(underlyings);
    int n = underlyings.size(); // 0 is allowed: the matrix of an empty book
    ArgChecker.isTrue(underlyings.stream().distinct().count() == n,
        "the underlyings of a correlation matrix must be distinct, got " + underlyings);
    ArgChecker.isTrue(values.length == n, "correlation matrix: " + n + " underlyings " + underlyings + " but "
        + values.length + " rows");
    double[][] copy = new double[n][];
    for (int i = 0; i < n; i++) {
      ArgChecker.isTrue(values[i] != null && values[i].length == n, "correlation matrix: row " + i + " ("
          + underlyings.get(i) + ") must have " + n + " entries, got " + (values[i] == null ? "null" : values[i].length));
      copy[i] = values[i].clone();
    }
    for (int i = 0; i < n; i++) {
      ArgChecker.isTrue(copy[i][i] == 1.0, "correlation of " + underlyings.get(i) + " with itself must be 1, got "
          + copy[i][i]);
      for (int j = 0; j < n; j++) {
        double r = copy[i][j];
        ArgChecker.isTrue(r >= -1 && r <= 1, "correlation of " + underlyings.get(i) + " and " + underlyings.get(j)
            + " must be in [-1, 1], got " + r);
        ArgChecker.isTrue(Math.abs(r - copy[j][i]) <= TOLERANCE, "correlation matrix is not symmetric: "
            + underlyings.get(i) + "/" + underlyings.get(j) + " " + r + " vs " + copy[j][i]);
      }
    }
    checkPositiveSemiDefinite(underlyings, copy);
    values = copy;
  }

  /** A matrix from rows (validated, copied). */
  public static CorrelationMatrix of(List<String> underlyings, double[][] values) {
    return new CorrelationMatrix(underlyings, values);
  }

  /** Every pair of different underlyings correlated by {@code rho} (0: uncorrelated; 0.95: a crisis). */
  public static CorrelationMatrix constant(List<String> underlyings, double rho) {
    int n = underlyings.size();
    ArgChecker.isTrue(rho >= -1 && rho <= 1, "correlation must be in [-1, 1], got " + rho);
    double[][] v = new double[n][n];
    for (int i = 0; i < n; i++) {
      Arrays.fill(v[i], rho);
      v[i][i] = 1.0;
    }
    return new CorrelationMatrix(underlyings, v);
  }

  /**
   * The one-factor (single-index) correlations implied by correlations with one reference:
   * {@code ρ_ij = ρ_i·ρ_j} for i ≠ j, with ρ_i the correlation of i with the reference ({@link AssetRisk}; 1 for the
   * reference itself, so {@code ρ_ref,j = ρ_j} exactly). It is what a market in which every coin's return is
   * {@code ρ_i·(reference's standardised return) + independent noise} gives, and always positive semi-definite
   * ({@code ρρᵀ + diag(1 − ρ_i²)}). With two underlyings, one of them the reference, it is the exact matrix.
   *
   * @throws MissingMarketDataException naming an underlying without a correlation
   */
  public static CorrelationMatrix oneFactor(AssetRisk risk, List<String> underlyings) {
    ArgChecker.notNull(risk, "risk");
    int n = underlyings.size();
    double[] rho = new double[n];
    for (int i = 0; i < n; i++) {
      rho[i] = risk.correlation(underlyings.get(i));
    }
    double[][] v = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        v[i][j] = i == j ? 1.0 : rho[i] * rho[j];
      }
    }
    return new CorrelationMatrix(underlyings, v);
  }

  /** The rows, a copy. */
  @Override
  public double[][] values() {
    double[][] out = new double[values.length][];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i].clone();
    }
    return out;
  }

  /**
   * Correlation of two underlyings.
   *
   * @throws MissingMarketDataException naming an underlying the matrix does not have
   */
  public double get(String a, String b) {
    return values[index(a)][index(b)];
  }

  /**
   * This matrix restricted to (and reordered as) {@code subset}.
   *
   * @throws MissingMarketDataException naming every underlying of {@code subset} the matrix does not have
   */
  public CorrelationMatrix select(List<String> subset) {
    List<String> missing = new ArrayList<>();
    for (String u : subset) {
      if (!underlyings.contains(u)) {
        missing.add(u);
      }
    }
    if (!missing.isEmpty()) {
      throw new MissingMarketDataException("no correlation for " + missing + " (the matrix has " + underlyings + ")");
    }
    int n = subset.size();
    double[][] v = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        v[i][j] = get(subset.get(i), subset.get(j));
      }
    }
    return new CorrelationMatrix(subset, v);
  }

  /** The quadratic form {@code Σ_ij a_i·a_j·ρ_ij} (a in the order of {@link #underlyings()}), &ge; 0 up to rounding. */
  double quadraticForm(double[] a) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      double row = 0;
      for (int j = 0; j < a.length; j++) {
        row += values[i][j] * a[j];
      }
      sum += a[i] * row;
    }
    return sum;
  }

  private int index(String u) {
    int i = underlyings.indexOf(u);
    if (i < 0) {
      throw new MissingMarketDataException("no correlation for " + u + " (the matrix has " + underlyings + ")");
    }
    return i;
  }

  /** Cholesky factorisation L·Lᵀ with semi-definite pivots allowed; throws naming the first negative pivot. */
  private static void checkPositiveSemiDefinite(List<String> names, double[][] a) {
    int n = a.length;
    double[][] l = new double[n][n];
    double tolerance = TOLERANCE * n;
    for (int j = 0; j < n; j++) {
      double d = a[j][j];
      for (int k = 0; k < j; k++) {
        d -= l[j][k] * l[j][k];
      }
      if (d < -tolerance) {
        throw new IllegalArgumentException("correlation matrix of " + names + " is not positive semi-definite (pivot "
            + d + " at " + names.get(j) + "): some portfolio would have a negative variance");
      }
      double root = d > tolerance ? Math.sqrt(d) : 0.0;
      l[j][j] = root;
      for (int i = j + 1; i < n; i++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        if (root > 0) {
          l[i][j] = s / root;
        } else if (Math.abs(s) > Math.sqrt(tolerance)) {
          throw new IllegalArgumentException("correlation matrix of " + names + " is not positive semi-definite ("
              + names.get(i) + " and " + names.get(j) + " are inconsistent with the other correlations)");
        }
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CorrelationMatrix m && underlyings.equals(m.underlyings) && Arrays.deepEquals(values, m.values);
  }

  @Override
  public int hashCode() {
    return underlyings.hashCode() * 31 + Arrays.deepHashCode(values);
  }

  @Override
  public String toString() {
    return "CorrelationMatrix[" + underlyings + ", " + Arrays.deepToString(values) + "]";
  }
}
