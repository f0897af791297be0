package io.netgamma.core.margin.cross;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.base.MissingMarketDataException;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.margin.CurrencyMargin;
import io.netgamma.core.margin.MarginResult;
import io.netgamma.core.margin.pm.CurrencyParameters;
import io.netgamma.core.margin.pm.DeribitPortfolioMargin;
import io.netgamma.core.margin.pm.PairParameters;
import io.netgamma.core.margin.pm.PmBook;
import io.netgamma.core.margin.pm.PmGroupResult;
import io.netgamma.core.margin.pm.PmParameters;
import io.netgamma.core.portfolio.CollateralValue;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.core.portfolio.PortfolioValuation;
import io.netgamma.core.portfolio.PortfolioValuer;
import io.netgamma.core.portfolio.Position;
import io.netgamma.core.pricing.BatchPricers;
import io.netgamma.core.risk.netting.CorrelationMatrix;
import io.netgamma.core.sim.book.DemoBook;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Cross-asset margin: a two-underlying example by hand on Deribit's two published {@code private/pme/simulate}
 * books (a long BTC perpetual, a short ETH perpetual), the properties of the credit rule (none at ρ &le; 0 or
 * between same-direction groups, monotone in ρ, capped, stress raises margin, |D1 − D2| for perfectly correlated
 * offsets), a one-underlying book equal to portfolio margin bit for bit, desk books on the generated market, and the
 * collateral arithmetic.
 */
class CrossAssetMarginTest {

  static final double TOL = 1e-9;
  static final double BTC_INDEX = 65666.19;
  static final double ETH_INDEX = 1949.34;

  /** Deribit's model_params of the API documentation example (BTC, 2024-06-17), as DeribitPortfolioMarginTest. */
  static PmParameters btcParams() {
    return new PmParameters(
        Map.of("btc_usd", new PairParameters(0.16, 0.5, 0.25, 0.5, 0.3, 0.13, 1, 0.1, 20_000_000, 5e-5)),
        Map.of("btc", new CurrencyParameters(0, 0, 0.075, 0.01, 100_000, 0, "both", false),
            "usd", new CurrencyParameters(0, 0, 0.1, 0.01, 25_000, 0, "none", false)),
        0.8, 4, 3, 1718619740501L, "example A");
  }

  /** Deribit's model_params of the real ETH response (2026-02-15). */
  static PmParameters ethParams() {
    return new PmParameters(
        Map.of("eth_usd", new PairParameters(0.18, 0.4, 0.25, 0.5, 0.3, 0.13, 1, 0.1, 20_000_000, 4e-6)),
        Map.of("eth", new CurrencyParameters(0.6, 20_000_000, 0.05, 0.005, 200_000, 0, "both", false),
            "usd", new CurrencyParameters(0.4, 1_000_000, 0.1, 0.01, 25_000, 0, "none", false)),
        0.8, 4, 3, 1771197609587L, "example B");
  }

  /** A third inverse underlying (for three-group properties): BTC's scenario parameters under another name. */
  static PmParameters solParams() {
    return new PmParameters(
        Map.of("sol_usd", new PairParameters(0.20, 0.5, 0.25, 0.5, 0.3, 0.13, 1, 0.1, 20_000_000, 5e-5)),
        Map.of("sol", new CurrencyParameters(0, 0, 0.075, 0.01, 1_000, 0, "both", false)),
        0.8, 4, 3, 0L, "synthetic SOL");
  }

  static final PmParameters PARAMS = btcParams().merge(ethParams()).merge(solParams());
  static final DeribitPortfolioMargin PM = DeribitPortfolioMargin.of(PARAMS).withPricer(BatchPricers.scalar());
  static final Instant NOW = Instant.ofEpochMilli(1718619740501L);

  /** Example A's book: 0.314538364 BTC-PERPETUAL long, 0.001187534 BTC-28JUN24 short. */
  static PmGroupResult btcExample() {
    Instrument perp = Instrument.parse("BTC-PERPETUAL");
    Instrument fut = Instrument.parse("BTC-28JUN24");
    double tFut = YearFraction.act365(NOW, fut.expiry());
    return PM.riskMatrix(PmBook.of(BTC_INDEX, List.of(perp, fut), new double[] {0.314538364, -0.001187534},
        new double[] {65910.57, 67371.75}, new double[2], new double[] {0, tFut}));
  }

  /** Example B's book: 0.999487053 ETH-PERPETUAL short. */
  static PmGroupResult ethExample() {
    return PM.riskMatrix(PmBook.of(ETH_INDEX, List.of(Instrument.parse("ETH-PERPETUAL")),
        new double[] {-0.999487053}, new double[] {1949.49}, new double[1], new double[1]));
  }

