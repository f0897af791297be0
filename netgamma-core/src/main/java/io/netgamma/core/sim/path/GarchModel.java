package io.netgamma.core.sim.path;

import io.netgamma.core.base.ArgChecker;
import java.util.List;

/**
 * GARCH(1,1) returns per step (Bollerslev 1986, "Generalized autoregressive conditional heteroskedasticity", J.
 * Econometrics 31), correlated across assets with a constant conditional correlation of the standardised shocks
 * ε (Bollerslev 1990, CCC). See {@link GarchAsset} for the recursion. The parameters are per step, so the model is
 * tied to the step length it was calibrated on: {@link #checkGrid} rejects another one. The implied-volatility
 * path at point i is the annualised conditional volatility of the next step, {@code √(h_i/dt)}.
 */
public final class GarchModel extends CorrelatedAssets<GarchAsset> {

  private final double dtYears;

  private GarchModel(List<GarchAsset> assets, CorrelationMatrix correlation, double dtYears) {
    super(assets, correlation, GarchAsset[]::new, GarchAsset::name);
    this.dtYears = ArgChecker.positive(dtYears, "dtYears");
  }

  /** Several assets calibrated on steps of {@code dtYears}, with the correlation of their shocks. */
  public static GarchModel of(List<GarchAsset> assets, CorrelationMatrix correlation, double dtYears) {
    return new GarchModel(assets, correlation, dtYears);
  }

  /** One asset calibrated on steps of {@code dtYears}. */
  public static GarchModel of(GarchAsset asset, double dtYears) {
    return new GarchModel(List.of(asset), CorrelationMatrix.identity(1), dtYears);
  }

  @Override
  public boolean hasVol(int asset) {
    return true;
  }

  /** The step length, in years, the per-step parameters refer to. */
  public double dtYears() {
    return dtYears;
  }

  @Override
  public void checkGrid(TimeGrid grid) {
    super.checkGrid(grid);
    ArgChecker.isTrue(Math.abs(grid.dtYears() / dtYears - 1) <= 1e-9, "GARCH parameters are per step of "
        + dtYears + " years (" + dtYears * TimeGrid.HOURS_PER_YEAR + " h); the grid's step is " + grid.dtYears()
        + " years (" + grid.dtHours() + " h)");
  }

  @Override
  public void generateInto(PathSet out, long seed, int from, int to) {
    checkGrid(out.grid());
    int k = assets.length;
    int n = out.pathCount();
    int width = to - from;
    double[][] s = new double[k][];
    double[][] vol = new double[k][];
    double[][] h = new double[k][width];
    double[] mu = new double[k];
    for (int a = 0; a < k; a++) {
      GarchAsset g = assets[a];
      s[a] = out.spots(a);
      vol[a] = out.vols(a);
      mu[a] = g.drift() * dtYears;
      double h0 = g.initialVariance();
      for (int p = from; p < to; p++) {
        s[a][p] = g.spot();
        vol[a][p] = Math.sqrt(h0 / dtYears);
        h[a][p - from] = h0;
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
          GarchAsset g = assets[a];
          double hi = h[a][i];
          double shock = Math.sqrt(hi) * z[a];
          s[a][row + p] = s[a][prev + p] * StrictMath.exp(mu[a] - 0.5 * hi + shock);
          double next = g.omega() + g.alpha() * shock * shock + g.beta() * hi;
          h[a][i] = next;
          vol[a][row + p] = Math.sqrt(next / dtYears);
        }
      }
    }
  }
}
