package io.netgamma.core.sim.path;

import static io.netgamma.core.sim.path.PathStats.mean;
import static io.netgamma.core.sim.path.PathStats.stdErr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class GarchModelTest {

  static final double DT = 1.0 / 8760;

  @Test
  void returnVarianceIsTheUnconditionalVariance() {
    GarchAsset asset = new GarchAsset("BTC", 60_000, 0, 2e-6, 0.1, 0.85, Double.NaN);
    assertThat(asset.unconditionalVariance()).isCloseTo(4e-5, within(1e-18));
    PathSet set = GarchModel.of(asset, DT).generate(new TimeGrid(400, DT), 17, 0, 1500, 2);
    // paths are independent replications: the per-path mean of the squared shocks has an honest standard error
    double[] perPath = new double[set.pathCount()];
    for (int p = 0; p < perPath.length; p++) {
      double s = 0;
      for (int step = 1; step < set.points(); step++) {
        double h = Math.pow(set.vol(0, step - 1, p), 2) * DT;
        double shock = set.logReturn(0, step, p) + 0.5 * h; // drift 0
        s += shock * shock;
      }
      perPath[p] = s / (set.points() - 1);
    }
    assertThat(mean(perPath)).isCloseTo(asset.unconditionalVariance(), within(4 * stdErr(perPath)));
  }

  @Test
  void volatilityPathFollowsTheGarchRecursion() {
    GarchAsset asset = new GarchAsset("ETH", 3000, 0.3, 3e-6, 0.12, 0.8, 1e-4);
    PathSet set = GarchModel.of(asset, DT).generate(new TimeGrid(100, DT), 2, 0, 20, 1);
    for (int p = 0; p < 20; p++) {
      assertThat(set.vol(0, 0, p)).isCloseTo(Math.sqrt(1e-4 / DT), within(1e-12));
      for (int step = 1; step <= 100; step++) {
        double h = Math.pow(set.vol(0, step - 1, p), 2) * DT;
        double shock = set.logReturn(0, step, p) - 0.3 * DT + 0.5 * h;
        double next = asset.omega() + asset.alpha() * shock * shock + asset.beta() * h;
        assertThat(Math.pow(set.vol(0, step, p), 2) * DT).isCloseTo(next, within(1e-12 * next + 1e-18));
      }
    }
  }

  @Test
  void conditionalVarianceRevertsFromAHighStart() {
    GarchAsset asset = new GarchAsset("BTC", 60_000, 0, 2e-6, 0.1, 0.85, 4e-4); // start at 10x the long-run level
    PathSet set = GarchModel.of(asset, DT).generate(new TimeGrid(200, DT), 5, 0, 2000, 2);
    double[] h = new double[set.pathCount()];
    for (int p = 0; p < h.length; p++) {
      h[p] = Math.pow(set.vol(0, 200, p), 2) * DT;
    }
    // E[h_i] = σ² + (α+β)^i (h0 − σ²)
    double expected = 4e-5 + Math.pow(0.95, 200) * (4e-4 - 4e-5);
    assertThat(mean(h)).isCloseTo(expected, within(4 * stdErr(h)));
  }

  @Test
  void annualVolFactoryAndGridCheck() {
    GarchAsset a = GarchAsset.ofAnnualVol("BTC", 60_000, 0, 0.6, 0.05, 0.9, DT);
    assertThat(Math.sqrt(a.unconditionalVariance() / DT)).isCloseTo(0.6, within(1e-12));
    GarchModel model = GarchModel.of(List.of(a), CorrelationMatrix.identity(1), DT);
    assertThatThrownBy(() -> model.generate(TimeGrid.hourly(10, 4), 1, 0, 1, 1))
        .hasMessageContaining("GARCH parameters are per step");
    assertThatThrownBy(() -> new GarchAsset("BTC", 1, 0, 1e-6, 0.2, 0.8, Double.NaN))
        .hasMessageContaining("alpha + beta must be < 1");
  }
}
