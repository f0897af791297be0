package io.netgamma.data.market;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.data.io.ReadSummary;
import io.netgamma.data.io.RowIssue;
import io.netgamma.data.tardis.ChainRow;
import io.netgamma.data.tardis.TardisChainReader;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The rows of a Tardis {@code options_chain} file reduced to the latest row of each option: a file may hold many
 * snapshots of an option; the last one by timestamp wins, the file's later line on a tie. Bad rows and options
 * expired at their row's timestamp are skipped, each with one message ({@code file:line: skipped: ...}), and
 * counted by reason ({@link io.netgamma.data.io.IssueKind#label()} or {@link Reasons#EXPIRED}). Reading streams:
 * memory grows with the number of options, not rows. Immutable once read.
 */
public final class LatestChainRows {

  private final String source;
  private final Consumer<String> messages;
  private final Map<String, ChainRow> rows = new LinkedHashMap<>();
  private final Map<String, Long> skipped = new LinkedHashMap<>();
  private long superseded;
  private ReadSummary summary;

  private LatestChainRows(String source, Consumer<String> messages) {
    this.source = source;
    this.messages = messages;
  }

  /**
   * Reads a chain file (plain, or gzip when its name ends in {@code .gz}).
   *
   * @param file the file
   * @param messages receives one line per skipped row, in file order
   * @return the latest rows
   * @throws io.netgamma.data.DataFileException naming the file when it cannot be read as a whole
   */
  public static LatestChainRows read(Path file, Consumer<String> messages) {
    ArgChecker.notNull(file, "file");
    LatestChainRows r = new LatestChainRows(file.toString(), ArgChecker.notNull(messages, "messages"));
    r.summary = TardisChainReader.DEFAULT.read(file, r::accept, r::issue);
    return r;
  }

  /**
   * Reads chain CSV text; the reader is not closed.
   *
   * @param reader the text
   * @param source the name used in messages and errors (the file name)
   * @param messages receives one line per skipped row, in order
   * @return the latest rows
   * @throws io.netgamma.data.DataFileException naming the source when it cannot be read as a whole
   */
  public static LatestChainRows read(Reader reader, String source, Consumer<String> messages) {
    ArgChecker.notNull(reader, "reader");
    LatestChainRows r = new LatestChainRows(ArgChecker.notNull(source, "source"),
        ArgChecker.notNull(messages, "messages"));
    r.summary = TardisChainReader.DEFAULT.read(reader, source, r::accept, r::issue);
    return r;
  }

  private void accept(ChainRow row) {
    if (row.isExpiredAtTimestamp()) {
      skip(Reasons.EXPIRED, source + ":" + row.line() + ": skipped: " + row.symbol() + " has expired (expiry "
          + row.expiration() + " is not after the row's timestamp " + row.timestamp() + ")");
      return;
    }
    ChainRow previous = rows.get(row.symbol());
    if (previous != null) {
      superseded++;
      if (row.timestamp().isBefore(previous.timestamp())) {
        return;
      }
    }
    rows.put(row.symbol(), row);
  }

  private void issue(RowIssue issue) {
    String detail = issue.field().equals(RowIssue.WHOLE_LINE) ? issue.reason()
        : "field '" + issue.field() + "' = '" + issue.value() + "': " + issue.reason();
    skip(issue.kind().label(), issue.source() + ":" + issue.line() + ": skipped: " + detail);
  }

  private void skip(String reason, String message) {
    skipped.merge(reason, 1L, Long::sum);
    messages.accept(message);
  }

  /** The chain's name as used in messages: the file path as given. */
  public String source() {
    return source;
  }

  /** The reader's counts (rows read, accepted, skipped by kind). */
  public ReadSummary summary() {
    return summary;
  }

  /** The latest row of each option, in order of the option's first appearance; unmodifiable. */
  public Collection<ChainRow> rows() {
    return Collections.unmodifiableCollection(rows.values());
  }

  /** Rows skipped while reading (bad rows by kind label, expired at their timestamp), by reason; unmodifiable. */
  public Map<String, Long> skipped() {
    return Collections.unmodifiableMap(skipped);
  }

  /** Rows replaced by (or older than) another row of the same option. */
  public long superseded() {
    return superseded;
  }

  /** The latest timestamp of the kept rows (the default snapshot instant), or null when there are none. */
  public Instant latestTimestamp() {
    Instant latest = null;
    for (ChainRow r : rows.values()) {
      if (latest == null || r.timestamp().isAfter(latest)) {
        latest = r.timestamp();
      }
    }
    return latest;
  }
}
