package io.netgamma.core.risk.gex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.base.MissingMarketDataException;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.OptionType;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.market.ForwardCurve;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.Quote;
import io.netgamma.core.market.VolatilitySurface;
import io.netgamma.core.pricing.Black76;
import io.netgamma.core.sim.market.MarketGenerator;
import io.netgamma.core.sim.market.MarketSpec;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class GammaExposureTest {

  static final Instant NOW = Instant.parse("2024-06-17T10:00:00Z");
  static final long EXPIRY_30D = Instant.parse("2024-07-17T08:00:00Z").toEpochMilli();
  static final long EXPIRY_100D = Instant.parse("2024-09-25T08:00:00Z").toEpochMilli();
  static final double SPOT = 60_000;

  static GexOption call(double strike, long expiry, double oi, double iv, double forward) {
    return new GexOption("C" + (long) strike + "@" + expiry, OptionType.CALL, strike, expiry, oi, iv, forward);
  }

  static GexOption put(double strike, long expiry, double oi, double iv, double forward) {
    return new GexOption("P" + (long) strike + "@" + expiry, OptionType.PUT, strike, expiry, oi, iv, forward);
  }

  static double years(long expiry) {
    return YearFraction.act365(NOW.toEpochMilli(), expiry);
  }

  /**
   * The reference, written independently of the implementation from the definition: every option revalued with
   * Black-76 at spot {@code level}, forward {@code F·level/S}, its own IV; Γ_S = Γ_F·(F'/S')²;
   * GEX = sign·Γ_S·OI·S'²/100.
   */
  static double revalued(GexInput input, DealerConvention dealer, double level) {
    double sum = 0;
    for (GexOption o : input.options()) {
      double t = years(o.expiryMillis());
      if (t <= 0) {
        continue;
      }
      double f = o.forward() * level / input.spot();
      double gammaF = Black76.DEFAULT.greeks(o.type(), f, o.strike(), t, o.iv()).gamma();
      double gammaS = gammaF * (f / level) * (f / level);
      sum += dealer.sign(o.type()) * gammaS * o.openInterest() * level * level / 100.0;
    }
    return sum;
  }

  /** Plain bisection to 1e-12 relative: a second, slower root finder for the reference. */
  static double bisect(DoubleUnaryOperator f, double lo, double hi) {
    double flo = f.applyAsDouble(lo);
    assertThat(Math.signum(flo)).isNotEqualTo(Math.signum(f.applyAsDouble(hi)));
    while (hi - lo > 1e-12 * hi) {
      double mid = 0.5 * (lo + hi);
      double fm = f.applyAsDouble(mid);
      if (Math.signum(fm) == Math.signum(flo)) {
        lo = mid;
        flo = fm;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  /** Put-heavy below spot, call-heavy above, two expiries, a forward above spot (contango). */
  static GexInput skewedChain() {
    double f30 = SPOT * 1.006;
    double f100 = SPOT * 1.02;
    List<GexOption> options = List.of(
        put(50_000, EXPIRY_30D, 1_500, 0.72, f30),
        put(55_000, EXPIRY_30D, 2_500, 0.64, f30),
        call(60_000, EXPIRY_30D, 400, 0.58, f30),
        put(60_000, EXPIRY_30D, 300, 0.58, f30),
        call(65_000, EXPIRY_30D, 2_000, 0.56, f30),
        call(70_000, EXPIRY_30D, 2_800, 0.57, f30),
        put(52_000, EXPIRY_100D, 1_000, 0.68, f100),
        call(75_000, EXPIRY_100D, 1_200, 0.60, f100));
    return GexInput.of("BTC", SPOT, NOW, options);
  }

  @Test
  void oneOptionByHandIsGammaTimesOpenInterestTimesSpotSquaredOverHundred() {
    double t = years(EXPIRY_30D);
    double vol = 0.6;
    double oi = 1234.5;
    GexInput input = GexInput.of("BTC", SPOT, NOW, List.of(call(62_000, EXPIRY_30D, oi, vol, SPOT)));
    GexReport r = GammaExposure.DEFAULT.compute(input);
    // Black-76 gamma by hand: φ(d1) / (F σ √t)
    double s = vol * Math.sqrt(t);
    double d1 = Math.log(SPOT / 62_000) / s + 0.5 * s;
    double gamma = Math.exp(-0.5 * d1 * d1) / Math.sqrt(2 * Math.PI) / (SPOT * s);
    double expected = gamma * oi * SPOT * SPOT / 100;
    assertThat(r.options()).singleElement().satisfies(o -> {
      assertThat(o.gammaForward()).isCloseTo(gamma, within(1e-14 * gamma));
      assertThat(o.gammaSpot()).isEqualTo(o.gammaForward()); // F = S
      assertThat(o.gex()).isCloseTo(expected, within(1e-13 * expected));
      assertThat(o.t()).isEqualTo(t);
      assertThat(o.vol()).isEqualTo(vol);
    });
    assertThat(r.totalGex()).isCloseTo(expected, within(1e-13 * expected));
    assertThat(r.callGex()).isEqualTo(r.totalGex());
    assertThat(r.putGex()).isZero();
    // the number itself (computed separately with Python's math module): 1234.5 coins, 29.92 days, 60% vol, a 62k
    // strike at 60k spot: 1.71 million USD per 1% move
    assertThat(r.totalGex()).isCloseTo(1710790.983471783, within(1e-6));
    // the same option as a put: same gamma, the opposite sign under the default convention
    GexReport p = GammaExposure.DEFAULT.compute(GexInput.of("BTC", SPOT, NOW,
        List.of(put(62_000, EXPIRY_30D, oi, vol, SPOT))));
    assertThat(p.totalGex()).isCloseTo(-expected, within(1e-13 * expected));
  }

  @Test
  void gammaIsTakenWithRespectToSpotWhenTheForwardIsAboveSpot() {
    double forward = SPOT * 1.05; // a 5% basis
    double t = years(EXPIRY_100D);
    GexOption o = call(65_000, EXPIRY_100D, 100, 0.55, forward);
    GexReport r = GammaExposure.DEFAULT.compute(GexInput.of("BTC", SPOT, NOW, List.of(o)));
    OptionGex g = r.options().getFirst();
    double gammaF = Black76.DEFAULT.greeks(OptionType.CALL, forward, 65_000, t, 0.55).gamma();
    assertThat(g.gammaForward()).isCloseTo(gammaF, within(1e-15 * gammaF));
    // gamma per USD of spot by a central finite difference of the price, the forward moving with spot
    double h = SPOT * 1e-3;
    DoubleUnaryOperator price = spot -> Black76.DEFAULT.price(OptionType.CALL, forward * spot / SPOT, 65_000, t, 0.55);
    double fd = (price.applyAsDouble(SPOT + h) - 2 * price.applyAsDouble(SPOT) + price.applyAsDouble(SPOT - h))
        / (h * h);
    assertThat(g.gammaSpot()).isCloseTo(fd, within(1e-6 * fd));
    assertThat(g.gammaSpot()).isCloseTo(gammaF * 1.05 * 1.05, within(1e-14 * gammaF));
    // GEX = Γ_S·OI·S²/100 = Γ_F·F²·OI/100, about 10% more than Γ_F·OI·S²/100
    assertThat(g.gex()).isCloseTo(gammaF * forward * forward * 100 / 100, within(1e-12 * g.gex()));
    assertThat(g.gex() / (gammaF * 100 * SPOT * SPOT / 100)).isCloseTo(1.1025, within(1e-12));
    // and GEX is the USD change of the dealers' delta for a 1% move: a central difference of the spot delta
    DoubleUnaryOperator deltaS = spot -> Black76.DEFAULT.greeks(OptionType.CALL, forward * spot / SPOT, 65_000, t,
        0.55).delta() * forward / SPOT;
    double usdPerOnePercent = (deltaS.applyAsDouble(SPOT * 1.0001) - deltaS.applyAsDouble(SPOT * 0.9999)) / 0.0002
        * 0.01 * 100 * SPOT;
    assertThat(g.gex()).isCloseTo(usdPerOnePercent, within(1e-6 * g.gex()));
  }

  @Test
  void dealerConventionsSignCallsAndPuts() {
    GexInput input = skewedChain();
    GexReport def = GammaExposure.DEFAULT.compute(input);
    GexReport shortAll = GammaExposure.DEFAULT.compute(input,
        GexSettings.DEFAULT.withDealer(DealerConvention.SHORT_ALL));
    GexReport longAll = GammaExposure.DEFAULT.compute(input,
        GexSettings.DEFAULT.withDealer(DealerConvention.LONG_ALL));
    assertThat(def.dealer()).isEqualTo(DealerConvention.LONG_CALLS_SHORT_PUTS);
    assertThat(def.callGex()).isPositive();
    assertThat(def.putGex()).isNegative();
    assertThat(longAll.callGex()).isEqualTo(def.callGex());
    assertThat(longAll.putGex()).isEqualTo(-def.putGex());
    assertThat(shortAll.callGex()).isEqualTo(-def.callGex());
    assertThat(shortAll.putGex()).isEqualTo(def.putGex());
    assertThat(shortAll.totalGex()).isNegative().isEqualTo(-longAll.totalGex());
    for (int i = 0; i < def.profile().size(); i++) {
      assertThat(shortAll.profile().gex(i)).isEqualTo(-longAll.profile().gex(i));
      assertThat(longAll.profile().gex(i)).isPositive();
    }
    // every option keeps its gamma; only the sign moves
    for (int i = 0; i < input.options().size(); i++) {
      OptionGex d = def.options().get(i);
      OptionGex s = shortAll.options().get(i);
      assertThat(Math.abs(s.gex())).isEqualTo(Math.abs(d.gex()));
      assertThat(s.gex()).isNegative();
    }
    // short-all and long-all are one-signed: no flip anywhere
    assertThat(shortAll.zeroGamma().found()).isFalse();
    assertThat(shortAll.zeroGamma().description()).startsWith("none in range: GEX is negative");
    assertThat(longAll.zeroGamma().description()).startsWith("none in range: GEX is positive");
    assertThat(DealerConvention.parse("long-calls-short-puts")).isEqualTo(DealerConvention.LONG_CALLS_SHORT_PUTS);
    assertThat(DealerConvention.parse(" SHORT_ALL ")).isEqualTo(DealerConvention.SHORT_ALL);
    assertThat(DealerConvention.parse("Long-All")).isEqualTo(DealerConvention.LONG_ALL);
    assertThatThrownBy(() -> DealerConvention.parse("dealers-long"))
        .hasMessage("dealer convention must be one of [long-calls-short-puts, short-all, long-all], "
            + "got 'dealers-long'");
  }

  @Test
  void putHeavyBelowAndCallHeavyAboveCrossZeroBetweenAtTheRootOfTheRevaluedProfile() {
    GexInput input = skewedChain();
    GexReport r = GammaExposure.DEFAULT.compute(input);
    GexProfile p = r.profile();
    assertThat(p.gex(0)).isNegative(); // the puts' strikes dominate 20% below spot
    assertThat(p.gex(p.size() - 1)).isPositive(); // the calls' 20% above
    assertThat(r.zeroGamma().found()).isTrue();
    double flip = r.zeroGamma().level().orElseThrow();
    assertThat(r.zeroGamma().crossings()).containsExactly(flip);
    // between the heaviest put strikes and the heaviest call strikes
    assertThat(flip).isBetween(55_000.0, 65_000.0);
    // the root of the revalued profile, found independently by bisection on the definition
    double lo = p.spot(0);
    double hi = p.spot(p.size() - 1);
    double root = bisect(level -> revalued(input, DealerConvention.LONG_CALLS_SHORT_PUTS, level), lo, hi);
    assertThat(flip).isCloseTo(root, within(1e-6 * root));
    // and the revalued GEX is zero there to the rounding of its terms
    double scale = Math.abs(revalued(input, DealerConvention.LONG_CALLS_SHORT_PUTS, SPOT));
    assertThat(GammaExposure.DEFAULT.totalGexAt(input, GexSettings.DEFAULT, flip)).isCloseTo(0.0, within(1e-9 * scale));
    assertThat(revalued(input, DealerConvention.LONG_CALLS_SHORT_PUTS, flip * (1 - 1e-6))).isNegative();
    assertThat(revalued(input, DealerConvention.LONG_CALLS_SHORT_PUTS, flip * (1 + 1e-6))).isPositive();
    assertThat(r.zeroGamma().description()).contains("GEX is negative below and positive above");
  }

  @Test
  void profileIsTheFullRevaluationOnAnEvenGridAroundSpot() {
    GexInput input = skewedChain();
    GexReport r = GammaExposure.DEFAULT.compute(input);
    GexProfile p = r.profile();
    assertThat(p.size()).isEqualTo(81);
    assertThat(p.spot(0)).isCloseTo(48_000, within(1e-9));
    assertThat(p.spot(80)).isCloseTo(72_000, within(1e-9));
    assertThat(p.spot(40)).isEqualTo(SPOT);
    for (int i = 0; i < p.size(); i++) {
      assertThat(p.spot(i)).isCloseTo(SPOT * (0.8 + 0.005 * i), within(1e-9));
      double expected = revalued(input, DealerConvention.LONG_CALLS_SHORT_PUTS, p.spot(i));
      assertThat(p.gex(i)).as("level %s", p.spot(i)).isCloseTo(expected, within(1e-12 * Math.abs(expected) + 1e-6));
    }
    // at the current spot the profile is the total
    assertThat(p.gex(40)).isCloseTo(r.totalGex(), within(1e-12 * Math.abs(r.totalGex())));
    // a narrower range with another number of points
    GexReport narrow = GammaExposure.DEFAULT.compute(input, GexSettings.DEFAULT.withRange(0.08).withPoints(16));
    assertThat(narrow.profile().spots()).hasSize(16);
    assertThat(narrow.profile().spot(0)).isCloseTo(55_200, within(1e-9));
    assertThat(narrow.profile().spot(15)).isCloseTo(64_800, within(1e-9));
    // the flip does not depend on the grid, as long as the grid brackets it
    assertThat(narrow.zeroGamma().level().orElseThrow())
        .isCloseTo(r.zeroGamma().level().orElseThrow(), within(1e-9 * SPOT));
  }

  @Test
  void aggregatesAreTheSumsOfTheirParts() {
    GexReport r = GammaExposure.DEFAULT.compute(skewedChain());
    double sumOptions = r.options().stream().mapToDouble(OptionGex::gex).sum();
    double sumStrikes = r.byStrike().stream().mapToDouble(StrikeGex::netGex).sum();
    double sumExpiries = r.byExpiry().stream().mapToDouble(ExpiryGex::netGex).sum();
    double scale = r.options().stream().mapToDouble(o -> Math.abs(o.gex())).sum();
    assertThat(sumStrikes).isCloseTo(r.totalGex(), within(1e-13 * scale));
    assertThat(sumExpiries).isCloseTo(r.totalGex(), within(1e-13 * scale));
    assertThat(sumOptions).isCloseTo(r.totalGex(), within(1e-13 * scale));
    assertThat(r.byStrike()).extracting(StrikeGex::strike)
        .containsExactly(50_000.0, 52_000.0, 55_000.0, 60_000.0, 65_000.0, 70_000.0, 75_000.0);
    StrikeGex atm = r.byStrike().get(3);
    assertThat(atm.callOpenInterest()).isEqualTo(400);
    assertThat(atm.putOpenInterest()).isEqualTo(300);
    assertThat(atm.callGex()).isPositive();
    assertThat(atm.putGex()).isNegative();
    // same strike, expiry and vol: the call and the put have the same gamma, in proportion to their OI
    assertThat(-atm.putGex() / atm.callGex()).isCloseTo(300.0 / 400.0, within(1e-14));
    assertThat(r.byExpiry()).extracting(ExpiryGex::expiryMillis).containsExactly(EXPIRY_30D, EXPIRY_100D);
    assertThat(r.byExpiry().get(0).callOpenInterest()).isEqualTo(400 + 2_000 + 2_800);
    assertThat(r.byExpiry().get(0).putOpenInterest()).isEqualTo(1_500 + 2_500 + 300);
    assertThat(r.byExpiry().get(1).t()).isEqualTo(years(EXPIRY_100D));
  }

  @Test
  void wallsAreTheStrikesWithTheLargestCallAndPutExposureWhateverTheConvention() {
    // the 90k calls have the most open interest but little gamma; the 66k calls have the most exposure
    List<GexOption> options = new ArrayList<>(List.of(
        call(66_000, EXPIRY_30D, 1_000, 0.6, SPOT),
        call(66_000, EXPIRY_100D, 300, 0.6, SPOT),
        call(62_000, EXPIRY_30D, 700, 0.6, SPOT),
        call(90_000, EXPIRY_30D, 10_000, 0.6, SPOT),
        put(58_000, EXPIRY_30D, 800, 0.6, SPOT),
        put(50_000, EXPIRY_30D, 1_100, 0.6, SPOT),
        put(40_000, EXPIRY_30D, 6_000, 0.6, SPOT)));
    GexInput input = GexInput.of("BTC", SPOT, NOW, options);
    // reference: per strike, the call (put) exposures of every expiry, from Black-76 directly
    double bestCall = 0;
    double bestCallStrike = 0;
    double bestPut = 0;
    double bestPutStrike = 0;
    for (double k : new double[] {40_000, 50_000, 58_000, 62_000, 66_000, 90_000}) {
      double c = 0;
      double p = 0;
      for (GexOption o : options) {
        if (o.strike() == k) {
          double g = Black76.DEFAULT.greeks(o.type(), o.forward(), k, years(o.expiryMillis()), o.iv()).gamma()
              * o.openInterest() * SPOT * SPOT / 100;
          if (o.type() == OptionType.CALL) {
            c += g;
          } else {
            p += g;
          }
        }
      }
      if (c > bestCall) {
        bestCall = c;
        bestCallStrike = k;
      }
      if (p > bestPut) {
        bestPut = p;
        bestPutStrike = k;
      }
    }
    assertThat(bestCallStrike).isEqualTo(66_000);
    assertThat(bestPutStrike).isEqualTo(58_000);
    for (DealerConvention dealer : DealerConvention.values()) {
      GexReport r = GammaExposure.DEFAULT.compute(input, GexSettings.DEFAULT.withDealer(dealer));
      GexWall cw = r.callWall().orElseThrow();
      GexWall pw = r.putWall().orElseThrow();
      assertThat(cw.strike()).isEqualTo(66_000);
      assertThat(cw.openInterest()).isEqualTo(1_300);
      assertThat(cw.gex()).isCloseTo(dealer.callSign() * bestCall, within(1e-12 * bestCall));
      assertThat(pw.strike()).isEqualTo(58_000);
      assertThat(pw.openInterest()).isEqualTo(800);
      assertThat(pw.gex()).isCloseTo(dealer.putSign() * bestPut, within(1e-12 * bestPut));
    }
    // default convention: the call wall is the largest positive call GEX, the put wall the most negative put GEX
    GexReport def = GammaExposure.DEFAULT.compute(input);
    assertThat(def.callWall().orElseThrow().gex())
        .isEqualTo(def.byStrike().stream().mapToDouble(StrikeGex::callGex).max().orElseThrow());
    assertThat(def.putWall().orElseThrow().gex())
        .isEqualTo(def.byStrike().stream().mapToDouble(StrikeGex::putGex).min().orElseThrow());
    // no puts: no put wall
    GexReport callsOnly = GammaExposure.DEFAULT.compute(GexInput.of("BTC", SPOT, NOW, options.subList(0, 4)));
    assertThat(callsOnly.putWall()).isEmpty();
    assertThat(callsOnly.callWall()).isPresent();
  }

  @Test
  void noneInRangeWhenTheProfileKeepsItsSign() {
    GexInput calls = GexInput.of("BTC", SPOT, NOW, List.of(call(60_000, EXPIRY_30D, 100, 0.6, SPOT),
        call(70_000, EXPIRY_30D, 100, 0.6, SPOT)));
    GexReport r = GammaExposure.DEFAULT.compute(calls);
    assertThat(r.zeroGamma().found()).isFalse();
    assertThat(r.zeroGamma().level()).isEmpty();
    assertThat(r.zeroGamma().crossings()).isEmpty();
    assertThat(r.zeroGamma().description()).isEqualTo("none in range: GEX is positive (dealers long gamma) from "
        + "48,000.00 to 72,000.00 (-20% to +20% of spot 60,000.00)");
    // a range that stops short of the skewed chain's flip: none in range there
    double flip = GammaExposure.DEFAULT.compute(skewedChain()).zeroGamma().level().orElseThrow();
    double shortOfFlip = 0.5 * Math.abs(flip / SPOT - 1);
    GexReport narrow = GammaExposure.DEFAULT.compute(skewedChain(),
        GexSettings.DEFAULT.withRange(shortOfFlip).withPoints(5));
    assertThat(narrow.zeroGamma().found()).isFalse();
    assertThat(narrow.zeroGamma().description()).startsWith("none in range: GEX is");
    // no open interest at all: nothing to cross
    GexReport empty = GammaExposure.DEFAULT.compute(GexInput.of("BTC", SPOT, NOW,
        List.of(call(60_000, EXPIRY_30D, 0, 0.6, SPOT))));
    assertThat(empty.totalGex()).isZero();
    assertThat(empty.zeroGamma().found()).isFalse();
    assertThat(empty.zeroGamma().description()).startsWith("none in range: no gamma exposure at all");
    assertThat(empty.callWall()).isEmpty();
  }

  @Test
  void twoCrossingsAreBothFoundAndTheNearestToSpotIsTheLevel() {
    // long gamma in the middle (calls at 60k), short gamma in both wings (puts at 45k and 75k, heavy)
    GexInput input = GexInput.of("BTC", SPOT, NOW, List.of(
        call(60_000, EXPIRY_30D, 2_000, 0.5, SPOT),
        put(45_000, EXPIRY_30D, 3_000, 0.5, SPOT),
        put(76_000, EXPIRY_30D, 3_000, 0.5, SPOT)));
    GexReport r = GammaExposure.DEFAULT.compute(input, GexSettings.DEFAULT.withRange(0.3).withPoints(121));
    assertThat(r.zeroGamma().crossings()).hasSize(2);
    double below = r.zeroGamma().crossings().get(0);
    double above = r.zeroGamma().crossings().get(1);
    assertThat(below).isBetween(45_000.0, 60_000.0);
    assertThat(above).isBetween(60_000.0, 76_000.0);
    DoubleUnaryOperator f = level -> revalued(input, DealerConvention.LONG_CALLS_SHORT_PUTS, level);
    assertThat(below).isCloseTo(bisect(f, 42_000, 60_000), within(1e-6 * below));
    assertThat(above).isCloseTo(bisect(f, 60_000, 78_000), within(1e-6 * above));
    double nearest = Math.abs(below - SPOT) < Math.abs(above - SPOT) ? below : above;
    assertThat(r.zeroGamma().level().orElseThrow()).isEqualTo(nearest);
    assertThat(r.zeroGamma().description()).contains("2 crossings in range");
  }

  @Test
  void expiredOptionsAreLeftOutAndCounted() {
    List<GexOption> options = new ArrayList<>(skewedChain().options());
    options.add(call(61_000, NOW.toEpochMilli(), 5_000, 0.6, SPOT)); // expires at the valuation instant
    options.add(put(59_000, NOW.toEpochMilli() - 3_600_000, 5_000, 0.6, SPOT)); // an hour ago
    GexReport r = GammaExposure.DEFAULT.compute(GexInput.of("BTC", SPOT, NOW, options));
    GexReport clean = GammaExposure.DEFAULT.compute(skewedChain());
    assertThat(r.excludedCount(GexExclusion.EXPIRED)).isEqualTo(2);
    assertThat(r.excluded()).extracting(GexExclusion::label).containsExactly("C61000@" + NOW.toEpochMilli(),
        "P59000@" + (NOW.toEpochMilli() - 3_600_000));
    assertThat(r.excluded().getFirst().detail()).isEqualTo("expires at 2024-06-17T10:00:00Z, not after the "
        + "valuation instant 2024-06-17T10:00:00Z");
    assertThat(r.options()).hasSize(8);
    assertThat(r.totalGex()).isEqualTo(clean.totalGex());
    assertThat(r.byStrike()).extracting(StrikeGex::strike).doesNotContain(61_000.0, 59_000.0);
    assertThat(r.profile().gex()).containsExactly(clean.profile().gex());
  }

  @Test
  void surfaceVolatilitiesMoveWithSpotStickyMoneyness() {
    GexInput input = skewedChain();
    // a flat surface at each option's own vol would be sticky strike; a skewed one makes the vol move with spot
    VolatilitySurface skew = new VolatilitySurface() {
      final ForwardCurve curve = ForwardCurve.flat("BTC", NOW.toEpochMilli(), SPOT);

      @Override
      public ForwardCurve forwardCurve() {
        return curve;
      }

      @Override
      public double totalVariance(double k, double t) {
        double vol = 0.6 - 0.25 * k + 0.4 * k * k;
        return vol * vol * t;
      }
    };
    GexSettings settings = GexSettings.DEFAULT.withSurface(skew);
    assertThat(settings.volatilityRule()).isEqualTo(VolatilityRule.SURFACE_STICKY_MONEYNESS);
    GexReport r = GammaExposure.DEFAULT.compute(input, settings);
    assertThat(r.volatilityRule()).isEqualTo(VolatilityRule.SURFACE_STICKY_MONEYNESS);
    // reference: each option at level S' has forward F·S'/S and the surface's vol at ln(K/F')
    DoubleUnaryOperator reference = level -> {
      double sum = 0;
      for (GexOption o : input.options()) {
        double t = years(o.expiryMillis());
        double f = o.forward() * level / SPOT;
        double vol = Math.sqrt(skew.totalVariance(Math.log(o.strike() / f), t) / t);
        double gammaS = Black76.DEFAULT.greeks(o.type(), f, o.strike(), t, vol).gamma() * (f / level) * (f / level);
        sum += DealerConvention.LONG_CALLS_SHORT_PUTS.sign(o.type()) * gammaS * o.openInterest() * level * level / 100;
      }
      return sum;
    };
    for (int i = 0; i < r.profile().size(); i += 8) {
      double expected = reference.applyAsDouble(r.profile().spot(i));
      assertThat(r.profile().gex(i)).isCloseTo(expected, within(1e-12 * Math.abs(expected) + 1e-6));
    }
    OptionGex first = r.options().getFirst();
    double k = Math.log(50_000 / (SPOT * 1.006));
    assertThat(first.vol()).isCloseTo(0.6 - 0.25 * k + 0.4 * k * k, within(1e-14));
    double flip = r.zeroGamma().level().orElseThrow();
    assertThat(flip).isCloseTo(bisect(reference, 48_000, 72_000), within(1e-6 * flip));
    // a surface of another underlying or instant is refused
    VolatilitySurface eth = new VolatilitySurface() {
      @Override
      public ForwardCurve forwardCurve() {
        return ForwardCurve.flat("ETH", NOW.toEpochMilli(), 3_000);
      }

      @Override
      public double totalVariance(double k1, double t) {
        return 0.36 * t;
      }
    };
    assertThatThrownBy(() -> GammaExposure.DEFAULT.compute(input, GexSettings.DEFAULT.withSurface(eth)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the volatility surface is of ETH, the options are of BTC");
    VolatilitySurface zero = new VolatilitySurface() {
      @Override
      public ForwardCurve forwardCurve() {
        return ForwardCurve.flat("BTC", NOW.toEpochMilli(), SPOT);
      }

      @Override
      public double totalVariance(double k1, double t) {
        return 0.0;
      }
    };
    assertThatThrownBy(() -> GammaExposure.DEFAULT.compute(input, GexSettings.DEFAULT.withSurface(zero)))
        .hasMessageStartingWith("P50000@" + EXPIRY_30D + ": the volatility surface gives total variance 0.0 at "
            + "log-moneyness");
  }

  @Test
  void fromASyntheticMarketSnapshot() {
    MarketSnapshot market = MarketGenerator.DEFAULT.generate(MarketSpec.btcEth(NOW), 42);
    GexInput btc = GexInput.fromSnapshot(market, "btc");
    assertThat(btc.underlying()).isEqualTo("BTC");
    assertThat(btc.spot()).isEqualTo(market.index("BTC"));
    long btcOptions = market.quotes().stream().filter(q -> q.instrument().isOption()
        && q.instrument().underlying().equals("BTC")).count();
    assertThat(btc.options().size() + btc.excluded().size()).isEqualTo((int) btcOptions);
    assertThat(btc.options()).isNotEmpty();
    GexReport r = GammaExposure.DEFAULT.compute(btc);
    for (OptionGex o : r.options()) {
      Quote q = market.quoteOrThrow(o.option().label());
      assertThat(o.option().openInterest()).isEqualTo(q.openInterest());
      assertThat(o.option().iv()).isEqualTo(q.markIv());
      double f = o.option().forward();
      double gammaF = Black76.DEFAULT.greeks(o.option().type(), f, o.option().strike(), o.t(), q.markIv()).gamma();
      double expected = DealerConvention.LONG_CALLS_SHORT_PUTS.sign(o.option().type()) * gammaF * (f / btc.spot())
          * (f / btc.spot()) * q.openInterest() * btc.spot() * btc.spot() / 100;
      assertThat(o.gex()).isCloseTo(expected, within(1e-12 * Math.abs(expected) + 1e-9));
    }
    double sum = r.byStrike().stream().mapToDouble(StrikeGex::netGex).sum();
    assertThat(sum).isCloseTo(r.totalGex(), within(1e-9 * Math.abs(r.callGex() - r.putGex())));
    r.zeroGamma().level().ifPresent(level -> assertThat(GammaExposure.DEFAULT.totalGexAt(btc, GexSettings.DEFAULT,
        level)).isCloseTo(0.0, within(1e-9 * (r.callGex() - r.putGex()))));
    assertThatThrownBy(() -> GexInput.fromSnapshot(market, "SOL"))
        .isInstanceOf(MissingMarketDataException.class).hasMessageStartingWith("no index price for SOL");
  }

  @Test
  void snapshotOptionsWithoutOpenInterestOrVolatilityAreExcludedWithTheirReason() {
    Instrument a = Instrument.parse("BTC-28JUN24-70000-C");
    Instrument b = Instrument.parse("BTC-28JUN24-60000-P");
    Instrument c = Instrument.parse("BTC-28JUN24-65000-C");
    Instrument d = Instrument.parse("BTC-14JUN24-65000-C");
    MarketSnapshot m = MarketSnapshot.builder(NOW).index("BTC", SPOT)
        .quote(new Quote(a, 0.01, 0.55, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 120, 60_500, Double.NaN,
            io.netgamma.core.market.OrderBook.EMPTY))
        .quote(new Quote(b, 0.01, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 50, 60_500, Double.NaN,
            io.netgamma.core.market.OrderBook.EMPTY))
        .quote(new Quote(c, 0.01, 0.5, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, io.netgamma.core.market.OrderBook.EMPTY))
        .quote(new Quote(d, 0.01, 0.5, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 10, Double.NaN,
            Double.NaN, io.netgamma.core.market.OrderBook.EMPTY))
        .build();
    GexInput input = GexInput.fromSnapshot(m, "BTC");
    assertThat(input.options()).singleElement().satisfies(o -> {
      assertThat(o.label()).isEqualTo("BTC-28JUN24-70000-C");
      assertThat(o.forward()).isEqualTo(60_500);
      assertThat(o.openInterest()).isEqualTo(120);
    });
    assertThat(input.excluded()).extracting(GexExclusion::label, GexExclusion::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple("BTC-28JUN24-60000-P", GexExclusion.NO_VOLATILITY),
        org.assertj.core.groups.Tuple.tuple("BTC-28JUN24-65000-C", GexExclusion.NO_OPEN_INTEREST),
        org.assertj.core.groups.Tuple.tuple("BTC-14JUN24-65000-C", GexExclusion.EXPIRED));
    GexReport r = GammaExposure.DEFAULT.compute(input);
    assertThat(r.excluded()).hasSize(3);
    assertThat(r.excludedCount(GexExclusion.EXPIRED)).isEqualTo(1);
    assertThatThrownBy(() -> GexInput.fromSnapshot(MarketSnapshot.builder(NOW).index("ETH", 3000).build(), "ETH"))
        .isInstanceOf(MissingMarketDataException.class).hasMessage("no ETH option in the market snapshot of " + NOW);
  }

  @Test
  void badInputIsRejectedByName() {
    assertThatThrownBy(() -> call(60_000, EXPIRY_30D, 10, 0.0, SPOT))
        .hasMessage("C60000@" + EXPIRY_30D + ": implied volatility must be finite and > 0, got 0.0");
    assertThatThrownBy(() -> call(60_000, EXPIRY_30D, -1, 0.5, SPOT))
        .hasMessage("C60000@" + EXPIRY_30D + ": open interest must be finite and >= 0, got -1.0");
    assertThatThrownBy(() -> call(60_000, EXPIRY_30D, 1, 0.5, Double.NaN))
        .hasMessage("C60000@" + EXPIRY_30D + ": forward must be finite and > 0, got NaN");
    assertThatThrownBy(() -> GexInput.of("BTC", 0, NOW, List.of()))
        .hasMessage("BTC spot must be finite and > 0, got 0.0");
    assertThatThrownBy(() -> GexSettings.DEFAULT.withRange(1.0))
        .hasMessage("range must be a fraction of spot in (0, 0.95] (0.2 = ±20%), got 1.0");
    assertThatThrownBy(() -> GexSettings.DEFAULT.withPoints(2))
        .hasMessage("points must be between 3 and 100001, got 2");
    assertThatThrownBy(() -> GammaExposure.DEFAULT.totalGexAt(skewedChain(), GexSettings.DEFAULT, -1))
        .hasMessage("spot level must be finite and > 0, got -1.0");
  }

  @Test
  void theRevaluationAllocatesNothingPerSpotLevel() {
    GexInput input = GexInput.fromSnapshot(MarketGenerator.DEFAULT.generate(MarketSpec.btcEth(NOW), 7), "BTC");
    GammaExposure.Book book = GammaExposure.Book.of(input, GexSettings.DEFAULT, new ArrayList<>());
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    double sink = 0;
    for (int i = 0; i < 20_000; i++) { // warm up: let the JIT compile the loop
      sink += book.totalGex(0.8 + 0.4 * (i % 81) / 80.0);
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 10_000; i++) {
      sink += book.totalGex(0.8 + 0.4 * (i % 81) / 80.0);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(sink).isFinite();
    assertThat(allocated).as("bytes allocated by 10,000 revaluations of %s options", book.n).isLessThan(1_000);
  }
}