  /** A perpetual of {@code coin} with q coins at the index. */
  static PmGroupResult perp(String coin, double index, double q) {
    return PM.riskMatrix(PmBook.of(index, List.of(Instrument.parse(coin + "-PERPETUAL")), new double[] {q},
        new double[] {index}, new double[1], new double[1]));
  }

  static CrossMarginParameters params(double rho, double stress, double cap) {
    // a constant correlation below -1/2 is not a correlation matrix of three assets: two then
    List<String> coins = rho >= -0.5 ? List.of("BTC", "ETH", "SOL") : List.of("BTC", "ETH");
    return new CrossMarginParameters(CorrelationMatrix.constant(coins, rho), "test", stress,
        cap, CrossMarginParameters.DEFAULT_HAIRCUTS, CrossMarginParameters.DEFAULT_OTHER_HAIRCUT);
  }

  static CrossMarginResult cross(CrossMarginParameters p, PmGroupResult... groups) {
    return CrossAssetMargin.of(PM, p).evaluate(NOW, List.of(groups), CrossCollateral.Account.ofCollateral(List.of()));
  }

  // ------------------------------------------------------------------------------------------ by hand

  @Test
  void deribitsTwoPublishedBooksTogetherByHand() {
    CrossMarginResult r = cross(params(0.8, 0.25, 0.70), btcExample(), ethExample());
    // Deribit's aggregated vectors: BTC loses 0.05968587238095239 BTC at -16% (gains count 0: pnl_offset 0),
    // ETH loses 0.15246412672881357 ETH at +18%; neither loses with no price move.
    double dBtc = 0.05968587238095239;
    double dEth = 0.15246412672881357;
    GroupExposure btc = r.exposures().get(0);
    GroupExposure eth = r.exposures().get(1);
    assertThat(btc.direction()).isEqualTo(-1);
    assertThat(btc.directional()).isCloseTo(dBtc, within(TOL));
    assertThat(btc.drivingScenario()).isEqualTo("price -16.00% (bucket 1), vol same");
    assertThat(eth.direction()).isEqualTo(1);
    assertThat(eth.directional()).isCloseTo(dEth, within(TOL));
    assertThat(eth.drivingScenario()).isEqualTo("price +18.00% (bucket 9), vol same");
    // the non-directional remainder is the roll shock (Deribit's 0.00315725898 BTC and 0.004997435265 ETH)
    assertThat(btc.nonDirectional()).isCloseTo(0.00315725898, within(TOL));
    assertThat(eth.nonDirectional()).isCloseTo(0.004997435265, within(TOL));
    // the joint bound: half the smallest over the 9 buckets (vol makes no difference to futures) of both groups'
    // IM plus their raw P&L, from Deribit's per-instrument vectors
    double[] perpA = {-0.05991206933333334, -0.04289159509090909, -0.027351162086956524, -0.013105765166666668, 0,
        0.012097629384615385, 0.023299138074074074, 0.033700538999999995, 0.043384601931034494};
    double[] futA = {0.0002261969523809524, 0.00016193645454545456, 0.00010326382608695652, 4.948058333333334e-05, 0,
        -4.567438461538462e-05, -8.796548148148148e-05, -0.0001272357857142857, -0.00016379779310344832};
    double[] perpB = {0.21939959699999997, 0.155989308849711, 0.09885036787912087, 0.04709624857068063, 0,
        -0.04304011233014354, -0.08252645391743119, -0.11888171996035243, -0.15246412672881357};
    double imA = dBtc + 0.00315725898;
    double imB = dEth + 0.004997435265;
    double joint = Double.POSITIVE_INFINITY;
    for (int b = 0; b < 9; b++) {
      joint = Math.min(joint, (imA + perpA[b] + futA[b]) * BTC_INDEX + (imB + perpB[b]) * ETH_INDEX);
    }
    joint /= 2;
    double m = Math.min(Math.min(dBtc * BTC_INDEX, dEth * ETH_INDEX), joint);
    assertThat(m).isEqualTo(dEth * ETH_INDEX); // ETH's 297.2 USD is the smaller leg; the joint bound is 471
    double rate = 0.8 * (1 - 0.25); // 0.6, under the 0.7 cap
    PairCredit pair = r.pairs().get(0);
    assertThat(pair.pairName()).isEqualTo("BTC/ETH");
    assertThat(pair.correlation()).isEqualTo(0.8);
    assertThat(pair.correlationUsed()).isCloseTo(0.6, within(1e-15));
    assertThat(pair.creditRate()).isCloseTo(rate, within(1e-15));
    assertThat(pair.capBinding()).isFalse();
    assertThat(pair.jointBoundUsd()).isCloseTo(joint, within(TOL));
    assertThat(pair.jointScenario()).isEqualTo("BTC bucket 1 (-16.00%), vol up; ETH bucket 1 (-18.00%), vol up");
    assertThat(pair.offsetUsd()).isCloseTo(m, within(TOL));
    assertThat(pair.creditUsd()).isCloseTo(2 * rate * m, within(TOL));
    assertThat(r.creditUsd()).isCloseTo(2 * rate * m, within(TOL));
    // each group gets half, in its own coin
    double imBtc = imA - rate * m / BTC_INDEX;
    double imEth = imB - rate * m / ETH_INDEX;
    assertThat(r.margin().currency("BTC").initialMargin()).isCloseTo(imBtc, within(TOL));
    assertThat(r.margin().currency("ETH").initialMargin()).isCloseTo(imEth, within(TOL));
    assertThat(r.margin().currency("ETH").initialMargin()).isCloseTo(0.4 * dEth + 0.004997435265, within(TOL));
    assertThat(r.margin().currency("BTC").maintenanceMargin()).isCloseTo(0.8 * imBtc, within(TOL));
    assertThat(r.margin().currency("ETH").maintenanceMargin()).isCloseTo(0.8 * imEth, within(TOL));
    double before = imA * BTC_INDEX + imB * ETH_INDEX;
    assertThat(r.initialMarginBeforeUsd()).isCloseTo(before, within(1e-6));
    assertThat(r.initialMarginUsd()).isCloseTo(before - 2 * rate * m, within(1e-6));
    assertThat(r.margin().currency("ETH").driver()).contains("less a cross-asset credit");
    assertThat(r.margin().model()).isEqualTo(CrossAssetMargin.NAME);
  }

