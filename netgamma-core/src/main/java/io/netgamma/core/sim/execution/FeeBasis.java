package io.netgamma.core.sim.execution;

/** What a fee rate is a fraction of. */
public enum FeeBasis {
  /** The traded notional, {@code |amount|·fill price} (futures, perpetuals, spot). */
  NOTIONAL,
  /**
   * The underlying, {@code |amount|·underlying price}, capped at a fraction of the option premium (Deribit options:
   * 0.03% of the underlying, at most 12.5% of the option price).
   */
  UNDERLYING
}
