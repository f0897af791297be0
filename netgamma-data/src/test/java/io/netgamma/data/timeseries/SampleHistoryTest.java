package io.netgamma.data.timeseries;

import static org.assertj.core.api.Assertions.assertThat;

import io.netgamma.core.margin.backtest.DailyCloses;
import io.netgamma.core.margin.predictive.EwmaForecaster;
import io.netgamma.core.margin.predictive.GarchFit;
import io.netgamma.core.margin.predictive.GarchFitter;
import io.netgamma.core.margin.predictive.VolatilityForecaster;
import io.netgamma.core.sim.history.GeneratedHistory;
import io.netgamma.core.sim.history.HistoryGenerator;
import io.netgamma.core.sim.history.HistorySpec;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed sample histories ({@code samples/btc-daily-history.csv}, {@code samples/btc-dvol-history.csv}) are
 * exactly the generator's output for {@link HistorySpec#btcDemo()} and seed 20200312 (the seed of
 * {@code netgamma margin-backtest --demo}), read back without a bad row, and look like BTC.
 */
class SampleHistoryTest {

  static final long SEED = 20_200_312L;

  @Test
  void committedSamplesAreTheGeneratorsOutput() throws IOException {
    GeneratedHistory h = HistoryGenerator.generate(HistorySpec.btcDemo(), SEED);
    StringWriter prices = new StringWriter();
    HistoryCsvWriter.writePrices(h, prices);
    StringWriter implied = new StringWriter();
    HistoryCsvWriter.writeImplied(h, implied);
    // after a deliberate change to the generator, regenerate both files (see samples/README.md)
    assertThat(Files.readString(Path.of("..", "samples", "btc-daily-history.csv"))).isEqualTo(prices.toString());
    assertThat(Files.readString(Path.of("..", "samples", "btc-dvol-history.csv"))).isEqualTo(implied.toString());
  }

  @Test
  void samplesReadBackCleanlyAndLookLikeBtc() {
    OhlcvCsvReader.Result p = OhlcvCsvReader.DEFAULT.read(Path.of("..", "samples", "btc-daily-history.csv"),
        issue -> { });
    DvolCsvReader.Result v = DvolCsvReader.DEFAULT.read(Path.of("..", "samples", "btc-dvol-history.csv"),
        issue -> { });
    assertThat(p.summary().rowsSkipped()).isZero();
    assertThat(v.summary().rowsSkipped()).isZero();
    assertThat(p.series().size()).isEqualTo(1095);
    assertThat(v.series().size()).isEqualTo(1095);
    DailyCloses closes = DailyCloses.of(p.series().timeMillis(), p.series().close());
    assertThat(closes.size()).isEqualTo(1095);
    double[] r = VolatilityForecaster.logReturns(closes.closes());
    // the crash: -38% on 2024-05-15, the largest daily fall
    int crash = closes.indexOf(java.time.LocalDate.of(2024, 5, 15));
    double min = 0;
    for (double x : r) {
      min = Math.min(min, x);
    }
    assertThat(r[crash - 1]).isEqualTo(min);
    assertThat(Math.exp(min) - 1).isBetween(-0.381, -0.379);
    // volatility clusters: a GARCH fit on the generated returns finds clear ARCH effects and persistence
    GarchFit fit = GarchFitter.fit(r);
    assertThat(fit.parameters().alpha()).isBetween(0.03, 0.3);
    assertThat(fit.parameters().persistence()).isBetween(0.8, 0.999);
    // the implied index is the forecast plus a premium: it jumps on the crash day
    double[] dvol = v.series().close();
    assertThat(dvol[crash]).isGreaterThan(1.5 * dvol[crash - 1]);
    double[] ewma = EwmaForecaster.RISKMETRICS.varianceForecasts(r, r[0] * r[0]);
    assertThat(Math.sqrt(365 * ewma[crash])).isGreaterThan(1.5 * Math.sqrt(365 * ewma[crash - 1]));
  }
}
