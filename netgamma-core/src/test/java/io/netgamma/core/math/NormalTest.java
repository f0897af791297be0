package io.netgamma.core.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Reference values computed to 20 digits with mpmath (30-digit arithmetic); tolerances in ulps of the result. */
class NormalTest {

  @ParameterizedTest
  @CsvSource({
      "0.1, 0.8875370839817151016",
      "0.5, 0.47950012218695346232",
      "1.0, 0.15729920705028513066",
      "2.0, 0.0046777349810472658379",
      "3.5, 7.4309837234141274552e-7",
      "5.0, 1.5374597944280348502e-12",
      "10.0, 2.088487583762544757e-45",
      "26.0, 5.6631924088561428465e-296",
      "-1.0, 1.8427007929497148693"})
  void erfcMatchesReferenceToAFewUlp(double x, double expected) {
    assertThat(Normal.erfc(x)).isCloseTo(expected, within(ulps(4, expected)));
  }

  @ParameterizedTest
  @CsvSource({
      "-1.0, 0.15865525393145705142",
      "-5.0, 2.8665157187919391167e-7",
      "-10.0, 7.6198530241605260660e-24",
      "-20.0, 2.7536241186062336951e-89",
      "-37.0, 5.7255712225245768227e-300",
      "0.0, 0.5",
      "1.5, 0.933192798731141934"})
  void cdfIsAccurateInRelativeTermsInTheLowerTail(double x, double expected) {
    assertThat(Normal.cdf(x)).isCloseTo(expected, within(ulps(4, expected)));
  }

  @ParameterizedTest
  @CsvSource({
      "0.3, 0.73459933456765514992",
      "2.0, 0.25539567631050574386",
      "10.0, 0.056140992743822585858",
      "1e8, 5.6418958354775625874e-9",
      "-2.0, 108.94090438997797241"})
  void erfcxMatchesReference(double x, double expected) {
    assertThat(Normal.erfcx(x)).isCloseTo(expected, within(ulps(4, expected)));
  }

  @Test
  void pdfIsAccurateInTheTails() {
    // mpmath: npdf(-30) = 1.4736461348785475e-196, npdf(12.5) = 4.695195357975146e-35
    assertThat(Normal.pdf(-30)).isCloseTo(1.4736461348785475e-196, within(ulps(4, 1.4736461348785475e-196)));
    assertThat(Normal.pdf(12.5)).isCloseTo(4.695195357975146e-35, within(ulps(4, 4.695195357975146e-35)));
  }

  @Test
  void cdfFromAKnownDensityEqualsCdf() {
    for (double x = -38; x <= 9; x += 0.01) {
      double expected = Normal.cdf(x);
      assertThat(Normal.cdf(x, Normal.pdf(x))).as("x=" + x).isCloseTo(expected, within(ulps(4, expected)));
    }
  }

  private static double ulps(int n, double value) {
    return n * Math.ulp(value);
  }

  @Test
  void erfIsOddAndConsistentWithErfc() {
    for (double x = -6; x <= 6; x += 0.0625) {
      assertThat(Normal.erf(-x)).isEqualTo(-Normal.erf(x));
      assertThat(Normal.erf(x) + Normal.erfc(x)).isCloseTo(1.0, within(3e-16));
    }
  }

  @Test
  void pdfIsTheDensity() {
    assertThat(Normal.pdf(0)).isEqualTo(Normal.INV_SQRT_2PI);
    assertThat(Normal.pdf(1.0)).isCloseTo(0.24197072451914334980, within(ulps(2, 0.2419707245191433498)));
    assertThat(Normal.pdf(40.0)).isZero();
  }
}
