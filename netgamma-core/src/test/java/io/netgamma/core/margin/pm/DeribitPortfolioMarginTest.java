package io.netgamma.core.margin.pm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.base.MissingMarketDataException;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.OptionType;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.pricing.Black76;
import io.netgamma.core.pricing.BatchPricers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Deribit portfolio margin against the two public {@code private/pme/simulate} responses, transcribed (example A:
 * Deribit's API documentation, BTC, 2024-06-17; example B: a published real ETH response, 2026-02-15), and the
 * option scenarios against direct Black-76 revaluation.
 */
class DeribitPortfolioMarginTest {

  static final double TOL = 1e-9;
  static final Black76 B = Black76.DEFAULT;

  static PmParameters btcParams() {
    return new PmParameters(
        Map.of("btc_usd", new PairParameters(0.16, 0.5, 0.25, 0.5, 0.3, 0.13, 1, 0.1, 20_000_000, 5e-5)),
        Map.of("btc", new CurrencyParameters(0, 0, 0.075, 0.01, 100_000, 0, "both", false),
            "usd", new CurrencyParameters(0, 0, 0.1, 0.01, 25_000, 0, "none", false)),
        0.8, 4, 3, 1718619740501L, "example A");
  }

  static PmParameters ethParams() {
    return new PmParameters(
        Map.of("eth_usd", new PairParameters(0.18, 0.4, 0.25, 0.5, 0.3, 0.13, 1, 0.1, 20_000_000, 4e-6)),
        Map.of("eth", new CurrencyParameters(0.6, 20_000_000, 0.05, 0.005, 200_000, 0, "both", false),
            "usd", new CurrencyParameters(0.4, 1_000_000, 0.1, 0.01, 25_000, 0, "none", false)),
        0.8, 4, 3, 1771197609587L, "example B");
  }

  static PmGroupResult exampleA() {
    Instant now = Instant.ofEpochMilli(1718619740501L);
    Instrument perp = Instrument.parse("BTC-PERPETUAL");
    Instrument fut = Instrument.parse("BTC-28JUN24");
    double tFut = YearFraction.act365(now, fut.expiry());
    return DeribitPortfolioMargin.of(btcParams()).riskMatrix(PmBook.of(65666.19, List.of(perp, fut),
        new double[] {0.314538364, -0.001187534}, new double[] {65910.57, 67371.75}, new double[2],
        new double[] {0, tFut}));
  }

  static PmGroupResult exampleB() {
    return DeribitPortfolioMargin.of(ethParams()).riskMatrix(PmBook.of(1949.34,
        List.of(Instrument.parse("ETH-PERPETUAL")), new double[] {-0.999487053}, new double[] {1949.49},
        new double[1], new double[1]));
  }

  static void assertTriples(double[] vector27, double[] perBucket) {
    assertThat(vector27).hasSize(27);
    for (int b = 0; b < 9; b++) {
      for (int v = 0; v < 3; v++) {
        assertThat(vector27[3 * b + v]).as("bucket %d vol %d", b + 1, v).isCloseTo(perBucket[b], within(TOL));
      }
    }
  }

  static void assertVector(double[] actual, double[] expected) {
    assertThat(actual).hasSize(expected.length);
    for (int k = 0; k < expected.length; k++) {
      assertThat(actual[k]).as("entry %d", k).isCloseTo(expected[k], within(TOL));
    }
  }

  @Test
  void exampleAPerInstrumentVectors() {
    PmGroupResult r = exampleA();
    assertTriples(r.standard(0), new double[] {-0.05991206933333334, -0.04289159509090909, -0.027351162086956524,
        -0.013105765166666668, 0, 0.012097629384615385, 0.023299138074074074, 0.033700538999999995,
        0.043384601931034494});
    assertVector(r.extended(0), new double[] {-0.05991206933333334, -0.05991206933333334, 0.04338460193103449,
        0.04338460193103449, 0.04338460193103449, 0.04338460193103449, 0.04338460193103449, 0.04338460193103449});
    assertTriples(r.standard(1), new double[] {0.0002261969523809524, 0.00016193645454545456,
        0.00010326382608695652, 4.948058333333334e-05, 0, -4.567438461538462e-05, -8.796548148148148e-05,
        -0.0001272357857142857, -0.00016379779310344832});
    assertVector(r.extended(1), new double[] {0.0002261969523809524, 0.0002261969523809524,
        -0.0001637977931034483, -0.0001637977931034483, -0.0001637977931034483, -0.0001637977931034483,
        -0.0001637977931034483, -0.0001637977931034483});
  }

  @Test
  void exampleAAggregatesAndMargins() {
    PmGroupResult r = exampleA();
    assertTriples(r.aggregatedStandard(), new double[] {-0.05968587238095239, -0.04272965863636364,
        -0.02724789826086957, -0.013056284583333334, 0, 0, 0, 0, 0});
    assertVector(r.aggregatedExtended(), new double[8]);
    assertThat(r.worstCase()).isCloseTo(0.05968587238095239, within(TOL));
    assertThat(r.worstScenario()).isEqualTo(new WorstScenario("standard", 1, 1, "left", -0.16, "same"));
    assertThat(r.deltaShock()).isEqualTo(0.0);
    assertThat(r.rollShock()).isCloseTo(0.00315725898, within(TOL));
    assertThat(r.riskMatrixMargin()).isCloseTo(0.06284313098, within(TOL));
    assertThat(r.maintenanceMargin()).isCloseTo(0.050274504784, within(TOL));
    // Deribit's initial_margin 0.122861343 adds the account's MMP (0.06) and open-order (1.8212e-5) margins.
    assertThat(r.initialMargin() + 0.06 + 1.8212e-05).isCloseTo(0.122861343, within(TOL));
  }

  @Test
  void exampleBAggregatesAndMargins() {
    PmGroupResult r = exampleB();
    double[] pre = {0.21939959699999997, 0.155989308849711, 0.09885036787912087, 0.04709624857068063, 0,
        -0.04304011233014354, -0.08252645391743119, -0.11888171996035243, -0.15246412672881357};
    assertTriples(r.standard(0), pre);
    assertTriples(r.preAggregatedStandard(), pre);
    assertVector(r.preAggregatedExtended(), new double[] {0.21939959699999997, 0.21939959699999997,
        -0.15246412672881357, -0.15246412672881357, -0.15246412672881357, -0.15246412672881357,
        -0.15246412672881357, -0.15246412672881357});
    assertTriples(r.aggregatedStandard(), new double[] {0.13163975819999998, 0.09359358530982659,
        0.05931022072747252, 0.028257749142408375, 0, -0.04304011233014354, -0.08252645391743119,
        -0.11888171996035243, -0.15246412672881357});
    assertVector(r.aggregatedExtended(), new double[8]);
    assertThat(r.worstCase()).isCloseTo(0.15246412672881357, within(TOL));
    assertThat(r.worstScenario()).isEqualTo(new WorstScenario("standard", 25, 9, "right", 0.18, "same"));
    assertThat(r.deltaShock()).isEqualTo(0.0);
    assertThat(r.rollShock()).isCloseTo(0.004997435265, within(TOL));
    assertThat(r.riskMatrixMargin()).isCloseTo(0.157461562265, within(TOL));
    assertThat(r.initialMargin()).isCloseTo(0.157461562, within(TOL));
    assertThat(r.maintenanceMargin()).isCloseTo(0.125969249812, within(TOL));
  }

  @Test
  void optionScenariosAreFullBlack76Revaluations() {
    Instant now = Instant.parse("2025-06-02T10:00:00Z");
    Instrument call = Instrument.parse("BTC-27JUN25-110000-C");
    Instrument put = Instrument.parse("BTC-6JUN25-90000-P");
    double tc = YearFraction.act365(now, call.expiry());
    double tp = YearFraction.act365(now, put.expiry());
    double fc = 95400;
    double fp = 95060;
    PmBook book = PmBook.of(95000, List.of(call, put), new double[] {-3, 2}, new double[] {fc, fp},
        new double[] {0.52, 0.58}, new double[] {tc, tp});
    PairParameters pair = btcParams().pair("btc_usd");
    PmGroupResult r = DeribitPortfolioMargin.of(btcParams()).withPricer(BatchPricers.scalar()).riskMatrix(book);
    double[] sc = r.standard(0);
    double[] sp = r.standard(1);
    for (int b = 0; b < 9; b++) {
      double x = 0.16 * (b - 4) / 4.0;
      for (int v = 0; v < 3; v++) {
        double volC = shocked(0.52, tc, v, pair);
        double volP = shocked(0.58, tp, v, pair);
        double expC = -3 * (B.price(OptionType.CALL, fc * (1 + x), 110000, tc, volC) / (fc * (1 + x))
            - B.price(OptionType.CALL, fc, 110000, tc, 0.52) / fc);
        double expP = 2 * (B.price(OptionType.PUT, fp * (1 + x), 90000, tp, volP) / (fp * (1 + x))
            - B.price(OptionType.PUT, fp, 90000, tp, 0.58) / fp);
        assertThat(sc[3 * b + v]).as("call bucket %d vol %d", b, v).isCloseTo(expC, within(1e-12));
        assertThat(sp[3 * b + v]).as("put bucket %d vol %d", b, v).isCloseTo(expP, within(1e-12));
      }
    }
    assertThat(sc[13]).isEqualTo(0.0);
    double[] moves = DeribitPortfolioMargin.extendedMoves();
    double[] ec = r.extended(0);
    for (int k = 0; k < 8; k++) {
      double x = moves[k];
      double volC = shocked(0.52, tc, 0, pair);
      double pnl = -3 * (B.price(OptionType.CALL, fc * (1 + x), 110000, tc, volC) / (fc * (1 + x))
          - B.price(OptionType.CALL, fc, 110000, tc, 0.52) / fc);
      double expected = pnl * 0.16 / Math.abs(x) * (1 + x) / (1 + Math.signum(x) * 0.16);
      assertThat(ec[k]).as("extended %d", k).isCloseTo(expected, within(1e-12));
    }
    // The short call loses most when price and vol rise: the worst case is bucket 9, vol up.
    assertThat(r.worstScenario().bucket()).isEqualTo(9);
    assertThat(r.worstScenario().vol()).isEqualTo("up");
    assertThat(r.rollShock()).isEqualTo(0.0);
    // Inverse options: delta total is the coin-numeraire delta q·(Δ − V/F).
    double dc = -3 * (B.greeks(OptionType.CALL, fc, 110000, tc, 0.52).delta()
        - B.price(OptionType.CALL, fc, 110000, tc, 0.52) / fc);
    double dp = 2 * (B.greeks(OptionType.PUT, fp, 90000, tp, 0.58).delta()
        - B.price(OptionType.PUT, fp, 90000, tp, 0.58) / fp);
    assertThat(r.deltaTotal()).isCloseTo(dc + dp, within(1e-12));
  }

  static double shocked(double sigma, double t, int v, PairParameters p) {
    double dte = 365 * t;
    double w = Math.pow(30 / dte, dte < 30 ? p.shortTermVegaPower() : p.longTermVegaPower());
    return switch (v) {
      case 0 -> Math.max(sigma * (1 + p.volatilityRangeUp() * w), p.minVolatilityForShockUp());
      case 1 -> sigma;
      default -> Math.max(sigma * (1 - p.volatilityRangeDown() * w), DeribitPortfolioMargin.MIN_VOL);
    };
  }

  @Test
  void shockUpFloorAppliesToLowVols() {
    PairParameters p = btcParams().pair("btc_usd");
    // 0.2 × (1 + 0.5 × 1) = 0.3 at 30 days, below the 0.5 floor.
    assertThat(shocked(0.2, 30 / 365.0, 0, p)).isEqualTo(0.5);
    assertThat(shocked(0.8, 30 / 365.0, 0, p)).isCloseTo(1.2, within(1e-15));
    assertThat(shocked(0.8, 30 / 365.0, 2, p)).isCloseTo(0.6, within(1e-15));
  }

  @Test
  void dampenerForgivesSmallExtendedLossesOnly() {
    // A large short perpetual: at +500% the extended loss (edge-converted) exceeds the 100k USD dampener.
    PmGroupResult r = DeribitPortfolioMargin.of(btcParams()).riskMatrix(PmBook.of(60000,
        List.of(Instrument.parse("BTC-PERPETUAL")), new double[] {-100}, new double[] {60000}, new double[1],
        new double[1]));
    double edgeLoss = -100 * 0.16 / 1.16;
    assertThat(r.preAggregatedExtended()[7]).isCloseTo(edgeLoss, within(1e-12));
    assertThat(r.aggregatedExtended()[7]).isCloseTo(edgeLoss + 100_000 / 60000.0, within(1e-12));
    // The standard edge loss is larger than the dampened extended one: it stays the worst case.
    assertThat(r.worstCase()).isCloseTo(-edgeLoss, within(1e-12));
  }

  @Test
  void deltaShockAboveThreshold() {
    // 500 BTC at 60,000 = 30 M USD of delta, 10 M above the 20 M threshold: half of the 10% shock.
    PmGroupResult r = DeribitPortfolioMargin.of(btcParams()).riskMatrix(PmBook.of(60000,
        List.of(Instrument.parse("BTC-PERPETUAL")), new double[] {500}, new double[] {60000}, new double[1],
        new double[1]));
    assertThat(r.deltaTotal()).isEqualTo(500.0);
    assertThat(r.deltaShock()).isCloseTo(500 * 0.1 * 0.5, within(1e-12));
    assertThat(r.riskMatrixMargin()).isCloseTo(r.worstCase() + r.deltaShock() + r.rollShock(), within(1e-15));
  }

  @Test
  void missingPairIsNamed() {
    PmBook eth = PmBook.of(2000, List.of(Instrument.parse("ETH-PERPETUAL")), new double[] {1},
        new double[] {2000}, new double[1], new double[1]);
    assertThatThrownBy(() -> DeribitPortfolioMargin.of(btcParams()).riskMatrix(eth))
        .isInstanceOf(MissingMarketDataException.class).hasMessageContaining("eth_usd")
        .hasMessageContaining("example A");
  }

  @Test
  void mixedGroupsAndBadInputsAreRejected() {
    assertThatThrownBy(() -> PmBook.of(2000, List.of(Instrument.parse("ETH-PERPETUAL"),
        Instrument.parse("BTC-PERPETUAL")), new double[2], new double[] {1, 1}, new double[2], new double[2]))
        .hasMessageContaining("BTC-PERPETUAL is not in the risk group of ETH-PERPETUAL");
    assertThatThrownBy(() -> PmBook.of(2000, List.of(Instrument.parse("ETH-27JUN25-2000-C")), new double[] {1},
        new double[] {2000}, new double[] {Double.NaN}, new double[] {0.1}))
        .hasMessageContaining("ETH-27JUN25-2000-C volatility");
    assertThatThrownBy(() -> new PairParameters(0, 0.5, 0.25, 0.5, 0.3, 0.13, 1, 0.1, 1, 0))
        .hasMessageContaining("price_range");
  }
}
