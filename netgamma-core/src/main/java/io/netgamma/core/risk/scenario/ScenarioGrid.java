package io.netgamma.core.risk.scenario;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Instrument;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The P&amp;L of a book over a grid of scenarios ({@link ScenarioEngine#grid}): row i is spot shift i of the spec,
 * column k vol shift k. P&amp;L is positive when the book gains. Immutable (arrays are copied in and out).
 *
 * <p>Units: {@code pnlUsd} in USD, the whole book; {@code pnlUsdByUnderlying[u][i][k]} in USD, the positions on
 * underlying u (they add up to {@code pnlUsd} up to rounding); {@code pnlCoinByUnderlying[u][i][k]} in coins of
 * underlying u: the change of the positions' coin value (options {@code q·(V'/F' − V/F)}, futures and perpetuals
 * {@code q·(F' − F)/F'}, spot 0 — what a coin-margined account of that coin sees).
 *
 * @param timestamp the instant of the valuation the grid starts from
 * @param spec the axes
 * @param underlyings the book's underlyings, in name order (the first index of the per-underlying arrays)
 * @param pnlUsd {@code [spot][vol]}, USD
 * @param pnlUsdByUnderlying {@code [underlying][spot][vol]}, USD
 * @param pnlCoinByUnderlying {@code [underlying][spot][vol]}, coins of the underlying
 * @param settled the instruments of the book that expire by the horizon and were settled at intrinsic value (empty
 *     without a roll)
 */
public record ScenarioGrid(Instant timestamp, ScenarioSpec spec, List<String> underlyings, double[][] pnlUsd,
    double[][][] pnlUsdByUnderlying, double[][][] pnlCoinByUnderlying, List<Instrument> settled) {

  /** Validates the shapes and that every number is finite; copies. */
  public ScenarioGrid {
    ArgChecker.notNull(timestamp, "timestamp");
    ArgChecker.notNull(spec, "spec");
    underlyings = List.copyOf(underlyings);
    settled = List.copyOf(settled);
    pnlUsd = checkMatrix(pnlUsd, spec, "pnlUsd");
    ArgChecker.isTrue(pnlUsdByUnderlying.length == underlyings.size()
        && pnlCoinByUnderlying.length == underlyings.size(), "one P&L matrix per underlying " + underlyings);
    double[][][] usd = new double[underlyings.size()][][];
    double[][][] coin = new double[underlyings.size()][][];
    for (int u = 0; u < usd.length; u++) {
      usd[u] = checkMatrix(pnlUsdByUnderlying[u], spec, "pnlUsd of " + underlyings.get(u));
      coin[u] = checkMatrix(pnlCoinByUnderlying[u], spec, "pnlCoin of " + underlyings.get(u));
    }
    pnlUsdByUnderlying = usd;
    pnlCoinByUnderlying = coin;
  }

  private static double[][] checkMatrix(double[][] m, ScenarioSpec spec, String name) {
    ArgChecker.isTrue(m.length == spec.spotCount(), name + ": " + spec.spotCount() + " rows expected, got " + m.length);
    double[][] copy = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      ArgChecker.isTrue(m[i].length == spec.volCount(), name + ": row " + i + " must have " + spec.volCount()
          + " columns, got " + m[i].length);
      for (int k = 0; k < m[i].length; k++) {
        if (!Double.isFinite(m[i][k])) {
          throw new IllegalArgumentException(name + " at spot shift " + spec.spotShift(i) + ", vol shift "
              + spec.volShift(k) + " is not finite: " + m[i][k]);
        }
      }
      copy[i] = m[i].clone();
    }
    return copy;
  }

  /** Book P&amp;L in USD at spot shift {@code i} and vol shift {@code k}. */
  public double pnlUsd(int i, int k) {
    return pnlUsd[i][k];
  }

  /**
   * P&amp;L in USD of the positions on {@code underlying} at spot shift {@code i} and vol shift {@code k}.
   *
   * @throws IllegalArgumentException naming the underlying when the book has no position on it
   */
  public double pnlUsd(String underlying, int i, int k) {
    return pnlUsdByUnderlying[index(underlying)][i][k];
  }

  /**
   * P&amp;L in coins of {@code underlying} of the positions on it at spot shift {@code i} and vol shift {@code k}.
   *
   * @throws IllegalArgumentException naming the underlying when the book has no position on it
   */
  public double pnlCoin(String underlying, int i, int k) {
    return pnlCoinByUnderlying[index(underlying)][i][k];
  }

  /** The book P&amp;L matrix {@code [spot][vol]}, USD (a copy). */
  @Override
  public double[][] pnlUsd() {
    return copy(pnlUsd);
  }

  /** Per underlying P&amp;L matrices, USD (a copy). */
  @Override
  public double[][][] pnlUsdByUnderlying() {
    double[][][] out = new double[pnlUsdByUnderlying.length][][];
    for (int u = 0; u < out.length; u++) {
      out[u] = copy(pnlUsdByUnderlying[u]);
    }
    return out;
  }

  /** Per underlying P&amp;L matrices, coins (a copy). */
  @Override
  public double[][][] pnlCoinByUnderlying() {
    double[][][] out = new double[pnlCoinByUnderlying.length][][];
    for (int u = 0; u < out.length; u++) {
      out[u] = copy(pnlCoinByUnderlying[u]);
    }
    return out;
  }

  /** The smallest book P&amp;L of the grid (the worst loss when negative), USD. */
  public double worstPnlUsd() {
    double worst = Double.POSITIVE_INFINITY;
    for (double[] row : pnlUsd) {
      for (double v : row) {
        worst = Math.min(worst, v);
      }
    }
    return worst;
  }

  private int index(String underlying) {
    int u = underlyings.indexOf(underlying);
    if (u < 0) {
      throw new IllegalArgumentException("no position on " + underlying + " (the book has " + underlyings + ")");
    }
    return u;
  }

  private static double[][] copy(double[][] m) {
    double[][] out = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      out[i] = m[i].clone();
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScenarioGrid g && timestamp.equals(g.timestamp) && spec.equals(g.spec)
        && underlyings.equals(g.underlyings) && Arrays.deepEquals(pnlUsd, g.pnlUsd)
        && Arrays.deepEquals(pnlUsdByUnderlying, g.pnlUsdByUnderlying)
        && Arrays.deepEquals(pnlCoinByUnderlying, g.pnlCoinByUnderlying) && settled.equals(g.settled);
  }

  @Override
  public int hashCode() {
    return ((timestamp.hashCode() * 31 + spec.hashCode()) * 31 + underlyings.hashCode()) * 31
        + Arrays.deepHashCode(pnlUsd);
  }

  @Override
  public String toString() {
    return "ScenarioGrid[" + timestamp + ", " + spec + ", underlyings " + underlyings + ", P&L USD "
        + Arrays.deepToString(pnlUsd) + (settled.isEmpty() ? "" : ", settled " + settled) + "]";
  }
}
