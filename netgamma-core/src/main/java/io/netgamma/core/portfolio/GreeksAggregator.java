package io.netgamma.core.portfolio;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.InstrumentKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Net greeks of a {@link PortfolioValuation} by bucket: per underlying, per expiry, per strike bucket, per kind of
 * instrument, per instrument, for the whole book, and as a BTC-equivalent across underlyings. Reads the valuation
 * only (nothing is priced). Stateless.
 *
 * <p><b>How sums are formed.</b> Every bucket is a set of distinct instruments, so a bucket's measure is
 * {@code Σ_j unit(m, j) · netQuantity(j)} over its instruments: positions on the same instrument are netted first
 * (exactly, see {@link PortfolioValuation#netQuantity(int)}), then instruments are summed. A long and a short of the
 * same option therefore add exactly 0 to every aggregate whatever else the book holds; any other aggregate equals
 * the sum of the positions' {@link PortfolioValuation#measure} values up to rounding (a few ulp of the gross sum).
 * {@link NetGreeks#positions()} counts the positions of the bucket. Maps are ordered (see each method).
 */
public final class GreeksAggregator {

  private GreeksAggregator() {
  }

  /**
   * Net greeks per bucket for any bucketing of the distinct instruments.
   *
   * @param valuation the valuation
   * @param keyOfInstrument the bucket key of distinct instrument {@code j} (an index into
   *     {@link Portfolio#instruments()}); null leaves the instrument out
   * @param order the order of the returned map's keys, or null for order of first appearance
   * @param <K> the key type (with {@code equals} and {@code hashCode})
   * @return net greeks per key
   */
  public static <K> Map<K, NetGreeks> aggregate(PortfolioValuation valuation, IntFunction<? extends K> keyOfInstrument,
      Comparator<? super K> order) {
    ArgChecker.notNull(valuation, "valuation");
    ArgChecker.notNull(keyOfInstrument, "keyOfInstrument");
    int m = valuation.instrumentCount();
    Map<K, Integer> ids = new HashMap<>();
    List<K> keys = new ArrayList<>();
    int[] bucketOf = new int[m];
    for (int j = 0; j < m; j++) {
      K key = keyOfInstrument.apply(j);
      if (key == null) {
        bucketOf[j] = -1;
        continue;
      }
      Integer b = ids.get(key);
      if (b == null) {
        b = keys.size();
        ids.put(key, b);
        keys.add(key);
      }
      bucketOf[j] = b;
    }
    double[][] sums = sums(valuation, bucketOf, keys.size());
    int[] counts = new int[keys.size()];
    for (int j = 0; j < m; j++) {
      if (bucketOf[j] >= 0) {
        counts[bucketOf[j]] += valuation.portfolio().positionCount(j);
      }
    }
    Map<K, NetGreeks> out = order == null ? new LinkedHashMap<>() : new TreeMap<>(order);
    for (int b = 0; b < keys.size(); b++) {
      out.put(keys.get(b), NetGreeks.of(counts[b], sums[b]));
    }
    return order == null ? out : new LinkedHashMap<>(out);
  }

  /** sums[bucket][measure] = Σ_{j in bucket} unit[measure][j]·netQuantity[j]. */
  private static double[][] sums(PortfolioValuation valuation, int[] bucketOf, int buckets) {
    double[][] unit = valuation.unitArrays();
    double[] net = valuation.netQuantityArray();
    double[][] sums = new double[buckets][Measure.COUNT];
    for (int j = 0; j < bucketOf.length; j++) {
      int b = bucketOf[j];
      double q = net[j];
      if (b < 0 || q == 0) {
        continue;
      }
      double[] s = sums[b];
      for (int k = 0; k < Measure.COUNT; k++) {
        s[k] += unit[k][j] * q;
      }
    }
    return sums;
  }

  /** The whole book. Coin measures mix underlyings here; see {@link NetGreeks}. */
  public static NetGreeks total(PortfolioValuation valuation) {
    Map<String, NetGreeks> all = aggregate(valuation, j -> "all", null);
    return all.isEmpty() ? NetGreeks.ZERO : all.get("all");
  }

  /** Net greeks per underlying, positions only, ordered by underlying name. */
  public static Map<String, NetGreeks> byUnderlying(PortfolioValuation valuation) {
    return byUnderlying(valuation, false);
  }

  /**
   * Net greeks per underlying, ordered by underlying name.
   *
   * @param includeCollateral when true, each coin collateral balance B adds to its own underlying (a bucket is
   *     created if no position is on that coin): value_usd {@code B·index}, value_coin B, delta B; delta_coin and
   *     every other measure unchanged (see {@link CollateralValue}); stablecoins add nothing. The position count
   *     is unchanged.
   */
  public static Map<String, NetGreeks> byUnderlying(PortfolioValuation valuation, boolean includeCollateral) {
    List<String> underlyings = valuation.underlyings();
    Map<String, NetGreeks> out = aggregate(valuation, j -> underlyings.get(valuation.instrumentUnderlyingIndex(j)),
        Comparator.naturalOrder());
    if (!includeCollateral) {
      return out;
    }
    Map<String, NetGreeks> with = new TreeMap<>(out);
    for (CollateralValue c : valuation.collateral()) {
      if (c.isStablecoin()) {
        continue;
      }
      double[] add = new double[Measure.COUNT];
      add[Measure.VALUE_USD.ordinal()] = c.valueUsd();
      add[Measure.VALUE_COIN.ordinal()] = c.amount();
      add[Measure.DELTA.ordinal()] = c.delta();
      with.merge(c.currency(), NetGreeks.of(0, add), NetGreeks::plus);
    }
    return new LinkedHashMap<>(with);
  }

  /** Net greeks per underlying and expiry, ordered by underlying then expiry; perpetuals and spot last. */
  public static Map<ExpiryKey, NetGreeks> byExpiry(PortfolioValuation valuation) {
    List<String> underlyings = valuation.underlyings();
    return aggregate(valuation, j -> {
      Instrument instrument = valuation.instrumentAt(j);
      long expiry = instrument.expiry() == null ? PortfolioValuation.NO_EXPIRY : instrument.expiry().toEpochMilli();
      return new ExpiryKey(underlyings.get(valuation.instrumentUnderlyingIndex(j)), expiry);
    }, Comparator.naturalOrder());
  }

  /** Net greeks per underlying, kind and settlement, ordered by underlying, kind, settlement. */
  public static Map<KindKey, NetGreeks> byKind(PortfolioValuation valuation) {
    List<String> underlyings = valuation.underlyings();
    return aggregate(valuation, j -> {
      Instrument instrument = valuation.instrumentAt(j);
      return new KindKey(underlyings.get(valuation.instrumentUnderlyingIndex(j)), instrument.kind(),
          instrument.settlement());
    }, Comparator.naturalOrder());
  }

  /**
   * Net greeks per underlying and strike bucket ({@link StrikeBuckets}), ordered by underlying then bucket; the
   * bucket of futures, perpetuals and spot last.
   */
  public static Map<StrikeBucketKey, NetGreeks> byStrikeBucket(PortfolioValuation valuation,
      StrikeBuckets buckets) {
    ArgChecker.notNull(buckets, "buckets");
    List<String> underlyings = valuation.underlyings();
    double[] forwards = valuation.forwardArray();
    double[] times = valuation.timeArray();
    double rate = valuation.rate();
    return aggregate(valuation, j -> {
      Instrument instrument = valuation.instrumentAt(j);
      String u = underlyings.get(valuation.instrumentUnderlyingIndex(j));
      if (instrument.kind() != InstrumentKind.OPTION) {
        return new StrikeBucketKey(u, StrikeBuckets.NO_STRIKE, StrikeBuckets.NO_STRIKE_LABEL);
      }
      double x;
      if (buckets.basis() == StrikeBuckets.Basis.MONEYNESS) {
        x = instrument.strike() / forwards[j];
      } else {
        double df = Math.exp(-rate * times[j]);
        double delta = valuation.unit(Measure.DELTA, j);
        x = Math.min(1.0, Math.max(0.0, (instrument.optionType().isCall() ? delta : delta + df) / df));
      }
      int b = buckets.bucketOf(x);
      return new StrikeBucketKey(u, b, buckets.label(b));
    }, Comparator.naturalOrder());
  }

  /** Net greeks per distinct instrument, in order of first appearance in the portfolio. */
  public static Map<Instrument, NetGreeks> byInstrument(PortfolioValuation valuation) {
    return aggregate(valuation, valuation::instrumentAt, null);
  }

  /**
   * Delta and gamma of the book in units of a reference underlying (see {@link ReferenceEquivalent} for the
   * formulas), from the net greeks per underlying.
   *
   * @param valuation the valuation (its index prices are used, the reference's included)
   * @param risk volatilities and correlations with the reference; must cover every underlying of the book
   * @param weighting beta or correlation
   * @param includeCollateral whether coin collateral adds its delta (see {@link #byUnderlying(PortfolioValuation,
   *     boolean)})
   * @throws io.netgamma.core.base.MissingMarketDataException naming an underlying without volatility, correlation
   *     or index price
   */
  public static ReferenceEquivalent referenceEquivalent(PortfolioValuation valuation, AssetRisk risk,
      AssetRisk.Weighting weighting, boolean includeCollateral) {
    ArgChecker.notNull(risk, "risk");
    ArgChecker.notNull(weighting, "weighting");
    String ref = risk.reference();
    double sRef = valuation.indexPrice(ref);
    double delta = 0;
    double gamma = 0;
    List<ReferenceEquivalent.Contribution> parts = new ArrayList<>();
    for (Map.Entry<String, NetGreeks> e : byUnderlying(valuation, includeCollateral).entrySet()) {
      String u = e.getKey();
      double w = risk.weight(u, weighting);
      double s = valuation.indexPrice(u);
      double ratio = s / sRef;
      double dEq = w * e.getValue().delta() * ratio;
      double gEq = w * w * e.getValue().gamma() * ratio * ratio;
      parts.add(new ReferenceEquivalent.Contribution(u, w, s, e.getValue().delta(), e.getValue().gamma(), dEq, gEq));
      delta += dEq;
      gamma += gEq;
    }
    return new ReferenceEquivalent(ref, weighting, sRef, delta, gamma, delta * sRef, gamma * sRef * sRef / 100.0,
        parts);
  }
}
