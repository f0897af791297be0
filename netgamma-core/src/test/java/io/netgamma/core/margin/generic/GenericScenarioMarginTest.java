package io.netgamma.core.margin.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.OptionType;
import io.netgamma.core.margin.MarginResult;
import io.netgamma.core.margin.pm.PmBook;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.core.portfolio.PortfolioValuation;
import io.netgamma.core.portfolio.PortfolioValuer;
import io.netgamma.core.pricing.BatchPricers;
import io.netgamma.core.pricing.Black76;
import io.netgamma.core.sim.book.DemoBook;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generic scenario model on hand-computed books: scenarios, weights, contingencies, minimum delta, factors. */
class GenericScenarioMarginTest {

  static final Black76 B = Black76.DEFAULT;
  static final double DAY = 1.0 / 365;

  static final List<GenericScenario> SCENARIOS = List.of(
      new GenericScenario(0.10, 0.40, 1), new GenericScenario(0.10, -0.22, 1), new GenericScenario(-0.10, 0.40, 1),
      new GenericScenario(0, -0.22, 1), new GenericScenario(0.50, 0.40, 0.32), new GenericScenario(-0.66, 0.40, 0.24));

  static GenericMarginParameters paradexLike() {
    return new GenericMarginParameters("test-pm", "hand", SCENARIOS, 30, 1, 0.30, 0.13, 0.03, 0.02, 0.02, 0.01, 1.0,
        0.5);
  }

  static GenericScenarioMargin model(GenericMarginParameters p) {
    return GenericScenarioMargin.of(p).withPricer(BatchPricers.scalar());
  }

  @Test
  void volShockTermScaling() {
    GenericMarginParameters p = paradexLike();
    assertThat(p.volMultiplier(10 * DAY)).isCloseTo(Math.pow(3, 0.30), within(1e-15));
    assertThat(p.volMultiplier(60 * DAY)).isCloseTo(Math.pow(0.5, 0.13), within(1e-15));
    assertThat(p.volMultiplier(30 * DAY)).isCloseTo(1.0, within(1e-15));
    // Six hours to expiry: the DTE floor of 1 day caps the scaling at 30^0.3.
    assertThat(p.volMultiplier(0.25 * DAY)).isCloseTo(Math.pow(30, 0.30), within(1e-15));
  }

  /** Long 1 linear perpetual, short 5 linear calls (20 days): Paradex's example shape, in USDC. */
  @Test
  void handBookScenarioByScenario() {
    double index = 70000;
    double fPerp = 70010;
    double f = 70400;
    double k = 75000;
    double sigma = 0.55;
    double t = 20 * DAY;
    Instrument perp = Instrument.parse("BTC_USDC-PERPETUAL");
    Instrument call = Instrument.parse("BTC_USDC-26SEP25-75000-C");
    PmBook book = PmBook.of(index, List.of(perp, call), new double[] {1, -5}, new double[] {fPerp, f},
        new double[] {0, sigma}, new double[] {0, t});
    GenericGroupResult r = model(paradexLike()).evaluate(book);

    double base = B.price(OptionType.CALL, f, k, t, sigma);
    double w = Math.pow(30.0 / 20, 0.30);
    double worstLoss = 0;
    int worst = -1;
    for (int s = 0; s < SCENARIOS.size(); s++) {
      GenericScenario sc = SCENARIOS.get(s);
      double perpPnl = fPerp * sc.spotShock();
      double callPnl = -5 * (B.price(OptionType.CALL, f * (1 + sc.spotShock()), k, t,
          sigma * (1 + sc.volShock() * w)) - base);
      assertThat(r.scenarioPnl(0)[s]).as("perp, scenario %d", s + 1).isCloseTo(perpPnl, within(1e-9));
      assertThat(r.scenarioPnl(1)[s]).as("call, scenario %d", s + 1).isCloseTo(callPnl, within(1e-8));
      double weighted = (perpPnl + callPnl) * sc.weight();
      assertThat(r.weightedPnl()[s]).as("weighted, scenario %d", s + 1).isCloseTo(weighted, within(1e-8));
      if (-weighted > worstLoss) {
        worstLoss = -weighted;
        worst = s;
      }
    }
    assertThat(r.worstScenarioIndex()).isEqualTo(worst);
    // The +50% tail move counted at 32% is the worst for 4 net short calls' worth of upside.
    assertThat(worst).isEqualTo(4);
    assertThat(r.scanRisk()).isCloseTo(worstLoss, within(1e-8));

    // Contingencies: 3% of the index per perpetual coin, 2% per net short option coin at the strike.
    assertThat(r.perpContingency()).isCloseTo(0.03 * 1 * index, within(1e-9));
    assertThat(r.optionContingency()).isCloseTo(0.02 * 5 * index, within(1e-9));
    // Minimum delta (Paradex): (2%·|net| + 1%·hedged)·index, hedged = (gross − |net|)/2.
    double delta = B.greeks(OptionType.CALL, f, k, t, sigma).delta();
    double net = 1 - 5 * delta;
    double gross = 1 + 5 * delta;
    double hedged = (gross - Math.abs(net)) / 2;
    assertThat(r.netDelta()).isCloseTo(net, within(1e-12));
    assertThat(r.hedgedDelta()).isCloseTo(hedged, within(1e-12));
    assertThat(r.minimumDelta()).isCloseTo((0.02 * Math.abs(net) + 0.01 * hedged) * index, within(1e-8));
    assertThat(r.minimumDeltaBinds()).isFalse();
    double requirement = worstLoss + 0.03 * index + 0.02 * 5 * index;
    assertThat(r.requirement()).isCloseTo(requirement, within(1e-8));
    assertThat(r.initialMargin()).isCloseTo(requirement, within(1e-8));
    assertThat(r.maintenanceMargin()).isCloseTo(0.5 * requirement, within(1e-8));
    assertThat(r.describe()).isEqualTo("scenario 5 of 6 (spot +50.00%, vol +40.00%, weight 0.32)");
  }

