package io.netgamma.core.sim.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netgamma.core.instrument.OptionType;
import io.netgamma.core.sim.execution.Amplification;
import io.netgamma.core.sim.execution.HedgedOption;
import io.netgamma.core.sim.execution.ImpactModel;
import io.netgamma.core.sim.execution.ReflexiveImpact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bootstrap and replay on real hourly BTC/ETH closes (Binance spot 2017–2025 in {@code ../shared/data/prices}).
 * Core has no CSV reader (the data layer does), so the test parses the two columns it needs itself.
 */
@Tag("validation")
class PathValidationTest {

  static final double HOUR = 1.0 / TimeGrid.HOURS_PER_YEAR;
  static Instant[] times;
  static double[] btc;
  static double[] eth;

  @BeforeAll
  static void load() throws IOException {
    String property = System.getProperty("netgamma.sharedData");
    Path prices = property == null || property.isBlank() ? null : Path.of(property, "prices");
    assumeTrue(prices != null && Files.isDirectory(prices), () -> "real market data not found (set "
        + "-Dnetgamma.sharedData=DIR with a prices/ folder): validation skipped");
    List<String[]> b = rows(prices.resolve("binance_btcusdt_1h_2017-2025.csv"));
    List<String[]> e = rows(prices.resolve("binance_ethusdt_1h_2017-2025.csv"));
    assertThat(e).hasSameSizeAs(b);
    times = new Instant[b.size()];
    btc = new double[b.size()];
    eth = new double[b.size()];
    for (int i = 0; i < b.size(); i++) {
      assertThat(e.get(i)[0]).as("aligned timestamps").isEqualTo(b.get(i)[0]);
      times[i] = Instant.parse(b.get(i)[0]);
      btc[i] = Double.parseDouble(b.get(i)[4]);
      eth[i] = Double.parseDouble(e.get(i)[4]);
    }
  }

