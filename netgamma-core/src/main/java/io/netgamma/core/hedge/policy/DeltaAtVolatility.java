package io.netgamma.core.hedge.policy;

/**
 * The book's delta with every option's volatility scaled, for the policies that hedge to a delta computed at another
 * volatility than the implied one (Leland's adjusted volatility, Zakamouline's modified volatility).
 *
 * <p>For one option it is Black-76's delta at {@code volScale·σ}; for a book, the sum of every option's delta at its
 * own volatility times {@code volScale}. Only differences {@code delta(s) − delta(1)} are used, so whether the hedge
 * instruments are included does not matter. Implementations should not allocate: the simulator calls this at every
 * step of every path.
 */
@FunctionalInterface
public interface DeltaAtVolatility {

  /**
   * The book's delta, coins (the numeraire of {@link PolicyState#delta()}), with every volatility multiplied by
   * {@code volScale}.
   *
   * @param volScale the factor on every option's volatility, &ge; 0 (1 = as valued)
   */
  double delta(double volScale);
}