  // ------------------------------------------------------------------------------------------ properties

  @Test
  void noCreditAtZeroOrNegativeCorrelation() {
    for (double rho : new double[] {0.0, -0.3, -1.0}) {
      CrossMarginResult r = cross(params(rho, 0.25, 0.7), btcExample(), ethExample());
      assertThat(r.creditUsd()).as("rho %s", rho).isZero();
      assertThat(r.pairs().get(0).creditUsd()).isZero();
      assertThat(r.pairs().get(0).reason()).contains("gives no credit");
      assertThat(r.initialMarginUsd()).isEqualTo(r.initialMarginBeforeUsd());
    }
    // and a stress of 100% removes every credit
    assertThat(cross(params(0.9, 1.0, 0.7), btcExample(), ethExample()).creditUsd()).isZero();
  }

  @Test
  void noCreditBetweenSameDirectionExposures() {
    CrossMarginResult longs = cross(params(0.99, 0, 1), perp("BTC", 60000, 2), perp("ETH", 3000, 40));
    assertThat(longs.exposures()).extracting(GroupExposure::direction).containsExactly(-1, -1);
    assertThat(longs.creditUsd()).isZero();
    assertThat(longs.pairs().get(0).reason()).contains("same direction");
    CrossMarginResult shorts = cross(params(0.99, 0, 1), perp("BTC", 60000, -2), perp("ETH", 3000, -40));
    assertThat(shorts.exposures()).extracting(GroupExposure::direction).containsExactly(1, 1);
    assertThat(shorts.creditUsd()).isZero();
  }

  @Test
  void creditGrowsWithCorrelationAndNeverExceedsTheCap() {
    double last = -1;
    double m = Double.NaN;
    for (int k = -10; k <= 10; k++) {
      double rho = k / 10.0;
      CrossMarginResult r = cross(params(rho, 0.25, 0.5), btcExample(), ethExample());
      PairCredit p = r.pairs().get(0);
      assertThat(r.creditUsd()).as("rho %s", rho).isGreaterThanOrEqualTo(last);
      assertThat(p.creditRate()).isLessThanOrEqualTo(0.5);
      assertThat(r.creditUsd()).isLessThanOrEqualTo(0.5 * 2 * p.offsetUsd() + 1e-12);
      if (p.hasCredit()) {
        m = p.offsetUsd();
      }
      // the cap binds from rho (1 - 0.25) > 0.5, i.e. rho > 2/3
      assertThat(p.capBinding()).isEqualTo(rho * 0.75 > 0.5);
      last = r.creditUsd();
    }
    assertThat(last).isCloseTo(0.5 * 2 * m, within(TOL));
  }

