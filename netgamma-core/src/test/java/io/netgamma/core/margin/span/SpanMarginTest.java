package io.netgamma.core.margin.span;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.OptionType;
import io.netgamma.core.margin.CurrencyMargin;
import io.netgamma.core.margin.MarginResult;
import io.netgamma.core.margin.pm.PmBook;
import io.netgamma.core.margin.span.SpanParameters.VolScanType;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.core.portfolio.PortfolioValuation;
import io.netgamma.core.portfolio.PortfolioValuer;
import io.netgamma.core.portfolio.Position;
import io.netgamma.core.pricing.BatchPricers;
import io.netgamma.core.pricing.Black76;
import io.netgamma.core.sim.book.DemoBook;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SPAN-style margin against scenario-by-scenario hand computation with the scalar Black-76 formula (independent of
 * the batch kernel), the standard table, the 35% extreme-move rule, the short-option minimum, and whole books.
 */
class SpanMarginTest {

  static final Black76 B = Black76.DEFAULT;
  static final double DAY = 1.0 / 365;

  /** SPAN's table written out by hand: price multiple of the range, vol direction, weight. */
  static final double[][] TABLE = {
      {0, 1, 1}, {0, -1, 1}, {1.0 / 3, 1, 1}, {1.0 / 3, -1, 1}, {-1.0 / 3, 1, 1}, {-1.0 / 3, -1, 1},
      {2.0 / 3, 1, 1}, {2.0 / 3, -1, 1}, {-2.0 / 3, 1, 1}, {-2.0 / 3, -1, 1}, {1, 1, 1}, {1, -1, 1},
      {-1, 1, 1}, {-1, -1, 1}, {2, 0, 0.35}, {-2, 0, 0.35}};

  static SpanParameters params(double range, double volScan, double som) {
    return new SpanParameters(range, volScan, VolScanType.ABSOLUTE, 2, 0.35, som, 1, 1.1, "test");
  }

  static SpanMargin model(SpanParameters p) {
    return SpanMargin.of(p).withPricer(BatchPricers.scalar());
  }

  @Test
  void standardTableIsSpans() {
    List<SpanScenario> table = SpanScenario.table(2, 0.35);
    assertThat(table).hasSize(16);
    for (int s = 0; s < 16; s++) {
      SpanScenario sc = table.get(s);
      assertThat(sc.number()).isEqualTo(s + 1);
      assertThat(sc.priceMultiple()).as("scenario %d", s + 1).isEqualTo(TABLE[s][0]);
      assertThat(sc.volDirection()).as("scenario %d", s + 1).isEqualTo((int) TABLE[s][1]);
      assertThat(sc.weight()).as("scenario %d", s + 1).isEqualTo(TABLE[s][2]);
    }
    assertThat(table.get(12).describe(0.15)).isEqualTo("scenario 13 of 16: price -3/3 of range (-15.00%), vol up");
    assertThat(table.get(15).describe(0.15))
        .isEqualTo("scenario 16 of 16: price -2x range (-30.00%), vol unchanged, 35% counted");
    assertThat(table.get(1).describe(0.15)).isEqualTo("scenario 2 of 16: price unchanged (+0.00%), vol down");
  }

