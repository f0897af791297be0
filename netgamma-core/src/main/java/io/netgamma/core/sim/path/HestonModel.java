package io.netgamma.core.sim.path;

import java.util.List;

/**
 * Heston stochastic volatility by the full-truncation Euler scheme of Lord, Koekkoek &amp; van Dijk (2010), "A
 * comparison of biased simulation schemes for stochastic volatility models", Quantitative Finance 10(2): with
 * {@code v⁺ = max(v, 0)},
 * <pre>
 *   ln S_{i+1} = ln S_i + (μ − v_i⁺/2)·dt + √(v_i⁺·dt)·w_i
 *   v_{i+1}    = v_i + κ(θ − v_i⁺)·dt + ξ·√(v_i⁺·dt)·(ρ·w_i + √(1 − ρ²)·u_i)
 * </pre>
 * where {@code w} are the Cholesky-correlated spot normals of the assets (so the assets' spot Brownian motions have
 * exactly the given correlation) and {@code u_i} an independent normal per asset. The spot step is exact given
 * {@code v_i⁺}, so {@code E[S_t] = S_0·e^{μt}} holds exactly; the variance has the scheme's O(dt) bias (Lord et
 * al. find full truncation the least biased of the Euler fixes). The implied-volatility path is the instantaneous
 * volatility {@code √v⁺} (annualised fraction).
 */
public final class HestonModel extends CorrelatedAssets<HestonAsset> {


  private HestonModel(List<HestonAsset> assets, CorrelationMatrix correlation) {
    super(assets, correlation, HestonAsset[]::new, HestonAsset::name);
  }

  /** Several assets; {@code correlation} is that of their spot Brownian motions. */
  public static HestonModel of(List<HestonAsset> assets, CorrelationMatrix correlation) {
    return new HestonModel(assets, correlation);
  }

  /** One asset. */
  public static HestonModel of(HestonAsset asset) {
    return new HestonModel(List.of(asset), CorrelationMatrix.identity(1));
  }

  @Override
  public boolean hasVol(int asset) {
    return true;
  }

  @Override
  public void generateInto(PathSet out, long seed, int from, int to) {
    int k = assets.length;
    double dt = out.grid().dtYears();
    double sqrtDt = Math.sqrt(dt);
    int n = out.pathCount();
    int width = to - from;
    double[][] s = new double[k][];
    double[][] vol = new double[k][];
    double[][] v = new double[k][width];
    double[] rhoBar = new double[k];
    for (int a = 0; a < k; a++) {
      HestonAsset h = assets[a];
      s[a] = out.spots(a);
      vol[a] = out.vols(a);
      rhoBar[a] = Math.sqrt(Math.max(0.0, 1 - h.rho() * h.rho()));
      for (int p = from; p < to; p++) {
        s[a][p] = h.spot();
        vol[a][p] = Math.sqrt(h.v0());
        v[a][p - from] = h.v0();
      }
    }
    PathRandom rng = PathRandom.forBlock(seed, out, from, to);
    double[] z = new double[k];
    for (int step = 1; step < out.points(); step++) {
      int row = step * n;
      int prev = row - n;
      for (int p = from; p < to; p++) {
        int i = p - from;
        rng.correlatedNormals(i, z, correlation());
        for (int a = 0; a < k; a++) {
          HestonAsset h = assets[a];
          double vi = v[a][i];
          double vPlus = Math.max(vi, 0.0);
          double sd = Math.sqrt(vPlus) * sqrtDt;
          s[a][row + p] = s[a][prev + p] * StrictMath.exp((h.drift() - 0.5 * vPlus) * dt + sd * z[a]);
          double zv = h.rho() * z[a] + rhoBar[a] * rng.normal(i);
          double next = vi + h.kappa() * (h.theta() - vPlus) * dt + h.volOfVol() * sd * zv;
          v[a][i] = next;
          vol[a][row + p] = Math.sqrt(Math.max(next, 0.0));
        }
      }
    }
  }
}
