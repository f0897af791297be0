package io.netgamma.core.hedge.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PolicySpecsTest {

  @Test
  void theIssue7Specs() {
    assertThat(PolicySpecs.parse("time:100")).isEqualTo(TimeIntervalPolicy.ofCount(100));
    assertThat(PolicySpecs.parse("delta-band:0.5")).isEqualTo(DeltaBandPolicy.absolute(0.5));
    assertThat(PolicySpecs.parse("ww:1.5")).isEqualTo(new WhalleyWilmottPolicy(1.5));
    assertThat(PolicySpecs.parse("zakamouline:1e-4")).isEqualTo(new ZakamoulinePolicy(1e-4));
    assertThat(PolicySpecs.parse("leland:365")).isEqualTo(new LelandPolicy(365));
    assertThat(PolicySpecs.parse("move:2")).isEqualTo(MoveFilterPolicy.of(0.02));
  }

  @Test
  void theOtherForms() {
    assertThat(PolicySpecs.parse("every:4h")).isEqualTo(TimeIntervalPolicy.every(4 / 8760.0));
    assertThat(PolicySpecs.parse("every:1d")).isEqualTo(TimeIntervalPolicy.every(1 / 365.0));
    assertThat(PolicySpecs.parse("delta-band:0.5/0.3,ratio=0.8,to=edge"))
        .isEqualTo(new DeltaBandPolicy(0.5, 0.3, false, 0, 0.8, true));
    assertThat(PolicySpecs.parse("gamma-band:2,min=0.05"))
        .isEqualTo(new DeltaBandPolicy(0.02, 0.02, true, 0.05, 1.0, false));
    assertThat(PolicySpecs.parse("vol-band:1.5,tau=4h,min=0.1"))
        .isEqualTo(new VolAdaptiveBandPolicy(1.5, 4 / 8760.0, 0.1));
    assertThat(PolicySpecs.parse("gex-band:0.4,wide=3,tight=0.25")).isEqualTo(new GexRegimeBandPolicy(0.4, 3, 0.25));
    assertThat(PolicySpecs.parse("move:1.5+ww:1e-4"))
        .isEqualTo(new MoveFilterPolicy(0.015, new WhalleyWilmottPolicy(1e-4)));
    assertThat(PolicySpecs.parse(" WW : 2 ")).isEqualTo(new WhalleyWilmottPolicy(2));
  }

  @ParameterizedTest
  @ValueSource(strings = {"time:100", "every:4h", "every:1d", "every:90m", "delta-band:0.5", "delta-band:0.5/0.3",
      "delta-band:0.5,ratio=0.8,to=edge", "gamma-band:2", "gamma-band:2/1,min=0.05,ratio=1.5", "gamma-band:7",
      "move:2", "move:0.5+gamma-band:1", "move:1+move:2+time:10", "vol-band:1", "vol-band:2,tau=4h,min=0.1",
      "ww:0.0001", "ww:1.5", "zakamouline:0.01", "leland:365", "gex-band:0.4", "gex-band:1,wide=3,tight=0.25"})
  void canonicalSpecsRoundTrip(String spec) {
    RebalancingPolicy policy = PolicySpecs.parse(spec);
    assertThat(policy.spec()).isEqualTo(spec);
    assertThat(PolicySpecs.parse(policy.spec())).isEqualTo(policy);
  }

  @Test
  void specsOfPoliciesBuiltInCodeParseBack() {
    for (RebalancingPolicy p : new RebalancingPolicy[] {new DeltaBandPolicy(0.07, 0.07, true, 0, 1, false),
        new MoveFilterPolicy(0.07, null), TimeIntervalPolicy.every(2.5 / 365), new WhalleyWilmottPolicy(3e-7),
        new VolAdaptiveBandPolicy(0.3, 1.0 / 24 / 365, 0)}) {
      assertThat(PolicySpecs.parse(p.spec())).as(p.spec()).isEqualTo(p);
    }
    assertThat(new WhalleyWilmottPolicy(3e-7).spec()).isEqualTo("ww:0.0000003");
    assertThat(TimeIntervalPolicy.every(2.5 / 365).spec()).isEqualTo("every:60h");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''|empty rebalancing policy spec",
      "wx:1|unknown policy 'wx'",
      "ww|has no ':'",
      "ww:|needs a value",
      "ww:abc|ww must be a number, got 'abc'",
      "ww:-1|ww must be > 0",
      "ww:0|ww must be > 0",
      "time:0|time needs a whole number > 0, got '0'",
      "time:1.5|time needs a whole number > 0, got '1.5'",
      "leland:x|leland needs a whole number > 0",
      "every:4|duration > 0 with a unit",
      "every:-4h|duration > 0 with a unit",
      "delta-band:0.5,ratio=2|ratio must be in [0, 1.5]",
      "delta-band:0.5,min=0.1|min= is for gamma-band only",
      "delta-band:0.5,to=middle|to= takes edge or zero",
      "delta-band:1/2/3|takes UP or UP/DOWN",
      "delta-band:0.5,ratio=0.5,ratio=0.6|given twice",
      "delta-band:0.5,ratio|is not key=value",
      "ww:1,foo=2|ww does not take option(s) [foo]",
      "move:150|percentage below 100",
      "ww:1+move:2|only move:PCT can stand in front",
      "move:2+|a part is empty",
      "gex-band:1,tight=2|tight factor must be in (0, 1]"})
  void errorsNameTheSpecAndTheProblem(String spec, String message) {
    assertThatThrownBy(() -> PolicySpecs.parse(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message)
        .hasMessageContaining("forms: time:N");
  }
}
