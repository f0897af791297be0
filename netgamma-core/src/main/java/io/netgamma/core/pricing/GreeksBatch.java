package io.netgamma.core.pricing;

import io.netgamma.core.base.ArgChecker;

/**
 * The outputs of a {@link BatchPricer} in structure-of-arrays form: one {@code double[]} per measure, index
 * {@code i} holding the price and greeks of option {@code i} of the {@link OptionBatch} that was priced. Names
 * and units are those of {@link OptionGreeks} (Deribit's), per 1 coin of underlying:
 *
 * <ul>
 *   <li>{@link #price} USD; {@link #priceCoin} coin ({@code price/F});</li>
 *   <li>{@link #delta} underlying units; {@link #gamma} per 1 USD;</li>
 *   <li>{@link #vega} USD per vol point; {@link #theta} USD per calendar day; {@link #rho} USD per 1% of rate
 *       (spot fixed);</li>
 *   <li>{@link #vanna} delta per vol point; {@link #volga} vega per vol point; {@link #charm} delta per calendar
 *       day; {@link #speed} gamma per 1 USD;</li>
 *   <li>{@link #deltaCoin} {@code delta − priceCoin} (coin); {@link #gammaCoin} {@code gamma − deltaCoin/F}.</li>
 * </ul>
 *
 * <p>{@link #allocate(int)} holds all 13 measures. {@link #allocateBasic(int)} holds only the five every risk
 * view shows — {@link #price}, {@link #delta}, {@link #gamma}, {@link #vega}, {@link #theta} — and leaves the
 * other eight arrays {@code null}; the pricers then compute and write only those five. At a million options the
 * kernels are bound by memory traffic (each output array is one more 8-byte stream per option), so the basic
 * batch is markedly faster there; in cache the difference is small.
 *
 * <p>The arrays are exposed on purpose (a reusable output buffer); their length is at least {@link #size}. Not
 * thread-safe; several threads may fill disjoint index ranges of one batch.
 */
public final class GreeksBatch {

  /** Capacity: number of options this batch can hold. */
  public final int size;
  /** Whether all 13 arrays are allocated; if false only price, delta, gamma, vega and theta are (others null). */
  public final boolean full;
  /** Premium in USD per 1 coin, discounted at the rate. */
  public final double[] price;
  /** Premium in coin ({@code price/F}); null in a basic batch. */
  public final double[] priceCoin;
  /** ∂price/∂F, underlying units. */
  public final double[] delta;
  /** ∂²price/∂F², per 1 USD. */
  public final double[] gamma;
  /** ∂price/∂σ, USD per vol point (0.01). */
  public final double[] vega;
  /** ∂price/∂(calendar time), USD per calendar day. */
  public final double[] theta;
  /** ∂price/∂r, USD per 1% of rate, spot fixed; null in a basic batch. */
  public final double[] rho;
  /** ∂delta/∂σ per vol point; null in a basic batch. */
  public final double[] vanna;
  /** ∂vega/∂σ, USD per vol point per vol point; null in a basic batch. */
  public final double[] volga;
  /** ∂delta/∂(calendar time) per calendar day; null in a basic batch. */
  public final double[] charm;
  /** ∂gamma/∂F per 1 USD; null in a basic batch. */
  public final double[] speed;
  /** Coin-numeraire delta {@code delta − priceCoin}, coin; null in a basic batch. */
  public final double[] deltaCoin;
  /** ∂deltaCoin/∂F per 1 USD: {@code gamma − deltaCoin/F}; null in a basic batch. */
  public final double[] gammaCoin;

  private GreeksBatch(int n, boolean full) {
    this.size = ArgChecker.notNegative(n, "n");
    this.full = full;
    this.price = new double[n];
    this.delta = new double[n];
    this.gamma = new double[n];
    this.vega = new double[n];
    this.theta = new double[n];
    this.priceCoin = full ? new double[n] : null;
    this.rho = full ? new double[n] : null;
    this.vanna = full ? new double[n] : null;
    this.volga = full ? new double[n] : null;
    this.charm = full ? new double[n] : null;
    this.speed = full ? new double[n] : null;
    this.deltaCoin = full ? new double[n] : null;
    this.gammaCoin = full ? new double[n] : null;
  }

  /** A batch for {@code n} options with all 13 arrays, of length {@code n}, zero. */
  public static GreeksBatch allocate(int n) {
    return new GreeksBatch(n, true);
  }

  /**
   * A batch for {@code n} options with only {@link #price}, {@link #delta}, {@link #gamma}, {@link #vega} and
   * {@link #theta} (the other arrays are null and are neither computed nor written by the pricers).
   */
  public static GreeksBatch allocateBasic(int n) {
    return new GreeksBatch(n, false);
  }

  /**
   * The results at index {@code i} as a record (allocates; for tests, display and single look-ups).
   *
   * @throws IllegalStateException for a basic batch, which does not hold all the measures
   */
  public OptionGreeks get(int i) {
    if (!full) {
      throw new IllegalStateException("a basic greeks batch holds only price, delta, gamma, vega and theta");
    }
    return new OptionGreeks(price[i], priceCoin[i], delta[i], gamma[i], vega[i], theta[i], rho[i], vanna[i],
        volga[i], charm[i], speed[i], deltaCoin[i], gammaCoin[i]);
  }
}
