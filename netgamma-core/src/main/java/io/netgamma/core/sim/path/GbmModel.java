package io.netgamma.core.sim.path;

import java.util.List;

/**
 * Correlated geometric Brownian motion, simulated exactly (log-Euler is exact for GBM):
 * {@code S_{i+1} = S_i·exp((μ − σ²/2)·dt + σ·√dt·w_i)}, with {@code w = L·z} the Cholesky-correlated normals of
 * the assets. No implied-volatility path (the volatility is the constant σ).
 */
public final class GbmModel extends CorrelatedAssets<GbmAsset> {


  private GbmModel(List<GbmAsset> assets, CorrelationMatrix correlation) {
    super(assets, correlation, GbmAsset[]::new, GbmAsset::name);
  }

  /** Several assets with the correlation of their Brownian motions. */
  public static GbmModel of(List<GbmAsset> assets, CorrelationMatrix correlation) {
    return new GbmModel(assets, correlation);
  }

  /** One asset. */
  public static GbmModel of(GbmAsset asset) {
    return new GbmModel(List.of(asset), CorrelationMatrix.identity(1));
  }

  @Override
  public boolean hasVol(int asset) {
    return false;
  }

  @Override
  public void generateInto(PathSet out, long seed, int from, int to) {
    int k = assets.length;
    double dt = out.grid().dtYears();
    double[] drift = new double[k];
    double[] diffusion = new double[k];
    double[][] s = new double[k][];
    for (int a = 0; a < k; a++) {
      GbmAsset g = assets[a];
      drift[a] = (g.drift() - 0.5 * g.vol() * g.vol()) * dt;
      diffusion[a] = g.vol() * Math.sqrt(dt);
      s[a] = out.spots(a);
      for (int p = from; p < to; p++) {
        s[a][p] = g.spot();
      }
    }
    PathRandom rng = PathRandom.forBlock(seed, out, from, to);
    double[] z = new double[k];
    int n = out.pathCount();
    for (int step = 1; step < out.points(); step++) {
      int row = step * n;
      int prev = row - n;
      for (int p = from; p < to; p++) {
        rng.correlatedNormals(p - from, z, correlation());
        for (int a = 0; a < k; a++) {
          s[a][row + p] = s[a][prev + p] * StrictMath.exp(drift[a] + diffusion[a] * z[a]);
        }
      }
    }
  }
}
