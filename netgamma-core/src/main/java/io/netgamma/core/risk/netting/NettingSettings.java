package io.netgamma.core.risk.netting;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.portfolio.AssetRisk;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parameters of {@link NettingAnalyzer}. Immutable; start from {@link #DEFAULT} and derive with the {@code with...}
 * methods.
 *
 * @param rebalanceInterval δt, how often the delta hedge is rebalanced; &gt; 0 and at most 1 day (default 1 hour)
 * @param costBp proportional cost k of hedge trades, basis points of the USD notional traded, finite and &ge; 0
 *     (default {@value #DEFAULT_COST_BP}: Deribit's taker fee on perpetuals and futures, 0.05%; spread and impact
 *     are not included — raise k to include them)
 * @param volatilities σ per underlying (annualised fraction, finite and &gt; 0) used for the hedging flow; an
 *     underlying not listed takes the ATM implied volatility of the snapshot's surface (see
 *     {@link NettingAnalyzer}); copied
 * @param crisisCorrelation the correlation every pair of underlyings is stressed to in the crisis case, in [−1, 1]
 *     (default {@value #DEFAULT_CRISIS_CORRELATION})
 * @param correlations a given correlation matrix covering the book's underlyings, or null: when given it is the base
 *     case of the book-level hedge and of the correlation sensitivity; when null the base case is the one-factor
 *     matrix of the {@link AssetRisk} ({@link CorrelationMatrix#oneFactor})
 * @param weighting how other underlyings map to the reference for the book's delta and gamma (default BETA)
 */
public record NettingSettings(Duration rebalanceInterval, double costBp, Map<String, Double> volatilities,
    double crisisCorrelation, CorrelationMatrix correlations, AssetRisk.Weighting weighting) {

  /** Default proportional cost, basis points of notional: Deribit's taker fee on perpetuals and futures (0.05%). */
  public static final double DEFAULT_COST_BP = 5.0;
  /** Default crisis correlation. */
  public static final double DEFAULT_CRISIS_CORRELATION = 0.95;
  /** Default rebalancing interval. */
  public static final Duration DEFAULT_REBALANCE_INTERVAL = Duration.ofHours(1);

  /** Hourly rebalancing, 5 bp, surface ATM vols, crisis correlation 0.95, no given matrix, beta weighting. */
  public static final NettingSettings DEFAULT = new NettingSettings(DEFAULT_REBALANCE_INTERVAL, DEFAULT_COST_BP,
      Map.of(), DEFAULT_CRISIS_CORRELATION, null, AssetRisk.Weighting.BETA);

  /** Validates and copies. */
  public NettingSettings {
    ArgChecker.notNull(rebalanceInterval, "rebalanceInterval");
    ArgChecker.isTrue(!rebalanceInterval.isNegative() && !rebalanceInterval.isZero()
        && rebalanceInterval.compareTo(Duration.ofDays(1)) <= 0,
        "rebalance interval must be > 0 and at most 1 day, got " + rebalanceInterval);
    ArgChecker.notNegative(costBp, "cost (bp)");
    ArgChecker.notNull(volatilities, "volatilities");
    Map<String, Double> v = new LinkedHashMap<>();
    volatilities.forEach((u, s) -> {
      ArgChecker.notBlank(u, "underlying");
      ArgChecker.isTrue(s != null && s > 0 && s < Double.POSITIVE_INFINITY,
          "volatility of " + u + " must be a finite fraction > 0 (0.6 = 60%), got " + s);
      v.put(u, s);
    });
    volatilities = Collections.unmodifiableMap(v);
    ArgChecker.isTrue(crisisCorrelation >= -1 && crisisCorrelation <= 1,
        "crisis correlation must be in [-1, 1], got " + crisisCorrelation);
    ArgChecker.notNull(weighting, "weighting");
  }

  /** δt in years, ACT/365 (1 hour = 1/8760). */
  public double rebalanceYears() {
    return rebalanceInterval.toNanos() / (365.0 * 86_400e9);
  }

  /** Rebalances per calendar day, {@code 1 day / δt} (24 for hourly). */
  public double rebalancesPerDay() {
    return 86_400e9 / rebalanceInterval.toNanos();
  }

  /** k as a fraction of notional ({@code costBp / 10,000}). */
  public double costFraction() {
    return costBp / 10_000.0;
  }

  /** These settings with another rebalancing interval. */
  public NettingSettings withRebalanceInterval(Duration interval) {
    return new NettingSettings(interval, costBp, volatilities, crisisCorrelation, correlations, weighting);
  }

  /** These settings with another proportional cost, basis points of notional. */
  public NettingSettings withCostBp(double bp) {
    return new NettingSettings(rebalanceInterval, bp, volatilities, crisisCorrelation, correlations, weighting);
  }

  /** These settings with given volatilities (replacing any given before; others come from the surface). */
  public NettingSettings withVolatilities(Map<String, Double> vols) {
    return new NettingSettings(rebalanceInterval, costBp, vols, crisisCorrelation, correlations, weighting);
  }

  /** These settings with one more given volatility. */
  public NettingSettings withVolatility(String underlying, double vol) {
    Map<String, Double> v = new LinkedHashMap<>(volatilities);
    v.put(underlying, vol);
    return withVolatilities(v);
  }

  /** These settings with another crisis correlation. */
  public NettingSettings withCrisisCorrelation(double rho) {
    return new NettingSettings(rebalanceInterval, costBp, volatilities, rho, correlations, weighting);
  }

  /** These settings with a given correlation matrix (null: the one-factor matrix of the asset risk). */
  public NettingSettings withCorrelations(CorrelationMatrix matrix) {
    return new NettingSettings(rebalanceInterval, costBp, volatilities, crisisCorrelation, matrix, weighting);
  }

  /** These settings with another weighting of underlyings against the reference. */
  public NettingSettings withWeighting(AssetRisk.Weighting w) {
    return new NettingSettings(rebalanceInterval, costBp, volatilities, crisisCorrelation, correlations, w);
  }
}
