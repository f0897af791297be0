package io.netgamma.core.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.base.MissingMarketDataException;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.InstrumentKind;
import io.netgamma.core.instrument.Settlement;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.Quote;
import io.netgamma.core.sim.market.MarketGenerator;
import io.netgamma.core.sim.market.MarketSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link GreeksAggregator}: every aggregate equals the sum of its parts and of its positions; buckets are the
 * documented ones; offsetting positions vanish exactly; the BTC-equivalent follows its formulas.
 *
 * <p>The book: 5,000 seeded random positions (quantities ±0.1 to ±50, some instruments held several times, a few
 * exact long/short pairs) over a generated BTC + ETH market (options, futures, perpetuals), plus a linear perpetual
 * and spot the market does not list. Sums of the same numbers
 * in a different order differ by rounding only: the tolerance is 1e-12 of the gross sum Σ|part|.
 */
class GreeksAggregatorTest {

  static final Instant NOW = Instant.parse("2025-03-03T12:00:00Z");
  static MarketSnapshot market;
  static PortfolioValuation valuation;

  @BeforeAll
  static void book() {
    market = MarketGenerator.DEFAULT.generate(MarketSpec.btcEth(NOW).withOptionCount(400), 7);
    List<Instrument> instruments = market.quotes().stream().map(Quote::instrument).toList();
    SplittableRandom rnd = new SplittableRandom(11);
    List<Position> positions = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      Instrument ins = instruments.get(rnd.nextInt(instruments.size()));
      double q = (rnd.nextBoolean() ? 1 : -1) * Math.round(rnd.nextDouble(0.1, 50) * 10) / 10.0;
      positions.add(Position.of(ins, q));
      if (i % 500 == 0) {
        positions.add(Position.of(ins, -q)); // an exact offset
      }
    }
    // linear instruments the generated market does not list: valued from the index
    positions.add(Position.of("ETH_USDC-PERPETUAL", -12.5));
    positions.add(Position.of("BTC_USDC", 0.75));
    Portfolio p = Portfolio.of("random", positions, new LinkedHashMap<>(Map.of("BTC", 3.0, "ETH", -10.0,
        "USDC", 1e6)));
    valuation = PortfolioValuer.DEFAULT.value(p, market);
  }

  static void assertSumOf(NetGreeks whole, Collection<NetGreeks> parts, String what) {
    int positions = 0;
    for (NetGreeks part : parts) {
      positions += part.positions();
    }
    assertThat(whole.positions()).as(what + " positions").isEqualTo(positions);
    for (Measure m : Measure.values()) {
      double sum = 0;
      double gross = 0;
      for (NetGreeks part : parts) {
        sum += part.get(m);
        gross += Math.abs(part.get(m));
      }
      assertThat(whole.get(m)).as("%s %s", what, m).isCloseTo(sum, within(1e-12 * gross));
    }
  }

  /** The positions' own measures, summed with the given filter on positions. */
  static NetGreeks sumOfPositions(java.util.function.IntPredicate include) {
    double[] sums = new double[Measure.COUNT];
    int count = 0;
    for (int i = 0; i < valuation.size(); i++) {
      if (include.test(i)) {
        count++;
        for (Measure m : Measure.values()) {
          sums[m.ordinal()] += valuation.measure(m, i);
        }
      }
    }
    return NetGreeks.of(count, sums);
  }

  static void assertClose(NetGreeks a, NetGreeks b, String what) {
    assertThat(a.positions()).as(what).isEqualTo(b.positions());
    for (Measure m : Measure.values()) {
      double gross = 0;
      for (int i = 0; i < valuation.size(); i++) {
        gross += Math.abs(valuation.measure(m, i));
      }
      assertThat(a.get(m)).as("%s %s", what, m).isCloseTo(b.get(m), within(1e-12 * gross));
    }
  }

  @Test
  void everyBucketingSumsToTheBookAndEachUnderlyingToItsPositions() {
    NetGreeks total = GreeksAggregator.total(valuation);
    assertThat(total.positions()).isEqualTo(valuation.size());
    assertClose(total, sumOfPositions(i -> true), "book vs positions");
    Map<String, NetGreeks> byUnderlying = GreeksAggregator.byUnderlying(valuation);
    assertThat(byUnderlying.keySet()).containsExactly("BTC", "ETH");
    assertSumOf(total, byUnderlying.values(), "book = Σ underlyings");
    assertSumOf(total, GreeksAggregator.byExpiry(valuation).values(), "book = Σ expiries");
    assertSumOf(total, GreeksAggregator.byKind(valuation).values(), "book = Σ kinds");
    assertSumOf(total, GreeksAggregator.byStrikeBucket(valuation, StrikeBuckets.DEFAULT).values(), "book = Σ K/F");
    assertSumOf(total, GreeksAggregator.byStrikeBucket(valuation, StrikeBuckets.callDelta(0.1, 0.25, 0.5, 0.75, 0.9))
        .values(), "book = Σ delta buckets");
    assertSumOf(total, GreeksAggregator.byInstrument(valuation).values(), "book = Σ instruments");
    for (String u : byUnderlying.keySet()) {
      assertClose(byUnderlying.get(u), sumOfPositions(i -> valuation.underlying(i).equals(u)), u + " vs positions");
      List<NetGreeks> expiries = new ArrayList<>();
      GreeksAggregator.byExpiry(valuation).forEach((k, g) -> {
        if (k.underlying().equals(u)) {
          expiries.add(g);
        }
      });
      assertSumOf(byUnderlying.get(u), expiries, u + " = Σ its expiries");
    }
  }

  @Test
  void expiryBucketsHoldTheirPositionsInOrderWithPerpetualsLast() {
    Map<ExpiryKey, NetGreeks> byExpiry = GreeksAggregator.byExpiry(valuation);
    List<ExpiryKey> keys = new ArrayList<>(byExpiry.keySet());
    assertThat(keys).isSorted();
    ExpiryKey lastBtc = keys.stream().filter(k -> k.underlying().equals("BTC")).reduce((a, b) -> b).orElseThrow();
    assertThat(lastBtc.hasExpiry()).isFalse();
    assertThat(lastBtc.toString()).isEqualTo("BTC no expiry");
    for (Map.Entry<ExpiryKey, NetGreeks> e : byExpiry.entrySet()) {
      ExpiryKey k = e.getKey();
      assertClose(e.getValue(), sumOfPositions(i -> valuation.underlying(i).equals(k.underlying())
          && valuation.expiryMillis(i) == k.expiryMillis()), k.toString());
    }
  }

  @Test
  void kindBucketsSeparateOptionsFuturesAndPerpetualsBySettlement() {
    Map<KindKey, NetGreeks> byKind = GreeksAggregator.byKind(valuation);
    assertThat(byKind.keySet()).contains(new KindKey("BTC", InstrumentKind.OPTION, Settlement.INVERSE),
        new KindKey("BTC", InstrumentKind.FUTURE, Settlement.INVERSE),
        new KindKey("BTC", InstrumentKind.PERPETUAL, Settlement.INVERSE),
        new KindKey("ETH", InstrumentKind.PERPETUAL, Settlement.LINEAR),
        new KindKey("BTC", InstrumentKind.SPOT, Settlement.LINEAR));
    for (Map.Entry<KindKey, NetGreeks> e : byKind.entrySet()) {
      KindKey k = e.getKey();
      assertClose(e.getValue(), sumOfPositions(i -> valuation.underlying(i).equals(k.underlying())
          && valuation.kind(i) == k.kind() && valuation.instrument(i).settlement() == k.settlement()), k.toString());
      if (k.kind() == InstrumentKind.FUTURE || k.kind() == InstrumentKind.PERPETUAL) {
        assertThat(e.getValue().gamma()).isZero();
        assertThat(e.getValue().vega()).isZero();
        assertThat(e.getValue().valueUsd()).isZero();
        assertThat(e.getValue().deltaCoin()).isEqualTo(e.getValue().delta());
      }
      if (k.kind() == InstrumentKind.SPOT) {
        assertThat(e.getValue().valueCoin()).isEqualTo(0.75);
        assertThat(e.getValue().delta()).isEqualTo(0.75);
        assertThat(e.getValue().deltaCoin()).isZero();
      }
    }
  }

  @Test
  void strikeBucketsFollowTheirDocumentedEdges() {
    StrikeBuckets buckets = StrikeBuckets.moneyness(0.9, 1.0, 1.1);
    assertThat(buckets.count()).isEqualTo(4);
    assertThat(buckets.bucketOf(0.5)).isZero();
    assertThat(buckets.bucketOf(0.9)).isEqualTo(1);
    assertThat(buckets.bucketOf(1.0999)).isEqualTo(2);
    assertThat(buckets.bucketOf(1.1)).isEqualTo(3);
    assertThat(buckets.label(0)).isEqualTo("K/F < 0.9");
    assertThat(buckets.label(2)).isEqualTo("1 <= K/F < 1.1");
    assertThat(buckets.label(3)).isEqualTo("K/F >= 1.1");
    assertThat(StrikeBuckets.callDelta(0.25, 0.75).label(1)).isEqualTo("0.25 <= N(d1) < 0.75");
    Map<StrikeBucketKey, NetGreeks> byBucket = GreeksAggregator.byStrikeBucket(valuation, buckets);
    assertThat(new ArrayList<>(byBucket.keySet())).isSorted();
    for (Map.Entry<StrikeBucketKey, NetGreeks> e : byBucket.entrySet()) {
      StrikeBucketKey k = e.getKey();
      assertClose(e.getValue(), sumOfPositions(i -> {
        if (!valuation.underlying(i).equals(k.underlying())) {
          return false;
        }
        if (valuation.kind(i) != InstrumentKind.OPTION) {
          return k.bucket() == StrikeBuckets.NO_STRIKE;
        }
        return buckets.bucketOf(valuation.strike(i) / valuation.forward(i)) == k.bucket();
      }), k.toString());
    }
    assertThatThrownBy(() -> StrikeBuckets.moneyness(1.0, 0.9)).hasMessageContaining("strictly increasing");
    assertThatThrownBy(() -> StrikeBuckets.callDelta(0.5, 1.5)).hasMessageContaining("(0, 1)");
  }

  @Test
  void callDeltaBucketsPutCallsAndPutsOfTheSameStrikeTogether() {
    Portfolio p = Portfolio.of("pair", List.of(Position.of("BTC-28JUN24-70000-C", 1),
        Position.of("BTC-28JUN24-70000-P", 1), Position.of("BTC-28JUN24-56000-P", 1)));
    PortfolioValuation v = PortfolioValuer.DEFAULT.value(p, TestMarket.market());
    StrikeBuckets b = StrikeBuckets.callDelta(0.1, 0.25, 0.4, 0.6, 0.75, 0.9);
    Map<StrikeBucketKey, NetGreeks> byBucket = GreeksAggregator.byStrikeBucket(v, b);
    // the call and the put of 70,000 share N(d1) ≈ 0.2; the 56,000 put is deep in the money for the call side
    assertThat(byBucket).hasSize(2);
    NetGreeks pair = byBucket.get(new StrikeBucketKey("BTC", 1, b.label(1)));
    assertThat(pair.positions()).isEqualTo(2);
    double nd1 = v.delta(0);
    assertThat(nd1).isBetween(0.1, 0.25);
    assertThat(v.delta(1) + 1).isCloseTo(nd1, within(1e-15));
  }

  @Test
  void collateralAddsItsCoinDeltaToItsUnderlyingWhenAsked() {
    Map<String, NetGreeks> without = GreeksAggregator.byUnderlying(valuation);
    Map<String, NetGreeks> with = GreeksAggregator.byUnderlying(valuation, true);
    double btcIndex = market.index("BTC");
    double ethIndex = market.index("ETH");
    assertThat(with.get("BTC").delta()).isEqualTo(without.get("BTC").delta() + 3.0);
    assertThat(with.get("BTC").deltaCoin()).isEqualTo(without.get("BTC").deltaCoin());
    assertThat(with.get("BTC").valueUsd()).isEqualTo(without.get("BTC").valueUsd() + 3.0 * btcIndex);
    assertThat(with.get("ETH").delta()).isEqualTo(without.get("ETH").delta() - 10.0);
    assertThat(with.get("ETH").valueCoin()).isEqualTo(without.get("ETH").valueCoin() - 10.0);
    assertThat(with.get("ETH").valueUsd()).isEqualTo(without.get("ETH").valueUsd() - 10.0 * ethIndex);
    assertThat(with.get("ETH").positions()).isEqualTo(without.get("ETH").positions());
    assertThat(with).doesNotContainKey("USDC");
  }

  @Test
  void btcEquivalentDeltaAndGammaFollowTheBetaFormulas() {
    AssetRisk risk = new AssetRisk("BTC", Map.of("BTC", 0.5, "ETH", 0.7), Map.of("ETH", 0.8));
    assertThat(risk.beta("ETH")).isCloseTo(0.8 * 0.7 / 0.5, within(1e-15));
    assertThat(risk.beta("BTC")).isEqualTo(1.0);
    Map<String, NetGreeks> by = GreeksAggregator.byUnderlying(valuation);
    double sBtc = market.index("BTC");
    double sEth = market.index("ETH");
    ReferenceEquivalent beta = GreeksAggregator.referenceEquivalent(valuation, risk, AssetRisk.Weighting.BETA, false);
    double b = 1.12;
    double expectedDelta = by.get("BTC").delta() + b * by.get("ETH").delta() * sEth / sBtc;
    double expectedGamma = by.get("BTC").gamma() + b * b * by.get("ETH").gamma() * (sEth / sBtc) * (sEth / sBtc);
    assertThat(beta.delta()).isCloseTo(expectedDelta, within(1e-12 * Math.abs(expectedDelta)));
    assertThat(beta.gamma()).isCloseTo(expectedGamma, within(1e-12 * Math.abs(expectedGamma)));
    assertThat(beta.deltaUsd()).isCloseTo(expectedDelta * sBtc, within(1e-12 * Math.abs(expectedDelta * sBtc)));
    assertThat(beta.cashGamma()).isCloseTo(expectedGamma * sBtc * sBtc / 100,
        within(1e-12 * Math.abs(expectedGamma * sBtc * sBtc / 100)));
    assertThat(beta.contributions()).extracting(ReferenceEquivalent.Contribution::underlying)
        .containsExactly("BTC", "ETH");
    // dollar delta of ETH mapped by beta: the contribution in BTC-USD terms is β·Δ_ETH·S_ETH
    ReferenceEquivalent.Contribution eth = beta.contributions().get(1);
    assertThat(eth.deltaEquivalent() * sBtc).isCloseTo(b * eth.delta() * sEth, within(1e-9 * Math.abs(eth.delta()
        * sEth)));
    // correlation weighting uses ρ; at ρ = 0 ETH drops out, at ρ = 1 and equal vols beta = correlation = 1
    ReferenceEquivalent corr = GreeksAggregator.referenceEquivalent(valuation, risk,
        AssetRisk.Weighting.CORRELATION, false);
    assertThat(corr.contributions().get(1).weight()).isEqualTo(0.8);
    ReferenceEquivalent zero = GreeksAggregator.referenceEquivalent(valuation, risk.withAllCorrelations(0),
        AssetRisk.Weighting.BETA, false);
    assertThat(zero.delta()).isEqualTo(by.get("BTC").delta());
    assertThat(zero.gamma()).isEqualTo(by.get("BTC").gamma());
    assertThatThrownBy(() -> GreeksAggregator.referenceEquivalent(valuation,
        new AssetRisk("BTC", Map.of("BTC", 0.5), Map.of()), AssetRisk.Weighting.BETA, false))
        .isInstanceOf(MissingMarketDataException.class).hasMessageContaining("ETH");
  }

  @Test
  void assetRiskRejectsBadInput() {
    assertThatThrownBy(() -> new AssetRisk("BTC", Map.of("ETH", 0.7), Map.of("ETH", 0.8)))
        .hasMessageContaining("must include the reference BTC");
    assertThatThrownBy(() -> new AssetRisk("BTC", Map.of("BTC", 0.5, "ETH", 0.0), Map.of()))
        .hasMessageContaining("volatility of ETH must be finite and > 0, got 0.0");
    assertThatThrownBy(() -> new AssetRisk("BTC", Map.of("BTC", 0.5), Map.of("ETH", 1.2)))
        .hasMessageContaining("correlation of ETH with BTC must be in [-1, 1], got 1.2");
  }
}
