package io.netgamma.core.margin.predictive;

import io.netgamma.core.base.ArgChecker;

/**
 * How {@link PredictiveMargin} turns a volatility forecast into a scaling of the scenario ranges:
 * <pre>
 *   factor = clamp(σ_forecast / σ_reference, floor, cap)
 * </pre>
 * <ul>
 *   <li>{@code referenceVol} σ_reference: the annualised volatility the venue's static ranges are taken to be set
 *       for; at or below it (with the default floor) the static model applies unchanged. No venue publishes one;
 *       netgamma's backtest defaults it to the long-run realised volatility of the history before the backtest
 *       window (the static ranges being calibrated to normal times), and the CLI takes {@code --reference-vol};</li>
 *   <li>{@code floor} (default {@link #DEFAULT_FLOOR} = 1): never below the venue's static ranges, so predictive
 *       margin only ever adds to the static margin (a floor below 1 would cut margin in calm markets, which is
 *       pro-cyclical in reverse);</li>
 *   <li>{@code cap} (default {@link #DEFAULT_CAP} = 3): bounds the scaling, e.g. Deribit's BTC ±16% standard range
 *       becomes at most ±48% (scaled ranges must stay below 99%).</li>
 * </ul>
 *
 * @param referenceVol σ_reference, annualised fraction, finite and &gt; 0
 * @param floor the smallest factor, finite and &gt; 0
 * @param cap the largest factor, finite and &ge; floor
 */
public record PredictiveSettings(double referenceVol, double floor, double cap) {

  /** Default floor: the static ranges. */
  public static final double DEFAULT_FLOOR = 1.0;
  /** Default cap: three times the static ranges. */
  public static final double DEFAULT_CAP = 3.0;

  /** Validates every field, naming it and its value. */
  public PredictiveSettings {
    ArgChecker.positive(referenceVol, "reference vol");
    ArgChecker.finite(referenceVol, "reference vol");
    ArgChecker.positive(floor, "floor");
    ArgChecker.finite(floor, "floor");
    ArgChecker.finite(cap, "cap");
    ArgChecker.isTrue(cap >= floor, "cap must be >= floor " + floor + ", got " + cap);
  }

  /** Settings with the default floor (1) and cap (3). */
  public static PredictiveSettings of(double referenceVol) {
    return new PredictiveSettings(referenceVol, DEFAULT_FLOOR, DEFAULT_CAP);
  }

  /**
   * The scaling factor for a forecast.
   *
   * @param forecastVol annualised fraction, finite and &ge; 0
   * @return {@code clamp(forecastVol / referenceVol, floor, cap)}
   */
  public double factor(double forecastVol) {
    ArgChecker.notNegative(forecastVol, "forecast vol");
    ArgChecker.finite(forecastVol, "forecast vol");
    double f = forecastVol / referenceVol;
    return f < floor ? floor : Math.min(f, cap);
  }
}
