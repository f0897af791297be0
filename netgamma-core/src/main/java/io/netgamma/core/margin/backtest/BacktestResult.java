package io.netgamma.core.margin.backtest;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.margin.backtest.KupiecTest.KupiecResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a {@link MarginBacktest}.
 *
 * @param model the margin model's name
 * @param book the rolling book's name and underlying, in words
 * @param settings the settings it ran with
 * @param days every backtested day, in order (copied)
 * @param skipped days of the window not backtested, by reason, with their count (copied, insertion order)
 * @param kupiec Kupiec's POF test of the breaches against {@link BacktestSettings#expectedRate()}; null when no day
 *     was backtested
 */
public record BacktestResult(String model, String book, BacktestSettings settings, List<BacktestDay> days,
    Map<String, Integer> skipped, KupiecResult kupiec) {

  /** Validates and copies. */
  public BacktestResult {
    ArgChecker.notBlank(model, "model");
    ArgChecker.notBlank(book, "book");
    ArgChecker.notNull(settings, "settings");
    days = List.copyOf(ArgChecker.notNull(days, "days"));
    skipped = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(
        ArgChecker.notNull(skipped, "skipped")));
    ArgChecker.isTrue((kupiec == null) == days.isEmpty(), "a Kupiec test exactly when days were backtested");
  }

  /** Number of backtested days. */
  public int dayCount() {
    return days.size();
  }

  /** Number of breaches (loss &gt; margin). */
  public int breaches() {
    int n = 0;
    for (BacktestDay d : days) {
      if (d.breach()) {
        n++;
      }
    }
    return n;
  }

  /** Breaches / days (0 without days). */
  public double breachRate() {
    return days.isEmpty() ? 0.0 : (double) breaches() / days.size();
  }

  /** The breach rate the claimed confidence expects. */
  public double expectedRate() {
    return settings.expectedRate();
  }

  /** The share of days the margin covered the loss, {@code 1 − breachRate} (1 without days). */
  public double coverage() {
    return 1.0 - breachRate();
  }

  /** The dates of the breaches, in order. */
  public List<LocalDate> breachDates() {
    List<LocalDate> out = new ArrayList<>();
    for (BacktestDay d : days) {
      if (d.breach()) {
        out.add(d.date());
      }
    }
    return out;
  }

  /** The largest loss in excess of the margin, USD (0 without a breach). */
  public double maxShortfallUsd() {
    double m = 0;
    for (BacktestDay d : days) {
      m = Math.max(m, d.shortfallUsd());
    }
    return m;
  }

  /** The day of {@link #maxShortfallUsd()}, or null without a breach. */
  public LocalDate maxShortfallDate() {
    double m = 0;
    LocalDate at = null;
    for (BacktestDay d : days) {
      if (d.shortfallUsd() > m) {
        m = d.shortfallUsd();
        at = d.date();
      }
    }
    return at;
  }

  /** Number of window days not backtested. */
  public int skippedCount() {
    int n = 0;
    for (int c : skipped.values()) {
      n += c;
    }
    return n;
  }

  /** Mean margin over the backtested days, USD (0 without days): the capital cost of the coverage. */
  public double meanMarginUsd() {
    double s = 0;
    for (BacktestDay d : days) {
      s += d.marginUsd();
    }
    return days.isEmpty() ? 0.0 : s / days.size();
  }
}
