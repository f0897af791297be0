package io.netgamma.core.margin.predictive;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.margin.CurrencyMargin;
import io.netgamma.core.margin.MarginModel;
import io.netgamma.core.margin.MarginResult;
import io.netgamma.core.portfolio.PortfolioValuation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Predictive (volatility-scaled) margin: a scenario model ({@link ScalableMarginModel}: Deribit portfolio margin,
 * SPAN-style, generic) whose price ranges are multiplied, at each valuation instant, by
 * <pre>
 *   factor = clamp(σ_forecast / σ_reference, floor, cap)        (see {@link PredictiveSettings})
 * </pre>
 * σ_forecast being the latest value of a {@link VolatilityPath} known at the valuation's timestamp (an EWMA or
 * GARCH(1,1) forecast from past returns, or the DVOL implied-volatility index): when the forecast rises, margin
 * rises the same day — before the large moves a volatility cluster brings, rather than after a venue reviews its
 * static ranges. With the default floor 1 the margin is never below the static model's.
 *
 * <p>What is scaled: Deribit PM's {@code price_range} (the 9 standard buckets, and the extended table's weight
 * {@code price_range/|move|}); SPAN's price scan range (and the extreme moves, twice it); the generic model's spot
 * shocks, as log returns. Volatility shocks are not scaled. Everything else (offsets, dampeners, contingencies,
 * IM/MM factors) is the static model's. Immutable and thread-safe.
 */
public final class PredictiveMargin implements MarginModel {

  private final ScalableMarginModel base;
  private final VolatilityPath forecast;
  private final PredictiveSettings settings;

  private PredictiveMargin(ScalableMarginModel base, VolatilityPath forecast, PredictiveSettings settings) {
    this.base = ArgChecker.notNull(base, "base model");
    this.forecast = ArgChecker.notNull(forecast, "forecast");
    this.settings = ArgChecker.notNull(settings, "settings");
  }

  /**
   * The predictive version of a scenario model.
   *
   * @param base the static scenario model
   * @param forecast the volatility forecast path, annualised
   * @param settings reference vol, floor and cap
   * @return the model
   */
  public static PredictiveMargin of(ScalableMarginModel base, VolatilityPath forecast, PredictiveSettings settings) {
    return new PredictiveMargin(base, forecast, settings);
  }

  /** {@code predictive-} and the static model's name. */
  @Override
  public String name() {
    return "predictive-" + base.name();
  }

  /** The static model. */
  public ScalableMarginModel base() {
    return base;
  }

  /** The forecast path. */
  public VolatilityPath forecast() {
    return forecast;
  }

  /** The settings. */
  public PredictiveSettings settings() {
    return settings;
  }

  /**
   * The forecast volatility known at an instant.
   *
   * @throws io.netgamma.core.base.MissingMarketDataException when the path starts after {@code instant}
   */
  public double forecastVol(Instant instant) {
    return forecast.asOf(instant);
  }

  /** The scaling factor at an instant: {@code settings.factor(forecastVol(instant))}. */
  public double factor(Instant instant) {
    return settings.factor(forecastVol(instant));
  }

  /**
   * The margin of the valued book with the static model's ranges scaled by the factor at the valuation's
   * timestamp. Each currency's driver says the factor, the forecast and the reference.
   *
   * @throws io.netgamma.core.base.MissingMarketDataException when the forecast starts after the valuation instant
   */
  @Override
  public MarginResult margin(PortfolioValuation valuation) {
    ArgChecker.notNull(valuation, "valuation");
    double sigma = forecastVol(valuation.timestamp());
    double factor = settings.factor(sigma);
    MarginResult r = base.at(factor).margin(valuation);
    String why = String.format(Locale.ROOT, "ranges x %.3f: forecast %.2f%% (%s) / reference %.2f%%", factor,
        100 * sigma, forecast.name(), 100 * settings.referenceVol());
    List<CurrencyMargin> currencies = new ArrayList<>(r.currencies().size());
    for (CurrencyMargin c : r.currencies()) {
      currencies.add(new CurrencyMargin(c.currency(), c.initialMargin(), c.maintenanceMargin(), c.usdPerUnit(),
          c.driver() + "; " + why));
    }
    return new MarginResult(name(), r.timestamp(), currencies, r.instruments(), r.drivingInstrument(),
        r.drivingScenario() + "; " + why);
  }

  @Override
  public String toString() {
    return "PredictiveMargin[" + base.name() + ", " + forecast + ", " + settings + "]";
  }
}