  /** Short 2 BTC calls hedged with 0.5 BTC of the same-expiry future, inverse (coin). */
  @Test
  void shortCallPlusFutureScenarioByScenario() {
    double index = 60000;
    double f = 60300;
    double k = 66000;
    double sigma = 0.60;
    double t = 0.25;
    double qCall = -2;
    double qFut = 0.5;
    Instrument call = Instrument.parse("BTC-26SEP25-66000-C");
    Instrument fut = Instrument.parse("BTC-26SEP25");
    PmBook book = PmBook.of(index, List.of(call, fut), new double[] {qCall, qFut}, new double[] {f, f},
        new double[] {sigma, 0}, new double[] {t, t});
    SpanParameters p = params(0.15, 0.10, 0.05);
    SpanGroupResult r = model(p).evaluate(book);

    double baseCoin = B.price(OptionType.CALL, f, k, t, sigma) / f;
    double[] expected = new double[16];
    int worst = 0;
    for (int s = 0; s < 16; s++) {
      double x = TABLE[s][0] * 0.15;
      double vol = sigma + TABLE[s][1] * 0.10;
      double fx = f * (1 + x);
      double callPnl = qCall * (B.price(OptionType.CALL, fx, k, t - DAY, vol) / fx - baseCoin);
      double futPnl = qFut * x / (1 + x);
      assertThat(r.scenarioPnl(0)[s]).as("call, scenario %d", s + 1).isCloseTo(callPnl, within(1e-13));
      assertThat(r.scenarioPnl(1)[s]).as("future, scenario %d", s + 1).isCloseTo(futPnl, within(1e-15));
      expected[s] = (callPnl + futPnl) * TABLE[s][2];
      assertThat(r.weightedPnl()[s]).as("weighted, scenario %d", s + 1).isCloseTo(expected[s], within(1e-13));
      if (expected[s] < expected[worst]) {
        worst = s;
      }
    }
    // Short calls net of a 0.5 coin future lose most when the price rises by the full range with vol up.
    assertThat(worst).isEqualTo(10);
    assertThat(r.worstScenario().number()).isEqualTo(11);
    assertThat(r.scanRisk()).isCloseTo(-expected[10], within(1e-13)).isGreaterThan(0.05);
    // The future's price-up gain is counted: without it the loss would be larger.
    assertThat(-r.scenarioPnl(0)[10]).isGreaterThan(r.scanRisk());
    // Short-option minimum: 0.05 × 0.15 × 2 coins = 0.015 coin, below the scan risk.
    assertThat(r.shortOptionCoins()).isEqualTo(2.0);
    assertThat(r.shortOptionMinimum()).isCloseTo(0.015, within(1e-15));
    assertThat(r.shortOptionMinimumBinds()).isFalse();
    assertThat(r.maintenanceMargin()).isEqualTo(r.scanRisk());
    assertThat(r.initialMargin()).isCloseTo(1.1 * r.scanRisk(), within(1e-15));
    assertThat(r.describe()).isEqualTo("scenario 11 of 16: price +3/3 of range (+15.00%), vol up");
  }

  @Test
  void extremeMovesCountAt35Percent() {
    // A long linear perpetual, 1 BTC at 60,000 USDC: -15% loses 9,000; -30% loses 18,000, counted 35% = 6,300.
    Instrument perp = Instrument.parse("BTC_USDC-PERPETUAL");
    PmBook book = PmBook.of(60000, List.of(perp), new double[] {1}, new double[] {60000}, new double[1],
        new double[1]);
    SpanGroupResult r = model(params(0.15, 0.10, 0)).evaluate(book);
    assertThat(r.scenarioPnl(0)[15]).isCloseTo(-18000, within(1e-9));
    assertThat(r.weightedPnl()[15]).isCloseTo(-6300, within(1e-9));
    assertThat(r.weightedPnl()[14]).isCloseTo(0.35 * 18000, within(1e-9));
    assertThat(r.scanRisk()).isCloseTo(9000, within(1e-9));
    assertThat(r.worstScenario().number()).isEqualTo(13); // first of the tie 13 (vol up) / 14 (vol down)

    // Counted at 60% instead, the extreme move would drive: 10,800 > 9,000.
    SpanParameters heavier = new SpanParameters(0.15, 0.10, VolScanType.ABSOLUTE, 2, 0.60, 0, 1, 1, "test");
    SpanGroupResult h = model(heavier).evaluate(book);
    assertThat(h.scanRisk()).isCloseTo(10800, within(1e-9));
    assertThat(h.worstScenario().number()).isEqualTo(16);

    // A short far out-of-the-money put: harmless within the range, its 35% extreme-move loss drives SPAN.
    Instrument put = Instrument.parse("BTC_USDC-26SEP25-40000-P");
    double f = 60000;
    double sigma = 0.5;
    double t = 0.1;
    PmBook wing = PmBook.of(60000, List.of(put), new double[] {-1}, new double[] {f}, new double[] {sigma},
        new double[] {t});
    SpanGroupResult w = model(params(0.15, 0.10, 0)).evaluate(wing);
    double base = B.price(OptionType.PUT, f, 40000, t, sigma);
    // Short one put: the loss is the rise of its value.
    double extreme = B.price(OptionType.PUT, f * 0.7, 40000, t - DAY, sigma) - base;
    double inRange = B.price(OptionType.PUT, f * 0.85, 40000, t - DAY, sigma + 0.10) - base;
    assertThat(w.worstScenario().number()).isEqualTo(16);
    assertThat(w.scanRisk()).isCloseTo(0.35 * extreme, within(1e-9));
    assertThat(0.35 * extreme).isGreaterThan(inRange);
  }

