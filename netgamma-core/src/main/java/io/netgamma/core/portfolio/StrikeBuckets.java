package io.netgamma.core.portfolio;

import io.netgamma.core.base.ArgChecker;
import java.util.Arrays;

/**
 * How options are put into strike buckets: by a coordinate x of the option and increasing edges
 * {@code e_0 < e_1 < ... < e_{n−1}}, bucket 0 is {@code x < e_0}, bucket b is {@code e_{b−1} ≤ x < e_b}, bucket n is
 * {@code x ≥ e_{n−1}} (n + 1 buckets). Futures, perpetuals and spot have no strike and go to {@link #NO_STRIKE}.
 * Immutable.
 *
 * <p>Coordinates ({@link Basis}):
 * <ul>
 *   <li>{@link Basis#MONEYNESS}: {@code x = K/F}, strike over the forward of the option's expiry;</li>
 *   <li>{@link Basis#CALL_DELTA}: {@code x = N(d1)}, the undiscounted Black-76 delta of the call of that strike
 *       (for a put, its delta plus the discount factor, over the discount factor), in [0, 1]: 0.5 at the money
 *       forward-neutral, small for high strikes, so a 25-delta put sits near 0.75.</li>
 * </ul>
 */
public final class StrikeBuckets {

  /** The bucket of instruments without a strike. */
  public static final int NO_STRIKE = -1;
  /** Label of {@link #NO_STRIKE}. */
  public static final String NO_STRIKE_LABEL = "no strike (futures, perpetuals, spot)";

  /** The default: moneyness K/F with edges 0.8, 0.9, 0.97, 1.03, 1.1, 1.2 (7 buckets, ±3% at the money). */
  public static final StrikeBuckets DEFAULT = moneyness(0.8, 0.9, 0.97, 1.03, 1.1, 1.2);

  /** What the edges are compared with. */
  public enum Basis {
    /** Strike over forward, K/F. */
    MONEYNESS("K/F"),
    /** Undiscounted call delta N(d1). */
    CALL_DELTA("N(d1)");

    private final String symbol;

    Basis(String symbol) {
      this.symbol = symbol;
    }

    /** The symbol used in labels. */
    public String symbol() {
      return symbol;
    }
  }

  private final Basis basis;
  private final double[] edges;

  private StrikeBuckets(Basis basis, double[] edges) {
    this.basis = ArgChecker.notNull(basis, "basis");
    ArgChecker.isTrue(edges.length > 0, "strike buckets need at least one edge");
    for (int b = 0; b < edges.length; b++) {
      ArgChecker.finite(edges[b], "edge " + b);
      ArgChecker.isTrue(b == 0 || edges[b] > edges[b - 1], "edges must be strictly increasing, got "
          + Arrays.toString(edges));
    }
    this.edges = edges.clone();
  }

  /** Buckets by K/F at the given edges (strictly increasing, &gt; 0). */
  public static StrikeBuckets moneyness(double... edges) {
    ArgChecker.isTrue(edges.length > 0 && edges[0] > 0, "moneyness edges must be > 0, got "
        + Arrays.toString(edges));
    return new StrikeBuckets(Basis.MONEYNESS, edges);
  }

  /** Buckets by the undiscounted call delta N(d1) at the given edges (strictly increasing, in (0, 1)). */
  public static StrikeBuckets callDelta(double... edges) {
    ArgChecker.isTrue(edges.length > 0 && edges[0] > 0 && edges[edges.length - 1] < 1,
        "call-delta edges must be in (0, 1), got " + Arrays.toString(edges));
    return new StrikeBuckets(Basis.CALL_DELTA, edges);
  }

  /** The coordinate. */
  public Basis basis() {
    return basis;
  }

  /** Number of buckets (edges + 1), not counting {@link #NO_STRIKE}. */
  public int count() {
    return edges.length + 1;
  }

  /** The bucket of coordinate {@code x} (finite). */
  public int bucketOf(double x) {
    int b = 0;
    while (b < edges.length && x >= edges[b]) {
      b++;
    }
    return b;
  }

  /** The label of bucket {@code b}, e.g. {@code K/F < 0.8}, {@code 0.9 <= K/F < 0.97}, {@code K/F >= 1.2}. */
  public String label(int b) {
    if (b == NO_STRIKE) {
      return NO_STRIKE_LABEL;
    }
    ArgChecker.isTrue(b >= 0 && b <= edges.length, "bucket must be in [0, " + edges.length + "], got " + b);
    String s = basis.symbol;
    if (b == 0) {
      return s + " < " + format(edges[0]);
    }
    if (b == edges.length) {
      return s + " >= " + format(edges[b - 1]);
    }
    return format(edges[b - 1]) + " <= " + s + " < " + format(edges[b]);
  }

  private static String format(double d) {
    return new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StrikeBuckets b && basis == b.basis && Arrays.equals(edges, b.edges);
  }

  @Override
  public int hashCode() {
    return basis.hashCode() * 31 + Arrays.hashCode(edges);
  }

  @Override
  public String toString() {
    return "StrikeBuckets[" + basis + " " + Arrays.toString(edges) + "]";
  }
}
