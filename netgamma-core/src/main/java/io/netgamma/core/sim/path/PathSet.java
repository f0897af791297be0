package io.netgamma.core.sim.path;

import io.netgamma.core.base.ArgChecker;
import java.util.List;

/**
 * Simulated (or replayed) price paths of one or more assets, structure-of-arrays.
 *
 * <p><b>Layout: step-major.</b> For each asset, one {@code double[]} of length {@code points·pathCount} holding the
 * spot in USD per coin at index {@code step·pathCount + path}: the prices of all paths at one step are contiguous,
 * which is how a hedging simulator reads them (advance every path one step, price the book on all of them as a
 * batch). {@code path} is local to the set ({@code 0..pathCount}); its global number, which chose its random stream,
 * is {@code firstPath() + path}. Sets generated for path blocks {@code [a, b)} and {@code [b, c)} hold exactly the
 * paths of one set generated for {@code [a, c)}, so a simulator can stream blocks instead of holding 10k paths at
 * once.
 *
 * <p>An optional implied-volatility path per asset (annualised fraction, same layout): DVOL for a historical replay,
 * {@code √v} for Heston, the conditional volatility for GARCH. {@link #hasVol} says whether an asset has one.
 *
 * <p>Not thread-safe for writes; the arrays are exposed on purpose (hot loops read them directly) and may be changed
 * in place, e.g. by {@link #applyPermanentShift} when a simulator applies the permanent impact of its own trades.
 */
public final class PathSet {

  private final List<String> assets;
  private final TimeGrid grid;
  private final int firstPath;
  private final int pathCount;
  private final double[][] spots;
  private final double[][] vols;

  private PathSet(List<String> assets, TimeGrid grid, int firstPath, int pathCount, double[][] spots,
      double[][] vols) {
    this.assets = assets;
    this.grid = grid;
    this.firstPath = firstPath;
    this.pathCount = pathCount;
    this.spots = spots;
    this.vols = vols;
  }

  /**
   * An empty (zero-filled) set to generate into.
   *
   * @param assets asset names (e.g. "BTC", "ETH"), distinct
   * @param grid the time grid
   * @param firstPath global number of the first path (≥ 0)
   * @param pathCount number of paths (≥ 1); {@code grid.points()·pathCount} must fit in an array
   * @param withVol which assets get an implied-volatility path (same length as {@code assets})
   */
  public static PathSet allocate(List<String> assets, TimeGrid grid, int firstPath, int pathCount,
      boolean[] withVol) {
    ArgChecker.notNull(assets, "assets");
    ArgChecker.notNull(grid, "grid");
    ArgChecker.notNegative(firstPath, "firstPath");
    ArgChecker.positive(pathCount, "pathCount");
    ArgChecker.notNull(withVol, "withVol");
    ArgChecker.isTrue(!assets.isEmpty(), "at least one asset is needed");
    ArgChecker.isTrue(withVol.length == assets.size(), "withVol has " + withVol.length + " entries for "
        + assets.size() + " assets");
    ArgChecker.isTrue(assets.stream().distinct().count() == assets.size(), "asset names must be distinct: "
        + assets);
    long length = (long) grid.points() * pathCount;
    ArgChecker.isTrue(length <= Integer.MAX_VALUE - 8, grid.points() + " points x " + pathCount
        + " paths is too many for one set: generate the paths in blocks");
    double[][] spots = new double[assets.size()][(int) length];
    double[][] vols = new double[assets.size()][];
    for (int a = 0; a < vols.length; a++) {
      vols[a] = withVol[a] ? new double[(int) length] : null;
    }
    return new PathSet(List.copyOf(assets), grid, firstPath, pathCount, spots, vols);
  }

  /** Asset names, in index order. */
  public List<String> assets() {
    return assets;
  }

  /** Number of assets. */
  public int assetCount() {
    return assets.size();
  }

  /** Index of the asset named {@code name}. @throws IllegalArgumentException when there is none */
  public int assetIndex(String name) {
    int i = assets.indexOf(name);
    ArgChecker.isTrue(i >= 0, "no asset '" + name + "' in the path set; assets are " + assets);
    return i;
  }

  /** The time grid. */
  public TimeGrid grid() {
    return grid;
  }

  /** Number of points per path, {@code grid().points()}. */
  public int points() {
    return grid.points();
  }

  /** Global number of the first path in this set. */
  public int firstPath() {
    return firstPath;
  }

  /** Number of paths in this set. */
  public int pathCount() {
    return pathCount;
  }

  /** Array index of ({@code step}, local {@code path}): {@code step·pathCount + path}. */
  public int index(int step, int path) {
    return step * pathCount + path;
  }

  /** The live step-major spot array of {@code asset} (USD per coin); see the class javadoc for the layout. */
  public double[] spots(int asset) {
    return spots[asset];
  }

  /** Spot of {@code asset} at {@code step} on local {@code path}, USD per coin. */
  public double spot(int asset, int step, int path) {
    return spots[asset][step * pathCount + path];
  }

  /** True when {@code asset} has an implied-volatility path. */
  public boolean hasVol(int asset) {
    return vols[asset] != null;
  }

  /**
   * The live step-major implied-volatility array of {@code asset} (annualised fraction).
   *
   * @throws IllegalArgumentException when the asset has none (see {@link #hasVol})
   */
  public double[] vols(int asset) {
    ArgChecker.isTrue(vols[asset] != null, "asset '" + assets.get(asset) + "' has no implied-volatility path");
    return vols[asset];
  }

  /** Implied volatility (annualised fraction) of {@code asset} at {@code step} on local {@code path}. */
  public double vol(int asset, int step, int path) {
    return vols(asset)[step * pathCount + path];
  }

  /** Log return {@code ln(S[step]/S[step−1])} of {@code asset} on local {@code path}, for {@code step ≥ 1}. */
  public double logReturn(int asset, int step, int path) {
    double[] s = spots[asset];
    return Math.log(s[step * pathCount + path] / s[(step - 1) * pathCount + path]);
  }

  /**
   * Applies a permanent price impact: multiplies the spot of {@code asset} on local {@code path} at every step from
   * {@code fromStep} to the end by {@code exp(logShift)}. Costs O(steps); a simulator that trades at most steps should
   * rather keep a running log shift per path and multiply when it reads a spot (see
   * {@code sim.execution.ImpactModel}).
   */
  public void applyPermanentShift(int asset, int path, int fromStep, double logShift) {
    ArgChecker.finite(logShift, "logShift");
    ArgChecker.isTrue(fromStep >= 0 && fromStep < points(), "fromStep must be in [0, " + points() + "), got "
        + fromStep);
    ArgChecker.isTrue(path >= 0 && path < pathCount, "path must be in [0, " + pathCount + "), got " + path);
    double f = Math.exp(logShift);
    double[] s = spots[asset];
    for (int i = fromStep * pathCount + path; i < s.length; i += pathCount) {
      s[i] *= f;
    }
  }
}
