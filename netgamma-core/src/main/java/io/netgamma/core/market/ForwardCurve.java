package io.netgamma.core.market;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.base.MissingMarketDataException;
import io.netgamma.core.instrument.YearFraction;
import java.util.Arrays;

/**
 * Forward prices of one underlying by expiry, as of a valuation instant.
 *
 * <p>Nodes are (expiry, forward) pairs, e.g. from futures marks, from Deribit's synthetic {@code SYN.} forwards
 * of an option chain, or from put–call parity. Between nodes the curve holds the carry constant: the log-forward
 * {@code ln F(t)} is linear in t, anchored at the index price at t = 0 ({@code ln F(0) = ln index}). Beyond the
 * last node the carry of the last segment continues. At a node the node's forward is returned exactly.
 *
 * <p>Units: forwards and index in USD per 1 coin; expiries in epoch milliseconds (UTC); t in years ACT/365.
 * Immutable and thread-safe.
 */
public final class ForwardCurve {

  private final String underlying;
  private final long valuationMillis;
  private final double index;
  private final long[] expiries;
  private final double[] forwards;
  private final double[] times;
  private final double[] logForwards;

  private ForwardCurve(String underlying, long valuationMillis, double index, long[] expiries, double[] forwards) {
    this.underlying = ArgChecker.notBlank(underlying, "underlying");
    this.valuationMillis = valuationMillis;
    this.index = ArgChecker.positive(index, underlying + " index price");
    ArgChecker.isTrue(expiries.length == forwards.length,
        underlying + ": " + expiries.length + " expiries but " + forwards.length + " forwards");
    Integer[] order = new Integer[expiries.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(expiries[a], expiries[b]));
    this.expiries = new long[expiries.length];
    this.forwards = new double[expiries.length];
    this.times = new double[expiries.length];
    this.logForwards = new double[expiries.length];
    for (int j = 0; j < order.length; j++) {
      int i = order[j];
      ArgChecker.isTrue(expiries[i] > valuationMillis,
          underlying + ": forward node at " + java.time.Instant.ofEpochMilli(expiries[i])
              + " is not after the valuation instant " + java.time.Instant.ofEpochMilli(valuationMillis));
      ArgChecker.isTrue(j == 0 || expiries[i] != this.expiries[j - 1],
          underlying + ": two forwards for expiry " + java.time.Instant.ofEpochMilli(expiries[i]));
      this.expiries[j] = expiries[i];
      this.forwards[j] = ArgChecker.positive(forwards[i], underlying + " forward");
      this.times[j] = YearFraction.act365(valuationMillis, expiries[i]);
      this.logForwards[j] = Math.log(forwards[i]);
    }
  }

  /**
   * A curve from nodes (any order; copied). Each expiry must be after the valuation instant and appear once.
   *
   * @param underlying the coin, e.g. BTC
   * @param valuationMillis valuation instant, epoch milliseconds
   * @param index index (spot) price, USD per coin, &gt; 0
   * @param expiries node expiries, epoch milliseconds
   * @param forwards node forwards, USD per coin, &gt; 0
   */
  public static ForwardCurve of(String underlying, long valuationMillis, double index, long[] expiries,
      double[] forwards) {
    return new ForwardCurve(underlying, valuationMillis, index, expiries.clone(), forwards.clone());
  }

  /** A curve with no nodes: the forward of every expiry is the index price (zero carry). */
  public static ForwardCurve flat(String underlying, long valuationMillis, double index) {
    return new ForwardCurve(underlying, valuationMillis, index, new long[0], new double[0]);
  }

  /** The coin this curve is for. */
  public String underlying() {
    return underlying;
  }

  /** Valuation instant, epoch milliseconds. */
  public long valuationMillis() {
    return valuationMillis;
  }

  /** Index (spot) price, USD per coin. */
  public double index() {
    return index;
  }

  /** Number of nodes. */
  public int size() {
    return expiries.length;
  }

  /** Expiry of node {@code i} (ascending), epoch milliseconds. */
  public long expiry(int i) {
    return expiries[i];
  }

  /** Forward of node {@code i}, USD per coin. */
  public double forwardAt(int i) {
    return forwards[i];
  }

  /**
   * Forward for an expiry, USD per coin: the node's forward at a node, constant carry between nodes and beyond
   * the last; the index price at or before the valuation instant.
   */
  public double forward(long expiryMillis) {
    if (expiryMillis <= valuationMillis) {
      return index;
    }
    int n = expiries.length;
    if (n == 0) {
      return index;
    }
    int pos = Arrays.binarySearch(expiries, expiryMillis);
    if (pos >= 0) {
      return forwards[pos];
    }
    int hi = -pos - 1;
    double t = YearFraction.act365(valuationMillis, expiryMillis);
    double t0;
    double y0;
    double t1;
    double y1;
    if (hi == 0) {
      t0 = 0.0;
      y0 = Math.log(index);
      t1 = times[0];
      y1 = logForwards[0];
    } else if (hi == n) {
      if (n == 1) {
        t0 = 0.0;
        y0 = Math.log(index);
      } else {
        t0 = times[n - 2];
        y0 = logForwards[n - 2];
      }
      t1 = times[n - 1];
      y1 = logForwards[n - 1];
    } else {
      t0 = times[hi - 1];
      y0 = logForwards[hi - 1];
      t1 = times[hi];
      y1 = logForwards[hi];
    }
    return Math.exp(y0 + (y1 - y0) * (t - t0) / (t1 - t0));
  }

  /**
   * The forward of exactly this expiry, when the curve has a node there.
   *
   * @throws MissingMarketDataException naming the underlying and expiry when there is no such node
   */
  public double nodeForward(long expiryMillis) {
    int pos = Arrays.binarySearch(expiries, expiryMillis);
    if (pos < 0) {
      throw new MissingMarketDataException(
          "no " + underlying + " forward for expiry " + java.time.Instant.ofEpochMilli(expiryMillis));
    }
    return forwards[pos];
  }
}
