package io.netgamma.core.sim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TickRuleTest {

  static final TickRule OPTION = TickRule.deribitInverseOption();

  @Test
  void deribitsOptionGridIsATenThousandthBelowHalfACentAndFiveAbove() {
    assertThat(OPTION.onGrid(0.0001)).isTrue();
    assertThat(OPTION.onGrid(0.0049)).isTrue();
    assertThat(OPTION.onGrid(0.005)).isTrue();
    assertThat(OPTION.onGrid(0.0055)).isTrue();
    assertThat(OPTION.onGrid(1.2345)).isTrue();
    assertThat(OPTION.onGrid(0.00495)).isFalse();
    assertThat(OPTION.onGrid(0.0052)).isFalse();
    assertThat(OPTION.onGrid(1.2346)).isFalse();
    assertThat(OPTION.onGrid(0)).isFalse();
    assertThat(OPTION.onGrid(0.00010000000000001)).isFalse();
    assertThat(OPTION.tickAt(0.0049)).isEqualTo(0.0001);
    assertThat(OPTION.tickAt(0.005)).isEqualTo(0.0005);
  }

  @Test
  void roundingAtTheStep() {
    assertThat(OPTION.floor(0.00523)).isEqualTo(0.005);
    assertThat(OPTION.floor(0.00499)).isEqualTo(0.0049);
    assertThat(OPTION.floor(0.00005)).isEqualTo(0.0);
    assertThat(OPTION.ceil(0.00501)).isEqualTo(0.0055);
    assertThat(OPTION.ceil(0.00491)).isEqualTo(0.005);
    assertThat(OPTION.ceil(0.0)).isEqualTo(0.0001);
    assertThat(OPTION.below(0.005)).isEqualTo(0.0049);
    assertThat(OPTION.below(0.0055)).isEqualTo(0.005);
    assertThat(OPTION.below(0.00015)).isEqualTo(0.0001);
    assertThat(OPTION.below(0.0001)).isEqualTo(0.0);
    assertThat(OPTION.above(0.0049)).isEqualTo(0.005);
    assertThat(OPTION.above(0.005)).isEqualTo(0.0055);
    assertThat(OPTION.above(0.0)).isEqualTo(0.0001);
    // 0.1 + 0.2 is 0.30000000000000004 in binary: the grid point 0.3 is below it, 0.3005 the next above
    assertThat(OPTION.floor(0.1 + 0.2)).isEqualTo(0.3);
    assertThat(OPTION.below(0.1 + 0.2)).isEqualTo(0.3);
    assertThat(OPTION.above(0.1 + 0.2)).isEqualTo(0.3005);
    assertThat(OPTION.below(0.3)).isEqualTo(0.2995);
    assertThat(OPTION.ceil(0.3)).isEqualTo(0.3);
    // 0.7 - 0.4 is 0.29999999999999993: within 1e-9 of a tick below 0.3, so it rounds as 0.3 itself
    assertThat(OPTION.floor(0.7 - 0.4)).isEqualTo(0.3);
    assertThat(OPTION.below(0.7 - 0.4)).isEqualTo(0.2995);
  }

  /** below/above are the neighbouring grid points, exactly decimal, with no grid point strictly between. */
  @Test
  void neighboursAreOnTheGridAndAdjacent() {
    SplittableRandom r = new SplittableRandom(1);
    for (TickRule rule : new TickRule[] {OPTION, TickRule.single(2.5), TickRule.single(0.05), TickRule.single(5),
        TickRule.of(0.01, 10, 0.5)}) {
      for (int i = 0; i < 20_000; i++) {
        double p = StrictMathPow.tenTo(r.nextInt(-5, 6)) * r.nextDouble(0.001, 10);
        double lo = rule.below(p);
        double hi = rule.above(p);
        assertThat(lo).isLessThan(p);
        assertThat(hi).isGreaterThan(p);
        assertThat(rule.onGrid(hi)).as("%s above %s = %s", rule, p, hi).isTrue();
        if (lo > 0) {
          assertThat(rule.onGrid(lo)).isTrue();
          assertThat(rule.above(lo)).isGreaterThanOrEqualTo(p);
          // the grid point is the decimal multiple of its tick, exactly as printed
          BigDecimal units = new BigDecimal(Double.toString(lo)).divide(BigDecimal.valueOf(rule.tickAt(lo)));
          assertThat(units.stripTrailingZeros().scale()).isLessThanOrEqualTo(0);
        }
        assertThat(rule.below(hi)).isLessThanOrEqualTo(p);
        double f = rule.floor(p);
        double c = rule.ceil(p);
        assertThat(f).isLessThanOrEqualTo(p);
        assertThat(c).isGreaterThanOrEqualTo(p);
        assertThat(f == p || f == lo).isTrue();
        assertThat(c == p || c == hi).isTrue();
      }
    }
  }

  @Test
  void rejectsInconsistentRules() {
    assertThatThrownBy(() -> TickRule.of(0.0002, 0.005, 0.0005)).hasMessageContaining("multiple of tick");
    assertThatThrownBy(() -> TickRule.of(0.0001, 0.0052, 0.0005)).hasMessageContaining("stepAbove");
    assertThatThrownBy(() -> TickRule.single(0)).hasMessageContaining("tick");
    assertThatThrownBy(() -> TickRule.single(1e-13)).hasMessageContaining("12 decimals");
    assertThatThrownBy(() -> OPTION.floor(-1)).hasMessageContaining("-1");
    assertThat(TickRule.of(0.0001, 0.005, 0.0005)).isEqualTo(OPTION).hasSameHashCodeAs(OPTION);
  }

  /** Exact powers of ten for the random prices. */
  private static final class StrictMathPow {
    static double tenTo(int e) {
      return Double.parseDouble("1e" + e);
    }
  }
}
