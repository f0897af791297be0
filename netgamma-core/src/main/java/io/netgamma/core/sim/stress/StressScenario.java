package io.netgamma.core.sim.stress;

import io.netgamma.core.base.ArgChecker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A stress scenario: a named sequence of cumulative market shocks ({@link StressStep}), a historical replay (one step
 * per day, each the move from the close before the episode) or a hypothetical shock (one step).
 *
 * @param name a short identifier ({@code 2020-03-12}, {@code btc-30%-vol+20-rho0.9})
 * @param title a one-line description
 * @param kind historical or hypothetical
 * @param steps the steps, at least one (copied)
 * @param source where the numbers come from (a data source and method, or "hypothetical")
 */
public record StressScenario(String name, String title, Kind kind, List<StressStep> steps, String source) {

  /** Where a scenario comes from. */
  public enum Kind {
    /** Replays the moves of a real episode. */
    HISTORICAL,
    /** A shock chosen by the user. */
    HYPOTHETICAL
  }

  /** Validates and copies. */
  public StressScenario {
    ArgChecker.notBlank(name, "name");
    ArgChecker.notBlank(title, "title");
    ArgChecker.notNull(kind, "kind");
    steps = List.copyOf(ArgChecker.notNull(steps, "steps"));
    ArgChecker.isTrue(!steps.isEmpty(), "scenario '" + name + "' has no steps");
    ArgChecker.notBlank(source, "source");
  }

  /**
   * A one-step hypothetical shock: {@code lead} moves by {@code spotMove}, every other underlying of
   * {@code vols} by the move its correlation and volatility imply, {@code ρ·(σ_u/σ_lead)·spotMove} (the regression
   * of its return on the lead's, capped to stay above −95%); every underlying's volatility shifts by
   * {@code volShift}.
   *
   * @param lead the underlying that moves by {@code spotMove}, e.g. BTC
   * @param spotMove the lead's relative move, &gt; −1
   * @param volShift the absolute volatility shift of every underlying, fraction
   * @param correlation the correlation of every other underlying with the lead, in [−1, 1]
   * @param vols the volatility (any common tenor, e.g. 30-day ATM) of the lead and of every other underlying to
   *     move, each &gt; 0
   */
  public static StressScenario hypothetical(String lead, double spotMove, double volShift, double correlation,
      Map<String, Double> vols) {
    ArgChecker.notBlank(lead, "lead");
    ArgChecker.isTrue(Double.isFinite(spotMove) && spotMove > -1, "spot move must be finite and > -1, got " + spotMove);
    ArgChecker.finite(volShift, "vol shift");
    ArgChecker.inRange(correlation, -1, 1, "correlation");
    ArgChecker.notNull(vols, "vols");
    Double leadVol = vols.get(lead);
    ArgChecker.isTrue(leadVol != null, "no volatility for the lead underlying " + lead + " (have: " + vols.keySet()
        + ")");
    ArgChecker.positive(leadVol, lead + " volatility");
    Map<String, Double> moves = new LinkedHashMap<>();
    Map<String, Double> shifts = new LinkedHashMap<>();
    moves.put(lead, spotMove);
    shifts.put(lead, volShift);
    for (Map.Entry<String, Double> e : vols.entrySet()) {
      if (!e.getKey().equals(lead)) {
        double sigma = ArgChecker.positive(e.getValue(), e.getKey() + " volatility");
        moves.put(e.getKey(), Math.max(correlation * sigma / leadVol * spotMove, -0.95));
        shifts.put(e.getKey(), volShift);
      }
    }
    String name = String.format(Locale.ROOT, "%s%+.0f%%-vol%+.0f-rho%.2f", lead.toLowerCase(
        Locale.ROOT), spotMove * 100, volShift * 100, correlation);
    String title = String.format(Locale.ROOT, "%s %+.1f%%, vol %+.1f pts, others at correlation %.2f",
        lead, spotMove * 100, volShift * 100, correlation);
    return new StressScenario(name, title, Kind.HYPOTHETICAL,
        List.of(new StressStep("shock", new MarketShock(moves, shifts))), "hypothetical");
  }
}
