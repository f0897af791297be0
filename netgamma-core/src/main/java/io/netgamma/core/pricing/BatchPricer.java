package io.netgamma.core.pricing;

/**
 * Black-76 price and greeks of a batch of European options in one pass over structure-of-arrays: reads option
 * {@code i} of an {@link OptionBatch} and writes its results at index {@code i} of a {@link GreeksBatch} (all 13
 * measures, or only price, delta, gamma, vega and theta into a {@link GreeksBatch#allocateBasic basic} batch).
 * Formulas, limits (t ≤ 0: intrinsic value; σ = 0: discounted intrinsic, a step delta, greeks of σ 0) and units
 * are those of {@link Black76#priceAndGreeks}, and the results agree with it to 1e-13 relative with an absolute
 * floor of 1e-13 times the field's natural scale (df·F for USD prices, df for deltas, df/F for gammas,
 * df·F·√t/100 for vega, ...); on realistic books the worst difference seen is about 2e-15. The two
 * implementations from {@link BatchPricers} (scalar and SIMD) agree with each other to the same tolerance on every
 * field. They are not bit-identical: the compiled SIMD kernel's LOG and EXP may differ from {@link Math#log} and
 * {@link Math#exp} in the last ulp (until C2 compiles it, the SIMD kernel runs a Java fallback that happens to
 * match the scalar kernel bit for bit), so two calls of one kernel may differ in the last bits too.
 *
 * <p>Implementations are stateless and thread-safe: several threads may price disjoint ranges into the same
 * output batch. The loops allocate nothing.
 *
 * <p>Invalid input (see {@link OptionBatch#validate(int, int)}) throws {@link IllegalArgumentException} naming
 * the first invalid index, field and value; the outputs of the range are then partially written. Valid input
 * gives finite results throughout the ranges tested (F 1e-8 to 1e12, K/F up to e^±40, t from −1 to 30 years and
 * down to 1e-15, σ from 0 and 1e-12 to 50, rates ±50%); only absurd magnitudes (subnormal forwards, F·σ near
 * the double range), where {@link Black76} itself overflows, can give an infinite or NaN greek.
 */
public interface BatchPricer {

  /** Prices every option of {@code in} ({@code 0 .. in.size-1}) into {@code out} (capacity &ge; {@code in.size}). */
  default void priceAndGreeks(OptionBatch in, GreeksBatch out) {
    priceAndGreeks(in, out, 0, in.size);
  }

  /**
   * Prices options {@code from} (inclusive) to {@code to} (exclusive) of {@code in} into the same indices of
   * {@code out}.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 ≤ from ≤ to ≤ in.size} and {@code to ≤ out.size}
   * @throws IllegalArgumentException at the first invalid option, naming its index, field and value
   */
  void priceAndGreeks(OptionBatch in, GreeksBatch out, int from, int to);

  /** Short name of the kernel for logs and benchmarks, e.g. {@code "scalar"} or {@code "vector-512"}. */
  String name();
}
