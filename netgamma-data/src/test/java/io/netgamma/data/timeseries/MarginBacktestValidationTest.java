package io.netgamma.data.timeseries;

import static org.assertj.core.api.Assertions.assertThat;

import io.netgamma.core.margin.backtest.BacktestDay;
import io.netgamma.core.margin.backtest.BacktestResult;
import io.netgamma.core.margin.backtest.BacktestSettings;
import io.netgamma.core.margin.backtest.DailyCloses;
import io.netgamma.core.margin.backtest.KupiecTest;
import io.netgamma.core.margin.backtest.MarginBacktest;
import io.netgamma.core.margin.backtest.RollingBook;
import io.netgamma.core.margin.pm.PmParameters;
import io.netgamma.core.margin.predictive.EwmaForecaster;
import io.netgamma.core.margin.predictive.GarchFit;
import io.netgamma.core.margin.predictive.GarchFitter;
import io.netgamma.core.margin.predictive.PredictiveMargin;
import io.netgamma.core.margin.predictive.PredictiveSettings;
import io.netgamma.core.margin.predictive.ScalableMarginModel;
import io.netgamma.core.margin.predictive.VolatilityForecaster;
import io.netgamma.core.margin.predictive.VolatilityPath;
import io.netgamma.core.pricing.BatchPricers;
import io.netgamma.core.sim.book.DemoBook;
import io.netgamma.data.SharedData;
import io.netgamma.data.margin.PmParametersReader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Predictive margin and margin backtests on real BTC history ({@code ../shared/data/prices}, {@code vol}): the
 * volatility forecasts rise by the close of 2020-03-12 (before the losses of the following days), and the demo
 * desk's BTC book is backtested over 2020–2022 under Deribit portfolio margin, static and DVOL-predictive. Every
 * assertion is on computed facts (a breach is a day whose loss exceeded its margin), not on a hard-coded list.
 */
@Tag("validation")
class MarginBacktestValidationTest {

  static Path data;
  static DailyCloses daily;
  static DailyCloses dvol;

  @BeforeAll
  static void load() {
    data = SharedData.require("prices", "vol");
    OhlcvSeries p = OhlcvCsvReader.DEFAULT.read(data.resolve("prices/btcusd_1d_2011-2025.csv"), i -> { }).series();
    daily = DailyCloses.of(p.timeMillis(), p.close());
    DvolSeries v = DvolCsvReader.DEFAULT.read(data.resolve("vol/deribit_dvol_btc_1d_2021-2026.csv"), i -> { })
        .series();
    dvol = DailyCloses.of(v.timeMillis(), v.close());
  }

  private static Instant close(LocalDate d) {
    return Instant.ofEpochMilli((d.toEpochDay() + 1) * DailyCloses.DAY_MILLIS);
  }

  @Test
  void forecastsRiseByTheCloseOf12March2020() {
    LocalDate feb = LocalDate.of(2020, 2, 15);
    LocalDate mar11 = LocalDate.of(2020, 3, 11);
    LocalDate mar12 = LocalDate.of(2020, 3, 12);
    // daily EWMA and GARCH fitted on 2017-2019 only (no look-ahead)
    VolatilityPath ewma = MarginBacktest.forecastPath("ewma", daily, EwmaForecaster.RISKMETRICS);
    int end = daily.firstOnOrAfter(LocalDate.of(2020, 1, 1));
    int begin = daily.firstOnOrAfter(LocalDate.of(2017, 1, 1));
    GarchFit fit = GarchFitter.fit(VolatilityForecaster.logReturns(Arrays.copyOfRange(daily.closes(), begin, end)));
    assertThat(fit.parameters().persistence()).isBetween(0.8, 0.9999);
    VolatilityPath garch = VolatilityPath.fromPrices("garch", daily.closeMillis(), daily.closes(), fit.forecaster(),
        fit.parameters().unconditionalVariance(), 365);
    double reference = MarginBacktest.realisedVolUntil(daily, LocalDate.of(2019, 12, 31));
    assertThat(reference).isBetween(0.4, 1.0);
    PredictiveSettings settings = PredictiveSettings.of(reference);
    for (VolatilityPath path : List.of(ewma, garch)) {
      double calm = path.asOf(close(feb));
      double before = path.asOf(close(mar11));
      double at = path.asOf(close(mar12));
      assertThat(at).as(path.name()).isGreaterThan(1.5 * before).isGreaterThan(1.5 * calm);
      assertThat(settings.factor(at)).as(path.name()).isGreaterThan(1.0);
    }
    // hourly: the forecast known at 2020-03-12 23:00 is far above the one of 2020-03-11 23:00
    OhlcvSeries h = OhlcvCsvReader.DEFAULT.read(data.resolve("prices/binance_btcusdt_1h_2017-2025.csv"), i -> { })
        .series();
    long[] t = h.timeMillis();
    long[] known = new long[t.length];
    for (int i = 0; i < t.length; i++) {
      known[i] = t[i] + 3_600_000L; // a bar's close is known at its end
    }
    VolatilityPath hourly = VolatilityPath.fromPrices("hourly ewma", known, h.close(),
        new EwmaForecaster(0.94), 1e-4, 8760);
    double h11 = hourly.asOf(close(mar11));
    double h12 = hourly.asOf(close(mar12));
    assertThat(h12).isGreaterThan(2 * h11);
    // the hourly forecast rose within 12 March, before its close: at 18:00 already above the 11 March close's
    assertThat(hourly.asOf(Instant.parse("2020-03-12T18:00:00Z"))).isGreaterThan(1.5 * h11);
  }

