package io.netgamma.core.hedge.policy;

/** Why a {@link RebalancingPolicy} decided as it did; {@link #text()} is a short phrase for people. */
public enum DecisionReason {
  /** Nothing hedged yet: the first hedge. */
  INITIAL("first hedge"),
  /** The rebalancing interval has elapsed since the last hedge. */
  INTERVAL_ELAPSED("interval elapsed"),
  /** The rebalancing interval has not elapsed yet. */
  INTERVAL_NOT_ELAPSED("interval not elapsed"),
  /** The delta is outside the no-trade band. */
  OUTSIDE_BAND("delta outside the band"),
  /** The delta is inside the no-trade band. */
  INSIDE_BAND("delta inside the band"),
  /** The underlying moved less than the threshold since the last hedge. */
  MOVE_BELOW_THRESHOLD("move since the last hedge below the threshold"),
  /** The underlying moved at least the threshold since the last hedge. */
  MOVE_ABOVE_THRESHOLD("move since the last hedge at or above the threshold"),
  /** The option has expired (time to expiry &le; 0): nothing left to hedge dynamically. */
  EXPIRED("expired");

  private final String text;

  DecisionReason(String text) {
    this.text = text;
  }

  /** A short phrase for people. */
  public String text() {
    return text;
  }
}
