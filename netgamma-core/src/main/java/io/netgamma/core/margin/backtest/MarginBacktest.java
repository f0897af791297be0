package io.netgamma.core.margin.backtest;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.InstrumentKind;
import io.netgamma.core.margin.MarginModel;
import io.netgamma.core.margin.MarginResult;
import io.netgamma.core.margin.backtest.BacktestSettings.Measure;
import io.netgamma.core.margin.predictive.PredictiveMargin;
import io.netgamma.core.margin.predictive.VolatilityForecaster;
import io.netgamma.core.margin.predictive.VolatilityPath;
import io.netgamma.core.market.ForwardCurve;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.portfolio.PortfolioValuation;
import io.netgamma.core.portfolio.PortfolioValuer;
import io.netgamma.core.pricing.Black76;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A margin backtest: walks a daily price history (and optionally a DVOL history), computes a book's margin each day
 * and compares it with the loss the book realised over the liquidation horizon. Stateless.
 *
 * <p><b>Each day D</b> (valued at its close, {@link DailyCloses#closeInstant}):
 * <ol>
 *   <li>the market: index = every forward = the day's close S (zero carry: rate 0, and a forward equal to spot —
 *       a price history has no term structure); one flat volatility σ for every strike and expiry: DVOL/100 of
 *       day D when a DVOL history is given and has day D, else the fallback forecaster's volatility known at D's
 *       close (EWMA of the daily log returns up to D, by default); no smile;</li>
 *   <li>the book: the {@link RollingBook} re-anchored to D (options struck at their moneyness × S, expiring their
 *       constant time to expiry after D's close), valued by {@link PortfolioValuer} on that market;</li>
 *   <li>the margin: the model's {@link Measure#MAINTENANCE maintenance} (default) or initial margin in USD (each
 *       settlement currency at D's index);</li>
 *   <li>the realised loss: the same instruments revalued at the close of D + h (h = the horizon): spot
 *       S' = that close, volatility DVOL/100 of D + h if D's volatility was DVOL and D + h has one, else σ
 *       unchanged; time to expiry shortened by h days (an option expiring within the horizon settles at its
 *       intrinsic value). P&amp;L per settlement currency, as the portfolio-margin scenarios count it: inverse
 *       options {@code q·(V'/S' − V/S)} coin, inverse futures and perpetuals {@code q·(1 − S/S')} coin, linear
 *       options {@code q·(V' − V)}, linear futures, perpetuals and spot {@code q·(S' − S)} USDC; converted to USD
 *       at D's index, like the margin. The loss is minus that P&amp;L;</li>
 *   <li>a breach when loss &gt; margin.</li>
 * </ol>
 * Days are skipped, counted by reason, when there is no close h days later (a gap), before the warm-up, or when
 * the volatility or the predictive model's forecast path starts later. Any other missing data (e.g. parameters
 * without the book's currency pair) fails the run: it would fail every day. Funding, fees and the liquidation's
 * own slippage are not counted.
 */
public final class MarginBacktest {

  /** Daily returns of the default reference volatility: the last year. */
  public static final int REFERENCE_RETURNS = 365;

  private MarginBacktest() {
  }

  /**
   * Runs the backtest.
   *
   * @param book the rolling book (one underlying)
   * @param prices the daily closes of that underlying, USD
   * @param impliedVol the daily closes of an implied-volatility index (DVOL) as fractions (0.65 = 65%), or null
   * @param fallbackVol the volatility of days without DVOL (e.g. {@link #forecastPath}); its values known at each
   *     day's close are used
   * @param model the margin model (a {@link PredictiveMargin} has its daily factor recorded)
   * @param settings horizon, confidence, measure, window, warm-up, kernel
   * @return every day and the summary
   */
  public static BacktestResult run(RollingBook book, DailyCloses prices, DailyCloses impliedVol,
      VolatilityPath fallbackVol, MarginModel model, BacktestSettings settings) {
    ArgChecker.notNull(book, "book");
    ArgChecker.notNull(prices, "prices");
    ArgChecker.notNull(fallbackVol, "fallbackVol");
    ArgChecker.notNull(model, "model");
    ArgChecker.notNull(settings, "settings");
    int h = settings.horizonDays();
    PortfolioValuer valuer = PortfolioValuer.DEFAULT.withPricer(settings.pricer());
    PredictiveMargin predictive = model instanceof PredictiveMargin p ? p : null;
    List<BacktestDay> days = new ArrayList<>();
    Map<String, Integer> skipped = new LinkedHashMap<>();
    int first = settings.from() == null ? 0 : prices.firstOnOrAfter(settings.from());
    int n = book.size();
    double[] value0 = new double[n];
    for (int i = first; i < prices.size(); i++) {
      LocalDate date = prices.date(i);
      if (settings.to() != null && date.isAfter(settings.to())) {
        break;
      }
      if (i < settings.warmupDays()) {
        count(skipped, "warm-up: fewer than " + settings.warmupDays() + " days of history before the day");
        continue;
      }
      int after = prices.indexOf(date.plusDays(h));
      if (after < 0) {
        count(skipped, "no close " + h + " day" + (h == 1 ? "" : "s") + " later (a gap or the end of the history)");
        continue;
      }
      Instant at = prices.closeInstant(i);
      double spot = prices.close(i);
      double spotAfter = prices.close(after);
      double vol;
      String volSource;
      double volAfter;
      int dv = impliedVol == null ? -1 : impliedVol.indexOf(date);
      if (dv >= 0) {
        vol = impliedVol.close(dv);
        volSource = "dvol";
        int dvAfter = impliedVol.indexOf(date.plusDays(h));
        volAfter = dvAfter >= 0 ? impliedVol.close(dvAfter) : vol;
      } else {
        if (!fallbackVol.covers(at)) {
          count(skipped, "no volatility: " + fallbackVol.name() + " starts at " + fallbackVol.start());
          continue;
        }
        vol = fallbackVol.asOf(at);
        volSource = fallbackVol.name();
        volAfter = vol;
      }
      MarketSnapshot market = market(book.underlying(), at, spot, vol);
      Instrument[] instruments = book.instrumentsAt(at, spot);
      PortfolioValuation valuation = valuer.value(book.portfolioAt(at, spot), market);
      double factor = 1.0;
      if (predictive != null) {
        if (!predictive.forecast().covers(at)) {
          count(skipped, "no forecast: " + predictive.forecast().name() + " starts at " + predictive.forecast()
              .start());
          continue;
        }
        factor = predictive.factor(at);
      }
      MarginResult margin = model.margin(valuation);
      double marginUsd = settings.measure() == Measure.MAINTENANCE ? margin.maintenanceMarginUsd()
          : margin.initialMarginUsd();
      double pnlUsd = 0;
      for (int j = 0; j < n; j++) {
        value0[j] = value(instruments[j], spot, vol, book.years(j));
      }
      double years = h / 365.0;
      for (int j = 0; j < n; j++) {
        Instrument ins = instruments[j];
        double q = book.quantity(j);
        double pnl = switch (ins.kind()) {
          case OPTION -> q * (value(ins, spotAfter, volAfter, book.years(j) - years) - value0[j]);
          case FUTURE, PERPETUAL -> ins.isInverse() ? q * (1 - spot / spotAfter) : q * (spotAfter - spot);
          case SPOT -> q * (spotAfter - spot);
        };
        pnlUsd += ins.isInverse() ? pnl * spot : pnl;
      }
      double loss = -pnlUsd + 0.0;
      days.add(new BacktestDay(date, spot, vol, volSource, factor, marginUsd, spotAfter, volAfter, loss,
          loss > marginUsd));
    }
    int breaches = 0;
    for (BacktestDay d : days) {
      breaches += d.breach() ? 1 : 0;
    }
    KupiecTest.KupiecResult kupiec = days.isEmpty() ? null
        : KupiecTest.pof(days.size(), breaches, settings.expectedRate());
    return new BacktestResult(model.name(), book.name() + " (" + book.underlying() + ", " + book.size()
        + " instruments, rolling)", settings, days, skipped, kupiec);
  }

  /**
   * The value of one coin of an option in its settlement currency (coin for inverse, USDC for linear): Black-76 at
   * rate 0 on forward {@code spot}, or the intrinsic value once {@code years ≤ 0}.
   */
  static double value(Instrument ins, double spot, double vol, double years) {
    if (!ins.isOption()) {
      return 0.0;
    }
    double usd = years > 0 ? Black76.DEFAULT.price(ins.optionType(), spot, ins.strike(), years, vol)
        : Math.max(0.0, ins.optionType().sign() * (spot - ins.strike()));
    return ins.isInverse() ? usd / spot : usd;
  }

  /** The backtest's market of one day: index, flat zero-carry forward curve, flat volatility. */
  static MarketSnapshot market(String underlying, Instant at, double spot, double vol) {
    ForwardCurve curve = ForwardCurve.flat(underlying, at.toEpochMilli(), spot);
    return MarketSnapshot.builder(at).index(underlying, spot).forwardCurve(curve)
        .surface(new FlatVolSurface(curve, vol)).build();
  }

  /**
   * A forecaster's volatility path over daily closes: at each day's close, the annualised forecast (365 days a
   * year) of the next day's return from the closes up to that day. The initial variance (used only by the first
   * forecasts; an EWMA ignores it from the first return on) is the mean squared return of the first
   * {@code min(30, n − 1)} returns.
   *
   * @param name for reports
   * @param prices daily closes, at least 2
   * @param forecaster the forecaster
   * @return the path, one value per day
   */
  public static VolatilityPath forecastPath(String name, DailyCloses prices, VolatilityForecaster forecaster) {
    ArgChecker.notNull(prices, "prices");
    ArgChecker.isTrue(prices.size() >= 2, "at least 2 daily closes are needed for a forecast, got " + prices.size());
    double[] closes = prices.closes();
    double[] r = VolatilityForecaster.logReturns(closes);
    int k = Math.min(30, r.length);
    double v = 0;
    for (int i = 0; i < k; i++) {
      v += r[i] * r[i];
    }
    v = v > 0 ? v / k : 1e-8;
    return VolatilityPath.fromPrices(name, prices.closeMillis(), closes, forecaster, v, 365.0);
  }

  /**
   * The realised volatility of the daily closes up to a day, annualised (365 a year, zero mean):
   * {@code sqrt(365·mean(r²))} over the last {@link #REFERENCE_RETURNS} (a year of) returns whose second close is on
   * or before {@code lastDay} (all known at that day's close), or all of them when there are fewer. netgamma's default reference volatility of predictive margin in a backtest (the long-run
   * level the static ranges are taken to be set for), taken up to the first day of the window: no look-ahead.
   *
   * @param prices the daily closes
   * @param lastDay the last day used
   * @return the volatility
   * @throws IllegalArgumentException when fewer than 30 returns end on or before {@code lastDay}
   */
  public static double realisedVolUntil(DailyCloses prices, LocalDate lastDay) {
    ArgChecker.notNull(prices, "prices");
    ArgChecker.notNull(lastDay, "lastDay");
    int end = prices.firstOnOrAfter(lastDay.plusDays(1)); // closes 0 .. end-1
    ArgChecker.isTrue(end - 1 >= 30, "only " + Math.max(0, end - 1) + " daily returns up to " + lastDay
        + ": at least 30 are needed for a reference volatility");
    int begin = Math.max(1, end - REFERENCE_RETURNS);
    double s = 0;
    for (int i = begin; i < end; i++) {
      double r = Math.log(prices.close(i) / prices.close(i - 1));
      s += r * r;
    }
    return Math.sqrt(365.0 * s / (end - begin));
  }

  private static void count(Map<String, Integer> skipped, String reason) {
    skipped.merge(reason, 1, Integer::sum);
  }
}
