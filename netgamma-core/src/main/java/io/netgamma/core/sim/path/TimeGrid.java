package io.netgamma.core.sim.path;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.YearFraction;

/**
 * A uniform simulation time grid: {@code steps + 1} points {@code t_i = i·dtYears}, {@code i = 0..steps}, point 0
 * being today. Year fractions are ACT/365 calendar time (crypto trades 24/7), so one hour is {@code 1/8760}.
 *
 * @param steps number of steps (≥ 1)
 * @param dtYears length of one step in years (ACT/365), finite and &gt; 0
 */
public record TimeGrid(int steps, double dtYears) {

  /** Hours in a year of 365 days. */
  public static final double HOURS_PER_YEAR = YearFraction.DAYS_PER_YEAR * 24.0;

  /** Validates the grid. */
  public TimeGrid {
    ArgChecker.positive(steps, "steps");
    ArgChecker.positive(dtYears, "dtYears");
  }

  /** A grid of {@code steps} steps of {@code hours} hours each. */
  public static TimeGrid hourly(int steps, double hours) {
    return new TimeGrid(steps, ArgChecker.positive(hours, "hours") / HOURS_PER_YEAR);
  }

  /** A grid of {@code steps} equal steps spanning {@code horizonYears}. */
  public static TimeGrid over(double horizonYears, int steps) {
    return new TimeGrid(steps, ArgChecker.positive(horizonYears, "horizonYears") / ArgChecker.positive(steps, "steps"));
  }

  /** Number of points, {@code steps + 1}. */
  public int points() {
    return steps + 1;
  }

  /** Time of point {@code i} in years. */
  public double time(int i) {
    return i * dtYears;
  }

  /** Horizon {@code steps·dtYears} in years. */
  public double horizonYears() {
    return steps * dtYears;
  }

  /** Length of one step in hours. */
  public double dtHours() {
    return dtYears * HOURS_PER_YEAR;
  }
}
