package io.netgamma.cli;

import static io.netgamma.cli.CliRun.run;
import static io.netgamma.cli.ReportCommandTest.smallBook;
import static io.netgamma.cli.ReportCommandTest.smallMarket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.margin.CurrencyMargin;
import io.netgamma.core.margin.InstrumentMargin;
import io.netgamma.core.margin.MarginResult;
import io.netgamma.core.margin.generic.GenericGroupResult;
import io.netgamma.core.margin.generic.GenericMarginParameters;
import io.netgamma.core.margin.generic.GenericScenarioMargin;
import io.netgamma.core.margin.pm.DeribitPortfolioMargin;
import io.netgamma.core.margin.pm.PmGroupResult;
import io.netgamma.core.margin.pm.PmParameters;
import io.netgamma.core.margin.span.SpanGroupResult;
import io.netgamma.core.margin.span.SpanMargin;
import io.netgamma.core.margin.span.SpanParameters;
import io.netgamma.core.margin.standard.DeribitStandardMargin;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.core.portfolio.PortfolioValuation;
import io.netgamma.core.portfolio.PortfolioValuer;
import io.netgamma.core.sim.book.DemoBook;
import io.netgamma.data.margin.GenericMarginParametersReader;
import io.netgamma.data.margin.PmParametersReader;
import io.netgamma.data.market.MarketLoader;
import io.netgamma.data.portfolio.PortfolioJson;
import io.netgamma.data.snapshot.MarketSnapshotJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code netgamma margin}: the JSON contract, the numbers of the core models called directly (bit for bit: the
 * command values the book once and hands the valuation to the models), tables, and errors with exit codes.
 */
class MarginCommandTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final List<String> CONTRACT = List.of("initial_margin", "maintenance_margin", "worst_case",
      "worst_scenario", "roll_shock", "delta_shock", "risk_vectors");

  static CliRun demoPm;
  static JsonNode demo;
  static PortfolioValuation demoValuation;

  @BeforeAll
  static void runDemo() {
    demoPm = run("margin", "--demo", "--json");
    demo = JSON.readTree(demoPm.out());
    DemoBook d = DemoBook.generate(DemoBook.DEFAULT_SEED, DemoBook.DEFAULT_POSITIONS);
    demoValuation = PortfolioValuer.DEFAULT.withPricer(Main.ONE_SHOT_PRICER).value(d.portfolio(), d.market());
  }

  static PmParameters bundledBtcEth() {
    return PmParametersReader.DEFAULT.bundled(PmParametersReader.BTC_2024_06)
        .merge(PmParametersReader.DEFAULT.bundled(PmParametersReader.ETH_2026_02));
  }

  @Test
  void demoPortfolioMarginHasTheContractKeysAndTwentySevenPlusEightVectors() {
    assertThat(demoPm.code()).as(demoPm.err()).isZero();
    for (String key : CONTRACT) {
      assertThat(demo.has(key)).as(key).isTrue();
      assertThat(demo.get(key).isNull()).as(key).isFalse();
    }
    assertThat(demo.get("model").asString()).isEqualTo("deribit-pm");
    for (String group : List.of("BTC", "ETH")) {
      assertThat(demo.get("initial_margin").get(group).asDouble()).isPositive();
      assertThat(demo.get("worst_case").get(group).asDouble()).isPositive();
      assertThat(demo.get("worst_scenario").get(group).get("description").asString()).contains("bucket");
      assertThat(demo.get("roll_shock").get(group).isNumber()).isTrue();
      assertThat(demo.get("delta_shock").get(group).isNumber()).isTrue();
    }
    double usd = demo.get("initial_margin").get("BTC").asDouble() * demo.get("index").get("BTC").asDouble()
        + demo.get("initial_margin").get("ETH").asDouble() * demo.get("index").get("ETH").asDouble();
    assertThat(demo.get("initial_margin").get("USD").asDouble()).isCloseTo(usd, within(1e-9 * usd));
    // every distinct instrument of the demo book is in a risk group: 40 vectors of 27 + 8 entries
    JsonNode vectors = demo.get("risk_vectors");
    assertThat(vectors.size()).isEqualTo(demoValuation.instrumentCount());
    for (JsonNode v : vectors) {
      assertThat(v.get("standard")).hasSize(27);
      assertThat(v.get("extended")).hasSize(8);
    }
    for (JsonNode g : demo.get("groups")) {
      assertThat(g.get("aggregated_risk_vector").get("standard")).hasSize(27);
      assertThat(g.get("aggregated_risk_vector").get("extended")).hasSize(8);
      assertThat(g.get("price_moves")).hasSize(9);
    }
    assertThat(demoPm.out()).doesNotContain("NaN");
  }

  @Test
  void demoPortfolioMarginEqualsTheCoreModelCalledDirectly() {
    DeribitPortfolioMargin model = DeribitPortfolioMargin.of(bundledBtcEth()).withPricer(Main.ONE_SHOT_PRICER);
    MarginResult direct = model.margin(demoValuation);
    for (CurrencyMargin c : direct.currencies()) {
      assertThat(demo.get("initial_margin").get(c.currency()).asDouble()).isEqualTo(c.initialMargin());
      assertThat(demo.get("maintenance_margin").get(c.currency()).asDouble()).isEqualTo(c.maintenanceMargin());
    }
    assertThat(demo.get("initial_margin").get("USD").asDouble()).isEqualTo(direct.initialMarginUsd());
    assertThat(demo.get("maintenance_margin").get("USD").asDouble()).isEqualTo(direct.maintenanceMarginUsd());
    assertThat(demo.get("driving_scenario").asString()).isEqualTo(direct.drivingScenario());
    assertThat(demo.get("driving_instrument").asString()).isEqualTo(direct.drivingInstrument());
    for (PmGroupResult g : model.riskMatrices(demoValuation)) {
      String group = g.book().underlying();
      assertThat(demo.get("worst_case").get(group).asDouble()).isEqualTo(g.worstCase());
      assertThat(demo.get("roll_shock").get(group).asDouble()).isEqualTo(g.rollShock());
      assertThat(demo.get("delta_shock").get(group).asDouble()).isEqualTo(g.deltaShock());
      assertThat(demo.get("worst_scenario").get(group).get("index").asInt()).isEqualTo(g.worstScenario().index());
      assertThat(demo.get("worst_scenario").get(group).get("source").asString())
          .isEqualTo(g.worstScenario().source());
      for (int j = 0; j < g.book().size(); j++) {
        JsonNode v = demo.get("risk_vectors").get(g.instruments().get(j).name());
        assertThat(doubles(v.get("standard"))).containsExactly(g.standard(j));
        assertThat(doubles(v.get("extended"))).containsExactly(g.extended(j));
      }
    }
  }

  @Test
  void demoStandardMarginEqualsTheCoreModelPerInstrumentAndHasNoScenarios() {
    CliRun r = run("margin", "--demo", "--model", "deribit-standard", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    MarginResult direct = DeribitStandardMargin.DEFAULT.margin(demoValuation);
    assertThat(j.get("initial_margin").get("USD").asDouble()).isEqualTo(direct.initialMarginUsd());
    for (CurrencyMargin c : direct.currencies()) {
      assertThat(j.get("initial_margin").get(c.currency()).asDouble()).isEqualTo(c.initialMargin());
      assertThat(j.get("maintenance_margin").get(c.currency()).asDouble()).isEqualTo(c.maintenanceMargin());
    }
    JsonNode rows = j.get("instruments");
    assertThat(rows).hasSize(direct.instruments().size());
    for (int i = 0; i < rows.size(); i++) {
      InstrumentMargin m = direct.instruments().get(i);
      assertThat(rows.get(i).get("instrument").asString()).isEqualTo(m.instrument().name());
      assertThat(rows.get(i).get("initial_margin").asDouble()).isEqualTo(m.initialMargin());
      assertThat(rows.get(i).get("maintenance_margin").asDouble()).isEqualTo(m.maintenanceMargin());
    }
    for (String key : List.of("worst_case", "worst_scenario", "roll_shock", "delta_shock", "risk_vectors")) {
      assertThat(j.get(key).isNull()).as(key).isTrue();
    }
  }

  @Test
  void compareShowsTheSavingOfPortfolioOverStandardMargin() {
    CliRun r = run("margin", "--demo", "--compare", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    MarginResult standard = DeribitStandardMargin.DEFAULT.margin(demoValuation);
    MarginResult pm = DeribitPortfolioMargin.of(bundledBtcEth()).withPricer(Main.ONE_SHOT_PRICER)
        .margin(demoValuation);
    JsonNode total = j.get("total_usd");
    assertThat(total.get("deribit-standard").get("initial_margin").asDouble()).isEqualTo(standard.initialMarginUsd());
    assertThat(total.get("deribit-pm").get("initial_margin").asDouble()).isEqualTo(pm.initialMarginUsd());
    assertThat(total.get("saving").get("initial_margin").asDouble())
        .isEqualTo(standard.initialMarginUsd() - pm.initialMarginUsd());
    for (JsonNode c : j.get("currencies")) {
      String ccy = c.get("currency").asString();
      double s = standard.currency(ccy).initialMargin();
      double p = pm.currency(ccy).initialMargin();
      assertThat(c.get("saving").get("initial_margin").asDouble()).isEqualTo(s - p);
      assertThat(c.get("saving").get("initial_margin_fraction").asDouble()).isEqualTo((s - p) / s);
      assertThat(c.get("deribit-standard").get("driving_instrument").asString())
          .isEqualTo(standard.currency(ccy).driver());
      assertThat(c.get("deribit-pm").get("worst_scenario").get("description").asString()).contains("bucket");
      // a hedged desk book: the risk matrix asks for less than the sum of the positions' own margins
      assertThat(p).isLessThan(s);
    }
    CliRun all = run("margin", "--demo", "--model", "all");
    assertThat(all.code()).as(all.err()).isZero();
    assertThat(all.out()).contains("CAPITAL EFFICIENCY", "WHAT DRIVES EACH", "standard:", "portfolio:",
        "cross-asset:", "INITIAL MARGIN", "MAINTENANCE MARGIN");
  }

  @Test
  void demoTablesShowEverySection() {
    CliRun pm = run("margin", "--demo");
    assertThat(pm.code()).as(pm.err()).isZero();
    assertThat(pm.out()).contains("MARGIN BY SETTLEMENT CURRENCY  (deribit-pm)", "(coin/USDC)", "(USD)",
        "RISK GROUPS", "worst case", "roll shock", "delta shock", "RISK VECTORS  BTC", "RISK VECTORS  ETH",
        "-16.00%", "+16.00%", "-18.00%", "+500.00%", "aggregated", "deribit-pm-btc-2024-06.json");
    assertThat(pm.out()).doesNotContain("NaN");
    assertThat(pm.err()).contains("40 positions on 40 instruments: valued and margined (deribit-pm)");
    CliRun standard = run("margin", "--demo", "--model", "deribit-standard");
    assertThat(standard.code()).as(standard.err()).isZero();
    assertThat(standard.out()).contains("MARGIN BY SETTLEMENT CURRENCY  (deribit-standard)", "POSITIONS",
        "BTC-PERPETUAL", "driving instrument");
    CliRun markIv = run("margin", "--demo", "--vol-source", "mark_iv");
    assertThat(markIv.code()).as(markIv.err()).isZero();
    assertThat(markIv.out()).contains("vol from the option's mark IV", "RISK VECTORS  BTC");
  }

  @Test
  void aBookFromFilesGivesTheCoreNumbersAndParamsFilesAreUsed(@TempDir Path dir) throws IOException {
    MarketSnapshot m = smallMarket(11, DemoBook.DEFAULT_VALUATION, 0, 0);
    Portfolio desk = smallBook(m, 11);
    Path market = dir.resolve("market.json");
    MarketSnapshotJson.DEFAULT.write(m, market);
    Path book = dir.resolve("book.json");
    PortfolioJson.DEFAULT.write(desk, book);
    CliRun r = run("margin", "--portfolio", book.toString(), "--market", market.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    // the same numbers as the model on the valuation of the book on the market the loader builds
    Portfolio read = io.netgamma.data.portfolio.PortfolioFiles.read(book, i -> { }).portfolio();
    PortfolioValuation v = PortfolioValuer.DEFAULT.withPricer(Main.ONE_SHOT_PRICER).value(read,
        MarketLoader.DEFAULT.load(market).snapshot());
    List<String> underlyings = v.underlyings().stream().sorted().toList();
    PmParameters bundled = underlyings.size() == 2 ? bundledBtcEth()
        : PmParametersReader.DEFAULT.bundled(MarginCommand.BUNDLED.get(underlyings.get(0)));
    DeribitPortfolioMargin model = DeribitPortfolioMargin.of(bundled).withPricer(Main.ONE_SHOT_PRICER);
    MarginResult direct = model.margin(v);
    assertThat(j.get("initial_margin").get("USD").asDouble()).isEqualTo(direct.initialMarginUsd());
    for (PmGroupResult g : model.riskMatrices(v)) {
      assertThat(j.get("worst_case").get(g.book().underlying()).asDouble()).isEqualTo(g.worstCase());
      for (int k = 0; k < g.book().size(); k++) {
        JsonNode vec = j.get("risk_vectors").get(g.instruments().get(k).name());
        assertThat(vec.get("standard")).hasSize(27);
        assertThat(vec.get("extended")).hasSize(8);
        assertThat(doubles(vec.get("standard"))).containsExactly(g.standard(k));
      }
    }
    // --params with a BTC-only book: the file's parameters are used, and its source named
    Path btcBook = dir.resolve("btc.csv");
    String option = m.quotes().stream().filter(q -> q.instrument().isOption() && q.instrument().underlying()
        .equals("BTC")).findFirst().orElseThrow().instrument().name();
    Files.writeString(btcBook, "instrument,quantity\n" + option + ",-5\nBTC-PERPETUAL,1.5\n");
    Path params = dir.resolve("params.json");
    Files.writeString(params, resource("/margin/" + PmParametersReader.BTC_2024_06));
    CliRun p = run("margin", "--portfolio", btcBook.toString(), "--market", market.toString(), "--params",
        params.toString(), "--json");
    assertThat(p.code()).as(p.err()).isZero();
    JsonNode pj = JSON.readTree(p.out());
    assertThat(pj.get("parameters").asString()).isEqualTo(params.toString());
    assertThat(pj.get("risk_vectors").size()).isEqualTo(2);
    // the same book, ETH added: the BTC-only file has no eth_usd pair, and the error says so
    Files.writeString(btcBook, "instrument,quantity\n" + option + ",-5\nETH-PERPETUAL,10\n");
    CliRun noEth = run("margin", "--portfolio", btcBook.toString(), "--market", market.toString(), "--params",
        params.toString());
    assertThat(noEth.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(noEth.err()).contains("eth_usd", params.toString());
  }

  @Test
  void linearProductsNeedAParameterFileButStandardMarginTakesThemInUsdc(@TempDir Path dir) throws IOException {
    Path market = dir.resolve("market.json");
    MarketSnapshotJson.DEFAULT.write(smallMarket(2, DemoBook.DEFAULT_VALUATION, 0, 0), market);
    Path book = dir.resolve("book.csv");
    Files.writeString(book, "instrument,quantity\nBTC-PERPETUAL,1\nBTC_USDC-PERPETUAL,-2\n");
    CliRun pm = run("margin", "--portfolio", book.toString(), "--market", market.toString());
    assertThat(pm.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(pm.err()).contains("BTC_USDC-PERPETUAL", "--params");
    CliRun standard = run("margin", "--portfolio", book.toString(), "--market", market.toString(), "--model",
        "deribit-standard", "--json");
    assertThat(standard.code()).as(standard.err()).isZero();
    JsonNode j = JSON.readTree(standard.out());
    // Deribit's futures rule by hand: 1 coin x (2% + 0.005% x 1) in BTC; 2 coins x F x (2% + 0.005% x 2) in USDC
    PortfolioValuation v = PortfolioValuer.DEFAULT.withPricer(Main.ONE_SHOT_PRICER).value(
        io.netgamma.data.portfolio.PortfolioFiles.read(book, i -> { }).portfolio(),
        MarketLoader.DEFAULT.load(market).snapshot());
    double f = v.forward(1);
    assertThat(v.instrument(1).name()).isEqualTo("BTC_USDC-PERPETUAL");
    assertThat(j.get("instruments").get(1).get("currency").asString()).isEqualTo("USDC");
    assertThat(j.get("initial_margin").get("BTC").asDouble()).isCloseTo(0.02005, within(1e-15));
    assertThat(j.get("initial_margin").get("USDC").asDouble()).isCloseTo(2 * f * 0.0201, within(1e-9));
    assertThat(j.get("maintenance_margin").get("USDC").asDouble()).isCloseTo(2 * f * 0.0151, within(1e-9));
    double index = j.get("index").get("BTC").asDouble();
    assertThat(j.get("initial_margin").get("USD").asDouble()).isCloseTo(0.02005 * index + 2 * f * 0.0201,
        within(1e-6));
  }

  @Test
  void errorsNameTheValueAndExitAsTheOtherCommands(@TempDir Path dir) throws IOException {
    CliRun unknown = run("margin", "--demo", "--model", "span-2");
    assertThat(unknown.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(unknown.err()).contains("--model 'span-2'", "deribit-standard", "deribit-pm");
    CliRun missingParams = run("margin", "--demo", "--params", dir.resolve("nope.json").toString());
    assertThat(missingParams.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(missingParams.err()).contains("nope.json", "no such file");
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, resource("/margin/" + PmParametersReader.BTC_2024_06).replace("\"price_range\": 0.16",
        "\"price_range\": \"16%\""));
    CliRun badParams = run("margin", "--demo", "--params", bad.toString());
    assertThat(badParams.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(badParams.err()).contains("bad.json", "price_range", "16%");
    CliRun standardParams = run("margin", "--demo", "--model", "deribit-standard", "--params", bad.toString());
    assertThat(standardParams.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(standardParams.err()).contains("--params");
    CliRun compareModel = run("margin", "--demo", "--compare", "--model", "deribit-pm");
    assertThat(compareModel.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(compareModel.err()).contains("--compare");
    CliRun none = run("margin");
    assertThat(none.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(none.err()).contains("give --portfolio FILE and --market FILE, or --demo");
    CliRun vol = run("margin", "--demo", "--vol-source", "dvol");
    assertThat(vol.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(vol.err()).contains("'dvol'");
    Path market = dir.resolve("market.json");
    MarketSnapshotJson.DEFAULT.write(smallMarket(1, DemoBook.DEFAULT_VALUATION, 0, 0), market);
    Path book = dir.resolve("book.csv");
    Files.writeString(book, "instrument,quantity\nBTC-FOO,2\n");
    CliRun empty = run("margin", "--portfolio", book.toString(), "--market", market.toString());
    assertThat(empty.code()).isEqualTo(Main.EXIT_NOTHING_PROCESSED);
    assertThat(empty.err()).contains("BTC-FOO", "no position");
    Files.writeString(book, "instrument,quantity\nSOL-PERPETUAL,100\n");
    CliRun noIndex = run("margin", "--portfolio", book.toString(), "--market", market.toString());
    assertThat(noIndex.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(noIndex.err()).contains("SOL-PERPETUAL");
    CliRun help = run("margin", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("deribit-standard", "deribit-pm", "max(0.15 - OTM/F, 0.10) + mark",
        "27 scenarios", "mm_factor", "deribit-pm-cross", "joint bound", PmParametersReader.BTC_2024_06,
        "Exit codes");
  }

  /** The scenario-model keys every model shares equal the core result bit for bit. */
  private static void assertSameResult(JsonNode j, MarginResult direct) {
    assertThat(direct.currencies()).isNotEmpty();
    for (CurrencyMargin c : direct.currencies()) {
      assertThat(j.get("initial_margin").get(c.currency()).asDouble()).as(c.currency()).isEqualTo(c.initialMargin());
      assertThat(j.get("maintenance_margin").get(c.currency()).asDouble()).as(c.currency())
          .isEqualTo(c.maintenanceMargin());
    }
    assertThat(j.get("initial_margin").get("USD").asDouble()).isEqualTo(direct.initialMarginUsd());
    assertThat(j.get("maintenance_margin").get("USD").asDouble()).isEqualTo(direct.maintenanceMarginUsd());
    assertThat(j.get("driving_scenario").asString()).isEqualTo(direct.drivingScenario());
    assertThat(j.get("driving_instrument").asString()).isEqualTo(direct.drivingInstrument());
    JsonNode rows = j.get("instruments");
    assertThat(rows).hasSize(direct.instruments().size());
    for (int i = 0; i < rows.size(); i++) {
      InstrumentMargin m = direct.instruments().get(i);
      assertThat(rows.get(i).get("instrument").asString()).isEqualTo(m.instrument().name());
      assertThat(rows.get(i).get("initial_margin").asDouble()).isEqualTo(m.initialMargin());
      assertThat(rows.get(i).get("maintenance_margin").asDouble()).isEqualTo(m.maintenanceMargin());
    }
    for (String key : CONTRACT) {
      assertThat(j.has(key)).as(key).isTrue();
    }
    assertThat(j.get("roll_shock").isNull()).isTrue();
    assertThat(j.get("delta_shock").isNull()).isTrue();
  }

  @Test
  void demoSpanEqualsTheCoreModelCalledDirectlyWithTheIllustrativeDefaults() {
    CliRun r = run("margin", "--demo", "--model", "span", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    SpanMargin model = SpanMargin.of(SpanParameters.of(MarginCommand.DEFAULT_PRICE_SCAN,
        MarginCommand.DEFAULT_VOL_SCAN, SpanParameters.VolScanType.ABSOLUTE, MarginCommand.DEFAULT_SHORT_OPTION_MINIMUM,
        "test")).withPricer(Main.ONE_SHOT_PRICER);
    assertThat(j.get("model").asString()).isEqualTo("span");
    assertThat(j.get("parameters").asString()).contains("illustrative", "price scan 0.15");
    assertSameResult(j, model.margin(demoValuation));
    List<SpanGroupResult> groups = model.evaluate(demoValuation);
    assertThat(groups).hasSize(2);
    for (SpanGroupResult g : groups) {
      String group = g.book().underlying();
      assertThat(j.get("worst_case").get(group).asDouble()).isEqualTo(g.scanRisk()).isPositive();
      assertThat(j.get("worst_scenario").get(group).get("number").asInt()).isEqualTo(g.worstScenario().number());
      assertThat(j.get("worst_scenario").get(group).get("description").asString())
          .isEqualTo(g.worstScenario().describe(MarginCommand.DEFAULT_PRICE_SCAN));
      JsonNode n = groupNode(j, group);
      assertThat(n.get("short_option_minimum").asDouble()).isEqualTo(g.shortOptionMinimum());
      assertThat(n.get("initial_margin").asDouble()).isEqualTo(g.initialMargin());
      assertThat(doubles(n.get("weighted_pnl"))).containsExactly(g.weightedPnl());
      for (int k = 0; k < g.book().size(); k++) {
        JsonNode v = j.get("risk_vectors").get(g.instruments().get(k).name());
        assertThat(v.get("scenarios")).hasSize(16);
        assertThat(doubles(v.get("scenarios"))).containsExactly(g.scenarioPnl(k));
        assertThat(v.get("worst_scenario_pnl").asDouble()).isEqualTo(g.worstScenarioPnl(k));
      }
    }
    assertThat(r.out()).doesNotContain("NaN");
    // the SPAN options are used: a wider scan on the same book is the core model on those parameters
    CliRun wide = run("margin", "--demo", "--model", "span", "--price-scan", "0.25", "--vol-scan", "0.2",
        "--short-option-minimum", "0.3", "--json");
    assertThat(wide.code()).as(wide.err()).isZero();
    MarginResult wider = SpanMargin.of(SpanParameters.of(0.25, 0.2, SpanParameters.VolScanType.ABSOLUTE, 0.3, "t"))
        .withPricer(Main.ONE_SHOT_PRICER).margin(demoValuation);
    JsonNode w = JSON.readTree(wide.out());
    assertSameResult(w, wider);
    assertThat(w.get("initial_margin").get("USD").asDouble()).isGreaterThan(j.get("initial_margin").get("USD")
        .asDouble());
    CliRun table = run("margin", "--demo", "--model", "span");
    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.out()).contains("MARGIN BY SETTLEMENT CURRENCY  (span)", "RISK GROUPS", "scan risk",
        "short-opt min", "SCENARIOS  BTC", "scenario 16 of 16: price -2x range (-30.00%), vol unchanged, 35% counted",
        "illustrative");
    assertThat(table.out()).doesNotContain("NaN");
  }

  @Test
  void demoParadexAndDeriveAndAFileEqualTheGenericCoreModelCalledDirectly(@TempDir Path dir) throws IOException {
    CliRun r = run("margin", "--demo", "--model", "paradex-v1", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    GenericMarginParameters paradex = GenericMarginParametersReader.DEFAULT.bundled(
        GenericMarginParametersReader.PARADEX_V1);
    GenericScenarioMargin model = GenericScenarioMargin.of(paradex).withPricer(Main.ONE_SHOT_PRICER);
    assertThat(j.get("model").asString()).isEqualTo(paradex.name());
    assertThat(j.get("parameters").asString()).isEqualTo(paradex.source());
    assertSameResult(j, model.margin(demoValuation));
    for (GenericGroupResult g : model.evaluate(demoValuation)) {
      String group = g.book().underlying();
      assertThat(j.get("worst_case").get(group).asDouble()).isEqualTo(g.scanRisk()).isPositive();
      assertThat(j.get("worst_scenario").get(group).get("number").asInt()).isEqualTo(g.worstScenarioIndex() + 1);
      JsonNode n = groupNode(j, group);
      assertThat(n.get("minimum_delta").asDouble()).isEqualTo(g.minimumDelta());
      assertThat(n.get("requirement").asDouble()).isEqualTo(g.requirement());
      assertThat(n.get("maintenance_margin").asDouble()).isEqualTo(g.maintenanceMargin());
      assertThat(n.get("scenarios")).hasSize(paradex.scenarios().size());
      for (int k = 0; k < g.book().size(); k++) {
        JsonNode v = j.get("risk_vectors").get(g.instruments().get(k).name());
        assertThat(doubles(v.get("scenarios"))).containsExactly(g.scenarioPnl(k));
      }
    }
    assertThat(r.out()).doesNotContain("NaN");
    // Derive's set, and the same set given as a file
    GenericMarginParameters derive = GenericMarginParametersReader.DEFAULT.bundled(
        GenericMarginParametersReader.DERIVE_V1);
    MarginResult deriveDirect = GenericScenarioMargin.of(derive).withPricer(Main.ONE_SHOT_PRICER)
        .margin(demoValuation);
    CliRun d = run("margin", "--demo", "--model", "derive-v1", "--json");
    assertThat(d.code()).as(d.err()).isZero();
    assertSameResult(JSON.readTree(d.out()), deriveDirect);
    Path file = dir.resolve("venue.json");
    Files.writeString(file, resource("/margin/" + GenericMarginParametersReader.DERIVE_V1));
    CliRun f = run("margin", "--demo", "--model", file.toString(), "--json");
    assertThat(f.code()).as(f.err()).isZero();
    assertSameResult(JSON.readTree(f.out()), deriveDirect);
    CliRun table = run("margin", "--demo", "--model", "paradex-v1");
    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.out()).contains("MARGIN BY SETTLEMENT CURRENCY  (" + paradex.name() + ")", "RISK GROUPS",
        "contingencies", "min delta", "SCENARIOS  ETH", "* worst");
    assertThat(table.err()).contains("valued and margined (" + paradex.name() + ")");
  }

  @Test
  void scenarioModelErrorsNameTheValue(@TempDir Path dir) throws IOException {
    CliRun unknown = run("margin", "--demo", "--model", "paradex-v9");
    assertThat(unknown.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(unknown.err()).contains("--model 'paradex-v9'", "span", "paradex-v1", "derive-v1", "FILE");
    CliRun missing = run("margin", "--demo", "--model", dir.resolve("nope.json").toString());
    assertThat(missing.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(missing.err()).contains("--model", "nope.json", "no such file");
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, resource("/margin/" + GenericMarginParametersReader.PARADEX_V1)
        .replace("\"mm_factor\": 0.5", "\"mm_factor\": \"half\""));
    assertThat(Files.readString(bad)).contains("\"half\"");
    CliRun badFile = run("margin", "--demo", "--model", bad.toString());
    assertThat(badFile.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(badFile.err()).contains("bad.json", "mm_factor", "half");
    CliRun badScan = run("margin", "--demo", "--model", "span", "--price-scan", "1.5");
    assertThat(badScan.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(badScan.err()).contains("--price-scan 1.5", "price scan range");
    CliRun scanElsewhere = run("margin", "--demo", "--model", "deribit-pm", "--vol-scan", "0.2");
    assertThat(scanElsewhere.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(scanElsewhere.err()).contains("--vol-scan", "span");
    CliRun paramsElsewhere = run("margin", "--demo", "--model", "span", "--params", bad.toString());
    assertThat(paramsElsewhere.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(paramsElsewhere.err()).contains("--params", "deribit-pm");
    CliRun compare = run("margin", "--demo", "--compare", "--model", "span");
    assertThat(compare.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(compare.err()).contains("--compare");
    CliRun help = run("margin", "--help");
    assertThat(help.out()).contains("span", "--price-scan", "--vol-scan", "--short-option-minimum", "illustrative",
        "paradex-v1", "derive-v1", GenericMarginParametersReader.FORMAT);
  }

  private static JsonNode groupNode(JsonNode j, String group) {
    for (JsonNode n : j.get("groups")) {
      if (n.get("group").asString().equals(group)) {
        return n;
      }
    }
    throw new AssertionError("no group " + group + " in " + j.get("groups"));
  }

  private static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = PmParametersReader.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
