package io.netgamma.core.sim.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BootstrapModelTest {

  static final double DT = 1.0 / 8760;
  /** Distinct returns, so that every simulated return tells which sample index it came from. */
  static final double[] BTC = {0.010, -0.020, 0.005, 0.030, -0.015, 0.001, -0.007};
  static final double[] ETH = {0.012, -0.031, 0.002, 0.041, -0.022, -0.003, -0.009};

  /** Index of the sample return equal (to 1e-12) to {@code r}, or −1. */
  private static int indexOf(double[] sample, double r) {
    for (int j = 0; j < sample.length; j++) {
      if (Math.abs(sample[j] - r) < 1e-12) {
        return j;
      }
    }
    return -1;
  }

  @Test
  void iidDrawsOnlyFromTheSampleAndUniformly() {
    BootstrapModel model = BootstrapModel.of(List.of("BTC"), new double[] {60_000}, new double[][] {BTC}, 1, DT);
    PathSet set = model.generate(TimeGrid.hourly(100, 1), 4, 0, 700, 2);
    int[] counts = new int[BTC.length];
    for (double r : PathStats.stepLogReturns(set, 0)) {
      int j = indexOf(BTC, r);
      assertThat(j).as("return %s is in the sample", r).isNotNegative();
      counts[j]++;
    }
    double n = 100 * 700;
    double p = 1.0 / BTC.length;
    for (int c : counts) {
      assertThat(c).isCloseTo((int) (n * p), within((int) (4 * Math.sqrt(n * p * (1 - p))) + 1));
    }
  }

  @Test
  void blocksFollowTheSampleOrderCircularlyAndKeepAssetsAligned() {
    int block = 3;
    BootstrapModel model = BootstrapModel.of(List.of("BTC", "ETH"), new double[] {60_000, 3000},
        new double[][] {BTC, ETH}, block, DT);
    PathSet set = model.generate(TimeGrid.hourly(30, 1), 6, 0, 100, 2);
    boolean wrapped = false;
    for (int p = 0; p < 100; p++) {
      int previous = -1;
      for (int step = 1; step <= 30; step++) {
        int j = indexOf(BTC, set.logReturn(0, step, p));
        assertThat(j).isNotNegative();
        assertThat(indexOf(ETH, set.logReturn(1, step, p))).as("ETH uses the same index").isEqualTo(j);
        if ((step - 1) % block != 0) {
          assertThat(j).as("path %d step %d continues its block", p, step).isEqualTo((previous + 1) % BTC.length);
          wrapped |= j == 0;
        }
        previous = j;
      }
    }
    assertThat(wrapped).as("some block wrapped around the end of the sample").isTrue();
  }

  @Test
  void logReturnsOfPricesAndValidation() {
    assertThat(BootstrapModel.logReturns(new double[] {100, 110, 99}))
        .containsExactly(Math.log(1.1), Math.log(0.9));
    assertThatThrownBy(() -> BootstrapModel.logReturns(new double[] {100, 0}))
        .hasMessageContaining("price #1");
    assertThatThrownBy(() -> BootstrapModel.of(List.of("BTC", "ETH"), new double[] {1, 1},
        new double[][] {BTC, {0.1}}, 1, DT)).hasMessageContaining("must be aligned");
    assertThatThrownBy(() -> BootstrapModel.of(List.of("BTC"), new double[] {1}, new double[][] {BTC}, 8, DT))
        .hasMessageContaining("blockLength");
    assertThatThrownBy(() -> BootstrapModel.of(List.of("BTC"), new double[] {1},
        new double[][] {{0.1, Double.NaN}}, 1, DT)).hasMessageContaining("BTC log return #1");
    BootstrapModel model = BootstrapModel.of(List.of("BTC"), new double[] {1}, new double[][] {BTC}, 1, DT);
    assertThatThrownBy(() -> model.generate(new TimeGrid(5, 1.0 / 365), 1, 0, 1, 1))
        .hasMessageContaining("returns every 1.0 h");
  }
}
