package io.netgamma.cli;

import static io.netgamma.cli.CliRun.run;
import static io.netgamma.cli.MarginCommandTest.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netgamma.core.margin.cross.CrossMarginParameters;
import io.netgamma.core.portfolio.EwmaEstimator;
import io.netgamma.data.portfolio.PriceHistories;
import io.netgamma.data.timeseries.OhlcvCsvReader;
import io.netgamma.data.timeseries.OhlcvSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The cross-asset defaults against real BTC and ETH prices (Binance hourly closes 2017-2025 in
 * {@code ../shared/data/prices}): the stressed default correlation is below every 30-day realised correlation since
 * 2019, and {@code margin --model cross --prices} uses the EWMA estimate of those files.
 */
@Tag("validation")
class CrossMarginValidationTest {

  static Path prices(String file) {
    String shared = System.getProperty("netgamma.sharedData");
    assumeTrue(shared != null && !shared.isBlank(),
        "-Dnetgamma.sharedData is not set: the cross-asset validation is skipped");
    Path p = Path.of(shared, "prices", file);
    assumeTrue(Files.isRegularFile(p), () -> p.toAbsolutePath() + " not found (set -Dnetgamma.sharedData=DIR): "
        + "the cross-asset validation is skipped");
    return p;
  }

  @Test
  void theStressedDefaultIsBelowEveryThirtyDayCorrelationSince2019() {
    OhlcvSeries btc = OhlcvCsvReader.DEFAULT.read(prices("binance_btcusdt_1h_2017-2025.csv"), i -> { }).series();
    OhlcvSeries eth = OhlcvCsvReader.DEFAULT.read(prices("binance_ethusdt_1h_2017-2025.csv"), i -> { }).series();
    Map<Long, Double> ethClose = new HashMap<>();
    for (int i = 0; i < eth.size(); i++) {
      ethClose.put(eth.timeMillis(i), eth.close(i));
    }
    long from = Instant.parse("2019-01-01T00:00:00Z").toEpochMilli();
    // log returns between consecutive common hours from 2019 on
    int n = 0;
    double[] rb = new double[btc.size()];
    double[] re = new double[btc.size()];
    double lastB = Double.NaN;
    double lastE = Double.NaN;
    for (int i = 0; i < btc.size(); i++) {
      Double e = ethClose.get(btc.timeMillis(i));
      if (e == null || btc.timeMillis(i) < from) {
        continue;
      }
      double b = btc.close(i);
      if (!Double.isNaN(lastB)) {
        rb[n] = Math.log(b / lastB);
        re[n] = Math.log(e / lastE);
        n++;
      }
      lastB = b;
      lastE = e;
    }
    assertThat(n).isGreaterThan(50_000);
    int window = 720;
    double min = 1;
    int windows = 0;
    for (int s = 0; s + window <= n; s += 24 * 7) {
      min = Math.min(min, correlation(rb, re, s, window));
      windows++;
    }
    double stressed = CrossMarginParameters.DEFAULT_CORRELATION * (1 - CrossMarginParameters.DEFAULT_STRESS);
    assertThat(windows).isGreaterThan(300);
    assertThat(min).as("smallest 30-day correlation of hourly BTC/ETH returns since 2019").isBetween(0.6, 0.7);
    assertThat(stressed).isLessThan(min);
  }

  private static double correlation(double[] a, double[] b, int from, int length) {
    double ma = 0;
    double mb = 0;
    for (int i = from; i < from + length; i++) {
      ma += a[i];
      mb += b[i];
    }
    ma /= length;
    mb /= length;
    double cov = 0;
    double va = 0;
    double vb = 0;
    for (int i = from; i < from + length; i++) {
      cov += (a[i] - ma) * (b[i] - mb);
      va += (a[i] - ma) * (a[i] - ma);
      vb += (b[i] - mb) * (b[i] - mb);
    }
    return cov / Math.sqrt(va * vb);
  }

  @Test
  void theCommandUsesTheEwmaOfRealPriceFiles() {
    Path btc = prices("binance_btcusdt_1h_2017-2025.csv");
    Path eth = prices("binance_ethusdt_1h_2017-2025.csv");
    CliRun r = run("margin", "--demo", "--model", "cross", "--prices", "BTC=" + btc, "--prices", "ETH=" + eth,
        "--json");
    assertThat(r.code()).as(r.err()).isZero();
    Map<String, Path> files = new LinkedHashMap<>();
    files.put("BTC", btc);
    files.put("ETH", eth);
    double rho = PriceHistories.ewma(files, EwmaEstimator.RISKMETRICS_LAMBDA, i -> { }).correlation("BTC", "ETH");
    JsonNode pair = JSON.readTree(r.out()).get("cross_asset").get("pairs").get(0);
    assertThat(pair.get("correlation").asDouble()).isEqualTo(rho);
    assertThat(rho).as("EWMA correlation of hourly BTC/ETH returns at the end of 2025").isBetween(0.5, 1.0);
    assertThat(pair.get("correlation_used").asDouble())
        .isEqualTo(rho * (1 - CrossMarginParameters.DEFAULT_STRESS));
  }
}
