package io.netgamma.cli;

import static io.netgamma.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.margin.backtest.KupiecTest;
import io.netgamma.core.margin.predictive.GarchParameters;
import io.netgamma.core.sim.book.DemoBook;
import io.netgamma.core.sim.history.GeneratedHistory;
import io.netgamma.core.sim.history.HistoryGenerator;
import io.netgamma.core.sim.history.HistorySpec;
import io.netgamma.data.portfolio.PortfolioJson;
import io.netgamma.data.snapshot.MarketSnapshotJson;
import io.netgamma.data.timeseries.HistoryCsvWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MarginBacktestCommandTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir
  static Path dir;
  static Path prices;
  static Path vol;

  /** 300 days of the project's own generated BTC history (crash on day 250), with one glitch row added. */
  @BeforeAll
  static void writeHistory() throws IOException {
    HistorySpec spec = new HistorySpec(LocalDate.of(2024, 1, 1), 300, 60_000,
        GarchParameters.targeted(0.36 / 365, 0.10, 0.86), 250, Math.log(0.7), Math.log(0.92), 1.1, 0.03);
    GeneratedHistory h = HistoryGenerator.generate(spec, 7);
    prices = dir.resolve("btc.csv");
    vol = dir.resolve("dvol.csv");
    HistoryCsvWriter.write(h, prices, vol);
    List<String> lines = new ArrayList<>(Files.readAllLines(prices));
    lines.add(2, "2023-12-31,60000,90000,30000,60000,1"); // high/low 3: a glitch print, skipped and counted
    Files.write(prices, lines);
  }

  @Test
  void jsonSummaryMatchesItsOwnSeries() {
    CliRun r = run("margin-backtest", "--demo", "--prices", prices.toString(), "--vol", vol.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("1 skipped").contains("btc.csv:3:");
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("model").asText()).isEqualTo("deribit-pm");
    assertThat(j.get("measure").asText()).isEqualTo("maintenance");
    int days = j.get("days").asInt();
    assertThat(days).isEqualTo(300 - 30 - 1); // warm-up 30 days; the last day has no next close
    JsonNode series = j.get("series");
    assertThat(series.size()).isEqualTo(days);
    List<String> breaches = new ArrayList<>();
    double maxShortfall = 0;
    for (JsonNode d : series) {
      boolean b = d.get("loss_usd").asDouble() > d.get("margin_usd").asDouble();
      assertThat(d.get("breach").asBoolean()).isEqualTo(b);
      if (b) {
        breaches.add(d.get("date").asText());
        maxShortfall = Math.max(maxShortfall, d.get("loss_usd").asDouble() - d.get("margin_usd").asDouble());
      }
      assertThat(d.get("vol_source").asText()).isEqualTo("dvol");
      assertThat(d.get("factor").asDouble()).isEqualTo(1.0);
    }
    assertThat(j.get("breaches").asInt()).isEqualTo(breaches.size());
    List<String> dates = new ArrayList<>();
    j.get("breach_dates").forEach(n -> dates.add(n.asText()));
    assertThat(dates).isEqualTo(breaches);
    // the crash (day 250 = 2024-09-07) is the loss of the day before; a -30% day breaches the desk's PM
    assertThat(breaches).contains("2024-09-06");
    assertThat(j.get("breach_rate").asDouble()).isEqualTo((double) breaches.size() / days);
    assertThat(j.get("coverage").asDouble()).isEqualTo(1 - (double) breaches.size() / days);
    assertThat(j.get("expected_rate").asDouble()).isCloseTo(0.01, within(1e-15));
    var k = KupiecTest.pof(days, breaches.size(), j.get("expected_rate").asDouble());
    assertThat(j.get("kupiec_lr").asDouble()).isEqualTo(k.lr());
    assertThat(j.get("kupiec_p_value").asDouble()).isEqualTo(k.pValue());
    assertThat(j.get("max_shortfall_usd").asDouble()).isEqualTo(maxShortfall);
    assertThat(j.get("predictive").isNull()).isTrue();
  }

  @Test
  void predictiveNeverAsksLessAndTheTableListsTheBreaches() {
    CliRun stat = run("margin-backtest", "--demo", "--prices", prices.toString(), "--to", "2024-09-30", "--json");
    CliRun pred = run("margin-backtest", "--demo", "--prices", prices.toString(), "--to", "2024-09-30",
        "--predictive", "ewma", "--json");
    assertThat(stat.code()).as(stat.err()).isZero();
    assertThat(pred.code()).as(pred.err()).isZero();
    JsonNode s = JSON.readTree(stat.out());
    JsonNode p = JSON.readTree(pred.out());
    assertThat(p.get("model").asText()).isEqualTo("predictive-deribit-pm");
    assertThat(p.get("predictive").get("cap").asDouble()).isEqualTo(3.0);
    assertThat(p.get("predictive").get("reference_vol").asDouble()).isBetween(0.2, 1.5);
    assertThat(p.get("days").asInt()).isEqualTo(s.get("days").asInt());
    boolean raised = false;
    for (int i = 0; i < s.get("series").size(); i++) {
      JsonNode a = s.get("series").get(i);
      JsonNode b = p.get("series").get(i);
      assertThat(b.get("loss_usd").asDouble()).isEqualTo(a.get("loss_usd").asDouble());
      assertThat(b.get("margin_usd").asDouble()).isGreaterThanOrEqualTo(a.get("margin_usd").asDouble() * (1 - 1e-12));
      raised |= b.get("factor").asDouble() > 1;
    }
    assertThat(raised).isTrue();
    assertThat(p.get("breaches").asInt()).isLessThanOrEqualTo(s.get("breaches").asInt());

    CliRun table = run("margin-backtest", "--demo", "--prices", prices.toString(), "--predictive", "garch",
        "--reference-vol", "0.5", "--from", "2024-08-01", "--to", "2024-09-30");
    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.out()).contains("MARGIN BACKTEST").contains("SUMMARY").contains("Kupiec LR")
        .contains("BREACHES").contains("predictive ranges x clamp(garch(1,1)");
    assertThat(table.err()).contains("GARCH(1,1) on").contains("in-sample");
  }

  @Test
  void demoRunsOnItsGeneratedHistory() {
    CliRun r = run("margin-backtest", "--demo", "--predictive", "dvol", "--to", "2024-06-30", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("series").get(0).get("date").asText()).isEqualTo("2023-01-01");
    // the crash of 2024-05-15 is the loss of 2024-05-14's close
    assertThat(j.get("max_shortfall_date").asText()).isEqualTo("2024-05-14");
  }

  @Test
  void portfolioAndMarketFiles() throws IOException {
    DemoBook d = DemoBook.generate(42, 40);
    Path book = dir.resolve("book.json");
    Path market = dir.resolve("market.json");
    PortfolioJson.DEFAULT.write(d.portfolio(), book);
    MarketSnapshotJson.DEFAULT.write(d.market(), market);
    CliRun r = run("margin-backtest", "--portfolio", book.toString(), "--market", market.toString(), "--prices",
        prices.toString(), "--underlying", "BTC", "--model", "span", "--horizon-days", "2", "--margin", "im",
        "--to", "2024-04-30", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("model").asText()).isEqualTo("span");
    assertThat(j.get("horizon_days").asInt()).isEqualTo(2);
    assertThat(j.get("measure").asText()).isEqualTo("initial");
    assertThat(r.err()).contains("left out");
  }

  @Test
  void usageErrorsAndNothingToDo() {
    assertThat(run("margin-backtest", "--demo", "--model", "deribit-standard", "--predictive", "ewma").code())
        .isEqualTo(Main.EXIT_USAGE);
    CliRun noVol = run("margin-backtest", "--demo", "--prices", prices.toString(), "--predictive", "dvol");
    assertThat(noVol.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(noVol.err()).contains("--vol");
    assertThat(run("margin-backtest", "--demo", "--from", "2024-13-01").err()).contains("YYYY-MM-DD");
    assertThat(run("margin-backtest", "--demo", "--predictive", "magic").code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(run("margin-backtest", "--demo", "--reference-vol", "0.5").err()).contains("--predictive");
    assertThat(run("margin-backtest", "--portfolio", "x.json").code()).isEqualTo(Main.EXIT_USAGE);
    CliRun none = run("margin-backtest", "--demo", "--prices", prices.toString(), "--from", "2030-01-01");
    assertThat(none.code()).isEqualTo(Main.EXIT_NOTHING_PROCESSED);
    assertThat(none.err()).contains("no day could be backtested");
    CliRun help = run("margin-backtest", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("Kupiec").contains("--predictive").contains("Examples");
  }
}
