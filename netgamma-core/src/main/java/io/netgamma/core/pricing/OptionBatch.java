package io.netgamma.core.pricing;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.OptionType;

/**
 * The inputs of a batch of European options in structure-of-arrays form: one {@code double[]} per field, the
 * option at index {@code i} being {@code (theta[i], forward[i], strike[i], t[i], vol[i], rate[i])}, the same
 * arguments, units and conventions as {@link Black76#priceAndGreeks}. Read by a {@link BatchPricer}, which fills
 * a {@link GreeksBatch} at the same indices.
 *
 * <ul>
 *   <li>{@link #forward} — forward of the option's own expiry, USD per 1 coin (finite, &gt; 0);</li>
 *   <li>{@link #strike} — strike, USD per 1 coin (finite, &gt; 0);</li>
 *   <li>{@link #t} — time to expiry in years, ACT/365 (finite; {@code t ≤ 0} means expired: intrinsic value);</li>
 *   <li>{@link #vol} — Black-76 volatility as a fraction, 0.65 = 65% (finite, &ge; 0; 0 gives the discounted
 *       intrinsic value);</li>
 *   <li>{@link #rate} — continuously compounded rate (finite; 0 on Deribit);</li>
 *   <li>{@link #theta} — +1 for a call, −1 for a put (exactly).</li>
 * </ul>
 *
 * <p>The arrays are exposed on purpose (this is a structure-of-arrays buffer, filled in place and reused across
 * ticks); their length is at least {@link #size}. Not thread-safe: a batch is a mutable buffer, to be filled by
 * one thread before it is priced. Pricers validate the range they price and name the first bad index; call
 * {@link #validate(int, int)} to check a range up front.
 */
public final class OptionBatch {

  /** Number of options (indices {@code 0 .. size-1}). */
  public final int size;
  /** Forwards, USD per 1 coin. */
  public final double[] forward;
  /** Strikes, USD per 1 coin. */
  public final double[] strike;
  /** Times to expiry, years ACT/365. */
  public final double[] t;
  /** Volatilities, fractions (0.65 = 65%). */
  public final double[] vol;
  /** Continuously compounded rates (0 = undiscounted, the Deribit convention). */
  public final double[] rate;
  /** +1 for a call, −1 for a put. */
  public final double[] theta;

  private OptionBatch(int size, double[] forward, double[] strike, double[] t, double[] vol, double[] rate,
      double[] theta) {
    this.size = ArgChecker.notNegative(size, "size");
    ArgChecker.sameLength(size, "forward, strike, t, vol, rate, theta", forward, strike, t, vol, rate, theta);
    this.forward = forward;
    this.strike = strike;
    this.t = t;
    this.vol = vol;
    this.rate = rate;
    this.theta = theta;
  }

  /**
   * A batch of {@code n} options with fresh arrays of length {@code n}, all zero: fill every field except the
   * rate (0 by default) before pricing.
   */
  public static OptionBatch allocate(int n) {
    ArgChecker.notNegative(n, "n");
    return new OptionBatch(n, new double[n], new double[n], new double[n], new double[n], new double[n],
        new double[n]);
  }

  /**
   * A batch over existing arrays, without copying (each of length &ge; {@code size}); later writes to the arrays
   * are seen by the batch.
   */
  public static OptionBatch of(int size, double[] forward, double[] strike, double[] t, double[] vol,
      double[] rate, double[] theta) {
    return new OptionBatch(size, forward, strike, t, vol, rate, theta);
  }

  /**
   * Sets option {@code i}, arguments in the order of {@link Black76#priceAndGreeks}. Not validated here (see
   * {@link #validate(int, int)}).
   *
   * @return this batch, for chaining
   */
  public OptionBatch set(int i, double theta, double forward, double strike, double t, double vol, double rate) {
    this.theta[i] = theta;
    this.forward[i] = forward;
    this.strike[i] = strike;
    this.t[i] = t;
    this.vol[i] = vol;
    this.rate[i] = rate;
    return this;
  }

  /**
   * Sets option {@code i} from its type (call +1, put −1); see
   * {@link #set(int, double, double, double, double, double, double)}.
   */
  public OptionBatch set(int i, OptionType type, double forward, double strike, double t, double vol, double rate) {
    return set(i, type.sign(), forward, strike, t, vol, rate);
  }

  /** Checks {@code 0 ≤ from ≤ to ≤ size}, naming the bounds. */
  public void checkRange(int from, int to) {
    if (from < 0 || from > to || to > size) {
      throw new IndexOutOfBoundsException(
          "option batch range [" + from + ", " + to + ") is not within [0, " + size + ")");
    }
  }

  /** Validates every option of the batch; see {@link #validate(int, int)}. */
  public void validate() {
    validate(0, size);
  }

  /**
   * Validates options {@code from} (inclusive) to {@code to} (exclusive) in index order and throws
   * {@link IllegalArgumentException} at the first invalid field, naming the index, the field and the value,
   * e.g. {@code "option batch index 17: vol must be finite and >= 0, got NaN"}. The rules are those of
   * {@link Black76}: forward and strike finite and &gt; 0, t finite, vol finite and &ge; 0, rate finite, theta +1
   * or −1.
   *
   * @throws IndexOutOfBoundsException if the range is not within {@code [0, size)}
   */
  public void validate(int from, int to) {
    checkRange(from, to);
    for (int i = from; i < to; i++) {
      double f = forward[i];
      double k = strike[i];
      double tt = t[i];
      double v = vol[i];
      double r = rate[i];
      double th = theta[i];
      if (!(f > 0 && f < Double.POSITIVE_INFINITY)) {
        throw invalid(i, "forward must be finite and > 0", f);
      }
      if (!(k > 0 && k < Double.POSITIVE_INFINITY)) {
        throw invalid(i, "strike must be finite and > 0", k);
      }
      if (!Double.isFinite(tt)) {
        throw invalid(i, "t (years to expiry) must be finite", tt);
      }
      if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
        throw invalid(i, "vol must be finite and >= 0", v);
      }
      if (!Double.isFinite(r)) {
        throw invalid(i, "rate must be finite", r);
      }
      if (th != 1.0 && th != -1.0) {
        throw invalid(i, "theta must be +1 (call) or -1 (put)", th);
      }
    }
  }

  private static IllegalArgumentException invalid(int i, String rule, double value) {
    return new IllegalArgumentException("option batch index " + i + ": " + rule + ", got " + value);
  }
}