  @Test
  void capBindsAtPerfectCorrelation() {
    CrossMarginResult r = cross(params(1.0, 0.0, 0.7), btcExample(), ethExample());
    PairCredit p = r.pairs().get(0);
    assertThat(p.capBinding()).isTrue();
    assertThat(r.capBinding()).isTrue();
    assertThat(p.creditRate()).isEqualTo(0.7);
    assertThat(p.creditUsd()).isCloseTo(0.7 * 2 * p.offsetUsd(), within(TOL));
    assertThat(p.reason()).contains("capped");
  }

  @Test
  void stressRaisesMargin() {
    double previous = 0;
    for (double stress : new double[] {0.0, 0.1, 0.25, 0.5, 0.75, 1.0}) {
      double im = cross(params(0.8, stress, 1.0), btcExample(), ethExample()).initialMarginUsd();
      assertThat(im).as("stress %s", stress).isGreaterThan(previous);
      previous = im;
    }
    assertThat(previous).isEqualTo(cross(params(0.0, 0.0, 1.0), btcExample(), ethExample()).initialMarginUsd());
  }

  @Test
  void perfectlyCorrelatedOppositeFuturesLeaveTheDifferenceBeforeTheCap() {
    // long 3 BTC against short ETH worth 80% of it (same 16%/18% ranges as the parameters give)
    PmGroupResult btc = perp("BTC", 60000, 3);
    PmGroupResult eth = perp("ETH", 3000, -48);
    CrossMarginResult r = cross(params(1.0, 0.0, 1.0), btc, eth);
    GroupExposure a = r.exposures().get(0);
    GroupExposure b = r.exposures().get(1);
    double da = a.directionalUsd();
    double db = b.directionalUsd();
    double nonDirectional = a.nonDirectional() * a.usdPerUnit() + b.nonDirectional() * b.usdPerUnit();
    assertThat(r.initialMarginUsd()).isCloseTo(nonDirectional + Math.abs(da - db), within(1e-9 * da));
    assertThat(r.pairs().get(0).jointBoundUsd()).isGreaterThan(db);
    // and the other way round: short BTC against a larger long ETH
    CrossMarginResult r2 = cross(params(1.0, 0.0, 1.0), perp("BTC", 60000, -2), perp("ETH", 3000, 48));
    double da2 = r2.exposures().get(0).directionalUsd();
    double db2 = r2.exposures().get(1).directionalUsd();
    assertThat(da2).isLessThan(db2);
    double nd2 = r2.exposures().get(0).nonDirectional() * 60000 + r2.exposures().get(1).nonDirectional() * 3000;
    assertThat(r2.initialMarginUsd()).isCloseTo(nd2 + db2 - da2, within(1e-9 * db2));
    // a long inverse perpetual against a larger short: in coin it gains less on the way up (x/(1+x)) than it
    // loses on the way down, and the joint bound keeps what the +16% scenario needs
    CrossMarginResult r3 = cross(params(1.0, 0.0, 1.0), perp("BTC", 60000, 1), eth);
    PairCredit p3 = r3.pairs().get(0);
    assertThat(p3.offsetUsd()).isEqualTo(p3.jointBoundUsd()).isLessThan(p3.firstDirectionalUsd());
    assertCoversEveryJointScenario(r3);
  }

  /** With rate 1 (ρ = 1, no stress, no cap) the margin after the credit covers every joint standard scenario. */
  static void assertCoversEveryJointScenario(CrossMarginResult r) {
    int ns = r.exposures().get(0).scenarioCount();
    for (int k = 0; k < ns; k++) {
      double loss = 0;
      for (GroupExposure e : r.exposures()) {
        loss -= e.scenarioPnlUsd(k);
      }
      assertThat(r.initialMarginUsd()).as("scenario %d", k).isGreaterThanOrEqualTo(loss - 1e-9 * Math.abs(loss));
    }
  }

  @Test
  void theOffsetIsTheSmallestOfBothRequirementsAndTheJointBound() {
    CrossMarginResult r = cross(params(1.0, 0.0, 1.0), perp("BTC", 60000, 3), perp("ETH", 3000, -0.5));
    PairCredit p = r.pairs().get(0);
    assertThat(p.offsetUsd()).isEqualTo(Math.min(Math.min(p.firstDirectionalUsd(), p.secondDirectionalUsd()),
        p.jointBoundUsd()));
    assertThat(p.offsetUsd()).isCloseTo(r.exposures().get(1).directionalUsd(), within(TOL));
    assertCoversEveryJointScenario(r);
  }

