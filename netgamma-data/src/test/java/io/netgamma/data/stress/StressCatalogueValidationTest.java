package io.netgamma.data.stress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.sim.stress.StressScenario;
import io.netgamma.core.sim.stress.StressStep;
import io.netgamma.data.SharedData;
import io.netgamma.data.timeseries.DvolCsvReader;
import io.netgamma.data.timeseries.DvolSeries;
import io.netgamma.data.timeseries.OhlcvCsvReader;
import io.netgamma.data.timeseries.OhlcvSeries;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Re-derives every number of the bundled historical catalogue from the real price and DVOL files (see
 * {@code resources/stress/README.md} for the method): a day's close is its 23:00 UTC hourly candle's close; the low
 * step is BTC's lowest hourly low of the episode with ETH at the same hour; vol shifts are DVOL closes (the low
 * step: that day's high) minus the close before the episode.
 */
@Tag("validation")
class StressCatalogueValidationTest {

  private static final long HOUR = 3_600_000L;

  @Test
  void everyHistoricalStepIsRecomputedFromThePriceAndDvolFiles() {
    Path data = SharedData.require("prices", "vol");
    Map<String, OhlcvSeries> prices = new HashMap<>();
    Map<String, DvolSeries> dvol = new HashMap<>();
    for (String u : new String[] {"BTC", "ETH"}) {
      String lower = u.toLowerCase(java.util.Locale.ROOT);
      prices.put(u, OhlcvCsvReader.DEFAULT.read(data.resolve("prices/binance_" + lower + "usdt_1h_2017-2025.csv"),
          i -> { }).series());
      dvol.put(u, DvolCsvReader.DEFAULT.read(data.resolve("vol/deribit_dvol_" + lower + "_1d_2021-2026.csv"),
          i -> { }).series());
    }
    int checked = 0;
    for (StressScenario s : StressScenarioReader.DEFAULT.historical()) {
      LocalDate first = LocalDate.parse(s.steps().get(0).label());
      LocalDate before = first.minusDays(1);
      for (StressStep step : s.steps()) {
        boolean low = step.label().endsWith("UTC low");
        long hour;
        if (low) {
          hour = lowestHour(prices.get("BTC"), day(first), day(LocalDate.parse(s.steps().get(s.steps().size() - 2)
              .label())) + 24 * HOUR);
          assertThat(Instant.ofEpochMilli(hour).toString().substring(0, 16).replace('T', ' '))
              .isEqualTo(step.label().substring(0, 16));
        } else {
          hour = day(LocalDate.parse(step.label())) + 23 * HOUR;
        }
        for (String u : new String[] {"BTC", "ETH"}) {
          OhlcvSeries p = prices.get(u);
          double start = p.close(index(p.timeMillis(), day(before) + 23 * HOUR));
          int at = index(p.timeMillis(), hour);
          double level = low ? p.low(at) : p.close(at);
          assertThat(step.shock().spotMove(u)).as("%s %s %s", s.name(), step.label(), u)
              .isCloseTo(level / start - 1, within(1e-6));
          if (!s.name().equals("2020-03-12")) {
            DvolSeries v = dvol.get(u);
            int d = index(v.timeMillis(), day(LocalDate.ofInstant(Instant.ofEpochMilli(hour), ZoneOffset.UTC)));
            double dv = (low ? v.high(d) : v.close(d)) - v.close(index(v.timeMillis(), day(before)));
            assertThat(step.shock().volShift(u)).as("%s %s %s vol", s.name(), step.label(), u)
                .isCloseTo(dv, within(1e-4)); // DvolSeries holds fractions
          }
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo(2 * (3 + 2 + 7 + 5));
  }

  private static long day(LocalDate d) {
    return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  private static int index(long[] times, long t) {
    int i = java.util.Arrays.binarySearch(times, t);
    assertThat(i).as("row at %s", Instant.ofEpochMilli(t)).isNotNegative();
    return i;
  }

  private static long lowestHour(OhlcvSeries p, long from, long to) {
    long best = -1;
    double low = Double.POSITIVE_INFINITY;
    for (int i = 0; i < p.size(); i++) {
      if (p.timeMillis(i) >= from && p.timeMillis(i) < to && p.low(i) < low) {
        low = p.low(i);
        best = p.timeMillis(i);
      }
    }
    return best;
  }
}
