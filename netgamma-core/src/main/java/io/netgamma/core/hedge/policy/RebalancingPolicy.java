package io.netgamma.core.hedge.policy;

/**
 * When to rebalance a delta hedge and to what delta. Implementations are immutable records (their parameters), with
 * no state of their own: everything that changes lives in the {@link PolicyState}, so one policy serves every path and
 * thread of a simulation.
 *
 * <p>{@link #decide} does not allocate: it fills the state's own {@link HedgeDecision} and returns it.
 */
public interface RebalancingPolicy {

  /**
   * Decides for the book described by {@code state}.
   *
   * @return {@code state.decision()}, filled
   * @throws IllegalStateException when the state lacks something this policy needs (named in the message)
   */
  HedgeDecision decide(PolicyState state);

  /** The spec string of this policy, which {@link PolicySpecs#parse} turns back into an equal policy. */
  String spec();
}
