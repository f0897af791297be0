package io.netgamma.cli;

import static io.netgamma.cli.CliRun.run;
import static io.netgamma.cli.ReportCommandTest.smallBook;
import static io.netgamma.cli.ReportCommandTest.smallMarket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.core.risk.explain.PnlExplain;
import io.netgamma.core.risk.explain.PnlExplainer;
import io.netgamma.core.sim.book.DemoBook;
import io.netgamma.data.market.MarketLoader;
import io.netgamma.data.portfolio.PortfolioJson;
import io.netgamma.data.snapshot.MarketSnapshotJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ExplainCommandTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final List<String> TERMS = List.of("delta", "gamma", "vega", "theta", "vanna", "volga");

  @Test
  void demoExplainsEveryPositionAndTheTermsAddUpToTheActualPnl() {
    CliRun r = run("explain", "--demo", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("positions")).hasSize(DemoBook.DEFAULT_POSITIONS);
    assertThat(j.get("days").asDouble()).isEqualTo(1.0);
    double actual = 0;
    for (JsonNode p : j.get("positions")) {
      double sum = p.get("residual").asDouble();
      for (String t : TERMS) {
        sum += p.get(t).asDouble();
      }
      assertThat(sum).as(p.get("instrument").asString()).isCloseTo(p.get("actual").asDouble(),
          within(1e-9 * (1 + Math.abs(p.get("actual").asDouble()))));
      if (!p.get("instrument").asString().matches(".*-[CP]$")) {
        // futures and perpetuals: the delta term is the whole P&L
        assertThat(p.get("residual").asDouble()).isCloseTo(0.0, within(1e-9 * (1 + Math.abs(p.get("actual")
            .asDouble()))));
        assertThat(p.get("gamma").asDouble()).isZero();
      }
      actual += p.get("actual").asDouble();
    }
    assertThat(j.get("total").get("actual").asDouble()).isCloseTo(actual, within(1e-6));
    assertThat(j.get("by_underlying").has("BTC")).isTrue();
    // a 3% move and a day: the greeks explain the bulk of the P&L
    double total = j.get("total").get("actual").asDouble();
    assertThat(Math.abs(j.get("total").get("residual").asDouble())).isLessThan(0.1 * Math.abs(total));
  }

  @Test
  void demoTableHasTheTermsAndTotals() {
    CliRun r = run("explain", "--demo");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("P&L EXPLAIN  demo desk: 40 positions", "actual", "delta", "gamma", "vega", "theta",
        "vanna", "volga", "residual", "BY UNDERLYING", "total", "predicted by the greeks");
    assertThat(r.out()).doesNotContain("NaN");
  }

  @Test
  void filesGiveTheExplainersNumbersAndSettleWhatExpires(@TempDir Path dir) throws IOException {
    Instant t1 = DemoBook.DEFAULT_VALUATION;
    MarketSnapshot m1 = smallMarket(3, t1, 0, 0);
    Portfolio desk = smallBook(m1, 3);
    // the first daily expiry (next day 08:00) passes between the markets: buy one of its options
    String daily = m1.quotes().stream().filter(q -> q.instrument().isOption() && q.instrument().expiry()
        .isBefore(t1.plus(Duration.ofDays(1)))).findFirst().orElseThrow().instrument().name();
    MarketSnapshot m2 = smallMarket(3, t1.plus(Duration.ofDays(1)), 0.01, -0.01);
    Path from = dir.resolve("m1.json");
    Path to = dir.resolve("m2.json");
    MarketSnapshotJson.DEFAULT.write(m1, from);
    MarketSnapshotJson.DEFAULT.write(m2, to);
    Path book = dir.resolve("book.csv");
    StringBuilder csv = new StringBuilder("instrument,quantity\n");
    desk.positions().forEach(p -> csv.append(p.instrument().name()).append(',').append(p.quantity())
        .append('\n'));
    csv.append(daily).append(",3\n");
    Files.writeString(book, csv);
    CliRun r = run("explain", "--portfolio", book.toString(), "--from", from.toString(), "--to", to.toString(),
        "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    Portfolio read = io.netgamma.data.portfolio.PortfolioFiles.read(book, i -> { }).portfolio();
    PnlExplain expected = PnlExplainer.DEFAULT.explain(read, MarketLoader.DEFAULT.load(from).snapshot(),
        MarketLoader.DEFAULT.load(to).snapshot());
    assertThat(j.get("total").get("actual").asDouble()).isEqualTo(expected.total().actual());
    assertThat(j.get("total").get("residual").asDouble()).isEqualTo(expected.total().residual());
    JsonNode last = j.get("positions").get(12);
    assertThat(last.get("instrument").asString()).isEqualTo(daily);
    assertThat(last.get("settled").asBoolean()).isTrue();
    assertThat(j.get("settled").toString()).contains(daily);
    assertThat(r.err()).contains("settled at intrinsic value", daily);
    PortfolioJson.DEFAULT.write(read, dir.resolve("book.json"));
    CliRun table = run("explain", "--portfolio", dir.resolve("book.json").toString(), "--from", from.toString(),
        "--to", to.toString());
    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.out()).contains(daily).containsPattern(daily + ".* yes ");
  }

  @Test
  void missingMarketDataInTheSecondMarketAndWrongOrderExitTwo(@TempDir Path dir) throws IOException {
    MarketSnapshot m1 = smallMarket(3, DemoBook.DEFAULT_VALUATION, 0, 0);
    Portfolio desk = smallBook(m1, 3);
    // the second market has BTC only
    MarketSnapshot full = smallMarket(3, DemoBook.DEFAULT_VALUATION.plus(Duration.ofHours(1)), 0, 0);
    MarketSnapshot.Builder b = MarketSnapshot.builder(full.timestamp()).index("BTC", full.index("BTC"))
        .forwardCurve(full.forwardCurve("BTC"));
    full.quotes().stream().filter(q -> q.instrument().underlying().equals("BTC")).forEach(b::quote);
    Path from = dir.resolve("m1.json");
    Path to = dir.resolve("m2.json");
    MarketSnapshotJson.DEFAULT.write(m1, from);
    MarketSnapshotJson.DEFAULT.write(b.build(), to);
    Path book = dir.resolve("book.json");
    PortfolioJson.DEFAULT.write(desk, book);
    CliRun r = run("explain", "--portfolio", book.toString(), "--from", from.toString(), "--to", to.toString());
    assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
    String eth = desk.positions().stream().map(p -> p.instrument().name()).filter(n -> n.startsWith("ETH"))
        .findFirst().orElseThrow();
    assertThat(r.err()).contains(eth, "ETH");
    CliRun backwards = run("explain", "--portfolio", book.toString(), "--from", to.toString(), "--to", from.toString());
    assertThat(backwards.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(backwards.err()).contains("before");
    CliRun usage = run("explain", "--portfolio", book.toString(), "--from", from.toString());
    assertThat(usage.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(usage.err()).contains("--to");
  }
}
