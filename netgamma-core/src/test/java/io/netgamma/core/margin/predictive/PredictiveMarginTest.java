package io.netgamma.core.margin.predictive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.base.MissingMarketDataException;
import io.netgamma.core.margin.MarginResult;
import io.netgamma.core.margin.generic.GenericMarginParameters;
import io.netgamma.core.margin.generic.GenericScenario;
import io.netgamma.core.margin.pm.DeribitPortfolioMargin;
import io.netgamma.core.margin.pm.PmParameters;
import io.netgamma.core.margin.span.SpanParameters;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.core.portfolio.PortfolioValuation;
import io.netgamma.core.portfolio.PortfolioValuer;
import io.netgamma.core.pricing.BatchPricers;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictiveMarginTest {

  private static final Instant T0 = Instant.parse("2024-06-01T00:00:00Z");

  @Test
  void factorIsTheForecastOverTheReferenceClampedToFloorAndCap() {
    PredictiveSettings s = PredictiveSettings.of(0.50);
    assertThat(s.floor()).isEqualTo(1.0);
    assertThat(s.cap()).isEqualTo(3.0);
    assertThat(s.factor(0.0)).isEqualTo(1.0);
    assertThat(s.factor(0.40)).isEqualTo(1.0); // below the reference: never below the static ranges
    assertThat(s.factor(0.50)).isEqualTo(1.0);
    assertThat(s.factor(0.75)).isEqualTo(1.5);
    assertThat(s.factor(1.20)).isCloseTo(2.4, within(1e-15));
    assertThat(s.factor(2.00)).isEqualTo(3.0); // capped
    PredictiveSettings low = new PredictiveSettings(0.50, 0.8, 2.0);
    assertThat(low.factor(0.30)).isEqualTo(0.8);
    assertThat(low.factor(0.45)).isCloseTo(0.9, within(1e-15));
    assertThatThrownBy(() -> new PredictiveSettings(0.5, 2, 1)).hasMessageContaining("cap");
    assertThatThrownBy(() -> PredictiveSettings.of(0)).hasMessageContaining("reference vol");
    assertThatThrownBy(() -> s.factor(Double.NaN)).hasMessageContaining("forecast vol");
  }

  @Test
  void scaledParameterSetsWidenOnlyThePriceRanges() {
    PmParameters pm = TestBooks.btcParameters();
    PmParameters pm2 = pm.scaled(1.5);
    assertThat(pm2.pair("btc_usd").priceRange()).isCloseTo(0.24, within(1e-15));
    assertThat(pm2.pair("btc_usd").volatilityRangeUp()).isEqualTo(0.5);
    assertThat(pm2.currencies()).isEqualTo(pm.currencies());
    assertThat(pm2.mmFactor()).isEqualTo(pm.mmFactor());
    assertThat(pm.scaled(1.0)).isSameAs(pm);
    assertThatThrownBy(() -> pm.scaled(7)).hasMessageContaining("btc_usd").hasMessageContaining("0.99");

    SpanParameters span = SpanParameters.of(0.15, 0.10, SpanParameters.VolScanType.ABSOLUTE, 0.1, "test");
    assertThat(span.scaled(2).priceScanRange()).isCloseTo(0.30, within(1e-15));
    assertThat(span.scaled(2).volScanRange()).isEqualTo(0.10);
    assertThatThrownBy(() -> span.scaled(4)).hasMessageContaining("extreme move");

    GenericMarginParameters g = new GenericMarginParameters("g", "test", List.of(new GenericScenario(0.16, 0.4, 1),
        new GenericScenario(-0.66, 0.4, 0.24), new GenericScenario(0, -0.2, 1)), 30, 1, 0.3, 0.13, 0, 0, 0.02, 0.01,
        1, 0.5);
    GenericMarginParameters g3 = g.scaled(3);
    assertThat(g3.scenarios().get(0).spotShock()).isCloseTo(Math.pow(1.16, 3) - 1, within(1e-15));
    assertThat(g3.scenarios().get(1).spotShock()).isCloseTo(Math.pow(0.34, 3) - 1, within(1e-15)); // -96%, not -198%
    assertThat(g3.scenarios().get(2).spotShock()).isEqualTo(0.0);
    assertThat(g3.scenarios().get(1).weight()).isEqualTo(0.24);
    assertThat(g3.scenarios().get(1).volShock()).isEqualTo(0.4);
  }

  @Test
  void marginIsTheStaticModelsAtTheFactorOfTheDay() {
    PmParameters p = TestBooks.btcParameters();
    ScalableMarginModel base = ScalableMarginModel.deribitPm(p, BatchPricers.scalar());
    // forecast 40% known from T0 - 1 day, 90% from T0: reference 60% -> factor 1 then 1.5
    VolatilityPath path = new VolatilityPath("test path", new long[] {T0.toEpochMilli() - 86_400_000L,
        T0.toEpochMilli()}, new double[] {0.40, 0.90});
    PredictiveMargin pm = PredictiveMargin.of(base, path, PredictiveSettings.of(0.60));
    assertThat(pm.name()).isEqualTo("predictive-deribit-pm");
    Portfolio book = TestBooks.shortStraddle();
    PortfolioValuation before = PortfolioValuer.DEFAULT.value(book, TestBooks.flat(T0.minusSeconds(3600), 60_000,
        0.6));
    PortfolioValuation at = PortfolioValuer.DEFAULT.value(book, TestBooks.flat(T0, 60_000, 0.6));

    MarginResult staticBefore = DeribitPortfolioMargin.of(p).margin(before);
    MarginResult predictiveBefore = pm.margin(before);
    assertThat(pm.factor(before.timestamp())).isEqualTo(1.0);
    assertThat(predictiveBefore.initialMarginUsd()).isEqualTo(staticBefore.initialMarginUsd());
    assertThat(predictiveBefore.maintenanceMarginUsd()).isEqualTo(staticBefore.maintenanceMarginUsd());

    MarginResult staticAt = DeribitPortfolioMargin.of(p).margin(at);
    MarginResult scaledAt = DeribitPortfolioMargin.of(p.scaled(1.5)).margin(at);
    MarginResult predictiveAt = pm.margin(at);
    assertThat(pm.factor(at.timestamp())).isCloseTo(1.5, within(1e-15));
    assertThat(predictiveAt.initialMarginUsd()).isEqualTo(scaledAt.initialMarginUsd());
    assertThat(predictiveAt.maintenanceMarginUsd()).isEqualTo(scaledAt.maintenanceMarginUsd());
    // a short straddle loses more on a wider move: the margin rises with the forecast
    assertThat(predictiveAt.initialMarginUsd()).isGreaterThan(1.3 * staticAt.initialMarginUsd());
    assertThat(predictiveAt.currency("BTC").driver()).contains("ranges x 1.500").contains("forecast 90.00%")
        .contains("reference 60.00%");

    PortfolioValuation tooEarly = PortfolioValuer.DEFAULT.value(book, TestBooks.flat(T0.minusSeconds(2 * 86_400),
        60_000, 0.6));
    assertThatThrownBy(() -> pm.margin(tooEarly)).isInstanceOf(MissingMarketDataException.class)
        .hasMessageContaining("test path");
  }

  @Test
  void aVolatilitySpikeRaisesTheMarginTheSameDayTheForecastRises() {
    // 100 calm days (1% daily moves), then a -8% day: the EWMA forecast known at that day's close jumps, and the
    // margin of that close is higher, before the next days' moves (the loss it must cover) happen.
    int n = 102;
    double[] closes = new double[n];
    long[] times = new long[n];
    closes[0] = 60_000;
    for (int i = 1; i < n; i++) {
      closes[i] = closes[i - 1] * (i == 100 ? 0.92 : (i % 2 == 0 ? 1.01 : 1 / 1.01));
    }
    for (int i = 0; i < n; i++) {
      times[i] = T0.toEpochMilli() + i * 86_400_000L;
    }
    VolatilityPath ewma = VolatilityPath.fromPrices("ewma", times, closes, EwmaForecaster.RISKMETRICS, 1e-4, 365);
    double calm = ewma.vols()[99];
    double spike = ewma.vols()[100];
    assertThat(calm).isCloseTo(0.01 * Math.sqrt(365), within(1e-3)); // 19.1%
    assertThat(spike).isGreaterThan(2 * calm);
    PmParameters p = TestBooks.btcParameters();
    PredictiveMargin pm = PredictiveMargin.of(ScalableMarginModel.deribitPm(p, BatchPricers.scalar()), ewma,
        PredictiveSettings.of(0.25));
    Portfolio book = TestBooks.shortStraddle();
    Instant day99 = Instant.ofEpochMilli(times[99]);
    Instant day100 = Instant.ofEpochMilli(times[100]);
    double m99 = pm.margin(PortfolioValuer.DEFAULT.value(book, TestBooks.flat(day99, 60_000, 0.6)))
        .maintenanceMarginUsd();
    double m100 = pm.margin(PortfolioValuer.DEFAULT.value(book, TestBooks.flat(day100, 60_000, 0.6)))
        .maintenanceMarginUsd();
    double static99 = DeribitPortfolioMargin.of(p).margin(PortfolioValuer.DEFAULT.value(book,
        TestBooks.flat(day99, 60_000, 0.6))).maintenanceMarginUsd();
    assertThat(pm.factor(day99)).isEqualTo(1.0);
    assertThat(pm.factor(day100)).isCloseTo(spike / 0.25, within(1e-12));
    assertThat(m100).isGreaterThan(1.5 * m99);
    assertThat(m99).isEqualTo(static99); // factor 1: the static model's margin
  }
}
