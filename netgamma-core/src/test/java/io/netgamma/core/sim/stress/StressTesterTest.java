package io.netgamma.core.sim.stress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.margin.standard.DeribitStandardMargin;
import io.netgamma.core.market.ForwardCurve;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.VolatilitySurface;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.core.portfolio.PortfolioValuation;
import io.netgamma.core.portfolio.PortfolioValuer;
import io.netgamma.core.portfolio.Position;
import io.netgamma.core.pricing.BatchPricers;
import io.netgamma.core.risk.scenario.ScenarioEngine;
import io.netgamma.core.risk.scenario.ScenarioGrid;
import io.netgamma.core.risk.scenario.ScenarioSpec;
import io.netgamma.core.sim.book.DemoBook;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StressTesterTest {

  private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");
  private static final PortfolioValuer SCALAR = PortfolioValuer.DEFAULT.withPricer(BatchPricers.scalar());
  private static final StressTester STANDARD = StressTester.of(DeribitStandardMargin.DEFAULT).withValuer(SCALAR);

  /** BTC at 50,000 (ETH at 2,500) with flat 60% (80%) volatility surfaces. */
  private static MarketSnapshot flatMarket() {
    MarketSnapshot.Builder b = MarketSnapshot.builder(NOW);
    for (String u : List.of("BTC", "ETH")) {
      ForwardCurve c = ForwardCurve.flat(u, NOW.toEpochMilli(), u.equals("BTC") ? 50_000 : 2_500);
      double vol = u.equals("BTC") ? 0.60 : 0.80;
      b.forwardCurve(c).surface(new VolatilitySurface() {
        @Override
        public ForwardCurve forwardCurve() {
          return c;
        }

        @Override
        public double totalVariance(double k, double t) {
          return vol * vol * t;
        }
      });
    }
    return b.build();
  }

  private static StressScenario oneStep(Map<String, Double> spot, Map<String, Double> vol) {
    return new StressScenario("test", "test shock", StressScenario.Kind.HYPOTHETICAL,
        List.of(new StressStep("shock", new MarketShock(spot, vol))), "hypothetical");
  }

  @Test
  void aLeveragedPerpetualHasItsPnlAndLiquidationPriceByHand() {
    // 10,000 USDC against 2 BTC of BTC-PERPETUAL at 50,000 (10x). Deribit standard MM of an inverse perpetual:
    // (1.5% + 0.005% x 2) of the notional = 0.0151 x 2 x S'. Equity C + q·(S' − S) meets it where
    // 10,000 + 100,000·x = 1,510·(1 + x), x = −8,490/98,490; along a −30% step, λ = x/−0.3.
    Portfolio p = Portfolio.of("perp", List.of(Position.of("BTC-PERPETUAL", 2)), Map.of("USDC", 10_000.0));
    StressResult r = STANDARD.run(p, flatMarket(), oneStep(Map.of("BTC", -0.30), Map.of()));
    StepOutcome s = r.steps().get(0);
    assertThat(s.pnlUsd()).isCloseTo(2 * (35_000.0 - 50_000.0), within(1e-9));
    assertThat(s.equityUsd()).isCloseTo(10_000 - 30_000, within(1e-9));
    assertThat(s.maintenanceMarginUsd()).isCloseTo(0.0151 * 2 * 35_000, within(1e-9));
    assertThat(s.liquidated()).isTrue();
    assertThat(s.marginCall()).isTrue();
    assertThat(r.start().pnlUsd()).isZero();
    assertThat(r.start().equityUsd()).isEqualTo(10_000.0);
    assertThat(r.start().liquidated()).isFalse();

    double x = -8_490.0 / 98_490.0;
    LiquidationPoint lp = r.liquidation();
    assertThat(lp.status()).isEqualTo(LiquidationPoint.Status.FOUND);
    assertThat(lp.scale()).isCloseTo(x / -0.30, within(2e-6));
    assertThat(lp.spotMoves().get("BTC")).isCloseTo(x, within(1e-6));
    assertThat(lp.spotLevels().get("BTC")).isCloseTo(50_000 * (1 + x), within(0.05));
    assertThat(lp.spotLevels()).containsOnlyKeys("BTC"); // the underlyings of the book
    assertThat(r.firstLiquidation()).isSameAs(s);
    assertThat(r.worst()).isSameAs(s);
  }

  @Test
  void coinCollateralMovesWithItsCoin() {
    // 1 BTC of collateral and a short 1 BTC perpetual: a delta-neutral account whose equity is flat in USD.
    Portfolio p = Portfolio.of("hedged", List.of(Position.of("BTC-PERPETUAL", -1)), Map.of("BTC", 1.0));
    StressResult r = STANDARD.run(p, flatMarket(), oneStep(Map.of("BTC", -0.40), Map.of()));
    StepOutcome s = r.steps().get(0);
    assertThat(s.pnlUsd()).isCloseTo(0.0, within(1e-9));
    assertThat(s.pnlByUnderlying().get("BTC")).isCloseTo(20_000.0, within(1e-9)); // positions only
    assertThat(s.equityUsd()).isCloseTo(50_000.0, within(1e-9));
    assertThat(r.liquidation().status()).isEqualTo(LiquidationPoint.Status.NO_LOSS);
  }

  @Test
  void optionPnlMatchesTheScenarioEngineOnFlatSurfaces() {
    // With flat surfaces sticky moneyness and sticky strike agree: the stress P&L of a uniform move must be the
    // scenario grid's.
    MarketSnapshot m = flatMarket();
    Portfolio p = Portfolio.of("options", List.of(
        Position.of("BTC-25DEC26-55000-C", -3), Position.of("BTC-25DEC26-40000-P", 2),
        Position.of("ETH-25DEC26-2000-P", -10), Position.of("ETH-PERPETUAL", 5), Position.of("BTC-25DEC26", 1)),
        Map.of());
    for (double move : new double[] {-0.35, -0.1, 0.2}) {
      for (double vol : new double[] {0.0, 0.25}) {
        StressResult r = STANDARD.run(p, m, oneStep(Map.of("BTC", move, "ETH", move), Map.of("BTC", vol, "ETH",
            vol)));
        PortfolioValuation v = SCALAR.value(p, m);
        ScenarioGrid g = ScenarioEngine.DEFAULT.withPricer(BatchPricers.scalar())
            .grid(v, ScenarioSpec.of(new double[] {move}, new double[] {vol}));
        assertThat(r.steps().get(0).pnlUsd()).as("move %s vol %s", move, vol)
            .isCloseTo(g.pnlUsd(0, 0), within(1e-9 * Math.max(1, Math.abs(g.pnlUsd(0, 0)))));
        assertThat(r.steps().get(0).equityUsd()).isNaN();
        assertThat(r.liquidation().status()).isEqualTo(LiquidationPoint.Status.NO_EQUITY);
      }
    }
  }

  @Test
  void enoughCollateralIsNeverLiquidatedAndTooLittleAlreadyIs() {
    MarketSnapshot m = flatMarket();
    List<Position> shortPut = List.of(Position.of("BTC-25DEC26-45000-P", -1));
    StressScenario crash = oneStep(Map.of("BTC", -0.30), Map.of("BTC", 0.3));
    StressResult rich = STANDARD.run(Portfolio.of("rich", shortPut, Map.of("USDC", 1e7)), m, crash);
    assertThat(rich.liquidation().status()).isEqualTo(LiquidationPoint.Status.NOT_REACHED);
    assertThat(rich.liquidation().scale()).isNaN();
    StressResult poor = STANDARD.run(Portfolio.of("poor", shortPut, Map.of("USDC", 1.0)), m, crash);
    assertThat(poor.liquidation().status()).isEqualTo(LiquidationPoint.Status.ALREADY_BELOW);
    // In between: found, and the equity there equals the maintenance margin.
    StressResult mid = STANDARD.run(Portfolio.of("mid", shortPut, Map.of("USDC", 12_000.0)), m, crash);
    assertThat(mid.liquidation().status()).isEqualTo(LiquidationPoint.Status.FOUND);
    double lambda = mid.liquidation().scale();
    assertThat(lambda).isBetween(0.0, StressTester.MAX_SCALE);
    StressResult at = STANDARD.run(Portfolio.of("mid", shortPut, Map.of("USDC", 12_000.0)), m,
        new StressScenario("at", "at the point", StressScenario.Kind.HYPOTHETICAL,
            List.of(new StressStep("at", crash.steps().get(0).shock().scaled(lambda))), "hypothetical"));
    StepOutcome o = at.steps().get(0);
    assertThat(o.equityUsd() - o.maintenanceMarginUsd()).isCloseTo(0.0, within(1e-3 * o.maintenanceMarginUsd()));
  }

  @Test
  void hypotheticalShocksMoveOtherUnderlyingsByCorrelationAndVolRatio() {
    StressScenario s = StressScenario.hypothetical("BTC", -0.30, 0.20, 0.9, Map.of("BTC", 0.5, "ETH", 0.7));
    MarketShock shock = s.steps().get(0).shock();
    assertThat(shock.spotMove("BTC")).isEqualTo(-0.30);
    assertThat(shock.spotMove("ETH")).isCloseTo(0.9 * 0.7 / 0.5 * -0.30, within(1e-15));
    assertThat(shock.volShift("ETH")).isEqualTo(0.20);
    assertThat(s.name()).isEqualTo("btc-30%-vol+20-rho0.90");
    assertThat(StressScenario.hypothetical("BTC", -0.9, 0, 1, Map.of("BTC", 0.5, "ETH", 1.0)).steps().get(0).shock()
        .spotMove("ETH")).isEqualTo(-0.95);
    assertThatThrownBy(() -> StressScenario.hypothetical("SOL", -0.3, 0, 0.9, Map.of("BTC", 0.5)))
        .hasMessageContaining("no volatility for the lead underlying SOL");
  }

  @Test
  void shocksValidateScaleAndApply() {
    assertThatThrownBy(() -> new MarketShock(Map.of("BTC", -1.0), Map.of()))
        .hasMessageContaining("BTC spot move must be finite and > -1");
    MarketShock s = new MarketShock(Map.of("BTC", -0.4, "ETH", 0.1), Map.of("BTC", 0.2));
    assertThat(s.maxScale(0.95)).isCloseTo(0.95 / 0.4, within(1e-15));
    assertThat(s.scaled(0.5).spotMove("BTC")).isEqualTo(-0.2);
    assertThat(s.scaled(0.5).volShift("BTC")).isEqualTo(0.1);
    assertThat(s.volShift("ETH")).isZero();
    MarketSnapshot m = s.apply(flatMarket());
    assertThat(m.index("BTC")).isCloseTo(30_000, within(1e-9));
    assertThat(m.index("ETH")).isCloseTo(2_750, within(1e-9));
    assertThat(m.quotes()).isEmpty();
    long expiry = Instant.parse("2027-06-25T08:00:00Z").toEpochMilli();
    // sticky moneyness then +20 vol points: flat 60% becomes flat 80%
    assertThat(m.surface("BTC").orElseThrow().volatility(0.1, 0.5)).isCloseTo(0.80, within(1e-15));
    assertThat(m.forwardCurve("BTC").forward(expiry)).isCloseTo(30_000, within(1e-9));
  }

  @Test
  void aDemoBookOnAGeneratedMarketRunsEveryStepWithFiniteNumbers() {
    DemoBook demo = DemoBook.generate(7, 200);
    MarketSnapshot m = demo.market();
    Portfolio p = demo.portfolio();
    StressScenario s = new StressScenario("two-day", "two days", StressScenario.Kind.HISTORICAL, List.of(
        new StressStep("day 1", new MarketShock(Map.of("BTC", -0.15, "ETH", -0.2), Map.of("BTC", 0.1, "ETH", 0.15))),
        new StressStep("day 2", new MarketShock(Map.of("BTC", -0.25, "ETH", -0.3), Map.of("BTC", 0.2, "ETH", 0.3)))),
        "test");
    StressResult r = STANDARD.run(p, m, s);
    assertThat(r.steps()).hasSize(2);
    for (StepOutcome o : r.steps()) {
      assertThat(o.pnlUsd()).isFinite();
      assertThat(o.maintenanceMarginUsd()).isPositive();
      assertThat(o.pnlByUnderlying().values().stream().mapToDouble(Double::doubleValue).sum()
          + (o.equityUsd() - r.start().equityUsd() - (o.pnlByUnderlying().values().stream()
          .mapToDouble(Double::doubleValue).sum()))).isCloseTo(o.pnlUsd(), within(1e-6));
    }
    assertThat(r.liquidation().note()).isNotBlank();
  }
}
