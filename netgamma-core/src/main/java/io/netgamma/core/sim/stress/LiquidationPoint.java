package io.netgamma.core.sim.stress;

import io.netgamma.core.base.ArgChecker;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where along a scenario's direction the account would be liquidated: the smallest scale λ of the scenario's worst
 * step at which the equity falls to the maintenance margin.
 *
 * @param status what was found
 * @param scale λ (1 = the scenario's worst step itself); NaN unless {@link Status#FOUND}
 * @param spotMoves the relative spot moves at λ per underlying (empty unless found; copied)
 * @param spotLevels the index prices at λ, USD (empty unless found; copied)
 * @param note one sentence for people
 */
public record LiquidationPoint(Status status, double scale, Map<String, Double> spotMoves,
    Map<String, Double> spotLevels, String note) {

  /** The outcome of the search. */
  public enum Status {
    /** λ found. */
    FOUND,
    /** Equity is below maintenance margin before any shock. */
    ALREADY_BELOW,
    /** The equity stays above maintenance margin up to the largest scale searched. */
    NOT_REACHED,
    /** No collateral in the portfolio: equity, hence the liquidation point, is unknown. */
    NO_EQUITY,
    /** The scenario's worst step loses nothing: there is no direction of loss to follow. */
    NO_LOSS
  }

  /** Validates and copies. */
  public LiquidationPoint {
    ArgChecker.notNull(status, "status");
    spotMoves = Collections.unmodifiableMap(new LinkedHashMap<>(ArgChecker.notNull(spotMoves, "spotMoves")));
    spotLevels = Collections.unmodifiableMap(new LinkedHashMap<>(ArgChecker.notNull(spotLevels, "spotLevels")));
    ArgChecker.notBlank(note, "note");
    ArgChecker.isTrue(status == Status.FOUND ? Double.isFinite(scale) : Double.isNaN(scale),
        "scale must be finite exactly when the point is found, got " + scale + " for " + status);
  }
}
