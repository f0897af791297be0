package io.netgamma.core.sim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.InstrumentKind;
import io.netgamma.core.instrument.OptionType;
import io.netgamma.core.instrument.Settlement;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.market.ForwardCurve;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.OrderBook;
import io.netgamma.core.market.Quote;
import io.netgamma.core.market.VolatilitySurface;
import io.netgamma.core.market.surface.SviSurface;
import io.netgamma.core.pricing.Black76;
import io.netgamma.core.pricing.ImpliedVolatility;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MarketGeneratorTest {

  static final Instant AT = Instant.parse("2026-02-04T04:24:00Z");
  static final MarketSpec SPEC = MarketSpec.btcEth(AT);
  static final MarketSnapshot M = MarketGenerator.DEFAULT.generate(SPEC, 42);
  /** BTC with both an inverse and a linear (USDC) chain, and ETH. */
  static final MarketSpec BOTH = SPEC.withUnderlyings(List.of(
      UnderlyingSpec.btc().withSettlements(Settlement.INVERSE, Settlement.LINEAR), UnderlyingSpec.eth()));
  static final MarketSnapshot M_BOTH = MarketGenerator.DEFAULT.generate(BOTH, 7);

  // ------------------------------------------------------------------------------------------------ helpers

  /** Every number of a snapshot, in order (Double.equals compares NaN and signed zeros exactly). */
  static List<Object> fingerprint(MarketSnapshot m) {
    List<Object> f = new ArrayList<>();
    f.add(m.timestamp());
    for (String u : m.underlyings()) {
      f.add(u);
      f.add(m.index(u));
      ForwardCurve c = m.forwardCurve(u);
      f.add(c.valuationMillis());
      f.add(c.index());
      for (int i = 0; i < c.size(); i++) {
        f.add(c.expiry(i));
        f.add(c.forwardAt(i));
      }
      SviSurface s = (SviSurface) m.surface(u).orElseThrow();
      for (int i = 0; i < s.size(); i++) {
        f.add(s.expiry(i));
        f.add(s.slice(i));
      }
    }
    for (Quote q : m.quotes()) {
      f.add(q.instrument());
      f.addAll(List.of(q.mark(), q.markIv(), q.bid(), q.bidAmount(), q.ask(), q.askAmount(), q.openInterest(),
          q.forward(), q.funding8h()));
      OrderBook b = q.book();
      for (int i = 0; i < b.bidLevels(); i++) {
        f.addAll(List.of("b", b.bidPrice(i), b.bidAmount(i)));
      }
      for (int i = 0; i < b.askLevels(); i++) {
        f.addAll(List.of("a", b.askPrice(i), b.askAmount(i)));
      }
    }
    return f;
  }

  static List<Quote> options(MarketSnapshot m) {
    return m.quotes().stream().filter(q -> q.instrument().isOption()).toList();
  }

  static List<Quote> ofKind(MarketSnapshot m, String coin, InstrumentKind kind) {
    return m.quotes().stream().filter(q -> q.instrument().underlying().equals(coin)
        && q.instrument().kind() == kind).toList();
  }

  static TickRule tickOf(UnderlyingSpec u, Instrument i) {
    return switch (i.kind()) {
      case OPTION -> i.isInverse() ? u.contracts().inverseOptionTick() : u.contracts().linearOptionTick();
      case FUTURE -> TickRule.single(u.contracts().futureTick());
      case PERPETUAL -> TickRule.single(u.contracts().perpetualTick());
      default -> throw new AssertionError(i);
    };
  }

  static double lotOf(UnderlyingSpec u, Instrument i) {
    if (i.isOption()) {
      return i.isInverse() ? u.contracts().inverseOptionAmountStep() : u.contracts().linearOptionAmountStep();
    }
    return i.isInverse() ? u.contracts().futureAmountStep() : u.contracts().linearOptionAmountStep();
  }

  static UnderlyingSpec spec(MarketSpec s, String coin) {
    return s.underlyings().stream().filter(u -> u.coin().equals(coin)).findFirst().orElseThrow();
  }

  static boolean isMultiple(double amount, double lot) {
    return new BigDecimal(Double.toString(amount)).remainder(BigDecimal.valueOf(lot)).signum() == 0;
  }

  static double t(Quote q) {
    return YearFraction.act365(AT, q.instrument().expiry());
  }

  /** Price in the option's quote unit (coin for inverse, USDC for linear) at a volatility. */
  static double quoted(Quote q, double vol) {
    Instrument i = q.instrument();
    double usd = Black76.DEFAULT.price(i.optionType(), q.forward(), i.strike(), t(q), vol);
    return i.isInverse() ? usd / q.forward() : usd;
  }

  /** Half the rounding unit of the mark: 0.5e-8 coin for inverse options, 0.5e-4 USDC for linear ones. */
  static double markHalfUnit(Quote q) {
    return q.instrument().isInverse() ? 0.5e-8 : 0.5e-4;
  }

  // ------------------------------------------------------------------------------------------- determinism

  @Test
  void theSameSeedGivesTheSameMarketFieldByField() {
    MarketSnapshot again = MarketGenerator.DEFAULT.generate(MarketSpec.btcEth(AT), 42);
    List<Object> a = fingerprint(M);
    assertThat(a.size()).isGreaterThan(30_000);
    assertThat(fingerprint(again)).containsExactlyElementsOf(a);
    assertThat(fingerprint(MarketGenerator.DEFAULT.generate(BOTH, 7))).isEqualTo(fingerprint(M_BOTH));
  }

  @Test
  void anotherSeedGivesAnotherMarket() {
    MarketSnapshot other = MarketGenerator.DEFAULT.generate(SPEC, 43);
    assertThat(fingerprint(other)).isNotEqualTo(fingerprint(M));
    for (String u : List.of("BTC", "ETH")) {
      ForwardCurve a = M.forwardCurve(u);
      ForwardCurve b = other.forwardCurve(u);
      for (int i = 0; i < a.size(); i++) {
        assertThat(b.forwardAt(i)).isNotEqualTo(a.forwardAt(i));
      }
      SviSurface sa = (SviSurface) M.surface(u).orElseThrow();
      SviSurface sb = (SviSurface) other.surface(u).orElseThrow();
      for (int i = 0; i < sa.size(); i++) {
        assertThat(sb.slice(i)).isNotEqualTo(sa.slice(i));
      }
    }
    // the same listed names mostly (strikes follow the forwards and volatilities), with other prices and sizes
    int common = 0;
    int differentMark = 0;
    int differentOi = 0;
    for (Quote q : options(M)) {
      Quote o = other.quote(q.instrument().name()).orElse(null);
      if (o != null) {
        common++;
        differentMark += o.mark() != q.mark() ? 1 : 0; // equal only for far wings rounded to 0 or 1e-8
        differentOi += o.openInterest() != q.openInterest() ? 1 : 0;
      }
    }
    assertThat(common).isGreaterThan(1000);
    assertThat(differentMark).isGreaterThan(common * 95 / 100);
    assertThat(differentOi).isGreaterThan(common / 2);
  }

  /** Forwards and surfaces come from their own stream: the size knob does not move them. */
  @Test
  void theStrikeGridDoesNotChangeForwardsOrSurfaces() {
    MarketSnapshot big = MarketGenerator.DEFAULT.generate(SPEC.withOptionCount(10_000), 42);
    for (String u : List.of("BTC", "ETH")) {
      assertThat(big.forwardCurve(u).index()).isEqualTo(M.forwardCurve(u).index());
      for (int i = 0; i < M.forwardCurve(u).size(); i++) {
        assertThat(big.forwardCurve(u).forwardAt(i)).isEqualTo(M.forwardCurve(u).forwardAt(i));
      }
      assertThat(((SviSurface) big.surface(u).orElseThrow()).slices())
          .isEqualTo(((SviSurface) M.surface(u).orElseThrow()).slices());
    }
  }

  // ---------------------------------------------------------------------------------------- option prices

  /**
   * The mark is the Black-76 price at a volatility within the mark_iv's rounding (±0.5e-4), itself rounded to the
   * mark's unit: since the price increases with volatility, it lies between the prices at mark_iv ∓ 0.5e-4, give or
   * take half the mark's unit.
   */
  @Test
  void everyMarkIsTheBlack76PriceOfItsMarkIvWithinTheRounding() {
    for (MarketSnapshot m : List.of(M, M_BOTH)) {
      for (Quote q : options(m)) {
        double half = markHalfUnit(q);
        double lo = quoted(q, q.markIv() - 0.5e-4) - half;
        double hi = quoted(q, q.markIv() + 0.5e-4) + half;
        double slack = 1e-13 * (1 + hi); // binary arithmetic of the price, far below the rounding unit
        assertThat(q.mark()).as(q.instrument().name()).isBetween(lo - slack, hi + slack);
        assertThat(q.mark() / (2 * half)).as("%s mark on its decimal grid", q.instrument().name())
            .isCloseTo(Math.rint(q.mark() / (2 * half)), within(1e-6));
        assertThat(q.markIv() * 1e4).isCloseTo(Math.rint(q.markIv() * 1e4), within(1e-6));
      }
    }
  }

  /**
   * Let's Be Rational recovers, from each mark, the surface's volatility to within the mark's rounding divided by
   * vega, and so mark_iv to within that plus mark_iv's own rounding.
   */
  @Test
  void impliedVolatilityOfEveryMarkRecoversTheSurfaceAndMarkIv() {
    int checked = 0;
    for (MarketSnapshot m : List.of(M, M_BOTH)) {
      for (Quote q : options(m)) {
        Instrument i = q.instrument();
        VolatilitySurface surface = m.surface(i.underlying()).orElseThrow();
        double vol = surface.volatility(i.strike(), i.expiry().toEpochMilli());
        assertThat(Math.abs(q.markIv() - vol)).as(i.name()).isLessThanOrEqualTo(0.5e-4 + 1e-12);
        double half = markHalfUnit(q);
        if (q.mark() < 100 * half) {
          continue; // a mark of a few rounding units carries no volatility information worth testing
        }
        double unit = i.isInverse() ? 1 / q.forward() : 1;
        double vega0 = vega(q, vol) * unit;
        double b0 = half / vega0;
        if (b0 > 0.01) {
          continue; // deep in the money: the mark's rounding is worth more than a vol point
        }
        ImpliedVolatility iv = ImpliedVolatility.of(q.mark() / unit, q.forward(), i.strike(), t(q),
            i.optionType().sign());
        assertThat(iv.isOk()).as("%s: %s", i.name(), iv.reason()).isTrue();
        double vegaMin = Math.min(vega(q, vol - 2 * b0), vega(q, vol + 2 * b0)) * unit;
        double bound = half / Math.min(vega0, vegaMin);
        assertThat(bound).isLessThanOrEqualTo(2 * b0);
        assertThat(Math.abs(iv.volatility() - vol)).as(i.name()).isLessThanOrEqualTo(bound + 1e-12);
        assertThat(Math.abs(iv.volatility() - q.markIv())).isLessThanOrEqualTo(bound + 0.5e-4 + 1e-12);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(2000);
  }

  /** dPrice/dVol in USD per 1.00 of volatility. */
  static double vega(Quote q, double vol) {
    Instrument i = q.instrument();
    return Black76.DEFAULT.greeks(i.optionType(), q.forward(), i.strike(), t(q), vol).vega() * 100;
  }

  // -------------------------------------------------------------------------------------- quotes and books

  @Test
  void bidBelowMarkBelowAskOnTheTickGridWithSortedDepth() {
    for (MarketSpec spec : List.of(SPEC, BOTH)) {
      MarketSnapshot m = spec == SPEC ? M : M_BOTH;
      for (Quote q : m.quotes()) {
        Instrument i = q.instrument();
        UnderlyingSpec u = spec(spec, i.underlying());
        TickRule tick = tickOf(u, i);
        double lot = lotOf(u, i);
        String n = i.name();
        assertThat(q.ask()).as(n).isGreaterThan(q.mark());
        assertThat(tick.onGrid(q.ask())).as("%s ask %s on %s", n, q.ask(), tick).isTrue();
        if (Double.isNaN(q.bid())) {
          assertThat(i.isOption()).as(n).isTrue();
          // only cheap wing options go without a bid: below the coarse tick, or within a few ticks
          assertThat(q.mark()).as(n).isLessThan(i.isInverse() ? 0.005 : 20 * tick.tick());
          assertThat(q.bidAmount()).isNaN();
        } else {
          assertThat(q.bid()).as(n).isLessThan(q.mark()).isPositive();
          assertThat(tick.onGrid(q.bid())).as("%s bid %s on %s", n, q.bid(), tick).isTrue();
        }
        OrderBook b = q.book();
        assertThat(b.askLevels()).isEqualTo(spec.depthLevels());
        assertThat(b.bidLevels()).isBetween(Double.isNaN(q.bid()) ? 0 : 1, spec.depthLevels());
        assertThat(b.askPrice(0)).isEqualTo(q.ask());
        assertThat(b.askAmount(0)).isEqualTo(q.askAmount());
        if (b.bidLevels() > 0) {
          assertThat(b.bidPrice(0)).isEqualTo(q.bid());
          assertThat(b.bidAmount(0)).isEqualTo(q.bidAmount());
        }
        for (int l = 0; l < b.askLevels(); l++) {
          assertThat(tick.onGrid(b.askPrice(l))).isTrue();
          assertThat(b.askAmount(l)).isPositive();
          assertThat(isMultiple(b.askAmount(l), lot)).as("%s ask amount %s lot %s", n, b.askAmount(l), lot).isTrue();
          if (l > 0) {
            assertThat(b.askPrice(l)).isGreaterThan(b.askPrice(l - 1));
            assertThat(ticksBetween(tick, b.askPrice(l - 1), b.askPrice(l))).isBetween(1, 4);
          }
        }
        for (int l = 0; l < b.bidLevels(); l++) {
          assertThat(tick.onGrid(b.bidPrice(l))).isTrue();
          assertThat(isMultiple(b.bidAmount(l), lot)).isTrue();
          if (l > 0) {
            assertThat(b.bidPrice(l)).isLessThan(b.bidPrice(l - 1));
            assertThat(ticksBetween(tick, b.bidPrice(l), b.bidPrice(l - 1))).isBetween(1, 4);
          }
        }
        assertThat(q.openInterest()).isNotNegative();
        assertThat(isMultiple(q.openInterest(), lot)).as("%s oi %s", n, q.openInterest()).isTrue();
      }
    }
  }

  private static int ticksBetween(TickRule tick, double lo, double hi) {
    int n = 0;
    for (double p = lo; p < hi; p = tick.above(p)) {
      n++;
    }
    return n;
  }

  @Test
  void openInterestPeaksAtTheMoneyAndOnLongExpiries() {
    for (String coin : List.of("BTC", "ETH")) {
      double atm = 0;
      int nAtm = 0;
      double wing = 0;
      int nWing = 0;
      Map<Instant, Double> byExpiry = new TreeMap<>();
      for (Quote q : ofKind(M, coin, InstrumentKind.OPTION)) {
        double x = Math.log(q.instrument().strike() / q.forward()) / (q.markIv() * Math.sqrt(t(q)));
        if (Math.abs(x) < 0.5) {
          atm += q.openInterest();
          nAtm++;
        } else if (Math.abs(x) > 2) {
          wing += q.openInterest();
          nWing++;
        }
        byExpiry.merge(q.instrument().expiry(), q.openInterest(), Double::sum);
      }
      assertThat(nAtm).isGreaterThan(50);
      assertThat(nWing).isGreaterThan(50);
      assertThat(atm / nAtm).as(coin).isGreaterThan(5 * wing / nWing);
      List<Double> total = new ArrayList<>(byExpiry.values());
      // the 26JUN26 quarterly holds more than the first daily
      assertThat(total.get(9)).isGreaterThan(10 * total.get(0));
    }
  }

  // ------------------------------------------------------------------------------------ forwards and swaps

  @Test
  void forwardsAreAboveSpotWithThePositiveBasisOfTheSpec() {
    for (UnderlyingSpec u : SPEC.underlyings()) {
      ForwardCurve c = M.forwardCurve(u.coin());
      assertThat(c.index()).isEqualTo(u.spot());
      assertThat(M.index(u.coin())).isEqualTo(u.spot());
      List<ListedExpiry> listed = SPEC.schedule().expiries(AT);
      assertThat(c.size()).isEqualTo(listed.size());
      for (int i = 0; i < c.size(); i++) {
        assertThat(c.expiry(i)).isEqualTo(listed.get(i).expiryMillis());
        double t = YearFraction.act365(AT.toEpochMilli(), c.expiry(i));
        double f = c.forwardAt(i);
        assertThat(f).isGreaterThan(u.spot());
        // F = spot·exp(b·t), b within ±20% of the basis; futures marks rounded to the cent
        double rounding = listed.get(i).hasFuture() ? 0.005 / (u.spot() * t) : 1e-12 / t;
        double b = Math.log(f / u.spot()) / t;
        assertThat(b).isBetween(0.8 * u.basis() - rounding, 1.2 * u.basis() + rounding);
        if (listed.get(i).hasFuture()) {
          Quote future = M.quoteOrThrow(Instrument.future(u.coin(), Settlement.INVERSE, listed.get(i).date()).name());
          assertThat(future.mark()).isEqualTo(f);
          assertThat(Math.rint(f * 100) / 100).isEqualTo(f);
        }
      }
      for (Quote q : ofKind(M, u.coin(), InstrumentKind.OPTION)) {
        assertThat(q.forward()).isEqualTo(c.nodeForward(q.instrument().expiry().toEpochMilli()));
      }
      Quote perp = M.quoteOrThrow(u.coin() + "-PERPETUAL");
      assertThat(perp.funding8h()).isBetween(0.5 * u.funding8h() - 0.5e-8, 1.5 * u.funding8h() + 0.5e-8);
      assertThat(perp.mark()).isCloseTo(u.spot() * (1 + perp.funding8h()), within(0.005 + 1e-9));
      assertThat(perp.mark()).isGreaterThan(u.spot());
    }
  }

  // -------------------------------------------------------------------------------------- contents and size

  @Test
  void btcAndEthAreBothThereWithDeribitsInstruments() {
    assertThat(M.underlyings()).containsExactly("BTC", "ETH");
    for (String coin : List.of("BTC", "ETH")) {
      assertThat(ofKind(M, coin, InstrumentKind.PERPETUAL)).extracting(q -> q.instrument().name())
          .containsExactly(coin + "-PERPETUAL");
      assertThat(ofKind(M, coin, InstrumentKind.FUTURE)).extracting(q -> q.instrument().name())
          .containsExactly(coin + "-6FEB26", coin + "-13FEB26", coin + "-27FEB26", coin + "-27MAR26",
              coin + "-26JUN26", coin + "-25SEP26", coin + "-25DEC26");
      List<Quote> opts = ofKind(M, coin, InstrumentKind.OPTION);
      Map<Instant, TreeSet<Double>> strikes = new LinkedHashMap<>();
      Map<String, Integer> types = new TreeMap<>();
      for (Quote q : opts) {
        Instrument i = q.instrument();
        assertThat(Instrument.parse(i.name())).isEqualTo(i);
        assertThat(i.isInverse()).isTrue();
        strikes.computeIfAbsent(i.expiry(), e -> new TreeSet<>()).add(i.strike());
        types.merge(i.expiry() + "/" + i.strike(), i.optionType() == OptionType.CALL ? 1 : 10, Integer::sum);
      }
      assertThat(strikes).hasSize(12);
      assertThat(strikes.values()).allSatisfy(s -> assertThat(s.size()).isBetween(12, 60));
      assertThat(types.values()).allSatisfy(v -> assertThat(v).isEqualTo(11)); // one call and one put
      assertThat(opts.size()).isBetween(500, 1200);
    }
    assertThat(M.quotes()).hasSize((int) M.quotes().stream().map(q -> q.instrument().name()).distinct().count());
  }

  @Test
  void theSizeKnobGivesExactlyTheRequestedNumberOfOptions() {
    for (int n : new int[] {48, 1_000, 10_000, 100_000}) {
      MarketSnapshot m = MarketGenerator.DEFAULT.generate(SPEC.withOptionCount(n), 5);
      assertThat(options(m)).hasSize(n);
      assertThat(m.quotes()).hasSize(n + 16); // and the 2 perpetuals and 14 futures
    }
    MarketSnapshot seven = MarketGenerator.DEFAULT.generate(SPEC.withStrikesPerExpiry(7), 5);
    assertThat(options(seven)).hasSize(7 * 2 * 24);
    assertThat(SPEC.chainCount()).isEqualTo(24);
    assertThat(BOTH.chainCount()).isEqualTo(36);
    assertThat(options(MarketGenerator.DEFAULT.generate(BOTH.withOptionCount(2_000), 5))).hasSize(2_000);
    assertThatThrownBy(() -> MarketGenerator.DEFAULT.generate(SPEC.withOptionCount(46), 5))
        .hasMessageContaining("24 chains").hasMessageContaining("at least 48 options");
    assertThatThrownBy(() -> SPEC.withOptionCount(10_001)).hasMessageContaining("even");
  }

  @Test
  void linearOptionsAreTheInverseOnesInUsdc() {
    UnderlyingSpec btc = spec(BOTH, "BTC");
    List<Quote> linear = M_BOTH.quotes().stream().filter(q -> q.instrument().isOption()
        && !q.instrument().isInverse()).toList();
    assertThat(linear).isNotEmpty().allSatisfy(q -> assertThat(q.instrument().name()).startsWith("BTC_USDC-"));
    assertThat(M_BOTH.quote("BTC_USDC-PERPETUAL")).isPresent();
    assertThat(M_BOTH.quote("BTC_USDC-27MAR26")).isEmpty(); // dated futures are inverse only
    for (Quote q : linear) {
      Instrument i = q.instrument();
      Quote inverse = M_BOTH.quoteOrThrow(i.name().replace("BTC_USDC-", "BTC-"));
      assertThat(inverse.markIv()).isEqualTo(q.markIv());
      assertThat(inverse.forward()).isEqualTo(q.forward());
      assertThat(q.mark()).isCloseTo(inverse.mark() * q.forward(), within(0.5e-4 + 0.5e-8 * q.forward() + 1e-9));
      assertThat(btc.contracts().linearOptionTick().onGrid(q.ask())).isTrue();
    }
  }

  @Test
  void depthLevelsFollowTheSpec() {
    MarketSnapshot one = MarketGenerator.DEFAULT.generate(SPEC.withDepthLevels(1).withStrikesPerExpiry(3), 1);
    assertThat(one.quotes()).allSatisfy(q -> assertThat(q.book().askLevels()).isEqualTo(1));
    MarketSnapshot deep = MarketGenerator.DEFAULT.generate(SPEC.withDepthLevels(20).withStrikesPerExpiry(3), 1);
    assertThat(deep.quotes()).allSatisfy(q -> assertThat(q.book().askLevels()).isEqualTo(20));
    assertThat(deep.quotes().stream().filter(q -> q.book().bidLevels() == 20).count()).isGreaterThan(100);
  }

  @Test
  void specsRejectBadValuesNamingThem() {
    assertThatThrownBy(() -> MarketSpec.btcEth(Instant.parse("2099-01-01T00:00:00Z")))
        .hasMessageContaining("2000-2097");
    assertThatThrownBy(() -> SPEC.withUnderlyings(List.of(UnderlyingSpec.btc(), UnderlyingSpec.btc())))
        .hasMessageContaining("distinct coins").hasMessageContaining("[BTC, BTC]");
    assertThatThrownBy(() -> SPEC.withUnderlyings(List.of())).hasMessageContaining("at least one underlying");
    assertThatThrownBy(() -> SPEC.withDepthLevels(0)).hasMessageContaining("depthLevels");
    assertThatThrownBy(() -> UnderlyingSpec.btc().withSpot(0)).hasMessageContaining("BTC: spot");
    assertThatThrownBy(() -> UnderlyingSpec.btc().withSettlements()).hasMessageContaining("settlements");
    assertThatThrownBy(() -> UnderlyingSpec.btc().withSettlements(Settlement.LINEAR, Settlement.LINEAR))
        .hasMessageContaining("distinct");
    assertThatThrownBy(() -> new UnderlyingSpec("btc", List.of(Settlement.INVERSE), 1, 0, 0,
        UnderlyingSpec.btc().vol(), 1, ContractSpec.deribitBtc(), LiquiditySpec.btc()))
        .hasMessageContaining("'btc'");
    assertThatThrownBy(() -> new UnderlyingSpec("BTC", List.of(Settlement.INVERSE), 1, -0.1, 0,
        UnderlyingSpec.btc().vol(), 1, ContractSpec.deribitBtc(), LiquiditySpec.btc()))
        .hasMessageContaining("BTC basis").hasMessageContaining("-0.1");
  }

  @Test
  void aLinearOnlyUnderlyingHasSyntheticForwardsAndAUsdcPerpetual() {
    MarketSpec spec = SPEC.withUnderlyings(List.of(UnderlyingSpec.eth().withSettlements(Settlement.LINEAR)));
    MarketSnapshot m = MarketGenerator.DEFAULT.generate(spec, 3);
    assertThat(ofKind(m, "ETH", InstrumentKind.FUTURE)).isEmpty();
    assertThat(ofKind(m, "ETH", InstrumentKind.PERPETUAL)).extracting(q -> q.instrument().name())
        .containsExactly("ETH_USDC-PERPETUAL");
    assertThat(options(m)).allSatisfy(q -> assertThat(q.instrument().name()).startsWith("ETH_USDC-"));
    assertThat(m.forwardCurve("ETH").size()).isEqualTo(12);
  }
}
