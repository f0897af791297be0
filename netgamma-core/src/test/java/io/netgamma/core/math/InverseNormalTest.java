package io.netgamma.core.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tests of {@link InverseNormal}. Reference values are Φ⁻¹ of the double p, to 21 digits, from mpmath (60-digit
 * arithmetic, root of ln Φ(x) = ln p); tolerances are the documented relative accuracy 8e-16.
 */
class InverseNormalTest {

  private static final double EPS = 0x1p-53;
  /** The documented relative accuracy of AS241 (measured worst 7.0e-16 over 3000 random p in [1e-308, 1]). */
  private static final double ACCURACY = 8e-16;

  @ParameterizedTest
  @CsvSource({
      "4.9e-324, -38.4674056171443462508",
      "1e-300, -37.0470962993611992365",
      "1e-100, -21.2734535609653242942",
      "1e-20, -9.26234008979840757957",
      "1e-10, -6.3613409024040561991",
      "0.001, -3.09023230616781353536",
      "0.025, -1.95996398454005421178",
      "0.1, -1.28155156554460043533",
      "0.3, -0.524400512708040815969",
      "0.7, 0.524400512708040656314",
      "0.9, 1.28155156554460059349",
      "0.975, 1.9599639845400538556",
      "0.999, 3.09023230616781327776"})
  void matchesHighPrecisionValues(double p, double expected) {
    assertThat(InverseNormal.inverseCdf(p)).isCloseTo(expected, within(ACCURACY * Math.abs(expected)));
  }

  @Test
  void knownQuantiles() {
    assertThat(InverseNormal.inverseCdf(0.975)).isCloseTo(1.959963984540054, within(1e-15));
    assertThat(InverseNormal.inverseCdf(0.025)).isCloseTo(-1.959963984540054, within(1e-15));
    assertThat(InverseNormal.inverseCdf(0.5)).isZero();
    assertThat(InverseNormal.inverseCdf(0.8413447460685429)).isCloseTo(1.0, within(4e-16));
  }

  @Test
  void boundaries() {
    assertThat(InverseNormal.inverseCdf(0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(InverseNormal.inverseCdf(1.0)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(InverseNormal.inverseCdf(-1e-300)).isNaN();
    assertThat(InverseNormal.inverseCdf(1.0000000000000002)).isNaN();
    assertThat(InverseNormal.inverseCdf(Double.NaN)).isNaN();
    assertThat(InverseNormal.inverseCdf(Double.MIN_VALUE)).isFinite().isLessThan(-38.0);
    assertThat(InverseNormal.inverseCdf(Math.nextDown(1.0))).isFinite().isGreaterThan(8.0);
  }

  @Test
  void inverseOfTheCdfRoundTrips() {
    // x -> p = Φ(x) -> x': p carries its rounding ε·p, worth ε·p/φ(x) in x; Φ⁻¹ itself is good to 8e-16 relative.
    // From x = -37.5 on, Φ(x) is a normal double (below, p loses relative precision and then underflows).
    for (double x = -37.5; x <= 5.0; x += 0.00173) {
      double p = Normal.cdf(x);
      double tolerance = ACCURACY * Math.abs(x) + 4 * EPS * p / Normal.pdf(x);
      assertThat(InverseNormal.inverseCdf(p)).as("x = %s", x).isCloseTo(x, within(tolerance));
    }
  }

  @Test
  void antisymmetricWherePAndOneMinusPAreExact() {
    for (int k = 1; k < 1024; k++) {
      double p = k / 1024.0;
      assertThat(InverseNormal.inverseCdf(1.0 - p)).isEqualTo(-InverseNormal.inverseCdf(p));
    }
  }

  @Test
  void increasing() {
    double previous = Double.NEGATIVE_INFINITY;
    for (double logP = -744.0; logP < Math.log(0.5); logP += 0.01) {
      double x = InverseNormal.inverseCdf(Math.exp(logP));
      assertThat(x).isGreaterThanOrEqualTo(previous);
      previous = x;
    }
    for (double p = 0.5; p < 1.0; p += 1e-4) {
      double x = InverseNormal.inverseCdf(p);
      assertThat(x).isGreaterThanOrEqualTo(previous);
      previous = x;
    }
  }
}
