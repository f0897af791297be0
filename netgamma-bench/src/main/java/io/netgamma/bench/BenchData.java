package io.netgamma.bench;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.OptionType;
import io.netgamma.core.pricing.Black76;

import java.util.SplittableRandom;

/**
 * A seeded, reproducible set of random European options in structure-of-arrays form, shared by the side-by-side
 * runner and the JMH benchmarks so that every comparison uses the very same inputs.
 *
 * <p>Each option is drawn independently and uniformly: forward F in [50, 150) USD, strike K = F·m with moneyness m
 * in [0.7, 1.3), time to expiry t in [1 day, 2 years) (ACT/365 years), volatility σ in [0.20, 1.50) as a fraction,
 * call or put with probability 1/2 each ({@link #theta} = +1 call, −1 put). The rate is 0 throughout (Deribit
 * convention), so every price is an undiscounted forward price, which is also what Strata's
 * {@code BlackFormulaRepository} prices.
 *
 * <p>{@link #price} holds the rate-0 Black-76 USD price of each option computed by netgamma's
 * {@link Black76#price}; it is the input of the implied-volatility comparisons, whose true answer is {@link #vol}.
 *
 * <p>The arrays are public and mutable for speed in the benchmarks; treat them as read-only.
 */
public final class BenchData {

  /** The seed used by the runner and the JMH benchmarks unless told otherwise. */
  public static final long DEFAULT_SEED = 20_240_927L;
  /** Lowest forward, USD. */
  public static final double FORWARD_MIN = 50.0;
  /** Highest forward (exclusive), USD. */
  public static final double FORWARD_MAX = 150.0;
  /** Lowest strike as a multiple of the forward. */
  public static final double MONEYNESS_MIN = 0.7;
  /** Highest strike (exclusive) as a multiple of the forward. */
  public static final double MONEYNESS_MAX = 1.3;
  /** Shortest expiry, years (one day, ACT/365). */
  public static final double T_MIN = 1.0 / 365.0;
  /** Longest expiry (exclusive), years. */
  public static final double T_MAX = 2.0;
  /** Lowest volatility, fraction. */
  public static final double VOL_MIN = 0.20;
  /** Highest volatility (exclusive), fraction. */
  public static final double VOL_MAX = 1.50;

  /** Number of options. */
  public final int n;
  /** The seed the set was drawn with. */
  public final long seed;
  /** Forward, USD per coin. */
  public final double[] forward;
  /** Strike, USD per coin. */
  public final double[] strike;
  /** Time to expiry, years ACT/365. */
  public final double[] t;
  /** Volatility, fraction (0.65 = 65%). */
  public final double[] vol;
  /** +1 for a call, −1 for a put. */
  public final double[] theta;
  /** true for a call (the same information as {@link #theta}, in the form Strata takes). */
  public final boolean[] isCall;
  /** Rate-0 Black-76 price in USD per coin from {@link Black76#price}. */
  public final double[] price;

  private BenchData(int n, long seed) {
    this.n = n;
    this.seed = seed;
    this.forward = new double[n];
    this.strike = new double[n];
    this.t = new double[n];
    this.vol = new double[n];
    this.theta = new double[n];
    this.isCall = new boolean[n];
    this.price = new double[n];
  }

  /**
   * Draws {@code n} options with the given seed; the same (n, seed) always gives the same options, and the first
   * k options of a set of n are the options of the set of k.
   *
   * @param n number of options, &gt; 0
   * @param seed seed of the {@link SplittableRandom} stream
   * @return the option set, prices filled
   */
  public static BenchData generate(int n, long seed) {
    ArgChecker.positive(n, "n");
    BenchData d = new BenchData(n, seed);
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      double f = FORWARD_MIN + (FORWARD_MAX - FORWARD_MIN) * rng.nextDouble();
      double m = MONEYNESS_MIN + (MONEYNESS_MAX - MONEYNESS_MIN) * rng.nextDouble();
      double t = T_MIN + (T_MAX - T_MIN) * rng.nextDouble();
      double v = VOL_MIN + (VOL_MAX - VOL_MIN) * rng.nextDouble();
      boolean call = rng.nextBoolean();
      d.forward[i] = f;
      d.strike[i] = f * m;
      d.t[i] = t;
      d.vol[i] = v;
      d.isCall[i] = call;
      d.theta[i] = call ? 1.0 : -1.0;
      d.price[i] = Black76.DEFAULT.price(call ? OptionType.CALL : OptionType.PUT, f, d.strike[i], t, v);
    }
    return d;
  }

  /** {@link #generate(int, long)} with {@link #DEFAULT_SEED}. */
  public static BenchData generate(int n) {
    return generate(n, DEFAULT_SEED);
  }
}