  @Test
  void theJointBoundByHandOnAnOptionsBook() {
    // long BTC against short out-of-the-money ETH calls (which lose a lot when ETH rises and gain only part of
    // their premium when it falls)
    DemoBook demo = DemoBook.generate(DemoBook.DEFAULT_SEED, DemoBook.DEFAULT_POSITIONS);
    Instrument call = demo.market().quotes().stream().map(q -> q.instrument())
        .filter(i -> i.isOption() && i.underlying().equals("ETH") && i.optionType().sign() > 0
            && i.strike() >= 4000 && YearFraction.act365(demo.market().timestamp(), i.expiry()) > 0.1)
        .findFirst().orElseThrow();
    Portfolio book = Portfolio.of("long BTC, short ETH calls", List.of(Position.of("BTC-PERPETUAL", 30),
        Position.of(call, -300)));
    PortfolioValuation v = PortfolioValuer.DEFAULT.withPricer(BatchPricers.scalar()).value(book, demo.market());
    CrossMarginResult r = CrossAssetMargin.of(PM, CrossMarginParameters.defaults(List.of("BTC", "ETH"))
        .withStress(0).withCreditCap(1)).evaluate(v);
    GroupExposure btc = r.exposures().get(0);
    GroupExposure eth = r.exposures().get(1);
    assertThat(btc.direction()).isEqualTo(-1);
    assertThat(eth.direction()).isEqualTo(1);
    PairCredit p = r.pairs().get(0);
    assertThat(p.offsetUsd()).isPositive().isEqualTo(Math.min(Math.min(btc.directionalUsd(), eth.directionalUsd()),
        p.jointBoundUsd()));
    // the bound by hand from the two groups' raw vectors
    double joint = Double.POSITIVE_INFINITY;
    double[] pb = r.groups().get(0).preAggregatedStandard();
    double[] pe = r.groups().get(1).preAggregatedStandard();
    for (int k = 0; k < pb.length; k++) {
      joint = Math.min(joint, (r.groups().get(0).initialMargin() + pb[k]) * v.indexPrice("BTC")
          + (r.groups().get(1).initialMargin() + pe[k]) * v.indexPrice("ETH"));
    }
    assertThat(p.jointBoundUsd()).isCloseTo(joint / 2, within(1e-9 * joint));
    assertThat(p.creditUsd()).isCloseTo(0.8 * 2 * p.offsetUsd(), within(1e-9 * joint));
    // at rate 1 the bound is what keeps every joint scenario covered
    CrossMarginResult full = CrossAssetMargin.of(PM, new CrossMarginParameters(CorrelationMatrix.constant(
        List.of("BTC", "ETH"), 1.0), "test", 0, 1, Map.of(), 0)).evaluate(v);
    assertCoversEveryJointScenario(full);
  }

