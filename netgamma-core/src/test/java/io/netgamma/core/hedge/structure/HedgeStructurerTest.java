package io.netgamma.core.hedge.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.base.MissingMarketDataException;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.OptionType;
import io.netgamma.core.instrument.Settlement;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.market.ForwardCurve;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.VolatilitySurface;
import io.netgamma.core.pricing.Black76;
import io.netgamma.core.sim.market.MarketGenerator;
import io.netgamma.core.sim.market.MarketSpec;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HedgeStructurerTest {

  static final Instant NOW = Instant.parse("2024-06-17T10:00:00Z");
  static final Instant EXPIRY = Instant.parse("2024-07-26T08:00:00Z");
  static final double SPOT = 60_000;
  static final double Q = 10;

  /** A market with an index, a forward curve in 8%/year contango and a skewed smile, but no listed options. */
  static MarketSnapshot surfaceOnly() {
    long now = NOW.toEpochMilli();
    long e = EXPIRY.toEpochMilli();
    double t = YearFraction.act365(now, e);
    ForwardCurve curve = ForwardCurve.of("BTC", now, SPOT, new long[] {e}, new double[] {SPOT * Math.exp(0.08 * t)});
    VolatilitySurface surface = new VolatilitySurface() {
      @Override
      public ForwardCurve forwardCurve() {
        return curve;
      }

      @Override
      public double totalVariance(double k, double tt) {
        double vol = 0.55 - 0.12 * k + 0.25 * k * k; // puts richer than calls
        return vol * vol * tt;
      }
    };
    return MarketSnapshot.builder(NOW).index("BTC", SPOT).forwardCurve(curve).surface(surface).build();
  }

  static double forward() {
    return surfaceOnly().forwardCurve("BTC").forward(EXPIRY.toEpochMilli());
  }

  static StructureRequest request(StructureKind kind) {
    return StructureRequest.of(kind, "BTC", Q).withExpiry(EXPIRY);
  }

  @Test
  void protectivePutAtNinetyPercentOfTheForward() {
    MarketSnapshot m = surfaceOnly();
    HedgeStructure s = HedgeStructurer.DEFAULT.build(request(StructureKind.PROTECTIVE_PUT), m);
    double f = forward();
    double t = YearFraction.act365(NOW, EXPIRY);
    double k = 0.9 * f;
    assertThat(s.legs()).hasSize(1);
    StructureLeg put = s.leg(0);
    assertThat(put.strike()).isCloseTo(k, within(1e-9));
    assertThat(put.quantity()).isEqualTo(Q);
    assertThat(put.listed()).isFalse();
    assertThat(put.instrument().name()).startsWith("BTC-26JUL24-").endsWith("-P");
    // priced at the surface's vol for the strike: σ(k = ln 0.9)
    double lk = Math.log(0.9);
    double vol = 0.55 - 0.12 * lk + 0.25 * lk * lk;
    assertThat(put.volatility()).isCloseTo(vol, within(1e-12));
    double p = Black76.DEFAULT.price(OptionType.PUT, f, k, t, vol);
    assertThat(s.premiumUsd()).isCloseTo(Q * p, within(1e-9));
    assertThat(s.premiumCoin()).isCloseTo(Q * p / f, within(1e-12));
    // floor q·K − premium; max loss q·S − floor; no cap; breakeven S + premium/q
    assertThat(s.floorUsd()).isCloseTo(Q * k - Q * p, within(1e-6));
    assertThat(s.maxLossUsd()).isCloseTo(Q * SPOT - Q * k + Q * p, within(1e-6));
    assertThat(s.capUsd()).isEmpty();
    assertThat(s.maxGainUsd()).isEmpty();
    assertThat(s.breakevens()).hasSize(1);
    assertThat(s.breakevens().get(0)).isCloseTo(SPOT + p, within(1e-6));
    // greeks: the put's times q; with the holding, delta + q
    assertThat(s.options().delta()).isCloseTo(Q * put.perCoin().delta(), within(1e-12));
    assertThat(s.options().gamma()).isCloseTo(Q * put.perCoin().gamma(), within(1e-15));
    assertThat(s.withHolding().delta()).isCloseTo(Q + Q * put.perCoin().delta(), within(1e-12));
    assertThat(s.withHolding().deltaCoin()).isCloseTo(s.options().deltaCoin(), within(1e-15));
    assertThat(s.executablePremiumUsd()).isEmpty();
  }

  @Test
  void zeroCostCollarNetsToZeroAndFloorsAndCaps() {
    HedgeStructure s = HedgeStructurer.DEFAULT.build(request(StructureKind.COLLAR), surfaceOnly());
    StructureLeg put = s.leg(0);
    StructureLeg call = s.leg(1);
    assertThat(put.quantity()).isEqualTo(Q);
    assertThat(call.quantity()).isEqualTo(-Q);
    assertThat(call.instrument().optionType()).isEqualTo(OptionType.CALL);
    // the solved call strike is rounded to a cent: the premium moves by at most q·|∂C/∂K|·0.005 ≤ q·0.005 USD
    assertThat(s.premiumUsd()).isCloseTo(0.0, within(Q * 0.005));
    assertThat(put.premiumUsd()).isGreaterThan(1000); // the put is not free: the call pays for it
    assertThat(call.strike()).isGreaterThan(forward());
    // floor q·Kp − premium, cap q·Kc − premium
    assertThat(s.floorUsd()).isCloseTo(Q * put.strike() - s.premiumUsd(), within(1e-6));
    assertThat(s.capUsd()).hasValueCloseTo(Q * call.strike() - s.premiumUsd(), within(1e-6));
    assertThat(s.maxGainUsd()).hasValueCloseTo(Q * call.strike() - s.premiumUsd() - Q * SPOT, within(1e-6));
    // breakeven where the package is worth q·S: S + premium/q ≈ S, between the strikes
    assertThat(s.breakevens()).hasSize(1);
    assertThat(s.breakevens().get(0)).isCloseTo(SPOT + s.premiumUsd() / Q, within(1e-6));
    assertThat(s.valueAtExpiryUsd(s.breakevens().get(0))).isCloseTo(Q * SPOT, within(1e-6));
    // greeks are the sums of the legs
    assertThat(s.options().delta()).isCloseTo(Q * put.perCoin().delta() - Q * call.perCoin().delta(), within(1e-12));
    assertThat(s.options().vega()).isCloseTo(Q * put.perCoin().vega() - Q * call.perCoin().vega(), within(1e-9));
    assertThat(s.options().theta()).isCloseTo(Q * put.perCoin().theta() - Q * call.perCoin().theta(), within(1e-9));
    assertThat(s.options().gamma()).isCloseTo(Q * put.perCoin().gamma() - Q * call.perCoin().gamma(),
        within(1e-15));
    assertThat(s.notes()).anyMatch(n -> n.startsWith("call strike solved for a zero-cost collar"));
  }

  @Test
  void budgetedCollarAndPutSpreadNetToTheBudget() {
    HedgeStructure collar = HedgeStructurer.DEFAULT.build(request(StructureKind.COLLAR).withBudget(5000),
        surfaceOnly());
    assertThat(collar.premiumUsd()).isCloseTo(5000, within(Q * 0.005));
    // paying 5,000 USD buys a higher cap than the zero-cost collar
    HedgeStructure zero = HedgeStructurer.DEFAULT.build(request(StructureKind.COLLAR), surfaceOnly());
    assertThat(collar.leg(1).strike()).isGreaterThan(zero.leg(1).strike());

    HedgeStructure spread = HedgeStructurer.DEFAULT.build(request(StructureKind.PUT_SPREAD).withBudget(5000),
        surfaceOnly());
    assertThat(spread.premiumUsd()).isCloseTo(5000, within(Q * 0.005));
    StructureLeg lower = spread.leg(1);
    assertThat(lower.quantity()).isEqualTo(-Q);
    assertThat(lower.strike()).isLessThan(spread.leg(0).strike());
    // protection only between the strikes: at S = 0 the package is worth q·(Kp − Kl) − premium, the floor
    double kp = spread.leg(0).strike();
    double kl = lower.strike();
    assertThat(spread.floorUsd()).isCloseTo(Q * (kp - kl) - spread.premiumUsd(), within(1e-6));
    assertThat(spread.valueAtExpiryUsd(kl)).isCloseTo(Q * kp - spread.premiumUsd(), within(1e-6));
    assertThat(spread.capUsd()).isEmpty();

    HedgeStructure put = HedgeStructurer.DEFAULT.build(request(StructureKind.PROTECTIVE_PUT).withBudget(8000),
        surfaceOnly());
    assertThat(put.premiumUsd()).isCloseTo(8000, within(Q * 0.005));
    assertThat(put.notes()).anyMatch(n -> n.contains("against a budget of 8,000.00 USD"));
  }

  @Test
  void putCallParityOnTheStructurePricing() {
    // put at K from a protective put, call at K from a collar: C − P = F − K (rate 0)
    double k = 64_000;
    MarketSnapshot m = surfaceOnly();
    StructureLeg put = HedgeStructurer.DEFAULT.build(request(StructureKind.PROTECTIVE_PUT).withPutStrike(k), m).leg(0);
    StructureLeg call = HedgeStructurer.DEFAULT.build(request(StructureKind.COLLAR).withPutStrike(55_000)
        .withCallStrike(k), m).leg(1);
    double f = forward();
    assertThat(call.perCoin().priceUsd() - put.perCoin().priceUsd()).isCloseTo(f - k, within(1e-9 * f));
    assertThat(call.perCoin().delta() - put.perCoin().delta()).isCloseTo(1.0, within(1e-12));
    // the same vol for both: one surface point
    assertThat(call.volatility()).isEqualTo(put.volatility());
    // coin premiums are USD / F
    assertThat(put.perCoin().priceCoin()).isCloseTo(put.perCoin().priceUsd() / f, within(1e-15));
  }

  @Test
  void payoffAnalysisMatchesAFineGrid() {
    for (StructureKind kind : StructureKind.values()) {
      HedgeStructure s = HedgeStructurer.DEFAULT.build(request(kind).withBudget(kind == StructureKind.COLLAR ? 0
          : 6000), surfaceOnly());
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i <= 200_000; i++) {
        double v = s.valueAtExpiryUsd(i * 1.0);
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      assertThat(s.floorUsd()).as(kind.name()).isCloseTo(min, within(1e-6));
      if (s.capUsd().isPresent()) {
        assertThat(s.capUsd().getAsDouble()).as(kind.name()).isCloseTo(max, within(1e-6));
      }
      for (double b : s.breakevens()) {
        assertThat(s.valueAtExpiryUsd(b)).as(kind.name()).isCloseTo(Q * SPOT, within(1e-6));
      }
    }
  }

  @Test
  void onAGeneratedMarketStrikesAreListedAndTheCollarIsNearestZeroCost() {
    MarketSnapshot m = MarketGenerator.DEFAULT.generate(MarketSpec.btcEth(NOW), 7);
    HedgeStructure s = HedgeStructurer.DEFAULT.build(StructureRequest.of(StructureKind.COLLAR, "BTC", Q), m);
    assertThat(s.legs()).allMatch(StructureLeg::listed);
    for (StructureLeg leg : s.legs()) {
      assertThat(m.quote(leg.instrument().name())).isPresent();
      assertThat(Instrument.parse(leg.instrument().name())).isEqualTo(leg.instrument());
    }
    // the listed expiry nearest 30 days
    assertThat(s.notes().get(0)).contains("the listed expiry nearest 30 days");
    double days = (s.expiry().toEpochMilli() - NOW.toEpochMilli()) / 86_400_000.0;
    assertThat(days).isBetween(15.0, 60.0);
    // the call is the listed strike whose net premium is nearest 0: its neighbours on each side are not nearer
    StructureLeg call = s.leg(1);
    java.util.TreeSet<Double> callStrikes = new java.util.TreeSet<>();
    m.quotes().stream().map(qq -> qq.instrument())
        .filter(i -> i.isOption() && i.underlying().equals("BTC") && i.optionType() == OptionType.CALL
            && i.settlement() == Settlement.INVERSE && i.expiry().equals(s.expiry()))
        .forEach(i -> callStrikes.add(i.strike()));
    double f = s.forward();
    double t = s.t();
    VolatilitySurface surface = m.surface("BTC").orElseThrow();
    double putCost = s.leg(0).premiumUsd();
    double chosen = Math.abs(s.premiumUsd());
    for (Double k : new Double[] {callStrikes.lower(call.strike()), callStrikes.higher(call.strike())}) {
      if (k != null && k > s.leg(0).strike()) {
        double other = putCost - Q * Black76.DEFAULT.price(OptionType.CALL, f, k, t,
            surface.volatility(k, s.expiry().toEpochMilli()));
        assertThat(chosen).isLessThanOrEqualTo(Math.abs(other));
      }
    }
    // the generated quotes are two-sided: buying at the ask and selling at the bid costs more than the model
    assertThat(s.executablePremiumUsd()).isPresent();
    assertThat(s.executablePremiumUsd().getAsDouble()).isGreaterThan(s.premiumUsd());
  }

  @Test
  void linearOptionsWithoutListingsAreValuedFromTheSurface() {
    MarketSnapshot m = MarketGenerator.DEFAULT.generate(MarketSpec.btcEth(NOW), 7);
    HedgeStructure s = HedgeStructurer.DEFAULT.build(StructureRequest.of(StructureKind.PROTECTIVE_PUT, "BTC", 2)
        .withSettlement(Settlement.LINEAR).withPutStrike(55_000), m);
    assertThat(s.leg(0).instrument().name()).startsWith("BTC_USDC-");
    assertThat(s.leg(0).instrument().settlement()).isEqualTo(Settlement.LINEAR);
    assertThat(s.premiumCoin()).isCloseTo(s.premiumUsd() / s.forward(), within(1e-12));
  }

  @Test
  void requestsThatCannotBeMetSayWhy() {
    MarketSnapshot m = surfaceOnly();
    assertThatThrownBy(() -> HedgeStructurer.DEFAULT.build(request(StructureKind.COLLAR).withBudget(1e6), m))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pays for the puts alone");
    assertThatThrownBy(() -> HedgeStructurer.DEFAULT.build(request(StructureKind.PUT_SPREAD).withBudget(-10), m))
        .hasMessageContaining("a put spread costs money");
    assertThatThrownBy(() -> HedgeStructurer.DEFAULT.build(request(StructureKind.PUT_SPREAD).withBudget(1e6), m))
        .hasMessageContaining("covers the whole put");
    assertThatThrownBy(() -> HedgeStructurer.DEFAULT.build(request(StructureKind.PROTECTIVE_PUT).withBudget(0), m))
        .hasMessageContaining("a budget must be > 0");
    assertThatThrownBy(() -> HedgeStructurer.DEFAULT.build(request(StructureKind.PROTECTIVE_PUT)
        .withExpiry(Instant.parse("2024-07-26T09:00:00Z")), m)).hasMessageContaining("not at 08:00 UTC");
    assertThatThrownBy(() -> HedgeStructurer.DEFAULT.build(StructureRequest.of(StructureKind.PROTECTIVE_PUT, "ETH", 1),
        m)).isInstanceOf(MissingMarketDataException.class).hasMessageContaining("ETH");
    MarketSnapshot noSurface = MarketSnapshot.builder(NOW).index("BTC", SPOT).build();
    assertThatThrownBy(() -> HedgeStructurer.DEFAULT.build(request(StructureKind.PROTECTIVE_PUT), noSurface))
        .isInstanceOf(MissingMarketDataException.class).hasMessageContaining("no volatility surface for BTC");
    assertThatThrownBy(() -> StructureRequest.of(StructureKind.PROTECTIVE_PUT, "BTC", 1).withCallStrike(70_000))
        .hasMessageContaining("a call strike is for a collar only");
    assertThatThrownBy(() -> StructureRequest.of(StructureKind.COLLAR, "BTC", 1).withPutStrike(60_000)
        .withCallStrike(50_000)).hasMessageContaining("must be above its put strike");
    assertThatThrownBy(() -> StructureRequest.of(StructureKind.COLLAR, "BTC", 0))
        .hasMessageContaining("holding (coins)");
  }
}
