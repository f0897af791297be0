package io.netgamma.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StructureCommandTest {

  @Test
  void demoCollarTable() {
    CliRun r = CliRun.run("structure", "--demo", "--spot-holding", "10", "--kind", "collar");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Collar for 10.0000 BTC held").contains("net premium:").contains("floor")
        .contains("call strike solved for a zero-cost collar");
  }

  @Test
  void demoPutSpreadJsonNetsToTheBudgetAndLegsAddUp() throws Exception {
    CliRun r = CliRun.run("structure", "--demo", "--spot-holding", "10", "--budget", "5000", "--kind", "put-spread",
        "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = ChainCommand.Json.MAPPER.readTree(r.out());
    assertThat(j.get("kind").asText()).isEqualTo("put-spread");
    assertThat(j.get("legs")).hasSize(2);
    double premium = 0;
    double delta = 0;
    for (JsonNode leg : j.get("legs")) {
      premium += leg.get("premium_usd").asDouble();
      delta += leg.get("delta").asDouble();
      assertThat(leg.get("listed").asBoolean()).isTrue();
    }
    assertThat(j.get("premium_usd").asDouble()).isCloseTo(premium, within(1e-6));
    assertThat(j.get("greeks").get("options").get("delta").asDouble()).isCloseTo(delta, within(1e-9));
    assertThat(j.get("greeks").get("with_holding").get("delta").asDouble()).isCloseTo(delta + 10, within(1e-9));
    assertThat(j.get("budget_usd").asDouble()).isEqualTo(5000);
    assertThat(j.get("cap_usd").isNull()).isTrue();
    assertThat(j.get("breakevens")).isNotEmpty();
  }

  @Test
  void usageErrorsExitTwo() {
    CliRun r = CliRun.run("structure", "--demo", "--spot-holding", "10", "--kind", "straddle");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--kind must be protective-put, collar or put-spread");
    r = CliRun.run("structure", "--spot-holding", "10");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("give --market FILE, or --demo");
    r = CliRun.run("structure", "--demo", "--spot-holding", "10", "--budget", "10000000");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("pays for the puts alone");
    r = CliRun.run("structure", "--demo", "--spot-holding", "10", "--expiry", "26-07-2024");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--expiry must be a date YYYY-MM-DD");
  }
}
