package io.netgamma.cli;

import static io.netgamma.cli.CliRun.run;
import static io.netgamma.cli.MarginCommandTest.JSON;
import static io.netgamma.cli.MarginCommandTest.bundledBtcEth;
import static io.netgamma.cli.ReportCommandTest.smallMarket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.margin.CurrencyMargin;
import io.netgamma.core.margin.MarginResult;
import io.netgamma.core.margin.cross.CrossAssetMargin;
import io.netgamma.core.margin.cross.CrossMarginParameters;
import io.netgamma.core.margin.cross.CrossMarginResult;
import io.netgamma.core.margin.cross.HaircutCollateral;
import io.netgamma.core.margin.cross.PairCredit;
import io.netgamma.core.margin.pm.DeribitPortfolioMargin;
import io.netgamma.core.margin.standard.DeribitStandardMargin;
import io.netgamma.core.portfolio.EwmaEstimator;
import io.netgamma.core.portfolio.PortfolioValuation;
import io.netgamma.core.portfolio.PortfolioValuer;
import io.netgamma.core.risk.netting.CorrelationMatrix;
import io.netgamma.core.sim.book.DemoBook;
import io.netgamma.data.market.MarketLoader;
import io.netgamma.data.portfolio.PortfolioFiles;
import io.netgamma.data.portfolio.PriceHistories;
import io.netgamma.data.snapshot.MarketSnapshotJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code netgamma margin --model deribit-pm-cross} and the three-way {@code --compare}: the JSON contract, the numbers
 * of the core model called directly (bit for bit), the options (correlations given or estimated from price files,
 * stress, cap, haircuts), tables, and errors with exit codes.
 */
class CrossMarginCommandTest {

  static PortfolioValuation demo;
  static CrossMarginResult direct;
  static CliRun crossRun;
  static JsonNode crossJson;

  @BeforeAll
  static void runDemo() {
    DemoBook d = DemoBook.generate(DemoBook.DEFAULT_SEED, DemoBook.DEFAULT_POSITIONS);
    demo = PortfolioValuer.DEFAULT.withPricer(Main.ONE_SHOT_PRICER).value(d.portfolio(), d.market());
    direct = model(CrossMarginParameters.defaults(List.of("BTC", "ETH"))).evaluate(demo);
    crossRun = run("margin", "--demo", "--model", "cross", "--json");
    crossJson = JSON.readTree(crossRun.out());
  }

  static CrossAssetMargin model(CrossMarginParameters p) {
    return CrossAssetMargin.of(DeribitPortfolioMargin.of(bundledBtcEth()).withPricer(Main.ONE_SHOT_PRICER), p);
  }

