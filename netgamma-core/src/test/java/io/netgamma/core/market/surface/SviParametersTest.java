package io.netgamma.core.market.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.pricing.LetsBeRational;
import org.junit.jupiter.api.Test;

class SviParametersTest {

  /** An arbitrage-free smile: the SSVI slice θ = 0.04, φ = 2.5, ρ = −0.4 written as raw SVI. */
  static final SviParameters CLEAN = ssvi(0.04, 2.5, -0.4);
  /**
   * Axel Vogt's smile, Gatheral &amp; Jacquier (2014), "Arbitrage-free SVI volatility surfaces", Example 3.1: valid
   * raw SVI (positive minimum variance, Lee bounds hold) with butterfly arbitrage around k ≈ 0.6–1.2.
   */
  static final SviParameters VOGT = SviParameters.of(-0.0410, 0.1331, 0.3060, 0.3586, 0.4153);

  /** The SSVI slice w(k) = θ/2·(1 + ρφk + sqrt((φk + ρ)² + 1 − ρ²)) as raw SVI (Gatheral–Jacquier Lemma 3.3). */
  static SviParameters ssvi(double theta, double phi, double rho) {
    double s = Math.sqrt(1 - rho * rho);
    return SviParameters.of(0.5 * theta * (1 - rho * rho), 0.5 * theta * phi, rho, -rho / phi, s / phi);
  }

  @Test
  void totalVarianceIsTheRawSviFormula() {
    SviParameters p = SviParameters.of(0.02, 0.1, -0.3, 0.05, 0.2);
    double k = -0.4;
    assertThat(p.totalVariance(k)).isEqualTo(0.02 + 0.1 * (-0.3 * (k - 0.05) + Math.sqrt((k - 0.05) * (k - 0.05)
        + 0.04)));
    assertThat(p.volatility(k, 0.5)).isEqualTo(Math.sqrt(p.totalVariance(k) / 0.5));
    assertThat(p.minTotalVariance()).isCloseTo(0.02 + 0.1 * 0.2 * Math.sqrt(1 - 0.09), within(1e-17));
    double kMin = 0.05 - (-0.3) * 0.2 / Math.sqrt(1 - 0.09);
    assertThat(p.totalVariance(kMin)).isCloseTo(p.minTotalVariance(), within(1e-15));
    assertThat(p.leftWingSlope()).isCloseTo(0.13, within(1e-16));
    assertThat(p.rightWingSlope()).isCloseTo(0.07, within(1e-16));
  }

  @Test
  void ssviSliceIsReproduced() {
    // the helper's conversion is the one the fitter tests rely on: check it against the SSVI formula
    double theta = 0.04;
    double phi = 2.5;
    double rho = -0.4;
    for (double k = -1.5; k <= 1.5; k += 0.1) {
      double x = phi * k + rho;
      double ssvi = 0.5 * theta * (1 + rho * phi * k + Math.sqrt(x * x + 1 - rho * rho));
      assertThat(CLEAN.totalVariance(k)).isCloseTo(ssvi, within(1e-15));
    }
    assertThat(CLEAN.totalVariance(0)).isCloseTo(theta, within(1e-16));
  }

  @Test
  void derivativesMatchCentralDifferences() {
    // five-point stencils (truncation error O(h⁴))
    SviParameters p = SviParameters.of(0.02, 0.1, -0.3, 0.05, 0.2);
    double h = 1e-3;
    for (double k = -1.2; k <= 1.2; k += 0.15) {
      double f2m = p.totalVariance(k - 2 * h);
      double f1m = p.totalVariance(k - h);
      double f0 = p.totalVariance(k);
      double f1p = p.totalVariance(k + h);
      double f2p = p.totalVariance(k + 2 * h);
      double fd1 = (-f2p + 8 * f1p - 8 * f1m + f2m) / (12 * h);
      double fd2 = (-f2p + 16 * f1p - 30 * f0 + 16 * f1m - f2m) / (12 * h * h);
      assertThat(p.firstDerivative(k)).as("w'(%s)", k).isCloseTo(fd1, within(1e-9));
      assertThat(p.secondDerivative(k)).as("w''(%s)", k).isCloseTo(fd2, within(1e-6));
    }
  }

  @Test
  void densityIsTheSecondStrikeDerivativeOfBlackCallPrices() {
    // p(k) = K·∂²C/∂K² of undiscounted Black calls (F = 1, t = 1, vol = sqrt(w(ln K))), by central differences;
    // checked for a clean smile and for Vogt's, where the density goes negative
    for (SviParameters p : new SviParameters[] {CLEAN, VOGT}) {
      for (double k = -1.0; k <= 1.6; k += 0.05) {
        double strike = Math.exp(k);
        double h = 1e-4 * strike;
        double fd = (call(p, strike + h) - 2 * call(p, strike) + call(p, strike - h)) / (h * h) * strike;
        assertThat(p.density(k)).as("density at k=%s of %s", k, p).isCloseTo(fd, within(1e-6));
        // and g has the sign of the density
        if (Math.abs(fd) > 1e-4) {
          assertThat(Math.signum(p.durrleman(k))).isEqualTo(Math.signum(fd));
        }
      }
    }
  }

