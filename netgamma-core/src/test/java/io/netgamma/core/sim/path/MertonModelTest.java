package io.netgamma.core.sim.path;

import static io.netgamma.core.sim.path.PathStats.mean;
import static io.netgamma.core.sim.path.PathStats.stdErr;
import static io.netgamma.core.sim.path.PathStats.variance;
import static io.netgamma.core.sim.path.PathStats.varianceStdErr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MertonModelTest {

  @Test
  void jumpsArriveAtTheirPoissonFrequency() {
    // σ = 0: a step without a jump moves by the drift exactly, so every other step had at least one jump
    double lambda = 50;
    MertonAsset asset = new MertonAsset("BTC", 60_000, 0, 0, lambda, -0.05, 0.1);
    TimeGrid grid = new TimeGrid(365, 1.0 / 365);
    PathSet set = MertonModel.of(asset).generate(grid, 8, 0, 400, 2);
    double drift = -lambda * asset.meanRelativeJump() * grid.dtYears();
    double[] r = PathStats.stepLogReturns(set, 0);
    long jumpSteps = 0;
    for (double x : r) {
      if (Math.abs(x - drift) > 1e-12) {
        jumpSteps++;
      }
    }
    double p = 1 - Math.exp(-lambda * grid.dtYears());
    double expected = p * r.length;
    assertThat((double) jumpSteps).isCloseTo(expected, within(4 * Math.sqrt(expected * (1 - p))));
  }

  @Test
  void poissonInversionReproducesThePmf() {
    double mean = 2.5;
    int m = 200_000;
    int[] counts = new int[30];
    for (int j = 0; j < m; j++) {
      counts[MertonModel.poisson((j + 0.5) / m, mean, Math.exp(-mean))]++;
    }
    double pmf = Math.exp(-mean);
    for (int k = 0; k < 12; k++) {
      assertThat(counts[k] / (double) m).as("P(N = %d)", k).isCloseTo(pmf, within(2.0 / m));
      pmf *= mean / (k + 1);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void theCompensatedDriftMakesItAMartingale(long seed) {
    MertonAsset asset = new MertonAsset("BTC", 60_000, 0, 0.5, 12, -0.08, 0.12);
    PathSet set = MertonModel.of(asset).generate(new TimeGrid(60, 1.0 / 365), seed, 0, 8000, 2);
    double[] g = PathStats.terminalGrowth(set, 0);
    assertThat(mean(g)).isCloseTo(1.0, within(4 * stdErr(g)));
  }

  @Test
  void logReturnVarianceIsDiffusionPlusJumps() {
    MertonAsset asset = new MertonAsset("BTC", 60_000, 0.2, 0.5, 12, -0.08, 0.12);
    TimeGrid grid = new TimeGrid(60, 1.0 / 365);
    PathSet set = MertonModel.of(asset).generate(grid, 4, 0, 8000, 2);
    double[] x = PathStats.terminalLogReturns(set, 0);
    double t = grid.horizonYears();
    double meanLog = (asset.drift() - 0.5 * asset.vol() * asset.vol()
        - asset.jumpIntensity() * asset.meanRelativeJump() + asset.jumpIntensity() * asset.jumpMean()) * t;
    assertThat(mean(x)).isCloseTo(meanLog, within(4 * stdErr(x)));
    assertThat(variance(x)).isCloseTo(asset.logVariancePerYear() * t, within(4 * varianceStdErr(x)));
  }
}
