package io.netgamma.cli;

import static io.netgamma.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.margin.standard.DeribitStandardMargin;
import io.netgamma.core.portfolio.PortfolioValuer;
import io.netgamma.core.pricing.BatchPricers;
import io.netgamma.core.sim.book.DemoBook;
import io.netgamma.core.sim.stress.MarketShock;
import io.netgamma.core.sim.stress.StressResult;
import io.netgamma.core.sim.stress.StressTester;
import io.netgamma.data.stress.StressScenarioReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class StressCommandTest {

  private static JsonNode json(CliRun r) {
    assertThat(r.code()).as(r.err()).isZero();
    return ChainCommand.Json.MAPPER.readTree(r.out());
  }

  @Test
  void oneEpisodeAsJsonGivesTheNumbersOfTheCoreTester() {
    JsonNode root = json(run("stress", "--demo", "--scenario", "2022-11-07..10", "--model", "deribit-standard",
        "--json"));
    assertThat(root.get("model").stringValue()).isEqualTo("deribit-standard");
    JsonNode s = root.get("scenarios").get(0);
    assertThat(s.get("name").stringValue()).isEqualTo("2022-11-07..10");
    assertThat(s.get("kind").stringValue()).isEqualTo("historical");
    assertThat(s.get("steps")).hasSize(5);
    assertThat(s.get("worst_step").stringValue()).isEqualTo("2022-11-09 23:00 UTC low");

    DemoBook demo = DemoBook.generate(DemoBook.DEFAULT_SEED, DemoBook.DEFAULT_POSITIONS);
    StressResult expected = StressTester.of(DeribitStandardMargin.DEFAULT)
        .withValuer(PortfolioValuer.DEFAULT.withPricer(BatchPricers.scalar()))
        .run(demo.portfolio(), demo.market(), StressScenarioReader.DEFAULT.historical().get(3));
    for (int i = 0; i < 5; i++) {
      JsonNode step = s.get("steps").get(i);
      assertThat(step.get("pnl_usd").doubleValue()).isEqualTo(expected.steps().get(i).pnlUsd());
      assertThat(step.get("equity_usd").doubleValue()).isEqualTo(expected.steps().get(i).equityUsd());
      assertThat(step.get("maintenance_margin_usd").doubleValue())
          .isEqualTo(expected.steps().get(i).maintenanceMarginUsd());
      assertThat(step.get("liquidated").booleanValue()).isEqualTo(expected.steps().get(i).liquidated());
    }
    assertThat(root.get("start").get("equity_usd").doubleValue())
        .isCloseTo(PortfolioValuer.DEFAULT.withPricer(BatchPricers.scalar())
            .value(demo.portfolio(), MarketShock.NONE.apply(demo.market())).collateralValueUsd(), within(1e-6));
    assertThat(s.get("liquidation_point").get("status").stringValue())
        .isEqualTo(expected.liquidation().status().name().toLowerCase(java.util.Locale.ROOT));
  }

  @Test
  void theGridHasOneScenarioPerMoveVolAndCorrelation() {
    JsonNode root = json(run("stress", "--demo", "--scenario", "grid", "--spot-moves=-0.4,-0.2,0.2",
        "--vol-shifts=0,0.3", "--correlations=0.5,0.95", "--json"));
    assertThat(root.get("scenarios")).hasSize(12);
    JsonNode first = root.get("scenarios").get(0);
    assertThat(first.get("kind").stringValue()).isEqualTo("hypothetical");
    assertThat(first.get("steps").get(0).get("spot_moves").get("BTC").doubleValue()).isEqualTo(-0.4);
    // ETH moves by rho x vol ratio x the BTC move: between 0 and the BTC move x 0.5 x a ratio of ETH to BTC vol
    double eth = first.get("steps").get(0).get("spot_moves").get("ETH").doubleValue();
    assertThat(eth).isNegative().isGreaterThan(-0.4);
  }

  @Test
  void theDefaultRunPrintsEveryEpisodeAndTheGrid() {
    CliRun r = run("stress", "--demo");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("2020-03-12", "2021-05-19", "2022-06-13..18", "2022-11-07..10",
        "btc-50%-vol+25-rho0.90", "Liquidation points:");
    assertThat(r.err()).contains("14 scenarios");
  }

  @Test
  void aScenarioFileIsRead(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("mine.json");
    Files.writeString(f, """
        {"format": "netgamma-stress/1", "name": "mine", "source": "desk view",
         "scenarios": [{"name": "eth-only", "title": "ETH -50%", "kind": "hypothetical",
           "steps": [{"label": "shock", "spot": {"ETH": -0.5}, "vol": {"ETH": 0.4}}]}]}""");
    JsonNode root = json(run("stress", "--demo", "--scenario", f.toString(), "--json"));
    assertThat(root.get("scenarios")).hasSize(1);
    JsonNode step = root.get("scenarios").get(0).get("steps").get(0);
    assertThat(step.get("pnl_by_underlying").get("BTC").doubleValue()).isCloseTo(0.0, within(1e-6));
    assertThat(step.get("pnl_usd").doubleValue()).isNotZero();
  }

  @Test
  void usageErrorsSayWhatIsWrong() {
    CliRun r = run("stress", "--demo", "--scenario", "2019-01-01");
    assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("--scenario '2019-01-01': not historical, grid, a bundled episode (2020-03-12");
    CliRun m = run("stress", "--demo", "--model", "span");
    assertThat(m.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(m.err()).contains("--model must be deribit-pm or deribit-standard");
    CliRun g = run("stress", "--demo", "--scenario", "grid", "--correlations=1.5");
    assertThat(g.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(g.err()).contains("correlation");
  }
}
