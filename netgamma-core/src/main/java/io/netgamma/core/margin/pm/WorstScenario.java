package io.netgamma.core.margin.pm;

import io.netgamma.core.base.ArgChecker;

/**
 * The scenario of the risk matrix with the largest aggregated loss, in the terms of Deribit's
 * {@code worst_case_bucket}.
 *
 * @param source {@code standard} or {@code extended}
 * @param index 0-based entry of its table: standard {@code 3·(bucket − 1) + vol} with vol 0 = up, 1 = same,
 *     2 = down (so bucket 1 "vol same" is index 1, bucket 9 is 25); extended 0..7
 * @param bucket 1-based price bucket (standard 1..2B+1, extended 1..8)
 * @param side {@code left} (price down), {@code center} or {@code right} (price up)
 * @param priceMove the price move, fraction (−0.16)
 * @param vol {@code up}, {@code same} or {@code down}
 */
public record WorstScenario(String source, int index, int bucket, String side, double priceMove, String vol) {

  /** Validates. */
  public WorstScenario {
    ArgChecker.notBlank(source, "source");
    ArgChecker.notNegative(index, "index");
    ArgChecker.positive(bucket, "bucket");
    ArgChecker.notBlank(side, "side");
    ArgChecker.finite(priceMove, "priceMove");
    ArgChecker.notBlank(vol, "vol");
  }

  /** {@code standard bucket 1 (-16.00%), vol same}. */
  public String describe() {
    return String.format(java.util.Locale.ROOT, "%s bucket %d (%+.2f%%), vol %s", source, bucket, 100 * priceMove,
        vol);
  }
}
