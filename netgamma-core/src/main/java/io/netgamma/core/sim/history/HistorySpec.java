package io.netgamma.core.sim.history;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.margin.predictive.GarchParameters;
import java.time.LocalDate;

/**
 * What {@link HistoryGenerator} makes: a daily history of one coin.
 *
 * @param start the first day
 * @param days number of days, &ge; 2
 * @param startPrice the first open, USD, &gt; 0
 * @param garch the daily GARCH(1,1) of log returns (zero mean)
 * @param crashDay index of the crash day, in [3, days), or −1 for none
 * @param crashReturn the crash day's log return (e.g. ln 0.62 = −0.478 for −38%), &lt; 0
 * @param foreshockReturn the log return three days before the crash (a first shock that raises forecasts)
 * @param impliedPremium implied over forecast volatility (1.1: implied 10% above the model's forecast), &gt; 0
 * @param impliedNoise daily log-normal noise of the implied volatility, &ge; 0
 */
public record HistorySpec(LocalDate start, int days, double startPrice, GarchParameters garch, int crashDay,
    double crashReturn, double foreshockReturn, double impliedPremium, double impliedNoise) {

  /** Validates every field. */
  public HistorySpec {
    ArgChecker.notNull(start, "start");
    ArgChecker.isTrue(days >= 2, "days must be >= 2, got " + days);
    ArgChecker.positive(startPrice, "start price");
    ArgChecker.notNull(garch, "garch");
    ArgChecker.isTrue(crashDay == -1 || (crashDay >= 3 && crashDay < days), "crash day must be -1 or in [3, "
        + days + "), got " + crashDay);
    ArgChecker.isTrue(crashReturn < 0 && crashReturn > -5, "crash return must be in (-5, 0), got " + crashReturn);
    ArgChecker.finite(foreshockReturn, "foreshock return");
    ArgChecker.positive(impliedPremium, "implied premium");
    ArgChecker.notNegative(impliedNoise, "implied noise");
  }

  /**
   * BTC-like defaults: 2022-01-01 for 1,095 days (three years: a year of history before a two-year backtest
   * window) from 40,000 USD; GARCH α 0.10, β 0.86, long-run volatility 60% a year (ω = 0.04 × 0.36/365); a −9%
   * foreshock three days before a −38% crash on day 865 (2024-05-15); implied volatility 10% above the forecast with
   * 3% daily noise.
   */
  public static HistorySpec btcDemo() {
    return new HistorySpec(LocalDate.of(2022, 1, 1), 1095, 40_000,
        GarchParameters.targeted(0.36 / 365, 0.10, 0.86), 865, Math.log(0.62), Math.log(0.91), 1.10, 0.03);
  }
}
