package io.netgamma.core.sim.path;

import io.netgamma.core.base.ArgChecker;
import java.util.List;

/**
 * Historical replay: the one path is the given price series (e.g. hourly closes from an OHLCV file, read by the data
 * layer), with an optional implied-volatility series per asset (e.g. Deribit DVOL, which is quoted in percent:
 * divide by 100). A grid of {@code steps} replays the first {@code steps + 1} prices; the seed is ignored.
 */
public final class ReplayModel implements PathModel {

  private final List<String> names;
  private final double[][] prices;
  private final double[][] vols;
  private final double dtYears;

  private ReplayModel(List<String> names, double[][] prices, double[][] vols, double dtYears) {
    this.names = names;
    this.prices = prices;
    this.vols = vols;
    this.dtYears = dtYears;
  }

  /**
   * A replay of aligned series.
   *
   * @param names asset names
   * @param prices per asset, prices in USD per coin (finite, &gt; 0), all of the same length ≥ 2, aligned in time
   *     (copied)
   * @param impliedVols per asset, null or the implied volatility (annualised fraction, finite, ≥ 0) at each price
   *     point, same length (copied); {@code impliedVols} itself may be null for none
   * @param dtYears the interval between prices in years (one hour = {@code 1/8760})
   */
  public static ReplayModel of(List<String> names, double[][] prices, double[][] impliedVols, double dtYears) {
    ArgChecker.notNull(names, "names");
    ArgChecker.notNull(prices, "prices");
    int k = names.size();
    ArgChecker.isTrue(k > 0, "at least one asset is needed");
    ArgChecker.isTrue(prices.length == k, k + " assets but " + prices.length + " price series");
    ArgChecker.isTrue(impliedVols == null || impliedVols.length == k, k + " assets but "
        + (impliedVols == null ? 0 : impliedVols.length) + " implied-vol series");
    ArgChecker.notNull(prices[0], names.get(0) + " prices");
    int n = prices[0].length;
    ArgChecker.isTrue(n >= 2, names.get(0) + ": at least two prices are needed, got " + n);
    double[][] p = new double[k][];
    double[][] v = new double[k][];
    for (int a = 0; a < k; a++) {
      String name = names.get(a);
      ArgChecker.notNull(prices[a], name + " prices");
      ArgChecker.isTrue(prices[a].length == n, name + " has " + prices[a].length + " prices, " + names.get(0)
          + " has " + n + ": the series must be aligned");
      for (int j = 0; j < n; j++) {
        ArgChecker.positive(prices[a][j], name + " price #" + j);
      }
      p[a] = prices[a].clone();
      if (impliedVols != null && impliedVols[a] != null) {
        ArgChecker.isTrue(impliedVols[a].length == n, name + " has " + impliedVols[a].length
            + " implied vols for " + n + " prices");
        for (int j = 0; j < n; j++) {
          ArgChecker.notNegative(impliedVols[a][j], name + " implied vol #" + j);
        }
        v[a] = impliedVols[a].clone();
      }
    }
    ArgChecker.positive(dtYears, "dtYears");
    return new ReplayModel(List.copyOf(names), p, v, dtYears);
  }

  /** One asset, with an implied-volatility series or null. */
  public static ReplayModel of(String name, double[] prices, double[] impliedVols, double dtYears) {
    return of(List.of(name), new double[][] {prices}, new double[][] {impliedVols}, dtYears);
  }

  @Override
  public List<String> assets() {
    return names;
  }

  @Override
  public boolean hasVol(int asset) {
    return vols[asset] != null;
  }

  @Override
  public int maxPaths() {
    return 1;
  }

  /** The grid of the whole series: {@code length − 1} steps of the series' interval. */
  public TimeGrid grid() {
    return new TimeGrid(prices[0].length - 1, dtYears);
  }

  @Override
  public void checkGrid(TimeGrid grid) {
    PathModel.super.checkGrid(grid);
    ArgChecker.isTrue(Math.abs(grid.dtYears() / dtYears - 1) <= 1e-9, "the replayed series has a price every "
        + dtYears * TimeGrid.HOURS_PER_YEAR + " h; the grid's step is " + grid.dtHours() + " h");
    ArgChecker.isTrue(grid.steps() < prices[0].length, "the grid has " + grid.steps() + " steps but the series only "
        + (prices[0].length - 1));
  }

  @Override
  public void generateInto(PathSet out, long seed, int from, int to) {
    checkGrid(out.grid());
    ArgChecker.isTrue(out.firstPath() + to <= 1, "a replay has one path");
    if (from >= to) {
      return;
    }
    int points = out.points();
    for (int a = 0; a < names.size(); a++) {
      double[] s = out.spots(a);
      for (int j = 0; j < points; j++) {
        s[j] = prices[a][j]; // one path: the step-major index of (j, 0) is j
      }
      if (vols[a] != null) {
        double[] v = out.vols(a);
        for (int j = 0; j < points; j++) {
          v[j] = vols[a][j];
        }
      }
    }
  }
}