  private static List<String[]> rows(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0)).startsWith("timestamp,open,high,low,close");
    List<String[]> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      out.add(line.split(","));
    }
    return out;
  }

  /** Hourly log returns of both coins over consecutive hours only (the files miss a few hours), from 2018. */
  private static double[][] consecutiveReturns() {
    List<double[]> r = new ArrayList<>();
    Instant from = Instant.parse("2018-01-01T00:00:00Z");
    for (int i = 1; i < times.length; i++) {
      if (times[i - 1].isBefore(from) || !Duration.between(times[i - 1], times[i]).equals(Duration.ofHours(1))) {
        continue;
      }
      r.add(new double[] {Math.log(btc[i] / btc[i - 1]), Math.log(eth[i] / eth[i - 1])});
    }
    double[][] out = new double[2][r.size()];
    for (int j = 0; j < r.size(); j++) {
      out[0][j] = r.get(j)[0];
      out[1][j] = r.get(j)[1];
    }
    return out;
  }

  /** Lag-1 autocorrelation of |r| on each path, from the paths of asset 0. */
  private static double[] absAutocorrelationPerPath(PathSet set) {
    double[] out = new double[set.pathCount()];
    int n = set.points() - 1;
    for (int p = 0; p < out.length; p++) {
      double[] a = new double[n - 1];
      double[] b = new double[n - 1];
      for (int step = 1; step < n; step++) {
        a[step - 1] = Math.abs(set.logReturn(0, step, p));
        b[step - 1] = Math.abs(set.logReturn(0, step + 1, p));
      }
      out[p] = PathStats.correlation(a, b);
    }
    return out;
  }

  @Test
  void bootstrapKeepsTheBtcEthCorrelationAndBlocksKeepVolatilityClustering() {
    double[][] r = consecutiveReturns();
    assertThat(r[0].length).isGreaterThan(60_000);
    double sampleCorrelation = PathStats.correlation(r[0], r[1]);
    double[] a = new double[r[0].length - 1];
    double[] b = new double[a.length];
    for (int j = 0; j < a.length; j++) {
      a[j] = Math.abs(r[0][j]);
      b[j] = Math.abs(r[0][j + 1]);
    }
    double sampleClustering = PathStats.correlation(a, b);
    assertThat(sampleCorrelation).isBetween(0.6, 0.95);
    assertThat(sampleClustering).isGreaterThan(0.2); // hourly |returns| cluster strongly

    TimeGrid grid = new TimeGrid(1000, HOUR);
    double[] spots = {btc[btc.length - 1], eth[eth.length - 1]};
    PathSet iid = BootstrapModel.of(List.of("BTC", "ETH"), spots, r, 1, HOUR).generate(grid, 1, 0, 200, 2);
    double c = PathStats.correlation(PathStats.stepLogReturns(iid, 0), PathStats.stepLogReturns(iid, 1));
    double[] perPathCorrelation = new double[iid.pathCount()];
    for (int p = 0; p < perPathCorrelation.length; p++) {
      double[] x = new double[1000];
      double[] y = new double[1000];
      for (int step = 1; step <= 1000; step++) {
        x[step - 1] = iid.logReturn(0, step, p);
        y[step - 1] = iid.logReturn(1, step, p);
      }
      perPathCorrelation[p] = PathStats.correlation(x, y);
    }
    assertThat(c).isCloseTo(sampleCorrelation, within(4 * PathStats.stdErr(perPathCorrelation)));
    double[] iidClustering = absAutocorrelationPerPath(iid);
    assertThat(PathStats.mean(iidClustering)).isCloseTo(0, within(4 * PathStats.stdErr(iidClustering)));

    int block = 24;
    PathSet blocks = BootstrapModel.of(List.of("BTC", "ETH"), spots, r, block, HOUR).generate(grid, 1, 0, 200, 2);
    double[] blockClustering = absAutocorrelationPerPath(blocks);
    System.out.printf("sample: BTC/ETH correlation %.4f, |r| lag-1 autocorrelation %.4f; iid bootstrap: %.4f, "
        + "%.4f; block-24 bootstrap: |r| autocorrelation %.4f +- %.4f%n", sampleCorrelation, sampleClustering, c,
        PathStats.mean(iidClustering), PathStats.mean(blockClustering), PathStats.stdErr(blockClustering));
    // Within a block consecutive returns are the sample's; one pair in 24 straddles two blocks and is independent,
    // so the clustering is kept up to about 23/24. The per-path ratio estimator on 1,000 heavy-tailed |r| sits a
    // little lower than the whole-sample value, hence a band rather than 23/24 exactly: at least 80% kept.
    assertThat(PathStats.mean(blockClustering)).isBetween(0.8 * sampleClustering, sampleClustering);
  }

  @Test
  void replaysTheJune2022CrashHourByHour() {
    int from = indexOf("2022-06-12T00:00:00Z");
    int to = indexOf("2022-06-19T00:00:00Z");
    assertThat(to - from).isEqualTo(168); // a week without missing hours
    double[][] prices = new double[2][169];
    for (int i = 0; i <= 168; i++) {
      prices[0][i] = btc[from + i];
      prices[1][i] = eth[from + i];
    }
    ReplayModel model = ReplayModel.of(List.of("BTC", "ETH"), prices, null, HOUR);
    PathSet set = model.generate(model.grid(), 0, 0, 1, 1);
    assertThat(set.spots(0)).containsExactly(prices[0]);
    assertThat(set.spot(0, 0, 0)).isEqualTo(28506.53);
    assertThat(set.spot(0, 168, 0)).isEqualTo(18972.29);

    // a dealer short 5,000 BTC of 24k puts expiring 2022-06-24 08:00, delta-hedging hourly on a perpetual trading
    // 30,000 BTC a day, at the DVOL of 2022-06-12 (75%): its hedge sales deepen the crash
    double vol = 0.75;
    HedgedOption shortPuts = new HedgedOption(OptionType.PUT, 24_000,
        Duration.between(times[from], Instant.parse("2022-06-24T08:00:00Z")).toSeconds() / (365 * 86400.0), vol,
        -5_000);
    ImpactModel impact = ImpactModel.squareRoot(1.0, vol / Math.sqrt(365), 30_000, 2.0 / 3);
    Amplification a = ReflexiveImpact.measure(set, 0, 0, shortPuts, impact);
    System.out.printf("June 2022 replay, short 5k 24k puts: drawdown %.4f -> %.4f (x%.3f), RMS move x%.3f, "
        + "one-step vol x%.3f, hedge volume %.0f BTC, temporary impact cost %.0f USD%n", a.maxDrawdownBase(),
        a.maxDrawdownImpact(), a.drawdownRatio(), a.realisedMoveRatio(), a.realisedVolRatio(), a.hedgeVolumeCoins(),
        a.temporaryCostUsd());
    double peak = 0;
    double trough = Double.MAX_VALUE;
    for (double x : prices[0]) {
      peak = Math.max(peak, x);
      trough = Math.min(trough, x);
    }
    assertThat(prices[0][0]).isEqualTo(peak); // the week only fell from its first close
    assertThat(a.maxDrawdownBase()).isCloseTo(1 - trough / peak, within(1e-15));
    assertThat(a.drawdownRatio()).isGreaterThan(1);
    Amplification longPuts = ReflexiveImpact.measure(set, 0, 0, new HedgedOption(OptionType.PUT, 24_000,
        shortPuts.expiryYears(), vol, 5_000), impact);
    assertThat(longPuts.drawdownRatio()).isLessThan(1);
  }

  private static int indexOf(String time) {
    Instant t = Instant.parse(time);
    for (int i = 0; i < times.length; i++) {
      if (times[i].equals(t)) {
        return i;
      }
    }
    throw new AssertionError("no row at " + time);
  }
}
