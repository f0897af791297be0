package io.netgamma.core.margin.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.margin.MarginResult;
import io.netgamma.core.portfolio.PortfolioValuation;
import io.netgamma.core.sim.book.DemoBook;
import io.netgamma.core.portfolio.PortfolioValuer;
import io.netgamma.core.pricing.BatchPricers;
import org.junit.jupiter.api.Test;

/** Deribit standard margin: each published formula on hand-computed cases, and a whole book summed per currency. */
class DeribitStandardMarginTest {

  static final DeribitStandardMargin M = DeribitStandardMargin.DEFAULT;

  @Test
  void shortInverseCall() {
    // F 60,000, K 66,000: OTM 6,000 = 10% of F, so max(0.15 - 0.10, 0.10) = 0.10; mark 0.02 coin.
    double[] m = M.positionMargin(Instrument.parse("BTC-27JUN25-66000-C"), -2, 60000, 0.02);
    assertThat(m[0]).isCloseTo(2 * (0.10 + 0.02), within(1e-15));
    assertThat(m[1]).isCloseTo(2 * (0.075 + 0.02), within(1e-15));
    // K 63,000: OTM 5% -> 0.15 - 0.05 = 0.10 (the floor); K 61,200: OTM 2% -> 0.13; ITM call: 0.15.
    assertThat(M.positionMargin(Instrument.parse("BTC-27JUN25-61200-C"), -1, 60000, 0.03)[0])
        .isCloseTo(0.13 + 0.03, within(1e-15));
    assertThat(M.positionMargin(Instrument.parse("BTC-27JUN25-50000-C"), -1, 60000, 0.18)[0])
        .isCloseTo(0.15 + 0.18, within(1e-15));
  }

  @Test
  void shortInversePut() {
    // F 60,000, K 57,000: OTM 5% -> max(0.10, 0.10) + 0.01; MM max(0.075, 0.075·0.01) + 0.01 = 0.085.
    double[] m = M.positionMargin(Instrument.parse("BTC-27JUN25-57000-P"), -3, 60000, 0.01);
    assertThat(m[0]).isCloseTo(3 * 0.11, within(1e-15));
    assertThat(m[1]).isCloseTo(3 * 0.085, within(1e-15));
    // A put so deep in the money that its mark exceeds 1 coin (F 20,000, K 60,000: mark 2 coin): MM =
    // 0.075·2 + 2 = 2.15 > IM formula 0.15 + 2 = 2.15; equal here; mark 3 -> MM 3.225 > IM 3.15: IM floored at MM.
    double[] deep = M.positionMargin(Instrument.parse("BTC-27JUN25-80000-P"), -1, 20000, 3.0);
    assertThat(deep[1]).isCloseTo(0.075 * 3 + 3, within(1e-15));
    assertThat(deep[0]).isEqualTo(deep[1]);
  }

  @Test
  void longOptionsNeedTheirPremium() {
    double[] m = M.positionMargin(Instrument.parse("BTC-27JUN25-66000-C"), 4, 60000, 0.02);
    assertThat(m[0]).isCloseTo(0.08, within(1e-15));
    assertThat(m[1]).isEqualTo(0.0);
  }

  @Test
  void linearOptionsInUsdc() {
    // BTC_USDC, F 60,000, K 57,000 put, mark 600 USDC: IM max(0.15·60000 − 3000, 0.10·60000) + 600 = 6000 + 600.
    double[] m = M.positionMargin(Instrument.parse("BTC_USDC-27JUN25-57000-P"), -1, 60000, 600);
    assertThat(m[0]).isCloseTo(6000 + 600, within(1e-9));
    assertThat(m[1]).isCloseTo(0.075 * 60000 + 600, within(1e-9));
  }

  @Test
  void futuresGrowWithSize() {
    // Deribit's published example: 25 BTC -> 2% + 25/100·0.5% = 2.125% = 0.53125 BTC; 350 BTC -> 13.125 BTC.
    assertThat(M.positionMargin(Instrument.parse("BTC-PERPETUAL"), 25, 60000, 0)[0]).isCloseTo(0.53125,
        within(1e-12));
    assertThat(M.positionMargin(Instrument.parse("BTC-27JUN25"), -350, 60000, 0)[0]).isCloseTo(13.125,
        within(1e-12));
    assertThat(M.positionMargin(Instrument.parse("BTC-27JUN25"), -350, 60000, 0)[1])
        .isCloseTo(350 * (0.015 + 350 * 5e-5), within(1e-12));
    // Linear: the same fractions of the USDC notional.
    assertThat(M.positionMargin(Instrument.parse("BTC_USDC-PERPETUAL"), 25, 60000, 0)[0])
        .isCloseTo(0.53125 * 60000, within(1e-8));
  }

  @Test
  void bookSumsPerCurrencyAndConvertsToUsd() {
    DemoBook demo = DemoBook.generate(DemoBook.DEFAULT_SEED, 200);
    PortfolioValuation v = PortfolioValuer.DEFAULT.withPricer(BatchPricers.scalar()).value(demo.portfolio(),
        demo.market());
    MarginResult r = M.margin(v);
    assertThat(r.currencies()).extracting(c -> c.currency()).containsExactlyInAnyOrder("BTC", "ETH");
    double usd = 0;
    for (var c : r.currencies()) {
      double im = r.instruments().stream().filter(i -> i.currency().equals(c.currency()))
          .mapToDouble(i -> i.initialMargin()).sum();
      assertThat(c.initialMargin()).isCloseTo(im, within(1e-9 * Math.max(1, im)));
      assertThat(c.usdPerUnit()).isEqualTo(v.indexPrice(c.currency()));
      assertThat(c.maintenanceMargin()).isLessThan(c.initialMargin());
      usd += c.initialMargin() * c.usdPerUnit();
    }
    assertThat(r.initialMarginUsd()).isCloseTo(usd, within(1e-6));
    assertThat(r.instruments()).hasSize(v.instrumentCount());
    assertThat(r.drivingInstrument()).isNotEqualTo("none");
  }
}
