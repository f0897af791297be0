package io.netgamma.core.sim.book;

import io.netgamma.core.base.ArgChecker;

/**
 * What {@link DeskBookGenerator} makes: a book's name, its size and the desk's habits. Immutable.
 *
 * @param name the portfolio name, not blank
 * @param positions the number of positions in the book, options and hedges together, in
 *     [{@link DeskBookGenerator#minimumPositions the market's minimum}, {@value #MAX_POSITIONS}]
 * @param shortPutShare probability that an option position on a put is short, in [0, 1] (customers buy puts for
 *     protection, so a dealer's puts are mostly short; default 0.70)
 * @param shortCallShare probability that an option position on a call is short, in [0, 1] (customers both buy calls
 *     and sell them against their coins; default 0.55)
 * @param hedgeRatio the fraction of the options' coin-numeraire delta that the futures and perpetual hedge, in
 *     [0, 1]; the generator draws each underlying's ratio uniformly within ±5 points of it (clipped to [0, 1]), so
 *     the book keeps a residual delta as a real desk does between rebalances (default 0.85)
 */
public record DeskBookSpec(String name, int positions, double shortPutShare, double shortCallShare,
    double hedgeRatio) {

  /** The largest book. */
  public static final int MAX_POSITIONS = 1_000_000;
  /** Name of the default book. */
  public static final String DEFAULT_NAME = "demo desk";

  /** Validates. */
  public DeskBookSpec {
    ArgChecker.notBlank(name, "name");
    ArgChecker.isTrue(positions >= 1 && positions <= MAX_POSITIONS,
        "positions must be in [1, " + MAX_POSITIONS + "], got " + positions);
    ArgChecker.inRange(shortPutShare, 0, 1, "shortPutShare");
    ArgChecker.inRange(shortCallShare, 0, 1, "shortCallShare");
    ArgChecker.inRange(hedgeRatio, 0, 1, "hedgeRatio");
  }

  /**
   * The default desk ({@value #DEFAULT_NAME}: 70% of puts and 55% of calls short, 85% of the delta hedged) with
   * {@code positions} positions.
   */
  public static DeskBookSpec of(int positions) {
    return new DeskBookSpec(DEFAULT_NAME, positions, 0.70, 0.55, 0.85);
  }

  /** This spec with another number of positions. */
  public DeskBookSpec withPositions(int newPositions) {
    return new DeskBookSpec(name, newPositions, shortPutShare, shortCallShare, hedgeRatio);
  }

  /** This spec with another hedge ratio. */
  public DeskBookSpec withHedgeRatio(double newHedgeRatio) {
    return new DeskBookSpec(name, positions, shortPutShare, shortCallShare, newHedgeRatio);
  }
}
