package io.netgamma.core.sim.path;

import static io.netgamma.core.sim.path.PathStats.mean;
import static io.netgamma.core.sim.path.PathStats.stdErr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class HestonModelTest {

  static final TimeGrid GRID = new TimeGrid(250, 1.0 / 365);

  /** Variances v_i = vol_i² at {@code step} over the paths (the vol path is √v⁺). */
  private static double[] variances(PathSet set, int step) {
    double[] v = new double[set.pathCount()];
    for (int p = 0; p < v.length; p++) {
      double vol = set.vol(0, step, p);
      v[p] = vol * vol;
    }
    return v;
  }

  @Test
  void varianceRevertsToTheta() {
    // Feller holds (2κθ = 3.84 ≥ ξ² = 0.36), so truncation is immaterial and E[v_i] follows the Euler recursion
    // E[v_{i+1}] = E[v_i] + κ(θ − E[v_i])·dt exactly; it converges to the exact mean θ + (v0 − θ)e^{−κt}.
    HestonAsset asset = new HestonAsset("BTC", 60_000, 0, 0.16, 3, 0.64, 0.6, -0.3);
    assertThat(asset.feller()).isTrue();
    PathSet set = HestonModel.of(asset).generate(GRID, 21, 0, 4000, 2);
    double dt = GRID.dtYears();
    for (int step : new int[] {0, 10, 50, 120, 250}) {
      double[] v = variances(set, step);
      double euler = asset.theta() + (asset.v0() - asset.theta()) * Math.pow(1 - asset.kappa() * dt, step);
      // + 1e-12: the round-off of (√v)², which alone remains at step 0 where every path has v0
      assertThat(mean(v)).as("E[v] at step %d", step).isCloseTo(euler, within(4 * stdErr(v) + 1e-12));
      assertThat(euler).isCloseTo(asset.expectedVariance(step * dt), within(2e-3));
    }
    // after 250 days (κt ≈ 2) most of the gap to θ has closed
    assertThat(mean(variances(set, 250))).isCloseTo(0.64, within(0.08));
  }

  @Test
  void zeroDriftIsAMartingaleEvenWithVolOfVol() {
    HestonAsset asset = new HestonAsset("BTC", 60_000, 0, 0.5, 1.5, 0.5, 1.5, 0.3); // Feller fails: 1.5 < 2.25
    assertThat(asset.feller()).isFalse();
    PathSet set = HestonModel.of(asset).generate(GRID, 5, 0, 6000, 2);
    double[] g = PathStats.terminalGrowth(set, 0);
    assertThat(mean(g)).isCloseTo(1.0, within(4 * stdErr(g)));
    for (double vol : set.vols(0)) {
      assertThat(vol).isFinite().isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  void spotAndVarianceShocksHaveCorrelationRho() {
    double rho = -0.6;
    HestonAsset asset = new HestonAsset("BTC", 60_000, 0, 0.36, 0, 0.36, 0.5, rho); // κ = 0: pure vol of vol
    TimeGrid grid = TimeGrid.hourly(50, 1);
    PathSet set = HestonModel.of(asset).generate(grid, 9, 0, 2000, 2);
    int n = set.pathCount();
    double[] ds = new double[50 * n];
    double[] dv = new double[50 * n];
    for (int step = 1; step <= 50; step++) {
      for (int p = 0; p < n; p++) {
        double v0 = set.vol(0, step - 1, p) * set.vol(0, step - 1, p);
        double v1 = set.vol(0, step, p) * set.vol(0, step, p);
        // standardised shocks: spot increment / √v and variance increment / (ξ√v)
        ds[(step - 1) * n + p] = (set.logReturn(0, step, p) + 0.5 * v0 * grid.dtYears()) / Math.sqrt(v0);
        dv[(step - 1) * n + p] = (v1 - v0) / Math.sqrt(v0);
      }
    }
    double se = (1 - rho * rho) / Math.sqrt(ds.length);
    assertThat(PathStats.correlation(ds, dv)).isCloseTo(rho, within(4 * se));
  }

  @Test
  void btcAndEthSpotShocksHaveTheCrossCorrelation() {
    PathSet set = HestonModel.of(List.of(new HestonAsset("BTC", 60_000, 0, 0.36, 2, 0.36, 0.8, -0.2),
        new HestonAsset("ETH", 3000, 0, 0.5, 2, 0.5, 1.0, 0.2)), CorrelationMatrix.of2(0.75))
        .generate(TimeGrid.hourly(60, 1), 12, 0, 1500, 2);
    int n = set.pathCount();
    double[] a = new double[60 * n];
    double[] b = new double[60 * n];
    for (int step = 1; step <= 60; step++) {
      for (int p = 0; p < n; p++) {
        double va = set.vol(0, step - 1, p);
        double vb = set.vol(1, step - 1, p);
        a[(step - 1) * n + p] = set.logReturn(0, step, p) / va;
        b[(step - 1) * n + p] = set.logReturn(1, step, p) / vb;
      }
    }
    double se = (1 - 0.75 * 0.75) / Math.sqrt(a.length);
    assertThat(PathStats.correlation(a, b)).isCloseTo(0.75, within(4 * se + 2e-3));
  }
}
