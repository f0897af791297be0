package io.netgamma.core.sim.path;

import static io.netgamma.core.sim.path.PathStats.correlation;
import static io.netgamma.core.sim.path.PathStats.mean;
import static io.netgamma.core.sim.path.PathStats.stdErr;
import static io.netgamma.core.sim.path.PathStats.variance;
import static io.netgamma.core.sim.path.PathStats.varianceStdErr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GbmModelTest {

  static final TimeGrid DAILY_100 = new TimeGrid(100, 1.0 / 365);

  @ParameterizedTest
  @ValueSource(longs = {1, 42, 20260101})
  void terminalLogReturnHasTheLognormalMeanAndVariance(long seed) {
    double mu = 0.1;
    double sigma = 0.8;
    PathSet set = GbmModel.of(new GbmAsset("BTC", 60_000, mu, sigma)).generate(DAILY_100, seed, 0, 4000, 2);
    double[] x = PathStats.terminalLogReturns(set, 0);
    double t = DAILY_100.horizonYears();
    assertThat(mean(x)).isCloseTo((mu - 0.5 * sigma * sigma) * t, within(4 * stdErr(x)));
    assertThat(variance(x)).isCloseTo(sigma * sigma * t, within(4 * varianceStdErr(x)));
  }

  @ParameterizedTest
  @ValueSource(longs = {3, 77})
  void zeroDriftIsAMartingale(long seed) {
    PathSet set = GbmModel.of(new GbmAsset("ETH", 3000, 0, 0.9)).generate(DAILY_100, seed, 0, 4000, 2);
    double[] g = PathStats.terminalGrowth(set, 0);
    assertThat(mean(g)).isCloseTo(1.0, within(4 * stdErr(g)));
    // and at an intermediate step too
    double[] mid = new double[set.pathCount()];
    for (int p = 0; p < mid.length; p++) {
      mid[p] = set.spot(0, 37, p) / 3000;
    }
    assertThat(mean(mid)).isCloseTo(1.0, within(4 * stdErr(mid)));
  }

  @Test
  void stepIncrementsHaveTheExactPerStepMoments() {
    double sigma = 0.6;
    TimeGrid hourly = TimeGrid.hourly(200, 1);
    PathSet set = GbmModel.of(new GbmAsset("BTC", 60_000, 0, sigma)).generate(hourly, 5, 0, 500, 2);
    double[] r = PathStats.stepLogReturns(set, 0);
    double dt = hourly.dtYears();
    assertThat(mean(r)).isCloseTo(-0.5 * sigma * sigma * dt, within(4 * stdErr(r)));
    assertThat(variance(r)).isCloseTo(sigma * sigma * dt, within(4 * varianceStdErr(r)));
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.5, 0.0, 0.8, 0.95})
  void btcEthShocksHaveTheGivenCorrelation(double rho) {
    GbmModel model = GbmModel.of(List.of(new GbmAsset("BTC", 60_000, 0, 0.6), new GbmAsset("ETH", 3000, 0, 0.8)),
        CorrelationMatrix.of2(rho));
    PathSet set = model.generate(TimeGrid.hourly(100, 1), 11, 0, 1000, 2);
    double c = correlation(PathStats.stepLogReturns(set, 0), PathStats.stepLogReturns(set, 1));
    int n = 100 * 1000;
    double se = (1 - rho * rho) / Math.sqrt(n); // Fisher: sd of the sample correlation of bivariate normals
    assertThat(c).isCloseTo(rho, within(4 * se + 1e-12));
    assertThat(set.assets()).containsExactly("BTC", "ETH");
    assertThat(set.hasVol(0)).isFalse();
  }

  @Test
  void zeroVolatilityGrowsAtTheDrift() {
    PathSet set = GbmModel.of(new GbmAsset("BTC", 100, 0.365, 0)).generate(new TimeGrid(10, 1.0 / 365), 1, 0, 3, 1);
    for (int p = 0; p < 3; p++) {
      assertThat(set.spot(0, 10, p)).isCloseTo(100 * Math.exp(0.01), within(1e-10));
    }
  }

  @Test
  void rejectsAMismatchedCorrelation() {
    assertThatThrownBy(() -> GbmModel.of(List.of(new GbmAsset("BTC", 1, 0, 0.5)), CorrelationMatrix.of2(0.5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2x2 for 1 assets");
    assertThatThrownBy(() -> new GbmAsset("BTC", -1, 0, 0.5)).hasMessageContaining("BTC spot");
  }
}