  @Test
  void creditIsMonotoneInEachCorrelationWithThreeUnderlyings() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (int trial = 0; trial < 200; trial++) {
      PmGroupResult btc = perp("BTC", 60000, rnd.nextDouble(-5, 5));
      PmGroupResult eth = perp("ETH", 3000, rnd.nextDouble(-100, 100));
      PmGroupResult sol = perp("SOL", 150, rnd.nextDouble(-2000, 2000));
      double[] beta = {rnd.nextDouble(-1, 1), rnd.nextDouble(-1, 1), rnd.nextDouble(-1, 1)};
      double base = cross(oneFactor(beta), btc, eth, sol).creditUsd();
      for (int i = 0; i < 3; i++) {
        double[] up = beta.clone();
        up[i] = Math.min(1, beta[i] + 0.2);
        // raising |beta_i| raises every correlation of i when the others' betas share its sign; test only then
        boolean allUp = true;
        for (int j = 0; j < 3; j++) {
          if (j != i && beta[j] * Math.signum(up[i]) < 0) {
            allUp = false;
          }
        }
        if (allUp && beta[i] >= 0) {
          double more = cross(oneFactor(up), btc, eth, sol).creditUsd();
          assertThat(more).as("trial %d beta %s -> %s", trial, beta[i], up[i]).isGreaterThanOrEqualTo(base - 1e-9);
        }
      }
      // at rate 1 the whole book after the credit covers every joint scenario, however many groups
      assertCoversEveryJointScenario(cross(params(1.0, 0.0, 1.0), btc, eth, sol));
      for (PairCredit p : cross(oneFactor(beta), btc, eth, sol).pairs()) {
        assertThat(p.creditUsd()).isLessThanOrEqualTo(p.creditRate() * 2 * p.offsetUsd() + 1e-9);
        if (p.correlation() <= 0 || p.firstDirection() == p.secondDirection()) {
          assertThat(p.creditUsd()).isZero();
        }
      }
    }
  }

  @Test
  void theWholeBookBoundStopsTwoPairsFromSpendingOneGainTwice() {
    // a long BTC perpetual against two short ones (ETH, SOL): BTC's gain when prices rise backs both pairs, but
    // only once; without the whole-book term the second pair would be netted against the same surplus again
    PmGroupResult btc = perp("BTC", 60000, 5);
    PmGroupResult eth = perp("ETH", 3000, -60);
    PmGroupResult sol = perp("SOL", 150, -1200);
    CrossMarginResult r = cross(params(1.0, 0.0, 1.0), btc, eth, sol);
    assertThat(r.pairs().stream().filter(PairCredit::hasCredit).count()).isGreaterThanOrEqualTo(1);
    assertCoversEveryJointScenario(r);
    double offsets = r.pairs().stream().mapToDouble(PairCredit::offsetUsd).sum();
    double bound = Double.POSITIVE_INFINITY;
    for (int k = 0; k < 27; k++) {
      double sum = 0;
      for (GroupExposure e : r.exposures()) {
        sum += e.initialMarginUsd() + e.scenarioPnlUsd(k);
      }
      bound = Math.min(bound, sum / 2);
    }
    assertThat(offsets).isLessThanOrEqualTo(bound + 1e-9);
  }

  static CrossMarginParameters oneFactor(double[] beta) {
    double[][] v = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        v[i][j] = i == j ? 1 : beta[i] * beta[j];
      }
    }
    return new CrossMarginParameters(CorrelationMatrix.of(List.of("BTC", "ETH", "SOL"), v), "one factor", 0.25,
        0.7, Map.of(), 0);
  }

  @Test
  void aMissingCorrelationIsNamed() {
    CrossMarginParameters p = new CrossMarginParameters(CorrelationMatrix.constant(List.of("BTC", "ETH"), 0.8),
        "given", 0.25, 0.7, Map.of(), 0);
    assertThatThrownBy(() -> cross(p, btcExample(), perp("SOL", 150, 10)))
        .isInstanceOf(MissingMarketDataException.class).hasMessageContaining("BTC/SOL").hasMessageContaining("given");
    // one group needs no correlation at all
    assertThat(cross(p, perp("SOL", 150, 10)).pairs()).isEmpty();
  }

  // ------------------------------------------------------------------------------------------ books

  @Test
  void aOneUnderlyingBookIsPortfolioMarginBitForBit() {
    DemoBook demo = DemoBook.generate(DemoBook.DEFAULT_SEED, DemoBook.DEFAULT_POSITIONS);
    List<Position> btc = demo.portfolio().positions().stream()
        .filter(p -> p.instrument().underlying().equals("BTC")).toList();
    Portfolio book = Portfolio.of("btc only", btc, demo.portfolio().collateral());
    PortfolioValuation v = PortfolioValuer.DEFAULT.withPricer(BatchPricers.scalar()).value(book, demo.market());
    MarginResult pm = PM.margin(v);
    CrossMarginResult r = CrossAssetMargin.of(PM, CrossMarginParameters.defaults(List.of("BTC", "ETH")))
        .evaluate(v);
    assertThat(r.pairs()).isEmpty();
    assertThat(r.creditUsd()).isZero();
    assertThat(r.margin().currencies()).hasSameSizeAs(pm.currencies());
    for (int i = 0; i < pm.currencies().size(); i++) {
      CurrencyMargin a = pm.currencies().get(i);
      CurrencyMargin b = r.margin().currencies().get(i);
      assertThat(b).isEqualTo(a);
    }
    assertThat(r.initialMarginUsd()).isEqualTo(pm.initialMarginUsd());
    assertThat(r.maintenanceMarginUsd()).isEqualTo(pm.maintenanceMarginUsd());
    assertThat(r.margin().drivingScenario()).isEqualTo(pm.drivingScenario());
    assertThat(r.margin().instruments()).isEqualTo(pm.instruments());
  }

  @Test
  void aLongBtcShortEthDeskBookGetsACreditAndEveryGroupAddsUp() {
    DemoBook demo = DemoBook.generate(DemoBook.DEFAULT_SEED, DemoBook.DEFAULT_POSITIONS);
    // the demo desk's options, with its BTC hedge turned long and its ETH hedge short
    List<Position> positions = new ArrayList<>();
    for (Position p : demo.portfolio().positions()) {
      if (p.instrument().isOption()) {
        positions.add(p);
      }
    }
    positions.add(Position.of("BTC-PERPETUAL", 25));
    positions.add(Position.of("ETH-PERPETUAL", -600));
    Portfolio book = Portfolio.of("long BTC, short ETH", positions, demo.portfolio().collateral());
    PortfolioValuation v = PortfolioValuer.DEFAULT.withPricer(BatchPricers.scalar()).value(book, demo.market());
    CrossAssetMargin model = CrossAssetMargin.of(PM, CrossMarginParameters.defaults(List.of("BTC", "ETH")));
    CrossMarginResult r = model.evaluate(v);
    GroupExposure btc = r.exposures().get(0);
    GroupExposure eth = r.exposures().get(1);
    assertThat(btc.direction()).isEqualTo(-1);
    assertThat(eth.direction()).isEqualTo(1);
    assertThat(r.creditUsd()).isPositive();
    PairCredit p = r.largestCredit();
    assertThat(p.correlation()).isEqualTo(CrossMarginParameters.DEFAULT_CORRELATION);
    assertThat(p.correlationUsed()).isCloseTo(0.6, within(1e-15));
    assertThat(p.creditUsd()).isCloseTo(0.6 * 2 * p.offsetUsd(), within(1e-9 * p.creditUsd()));
    // before - credit = after, per group and in total
    assertThat(r.initialMarginUsd()).isCloseTo(r.initialMarginBeforeUsd() - r.creditUsd(),
        within(1e-9 * r.initialMarginBeforeUsd()));
    MarginResult pm = PM.margin(v);
    assertThat(r.initialMarginBeforeUsd()).isCloseTo(pm.initialMarginUsd(), within(1e-9 * pm.initialMarginUsd()));
    for (int i = 0; i < 2; i++) {
      GroupExposure e = r.exposures().get(i);
      PmGroupResult g = r.groups().get(i);
      assertThat(e.directional() + e.nonDirectional()).isCloseTo(g.initialMargin(), within(1e-12 * g.initialMargin()));
      double after = r.margin().currency(g.currency()).initialMargin();
      assertThat(after).isCloseTo(g.initialMargin() - r.groupCreditUsd()[i] / g.book().usdPerUnit(),
          within(1e-12 * g.initialMargin()));
      assertThat(after).isGreaterThanOrEqualTo(e.nonDirectional());
    }
    assertThat(model.margin(v).initialMarginUsd()).isEqualTo(r.initialMarginUsd());
    assertCoversEveryJointScenario(model.withParameters(model.parameters().withStress(0).withCreditCap(1)
        .withCorrelations(CorrelationMatrix.constant(List.of("BTC", "ETH"), 1.0), "perfect")).evaluate(v));
  }

  @Test
  void aShortStraddleHasNoDirectionalRequirement() {
    // calls and puts of one strike near the money: loses either way, so D is only the asymmetry
    DemoBook demo = DemoBook.generate(DemoBook.DEFAULT_SEED, DemoBook.DEFAULT_POSITIONS);
    Instrument call = demo.market().quotes().stream().map(q -> q.instrument())
        .filter(i -> i.isOption() && i.underlying().equals("BTC") && i.optionType().sign() > 0
            && i.strike() == 95000).findFirst().orElseThrow();
    Instrument put = Instrument.parse(call.name().substring(0, call.name().length() - 1) + "P");
    Portfolio book = Portfolio.of("straddle", List.of(Position.of(call, -10), Position.of(put, -10)));
    PortfolioValuation v = PortfolioValuer.DEFAULT.withPricer(BatchPricers.scalar()).value(book, demo.market());
    CrossMarginResult r = CrossAssetMargin.of(PM, CrossMarginParameters.defaults(List.of("BTC"))).evaluate(v);
    GroupExposure e = r.exposures().get(0);
    assertThat(e.downLoss()).isPositive();
    assertThat(e.upLoss()).isPositive();
    double larger = Math.max(e.downLoss(), e.upLoss());
    double other = Math.min(e.downLoss(), e.upLoss());
    assertThat(e.directional()).isCloseTo(larger - Math.max(e.volOnlyLoss(), other), within(1e-12));
    assertThat(e.directional()).isLessThan(larger);
  }

  // ------------------------------------------------------------------------------------------ collateral

  @Test
  void collateralHaircutsByHand() {
    List<CollateralValue> balances = List.of(new CollateralValue("BTC", 2, 60000, 120000, 2),
        new CollateralValue("ETH", 10, 3000, 30000, 10), new CollateralValue("USDC", 50000, 1, 50000, 0),
        new CollateralValue("USDT", -5000, 1, -5000, 0), new CollateralValue("SOL", 100, 150, 15000, 100));
    Map<String, Double> spot = new LinkedHashMap<>();
    spot.put("BTC", 6000.0);
    CrossCollateral.Account account = new CrossCollateral.Account(balances, -8000, spot);
    CrossMarginParameters p = CrossMarginParameters.defaults(List.of("BTC", "ETH")).withHaircut("sol", 0.2);
    CrossCollateral c = CrossCollateral.of(account, p, 40000, 32000);
    // BTC 2%, ETH 3%, USDC 0, a USDT debt in full, SOL 20% (given)
    double expected = 120000 * 0.98 + 30000 * 0.97 + 50000 - 5000 + 15000 * 0.8;
    assertThat(c.collateralValueUsd()).isEqualTo(120000 + 30000 + 50000 - 5000 + 15000.0);
    assertThat(c.collateralAfterHaircutUsd()).isCloseTo(expected, within(1e-9));
    assertThat(c.balances().get(0).haircutUsd()).isCloseTo(2400, within(1e-9));
    assertThat(c.balances().get(3).valueAfterHaircutUsd()).isEqualTo(-5000.0);
    assertThat(c.spotValueUsd()).isCloseTo(6000 * 0.98, within(1e-9));
    double equity = expected - 8000 + 6000 * 0.98;
    assertThat(c.equityUsd()).isCloseTo(equity, within(1e-9));
    assertThat(c.excessInitialUsd()).isCloseTo(equity - 40000, within(1e-9));
    assertThat(c.excessMaintenanceUsd()).isCloseTo(equity - 32000, within(1e-9));
    assertThat(c.maintenanceMarginRatio().getAsDouble()).isCloseTo(32000 / equity, within(1e-15));
    assertThat(c.initialMarginRatio().getAsDouble()).isCloseTo(40000 / equity, within(1e-15));
    // an account under water has no ratio
    CrossCollateral broke = CrossCollateral.of(new CrossCollateral.Account(List.of(), -100, Map.of()), p, 10, 8);
    assertThat(broke.maintenanceMarginRatio()).isEmpty();
    assertThat(broke.excessMaintenanceUsd()).isEqualTo(-108.0);
    assertThat(p.haircut("DOGE")).isEqualTo(CrossMarginParameters.DEFAULT_OTHER_HAIRCUT);
  }

  @Test
  void theValuedBooksCollateralIsTheValuationsLessHaircuts() {
    DemoBook demo = DemoBook.generate(DemoBook.DEFAULT_SEED, DemoBook.DEFAULT_POSITIONS);
    PortfolioValuation v = PortfolioValuer.DEFAULT.withPricer(BatchPricers.scalar()).value(demo.portfolio(),
        demo.market());
    CrossMarginResult r = CrossAssetMargin.of(PM, CrossMarginParameters.defaults(List.of("BTC", "ETH")))
        .evaluate(v);
    CrossCollateral c = r.collateral();
    assertThat(c.collateralValueUsd()).isCloseTo(v.collateralValueUsd(), within(1e-6));
    double options = 0;
    double expected = 0;
    for (CollateralValue b : v.collateral()) {
      expected += b.valueUsd() * (1 - CrossMarginParameters.DEFAULT_HAIRCUTS.get(b.currency()));
    }
    for (int i = 0; i < v.size(); i++) {
      if (v.instrument(i).isOption()) {
        options += v.valueUsd(i);
      }
    }
    assertThat(c.collateralAfterHaircutUsd()).isCloseTo(expected, within(1e-6));
    assertThat(c.optionsValueUsd()).isCloseTo(options, within(1e-6));
    assertThat(c.equityUsd()).isCloseTo(expected + options, within(1e-6));
    assertThat(c.initialMarginUsd()).isEqualTo(r.initialMarginUsd());
  }

  @Test
  void parametersAreValidated() {
    CorrelationMatrix m = CorrelationMatrix.constant(List.of("BTC", "ETH"), 0.8);
    assertThatThrownBy(() -> new CrossMarginParameters(m, "x", 1.5, 0.7, Map.of(), 0))
        .hasMessageContaining("stress");
    assertThatThrownBy(() -> new CrossMarginParameters(m, "x", 0.2, -0.1, Map.of(), 0))
        .hasMessageContaining("credit cap");
    assertThatThrownBy(() -> new CrossMarginParameters(m, "x", 0.2, 0.7, Map.of("BTC", 1.2), 0))
        .hasMessageContaining("haircut of BTC");
    CrossMarginParameters p = CrossMarginParameters.of(m, "x");
    assertThat(p.stressed(0.8)).isCloseTo(0.6, within(1e-15));
    assertThat(p.stressed(-0.5)).isEqualTo(-0.5);
    assertThat(p.creditRate(-0.5)).isZero();
    assertThat(p.creditRate(1.0)).isEqualTo(0.7);
    assertThat(p.correlation("ETH", "ETH")).isEqualTo(1.0);
  }
}
