package io.netgamma.core.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BrentSolverTest {

  @Test
  void brentFindsRootsToTheToleranceAndRefusesABracketWithoutASignChange() {
    double r = BrentSolver.root(x -> Math.cos(x) - x, 0, 1, 1, Math.cos(1) - 1, 1e-15, "cos x = x");
    assertThat(r).isCloseTo(0.7390851332151607, within(2e-16));
    double cubic = BrentSolver.root(x -> (x - 0.3) * (x + 2) * (x - 5), -1, 1, 7.8, -8.4, 1e-14, "cubic");
    assertThat(cubic).isCloseTo(0.3, within(1e-14));
    assertThat(BrentSolver.root(x -> x, 0, 1, 0, 1, 1e-12, "x")).isZero();
    assertThatThrownBy(() -> BrentSolver.root(x -> x * x + 1, -1, 1, 2, 2, 1e-12, "x² + 1"))
        .hasMessage("x² + 1: no sign change between -1.0 (2.0) and 1.0 (2.0)");
  }
}
