package io.netgamma.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.OptionType;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.market.ForwardCurveBuilder.Node;
import io.netgamma.core.market.ForwardCurveBuilder.Result;
import io.netgamma.core.market.ForwardCurveBuilder.SetAside;
import io.netgamma.core.market.ForwardCurveBuilder.Source;
import io.netgamma.core.pricing.Black76;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardCurveBuilderTest {

  private static final Instant NOW = Instant.parse("2024-06-17T10:22:20.501Z");
  private static final long NOW_MS = NOW.toEpochMilli();
  private static final double INDEX = 65666.19;
  private static final Instrument JUN = Instrument.parse("BTC-28JUN24");
  private static final long JUN_MS = JUN.expiry().toEpochMilli();
  private static final long SEP_MS = Instrument.parse("BTC-27SEP24").expiry().toEpochMilli();

  /** A two-sided quote around {@code mid} with half-spread {@code half}; the rest absent. */
  private static Quote twoSided(String name, double mid, double half) {
    return new Quote(Instrument.parse(name), mid, Double.NaN, mid - half, 1, mid + half, 1, Double.NaN, Double.NaN,
        Double.NaN, OrderBook.EMPTY);
  }

  private static Quote withForward(String name, double forward) {
    return new Quote(Instrument.parse(name), 0.01, 0.5, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
        forward, Double.NaN, OrderBook.EMPTY);
  }

  /** Black-76 coin price (inverse option): USD price / F, rate 0. */
  private static double coinPrice(OptionType type, double f, double k, long expiryMs, double vol) {
    double t = YearFraction.act365(NOW_MS, expiryMs);
    return Black76.DEFAULT.price(type, f, k, t, vol) / f;
  }

  @Test
  void inverseParityFormulaByHand() {
    // C − P in coin = (F − K)/F. With F = 65000, K = 60000: C − P = 5000/65000 = 1/13 coin.
    double x = 1.0 / 13.0;
    List<Quote> quotes = List.of(
        twoSided("BTC-28JUN24-60000-C", 0.1 + x, 0.0005),
        twoSided("BTC-28JUN24-60000-P", 0.1, 0.0005));
    Result r = ForwardCurveBuilder.DEFAULT.build("BTC", NOW_MS, INDEX, quotes);
    Node node = r.nodes().get(0);
    assertThat(node.source()).isEqualTo(Source.PUT_CALL_PARITY);
    assertThat(node.forward()).isCloseTo(65000, within(1e-8));
    // Uncertainty: half-spreads 0.0005 + 0.0005 = 0.001 coin, times dF/d(C−P) = F²/K.
    assertThat(node.uncertainty()).isCloseTo(0.001 * 65000.0 * 65000.0 / 60000.0, within(1e-9));
    assertThat(r.curve().nodeForward(JUN_MS)).isEqualTo(node.forward());
  }

  @Test
  void inverseParityRecoversTheForwardOfBlack76CoinPrices() {
    // The derivation checked against the pricer: coin prices of a smile-free Black-76 chain at F give back F at
    // every strike, in the money and out of it.
    double f = 67371.75;
    List<Quote> quotes = new ArrayList<>();
    double[] strikes = {40000, 55000, 65000, 67000, 70000, 90000, 120000};
    for (double k : strikes) {
      String s = Instrument.formatStrike(k);
      quotes.add(twoSided("BTC-27SEP24-" + s + "-C", coinPrice(OptionType.CALL, f, k, SEP_MS, 0.55), 0));
      quotes.add(twoSided("BTC-27SEP24-" + s + "-P", coinPrice(OptionType.PUT, f, k, SEP_MS, 0.55), 0));
    }
    Result r = ForwardCurveBuilder.DEFAULT.build("BTC", NOW_MS, INDEX, quotes);
    assertThat(r.nodes()).hasSize(1);
    assertThat(r.nodes().get(0).inputs()).isEqualTo(strikes.length);
    // Each estimate is K/(1 − (C − P)) with C − P rounded to a double (|C − P| < 1): relative error ~ F/K·1e-16.
    assertThat(r.nodes().get(0).forward()).isCloseTo(f, within(f * 1e-12));
    for (double k : strikes) {
      double x = coinPrice(OptionType.CALL, f, k, SEP_MS, 0.55) - coinPrice(OptionType.PUT, f, k, SEP_MS, 0.55);
      assertThat(k / (1 - x)).isCloseTo(f, within(f * 1e-12));
    }
  }

  @Test
  void linearParity() {
    // Linear (USDC) options: C − P = F − K in USDC.
    double f = 67371.75;
    double t = YearFraction.act365(NOW_MS, JUN_MS);
    double c = Black76.DEFAULT.price(OptionType.CALL, f, 70000, t, 0.5);
    double p = Black76.DEFAULT.price(OptionType.PUT, f, 70000, t, 0.5);
    Result r = ForwardCurveBuilder.DEFAULT.build("BTC", NOW_MS, INDEX, List.of(
        twoSided("BTC_USDC-28JUN24-70000-C", c, 5), twoSided("BTC_USDC-28JUN24-70000-P", p, 5)));
    assertThat(r.nodes().get(0).forward()).isCloseTo(f, within(1e-9));
    assertThat(r.nodes().get(0).uncertainty()).isEqualTo(10.0);
    // A linear call is never paired with an inverse put of the same strike.
    Result mixed = ForwardCurveBuilder.DEFAULT.build("BTC", NOW_MS, INDEX, List.of(
        twoSided("BTC_USDC-28JUN24-70000-C", c, 5), twoSided("BTC-28JUN24-70000-P", p / f, 0.0005)));
    assertThat(mixed.nodes()).isEmpty();
    assertThat(mixed.setAside()).singleElement().satisfies(s -> assertThat(s.reason()).contains("no forward"));
  }

  @Test
  void priorityFutureThenOptionForwardThenParity() {
    double fParity = 67500;
    double x = 1 - 60000 / fParity;
    List<Quote> quotes = List.of(
        Quote.ofMark(JUN, 67371.75),
        withForward("BTC-28JUN24-60000-C", 67370.0),
        withForward("BTC-28JUN24-65000-C", 67372.0),
        withForward("BTC-28JUN24-70000-C", 67380.0),
        twoSided("BTC-27SEP24-60000-C", 0.2 + x, 0.001),
        twoSided("BTC-27SEP24-60000-P", 0.2, 0.001),
        withForward("BTC-27SEP24-80000-C", 68900.0));
    Result r = ForwardCurveBuilder.DEFAULT.build("BTC", NOW_MS, INDEX, quotes);
    assertThat(r.nodes()).extracting(Node::source).containsExactly(Source.FUTURE_MARK, Source.OPTION_FORWARD);
    assertThat(r.node(JUN_MS)).get().satisfies(n -> {
      assertThat(n.forward()).isEqualTo(67371.75);
      assertThat(n.inputs()).isEqualTo(1);
    });
    assertThat(r.node(SEP_MS).get().forward()).isEqualTo(68900.0);
    // Set aside: June's option forward (median 67372 of three, half-range 5) and September's parity forward.
    assertThat(r.setAside()).hasSize(2);
    SetAside june = r.setAside().get(0);
    assertThat(june.item()).isEqualTo("BTC-28JUN24");
    assertThat(june.source()).isEqualTo(Source.OPTION_FORWARD);
    assertThat(june.forward()).hasValue(67372.0);
    assertThat(june.reason()).contains("FUTURE_MARK takes precedence");
    SetAside sep = r.setAside().get(1);
    assertThat(sep.item()).isEqualTo("BTC-27SEP24");
    assertThat(sep.source()).isEqualTo(Source.PUT_CALL_PARITY);
    assertThat(sep.forward().getAsDouble()).isCloseTo(fParity, within(1e-8));
    // The curve interpolates between the nodes with constant carry and is anchored at the index.
    assertThat(r.curve().index()).isEqualTo(INDEX);
    assertThat(r.curve().forward(JUN_MS)).isEqualTo(67371.75);
    long mid = (JUN_MS + SEP_MS) / 2;
    assertThat(r.curve().forward(mid)).isBetween(67371.75, 68900.0);
  }

  @Test
  void optionForwardIsTheMedianOfTheExpirysOptions() {
    Result r = ForwardCurveBuilder.DEFAULT.build("BTC", NOW_MS, INDEX, List.of(
        withForward("BTC-28JUN24-60000-C", 67370.0), withForward("BTC-28JUN24-60000-P", 67374.0),
        withForward("BTC-28JUN24-65000-C", 67371.0), withForward("BTC-28JUN24-65000-P", 67390.0)));
    Node n = r.nodes().get(0);
    assertThat(n.source()).isEqualTo(Source.OPTION_FORWARD);
    assertThat(n.forward()).isEqualTo(0.5 * (67371.0 + 67374.0));
    assertThat(n.inputs()).isEqualTo(4);
    assertThat(n.uncertainty()).isEqualTo(10.0);
  }

  @Test
  void parityIsAWeightedMedianRobustToAStalePair() {
    double f = 66000;
    List<Quote> quotes = new ArrayList<>();
    double[] strikes = {60000, 64000, 66000, 68000};
    for (double k : strikes) {
      String s = Instrument.formatStrike(k);
      double c = coinPrice(OptionType.CALL, f, k, JUN_MS, 0.6);
      double p = coinPrice(OptionType.PUT, f, k, JUN_MS, 0.6);
      quotes.add(twoSided("BTC-28JUN24-" + s + "-C", c, 0.0005));
      quotes.add(twoSided("BTC-28JUN24-" + s + "-P", p, 0.0005));
    }
    // A pair with a stale call (priced at a forward 4000 USD off) and a spread like the others' does not move the
    // result (a pair whose spread were much tighter than all others' would carry it: tight markets are trusted)...
    double k = 72000;
    quotes.add(twoSided("BTC-28JUN24-72000-C", coinPrice(OptionType.CALL, 70000, k, JUN_MS, 0.6), 0.0005));
    quotes.add(twoSided("BTC-28JUN24-72000-P", coinPrice(OptionType.PUT, f, k, JUN_MS, 0.6), 0.0005));
    Result r = ForwardCurveBuilder.DEFAULT.build("BTC", NOW_MS, INDEX, quotes);
    Node n = r.nodes().get(0);
    assertThat(n.inputs()).isEqualTo(5);
    // ... the weighted median is one of the four consistent estimates, each exact to rounding.
    assertThat(n.forward()).isCloseTo(f, within(f * 1e-12));
  }

  @Test
  void unusablePairsAndInstrumentsAreSetAsideWithReasons() {
    List<Quote> quotes = List.of(
        // no bid on the call (Deribit's "0" bid is absent in a Quote)
        new Quote(Instrument.parse("BTC-28JUN24-90000-C"), 0.001, 0.5, Double.NaN, Double.NaN, 0.0015, 3,
            Double.NaN, Double.NaN, Double.NaN, OrderBook.EMPTY),
        twoSided("BTC-28JUN24-90000-P", 0.35, 0.001),
        // crossed put
        twoSided("BTC-28JUN24-60000-C", 0.15, 0.001),
        new Quote(Instrument.parse("BTC-28JUN24-60000-P"), 0.05, 0.5, 0.06, 1, 0.05, 1, Double.NaN, Double.NaN,
            Double.NaN, OrderBook.EMPTY),
        // C − P >= 1 coin cannot be an inverse pair
        twoSided("BTC-28JUN24-5000-C", 1.25, 0.0625),
        twoSided("BTC-28JUN24-5000-P", 0.125, 0.0625),
        // a call alone is not a pair and is not reported
        twoSided("BTC-28JUN24-100000-C", 0.001, 0.0005),
        // a future without a mark; an expired option; a duplicate; other underlyings and perps ignored
        new Quote(JUN, Double.NaN, Double.NaN, 67000, 10, 67010, 10, Double.NaN, Double.NaN, Double.NaN,
            OrderBook.EMPTY),
        withForward("BTC-14JUN24-60000-C", 67000),
        withForward("BTC-27SEP24-60000-C", 68000),
        withForward("BTC-27SEP24-60000-C", 99000),
        withForward("ETH-28JUN24-3000-C", 3600),
        Quote.ofMark(Instrument.parse("BTC-PERPETUAL"), 65900));
    Result r = ForwardCurveBuilder.DEFAULT.build("BTC", NOW_MS, INDEX, quotes);
    assertThat(r.nodes()).singleElement().satisfies(n -> {
      assertThat(n.expiryMillis()).isEqualTo(SEP_MS);
      assertThat(n.forward()).isEqualTo(68000);
    });
    assertThat(r.setAside()).extracting(SetAside::toString).containsExactly(
        "BTC-14JUN24-60000-C (OPTION_FORWARD): expired: expiry 2024-06-14T08:00:00Z is not after the valuation "
            + "instant 2024-06-17T10:22:20.501Z",
        "BTC-28JUN24 (FUTURE_MARK): no mark",
        "BTC-28JUN24 (PUT_CALL_PARITY): no forward for this expiry: no future mark, no option forward and no "
            + "usable call/put pair",
        "BTC-28JUN24-5000-C/P (PUT_CALL_PARITY): mid call − mid put = 1.125 coin is not < 1: no positive forward "
            + "F = K/(1 − (C − P))",
        "BTC-28JUN24-60000-C/P (PUT_CALL_PARITY): put BTC-28JUN24-60000-P is crossed: bid 0.06 > ask 0.05",
        "BTC-28JUN24-90000-C/P (PUT_CALL_PARITY): call BTC-28JUN24-90000-C has no bid",
        "BTC-27SEP24-60000-C (OPTION_FORWARD): quoted more than once; the first quote is used");
  }

  @Test
  void buildsFromASnapshot() {
    MarketSnapshot m = MarketSnapshot.builder(NOW)
        .index("BTC", INDEX)
        .quote(Quote.ofMark(JUN, 67371.75))
        .quote(withForward("BTC-27SEP24-80000-C", 68900.0))
        .build();
    Result r = ForwardCurveBuilder.DEFAULT.build(m, "BTC");
    assertThat(r.curve().valuationMillis()).isEqualTo(NOW_MS);
    assertThat(r.curve().size()).isEqualTo(2);
    assertThat(r.setAside()).isEmpty();
    assertThat(ForwardCurveBuilder.DEFAULT.buildAll(m)).containsOnlyKeys("BTC")
        .hasEntrySatisfying("BTC", all -> assertThat(all.nodes()).isEqualTo(r.nodes()));
    MarketSnapshot withCurve = MarketSnapshot.builder(NOW).index("BTC", INDEX).forwardCurve(r.curve()).build();
    assertThat(withCurve.forwardCurve("BTC").forward(SEP_MS)).isEqualTo(68900.0);
    // No quotes at all: a flat curve at the index.
    Result empty = ForwardCurveBuilder.DEFAULT.build("BTC", NOW_MS, INDEX, List.of());
    assertThat(empty.curve().size()).isZero();
    assertThat(empty.curve().forward(SEP_MS)).isEqualTo(INDEX);
  }
}