  @Test
  void crossJsonKeepsTheMarginKeysAndEqualsTheCoreModelBitForBit() {
    assertThat(crossRun.code()).as(crossRun.err()).isZero();
    JsonNode j = crossJson;
    assertThat(j.get("model").asString()).isEqualTo("deribit-pm-cross");
    for (String key : MarginCommandTest.CONTRACT) {
      assertThat(j.get(key).isNull()).as(key).isFalse();
    }
    for (CurrencyMargin c : direct.margin().currencies()) {
      assertThat(j.get("initial_margin").get(c.currency()).asDouble()).isEqualTo(c.initialMargin());
      assertThat(j.get("maintenance_margin").get(c.currency()).asDouble()).isEqualTo(c.maintenanceMargin());
    }
    assertThat(j.get("initial_margin").get("USD").asDouble()).isEqualTo(direct.initialMarginUsd());
    JsonNode x = j.get("cross_asset");
    assertThat(x.get("credit_usd").asDouble()).isEqualTo(direct.creditUsd()).isPositive();
    assertThat(x.get("initial_margin_usd").get("before").asDouble()).isEqualTo(direct.initialMarginBeforeUsd());
    assertThat(x.get("initial_margin_usd").get("after").asDouble()).isEqualTo(direct.initialMarginUsd());
    assertThat(x.get("maintenance_margin_usd").get("after").asDouble()).isEqualTo(direct.maintenanceMarginUsd());
    assertThat(x.get("parameters").get("stress").asDouble()).isEqualTo(CrossMarginParameters.DEFAULT_STRESS);
    assertThat(x.get("parameters").get("credit_cap").asDouble()).isEqualTo(CrossMarginParameters.DEFAULT_CREDIT_CAP);
    // the pair: what the credit is and what it depends on
    PairCredit p = direct.pairs().get(0);
    JsonNode pair = x.get("pairs").get(0);
    assertThat(pair.get("underlyings").get(0).asString()).isEqualTo("BTC");
    assertThat(pair.get("underlyings").get(1).asString()).isEqualTo("ETH");
    assertThat(pair.get("correlation").asDouble()).isEqualTo(0.8);
    assertThat(pair.get("correlation_source").asString()).startsWith("assumed");
    assertThat(pair.get("correlation_used").asDouble()).isEqualTo(p.correlationUsed());
    assertThat(pair.get("offset_usd").asDouble()).isEqualTo(p.offsetUsd());
    assertThat(pair.get("credit_usd").asDouble()).isEqualTo(p.creditUsd());
    assertThat(pair.get("joint_bound_usd").asDouble()).isEqualTo(p.jointBoundUsd());
    assertThat(pair.get("cap_binding").asBoolean()).isFalse();
    for (int i = 0; i < 2; i++) {
      JsonNode g = x.get("groups").get(i);
      assertThat(g.get("directional").asDouble()).isEqualTo(direct.exposures().get(i).directional());
      assertThat(g.get("credit_usd").asDouble()).isEqualTo(direct.groupCreditUsd()[i]);
      assertThat(g.get("initial_margin_after").asDouble()).isEqualTo(direct.groupInitialMargin()[i]);
    }
    // collateral: the demo's BTC, ETH and USDC at their index less 2%, 3%, 0; equity adds the options' value
    JsonNode col = x.get("collateral");
    assertThat(col.get("balances")).hasSize(3);
    for (JsonNode b : col.get("balances")) {
      double h = CrossMarginParameters.DEFAULT_HAIRCUTS.get(b.get("currency").asString());
      assertThat(b.get("haircut").asDouble()).isEqualTo(h);
      assertThat(b.get("value_after_haircut_usd").asDouble()).isCloseTo(b.get("value_usd").asDouble() * (1 - h),
          within(1e-9));
    }
    assertThat(x.get("equity_usd").asDouble()).isEqualTo(direct.collateral().equityUsd());
    assertThat(x.get("excess_usd").get("initial").asDouble())
        .isEqualTo(direct.collateral().equityUsd() - direct.initialMarginUsd());
    assertThat(x.get("margin_ratio").get("maintenance").asDouble())
        .isEqualTo(direct.maintenanceMarginUsd() / direct.collateral().equityUsd());
    assertThat(j.get("cross_asset_margin").asString()).startsWith("applied");
    assertThat(crossRun.out()).doesNotContain("NaN");
  }

