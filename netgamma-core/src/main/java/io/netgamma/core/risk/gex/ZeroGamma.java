package io.netgamma.core.risk.gex;

import io.netgamma.core.base.ArgChecker;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Where the dealers' total gamma exposure changes sign (the "zero-gamma" or "gamma flip" level), within the
 * profile's spot range.
 *
 * @param level the crossing nearest the current spot, USD per coin; empty when there is none in range
 * @param crossings every crossing found in range, ascending, USD per coin (one per sign change of the profile's grid,
 *     each refined to a root of the fully revalued total GEX); empty when none
 * @param description in words: where the flip is and which way GEX turns, or why there is none ("none in range: GEX
 *     is positive (dealers long gamma) from 52,000.00 to 78,000.00 (-20% to +20% of spot 65,000.00)")
 */
public record ZeroGamma(OptionalDouble level, List<Double> crossings, String description) {

  /** Validates and copies. */
  public ZeroGamma {
    ArgChecker.notNull(level, "level");
    ArgChecker.notNull(crossings, "crossings");
    ArgChecker.notNull(description, "description");
    crossings = List.copyOf(crossings);
    ArgChecker.isTrue(level.isPresent() == !crossings.isEmpty(), "a level exactly when there are crossings");
  }

  /** True when a crossing was found in range. */
  public boolean found() {
    return level.isPresent();
  }
}
