package io.netgamma.data.io;

import io.netgamma.core.base.ArgChecker;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a read of one file found: how many data rows were read, how many were accepted, and how many were
 * skipped for each {@link IssueKind}. Blank lines are not rows and are not counted.
 *
 * @param source the file (or stream) name
 * @param rowsRead data lines read (excluding the header and blank lines)
 * @param rowsAccepted rows handed to the row consumer
 * @param skipped skipped rows by reason; kinds that did not occur are absent; unmodifiable
 */
public record ReadSummary(String source, long rowsRead, long rowsAccepted, Map<IssueKind, Long> skipped) {

  /** Validates the counts: accepted plus skipped equals read. */
  public ReadSummary {
    ArgChecker.notNull(source, "source");
    ArgChecker.notNull(skipped, "skipped");
    EnumMap<IssueKind, Long> copy = new EnumMap<>(IssueKind.class);
    long total = 0;
    for (Map.Entry<IssueKind, Long> e : skipped.entrySet()) {
      ArgChecker.isTrue(e.getValue() != null && e.getValue() > 0,
          "skipped count for " + e.getKey() + " must be > 0, got " + e.getValue());
      copy.put(e.getKey(), e.getValue());
      total += e.getValue();
    }
    ArgChecker.isTrue(rowsAccepted >= 0 && rowsAccepted + total == rowsRead,
        "rowsAccepted (" + rowsAccepted + ") + skipped (" + total + ") must equal rowsRead (" + rowsRead + ")");
    skipped = Collections.unmodifiableMap(copy);
  }

  /**
   * Rows skipped for any reason.
   *
   * @return {@code rowsRead - rowsAccepted}
   */
  public long rowsSkipped() {
    return rowsRead - rowsAccepted;
  }

  /**
   * Rows skipped for one reason.
   *
   * @param kind the reason
   * @return the count, 0 when it did not occur
   */
  public long skipped(IssueKind kind) {
    return skipped.getOrDefault(kind, 0L);
  }

  /**
   * One line for people, e.g. {@code "326 rows read, 320 accepted, 6 skipped (4 bad number, 2 inconsistent)"}.
   *
   * @return the summary text
   */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append(rowsRead).append(rowsRead == 1 ? " row" : " rows").append(" read, ")
        .append(rowsAccepted).append(" accepted, ").append(rowsSkipped()).append(" skipped");
    if (!skipped.isEmpty()) {
      sb.append(" (");
      boolean first = true;
      for (Map.Entry<IssueKind, Long> e : skipped.entrySet()) {
        sb.append(first ? "" : ", ").append(e.getValue()).append(' ').append(e.getKey().label());
        first = false;
      }
      sb.append(')');
    }
    return sb.toString();
  }
}
