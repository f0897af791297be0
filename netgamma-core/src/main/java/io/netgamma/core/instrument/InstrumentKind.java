package io.netgamma.core.instrument;

/** What an instrument is. */
public enum InstrumentKind {
  /** European option on a forward (Deribit options are European, cash-settled at the 08:00 UTC fixing). */
  OPTION,
  /** Dated future, settled at its 08:00 UTC expiry. */
  FUTURE,
  /** Perpetual swap (no expiry; funding paid continuously / every 8 hours). */
  PERPETUAL,
  /** Spot pair such as {@code BTC_USDC}. */
  SPOT
}
