package io.netgamma.core.margin.predictive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.portfolio.EwmaEstimate;
import io.netgamma.core.portfolio.EwmaEstimator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EwmaForecasterTest {

  @Test
  void lastForecastIsThePortfolioEwmaEstimateOnTheSamePrices() {
    SplittableRandom rnd = new SplittableRandom(7);
    double[] prices = new double[400];
    prices[0] = 100;
    for (int i = 1; i < prices.length; i++) {
      prices[i] = prices[i - 1] * Math.exp(0.03 * (rnd.nextDouble() - 0.5));
    }
    double[] f = EwmaForecaster.RISKMETRICS.varianceForecasts(VolatilityForecaster.logReturns(prices), 1e-4);
    assertThat(f).hasSize(prices.length);
    for (int end = 2; end <= prices.length; end += 57) {
      double[] prefix = java.util.Arrays.copyOf(prices, end);
      EwmaEstimate e = EwmaEstimator.estimate(List.of("X"), new double[][] {prefix}, 0.94, 365);
      assertThat(f[end - 1]).isCloseTo(e.covariance("X", "X"), within(1e-15 * f[end - 1]));
    }
  }

  @Test
  void isRiskMetricsRecursionOnceTheWeightsHaveConverged() {
    double[] r = new double[800];
    SplittableRandom rnd = new SplittableRandom(3);
    for (int i = 0; i < r.length; i++) {
      r[i] = 0.02 * (rnd.nextDouble() - 0.5);
    }
    double[] f = new EwmaForecaster(0.94).varianceForecasts(r, 1e-4);
    for (int i = 500; i < r.length; i++) { // 0.94^500 = 4e-14
      double riskMetrics = 0.94 * f[i] + 0.06 * r[i] * r[i];
      assertThat(f[i + 1]).isCloseTo(riskMetrics, within(1e-12 * riskMetrics));
    }
    assertThat(f[0]).isEqualTo(1e-4);
    assertThat(f[1]).isEqualTo(r[0] * r[0]);
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> new EwmaForecaster(1.0)).hasMessageContaining("lambda");
    assertThatThrownBy(() -> EwmaForecaster.RISKMETRICS.varianceForecasts(new double[] {0.01, Double.NaN}, 1e-4))
        .hasMessageContaining("return #1");
    assertThatThrownBy(() -> EwmaForecaster.RISKMETRICS.varianceForecasts(new double[] {0.01}, 0))
        .hasMessageContaining("initial variance");
    assertThatThrownBy(() -> VolatilityForecaster.logReturns(new double[] {1, 0, 2}))
        .hasMessageContaining("price #1");
  }
}
