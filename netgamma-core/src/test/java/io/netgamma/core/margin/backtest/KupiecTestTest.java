package io.netgamma.core.margin.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.margin.backtest.KupiecTest.KupiecResult;
import org.junit.jupiter.api.Test;

class KupiecTestTest {

  @Test
  void reproducesKupiecsNonRejectionRegionsAtOnePercent() {
    // Kupiec (1995), Table 1 (also Jorion, Value at Risk, Table 6-3): p = 0.01, 5% test level, no rejection for
    // N < 7 in 255 days, 1 < N < 11 in 510 days, 4 < N < 17 in 1000 days.
    assertRegion(255, 1, 6);
    assertRegion(510, 2, 10);
    assertRegion(1000, 5, 16);
    // The table's lower end at 255 days is not the LR test's: 0 breaches in 255 days give LR = -510 ln 0.99 = 5.13,
    // above 3.84 (the LR test alone would reject a model that never fails); the table keeps 0 in the region (with
    // so few days, 0 breaches has a probability of 7.7%). netgamma reports the LR as defined.
    assertThat(KupiecTest.pof(255, 0, 0.01).lr()).isCloseTo(-510 * Math.log(0.99), within(1e-12));
  }

  private static void assertRegion(int n, int low, int high) {
    for (int x = 1; x <= high + 3; x++) {
      boolean accepted = x >= low && x <= high;
      assertThat(KupiecTest.pof(n, x, 0.01).rejectedAt95()).as("n %d, x %d", n, x).isEqualTo(!accepted);
    }
  }

  @Test
  void handComputedValue() {
    // n = 250, x = 8, p = 0.01: LR = -2 ln(0.99^242 0.01^8) + 2 ln(0.968^242 0.032^8)
    double lr = -2 * (242 * Math.log(0.99) + 8 * Math.log(0.01)) + 2 * (242 * Math.log(0.968) + 8 * Math.log(0.032));
    KupiecResult r = KupiecTest.pof(250, 8, 0.01);
    assertThat(r.lr()).isCloseTo(lr, within(1e-12));
    assertThat(r.lr()).isCloseTo(7.733551, within(1e-6)); // 2·[8 ln 3.2 + 242 ln(0.968/0.99)]
    // chi-square(1) tail of 7.733551 (scipy.stats.chi2.sf(7.733550724494517, 1) = 0.00542040519412781)
    assertThat(r.pValue()).isCloseTo(0.00542040519412781, within(1e-13));
    // at the critical value the p-value is 5%
    assertThat(KupiecTest.pof(250, 0, 1 - Math.exp(-KupiecTest.CRITICAL_95 / 500)).pValue())
        .isCloseTo(0.05, within(1e-12));
  }

  @Test
  void edgeCases() {
    KupiecResult exact = KupiecTest.pof(200, 2, 0.01);
    assertThat(exact.lr()).isEqualTo(0.0);
    assertThat(exact.pValue()).isEqualTo(1.0);
    assertThat(KupiecTest.pof(100, 0, 0.01).lr()).isCloseTo(-200 * Math.log(0.99), within(1e-12));
    assertThat(KupiecTest.pof(10, 10, 0.01).lr()).isCloseTo(-20 * Math.log(0.01), within(1e-12));
    assertThatThrownBy(() -> KupiecTest.pof(10, 11, 0.01)).hasMessageContaining("breaches");
    assertThatThrownBy(() -> KupiecTest.pof(10, 1, 0)).hasMessageContaining("probability");
  }
}
