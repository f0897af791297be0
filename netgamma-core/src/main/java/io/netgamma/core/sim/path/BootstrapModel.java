package io.netgamma.core.sim.path;

import io.netgamma.core.base.ArgChecker;
import java.util.List;

/**
 * Bootstrap of historical log returns: each path is {@code S_{i+1} = S_i·exp(r_{j(i)})} with the indices
 * {@code j(i)} resampled from the sample. Block length 1 is the i.i.d. bootstrap (Efron 1979); a longer block is
 * the circular block bootstrap of Politis &amp; Romano (1992), which keeps the short-range dependence of the returns
 * (volatility clustering) within blocks: a block starts at a uniform index of the sample and continues with the
 * following returns, wrapping around the end, so every observation is drawn equally often.
 *
 * <p>Several assets share the same resampled index at each step, so the cross-asset dependence of the sample
 * (e.g. BTC/ETH correlation and joint crashes) is preserved exactly. The returns are used as given (not demeaned):
 * a sample's drift carries into the paths. The sample's return interval must be the grid's step. No
 * implied-volatility path.
 */
public final class BootstrapModel implements PathModel {

  private final List<String> names;
  private final double[] spots;
  private final double[][] returns;
  private final int blockLength;
  private final double dtYears;

  private BootstrapModel(List<String> names, double[] spots, double[][] returns, int blockLength,
      double dtYears) {
    this.names = names;
    this.spots = spots;
    this.returns = returns;
    this.blockLength = blockLength;
    this.dtYears = dtYears;
  }

  /**
   * A bootstrap of aligned samples.
   *
   * @param names asset names
   * @param spots spot of each asset at point 0, USD per coin
   * @param logReturns per asset, the sample of log returns {@code ln(P_{j+1}/P_j)}, all of the same length and
   *     aligned in time (copied); see {@link #logReturns(double[])}
   * @param blockLength 1 for i.i.d., otherwise the block length in steps, at most the sample length
   * @param dtYears the sample's return interval in years (one hour = {@code 1/8760})
   */
  public static BootstrapModel of(List<String> names, double[] spots, double[][] logReturns, int blockLength,
      double dtYears) {
    ArgChecker.notNull(names, "names");
    ArgChecker.notNull(spots, "spots");
    ArgChecker.notNull(logReturns, "logReturns");
    int k = names.size();
    ArgChecker.isTrue(k > 0, "at least one asset is needed");
    ArgChecker.isTrue(spots.length == k && logReturns.length == k, names.size() + " assets but " + spots.length
        + " spots and " + logReturns.length + " return samples");
    ArgChecker.notNull(logReturns[0], names.get(0) + " returns");
    int n = logReturns[0].length;
    ArgChecker.isTrue(n > 0, names.get(0) + ": the return sample is empty");
    double[][] copy = new double[k][];
    for (int a = 0; a < k; a++) {
      ArgChecker.positive(spots[a], names.get(a) + " spot");
      ArgChecker.notNull(logReturns[a], names.get(a) + " returns");
      ArgChecker.isTrue(logReturns[a].length == n, names.get(a) + " has " + logReturns[a].length
          + " returns, " + names.get(0) + " has " + n + ": the samples must be aligned");
      for (int j = 0; j < n; j++) {
        ArgChecker.isTrue(Double.isFinite(logReturns[a][j]), names.get(a) + " log return #" + j
            + " must be finite, got " + logReturns[a][j]);
      }
      copy[a] = logReturns[a].clone();
    }
    ArgChecker.isTrue(blockLength >= 1 && blockLength <= n, "blockLength must be in [1, " + n + "], got "
        + blockLength);
    ArgChecker.positive(dtYears, "dtYears");
    return new BootstrapModel(List.copyOf(names), spots.clone(), copy, blockLength, dtYears);
  }

  /** Log returns {@code ln(P_{j+1}/P_j)} of a price series (prices finite and &gt; 0, at least two). */
  public static double[] logReturns(double[] prices) {
    ArgChecker.notNull(prices, "prices");
    ArgChecker.isTrue(prices.length >= 2, "at least two prices are needed, got " + prices.length);
    double[] r = new double[prices.length - 1];
    for (int j = 0; j < prices.length; j++) {
      ArgChecker.positive(prices[j], "price #" + j);
      if (j > 0) {
        r[j - 1] = Math.log(prices[j] / prices[j - 1]);
      }
    }
    return r;
  }

  @Override
  public List<String> assets() {
    return names;
  }

  @Override
  public boolean hasVol(int asset) {
    return false;
  }

  /** Number of returns in the sample. */
  public int sampleSize() {
    return returns[0].length;
  }

  /** The block length (1 = i.i.d.). */
  public int blockLength() {
    return blockLength;
  }

  @Override
  public void checkGrid(TimeGrid grid) {
    PathModel.super.checkGrid(grid);
    ArgChecker.isTrue(Math.abs(grid.dtYears() / dtYears - 1) <= 1e-9, "the bootstrap sample has returns every "
        + dtYears * TimeGrid.HOURS_PER_YEAR + " h; the grid's step is " + grid.dtHours() + " h");
  }

  @Override
  public void generateInto(PathSet out, long seed, int from, int to) {
    checkGrid(out.grid());
    int k = names.size();
    int n = out.pathCount();
    int sample = returns[0].length;
    double[][] s = new double[k][];
    for (int a = 0; a < k; a++) {
      s[a] = out.spots(a);
      for (int p = from; p < to; p++) {
        s[a][p] = spots[a];
      }
    }
    int[] next = new int[to - from];
    int[] left = new int[to - from];
    PathRandom rng = PathRandom.forBlock(seed, out, from, to);
    for (int step = 1; step < out.points(); step++) {
      int row = step * n;
      int prev = row - n;
      for (int p = from; p < to; p++) {
        int i = p - from;
        if (left[i] == 0) {
          next[i] = rng.uniformInt(i, sample);
          left[i] = blockLength;
        }
        int j = next[i];
        next[i] = j + 1 == sample ? 0 : j + 1;
        left[i]--;
        for (int a = 0; a < k; a++) {
          s[a][row + p] = s[a][prev + p] * StrictMath.exp(returns[a][j]);
        }
      }
    }
  }
}
