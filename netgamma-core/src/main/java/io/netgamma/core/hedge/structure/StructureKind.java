package io.netgamma.core.hedge.structure;

/** The hedging structures for a long spot holding of q coins. */
public enum StructureKind {
  /** Buy q puts at K_p: the holding is worth at least q·K_p at expiry, less the premium. */
  PROTECTIVE_PUT,
  /** Buy q puts at K_p and sell q calls at K_c &gt; K_p: floor q·K_p, cap q·K_c; the call pays for the put. */
  COLLAR,
  /** Buy q puts at K_p and sell q puts at K_l &lt; K_p: protection from K_p down to K_l, for less premium. */
  PUT_SPREAD
}
