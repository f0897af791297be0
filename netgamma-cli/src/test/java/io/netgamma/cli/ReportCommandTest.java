package io.netgamma.cli;

import static io.netgamma.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.portfolio.GreeksAggregator;
import io.netgamma.core.portfolio.NetGreeks;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.core.portfolio.PortfolioValuation;
import io.netgamma.core.portfolio.PortfolioValuer;
import io.netgamma.core.portfolio.Position;
import io.netgamma.core.sim.book.DemoBook;
import io.netgamma.core.sim.book.DeskBookGenerator;
import io.netgamma.core.sim.book.DeskBookSpec;
import io.netgamma.core.sim.market.MarketGenerator;
import io.netgamma.core.sim.market.MarketSpec;
import io.netgamma.core.sim.market.UnderlyingSpec;
import io.netgamma.data.market.MarketLoader;
import io.netgamma.data.portfolio.PortfolioJson;
import io.netgamma.data.snapshot.MarketSnapshotJson;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportCommandTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** A small generated market (8 strikes per expiry: quick surface fits) with BTC and ETH moved. */
  static MarketSnapshot smallMarket(long seed, Instant at, double btcMove, double ethMove) {
    UnderlyingSpec btc = UnderlyingSpec.btc();
    UnderlyingSpec eth = UnderlyingSpec.eth();
    return MarketGenerator.DEFAULT.generate(MarketSpec.btcEth(at).withStrikesPerExpiry(8).withUnderlyings(List.of(
        btc.withSpot(btc.spot() * (1 + btcMove)), eth.withSpot(eth.spot() * (1 + ethMove)))), seed);
  }

  /** A 12-position desk book on a market. */
  static Portfolio smallBook(MarketSnapshot market, long seed) {
    return DeskBookGenerator.DEFAULT.generate(market, DeskBookSpec.of(12), seed);
  }

  static CliRun demoJson;
  static JsonNode demo;

  @BeforeAll
  static void runDemo() {
    demoJson = run("report", "--demo", "--json");
    demo = JSON.readTree(demoJson.out());
  }

  @Test
  void demoJsonHasTheContractKeysAndTheZeroCellIsExactlyZero() {
    assertThat(demoJson.code()).as(demoJson.err()).isZero();
    assertThat(demo.get("positions")).hasSize(DemoBook.DEFAULT_POSITIONS);
    for (String u : List.of("BTC", "ETH")) {
      JsonNode n = demo.get("net").get(u);
      for (String key : List.of("delta", "gamma", "vega", "theta", "delta_coin")) {
        assertThat(n.has(key)).as(u + "." + key).isTrue();
        assertThat(n.get(key).isNumber()).isTrue();
      }
    }
    JsonNode p = demo.get("positions").get(0);
    for (String key : List.of("instrument", "quantity", "delta", "gamma", "vega", "theta", "delta_coin",
        "value_usd", "cash_gamma", "iv", "forward")) {
      assertThat(p.has(key)).as("positions[0]." + key).isTrue();
    }
    JsonNode netting = demo.get("netting");
    for (String key : List.of("gross_gamma", "net_gamma", "efficiency")) {
      assertThat(netting.get(key).isNumber()).as("netting." + key).isTrue();
    }
    assertThat(netting.get("gross_gamma").asDouble()).isGreaterThanOrEqualTo(Math.abs(netting.get("net_gamma")
        .asDouble()));
    JsonNode s = demo.get("scenarios");
    assertThat(s.get("spot_shifts")).hasSize(21);
    assertThat(s.get("vol_shifts")).hasSize(5);
    JsonNode pnl = s.get("pnl_usd");
    assertThat(pnl).hasSize(21);
    pnl.forEach(row -> assertThat(row).hasSize(5));
    assertThat(s.get("spot_shifts").get(10).asDouble()).isEqualTo(0.0);
    assertThat(s.get("vol_shifts").get(2).asDouble()).isEqualTo(0.0);
    assertThat(pnl.get(10).get(2).asDouble()).isEqualTo(0.0);
    assertThat(s.get("spot_shifts").get(0).asDouble()).isEqualTo(-0.2);
    assertThat(s.get("vol_shifts").get(4).asDouble()).isEqualTo(0.1, within(1e-15));
  }

  @Test
  void demoNumbersAreTheEnginesAndAddUp() {
    DemoBook d = DemoBook.generate(DemoBook.DEFAULT_SEED, DemoBook.DEFAULT_POSITIONS);
    PortfolioValuation v = PortfolioValuer.DEFAULT.withPricer(Main.ONE_SHOT_PRICER).value(d.portfolio(), d.market());
    Map<String, NetGreeks> net = GreeksAggregator.byUnderlying(v);
    for (String u : List.of("BTC", "ETH")) {
      JsonNode n = demo.get("net").get(u);
      assertThat(n.get("delta").asDouble()).isEqualTo(net.get(u).delta());
      assertThat(n.get("gamma").asDouble()).isEqualTo(net.get(u).gamma());
      assertThat(n.get("vega").asDouble()).isEqualTo(net.get(u).vega());
      assertThat(n.get("theta").asDouble()).isEqualTo(net.get(u).theta());
      assertThat(n.get("delta_coin").asDouble()).isEqualTo(net.get(u).deltaCoin());
      // the net is the sum of the positions printed
      double delta = 0;
      double vega = 0;
      int count = 0;
      for (JsonNode p : demo.get("positions")) {
        if (p.get("underlying").asString().equals(u)) {
          delta += p.get("delta").asDouble();
          vega += p.get("vega").asDouble();
          count++;
        }
      }
      assertThat(n.get("positions").asInt()).isEqualTo(count);
      assertThat(delta).isCloseTo(net.get(u).delta(), within(1e-9));
      assertThat(vega).isCloseTo(net.get(u).vega(), within(1e-7));
    }
    // the by-expiry rows add up to the underlying's net
    double btcTheta = 0;
    for (JsonNode e : demo.get("by_expiry")) {
      if (e.get("underlying").asString().equals("BTC")) {
        btcTheta += e.get("theta").asDouble();
      }
    }
    assertThat(btcTheta).isCloseTo(net.get("BTC").theta(), within(1e-8));
    // the gamma profile at no move is the book's cash gamma, by full revaluation (central differences, h = 0.5%)
    JsonNode profile = demo.get("gamma_profile");
    int mid = profile.get("spot_shifts").size() / 2;
    assertThat(profile.get("spot_shifts").get(mid).asDouble()).isEqualTo(0.0);
    for (String u : List.of("BTC", "ETH")) {
      double fd = profile.get("cash_gamma_usd").get(u).get(mid).asDouble();
      assertThat(fd).as(u + " cash gamma by revaluation vs the valuation's")
          .isCloseTo(net.get(u).cashGamma(), within(2e-3 * Math.abs(net.get(u).cashGamma())));
    }
  }

  @Test
  void demoTablesShowEverySection() {
    CliRun r = run("report", "--demo");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("RISK REPORT  demo desk: 40 positions", "POSITIONS", "NET GREEKS BY UNDERLYING",
        "NET GREEKS BY EXPIRY", "BTC-EQUIVALENT DELTA AND GAMMA", "NETTING", "HEDGING FLOW", "SCENARIOS",
        "(coin/USD)", "(USD/volpt)", "(USD/day)", "collateral: BTC");
    assertThat(r.out()).doesNotContain("NaN", "Infinity");
    assertThat(r.err()).contains("40 positions on 40 instruments: valued, aggregated, netted and revalued on a 21 x "
        + "5 grid");
    // the zero row and column of the grid
    assertThat(r.out()).containsPattern("\\n0%\\s+-?\\d+\\s+-?\\d+\\s+0\\s+-?\\d+\\s+-?\\d+\\n");
  }

  @Test
  void pngDirGetsTheThreeCharts(@TempDir Path dir) throws IOException {
    Path charts = dir.resolve("charts");
    CliRun r = run("report", "--demo", "--png-dir", charts.toString(), "--spot-points", "11");
    assertThat(r.code()).as(r.err()).isZero();
    for (String name : List.of(ReportCommand.PNL_PNG, ReportCommand.GAMMA_PNG, ReportCommand.HEATMAP_PNG)) {
      BufferedImage image = ImageIO.read(charts.resolve(name).toFile());
      assertThat(image).as(name).isNotNull();
      assertThat(image.getWidth()).isGreaterThanOrEqualTo(800);
      assertThat(image.getHeight()).isGreaterThanOrEqualTo(500);
    }
    assertThat(r.err()).contains("charts written to " + charts);
  }

  @Test
  void gridAxesHorizonAndNettingOptionsReachTheEngines() {
    CliRun r = run("report", "--demo", "--json", "--spot-range", "10", "--spot-points", "5", "--vol-range", "4",
        "--vol-points", "3", "--horizon", "2", "--hedge-interval", "4h", "--cost-bp", "10", "--correlation",
        "ETH=0.9", "--vol", "BTC=0.5");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    JsonNode s = j.get("scenarios");
    assertThat(s.get("spot_shifts").toString()).isEqualTo("[-0.1,-0.05,0.0,0.05,0.1]");
    assertThat(s.get("vol_shifts").toString()).isEqualTo("[-0.04,0.0,0.04]");
    assertThat(s.get("horizon_days").asDouble()).isEqualTo(2.0);
    // with a roll the (0, 0) cell is the book's time decay: two days of theta, roughly
    double roll = s.get("pnl_usd").get(2).get(1).asDouble();
    double theta = j.get("net").get("BTC").get("theta").asDouble() + j.get("net").get("ETH").get("theta").asDouble();
    assertThat(roll).isNotZero();
    assertThat(Math.signum(roll)).isEqualTo(Math.signum(theta));
    JsonNode h = j.get("netting").get("hedging");
    assertThat(h.get("rebalances_per_day").asDouble()).isEqualTo(6.0);
    assertThat(h.get("cost_bp").asDouble()).isEqualTo(10.0);
    JsonNode risk = j.get("asset_risk");
    assertThat(risk.get("correlations").get("ETH").asDouble()).isEqualTo(0.9);
    assertThat(risk.get("correlation_sources").get("ETH").asString()).isEqualTo("--correlation");
    assertThat(risk.get("volatilities").get("BTC").asDouble()).isEqualTo(0.5);
    assertThat(risk.get("volatility_sources").get("ETH").asString()).isEqualTo("surface ATM, 30 days");
    assertThat(h.get("by_underlying").get("BTC").get("volatility").asDouble()).isEqualTo(0.5);
  }

  @Test
  void aBookFromFilesWithALongAndAShortOfOneOptionNetsThemToZero(@TempDir Path dir) throws IOException {
    MarketSnapshot m = smallMarket(7, DemoBook.DEFAULT_VALUATION, 0, 0);
    Portfolio desk = smallBook(m, 7);
    Path market = dir.resolve("market.json");
    MarketSnapshotJson.DEFAULT.write(m, market);
    Position first = desk.position(0);
    Position offset = Position.of(first.instrument(), -first.quantity());
    List<Position> positions = new java.util.ArrayList<>(desk.positions());
    positions.add(offset);
    Portfolio book = Portfolio.of("files", positions, Map.of("BTC", 2.0));
    Path file = dir.resolve("book.json");
    PortfolioJson.DEFAULT.write(book, file);
    CliRun r = run("report", "--portfolio", file.toString(), "--market", market.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("portfolio").asString()).isEqualTo("files");
    assertThat(j.get("positions")).hasSize(13);
    // the same numbers as valuing the book on the market the loader builds (surfaces fitted to the file's IVs)
    MarketSnapshot loaded = MarketLoader.DEFAULT.load(market).snapshot();
    PortfolioValuation v = PortfolioValuer.DEFAULT.withPricer(Main.ONE_SHOT_PRICER).value(book, loaded);
    Map<String, NetGreeks> net = GreeksAggregator.byUnderlying(v);
    Portfolio without = Portfolio.of("without", desk.positions().subList(1, 12));
    Map<String, NetGreeks> netWithout = GreeksAggregator.byUnderlying(
        PortfolioValuer.DEFAULT.withPricer(Main.ONE_SHOT_PRICER).value(without, loaded));
    String u = first.instrument().underlying();
    assertThat(j.get("net").get(u).get("gamma").asDouble()).isEqualTo(net.get(u).gamma());
    // the offsetting pair adds exactly nothing: the net is that of the book without the first position
    assertThat(net.get(u).gamma()).isEqualTo(netWithout.get(u).gamma());
    assertThat(net.get(u).vega()).isEqualTo(netWithout.get(u).vega());
    assertThat(j.get("scenarios").get("pnl_usd").get(10).get(2).asDouble()).isEqualTo(0.0);
    assertThat(j.get("collateral").get(0).get("currency").asString()).isEqualTo("BTC");
  }

  @Test
  void aCsvBookOnATardisChain(@TempDir Path dir) throws IOException {
    Path chain = Path.of("..", "samples", "btc-options-chain.csv");
    List<String> lines = Files.readAllLines(chain);
    String header = lines.get(0);
    int symbol = List.of(header.split(",")).indexOf("symbol");
    String a = lines.get(1).split(",")[symbol];
    String b = lines.get(lines.size() / 2).split(",")[symbol];
    Path book = dir.resolve("book.csv");
    Files.writeString(book, "instrument,quantity\n" + a + ",-10\n" + b + ",5\nBTC-PERPETUAL,2\n");
    CliRun r = run("report", "--portfolio", book.toString(), "--market", chain.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains(a, b, "BTC-PERPETUAL", "RISK REPORT  book: 3 positions on 3 instruments");
    // the chain has no perpetual quote: it is valued at the index and named
    assertThat(r.err()).contains("not quoted in", "BTC-PERPETUAL");
  }

  @Test
  void aDeribitGetPositionsResponseCountsInverseFuturesInCoins(@TempDir Path dir) throws IOException {
    MarketSnapshot m = smallMarket(5, DemoBook.DEFAULT_VALUATION, 0, 0);
    String option = m.quotes().stream().filter(q -> q.instrument().isOption() && q.instrument().underlying()
        .equals("BTC") && q.hasTwoSidedQuote()).findFirst().orElseThrow().instrument().name();
    double perpMark = m.quote("BTC-PERPETUAL").orElseThrow().mark();
    Path market = dir.resolve("market.json");
    MarketSnapshotJson.DEFAULT.write(m, market);
    Path positions = dir.resolve("positions.json");
    // an inverse perpetual's size is USD; its size_currency is coins: the book must count -20,000 USD as coins
    Files.writeString(positions, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":["
        + "{\"instrument_name\":\"BTC-PERPETUAL\",\"kind\":\"future\",\"direction\":\"sell\",\"size\":-20000,"
        + "\"size_currency\":" + (-20000 / perpMark) + ",\"mark_price\":" + perpMark + ",\"average_price\":94000},"
        + "{\"instrument_name\":\"" + option + "\",\"kind\":\"option\",\"direction\":\"buy\",\"size\":2.5,"
        + "\"average_price\":0.02}]}");
    CliRun r = run("report", "--portfolio", positions.toString(), "--market", market.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    JsonNode perp = j.get("positions").get(0);
    assertThat(perp.get("instrument").asString()).isEqualTo("BTC-PERPETUAL");
    assertThat(perp.get("quantity").asDouble()).isCloseTo(-20000 / perpMark, within(1e-12));
    assertThat(perp.get("delta").asDouble()).isCloseTo(-20000 / perpMark, within(1e-12));
    assertThat(j.get("positions").get(1).get("quantity").asDouble()).isEqualTo(2.5);
  }

  @Test
  void anInstrumentWithoutMarketDataIsNamedAndExitsTwo(@TempDir Path dir) throws IOException {
    Path market = dir.resolve("market.json");
    MarketSnapshotJson.DEFAULT.write(smallMarket(1, DemoBook.DEFAULT_VALUATION, 0, 0), market);
    Path book = dir.resolve("book.csv");
    Files.writeString(book, "instrument,quantity\nBTC-PERPETUAL,1\nSOL-PERPETUAL,100\nSOL_USDC-27JUN25-150-C,5\n");
    CliRun r = run("report", "--portfolio", book.toString(), "--market", market.toString());
    assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("SOL-PERPETUAL", "SOL_USDC-27JUN25-150-C", "no index price for SOL");
    assertThat(r.out()).isEmpty();
    // --listed-only refuses what the market does not quote, naming it
    Files.writeString(book, "instrument,quantity\nBTC-27JUN25-123456-C,1\n");
    CliRun listed = run("report", "--portfolio", book.toString(), "--market", market.toString(), "--listed-only");
    assertThat(listed.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(listed.err()).contains("BTC-27JUN25-123456-C", "not in the market snapshot");
  }

  @Test
  void badRowsAreSkippedNamedAndWarnedAboutAndAnEmptyBookExitsOne(@TempDir Path dir) throws IOException {
    Path market = dir.resolve("market.json");
    MarketSnapshotJson.DEFAULT.write(smallMarket(1, DemoBook.DEFAULT_VALUATION, 0, 0), market);
    Path book = dir.resolve("book.csv");
    Files.writeString(book, "instrument,quantity\nBTC-PERPETUAL,1\nBTC-FOO,2\n");
    CliRun r = run("report", "--portfolio", book.toString(), "--market", market.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains(book + ":3", "BTC-FOO");
    assertThat(r.out()).contains("WARNING      1 position of " + book + " skipped as bad");
    Files.writeString(book, "instrument,quantity\nBTC-FOO,2\n");
    CliRun none = run("report", "--portfolio", book.toString(), "--market", market.toString());
    assertThat(none.code()).isEqualTo(Main.EXIT_NOTHING_PROCESSED);
    assertThat(none.err()).contains("BTC-FOO", "no position");
  }

  @Test
  void usageErrorsExitTwoWithAMessage(@TempDir Path dir) {
    CliRun missing = run("report");
    assertThat(missing.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(missing.err()).contains("give --portfolio FILE and --market FILE, or --demo");
    CliRun both = run("report", "--demo", "--portfolio", "x.json");
    assertThat(both.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(both.err()).contains("either --demo or --portfolio and --market");
    CliRun small = run("report", "--demo", "--positions", "5");
    assertThat(small.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(small.err()).contains("--positions 5", "at least 10 positions");
    CliRun range = run("report", "--demo", "--spot-range", "0");
    assertThat(range.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(range.err()).contains("--spot-range");
    CliRun interval = run("report", "--demo", "--hedge-interval", "2d");
    assertThat(interval.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(interval.err()).contains("--hedge-interval", "'2d'");
    CliRun corr = run("report", "--demo", "--correlation", "ETH=1.5");
    assertThat(corr.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(corr.err()).contains("--correlation ETH=1.5");
    CliRun noFile = run("report", "--portfolio", dir.resolve("nope.json").toString(), "--market",
        dir.resolve("nope.csv").toString());
    assertThat(noFile.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(noFile.err()).contains("nope.json");
    CliRun help = run("report", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("USD per 1 vol point", "USD per calendar day", "--png-dir", "--horizon");
  }
}
