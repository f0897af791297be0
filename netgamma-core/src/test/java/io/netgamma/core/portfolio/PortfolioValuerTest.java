package io.netgamma.core.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.base.MissingMarketDataException;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.InstrumentKind;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.OrderBook;
import io.netgamma.core.market.Quote;
import io.netgamma.core.pricing.BatchPricers;
import io.netgamma.core.pricing.Black76;
import io.netgamma.core.pricing.OptionGreeks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@link PortfolioValuer} on {@link TestMarket}: every measure of every position against Black-76 directly and
 * against finite differences of full revaluations of the portfolio on bumped markets; futures and perpetuals against
 * finite differences of their contract P&amp;L; missing market data; the volatility sources.
 *
 * <p><b>Finite differences</b> are five-point stencils (truncation O(h⁴)): {@code f' ≈ (f(−2h) − 8f(−h) + 8f(h) −
 * f(2h))/12h}, {@code f'' ≈ (−f(−2h) + 16f(−h) − 30f(0) + 16f(h) − f(2h))/12h²}. Bumps: forwards and index ×(1 + x)
 * with h = 1e-3 (the 4-day option moves 1/60 of a standard deviation per step, truncation ~(1/60)⁴ ≈ 1e-7
 * relative); vol ±1e-3 (0.1 vol point); time ±0.01 day (864,000 ms, exact); rate ±1e-3 with forwards ×e^{±h·t}
 * (spot fixed). The tolerance is {@value #FD_REL} relative plus {@value #FD_ABS} of the largest magnitude of that
 * measure in the book (the floor for measures that are near 0 for some position).
 */
class PortfolioValuerTest {

  static final double FD_REL = 2e-6;
  static final double FD_ABS = 1e-8;
  static final Portfolio BOOK = Portfolio.of("test", TestMarket.BOOK,
      new LinkedHashMap<>(Map.of("BTC", 1.5)));
  static final PortfolioValuer VALUER = PortfolioValuer.DEFAULT;
  static final long DAY = 86_400_000L;

  static PortfolioValuation value(Instant at, double scale, double volShift, double carry, double rate) {
    return VALUER.withRate(rate).value(BOOK, TestMarket.market(at, scale, volShift, carry));
  }

  static PortfolioValuation base() {
    return value(TestMarket.T0, 1, 0, 0, 0);
  }

  static double d1(DoubleUnaryOperator f, double h) {
    return (f.applyAsDouble(-2 * h) - 8 * f.applyAsDouble(-h) + 8 * f.applyAsDouble(h) - f.applyAsDouble(2 * h))
        / (12 * h);
  }

  static double d2(DoubleUnaryOperator f, double h) {
    return (-f.applyAsDouble(-2 * h) + 16 * f.applyAsDouble(-h) - 30 * f.applyAsDouble(0) + 16 * f.applyAsDouble(h)
        - f.applyAsDouble(2 * h)) / (12 * h * h);
  }

  /** Positions on options and spot: their VALUE_USD is a full revaluation (futures and perpetuals are worth 0). */
  static List<Integer> revaluable(PortfolioValuation v) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      if (v.kind(i) == InstrumentKind.OPTION || v.kind(i) == InstrumentKind.SPOT) {
        out.add(i);
      }
    }
    return out;
  }

  static double largest(PortfolioValuation v, Measure m) {
    double max = 0;
    for (int i = 0; i < v.size(); i++) {
      max = Math.max(max, Math.abs(v.measure(m, i)));
    }
    return max;
  }

  static void check(PortfolioValuation v, Measure m, int i, double fd) {
    double expected = v.measure(m, i);
    double tol = FD_REL * Math.abs(expected) + FD_ABS * largest(v, m);
    assertThat(fd).as("%s of %s (q %s): finite difference vs analytic", m, v.instrument(i), v.quantity(i))
        .isCloseTo(expected, within(tol));
  }

  @Test
  void optionsAreBlack76TimesQuantityOnTheCurveForwardAndSurfaceVol() {
    PortfolioValuation v = base();
    MarketSnapshot market = TestMarket.market();
    assertThat(v.size()).isEqualTo(13);
    assertThat(v.instrumentCount()).isEqualTo(12);
    for (int i = 0; i < v.size(); i++) {
      Instrument ins = v.instrument(i);
      if (!ins.isOption()) {
        continue;
      }
      long expiry = ins.expiry().toEpochMilli();
      double f = market.forwardCurve(ins.underlying()).forward(expiry);
      double vol = market.surface(ins.underlying()).orElseThrow().volatility(ins.strike(), expiry);
      double t = YearFraction.act365(TestMarket.T0.toEpochMilli(), expiry);
      OptionGreeks g = Black76.DEFAULT.greeks(ins.optionType(), f, ins.strike(), t, vol);
      double q = v.quantity(i);
      assertThat(v.forward(i)).isEqualTo(f);
      assertThat(v.vol(i)).isEqualTo(vol);
      assertThat(v.t(i)).isEqualTo(t);
      assertThat(v.strike(i)).isEqualTo(ins.strike());
      assertThat(v.expiryMillis(i)).isEqualTo(expiry);
      assertThat(v.underlying(i)).isEqualTo(ins.underlying());
      double[][] pairs = {
          {v.valueUsd(i), g.priceUsd() * q}, {v.valueCoin(i), g.priceCoin() * q}, {v.delta(i), g.delta() * q},
          {v.deltaCoin(i), g.deltaCoin() * q}, {v.gamma(i), g.gamma() * q}, {v.gammaCoin(i), g.gammaCoin() * q},
          {v.cashGamma(i), g.gamma() * f * f / 100 * q}, {v.vega(i), g.vega() * q},
          {v.standardisedVega(i), g.vega() * Math.sqrt(30 / Math.max(365 * t, 1)) * q}, {v.theta(i), g.theta() * q},
          {v.rho(i), g.rho() * q}, {v.vanna(i), g.vanna() * q}, {v.volga(i), g.volga() * q},
          {v.charm(i), g.charm() * q}, {v.speed(i), g.speed() * q},
          {v.priceUsd(i), g.priceUsd()}, {v.price(i), ins.isInverse() ? g.priceCoin() : g.priceUsd()}};
      for (int k = 0; k < pairs.length; k++) {
        // the batch kernel agrees with Black76.priceAndGreeks to 1e-13 relative (BatchPricer javadoc)
        assertThat(pairs[k][0]).as("%s field #%d", ins, k)
            .isCloseTo(pairs[k][1], within(1e-13 * (Math.abs(pairs[k][1]) + 1e-300) + 1e-18));
      }
    }
  }

  @Test
  void deltaGammaSpeedAndCoinGreeksAreFiniteDifferencesInTheForward() {
    PortfolioValuation v = base();
    double h = 1e-3;
    for (int i : revaluable(v)) {
      double f = v.forward(i);
      DoubleUnaryOperator usd = x -> value(TestMarket.T0, 1 + x, 0, 0, 0).valueUsd(i);
      DoubleUnaryOperator coin = x -> value(TestMarket.T0, 1 + x, 0, 0, 0).valueCoin(i);
      DoubleUnaryOperator gamma = x -> value(TestMarket.T0, 1 + x, 0, 0, 0).gamma(i);
      DoubleUnaryOperator deltaCoin = x -> value(TestMarket.T0, 1 + x, 0, 0, 0).deltaCoin(i);
      DoubleUnaryOperator delta = x -> value(TestMarket.T0, 1 + x, 0, 0, 0).delta(i);
      check(v, Measure.DELTA, i, d1(usd, h) / f);
      check(v, Measure.GAMMA, i, d2(usd, h) / (f * f));
      check(v, Measure.SPEED, i, d1(gamma, h) / f);
      // coin numeraire: DELTA_COIN = F·∂VALUE_COIN/∂F, GAMMA_COIN = ∂DELTA_COIN/∂F
      check(v, Measure.DELTA_COIN, i, d1(coin, h));
      check(v, Measure.GAMMA_COIN, i, d1(deltaCoin, h) / f);
      // cash gamma: ∂(delta)/∂(relative move) · F / 100 = Γ·F²/100
      check(v, Measure.CASH_GAMMA, i, d1(delta, h) * f / 100);
    }
  }

  @Test
  void vegaVannaVolgaAreFiniteDifferencesInTheVolatility() {
    PortfolioValuation v = base();
    double h = 1e-3;
    for (int i : revaluable(v)) {
      DoubleUnaryOperator usd = x -> value(TestMarket.T0, 1, x, 0, 0).valueUsd(i);
      DoubleUnaryOperator delta = x -> value(TestMarket.T0, 1, x, 0, 0).delta(i);
      DoubleUnaryOperator vega = x -> value(TestMarket.T0, 1, x, 0, 0).vega(i);
      check(v, Measure.VEGA, i, d1(usd, h) / 100);
      check(v, Measure.VANNA, i, d1(delta, h) / 100);
      check(v, Measure.VOLGA, i, d1(vega, h) / 100);
    }
  }

  @Test
  void thetaAndCharmAreFiniteDifferencesInCalendarTime() {
    PortfolioValuation v = base();
    double h = 0.01; // day
    for (int i : revaluable(v)) {
      DoubleUnaryOperator usd = x -> value(TestMarket.T0.plusMillis(Math.round(x * DAY)), 1, 0, 0, 0).valueUsd(i);
      DoubleUnaryOperator delta = x -> value(TestMarket.T0.plusMillis(Math.round(x * DAY)), 1, 0, 0, 0).delta(i);
      check(v, Measure.THETA, i, d1(usd, h));
      check(v, Measure.CHARM, i, d1(delta, h));
    }
  }

  @Test
  void rhoIsTheFiniteDifferenceInTheRateAtFixedSpot() {
    PortfolioValuation v = base();
    double h = 1e-3;
    for (int i : revaluable(v)) {
      DoubleUnaryOperator usd = x -> value(TestMarket.T0, 1, 0, x, x).valueUsd(i);
      check(v, Measure.RHO, i, d1(usd, h) / 100);
    }
  }

  @Test
  void inverseFutureCoinDeltaIsTheFiniteDifferenceOfItsCoinPnl() {
    PortfolioValuation v = base();
    int i = indexOf(v, "BTC-28JUN24");
    double q = v.quantity(i);
    double f0 = v.forward(i);
    assertThat(f0).isEqualTo(65_310.0);
    // The contract: USD notional N = q·F0 (q coins at the mark); its coin P&L for a move to F is N·(1/F0 − 1/F),
    // and that P&L in USD (converted at F) is C(F)·F. (Written N·(F − F0)/(F0·F) to avoid the cancellation of
    // 1/F0 − 1/F, whose rounding the nested difference for GAMMA_COIN would amplify.)
    double notional = q * f0;
    DoubleUnaryOperator coinPnl = df -> notional * df / (f0 * (f0 + df));
    DoubleUnaryOperator usdPnl = df -> coinPnl.applyAsDouble(df) * (f0 + df);
    double h = 1.0; // USD
    // DELTA_COIN = F·∂C/∂F
    assertThat(v.deltaCoin(i)).isCloseTo(f0 * d1(coinPnl, h), within(1e-9 * Math.abs(q)));
    assertThat(v.deltaCoin(i)).isEqualTo(q);
    // GAMMA_COIN = ∂(F·∂C/∂F)/∂F
    DoubleUnaryOperator deltaCoinAt = df -> (f0 + df) * d1(x -> coinPnl.applyAsDouble(df + x), h);
    assertThat(v.gammaCoin(i)).isCloseTo(d1(deltaCoinAt, h), within(1e-9 * Math.abs(q / f0)));
    assertThat(v.gammaCoin(i)).isCloseTo(-q / f0, within(1e-15 * Math.abs(q / f0)));
    // USD: delta q, gamma 0
    assertThat(v.delta(i)).isCloseTo(d1(usdPnl, h), within(1e-9 * Math.abs(q)));
    assertThat(d2(usdPnl, h)).isCloseTo(v.gamma(i), within(1e-12));
    assertThat(v.gamma(i)).isZero();
    assertThat(v.valueUsd(i)).isZero();
    assertThat(v.valueCoin(i)).isZero();
    // rho, spot fixed: F = F0·e^{r·t} moves with the rate, P&L q·(F − F0) per 1%
    double t = v.t(i);
    DoubleUnaryOperator rate = r -> q * f0 * (Math.exp(r * t) - 1);
    assertThat(v.rho(i)).isCloseTo(d1(rate, 1e-3) / 100, within(1e-9 * Math.abs(q * f0 * t / 100)));
  }

  @Test
  void perpetualsHaveTheFutureMeasuresOnTheirMark() {
    PortfolioValuation v = base();
    for (String name : List.of("BTC-PERPETUAL", "ETH-PERPETUAL", "BTC_USDC-PERPETUAL")) {
      int i = indexOf(v, name);
      double q = v.quantity(i);
      double f = v.forward(i);
      // Linear perpetual: coin P&L q·(F' − F)/F'; inverse: N·(1/F − 1/F'), N = q·F. Both give F·C'(F) = q.
      DoubleUnaryOperator coinPnl = v.instrument(i).isInverse()
          ? df -> q * f * df / (f * (f + df))
          : df -> q * df / (f + df);
      assertThat(v.deltaCoin(i)).as(name).isCloseTo(f * d1(coinPnl, 1.0), within(1e-9 * Math.abs(q)));
      assertThat(v.delta(i)).as(name).isEqualTo(q);
      assertThat(v.gammaCoin(i)).as(name).isCloseTo(-q / f, within(1e-15 * Math.abs(q / f)));
      assertThat(v.rho(i)).as(name).isZero();
      assertThat(v.t(i)).isZero();
      assertThat(v.expiryMillis(i)).isEqualTo(PortfolioValuation.NO_EXPIRY);
    }
    // quoted perpetuals on their mark, the unquoted linear one on the index
    assertThat(v.forward(indexOf(v, "BTC-PERPETUAL"))).isEqualTo(TestMarket.BTC_PERP_MARK);
    assertThat(v.forward(indexOf(v, "BTC_USDC-PERPETUAL"))).isEqualTo(TestMarket.BTC_INDEX);
    assertThat(v.unlisted()).extracting(Instrument::name).contains("BTC_USDC-PERPETUAL")
        .doesNotContain("BTC-PERPETUAL");
  }

  @Test
  void spotIsWorthItsCoinsWithUsdDeltaAndNoCoinDelta() {
    PortfolioValuation v = base();
    int i = indexOf(v, "BTC_USDC");
    assertThat(v.valueUsd(i)).isEqualTo(2 * TestMarket.BTC_INDEX);
    assertThat(v.valueCoin(i)).isEqualTo(2);
    assertThat(v.delta(i)).isEqualTo(2);
    assertThat(v.deltaCoin(i)).isZero();
    assertThat(v.gammaCoin(i)).isZero();
  }

  @Test
  void collateralIsValuedAtTheIndexWithCoinDelta() {
    Portfolio p = Portfolio.of("c", List.of(Position.of("ETH-PERPETUAL", 1)),
        new LinkedHashMap<>(Map.of("BTC", 1.5, "USDC", 2500.0)));
    PortfolioValuation v = VALUER.value(p, TestMarket.market());
    assertThat(v.collateral()).hasSize(2);
    CollateralValue btc = v.collateral().stream().filter(c -> c.currency().equals("BTC")).findFirst().orElseThrow();
    CollateralValue usdc = v.collateral().stream().filter(c -> c.currency().equals("USDC")).findFirst().orElseThrow();
    assertThat(btc.valueUsd()).isEqualTo(1.5 * TestMarket.BTC_INDEX);
    assertThat(btc.delta()).isEqualTo(1.5);
    assertThat(usdc.valueUsd()).isEqualTo(2500);
    assertThat(usdc.delta()).isZero();
    assertThat(v.collateralValueUsd()).isEqualTo(1.5 * TestMarket.BTC_INDEX + 2500);
  }

  @Test
  void standardisedVegaUsesTheConfiguredNormaliser() {
    PortfolioValuation def = base();
    PortfolioValuation none = VALUER.withVegaNormaliser(VegaNormaliser.NONE).value(BOOK, TestMarket.market());
    PortfolioValuation cube = VALUER.withVegaNormaliser(VegaNormaliser.timeWeighted(30, 1.0 / 3))
        .value(BOOK, TestMarket.market());
    for (int i = 0; i < def.size(); i++) {
      if (!def.instrument(i).isOption()) {
        assertThat(def.standardisedVega(i)).isZero();
        continue;
      }
      double dte = def.t(i) * 365;
      assertThat(def.standardisedVega(i)).isCloseTo(def.vega(i) * Math.sqrt(30 / dte),
          within(1e-14 * Math.abs(def.standardisedVega(i))));
      assertThat(none.standardisedVega(i)).isEqualTo(none.vega(i));
      assertThat(cube.standardisedVega(i)).isCloseTo(def.vega(i) * Math.cbrt(30 / dte),
          within(1e-14 * Math.abs(cube.standardisedVega(i))));
    }
    // the 1-day floor: an option 1 hour from expiry has the weight of a 1-day option
    assertThat(VegaNormaliser.SQRT_30_OVER_DTE.weight(1.0 / (365 * 24))).isEqualTo(Math.sqrt(30));
    assertThat(VegaNormaliser.SQRT_30_OVER_DTE.weight(30.0 / 365)).isCloseTo(1.0, within(1e-15));
  }

  @Test
  void aLongAndAShortOfTheSameOptionNetToExactlyZero() {
    Portfolio p = Portfolio.of("flat", List.of(Position.of("BTC-28JUN24-70000-C", 12.3),
        Position.of("BTC-28JUN24-60000-P", 0.1), Position.of("BTC-28JUN24-70000-C", -12.3)));
    PortfolioValuation v = VALUER.value(p, TestMarket.market());
    for (Measure m : Measure.values()) {
      assertThat(v.measure(m, 0) + v.measure(m, 2)).as(m.name()).isEqualTo(0.0);
    }
    assertThat(v.netQuantity(0)).isEqualTo(0.0);
    NetGreeks call = GreeksAggregator.byInstrument(v).get(Instrument.parse("BTC-28JUN24-70000-C"));
    assertThat(call.positions()).isEqualTo(2);
    assertThat(call.toArray()).containsOnly(0.0);
    // the rest of the book is exactly the put
    NetGreeks all = GreeksAggregator.total(v);
    for (Measure m : Measure.values()) {
      assertThat(all.get(m)).as(m.name()).isEqualTo(v.measure(m, 1));
    }
  }

  @Test
  void markIvSourceUsesTheQuoteVolatilityAndForward() {
    Instrument call = Instrument.parse("BTC-28JUN24-70000-C");
    Quote q = new Quote(call, 0.01, 0.5123, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 100, 65_333.0,
        Double.NaN, OrderBook.EMPTY);
    MarketSnapshot base = TestMarket.market();
    MarketSnapshot market = MarketSnapshot.builder(base.timestamp()).forwardCurve(base.forwardCurve("BTC"))
        .quote(q).build();
    Portfolio p = Portfolio.of("m", List.of(Position.of(call, -3)));
    PortfolioValuation v = VALUER.withVolSource(VolSource.MARK_IV).value(p, market);
    assertThat(v.vol(0)).isEqualTo(0.5123);
    assertThat(v.forward(0)).isEqualTo(65_333.0);
    double t = v.t(0);
    assertThat(v.valueUsd(0)).isCloseTo(-3 * Black76.DEFAULT.price(call.optionType(), 65_333, 70_000, t, 0.5123),
        within(1e-9));
    // no surface in this snapshot: the default source reports it
    assertThatThrownBy(() -> VALUER.value(p, market)).isInstanceOf(MissingMarketDataException.class)
        .hasMessageContaining("no volatility surface for BTC").hasMessageContaining("BTC-28JUN24-70000-C");
  }

  @Test
  void missingMarketDataNamesEveryMissingInstrumentAndCurrency() {
    Portfolio p = Portfolio.of("gaps", List.of(
            Position.of("BTC-28JUN24-70000-C", 1),
            Position.of("SOL-PERPETUAL", 10),
            Position.of("SOL_USDC-28JUN24-150-C", 5),
            Position.of("BTC-14JUN24-60000-P", 1),
            Position.of("ETH-14JUN24", 1),
            Position.of("ETH-28JUN24-3600-C", 2)),
        new LinkedHashMap<>(Map.of("XRP", 100.0)));
    assertThatThrownBy(() -> VALUER.value(p, TestMarket.market()))
        .isInstanceOf(MissingMarketDataException.class)
        .hasMessageContaining("portfolio 'gaps'")
        .hasMessageContaining("market data missing for 5 items")
        .hasMessageContaining("no index price for SOL in the market snapshot (have: [BTC, ETH]): SOL-PERPETUAL, "
            + "SOL_USDC-28JUN24-150-C")
        .hasMessageContaining("expired before the snapshot")
        .hasMessageContaining("BTC-14JUN24-60000-P (2024-06-14T08:00:00Z)")
        .hasMessageContaining("ETH-14JUN24 (2024-06-14T08:00:00Z)")
        .hasMessageContaining("collateral XRP")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("BTC-28JUN24-70000-C")
            .doesNotContain("ETH-28JUN24-3600-C"));
    assertThatThrownBy(() -> VALUER.withVolSource(VolSource.MARK_IV)
        .value(Portfolio.of("q", List.of(Position.of("BTC-28JUN24-70000-C", 1))), TestMarket.market()))
        .isInstanceOf(MissingMarketDataException.class)
        .hasMessageContaining("not quoted in the market snapshot (its mark_iv is needed): BTC-28JUN24-70000-C");
    assertThatThrownBy(() -> VALUER.withListedInstrumentsOnly(true).value(BOOK, TestMarket.market()))
        .isInstanceOf(MissingMarketDataException.class)
        .hasMessageContaining("not in the market snapshot (unknown instrument")
        .hasMessageContaining("BTC-28JUN24-70000-C, BTC-28JUN24-60000-P")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("BTC-PERPETUAL,"));
  }

  @Test
  void scalarAndVectorKernelsGiveTheSameValuation() {
    PortfolioValuation vector = base();
    PortfolioValuation scalar = VALUER.withPricer(BatchPricers.scalar()).value(BOOK, TestMarket.market());
    for (Measure m : Measure.values()) {
      double scale = largest(vector, m);
      for (int i = 0; i < vector.size(); i++) {
        assertThat(scalar.measure(m, i)).as("%s %s", m, vector.instrument(i))
            .isCloseTo(vector.measure(m, i), within(1e-13 * scale));
      }
    }
  }

  @Test
  void unrealisedPnlInSettlementCurrencyAndUsd() {
    Portfolio p = Portfolio.of("pnl", List.of(
        new Position(Instrument.parse("BTC-28JUN24-70000-C"), -2, 0.02),
        new Position(Instrument.parse("BTC-28JUN24"), 3, 60_000),
        new Position(Instrument.parse("BTC_USDC-PERPETUAL"), 0.5, 64_000),
        Position.of("ETH-PERPETUAL", 1)));
    PortfolioValuation v = VALUER.value(p, TestMarket.market());
    assertThat(v.unrealisedPnl(0)).isCloseTo(-2 * (v.price(0) - 0.02), within(1e-15));
    assertThat(v.unrealisedPnlUsd(0)).isCloseTo(-2 * (v.price(0) - 0.02) * v.forward(0), within(1e-10));
    // inverse future: N = 3·65,310 USD, P&L N·(1/60,000 − 1/65,310) coin
    double n = 3 * 65_310.0;
    assertThat(v.unrealisedPnl(1)).isCloseTo(n * (1 / 60_000.0 - 1 / 65_310.0), within(1e-12));
    assertThat(v.unrealisedPnl(2)).isEqualTo(0.5 * (TestMarket.BTC_INDEX - 64_000));
    assertThatThrownBy(() -> v.unrealisedPnl(3)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ETH-PERPETUAL").hasMessageContaining("no average price");
  }

  @Test
  void anEmptyBookIsValuedWithItsCollateralOnly() {
    Portfolio p = Portfolio.of("cash", List.of(), new LinkedHashMap<>(Map.of("ETH", 2.0)));
    PortfolioValuation v = VALUER.value(p, TestMarket.market());
    assertThat(v.size()).isZero();
    assertThat(v.instrumentCount()).isZero();
    assertThat(v.collateralValueUsd()).isEqualTo(2 * TestMarket.ETH_INDEX);
    assertThat(GreeksAggregator.total(v)).isEqualTo(NetGreeks.ZERO);
    assertThat(GreeksAggregator.byUnderlying(v, true).get("ETH").delta()).isEqualTo(2.0);
  }

  @Test
  void columnsAreCopiesAndIndexPricesCoverTheSnapshot() {
    PortfolioValuation v = base();
    double[] delta = v.column(Measure.DELTA);
    assertThat(delta).hasSize(v.size());
    delta[0] = 1e9;
    assertThat(v.delta(0)).isNotEqualTo(1e9);
    assertThat(v.indexPrices()).containsEntry("BTC", TestMarket.BTC_INDEX).containsEntry("ETH", TestMarket.ETH_INDEX);
    assertThat(v.underlyings()).containsExactly("BTC", "ETH");
    assertThatThrownBy(() -> v.indexPrice("SOL")).isInstanceOf(MissingMarketDataException.class)
        .hasMessageContaining("no index price for SOL");
  }

  static int indexOf(PortfolioValuation v, String name) {
    for (int i = 0; i < v.size(); i++) {
      if (v.instrument(i).name().equals(name)) {
        return i;
      }
    }
    throw new AssertionError(name + " not in the book");
  }
}
