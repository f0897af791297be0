package io.netgamma.core.risk.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.base.MissingMarketDataException;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.OptionType;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.core.portfolio.PortfolioValuation;
import io.netgamma.core.portfolio.PortfolioValuer;
import io.netgamma.core.portfolio.Position;
import io.netgamma.core.portfolio.VolSource;
import io.netgamma.core.pricing.Black76;
import io.netgamma.core.risk.netting.RiskTestMarkets;
import io.netgamma.core.risk.scenario.ScenarioEngine;
import io.netgamma.core.risk.scenario.ScenarioGrid;
import io.netgamma.core.risk.scenario.ScenarioSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PnlExplainerTest {

  private static final Instant NOW = Instant.parse("2026-01-01T08:00:00Z");

  @Test
  void futuresAndPerpetualsDecomposeExactly() {
    MarketSnapshot m1 = RiskTestMarkets.flat(NOW, "BTC", 100_000, 0.5);
    MarketSnapshot m2 = RiskTestMarkets.moved(m1, Duration.ofHours(20), 0.0314, 0.02);
    Portfolio book = Portfolio.of("d1", List.of(Position.of("BTC-27MAR26", 5.5), Position.of("BTC-PERPETUAL", -3.3),
        Position.of("BTC_USDC", 0.7)));
    PnlExplain e = PnlExplainer.DEFAULT.explain(book, m1, m2);
    for (PositionExplain p : e.positions()) {
      ExplainTerms t = p.terms();
      assertThat(t.residual()).as(p.instrument().name()).isEqualTo(0.0);
      assertThat(t.delta()).isEqualTo(t.actual());
      assertThat(t.gamma()).isEqualTo(0.0);
      assertThat(t.theta()).isEqualTo(0.0);
      assertThat(t.vega()).isEqualTo(0.0);
      assertThat(p.volChangePoints()).isEqualTo(0.0);
      assertThat(t.actual()).isCloseTo(p.quantity() * 3_140, within(1e-9));
    }
    assertThat(e.total().residual()).isEqualTo(0.0);
    assertThat(e.total().actual()).isCloseTo((5.5 - 3.3 + 0.7) * 3_140, within(1e-8));
  }

  /**
   * On a realistic book (generated market, options more than 2 days from expiry, futures, perpetuals) the residual
   * of small moves is of third order: scaling dF and dσ by h and dt by h² (diffusion scaling) divides it by h³.
   */
  @Test
  void residualIsThirdOrderForSmallMoves() {
    MarketSnapshot m1 = RiskTestMarkets.generated(7);
    Portfolio book = RiskTestMarkets.randomBook(m1, 600, 2, 21);
    PortfolioValuation v1 = PortfolioValuer.DEFAULT.value(book, m1);
    PnlExplain big = PnlExplainer.DEFAULT.explain(v1, RiskTestMarkets.moved(m1, Duration.ofMinutes(40), 0.004,
        0.004));
    PnlExplain small = PnlExplainer.DEFAULT.explain(v1, RiskTestMarkets.moved(m1, Duration.ofMinutes(10), 0.002,
        0.002));
    for (PnlExplain e : List.of(big, small)) {
      ExplainTerms t = e.total();
      double scale = Math.abs(t.delta()) + Math.abs(t.gamma()) + Math.abs(t.vega()) + Math.abs(t.theta())
          + Math.abs(t.vanna()) + Math.abs(t.volga());
      System.out.printf("explain %s: actual %.4f delta %.4f gamma %.4f vega %.4f theta %.4f vanna %.4f volga %.4f "
          + "residual %.6f (%.2e of the terms)%n", Duration.between(e.from(), e.to()), t.actual(), t.delta(),
          t.gamma(), t.vega(), t.theta(), t.vanna(), t.volga(), t.residual(), Math.abs(t.residual()) / scale);
      assertThat(Math.abs(t.residual())).isLessThan(1e-3 * scale);
      assertThat(e.settled()).isEmpty();
    }
    double ratio = big.total().residual() / small.total().residual();
    assertThat(ratio).as("residual(h)/residual(h/2)").isBetween(7.0, 9.0);
    // every option position: third order too
    for (int i = 0; i < book.size(); i++) {
      PositionExplain b = big.positions().get(i);
      if (b.instrument().isOption() && Math.abs(b.terms().residual()) > 1e-6) {
        double r = b.terms().residual() / small.positions().get(i).terms().residual();
        assertThat(r).as(b.instrument().name()).isBetween(6.0, 10.0);
      }
    }
  }

  @Test
  void totalsAreTheSumsOfThePositions() {
    MarketSnapshot m1 = RiskTestMarkets.generated(8);
    Portfolio book = RiskTestMarkets.randomBook(m1, 300, 1, 2);
    PnlExplain e = PnlExplainer.DEFAULT.explain(book, m1, RiskTestMarkets.moved(m1, Duration.ofHours(2), -0.03,
        0.015));
    double actual = 0;
    double delta = 0;
    double vega = 0;
    double residual = 0;
    double btc = 0;
    for (PositionExplain p : e.positions()) {
      ExplainTerms t = p.terms();
      actual += t.actual();
      delta += t.delta();
      vega += t.vega();
      residual += t.residual();
      if (p.instrument().underlying().equals("BTC")) {
        btc += t.actual();
      }
      assertThat(t.actual()).isCloseTo(t.predicted() + t.residual(), within(1e-9 * (1 + Math.abs(t.actual()))));
      assertThat(p.days()).isCloseTo(2.0 / 24, within(1e-15));
      if (p.instrument().isOption()) {
        assertThat(p.volChangePoints()).isCloseTo(1.5, within(1e-9));
      }
    }
    assertThat(e.total().actual()).isCloseTo(actual, within(1e-9 * Math.abs(actual)));
    assertThat(e.total().delta()).isCloseTo(delta, within(1e-9 * Math.abs(delta)));
    assertThat(e.total().vega()).isCloseTo(vega, within(1e-9 * Math.abs(vega)));
    assertThat(e.total().residual()).isCloseTo(residual, within(1e-9 * Math.abs(actual)));
    assertThat(e.byUnderlying()).containsOnlyKeys("BTC", "ETH");
    assertThat(e.byUnderlying().get("BTC").actual()).isCloseTo(btc, within(1e-9 * Math.abs(btc)));
    assertThat(e.positions()).hasSize(300);
  }

  /**
   * Two independent code paths agree: the explain's actual P&amp;L for an instantaneous spot move (the book revalued
   * on a moved snapshot whose surface is sticky strike) equals the scenario grid's cell of the same spot move.
   */
  @Test
  void actualPnlOfASpotMoveEqualsTheScenarioGridCell() {
    MarketSnapshot m1 = RiskTestMarkets.generated(5);
    Portfolio book = RiskTestMarkets.randomBook(m1, 400, 0, 3);
    PortfolioValuation v1 = PortfolioValuer.DEFAULT.value(book, m1);
    ScenarioGrid grid = ScenarioEngine.DEFAULT.grid(v1, ScenarioSpec.of(new double[] {-0.08, 0.05},
        new double[] {0}));
    double[] moves = {-0.08, 0.05};
    for (int i = 0; i < 2; i++) {
      PnlExplain e = PnlExplainer.DEFAULT.explain(v1, RiskTestMarkets.moved(m1, Duration.ZERO, moves[i], 0));
      double gross = e.positions().stream().mapToDouble(p -> Math.abs(p.terms().actual())).sum();
      assertThat(e.total().actual()).isCloseTo(grid.pnlUsd(i, 0), within(1e-11 * gross));
      assertThat(e.total().theta()).isEqualTo(0.0);
    }
  }

  @Test
  void legsExpiredInBetweenSettleAtIntrinsicAndAreFlagged() {
    MarketSnapshot m1 = RiskTestMarkets.flat(NOW, "BTC", 100_000, 0.6);
    Portfolio book = Portfolio.of("expiring", List.of(Position.of("BTC-2JAN26-98000-C", 3),
        Position.of("BTC-2JAN26-99000-P", -2), Position.of("BTC-2JAN26", 1), Position.of("BTC-31JAN26-100000-C", 1)));
    MarketSnapshot m2 = RiskTestMarkets.moved(m1, Duration.ofDays(2), 0.01, 0);
    PnlExplain e = PnlExplainer.DEFAULT.explain(book, m1, m2);
    assertThat(e.settled()).extracting(Instrument::name)
        .containsExactly("BTC-2JAN26-98000-C", "BTC-2JAN26-99000-P", "BTC-2JAN26");
    double t1 = YearFraction.act365(NOW, Instant.parse("2026-01-02T08:00:00Z"));
    double c1 = Black76.DEFAULT.price(OptionType.CALL, 100_000, 98_000, t1, 0.6);
    double p1 = Black76.DEFAULT.price(OptionType.PUT, 100_000, 99_000, t1, 0.6);
    PositionExplain call = e.positions().get(0);
    assertThat(call.settled()).isTrue();
    assertThat(call.forwardTo()).isEqualTo(101_000.0);
    assertThat(call.days()).isEqualTo(1.0);
    assertThat(call.terms().actual()).isCloseTo(3 * (3_000 - c1), within(1e-9));
    assertThat(call.terms().vega()).isEqualTo(0.0);
    PositionExplain put = e.positions().get(1);
    assertThat(put.terms().actual()).isCloseTo(-2 * (0 - p1), within(1e-9));
    PositionExplain future = e.positions().get(2);
    assertThat(future.settled()).isTrue();
    assertThat(future.terms().actual()).isCloseTo(1_000, within(1e-9));
    assertThat(future.terms().residual()).isEqualTo(0.0);
    PositionExplain live = e.positions().get(3);
    assertThat(live.settled()).isFalse();
    assertThat(live.days()).isEqualTo(2.0);
  }

  @Test
  void missingMarketDataInTheSecondSnapshotNamesTheInstruments() {
    MarketSnapshot m1 = RiskTestMarkets.flat2(NOW, 100_000, 0.5, 3_000, 0.7);
    MarketSnapshot m2 = RiskTestMarkets.flat(NOW.plusSeconds(3_600), "BTC", 101_000, 0.5);
    Portfolio book = Portfolio.of("two", List.of(Position.of("BTC-31JAN26-100000-C", 1),
        Position.of("ETH-31JAN26-3000-C", -10), Position.of("ETH-PERPETUAL", 4), Position.of("ETH-2JAN26-3000-C", 1)));
    MarketSnapshot m2Late = RiskTestMarkets.flat(NOW.plusSeconds(2 * 86_400), "BTC", 101_000, 0.5);
    assertThatThrownBy(() -> PnlExplainer.DEFAULT.explain(book, m1, m2))
        .isInstanceOf(MissingMarketDataException.class).hasMessageContaining("P&L explain")
        .hasMessageContaining("ETH-31JAN26-3000-C").hasMessageContaining("ETH-PERPETUAL")
        .hasMessageContaining("ETH-2JAN26-3000-C");
    assertThatThrownBy(() -> PnlExplainer.DEFAULT.explain(book, m1, m2Late))
        .isInstanceOf(MissingMarketDataException.class).hasMessageContaining("ETH-31JAN26-3000-C")
        .hasMessageContaining("cannot settle ETH-2JAN26-3000-C");
  }

  @Test
  void sameSnapshotExplainsNothingAndOrderIsChecked() {
    MarketSnapshot m1 = RiskTestMarkets.generated(2);
    Portfolio book = RiskTestMarkets.randomBook(m1, 50, 0, 4);
    PnlExplain e = PnlExplainer.DEFAULT.explain(book, m1, m1);
    ExplainTerms t = e.total();
    // no move, no time: every greek term is exactly 0; the actual P&L is 0 up to the last bit of two valuations
    assertThat(List.of(t.delta(), t.gamma(), t.vega(), t.theta(), t.vanna(), t.volga())).containsOnly(0.0);
    double gross = e.positions().stream().mapToDouble(p -> Math.abs(p.quantity()) * 1e5).sum();
    assertThat(t.actual()).isCloseTo(0.0, within(1e-14 * gross));
    assertThat(t.residual()).isEqualTo(t.actual());
    MarketSnapshot later = RiskTestMarkets.moved(m1, Duration.ofMinutes(5), 0, 0);
    assertThatThrownBy(() -> PnlExplainer.DEFAULT.explain(book, later, m1))
        .hasMessageContaining("is before the 'from' snapshot");
    PortfolioValuation markIv = PortfolioValuer.DEFAULT.withVolSource(VolSource.MARK_IV).value(book, m1);
    assertThatThrownBy(() -> PnlExplainer.DEFAULT.explain(markIv, later)).hasMessageContaining("MARK_IV");
  }
}
