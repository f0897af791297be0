package io.netgamma.core.sim.stress;

import io.netgamma.core.base.ArgChecker;
import java.util.List;

/**
 * A stress scenario run on a book.
 *
 * @param scenario the scenario
 * @param model the margin model's name
 * @param start the book before any shock (label {@code start}, zero P&amp;L)
 * @param steps one outcome per step of the scenario, in order (copied)
 * @param liquidation where along the worst step's direction the account would be liquidated
 */
public record StressResult(StressScenario scenario, String model, StepOutcome start, List<StepOutcome> steps,
    LiquidationPoint liquidation) {

  /** Validates and copies. */
  public StressResult {
    ArgChecker.notNull(scenario, "scenario");
    ArgChecker.notBlank(model, "model");
    ArgChecker.notNull(start, "start");
    steps = List.copyOf(ArgChecker.notNull(steps, "steps"));
    ArgChecker.isTrue(steps.size() == scenario.steps().size(), "one outcome per step");
    ArgChecker.notNull(liquidation, "liquidation");
  }

  /** The step with the lowest P&amp;L (the first of equals). */
  public StepOutcome worst() {
    StepOutcome w = steps.get(0);
    for (StepOutcome s : steps) {
      if (s.pnlUsd() < w.pnlUsd()) {
        w = s;
      }
    }
    return w;
  }

  /** The first step at which the account is liquidated (equity below maintenance margin), or null. */
  public StepOutcome firstLiquidation() {
    for (StepOutcome s : steps) {
      if (s.liquidated()) {
        return s;
      }
    }
    return null;
  }
}
