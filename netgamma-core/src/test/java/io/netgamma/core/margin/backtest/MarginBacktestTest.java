package io.netgamma.core.margin.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.margin.predictive.EwmaForecaster;
import io.netgamma.core.margin.predictive.PredictiveMargin;
import io.netgamma.core.margin.predictive.PredictiveSettings;
import io.netgamma.core.margin.predictive.ScalableMarginModel;
import io.netgamma.core.margin.predictive.VolatilityPath;
import io.netgamma.core.margin.span.SpanParameters;
import io.netgamma.core.margin.standard.DeribitStandardMargin;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.core.portfolio.Position;
import io.netgamma.core.pricing.Black76;
import io.netgamma.core.pricing.BatchPricers;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class MarginBacktestTest {

  private static final LocalDate START = LocalDate.of(2020, 1, 1);
  private static final BacktestSettings SETTINGS = BacktestSettings.DEFAULT.withPricer(BatchPricers.scalar())
      .withWarmupDays(5);

  private static DailyCloses daily(double... closes) {
    long[] t = new long[closes.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = START.plusDays(i).toEpochDay() * DailyCloses.DAY_MILLIS;
    }
    return DailyCloses.of(t, closes);
  }

  private static MarketSnapshot anchor(double spot, double vol) {
    return MarginBacktest.market("BTC", Instant.parse("2025-06-02T08:00:00Z"), spot, vol);
  }

  @Test
  void breachesOfAShortPerpetualAreTheUpMovesBeyondItsMaintenanceMargin() {
    // Short 10 BTC of the inverse perpetual, Deribit standard margin: MM = 10 x (1.5% + 0.005% x 10) = 0.155 BTC.
    // The coin loss over a day is 10 x (1 - S/S'): a breach exactly when S'/S > 1/(1 - 0.0155) = 1.015744.
    double[] moves = {1, 1.01, 0.99, 1.005, 1, 1.01, // warm-up days and before
        1.015, 1.016, 0.97, 1.0157, 1.0158, 1.2, 0.5, 1.0, 1.02};
    double[] closes = new double[moves.length];
    closes[0] = 10_000;
    for (int i = 1; i < moves.length; i++) {
      closes[i] = closes[i - 1] * moves[i];
    }
    DailyCloses prices = daily(closes);
    RollingBook book = RollingBook.of(Portfolio.of("short perp", List.of(Position.of("BTC-PERPETUAL", -10))),
        anchor(100_000, 0.5), "BTC");
    VolatilityPath vol = MarginBacktest.forecastPath("ewma", prices, EwmaForecaster.RISKMETRICS);
    BacktestResult r = MarginBacktest.run(book, prices, null, vol, DeribitStandardMargin.DEFAULT, SETTINGS);
    assertThat(r.dayCount()).isEqualTo(moves.length - 1 - 5); // 5 warm-up days, the last has no next close
    assertThat(r.skipped()).containsValues(5, 1);
    List<LocalDate> expected = new ArrayList<>();
    for (BacktestDay d : r.days()) {
      int i = (int) (d.date().toEpochDay() - START.toEpochDay());
      double s = closes[i];
      double s1 = closes[i + 1];
      assertThat(d.spot()).isEqualTo(s);
      assertThat(d.spotAfter()).isEqualTo(s1);
      assertThat(d.marginUsd()).isCloseTo(0.155 * s, within(1e-9 * s));
      assertThat(d.lossUsd()).isCloseTo(10 * s * (1 - s / s1), within(1e-9 * s));
      if (s1 / s > 1 / 0.9845) {
        expected.add(d.date());
      }
    }
    // 1.016, 1.0158, 1.2 and 1.02 breach; 1.015 and 1.0157 do not
    assertThat(expected).hasSize(4);
    assertThat(r.breachDates()).isEqualTo(expected);
    assertThat(r.breaches()).isEqualTo(4);
    assertThat(r.breachRate()).isEqualTo(4.0 / r.dayCount());
    assertThat(r.coverage()).isEqualTo(1 - 4.0 / r.dayCount());
    assertThat(r.expectedRate()).isCloseTo(0.01, within(1e-15));
    assertThat(r.kupiec().breaches()).isEqualTo(4);
    assertThat(r.kupiec().rejectedAt95()).isTrue();
    double s = closes[10];
    assertThat(r.maxShortfallUsd()).isCloseTo(10 * s * (1 - 1 / 1.2) - 0.155 * s, within(1e-6));
    assertThat(r.maxShortfallDate()).isEqualTo(START.plusDays(10));
  }

  @Test
  void rollingBookKeepsMoneynessAndTimeToExpiry() {
    Instant t0 = Instant.parse("2025-06-02T08:00:00Z");
    Portfolio p = Portfolio.of("b", List.of(Position.of("BTC-27JUN25-110000-C", -2), Position.of("BTC-27JUN25", 1),
        Position.of("ETH-PERPETUAL", 5), Position.of("BTC-PERPETUAL", 3), Position.of("BTC-PERPETUAL", -3)));
    RollingBook book = RollingBook.of(p, anchor(100_000, 0.5), "BTC");
    assertThat(book.size()).isEqualTo(2); // the perpetuals net to 0; ETH dropped
    assertThat(book.dropped()).containsExactly("ETH-PERPETUAL");
    assertThat(book.moneyness(0)).isCloseTo(1.1, within(1e-15));
    Instant day = Instant.parse("2020-03-13T00:00:00Z");
    Instrument[] ins = book.instrumentsAt(day, 5_000);
    assertThat(ins[0].strike()).isCloseTo(5_500, within(1e-9));
    assertThat(ins[0].expiry().toEpochMilli() - day.toEpochMilli())
        .isEqualTo(Instant.parse("2025-06-27T08:00:00Z").toEpochMilli() - t0.toEpochMilli());
    assertThat(ins[0].name()).isEqualTo("BTC-7APR20-5500-C");
    assertThat(ins[1].name()).isEqualTo("BTC-7APR20");
    assertThat(book.years(0)).isCloseTo(25.0 / 365, within(1e-12));
  }

  @Test
  void optionLossIsTheFullRevaluationAndExpiryWithinTheHorizonSettlesAtIntrinsic() {
    // a 1-day-to-expiry... here 12 hours: expires within the 1-day horizon, settles at intrinsic
    Instant t0 = Instant.parse("2025-06-02T08:00:00Z");
    Portfolio p = Portfolio.of("b", List.of(Position.of("BTC-3JUN25-100000-P", -1), Position.of("BTC-27JUN25-100000-C",
        -1)));
    RollingBook book = RollingBook.of(p, MarginBacktest.market("BTC", t0, 100_000, 0.5), "BTC");
    double[] closes = {100, 101, 99, 100, 102, 100, 101, 90};
    for (int i = 0; i < closes.length; i++) {
      closes[i] *= 100;
    }
    DailyCloses prices = daily(closes);
    VolatilityPath vol = MarginBacktest.forecastPath("ewma", prices, EwmaForecaster.RISKMETRICS);
    BacktestResult r = MarginBacktest.run(book, prices, null, vol, DeribitStandardMargin.DEFAULT, SETTINGS);
    BacktestDay last = r.days().get(r.days().size() - 1);
    double s = 10_100;
    double s1 = 9_000;
    double sigma = last.vol();
    double tPut = 1.0 / 365; // 24 h to expiry
    double tCall = 25.0 / 365;
    assertThat(tPut).isEqualTo(book.years(0));
    double put0 = Black76.DEFAULT.price(io.netgamma.core.instrument.OptionType.PUT, s, s, tPut, sigma) / s;
    double put1 = Math.max(0, s - s1) / s1; // expired after exactly 1 day: intrinsic, in coin at the new price
    double call0 = Black76.DEFAULT.price(io.netgamma.core.instrument.OptionType.CALL, s, s, tCall, sigma) / s;
    double call1 = Black76.DEFAULT.price(io.netgamma.core.instrument.OptionType.CALL, s1, s, tCall - 1.0 / 365,
        sigma) / s1;
    double pnlCoin = -(put1 - put0) - (call1 - call0);
    assertThat(last.lossUsd()).isCloseTo(-pnlCoin * s, within(1e-9 * s));
  }

  @Test
  void predictiveMarginHasFewerBreachesThanStaticOnAVolatilityRegimeSeries() {
    // 300 calm days (40% a year) then 200 stormy ones (140%), Gaussian daily returns, seeded
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20200312L);
    ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
    int n = 500;
    double[] closes = new double[n];
    closes[0] = 10_000;
    for (int i = 1; i < n; i++) {
      double sigma = (i < 300 ? 0.40 : 1.40) / Math.sqrt(365);
      closes[i] = closes[i - 1] * Math.exp(sigma * z.sample());
    }
    DailyCloses prices = daily(closes);
    // a short strangle, delta-hedged at the anchor with the perpetual
    Portfolio p = Portfolio.of("short strangle", List.of(Position.of("BTC-27JUN25-110000-C", -10),
        Position.of("BTC-27JUN25-90000-P", -10)));
    RollingBook book = RollingBook.of(p, anchor(100_000, 0.5), "BTC");
    VolatilityPath ewma = MarginBacktest.forecastPath("ewma(0.94)", prices, EwmaForecaster.RISKMETRICS);
    SpanParameters span = SpanParameters.of(0.06, 0.05, SpanParameters.VolScanType.ABSOLUTE, 0.05, "test");
    ScalableMarginModel scalable = ScalableMarginModel.span(span, BatchPricers.scalar());
    BacktestSettings settings = SETTINGS.withWarmupDays(30);
    BacktestResult stat = MarginBacktest.run(book, prices, null, ewma, scalable.at(1), settings);
    PredictiveMargin pm = PredictiveMargin.of(scalable, ewma, PredictiveSettings.of(0.40));
    BacktestResult pred = MarginBacktest.run(book, prices, null, ewma, pm, settings);
    assertThat(pred.dayCount()).isEqualTo(stat.dayCount()).isEqualTo(n - 30 - 1);
    for (int i = 0; i < pred.dayCount(); i++) {
      BacktestDay s = stat.days().get(i);
      BacktestDay q = pred.days().get(i);
      assertThat(q.lossUsd()).isEqualTo(s.lossUsd()); // the same book and market: only the margin differs
      assertThat(q.marginUsd()).isGreaterThanOrEqualTo(s.marginUsd() * (1 - 1e-12)); // floor 1
      assertThat(q.factor()).isBetween(1.0, 3.0);
    }
    // the static ranges suit the calm regime and fail in the storm; the predictive ones widen with the forecast
    int stormStatic = 0;
    int stormPred = 0;
    for (int i = 0; i < pred.dayCount(); i++) {
      if (stat.days().get(i).date().isAfter(START.plusDays(300))) {
        stormStatic += stat.days().get(i).breach() ? 1 : 0;
        stormPred += pred.days().get(i).breach() ? 1 : 0;
      }
    }
    assertThat(stat.breaches()).isGreaterThan(10);
    assertThat(pred.breaches()).isLessThan(stat.breaches() / 2);
    assertThat(stormPred).isLessThan(stormStatic / 2);
    assertThat(pred.kupiec().lr()).isLessThan(stat.kupiec().lr());
  }
}