  @Test
  void demoBookOver2020To2022UnderDeribitPortfolioMargin() {
    DemoBook demo = DemoBook.generate(DemoBook.DEFAULT_SEED, DemoBook.DEFAULT_POSITIONS);
    RollingBook book = RollingBook.of(demo.portfolio(), demo.market(), "BTC");
    assertThat(book.size()).isGreaterThan(10);
    PmParameters params = PmParametersReader.DEFAULT.bundled(PmParametersReader.BTC_2024_06);
    ScalableMarginModel pm = ScalableMarginModel.deribitPm(params, BatchPricers.scalar());
    VolatilityPath ewma = MarginBacktest.forecastPath("ewma(0.94)", daily, EwmaForecaster.RISKMETRICS);
    BacktestSettings settings = BacktestSettings.DEFAULT.withPricer(BatchPricers.scalar())
        .withWindow(LocalDate.of(2020, 1, 1), LocalDate.of(2022, 12, 31));
    BacktestResult stat = MarginBacktest.run(book, daily, dvol, ewma, pm.at(1), settings);
    assertThat(stat.dayCount() + stat.skippedCount()).isEqualTo(1096); // 2020 is a leap year
    assertThat(stat.dayCount()).isGreaterThan(1090);
    long dvolDays = stat.days().stream().filter(d -> d.volSource().equals("dvol")).count();
    assertThat(stat.days().stream().filter(d -> d.volSource().equals("dvol")).findFirst().orElseThrow().date())
        .isEqualTo(dvol.date(0));
    assertThat(dvolDays).isEqualTo(stat.dayCount() - stat.days().stream()
        .filter(d -> d.date().isBefore(dvol.date(0))).count());
    // breaches are exactly the days whose loss exceeded the margin, and Kupiec is computed on them
    List<LocalDate> exceeded = new ArrayList<>();
    BacktestDay worst = stat.days().get(0);
    for (BacktestDay d : stat.days()) {
      if (d.lossUsd() > d.marginUsd()) {
        exceeded.add(d.date());
      }
      if (d.lossUsd() > worst.lossUsd()) {
        worst = d;
      }
    }
    assertThat(stat.breachDates()).isEqualTo(exceeded);
    assertThat(stat.kupiec()).isEqualTo(KupiecTest.pof(stat.dayCount(), exceeded.size(), settings.expectedRate()));
    // the largest loss of the three years is the book's over the COVID crash (close of 11 March to 12 March 2020)
    assertThat(worst.date()).isEqualTo(LocalDate.of(2020, 3, 11));
    assertThat(worst.spotAfter() / worst.spot() - 1).isLessThan(-0.3);
    // the known crash days are breach dates only if their loss exceeded the margin
    for (LocalDate crash : List.of(LocalDate.of(2020, 3, 11), LocalDate.of(2021, 5, 18), LocalDate.of(2022, 6, 12),
        LocalDate.of(2022, 11, 8))) {
      BacktestDay d = stat.days().stream().filter(x -> x.date().equals(crash)).findFirst().orElseThrow();
      assertThat(stat.breachDates().contains(crash)).as(crash.toString()).isEqualTo(d.lossUsd() > d.marginUsd());
    }

    // predictive on DVOL (EWMA before DVOL starts): never less margin, never more breaches
    double reference = MarginBacktest.realisedVolUntil(daily, LocalDate.of(2019, 12, 31));
    VolatilityPath forecast = new VolatilityPath("dvol", dvol.closeMillis(), dvol.closes());
    PredictiveMargin predictive = PredictiveMargin.of(pm, forecast, PredictiveSettings.of(reference));
    BacktestResult pred = MarginBacktest.run(book, daily, dvol, ewma, predictive, settings);
    // days before DVOL starts have no forecast: skipped with their reason
    assertThat(pred.skipped().keySet()).anyMatch(k -> k.startsWith("no forecast: dvol"));
    int compared = 0;
    for (BacktestDay q : pred.days()) {
      BacktestDay s = stat.days().stream().filter(x -> x.date().equals(q.date())).findFirst().orElseThrow();
      assertThat(q.lossUsd()).isEqualTo(s.lossUsd());
      assertThat(q.marginUsd()).isGreaterThanOrEqualTo(s.marginUsd() * (1 - 1e-12));
      assertThat(!q.breach() || s.breach()).isTrue();
      compared++;
    }
    assertThat(compared).isGreaterThan(600);
  }
}
