package io.netgamma.core.sim.stress;

import io.netgamma.core.base.ArgChecker;

/**
 * One step of a stress scenario: the market shock from the scenario's start (cumulative, not the step's own move).
 *
 * @param label what the step is, e.g. the date of a historical day ({@code 2020-03-12}) or {@code shock}
 * @param shock the cumulative shock from the start of the scenario
 */
public record StressStep(String label, MarketShock shock) {

  /** Validates. */
  public StressStep {
    ArgChecker.notBlank(label, "label");
    ArgChecker.notNull(shock, "shock");
  }
}