  @Test
  void compareHasThreeModelsWithTheSavingOfEachAndWhatDrivesIt() {
    CliRun r = run("margin", "--demo", "--compare", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("models")).hasSize(3);
    assertThat(j.get("models").get(2).asString()).isEqualTo("deribit-pm-cross");
    MarginResult standard = DeribitStandardMargin.DEFAULT.margin(demo);
    JsonNode total = j.get("total_usd");
    assertThat(total.get("deribit-pm-cross").get("initial_margin").asDouble()).isEqualTo(direct.initialMarginUsd());
    assertThat(total.get("deribit-pm-cross").get("credit").asDouble()).isEqualTo(direct.creditUsd());
    assertThat(total.get("deribit-pm-cross").get("driving_pair").asString()).isEqualTo("BTC/ETH");
    assertThat(total.get("saving_cross").get("initial_margin").asDouble())
        .isEqualTo(standard.initialMarginUsd() - direct.initialMarginUsd());
    // the cross-asset saving is at least portfolio margin's
    assertThat(total.get("saving_cross").get("initial_margin").asDouble())
        .isGreaterThan(total.get("saving").get("initial_margin").asDouble());
    assertThat(total.get("excess_initial_usd").get("deribit-pm-cross").asDouble())
        .isEqualTo(direct.collateral().equityUsd() - direct.initialMarginUsd());
    for (JsonNode c : j.get("currencies")) {
      String ccy = c.get("currency").asString();
      double s = standard.currency(ccy).initialMargin();
      double x = direct.margin().currency(ccy).initialMargin();
      assertThat(c.get("deribit-pm-cross").get("initial_margin").asDouble()).isEqualTo(x);
      assertThat(c.get("saving_cross").get("initial_margin").asDouble()).isEqualTo(s - x);
      assertThat(c.get("saving_cross").get("initial_margin_fraction").asDouble()).isEqualTo((s - x) / s);
      assertThat(c.get("deribit-pm-cross").get("credit").asDouble()).isPositive();
    }
    assertThat(j.get("cross_asset").get("credit_usd").asDouble()).isEqualTo(direct.creditUsd());
    CliRun table = run("margin", "--demo", "--compare");
    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.out()).contains("cross-asset", "cross saving", "cross-asset: BTC/ETH credit", "rho 0.8000",
        "used 0.6000", "equity");
    assertThat(table.err()).contains("deribit-standard, deribit-pm and deribit-pm-cross");
  }

  @Test
  void givenCorrelationStressCapAndHaircutsAreUsed() {
    CliRun r = run("margin", "--demo", "--model", "deribit-pm-cross", "--correlation", "ETH/BTC=0.95", "--stress",
        "0", "--credit-cap", "0.9", "--haircut", "btc=0", "--haircut", "ETH=0.1", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode x = JSON.readTree(r.out()).get("cross_asset");
    CrossMarginParameters p = new CrossMarginParameters(CorrelationMatrix.constant(List.of("BTC", "ETH"), 0.95),
        "given", 0, 0.9, CrossMarginParameters.DEFAULT_HAIRCUTS, CrossMarginParameters.DEFAULT_OTHER_HAIRCUT)
        .withHaircut("BTC", 0).withHaircut("ETH", 0.1);
    CrossMarginResult d = model(p).evaluate(demo);
    JsonNode pair = x.get("pairs").get(0);
    assertThat(pair.get("correlation").asDouble()).isEqualTo(0.95);
    assertThat(pair.get("correlation_source").asString()).isEqualTo("--correlation");
    assertThat(pair.get("correlation_used").asDouble()).isEqualTo(0.95);
    assertThat(pair.get("credit_rate").asDouble()).isEqualTo(0.9);
    assertThat(pair.get("cap_binding").asBoolean()).isTrue();
    assertThat(x.get("credit_usd").asDouble()).isEqualTo(d.creditUsd()).isGreaterThan(direct.creditUsd());
    for (HaircutCollateral h : d.collateral().balances()) {
      JsonNode b = x.get("collateral").get("balances").get(d.collateral().balances().indexOf(h));
      assertThat(b.get("haircut").asDouble()).isEqualTo(h.haircut());
    }
    assertThat(x.get("collateral").get("balances").get(0).get("haircut").asDouble()).isZero();
    assertThat(x.get("equity_usd").asDouble()).isEqualTo(d.collateral().equityUsd());
    // a stronger stress asks for more
    CliRun stressed = run("margin", "--demo", "--model", "cross", "--stress", "0.6", "--json");
    assertThat(JSON.readTree(stressed.out()).get("initial_margin").get("USD").asDouble())
        .isGreaterThan(direct.initialMarginUsd());
  }

  @Test
  void correlationsFromPriceFilesAreTheEwmaEstimate(@TempDir Path dir) throws IOException {
    // two hourly price paths with correlated returns (rho 0.7 by construction)
    SplittableRandom rnd = new SplittableRandom(3);
    StringBuilder btc = new StringBuilder("timestamp,open,high,low,close,volume\n");
    StringBuilder eth = new StringBuilder("timestamp,open,high,low,close,volume\n");
    double b = 95000;
    double e = 3500;
    Instant t = Instant.parse("2025-05-01T00:00:00Z");
    for (int i = 0; i < 500; i++) {
      double z1 = gaussian(rnd);
      double z2 = 0.7 * z1 + Math.sqrt(1 - 0.49) * gaussian(rnd);
      b *= Math.exp(0.006 * z1);
      e *= Math.exp(0.008 * z2);
      btc.append(t).append(',').append(b).append(',').append(b).append(',').append(b).append(',').append(b)
          .append(",1\n");
      eth.append(t).append(',').append(e).append(',').append(e).append(',').append(e).append(',').append(e)
          .append(",1\n");
      t = t.plusSeconds(3600);
    }
    Path bf = dir.resolve("btc.csv");
    Path ef = dir.resolve("eth.csv");
    Files.writeString(bf, btc);
    Files.writeString(ef, eth);
    CliRun r = run("margin", "--demo", "--model", "cross", "--prices", "BTC=" + bf, "--prices", "ETH=" + ef,
        "--json");
    assertThat(r.code()).as(r.err()).isZero();
    Map<String, Path> files = new LinkedHashMap<>();
    files.put("BTC", bf);
    files.put("ETH", ef);
    double rho = PriceHistories.ewma(files, EwmaEstimator.RISKMETRICS_LAMBDA, i -> { }).correlation("BTC", "ETH");
    JsonNode pair = JSON.readTree(r.out()).get("cross_asset").get("pairs").get(0);
    assertThat(pair.get("correlation").asDouble()).isEqualTo(rho);
    assertThat(pair.get("correlation_source").asString()).startsWith("EWMA of --prices");
    assertThat(rho).isBetween(0.3, 0.95);
    assertThat(r.err()).contains("price histories [BTC, ETH]: EWMA");
    // --correlation wins over --prices
    CliRun given = run("margin", "--demo", "--model", "cross", "--prices", "BTC=" + bf, "--prices", "ETH=" + ef,
        "--correlation", "BTC/ETH=0.5", "--json");
    assertThat(JSON.readTree(given.out()).get("cross_asset").get("pairs").get(0).get("correlation").asDouble())
        .isEqualTo(0.5);
  }

  private static double gaussian(SplittableRandom rnd) {
    return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
  }

  @Test
  void aOneUnderlyingBookIsPortfolioMarginBitForBit(@TempDir Path dir) throws IOException {
    Path market = dir.resolve("market.json");
    MarketSnapshotJson.DEFAULT.write(smallMarket(5, DemoBook.DEFAULT_VALUATION, 0, 0), market);
    Path book = dir.resolve("book.csv");
    String option = MarketLoader.DEFAULT.load(market).snapshot().quotes().stream()
        .filter(q -> q.instrument().isOption() && q.instrument().underlying().equals("BTC")).findFirst()
        .orElseThrow().instrument().name();
    Files.writeString(book, "instrument,quantity\n" + option + ",-5\nBTC-PERPETUAL,1.5\n");
    CliRun cross = run("margin", "--portfolio", book.toString(), "--market", market.toString(), "--model", "cross",
        "--json");
    CliRun pm = run("margin", "--portfolio", book.toString(), "--market", market.toString(), "--json");
    assertThat(cross.code()).as(cross.err()).isZero();
    JsonNode c = JSON.readTree(cross.out());
    JsonNode p = JSON.readTree(pm.out());
    assertThat(c.get("initial_margin")).isEqualTo(p.get("initial_margin"));
    assertThat(c.get("maintenance_margin")).isEqualTo(p.get("maintenance_margin"));
    assertThat(c.get("worst_case")).isEqualTo(p.get("worst_case"));
    assertThat(c.get("cross_asset").get("pairs")).isEmpty();
    assertThat(c.get("cross_asset").get("credit_usd").asDouble()).isZero();
    // no collateral in a CSV book: equity is the options' value
    PortfolioValuation v = PortfolioValuer.DEFAULT.withPricer(Main.ONE_SHOT_PRICER)
        .value(PortfolioFiles.read(book, i -> { }).portfolio(), MarketLoader.DEFAULT.load(market).snapshot());
    double options = 0;
    for (int i = 0; i < v.size(); i++) {
      options += v.instrument(i).isOption() ? v.valueUsd(i) : 0;
    }
    assertThat(c.get("cross_asset").get("equity_usd").asDouble()).isEqualTo(options);
    CliRun table = run("margin", "--portfolio", book.toString(), "--market", market.toString(), "--model", "cross");
    assertThat(table.out()).contains("one risk group: no pair, no credit", "(no collateral in the portfolio)");
    assertThat(table.out()).contains("LIQUIDATION"); // a short option and no collateral: equity below margin
  }

  @Test
  void tablesShowTheSplitThePairsAndTheCollateral() {
    CliRun r = run("margin", "--demo", "--model", "cross");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("MARGIN BY SETTLEMENT CURRENCY  (deribit-pm-cross)", "cross-asset  one account",
        "DIRECTIONAL SPLIT", "PAIR CREDITS", "BTC/ETH", "joint bound", "before credit", "after credit",
        "COLLATERAL", "after haircut", "equity", "excess", "less a cross-asset credit");
    assertThat(r.out()).doesNotContain("NaN", "RISK VECTORS");
  }

  @Test
  void errorsNameTheOptionAndValue() {
    CliRun stress = run("margin", "--demo", "--model", "cross", "--stress", "1.5");
    assertThat(stress.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(stress.err()).contains("--stress", "1.5");
    CliRun cap = run("margin", "--demo", "--model", "cross", "--credit-cap", "-0.1");
    assertThat(cap.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(cap.err()).contains("--credit-cap");
    CliRun pairSyntax = run("margin", "--demo", "--model", "cross", "--correlation", "ETH=0.8");
    assertThat(pairSyntax.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(pairSyntax.err()).contains("--correlation ETH=0.8", "A/B=RHO");
    CliRun range = run("margin", "--demo", "--model", "cross", "--correlation", "BTC/ETH=1.2");
    assertThat(range.code()).isEqualTo(Main.EXIT_USAGE);
    CliRun absent = run("margin", "--demo", "--model", "cross", "--correlation", "BTC/SOL=0.5");
    assertThat(absent.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(absent.err()).contains("BTC/SOL", "no risk group on SOL");
    CliRun haircut = run("margin", "--demo", "--model", "cross", "--haircut", "BTC=5");
    assertThat(haircut.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(haircut.err()).contains("--haircut BTC=5");
    CliRun wrongModel = run("margin", "--demo", "--stress", "0.3");
    assertThat(wrongModel.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(wrongModel.err()).contains("--stress", "deribit-pm-cross");
    CliRun onePrice = run("margin", "--demo", "--model", "cross", "--prices", "BTC=btc.csv");
    assertThat(onePrice.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(onePrice.err()).contains("--prices", "two underlyings");
    CliRun missing = run("margin", "--demo", "--model", "cross", "--prices", "BTC=nope-btc.csv", "--prices",
        "ETH=nope-eth.csv");
    assertThat(missing.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(missing.err()).contains("nope-btc.csv");
  }
}
