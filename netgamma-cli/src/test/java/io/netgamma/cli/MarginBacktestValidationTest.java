package io.netgamma.cli;

import static io.netgamma.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code margin-backtest} on the real BTC histories of {@code ../shared/data} (daily 2011–2025 with DVOL 2021–2026,
 * and Binance hourly resampled to daily closes) over 2020–2022.
 */
@Tag("validation")
class MarginBacktestValidationTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void dailyWithDvolOver2020To2022() {
    Path data = SharedData.require("prices", "vol");
    CliRun r = run("margin-backtest", "--demo", "--prices", data.resolve("prices/btcusd_1d_2011-2025.csv")
        .toString(), "--vol", data.resolve("vol/deribit_dvol_btc_1d_2021-2026.csv").toString(), "--from",
        "2020-01-01", "--to", "2022-12-31", "--predictive", "ewma", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    // the 2011-2013 Bitstamp days beyond the default high/low limit are counted as bad rows, not fatal
    assertThat(r.err()).contains("skipped");
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("days").asInt()).isEqualTo(1096);
    List<String> exceeded = new ArrayList<>();
    for (JsonNode d : j.get("series")) {
      if (d.get("loss_usd").asDouble() > d.get("margin_usd").asDouble()) {
        exceeded.add(d.get("date").asText());
      }
    }
    List<String> dates = new ArrayList<>();
    j.get("breach_dates").forEach(n -> dates.add(n.asText()));
    assertThat(dates).isEqualTo(exceeded);
    assertThat(j.get("series").get(0).get("vol_source").asText()).startsWith("ewma");
    assertThat(j.get("series").get(1095).get("vol_source").asText()).isEqualTo("dvol");
  }

  @Test
  void hourlyBinanceResampledToDailyCloses() {
    Path data = SharedData.require("prices");
    CliRun r = run("margin-backtest", "--demo", "--prices", data.resolve("prices/binance_btcusdt_1h_2017-2025.csv")
        .toString(), "--from", "2020-01-01", "--to", "2020-12-31", "--predictive", "garch", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("resampled to").contains("1 skipped"); // the glitch first hour
    assertThat(r.err()).contains("GARCH(1,1) on").doesNotContain("in-sample");
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("days").asInt()).isBetween(360, 366);
  }
}
