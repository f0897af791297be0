package io.netgamma.core.portfolio;

import io.netgamma.core.base.ArgChecker;
import java.util.Comparator;

/**
 * A strike bucket of one underlying (see {@link StrikeBuckets}). Ordered by underlying, then bucket; the bucket
 * of futures, perpetuals and spot ({@link StrikeBuckets#NO_STRIKE}) comes last.
 *
 * @param underlying the underlying ({@code BTC})
 * @param bucket the bucket number, 0 to {@link StrikeBuckets#count()}−1, or {@link StrikeBuckets#NO_STRIKE}
 * @param label the bucket's label, e.g. {@code 0.9 <= K/F < 0.97}
 */
public record StrikeBucketKey(String underlying, int bucket, String label) implements Comparable<StrikeBucketKey> {

  private static final Comparator<StrikeBucketKey> ORDER = Comparator.comparing(StrikeBucketKey::underlying)
      .thenComparingInt(k -> k.bucket == StrikeBuckets.NO_STRIKE ? Integer.MAX_VALUE : k.bucket);

  /** Validates. */
  public StrikeBucketKey {
    ArgChecker.notBlank(underlying, "underlying");
    ArgChecker.isTrue(bucket >= 0 || bucket == StrikeBuckets.NO_STRIKE, "bucket must be >= 0 or NO_STRIKE, got "
        + bucket);
    ArgChecker.notBlank(label, "label");
  }

  @Override
  public int compareTo(StrikeBucketKey o) {
    return ORDER.compare(this, o);
  }

  /** {@code BTC 0.9 <= K/F < 0.97}. */
  @Override
  public String toString() {
    return underlying + " " + label;
  }
}
