package io.netgamma.core.portfolio;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.base.MissingMarketDataException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Volatilities of several underlyings and their correlations with one reference underlying (BTC): what maps
 * exposures in other coins to reference-equivalent exposures ({@link GreeksAggregator#referenceEquivalent}).
 * Given by the user, or estimated from price history ({@link EwmaEstimate#toAssetRisk(String)}). Immutable.
 *
 * <p>The beta of underlying i on the reference is the regression slope of its returns on the reference's,
 * {@code β_i = ρ_i·σ_i/σ_ref}, with ρ_i its correlation with the reference and σ the volatilities (any common
 * unit; annualised fractions by convention); β and ρ of the reference itself are 1.
 *
 * @param reference the reference underlying ({@code BTC})
 * @param volatilities volatility per underlying, the reference included, each finite and &gt; 0 (copied)
 * @param correlations correlation of each other underlying with the reference, in [−1, 1] (copied); an entry for
 *     the reference itself must be 1
 */
public record AssetRisk(String reference, Map<String, Double> volatilities, Map<String, Double> correlations) {

  /** How exposures are mapped to the reference. */
  public enum Weighting {
    /** By beta, {@code w_i = ρ_i·σ_i/σ_ref}: the expected move of i given a move of the reference. */
    BETA,
    /** By correlation alone, {@code w_i = ρ_i} (as if every coin were as volatile as the reference). */
    CORRELATION
  }

  /** Validates and copies. */
  public AssetRisk {
    ArgChecker.notBlank(reference, "reference");
    ArgChecker.notNull(volatilities, "volatilities");
    ArgChecker.notNull(correlations, "correlations");
    Map<String, Double> v = new LinkedHashMap<>();
    volatilities.forEach((u, s) -> {
      ArgChecker.notBlank(u, "underlying");
      ArgChecker.isTrue(s != null && s > 0 && s < Double.POSITIVE_INFINITY,
          "volatility of " + u + " must be finite and > 0, got " + s);
      v.put(u, s);
    });
    ArgChecker.isTrue(v.containsKey(reference), "volatilities must include the reference " + reference
        + ", got " + v.keySet());
    Map<String, Double> c = new LinkedHashMap<>();
    correlations.forEach((u, r) -> {
      ArgChecker.notBlank(u, "underlying");
      ArgChecker.isTrue(r != null && r >= -1 && r <= 1, "correlation of " + u + " with " + reference
          + " must be in [-1, 1], got " + r);
      ArgChecker.isTrue(!u.equals(reference) || r == 1.0, "the correlation of the reference " + reference
          + " with itself must be 1, got " + r);
      c.put(u, r);
    });
    volatilities = Collections.unmodifiableMap(v);
    correlations = Collections.unmodifiableMap(c);
  }

  /**
   * Volatility of an underlying.
   *
   * @throws MissingMarketDataException naming it when absent
   */
  public double volatility(String underlying) {
    Double s = volatilities.get(underlying);
    if (s == null) {
      throw new MissingMarketDataException("no volatility for " + underlying + " (have: " + volatilities.keySet()
          + ")");
    }
    return s;
  }

  /**
   * Correlation of an underlying with the reference (1 for the reference).
   *
   * @throws MissingMarketDataException naming it when absent
   */
  public double correlation(String underlying) {
    if (underlying.equals(reference)) {
      return 1.0;
    }
    Double r = correlations.get(underlying);
    if (r == null) {
      throw new MissingMarketDataException("no correlation of " + underlying + " with " + reference + " (have: "
          + correlations.keySet() + ")");
    }
    return r;
  }

  /** {@code β = ρ·σ/σ_ref} of an underlying (1 for the reference). */
  public double beta(String underlying) {
    if (underlying.equals(reference)) {
      return 1.0;
    }
    return correlation(underlying) * volatility(underlying) / volatility(reference);
  }

  /** The weight of an underlying: its beta or its correlation. */
  public double weight(String underlying, Weighting weighting) {
    return weighting == Weighting.BETA ? beta(underlying) : correlation(underlying);
  }

  /** This with the correlation of one underlying replaced (a stress). */
  public AssetRisk withCorrelation(String underlying, double correlation) {
    Map<String, Double> c = new LinkedHashMap<>(correlations);
    c.put(underlying, correlation);
    return new AssetRisk(reference, volatilities, c);
  }

  /** This with every correlation but the reference's set to {@code correlation} (e.g. 0, or a crisis 0.95). */
  public AssetRisk withAllCorrelations(double correlation) {
    Map<String, Double> c = new LinkedHashMap<>();
    for (String u : volatilities.keySet()) {
      if (!u.equals(reference)) {
        c.put(u, correlation);
      }
    }
    correlations.keySet().forEach(u -> c.putIfAbsent(u, u.equals(reference) ? 1.0 : correlation));
    return new AssetRisk(reference, volatilities, c);
  }
}
