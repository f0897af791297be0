package io.netgamma.core.sim.market;

/** Why Deribit lists an expiry (an expiry date can be several at once; all expire at 08:00 UTC). */
public enum ExpiryKind {
  /** One of the next few calendar days. */
  DAILY,
  /** One of the next few Fridays. */
  WEEKLY,
  /** The last Friday of one of the next few months. */
  MONTHLY,
  /** The last Friday of one of the next few March, June, September or December months. */
  QUARTERLY
}