  @Test
  void shortOptionMinimumBindsForFarOutOfTheMoneyShorts() {
    // 3 short calls at twice the forward, 18 days: every scenario loss is tiny; SOM 0.1 × 0.15 × 3 = 0.045 coin.
    Instrument call = Instrument.parse("BTC-20JUN25-120000-C");
    PmBook book = PmBook.of(60000, List.of(call), new double[] {-3}, new double[] {60000}, new double[] {0.5},
        new double[] {18 * DAY});
    SpanParameters p = params(0.15, 0.10, 0.10);
    SpanGroupResult r = model(p).evaluate(book);
    assertThat(r.scanRisk()).isLessThan(0.001);
    assertThat(r.shortOptionMinimum()).isCloseTo(0.045, within(1e-15));
    assertThat(r.shortOptionMinimumBinds()).isTrue();
    assertThat(r.maintenanceMargin()).isCloseTo(0.045, within(1e-15));
    assertThat(r.initialMargin()).isCloseTo(1.1 * 0.045, within(1e-15));
    assertThat(r.describe()).startsWith("short-option minimum (3 short option coins;");

    // Linear: the same charge in USDC, times the index.
    Instrument linear = Instrument.parse("BTC_USDC-20JUN25-120000-C");
    PmBook usdc = PmBook.of(60000, List.of(linear), new double[] {-3}, new double[] {60000}, new double[] {0.5},
        new double[] {18 * DAY});
    assertThat(model(p).evaluate(usdc).shortOptionMinimum()).isCloseTo(0.045 * 60000, within(1e-9));

    // Long options are not counted.
    PmBook longs = PmBook.of(60000, List.of(call), new double[] {3}, new double[] {60000}, new double[] {0.5},
        new double[] {18 * DAY});
    assertThat(model(p).evaluate(longs).shortOptionMinimum()).isEqualTo(0.0);
  }

  @Test
  void relativeVolScanAndExpiryWithinTheLookAhead() {
    Instrument put = Instrument.parse("BTC-26SEP25-58000-P");
    double f = 60000;
    PmBook book = PmBook.of(60000, List.of(put), new double[] {1}, new double[] {f}, new double[] {0.5},
        new double[] {0.2});
    SpanParameters rel = new SpanParameters(0.12, 0.25, VolScanType.RELATIVE, 2, 0.35, 0, 1, 1, "test");
    SpanGroupResult r = model(rel).evaluate(book);
    double base = B.price(OptionType.PUT, f, 58000, 0.2, 0.5) / f;
    assertThat(r.scenarioPnl(0)[0]).isCloseTo(B.price(OptionType.PUT, f, 58000, 0.2 - DAY, 0.625) / f - base,
        within(1e-14));
    assertThat(r.scenarioPnl(0)[1]).isCloseTo(B.price(OptionType.PUT, f, 58000, 0.2 - DAY, 0.375) / f - base,
        within(1e-14));

    // Twelve hours left, one day of look-ahead: every scenario values the put at intrinsic.
    PmBook expiring = PmBook.of(60000, List.of(put), new double[] {1}, new double[] {f}, new double[] {0.5},
        new double[] {0.5 * DAY});
    SpanGroupResult e = model(rel).evaluate(expiring);
    double base2 = B.price(OptionType.PUT, f, 58000, 0.5 * DAY, 0.5) / f;
    for (int s = 0; s < 16; s++) {
      double fx = f * (1 + TABLE[s][0] * 0.12);
      assertThat(e.scenarioPnl(0)[s]).as("scenario %d", s + 1)
          .isCloseTo(Math.max(58000 - fx, 0) / fx - base2, within(1e-14));
    }
  }