  private static double call(SviParameters p, double strike) {
    return LetsBeRational.blackPrice(1.0, strike, 1.0, Math.sqrt(p.totalVariance(Math.log(strike))), 1.0);
  }

  @Test
  void durrlemanOfAFlatSmileIsOne() {
    // w constant: w' = w'' = 0, so g = 1 and the density is the lognormal one
    SviParameters flat = SviParameters.fromQuasiExplicit(0.09, 0.0, 0.0, 0.0, 0.1);
    assertThat(flat.durrleman(0.3)).isEqualTo(1.0);
    double w = 0.09;
    double dm = -0.3 / Math.sqrt(w) - 0.5 * Math.sqrt(w);
    assertThat(flat.density(0.3)).isCloseTo(Math.exp(-0.5 * dm * dm) / Math.sqrt(2 * Math.PI * w), within(1e-15));
  }

  @Test
  void vogtsSmileHasButterflyArbitrageAndTheCleanOneNot() {
    ButterflyReport bad = VOGT.butterflyReport(-1.5, 2.5, 4001);
    assertThat(bad.arbitrageFree()).isFalse();
    assertThat(bad.minG()).isNegative();
    assertThat(bad.negativePoints()).isPositive();
    assertThat(bad.kAtMinG()).isBetween(0.5, 1.5);
    assertThat(bad.leeBoundsHold()).isTrue();
    assertThat(bad.summary()).startsWith("BUTTERFLY ARBITRAGE");
    ButterflyReport good = CLEAN.butterflyReport(-3, 3, 4001);
    assertThat(good.arbitrageFree()).isTrue();
    assertThat(good.minG()).isPositive();
    assertThat(good.summary()).startsWith("no butterfly arbitrage");
  }

  @Test
  void durrlemanTendsToTheLeeLimitInTheWings() {
    // w ~ s|k| far out, so g → 1/4 − s²/16: ≥ 0 exactly when s ≤ 2 (Roger Lee)
    SviParameters p = SviParameters.of(0.01, 0.8, 0.5, 0.0, 0.1);
    double s = p.rightWingSlope();
    assertThat(p.durrleman(1e7)).isCloseTo(0.25 - s * s / 16, within(1e-6));
    double sl = p.leftWingSlope();
    assertThat(p.durrleman(-1e7)).isCloseTo(0.25 - sl * sl / 16, within(1e-6));
  }

  @Test
  void leeBoundsAreChecked() {
    assertThat(SviParameters.of(0.01, 1.0, 0.999, 0, 0.1).satisfiesLeeBounds()).isTrue(); // right slope 1.999
    SviParameters steep = SviParameters.of(0.01, 1.5, 0.5, 0, 0.1); // right wing slope 2.25
    assertThat(steep.satisfiesLeeBounds()).isFalse();
    assertThat(steep.durrleman(1e6)).isNegative();
    ButterflyReport r = steep.butterflyReport(-1, 1, 101);
    assertThat(r.leeBoundsHold()).isFalse();
    assertThat(r.arbitrageFree()).isFalse();
    assertThat(r.summary()).contains("VIOLATED");
    assertThat(SviParameters.of(0.01, 1.0, 0.0, 0, 0.1).satisfiesLeeBounds()).isTrue(); // slopes exactly 1
    assertThat(SviParameters.of(0.01, 2.0 / 1.5, 0.5, 0, 0.1).satisfiesLeeBounds()).isTrue(); // right slope 2
  }

  @Test
  void quasiExplicitParametersConvert() {
    SviParameters p = SviParameters.fromQuasiExplicit(0.01, -0.03, 0.05, 0.1, 0.25);
    assertThat(p.b()).isCloseTo(0.2, within(1e-16));
    assertThat(p.rho()).isCloseTo(-0.6, within(1e-16));
    for (double k = -1; k <= 1; k += 0.25) {
      double y = (k - 0.1) / 0.25;
      assertThat(p.totalVariance(k)).isCloseTo(0.01 - 0.03 * y + 0.05 * Math.sqrt(y * y + 1), within(1e-16));
    }
    assertThatThrownBy(() -> SviParameters.fromQuasiExplicit(0.01, 0.01, 0.0, 0, 0.1))
        .hasMessageContaining("d must be 0 when c = 0");
  }

  @Test
  void invalidParametersAreRejectedWithTheValue() {
    assertThatThrownBy(() -> SviParameters.of(0.01, -0.1, 0, 0, 0.1)).hasMessageContaining("SVI b")
        .hasMessageContaining("-0.1");
    assertThatThrownBy(() -> SviParameters.of(0.01, 0.1, 1.0, 0, 0.1)).hasMessageContaining("rho")
        .hasMessageContaining("1.0");
    assertThatThrownBy(() -> SviParameters.of(0.01, 0.1, 0, 0, 0)).hasMessageContaining("SVI sigma");
    assertThatThrownBy(() -> SviParameters.of(Double.NaN, 0.1, 0, 0, 0.1)).hasMessageContaining("SVI a");
    assertThatThrownBy(() -> SviParameters.of(-0.05, 0.1, 0, 0, 0.1))
        .hasMessageContaining("minimum total variance").hasMessageContaining("-0.04");
    assertThatThrownBy(() -> CLEAN.butterflyReport(1, 0, 10)).hasMessageContaining("kHi must be > kLo");
  }
}
