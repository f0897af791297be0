package io.netgamma.core.sim.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CorrelationMatrixTest {

  @Test
  void choleskyReproducesTheMatrix() {
    double[][] c = {{1, 0.8, 0.3}, {0.8, 1, 0.5}, {0.3, 0.5, 1}};
    CorrelationMatrix m = CorrelationMatrix.of(c);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double s = 0;
        for (int k = 0; k < 3; k++) {
          s += m.choleskyAt(i, k) * m.choleskyAt(j, k);
        }
        assertThat(s).isCloseTo(c[i][j], within(1e-15));
        if (j > i) {
          assertThat(m.choleskyAt(i, j)).isZero();
        }
      }
    }
  }

  @Test
  void correlateIsLTimesZ() {
    CorrelationMatrix m = CorrelationMatrix.of2(0.6);
    double[] z = {1.5, -2.0};
    m.correlate(z);
    assertThat(z[0]).isEqualTo(1.5);
    assertThat(z[1]).isCloseTo(0.6 * 1.5 + 0.8 * -2.0, within(1e-15));
  }

  @Test
  void rejectsWhatIsNotACorrelationMatrix() {
    assertThatThrownBy(() -> CorrelationMatrix.of2(1.0)).hasMessageContaining("(-1, 1)");
    assertThatThrownBy(() -> CorrelationMatrix.of(new double[][] {{1, 0.9, 0.9}, {0.9, 1, -0.9}, {0.9, -0.9, 1}}))
        .hasMessageContaining("not positive definite");
    assertThatThrownBy(() -> CorrelationMatrix.of(new double[][] {{1, 0.2}, {0.3, 1}}))
        .hasMessageContaining("symmetric");
    assertThatThrownBy(() -> CorrelationMatrix.of(new double[][] {{1, 0.2}, {0.2, 0.9}}))
        .hasMessageContaining("must be 1");
    assertThatThrownBy(() -> CorrelationMatrix.of(new double[][] {{1, 0.2}})).hasMessageContaining("row 0");
  }
}