  @Test
  void optionContingencyNetsCallsAndPutsPerStrike() {
    // Inverse, coin: short 2 calls and long 1 put at 60,000 net to 1 short; short 1 put at 50,000: 2 coins net short.
    Instrument c60 = Instrument.parse("BTC-26SEP25-60000-C");
    Instrument p60 = Instrument.parse("BTC-26SEP25-60000-P");
    Instrument p50 = Instrument.parse("BTC-26SEP25-50000-P");
    Instrument p50dec = Instrument.parse("BTC-26DEC25-50000-P");
    double[] f = {60000, 60000, 60000, 61000};
    double[] vol = {0.5, 0.5, 0.55, 0.55};
    double[] t = {0.3, 0.3, 0.3, 0.55};
    PmBook book = PmBook.of(60000, List.of(c60, p60, p50, p50dec), new double[] {-2, 1, -1, 3}, f, vol, t);
    GenericGroupResult r = model(paradexLike()).evaluate(book);
    // The long December put does not offset the short September one: strikes are netted per expiry.
    assertThat(r.optionContingency()).isCloseTo(0.02 * 2, within(1e-15));
    assertThat(r.perpContingency()).isEqualTo(0.0);
  }

  @Test
  void minimumDeltaBindsOnAHedgedBookWithSmallScenarios() {
    // Long 1 perpetual, short 1 future: no net delta, hedged delta 1; scenarios of ±0.5% lose at most 3.5 USDC.
    GenericMarginParameters p = new GenericMarginParameters("small", "hand",
        List.of(new GenericScenario(0.005, 0, 1), new GenericScenario(-0.005, 0, 1)), 30, 1, 0.3, 0.13, 0, 0, 0.02,
        0.01, 1.2, 0.6);
    PmBook book = PmBook.of(70000, List.of(Instrument.parse("BTC_USDC-PERPETUAL"),
        Instrument.parse("BTC_USDC-26SEP25")), new double[] {1, -1}, new double[] {70000, 70700},
        new double[] {0, 0}, new double[] {0, 0.3});
    GenericGroupResult r = model(p).evaluate(book);
    assertThat(r.scanRisk()).isCloseTo(0.005 * 700, within(1e-9));
    assertThat(r.netDelta()).isEqualTo(0.0);
    assertThat(r.hedgedDelta()).isEqualTo(1.0);
    assertThat(r.minimumDelta()).isCloseTo(0.01 * 70000, within(1e-9));
    assertThat(r.minimumDeltaBinds()).isTrue();
    assertThat(r.initialMargin()).isCloseTo(1.2 * 700, within(1e-9));
    assertThat(r.maintenanceMargin()).isCloseTo(0.6 * 700, within(1e-9));
    assertThat(r.describe()).startsWith("minimum delta (net 0, hedged 1 coins; scan risk 3.5 USDC in scenario 1 of 2");
  }

  @Test
  void wholeBookAndZeroBook() {
    DemoBook demo = DemoBook.generate(DemoBook.DEFAULT_SEED, 120);
    PortfolioValuation v = PortfolioValuer.DEFAULT.withPricer(BatchPricers.scalar()).value(demo.portfolio(),
        demo.market());
    GenericScenarioMargin m = model(paradexLike());
    MarginResult r = m.margin(v);
    assertThat(r.model()).isEqualTo("test-pm");
    double usd = 0;
    for (GenericGroupResult g : m.evaluate(v)) {
      usd += g.initialMargin() * g.book().usdPerUnit();
      assertThat(g.maintenanceMargin()).isCloseTo(0.5 * g.initialMargin(), within(1e-12));
    }
    assertThat(r.initialMarginUsd()).isCloseTo(usd, within(1e-6)).isGreaterThan(0);
    assertThat(r.maintenanceMarginUsd()).isCloseTo(0.5 * usd, within(1e-6));

    MarginResult empty = m.margin(Portfolio.of("empty", List.of()), demo.market());
    assertThat(empty.currencies()).isEmpty();
    assertThat(empty.initialMarginUsd()).isEqualTo(0.0);
    assertThat(empty.drivingInstrument()).isEqualTo("none");
  }

  @Test
  void invalidParametersAreNamed() {
    assertThatThrownBy(() -> new GenericScenario(-1.0, 0, 1)).hasMessageContaining("spot_shock")
        .hasMessageContaining("-1.0");
    assertThatThrownBy(() -> new GenericScenario(0.1, 0, 1.5)).hasMessageContaining("weight")
        .hasMessageContaining("1.5");
    assertThatThrownBy(() -> new GenericMarginParameters("x", "y", List.of(), 30, 1, 0.3, 0.13, 0, 0, 0, 0, 1, 1))
        .hasMessageContaining("at least one scenario");
    assertThatThrownBy(() -> new GenericMarginParameters("x", "y", SCENARIOS, 30, 1, 0.3, 0.13, 0, 0, 0, 0, 1, 1.5))
        .hasMessageContaining("mm_factor").hasMessageContaining("1.5");
    assertThatThrownBy(() -> new GenericMarginParameters("x", "y", SCENARIOS, 30, 1, 0.3, 0.13, -0.1, 0, 0, 0, 1, 1))
        .hasMessageContaining("perp_contingency");
  }
}
