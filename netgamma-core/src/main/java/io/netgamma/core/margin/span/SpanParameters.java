package io.netgamma.core.margin.span;

import io.netgamma.core.base.ArgChecker;

/**
 * The parameters of {@link SpanMargin} for one combined commodity (all products of one underlying and settlement
 * currency). See {@link SpanMargin} for the sources of each rule.
 *
 * @param priceScanRange the price scan range as a fraction of each forward (0.15: ±15%), in (0, 1); CME states it
 *     in currency per contract, netgamma as a relative move because crypto products of one underlying span many
 *     price levels
 * @param volScanRange the volatility scan range: vol points as a fraction (0.10 = 10 points) when {@code volScanType}
 *     is {@link VolScanType#ABSOLUTE}, a fraction of the current volatility (0.25 = ×1.25 / ×0.75) when
 *     {@link VolScanType#RELATIVE}; &ge; 0 (below 1 when relative)
 * @param volScanType whether {@code volScanRange} is added to or multiplies the volatility
 * @param extremeMultiple the extreme moves of scenarios 15 and 16 as a multiple of the price scan range (SPAN's
 *     standard table: 2); &gt; 0, and {@code extremeMultiple · priceScanRange < 1}
 * @param extremeCoverFraction the fraction of the extreme scenarios' P&amp;L that counts (SPAN's standard cover
 *     fraction: 0.35), in (0, 1]
 * @param shortOptionMinimumRate the short-option minimum per coin of short option, as a fraction of the outright
 *     scan charge on one coin of the underlying ({@code priceScanRange ×} one coin's notional); &ge; 0
 * @param lookAheadDays calendar days by which every option's time to expiry decreases in every scenario (SPAN's
 *     look-ahead time: one trading day; crypto trades every day, so 1 calendar day is the analogue); &ge; 0
 * @param initialToMaintenance initial margin / maintenance margin, &ge; 1 (SPAN's requirement is the maintenance
 *     level; clearing houses set initial margin at or above it)
 * @param source where the values come from, for reports; not blank
 */
public record SpanParameters(double priceScanRange, double volScanRange, VolScanType volScanType,
    double extremeMultiple, double extremeCoverFraction, double shortOptionMinimumRate, double lookAheadDays,
    double initialToMaintenance, String source) {

  /** SPAN's standard extreme move: twice the price scan range. */
  public static final double STANDARD_EXTREME_MULTIPLE = 2.0;
  /** SPAN's standard cover fraction of the extreme moves: 35%. */
  public static final double STANDARD_COVER_FRACTION = 0.35;
  /** One calendar day of look-ahead. */
  public static final double ONE_DAY = 1.0;

  /** How the volatility scan range moves a volatility. */
  public enum VolScanType {
    /** σ ± range (vol points as a fraction). */
    ABSOLUTE,
    /** σ · (1 ± range). */
    RELATIVE
  }

  /** Validates every field, naming it and the value. */
  public SpanParameters {
    ArgChecker.isTrue(priceScanRange > 0 && priceScanRange < 1,
        "SPAN price scan range must be in (0, 1) (a fraction of the forward), got " + priceScanRange);
    ArgChecker.notNull(volScanType, "SPAN vol scan type");
    ArgChecker.notNegative(volScanRange, "SPAN vol scan range");
    ArgChecker.isTrue(volScanType == VolScanType.ABSOLUTE || volScanRange < 1,
        "SPAN relative vol scan range must be below 1, got " + volScanRange);
    ArgChecker.positive(extremeMultiple, "SPAN extreme multiple");
    ArgChecker.isTrue(extremeMultiple * priceScanRange < 1, "SPAN extreme move " + extremeMultiple + " × "
        + priceScanRange + " must be below 1 (a price cannot fall by 100%)");
    ArgChecker.isTrue(extremeCoverFraction > 0 && extremeCoverFraction <= 1,
        "SPAN extreme cover fraction must be in (0, 1], got " + extremeCoverFraction);
    ArgChecker.notNegative(shortOptionMinimumRate, "SPAN short-option minimum rate");
    ArgChecker.notNegative(lookAheadDays, "SPAN look-ahead days");
    ArgChecker.isTrue(initialToMaintenance >= 1 && Double.isFinite(initialToMaintenance),
        "SPAN initial/maintenance ratio must be finite and >= 1, got " + initialToMaintenance);
    ArgChecker.notBlank(source, "SPAN parameters source");
  }

  /**
   * Parameters with SPAN's standard extreme moves (2× the range, 35% counted), one day of look-ahead and initial
   * margin equal to maintenance.
   *
   * @param priceScanRange fraction of the forward
   * @param volScanRange see the record
   * @param volScanType see the record
   * @param shortOptionMinimumRate see the record
   * @param source where the values come from
   * @return the parameters
   */
  public static SpanParameters of(double priceScanRange, double volScanRange, VolScanType volScanType,
      double shortOptionMinimumRate, String source) {
    return new SpanParameters(priceScanRange, volScanRange, volScanType, STANDARD_EXTREME_MULTIPLE,
        STANDARD_COVER_FRACTION, shortOptionMinimumRate, ONE_DAY, 1.0, source);
  }

  /** The look-ahead time in years (ACT/365). */
  public double lookAheadYears() {
    return lookAheadDays / 365.0;
  }
  /**
   * These parameters with the price scan range multiplied by {@code factor}, for volatility-scaled (predictive)
   * margin ({@code io.netgamma.core.margin.predictive.PredictiveMargin}); the extreme moves (a multiple of the
   * range) scale with it, the vol scan range and every other field are unchanged. {@code scaled(1)} is this set.
   *
   * @param factor the multiplier, finite and &gt; 0
   * @return the scaled parameters, the source saying so
   * @throws IllegalArgumentException when the scaled extreme move reaches 100% (named with the values)
   */
  public SpanParameters scaled(double factor) {
    ArgChecker.positive(factor, "SPAN price scan factor");
    ArgChecker.finite(factor, "SPAN price scan factor");
    if (factor == 1.0) {
      return this;
    }
    return new SpanParameters(priceScanRange * factor, volScanRange, volScanType, extremeMultiple,
        extremeCoverFraction, shortOptionMinimumRate, lookAheadDays, initialToMaintenance,
        source + String.format(java.util.Locale.ROOT, ", price scan x %.4f", factor));
  }
}
