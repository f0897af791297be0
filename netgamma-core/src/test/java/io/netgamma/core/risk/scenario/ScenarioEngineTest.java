package io.netgamma.core.risk.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.OptionType;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.core.portfolio.PortfolioValuation;
import io.netgamma.core.portfolio.PortfolioValuer;
import io.netgamma.core.portfolio.Position;
import io.netgamma.core.pricing.BatchPricers;
import io.netgamma.core.pricing.Black76;
import io.netgamma.core.risk.netting.RiskTestMarkets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioEngineTest {

  private static final Instant NOW = Instant.parse("2026-01-01T08:00:00Z");
  private static final String CALL = "BTC-31JAN26-100000-C";
  private static final String PUT = "ETH-31JAN26-3000-P";

  private static double t(String expiry) {
    return YearFraction.act365(NOW, Instant.parse(expiry));
  }

  @Test
  void defaultAxes() {
    ScenarioSpec d = ScenarioSpec.DEFAULT;
    assertThat(d.spotCount()).isEqualTo(21);
    assertThat(d.volCount()).isEqualTo(5);
    assertThat(d.spotShift(0)).isEqualTo(-0.2);
    assertThat(d.spotShift(10)).isEqualTo(0.0);
    assertThat(d.spotShift(20)).isEqualTo(0.2);
    assertThat(d.volShifts()).containsExactly(-0.1, -0.05, 0.0, 0.05, 0.1);
    assertThat(d.horizonDays()).isEqualTo(0.0);
    ScenarioSpec s = ScenarioSpec.symmetric(0.2, 21, 0.1, 5);
    assertThat(s.spotShifts()).usingElementComparator((a, b) -> Math.abs(a - b) < 1e-16 ? 0 : 1)
        .containsExactly(d.spotShifts());
    assertThat(s.spotShift(10)).isEqualTo(0.0);
    assertThat(s.volShift(2)).isEqualTo(0.0);
  }

  @Test
  void specValidationNamesTheValue() {
    assertThatThrownBy(() -> ScenarioSpec.of(new double[] {-1.0}, new double[] {0})).hasMessageContaining("> -1")
        .hasMessageContaining("-1.0");
    assertThatThrownBy(() -> ScenarioSpec.of(new double[] {0}, new double[] {Double.NaN}))
        .hasMessageContaining("vol shift #0");
    assertThatThrownBy(() -> ScenarioSpec.DEFAULT.withHorizonDays(-1)).hasMessageContaining("horizon");
    assertThatThrownBy(() -> ScenarioSpec.DEFAULT.withUnderlyingShifts("ETH", new double[3]))
        .hasMessageContaining("ETH").hasMessageContaining("21");
    assertThatThrownBy(() -> ScenarioSpec.DEFAULT.withBeta("ETH", 6)).hasMessageContaining("of ETH");
  }

  /** Cell (0, 0) is exactly 0 on a realistic book: V(base) and the cell come from the same kernel call. */
  @Test
  void centreCellIsExactlyZero() {
    MarketSnapshot market = RiskTestMarkets.generated(3);
    Portfolio book = RiskTestMarkets.randomBook(market, 2_000, 0, 9);
    PortfolioValuation v = PortfolioValuer.DEFAULT.value(book, market);
    ScenarioGrid g = ScenarioEngine.DEFAULT.grid(v, ScenarioSpec.DEFAULT);
    assertThat(g.pnlUsd(10, 2)).isEqualTo(0.0);
    assertThat(g.pnlUsd("BTC", 10, 2)).isEqualTo(0.0);
    assertThat(g.pnlCoin("ETH", 10, 2)).isEqualTo(0.0);
    assertThat(g.underlyings()).containsExactly("BTC", "ETH");
    assertThat(g.settled()).isEmpty();
    // per-underlying P&L adds up to the book's; scalar and SIMD kernels agree
    ScenarioGrid scalar = ScenarioEngine.DEFAULT.withPricer(BatchPricers.scalar()).grid(v, ScenarioSpec.DEFAULT);
    for (int i = 0; i < 21; i++) {
      for (int k = 0; k < 5; k++) {
        double sum = g.pnlUsd("BTC", i, k) + g.pnlUsd("ETH", i, k);
        assertThat(g.pnlUsd(i, k)).isCloseTo(sum, within(1e-9 * (1 + Math.abs(sum))));
        assertThat(scalar.pnlUsd(i, k)).isCloseTo(g.pnlUsd(i, k), within(1e-6 + 1e-10 * Math.abs(g.pnlUsd(i, k))));
      }
    }
    assertThat(scalar.pnlUsd(10, 2)).isEqualTo(0.0);
  }

  /** Every cell of a two-position book against an independent Black-76 revaluation. */
  @Test
  void cellsEqualAnIndependentBlack76Revaluation() {
    MarketSnapshot market = RiskTestMarkets.flat2(NOW, 100_000, 0.55, 3_000, 0.7);
    Portfolio book = Portfolio.of("two", List.of(Position.of(CALL, 12.5), Position.of(PUT, -80)));
    PortfolioValuation v = PortfolioValuer.DEFAULT.value(book, market);
    ScenarioSpec spec = ScenarioSpec.of(new double[] {-0.3, -0.05, 0, 0.1, 0.25}, new double[] {-0.6, -0.1, 0, 0.07})
        .withBeta("ETH", 1.2);
    ScenarioGrid g = ScenarioEngine.DEFAULT.grid(v, spec);
    double tc = t("2026-01-31T08:00:00Z");
    double c0 = Black76.DEFAULT.price(OptionType.CALL, 100_000, 100_000, tc, 0.55);
    double p0 = Black76.DEFAULT.price(OptionType.PUT, 3_000, 3_000, tc, 0.7);
    for (int i = 0; i < spec.spotCount(); i++) {
      for (int k = 0; k < spec.volCount(); k++) {
        double x = spec.spotShift(i);
        double dv = spec.volShift(k);
        double fb = 100_000 * (1 + x);
        double fe = 3_000 * (1 + 1.2 * x);
        double c = Black76.DEFAULT.price(OptionType.CALL, fb, 100_000, tc, Math.max(0.55 + dv, 1e-4));
        double p = Black76.DEFAULT.price(OptionType.PUT, fe, 3_000, tc, Math.max(0.7 + dv, 1e-4));
        double btc = 12.5 * (c - c0);
        double eth = -80 * (p - p0);
        // kernel vs Black76.price: a few ulp of max(F, K) per price (ulp(1.3e5) = 1.5e-11), two prices a cell
        assertThat(g.pnlUsd("BTC", i, k)).as("BTC %s %s", x, dv).isCloseTo(btc, within(12.5 * 2e-10));
        assertThat(g.pnlUsd("ETH", i, k)).as("ETH %s %s", x, dv).isCloseTo(eth, within(80 * 1e-11));
        assertThat(g.pnlUsd(i, k)).isCloseTo(btc + eth, within(4e-9));
        // coin P&L: q·(V'/F' − V/F)
        assertThat(g.pnlCoin("BTC", i, k)).isCloseTo(12.5 * (c / fb - c0 / 100_000), within(12.5 * 2e-15));
        assertThat(g.pnlCoin("ETH", i, k)).isCloseTo(-80 * (p / fe - p0 / 3_000), within(80 * 2e-15));
      }
    }
    // the −60 vol point column hits the floor of 0.01 vol point on both options
    assertThat(g.pnlUsd("BTC", 2, 0)).isCloseTo(12.5 * (Black76.DEFAULT.price(OptionType.CALL, 100_000, 100_000, tc,
        ScenarioSpec.MIN_VOL) - c0), within(1e-9));
  }

  @Test
  void deltaOneInstrumentsAndOffsettingPositions() {
    MarketSnapshot market = RiskTestMarkets.flat(NOW, "BTC", 100_000, 0.5);
    Portfolio book = Portfolio.of("d1", List.of(Position.of("BTC-PERPETUAL", 3), Position.of("BTC-27MAR26", -2),
        Position.of("BTC_USDC", 1.5), Position.of(CALL, 4), Position.of(CALL, -4)));
    PortfolioValuation v = PortfolioValuer.DEFAULT.value(book, market);
    ScenarioGrid g = ScenarioEngine.DEFAULT.grid(v, ScenarioSpec.DEFAULT);
    for (int i = 0; i < 21; i++) {
      double x = ScenarioSpec.DEFAULT.spotShift(i);
      double moved = 100_000 * (1 + x);
      double usd = (3 - 2 + 1.5) * (moved - 100_000);
      for (int k = 0; k < 5; k++) {
        // the long and short call cancel exactly in every cell; vol shifts change nothing
        assertThat(g.pnlUsd(i, k)).isCloseTo(usd, within(1e-9));
        // coin: futures and perpetual (3 − 2)·(F' − F)/F', spot coins 0
        assertThat(g.pnlCoin("BTC", i, k)).isCloseTo((3 - 2) * (moved - 100_000) / moved, within(1e-15));
      }
    }
  }

  /** With a roll, a leg expiring before the horizon settles at intrinsic on its moved forward; the rest roll. */
  @Test
  void rollSettlesExpiredLegsAtIntrinsic() {
    MarketSnapshot market = RiskTestMarkets.flat(NOW, "BTC", 100_000, 0.6);
    String shortDated = "BTC-2JAN26-98000-C"; // one day to expiry
    String itmPut = "BTC-2JAN26-104000-P";
    Portfolio book = Portfolio.of("roll", List.of(Position.of(shortDated, -5), Position.of(itmPut, 2),
        Position.of(CALL, 1), Position.of("BTC-2JAN26", 1)));
    PortfolioValuation v = PortfolioValuer.DEFAULT.value(book, market);
    ScenarioSpec spec = ScenarioSpec.of(new double[] {-0.05, 0, 0.05}, new double[] {0, 0.1}).withHorizonDays(3);
    ScenarioGrid g = ScenarioEngine.DEFAULT.grid(v, spec);
    assertThat(g.settled()).extracting(Instrument::name).containsExactly(shortDated, itmPut, "BTC-2JAN26");
    double t1 = t("2026-01-02T08:00:00Z");
    double t30 = t("2026-01-31T08:00:00Z");
    double t27 = YearFraction.act365(NOW.plusSeconds(3 * 86_400), Instant.parse("2026-01-31T08:00:00Z"));
    double sc0 = Black76.DEFAULT.price(OptionType.CALL, 100_000, 98_000, t1, 0.6);
    double ip0 = Black76.DEFAULT.price(OptionType.PUT, 100_000, 104_000, t1, 0.6);
    double c0 = Black76.DEFAULT.price(OptionType.CALL, 100_000, 100_000, t30, 0.6);
    for (int i = 0; i < 3; i++) {
      for (int k = 0; k < 2; k++) {
        double f = 100_000 * (1 + spec.spotShift(i));
        double settledValue = -5 * (Math.max(f - 98_000, 0) - sc0) + 2 * (Math.max(104_000 - f, 0) - ip0);
        double rolled = Black76.DEFAULT.price(OptionType.CALL, f, 100_000, t27, 0.6 + spec.volShift(k)) - c0;
        double future = f - 100_000;
        assertThat(g.pnlUsd(i, k)).isCloseTo(settledValue + rolled + future, within(1e-8));
      }
    }
    // (0, 0) with a roll is the pure time decay: the settled legs' lost time value and 3 days of the call's theta
    assertThat(g.pnlUsd(1, 0)).isCloseTo(-5 * (2_000 - sc0) + 2 * (4_000 - ip0)
        + Black76.DEFAULT.price(OptionType.CALL, 100_000, 100_000, t27, 0.6) - c0, within(1e-8));
  }

  @Test
  void aLongOptionBookGainsWithSpotAndVol() {
    MarketSnapshot market = RiskTestMarkets.generated(4);
    List<Position> longCalls = market.quotes().stream().map(q -> q.instrument())
        .filter(i -> i.isOption() && i.optionType() == OptionType.CALL).limit(300)
        .map(i -> Position.of(i, 1.0)).toList();
    PortfolioValuation v = PortfolioValuer.DEFAULT.value(Portfolio.of("calls", longCalls), market);
    ScenarioGrid g = ScenarioEngine.DEFAULT.grid(v, ScenarioSpec.DEFAULT);
    for (int i = 1; i < 21; i++) {
      for (int k = 0; k < 5; k++) {
        assertThat(g.pnlUsd(i, k)).isGreaterThan(g.pnlUsd(i - 1, k));
        if (k > 0) {
          assertThat(g.pnlUsd(i, k)).isGreaterThan(g.pnlUsd(i, k - 1));
        }
      }
    }
    assertThat(g.worstPnlUsd()).isEqualTo(g.pnlUsd(0, 0));
  }

  /**
   * The cells allocate nothing: 60 more rows cost only the result matrices (a few doubles per cell), not a buffer of
   * the book's ~400 options per cell (which would be &ge; 3.2 KB each). Measured with the scalar kernel, which
   * allocates nothing from its first call; the SIMD kernel allocates until the JIT has compiled its vector code.
   */
  @Test
  void cellsAllocateNothing() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    MarketSnapshot market = io.netgamma.core.sim.market.MarketGenerator.DEFAULT.generate(
        io.netgamma.core.sim.market.MarketSpec.btcEth(RiskTestMarkets.NOW).withOptionCount(400), 1);
    PortfolioValuation v = PortfolioValuer.DEFAULT.value(RiskTestMarkets.randomBook(market, 2_000, 0, 2), market);
    ScenarioEngine engine = ScenarioEngine.DEFAULT.withPricer(BatchPricers.scalar());
    ScenarioSpec small = ScenarioSpec.symmetric(0.2, 21, 0.1, 5);
    ScenarioSpec large = ScenarioSpec.symmetric(0.2, 81, 0.1, 5);
    for (int w = 0; w < 3; w++) {
      engine.grid(v, small);
      engine.grid(v, large);
    }
    long id = Thread.currentThread().threadId();
    long before = threads.getThreadAllocatedBytes(id);
    engine.grid(v, small);
    long mid = threads.getThreadAllocatedBytes(id);
    engine.grid(v, large);
    long after = threads.getThreadAllocatedBytes(id);
    long perExtraCell = ((after - mid) - (mid - before)) / (60 * 5);
    System.out.printf("scenario grid: %d bytes for 21x5, %d bytes for 81x5 (%d per extra cell)%n", mid - before,
        after - mid, perExtraCell);
    assertThat(perExtraCell).isLessThan(400);
  }

  /**
   * Speed: a 10,000-position book on the full generated market (~1,500 options), the default 21 × 5 grid: the goal is
   * well under 1 s (aim &lt; 100 ms). Timed with the scalar kernel, whose speed does not depend on how far the JIT has
   * got: the SIMD kernel is ~10× faster once compiled (a few ms here) but runs a slow Java fallback (~0.5 s per grid)
   * for the first seconds of a fresh JVM, so its timing in a test depends on what ran before. Asserted against the
   * 1 s limit only (the machine is shared): the first grid (cold) and the best of 5 after a warm-up.
   */
  @Test
  void tenThousandPositionGridIsFast() {
    MarketSnapshot market = RiskTestMarkets.generated(1);
    Portfolio book = RiskTestMarkets.randomBook(market, 10_000, 0, 1);
    PortfolioValuation v = PortfolioValuer.DEFAULT.value(book, market);
    ScenarioEngine engine = ScenarioEngine.DEFAULT.withPricer(BatchPricers.scalar());
    long coldStart = System.nanoTime();
    ScenarioGrid first = engine.grid(v, ScenarioSpec.DEFAULT);
    long cold = System.nanoTime() - coldStart;
    for (int w = 0; w < 10; w++) {
      engine.grid(v, ScenarioSpec.DEFAULT);
    }
    long best = Long.MAX_VALUE;
    for (int r = 0; r < 5; r++) {
      long start = System.nanoTime();
      ScenarioGrid g = engine.grid(v, ScenarioSpec.DEFAULT);
      best = Math.min(best, System.nanoTime() - start);
      assertThat(g).isEqualTo(first); // the scalar kernel is deterministic to the bit
    }
    System.out.printf("scenario grid 21x5, %d positions on %d instruments (%s): first %.1f ms, best %.2f ms%n",
        v.size(), v.instrumentCount(), engine, cold / 1e6, best / 1e6);
    assertThat(cold).isLessThan(1_000_000_000L);
    assertThat(best).isLessThan(1_000_000_000L);
  }
}
