package io.netgamma.core.margin.backtest;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.pricing.BatchPricer;
import io.netgamma.core.pricing.BatchPricers;
import java.time.LocalDate;

/**
 * How {@link MarginBacktest} runs.
 *
 * @param horizonDays the liquidation horizon, whole days (the loss is the book's revaluation this many days later),
 *     &ge; 1; default {@link #DEFAULT_HORIZON_DAYS}
 * @param confidence the confidence the margin is taken to claim (no venue publishes one for its margin; netgamma
 *     assumes {@link #DEFAULT_CONFIDENCE} = 99%, the usual clearing-house standard for a one-day horizon), in
 *     (0, 1): the expected breach rate is {@code 1 − confidence}
 * @param measure which margin is compared with the loss; default {@link Measure#MAINTENANCE}, the liquidation
 *     threshold (an account is liquidated when its equity falls below maintenance margin, so MM is what must cover
 *     the loss over the liquidation horizon)
 * @param from the first day (inclusive), or null for the first day with enough history
 * @param to the last day (inclusive), or null for the last day that has a close {@code horizonDays} later
 * @param warmupDays days of history needed before the first backtested day (the fallback volatility forecast's
 *     warm-up), &ge; 1; default {@link #DEFAULT_WARMUP_DAYS}
 * @param pricer the batch kernel of the daily valuation
 */
public record BacktestSettings(int horizonDays, double confidence, Measure measure, LocalDate from, LocalDate to,
    int warmupDays, BatchPricer pricer) {

  /** Default liquidation horizon: one day. */
  public static final int DEFAULT_HORIZON_DAYS = 1;
  /** Default claimed confidence: 99%. */
  public static final double DEFAULT_CONFIDENCE = 0.99;
  /** Default warm-up: 30 daily returns. */
  public static final int DEFAULT_WARMUP_DAYS = 30;
  /** The defaults over the whole history. */
  public static final BacktestSettings DEFAULT = new BacktestSettings(DEFAULT_HORIZON_DAYS, DEFAULT_CONFIDENCE,
      Measure.MAINTENANCE, null, null, DEFAULT_WARMUP_DAYS, BatchPricers.best());

  /** Which margin is compared. */
  public enum Measure {
    /** Initial margin. */
    INITIAL,
    /** Maintenance margin (the liquidation threshold). */
    MAINTENANCE
  }

  /** Validates every field. */
  public BacktestSettings {
    ArgChecker.positive(horizonDays, "horizon days");
    ArgChecker.isTrue(confidence > 0 && confidence < 1, "confidence must be in (0, 1), got " + confidence);
    ArgChecker.notNull(measure, "measure");
    ArgChecker.isTrue(from == null || to == null || !to.isBefore(from), "to " + to + " is before from " + from);
    ArgChecker.positive(warmupDays, "warm-up days");
    ArgChecker.notNull(pricer, "pricer");
  }

  /** With another horizon. */
  public BacktestSettings withHorizonDays(int days) {
    return new BacktestSettings(days, confidence, measure, from, to, warmupDays, pricer);
  }

  /** With another claimed confidence. */
  public BacktestSettings withConfidence(double c) {
    return new BacktestSettings(horizonDays, c, measure, from, to, warmupDays, pricer);
  }

  /** With another compared margin. */
  public BacktestSettings withMeasure(Measure m) {
    return new BacktestSettings(horizonDays, confidence, m, from, to, warmupDays, pricer);
  }

  /** With a window (either may be null). */
  public BacktestSettings withWindow(LocalDate first, LocalDate last) {
    return new BacktestSettings(horizonDays, confidence, measure, first, last, warmupDays, pricer);
  }

  /** With another warm-up. */
  public BacktestSettings withWarmupDays(int days) {
    return new BacktestSettings(horizonDays, confidence, measure, from, to, days, pricer);
  }

  /** With another batch kernel. */
  public BacktestSettings withPricer(BatchPricer p) {
    return new BacktestSettings(horizonDays, confidence, measure, from, to, warmupDays, p);
  }

  /** The breach rate the claimed confidence expects, {@code 1 − confidence}. */
  public double expectedRate() {
    return 1 - confidence;
  }
}