  @Test
  void zeroBookNeedsZeroMargin() {
    var market = DemoBook.market(DemoBook.DEFAULT_SEED, DemoBook.DEFAULT_VALUATION, 0, 0);
    SpanMargin m = model(params(0.15, 0.10, 0.1));
    MarginResult empty = m.margin(Portfolio.of("empty", List.of()), market);
    assertThat(empty.currencies()).isEmpty();
    assertThat(empty.initialMarginUsd()).isEqualTo(0.0);
    assertThat(empty.maintenanceMarginUsd()).isEqualTo(0.0);
    assertThat(empty.drivingScenario()).isEqualTo("none");
    // Offsetting positions: net quantity 0 on every instrument.
    var demo = DemoBook.generate(DemoBook.DEFAULT_SEED, 10);
    String name = demo.portfolio().position(0).instrument().name();
    MarginResult flat = m.margin(Portfolio.of("flat", List.of(Position.of(name, 2.5), Position.of(name, -2.5))),
        demo.market());
    assertThat(flat.currencies()).isEmpty();
    assertThat(flat.initialMarginUsd()).isEqualTo(0.0);
  }

  @Test
  void wholeBookSumsGroupsPerCurrency() {
    DemoBook demo = DemoBook.generate(DemoBook.DEFAULT_SEED, 200);
    PortfolioValuation v = PortfolioValuer.DEFAULT.withPricer(BatchPricers.scalar()).value(demo.portfolio(),
        demo.market());
    SpanMargin m = model(params(0.15, 0.10, 0.1));
    List<SpanGroupResult> groups = m.evaluate(v);
    MarginResult r = m.margin(v);
    assertThat(r.model()).isEqualTo("span");
    assertThat(groups).isNotEmpty();
    double usd = 0;
    for (SpanGroupResult g : groups) {
      CurrencyMargin c = r.currency(g.currency());
      assertThat(g.initialMargin()).isCloseTo(1.1 * Math.max(g.scanRisk(), g.shortOptionMinimum()), within(1e-12));
      usd += g.initialMargin() * g.book().usdPerUnit();
      assertThat(c.initialMargin()).isGreaterThanOrEqualTo(g.initialMargin());
    }
    assertThat(r.initialMarginUsd()).isCloseTo(usd, within(1e-6));
    assertThat(r.initialMarginUsd()).isGreaterThan(r.maintenanceMarginUsd()).isGreaterThan(0);
    assertThat(r.drivingScenario()).contains("of 16");
    assertThat(r.instruments()).hasSize(groups.stream().mapToInt(g -> g.book().size()).sum());
  }

  @Test
  void invalidParametersAreNamed() {
    assertThatThrownBy(() -> params(1.2, 0.1, 0)).hasMessageContaining("price scan range")
        .hasMessageContaining("1.2");
    assertThatThrownBy(() -> new SpanParameters(0.4, 0.1, VolScanType.ABSOLUTE, 3, 0.35, 0, 1, 1, "x"))
        .hasMessageContaining("extreme move");
    assertThatThrownBy(() -> new SpanParameters(0.1, 0.1, VolScanType.ABSOLUTE, 2, 0, 0, 1, 1, "x"))
        .hasMessageContaining("cover fraction");
    assertThatThrownBy(() -> new SpanParameters(0.1, -0.1, VolScanType.ABSOLUTE, 2, 0.35, 0, 1, 1, "x"))
        .hasMessageContaining("vol scan range");
    assertThatThrownBy(() -> new SpanParameters(0.1, 0.1, VolScanType.ABSOLUTE, 2, 0.35, 0, 1, 0.9, "x"))
        .hasMessageContaining("initial/maintenance");
  }
}
