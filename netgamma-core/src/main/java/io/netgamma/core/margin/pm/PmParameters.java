package io.netgamma.core.margin.pm;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.base.MissingMarketDataException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A set of Deribit portfolio-margin parameters: the {@code model_params} object of {@code private/pme/simulate}
 * (read by {@code io.netgamma.data.margin.PmParametersReader}).
 *
 * @param pairs scenario parameters by lower-case pair ({@code btc_usd}), copied, not empty
 * @param currencies parameters by lower-case settlement currency ({@code btc}, {@code usd}), copied, not empty
 * @param mmFactor maintenance margin / risk-matrix margin [{@code general.mm_factor}], in (0, 1]
 * @param bucketsCount price steps each side of 0 [{@code general.buckets_count}] (4: 9 buckets), &ge; 1
 * @param volScenariosCount vol scenarios per bucket [{@code general.vol_scenarios_count}]; only 3 is supported
 * @param timestampMillis when the parameters were in force [{@code general.timestamp}], epoch ms, or 0
 * @param source where the set comes from (a file name and its provenance), not blank
 */
public record PmParameters(Map<String, PairParameters> pairs, Map<String, CurrencyParameters> currencies,
    double mmFactor, int bucketsCount, int volScenariosCount, long timestampMillis, String source) {

  /** Validates and copies (order kept). */
  public PmParameters {
    ArgChecker.notNull(pairs, "pairs");
    ArgChecker.notNull(currencies, "currencies");
    pairs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pairs));
    currencies = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(currencies));
    ArgChecker.isTrue(!pairs.isEmpty(), "model_params.currency_pair must not be empty");
    ArgChecker.isTrue(!currencies.isEmpty(), "model_params.currency must not be empty");
    ArgChecker.inRange(mmFactor, Double.MIN_VALUE, 1.0, "mm_factor");
    ArgChecker.positive(bucketsCount, "buckets_count");
    if (volScenariosCount != 3) {
      throw new IllegalArgumentException("vol_scenarios_count must be 3 (up, same, down), got " + volScenariosCount);
    }
    ArgChecker.notBlank(source, "source");
  }

  /**
   * The pair's parameters.
   *
   * @throws MissingMarketDataException naming the pair, the source and the pairs present
   */
  public PairParameters pair(String key) {
    PairParameters p = pairs.get(key);
    if (p == null) {
      throw new MissingMarketDataException("portfolio-margin parameters " + source + " have no currency pair '"
          + key + "' (have: " + pairs.keySet() + ")");
    }
    return p;
  }

  /**
   * The currency's parameters.
   *
   * @throws MissingMarketDataException naming the currency, the source and the currencies present
   */
  public CurrencyParameters currency(String key) {
    CurrencyParameters c = currencies.get(key);
    if (c == null) {
      throw new MissingMarketDataException("portfolio-margin parameters " + source + " have no currency '" + key
          + "' (have: " + currencies.keySet() + ")");
    }
    return c;
  }

  /**
   * This set and another, for a book over several underlyings: pairs and currencies of both ({@code other} wins
   * on a shared key, e.g. {@code usd}); general parameters must agree.
   *
   * @throws IllegalArgumentException when mm_factor or buckets_count differ
   */
  public PmParameters merge(PmParameters other) {
    ArgChecker.notNull(other, "other");
    if (other.mmFactor != mmFactor || other.bucketsCount != bucketsCount) {
      throw new IllegalArgumentException("cannot merge " + source + " and " + other.source
          + ": mm_factor or buckets_count differ");
    }
    Map<String, PairParameters> p = new LinkedHashMap<>(pairs);
    p.putAll(other.pairs);
    Map<String, CurrencyParameters> c = new LinkedHashMap<>(currencies);
    c.putAll(other.currencies);
    return new PmParameters(p, c, mmFactor, bucketsCount, volScenariosCount,
        Math.max(timestampMillis, other.timestampMillis), source + " + " + other.source);
  }
  /**
   * This set with every pair's standard price range ({@code price_range}) multiplied by {@code factor}, for
   * volatility-scaled (predictive) margin ({@code io.netgamma.core.margin.predictive.PredictiveMargin}). The
   * extended table's fraction {@code price_range/|move|} scales with it; vol shocks, offsets, dampeners and the
   * general parameters are unchanged. {@code scaled(1)} is this set.
   *
   * @param factor the multiplier, finite and &gt; 0
   * @return the scaled set, its source saying so
   * @throws IllegalArgumentException naming the pair when a scaled range reaches 0.99 (a 99% fall)
   */
  public PmParameters scaled(double factor) {
    ArgChecker.positive(factor, "price range factor");
    ArgChecker.finite(factor, "price range factor");
    if (factor == 1.0) {
      return this;
    }
    Map<String, PairParameters> p = new LinkedHashMap<>();
    for (Map.Entry<String, PairParameters> e : pairs.entrySet()) {
      PairParameters q = e.getValue();
      double range = q.priceRange() * factor;
      if (!(range < 0.99)) {
        throw new IllegalArgumentException("portfolio-margin parameters " + source + ": " + e.getKey()
            + " price_range " + q.priceRange() + " x factor " + factor + " = " + range
            + " is not below 0.99 (use a lower cap on the scaling factor)");
      }
      p.put(e.getKey(), new PairParameters(range, q.volatilityRangeUp(), q.volatilityRangeDown(),
          q.minVolatilityForShockUp(), q.shortTermVegaPower(), q.longTermVegaPower(), q.extendedTableFactor(),
          q.maxDeltaShock(), q.deltaTotalLiqShockThreshold(), q.marginIncrement()));
    }
    return new PmParameters(p, currencies, mmFactor, bucketsCount, volScenariosCount, timestampMillis,
        source + String.format(java.util.Locale.ROOT, ", price ranges x %.4f", factor));
  }
}
