package io.netgamma.core.sim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrikeGridTest {

  private static double stdev(VolSpec vol, double t) {
    return Math.sqrt(vol.atmTotalVariance(t));
  }

  /** True when every multiple of {@code step} in [lo, hi] is a strike. */
  private static boolean allMultiplesListed(double[] strikes, double step, double lo, double hi) {
    BigDecimal exact = BigDecimal.valueOf(step);
    for (long i = (long) Math.ceil(lo / step); i * step <= hi; i++) {
      if (Arrays.binarySearch(strikes, exact.multiply(BigDecimal.valueOf(i)).doubleValue()) < 0) {
        return false;
      }
    }
    return true;
  }

  @ParameterizedTest
  @CsvSource({
      // BTC at 95,000: Deribit's steps near the money by maturity, the next finer rung (not fully listed), and the
      // step in the wings
      "BTC, 95000, 0.0027397, 500, 0, 2000",
      "BTC, 95000, 0.0191781, 1000, 500, 5000",
      "BTC, 95000, 0.0821918, 2000, 1000, 10000",
      "BTC, 95000, 0.25, 2000, 1000, 10000",
      "BTC, 95000, 0.6, 5000, 2000, 20000",
      // ETH at 3,500
      "ETH, 3500, 0.0027397, 25, 0, 100",
      "ETH, 3500, 0.0821918, 100, 50, 500",
      "ETH, 3500, 0.6, 200, 100, 1000"})
  void deribitLikeStepsGrowWithMaturity(String coin, double forward, double t, double innerStep, double finer,
      double wingStep) {
    UnderlyingSpec u = coin.equals("BTC") ? UnderlyingSpec.btc() : UnderlyingSpec.eth();
    double s = stdev(u.vol(), t);
    double[] k = StrikeGrid.deribitLikeStrikes(forward, s, u.minStrikeStep());
    assertThat(k).isSorted().doesNotHaveDuplicates();
    assertThat(k.length).isBetween(12, 60);
    assertThat(k[0]).isPositive();
    // within one standard deviation every multiple of the inner step is listed, and not every one of a finer step
    double lo = forward * Math.exp(-s);
    double hi = forward * Math.exp(s);
    assertThat(allMultiplesListed(k, innerStep, lo, hi)).isTrue();
    if (finer > 0) {
      assertThat(allMultiplesListed(k, finer, lo, hi)).isFalse();
    } else {
      assertThat(innerStep).isEqualTo(u.minStrikeStep());
    }
    // the range: from -3 to +3.5 standard deviations within 0.3 to 3 times the forward, to the wing step
    double lowEnd = Math.max(forward * Math.exp(-3 * s), 0.3 * forward);
    double highEnd = Math.min(forward * Math.exp(3.5 * s), 3 * forward);
    assertThat(k[0]).isGreaterThanOrEqualTo(lowEnd).isLessThan(lowEnd + wingStep);
    assertThat(k[k.length - 1]).isLessThanOrEqualTo(highEnd).isGreaterThan(highEnd - wingStep);
    // strikes are round: multiples of the minimum step, written without a fraction
    for (double strike : k) {
      assertThat(strike % u.minStrikeStep()).isZero();
      assertThat(io.netgamma.core.instrument.Instrument.formatStrike(strike)).doesNotContain("d");
    }
  }

  @Test
  void longDatedWingsStopAtThreeTimesAndThreeTenthsOfTheForward() {
    double[] k = StrikeGrid.deribitLikeStrikes(3_726.49, 0.65, 25);
    assertThat(k[0]).isGreaterThanOrEqualTo(0.3 * 3_726.49);
    assertThat(k[k.length - 1]).isLessThanOrEqualTo(3 * 3_726.49).isGreaterThan(2.5 * 3_726.49);
    double[] even = StrikeGrid.evenStrikes(3_726.49, 0.65, 101);
    assertThat(even[0]).isGreaterThanOrEqualTo(0.3 * 3_726.49 - (even[1] - even[0]));
    assertThat(even[100]).isLessThanOrEqualTo(3 * 3_726.49 + (even[1] - even[0]));
  }

  @Test
  void aVeryShortExpiryStillListsFiveStrikes() {
    double s = stdev(UnderlyingSpec.btc().vol(), 1.0 / (365 * 24 * 60)); // one minute
    double[] k = StrikeGrid.deribitLikeStrikes(95_123, s, 500);
    assertThat(k).containsExactly(94_000, 94_500, 95_000, 95_500, 96_000);
  }

  @Test
  void aFractionalMinimumStepGivesDecimalStrikes() {
    double[] k = StrikeGrid.deribitLikeStrikes(2.2, 0.1, 0.02);
    assertThat(k).isSorted().doesNotHaveDuplicates();
    assertThat(allMultiplesListed(k, 0.02, 2.2 * Math.exp(-0.1), 2.2 * Math.exp(0.1))).isTrue();
    for (double strike : k) {
      assertThat(new BigDecimal(Double.toString(strike)).scale()).isLessThanOrEqualTo(2);
    }
    assertThat(k).contains(2.0, 2.02, 2.2, 2.4);
  }

  @ParameterizedTest
  @CsvSource({"1", "2", "7", "208", "2083", "100000"})
  void evenStrikesAreExactlyNEquallySpacedOnANiceStep(int n) {
    double forward = 3_501.04;
    double s = 0.03;
    double[] k = StrikeGrid.evenStrikes(forward, s, n);
    assertThat(k).hasSize(n).isSorted().doesNotHaveDuplicates();
    assertThat(k[0]).isPositive();
    if (n == 1) {
      assertThat(k[0]).isCloseTo(forward, within(forward * s));
      return;
    }
    BigDecimal step = new BigDecimal(Double.toString(k[1])).subtract(new BigDecimal(Double.toString(k[0])));
    for (int i = 1; i < n; i++) {
      BigDecimal d = new BigDecimal(Double.toString(k[i])).subtract(new BigDecimal(Double.toString(k[i - 1])));
      assertThat(d).isEqualByComparingTo(step);
    }
    BigDecimal mantissa = step.movePointLeft(step.precision() - step.scale() - 1).stripTrailingZeros();
    assertThat(mantissa.toPlainString()).isIn("1", "2", "2.5", "5");
    double lo = Math.max(forward * Math.exp(StrikeGrid.LOWEST_X * s), 0.3 * forward);
    double hi = Math.min(forward * Math.exp(StrikeGrid.HIGHEST_X * s), 3 * forward);
    assertThat((n - 1) * step.doubleValue()).isLessThanOrEqualTo(hi - lo);
    assertThat(0.5 * (k[0] + k[n - 1])).isCloseTo(0.5 * (lo + hi), within(step.doubleValue()));
  }

  @Test
  void evenStrikesRefuseAStepBelowOneHundredMillionthOfTheForward() {
    assertThatThrownBy(() -> StrikeGrid.evenStrikes(100, 1e-6, 1_000_000)).hasMessageContaining("too many");
    assertThatThrownBy(() -> StrikeGrid.evenStrikes(100, 0.1, 0)).hasMessageContaining("strikes");
  }

  @Test
  void gridRecordsValidateTheirCounts() {
    assertThatThrownBy(() -> StrikeGrid.totalOptions(1001)).hasMessageContaining("even").hasMessageContaining("1001");
    assertThatThrownBy(() -> StrikeGrid.totalOptions(0)).hasMessageContaining("even");
    assertThatThrownBy(() -> StrikeGrid.perExpiry(0)).hasMessageContaining("strikes per expiry");
    assertThat(StrikeGrid.totalOptions(10_000)).isEqualTo(new StrikeGrid.TotalOptions(10_000));
    assertThat(Arrays.asList(StrikeGrid.deribitLike(), StrikeGrid.perExpiry(3))).hasSize(2);
  }
}
