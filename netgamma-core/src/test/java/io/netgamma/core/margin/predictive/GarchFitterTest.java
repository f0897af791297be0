package io.netgamma.core.margin.predictive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GarchFitterTest {

  /** A GARCH(1,1) path with Gaussian innovations, started at the unconditional variance. */
  static double[] simulate(GarchParameters p, int n, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] r = new double[n];
    double s = p.unconditionalVariance();
    for (int i = 0; i < n; i++) {
      r[i] = Math.sqrt(s) * z.sample();
      s = p.omega() + p.alpha() * r[i] * r[i] + p.beta() * s;
    }
    return r;
  }

  @ParameterizedTest
  @CsvSource({"1, 0.10, 0.85", "2, 0.05, 0.93", "3, 0.15, 0.80"})
  void recoversKnownParametersWithinThreeStandardErrors(long seed, double alpha, double beta) {
    // crypto-like daily variance: 60% a year -> 0.6^2/365 per day
    GarchParameters truth = GarchParameters.targeted(0.36 / 365, alpha, beta);
    double[] r = simulate(truth, 4000, seed);
    GarchFit fit = GarchFitter.fit(r);
    assertThat(fit.hasStandardErrors()).isTrue();
    assertThat(fit.alphaStandardError()).isBetween(0.003, 0.05);
    assertThat(fit.betaStandardError()).isBetween(0.003, 0.08);
    assertThat(Math.abs(fit.parameters().alpha() - alpha)).isLessThan(3 * fit.alphaStandardError());
    assertThat(Math.abs(fit.parameters().beta() - beta)).isLessThan(3 * fit.betaStandardError());
    // the maximum: no better than the truth's likelihood is missed, and neighbours are worse
    double at = GarchFitter.logLikelihood(r, fit.parameters(), fit.sampleVariance());
    assertThat(at).isCloseTo(fit.logLikelihood(), within(1e-9 * Math.abs(at)));
    GarchParameters targetedTruth = GarchParameters.targeted(fit.sampleVariance(), alpha, beta);
    assertThat(fit.logLikelihood()).isGreaterThanOrEqualTo(GarchFitter.logLikelihood(r, targetedTruth,
        fit.sampleVariance()));
    double a = fit.parameters().alpha();
    double b = fit.parameters().beta();
    for (double[] d : new double[][] {{1e-3, 0}, {-1e-3, 0}, {0, 1e-3}, {0, -1e-3}}) {
      GarchParameters q = GarchParameters.targeted(fit.sampleVariance(), a + d[0], b + d[1]);
      assertThat(GarchFitter.logLikelihood(r, q, fit.sampleVariance())).isLessThan(fit.logLikelihood());
    }
  }

  @Test
  void whiteNoiseHasNoPersistentArchEffect() {
    double[] r = simulate(new GarchParameters(1e-4, 0, 0), 3000, 11);
    GarchFit fit = GarchFitter.fit(r);
    // alpha near 0: the fitted process carries (almost) no information from the last return
    assertThat(fit.parameters().alpha()).isLessThan(0.03);
    assertThat(fit.parameters().unconditionalVariance()).isCloseTo(1e-4, within(1e-5));
  }

  @Test
  void forecasterRunsTheRecursion() {
    GarchParameters p = new GarchParameters(2e-6, 0.1, 0.85);
    double[] r = {0.01, -0.03, 0.002};
    double[] f = new GarchForecaster(p).varianceForecasts(r);
    double s0 = p.unconditionalVariance();
    assertThat(s0).isCloseTo(2e-6 / 0.05, within(1e-18));
    assertThat(f[0]).isEqualTo(s0);
    assertThat(f[1]).isCloseTo(2e-6 + 0.1 * 1e-4 + 0.85 * s0, within(1e-18));
    assertThat(f[2]).isCloseTo(2e-6 + 0.1 * 9e-4 + 0.85 * f[1], within(1e-18));
    assertThat(f[3]).isCloseTo(2e-6 + 0.1 * 4e-6 + 0.85 * f[2], within(1e-18));
    assertThat(p.halfLife()).isCloseTo(Math.log(0.5) / Math.log(0.95), within(1e-12));
  }

  @Test
  void rejectsBadParametersAndInput() {
    assertThatThrownBy(() -> new GarchParameters(1e-6, 0.2, 0.8)).hasMessageContaining("alpha + beta");
    assertThatThrownBy(() -> new GarchParameters(0, 0.1, 0.8)).hasMessageContaining("omega");
    assertThatThrownBy(() -> new GarchParameters(1e-6, -0.1, 0.8)).hasMessageContaining("alpha");
    assertThatThrownBy(() -> GarchFitter.fit(new double[10])).hasMessageContaining("at least 50");
    assertThatThrownBy(() -> GarchFitter.fit(new double[60])).hasMessageContaining("every return is 0");
  }
}
