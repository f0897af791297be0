package io.netgamma.core.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link EwmaEstimator}: the recursion against the explicit weighted sums, exact cases, a seeded simulation. */
class EwmaEstimatorTest {

  static final List<String> ABC = List.of("A", "B", "C");

  static double[][] randomWalks(int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[][] p = new double[3][n];
    p[0][0] = 100;
    p[1][0] = 50;
    p[2][0] = 7;
    for (int t = 1; t < n; t++) {
      double z = rnd.nextGaussian();
      p[0][t] = p[0][t - 1] * Math.exp(0.01 * z);
      p[1][t] = p[1][t - 1] * Math.exp(0.015 * (0.7 * z + 0.71 * rnd.nextGaussian()));
      p[2][t] = p[2][t - 1] * Math.exp(0.03 * rnd.nextGaussian());
    }
    return p;
  }

  @Test
  void covarianceIsTheNormalisedExponentiallyWeightedMeanOfReturnProducts() {
    double[][] p = randomWalks(600, 3);
    double lambda = 0.97;
    EwmaEstimate e = EwmaEstimator.estimate(ABC, p, lambda, 365);
    assertThat(e.returns()).isEqualTo(599);
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        double num = 0;
        double den = 0;
        int n = p[a].length;
        for (int t = 1; t < n; t++) {
          double w = Math.pow(lambda, n - 1 - t);
          num += w * Math.log(p[a][t] / p[a][t - 1]) * Math.log(p[b][t] / p[b][t - 1]);
          den += w;
        }
        double explicit = num / den;
        assertThat(e.covariance(ABC.get(a), ABC.get(b))).isCloseTo(explicit, within(1e-13 * Math.abs(explicit)));
      }
    }
    assertThat(e.volatility("A")).isCloseTo(Math.sqrt(e.covariance("A", "A") * 365), within(1e-15));
    assertThat(e.correlation("A", "B")).isCloseTo(e.covariance("A", "B")
        / Math.sqrt(e.covariance("A", "A") * e.covariance("B", "B")), within(1e-15));
    assertThat(e.beta("B", "A")).isCloseTo(e.covariance("A", "B") / e.covariance("A", "A"), within(1e-15));
  }

  @Test
  void longHistoriesAreRiskMetricsRecursionUpToTheNormalisation() {
    double[][] p = randomWalks(2_000, 5);
    double lambda = EwmaEstimator.RISKMETRICS_LAMBDA;
    EwmaEstimate e = EwmaEstimator.estimate(ABC, p, lambda, 8760);
    double c = 0; // RiskMetrics: C_t = λ·C_{t−1} + (1 − λ)·r_t², seeded at 0
    for (int t = 1; t < p[0].length; t++) {
      double r = Math.log(p[1][t] / p[1][t - 1]);
      c = lambda * c + (1 - lambda) * r * r;
    }
    double normalisation = 1 - Math.pow(lambda, p[0].length - 1); // = 1 to double precision here
    assertThat(e.covariance("B", "B")).isCloseTo(c / normalisation, within(1e-13 * c));
  }

  @Test
  void exactlyProportionalReturnsHaveCorrelationOneAndTheirRatioAsBeta() {
    double[][] p = randomWalks(300, 9);
    double[][] q = new double[3][];
    q[0] = p[0];
    q[1] = new double[p[0].length];
    q[2] = new double[p[0].length];
    for (int t = 0; t < p[0].length; t++) {
      q[1][t] = p[0][t] * p[0][t] / 50;     // log returns 2× those of A
      q[2][t] = 1e4 / p[0][t];              // log returns −1× those of A
    }
    EwmaEstimate e = EwmaEstimator.estimate(ABC, q, 0.94, 365);
    assertThat(e.correlation("B", "A")).isCloseTo(1.0, within(1e-12));
    assertThat(e.correlation("C", "A")).isCloseTo(-1.0, within(1e-12));
    assertThat(e.beta("B", "A")).isCloseTo(2.0, within(1e-12));
    assertThat(e.beta("C", "A")).isCloseTo(-1.0, within(1e-12));
    assertThat(e.volatility("B") / e.volatility("A")).isCloseTo(2.0, within(1e-12));
    AssetRisk risk = e.toAssetRisk("A");
    assertThat(risk.beta("B")).isCloseTo(2.0, within(1e-12));
    assertThat(risk.beta("C")).isCloseTo(-1.0, within(1e-12));
  }

  @Test
  void recoversTheCorrelationOfASeededSimulation() {
    // ρ = 0.7/sqrt(0.7² + 0.71²) = 0.7021; λ = 0.9999 weighs ~20,000 returns: standard error ≈ (1 − ρ²)/√10⁴ ≈ 0.005
    double[][] p = randomWalks(200_000, 17);
    EwmaEstimate e = EwmaEstimator.estimate(ABC, p, 0.9999, 365);
    double rho = 0.7 / Math.sqrt(0.7 * 0.7 + 0.71 * 0.71);
    assertThat(e.correlation("B", "A")).isCloseTo(rho, within(0.03));
    assertThat(e.correlation("C", "A")).isCloseTo(0.0, within(0.04));
    assertThat(e.volatility("A")).isCloseTo(0.01 * Math.sqrt(365), within(0.01 * Math.sqrt(365) * 0.05));
  }

  @Test
  void alignsSeriesOnTheirCommonInstantsAndInfersTheFrequency() {
    long h = 3_600_000L;
    long[] ta = {0, h, 2 * h, 3 * h, 5 * h, 6 * h};
    double[] pa = {10, 11, 12, 13, 15, 16};
    long[] tb = {h, 2 * h, 4 * h, 5 * h, 6 * h, 7 * h};
    double[] pb = {21, 22, 24, 25, 26, 27};
    EwmaEstimator.Aligned al = EwmaEstimator.commonInstants(new long[][] {ta, tb}, new double[][] {pa, pb});
    assertThat(al.times()).containsExactly(h, 2 * h, 5 * h, 6 * h);
    assertThat(al.prices()[0]).containsExactly(11, 12, 15, 16);
    assertThat(al.prices()[1]).containsExactly(21, 22, 25, 26);
    EwmaEstimate e = EwmaEstimator.estimate(List.of("A", "B"), new long[][] {ta, tb}, new double[][] {pa, pb},
        0.94);
    assertThat(e.returns()).isEqualTo(3);
    // steps 1h, 3h, 1h: median 1h, 8,760 periods per year
    assertThat(e.periodsPerYear()).isEqualTo(8760.0);
  }

  @Test
  void rejectsBadInput() {
    double[][] p = randomWalks(10, 1);
    assertThatThrownBy(() -> EwmaEstimator.estimate(ABC, p, 1.0, 365)).hasMessageContaining("lambda must be in (0, 1)");
    assertThatThrownBy(() -> EwmaEstimator.estimate(List.of("A", "B"), p, 0.94, 365))
        .hasMessageContaining("2 assets but 3 price series");
    double[][] bad = {p[0], p[1], p[2].clone()};
    bad[2][4] = -1;
    assertThatThrownBy(() -> EwmaEstimator.estimate(ABC, bad, 0.94, 365))
        .hasMessageContaining("C price #4 must be finite and > 0, got -1.0");
    double[][] flat = {p[0], p[1], new double[10]};
    java.util.Arrays.fill(flat[2], 5.0);
    EwmaEstimate e = EwmaEstimator.estimate(ABC, flat, 0.94, 365);
    assertThatThrownBy(() -> e.toAssetRisk("A")).hasMessageContaining("C has no variance");
    assertThatThrownBy(() -> EwmaEstimator.commonInstants(new long[][] {{1, 1}}, new double[][] {{1, 2}}))
        .hasMessageContaining("strictly ascending");
  }
}
