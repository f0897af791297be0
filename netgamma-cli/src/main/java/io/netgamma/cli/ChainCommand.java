package io.netgamma.cli;

import io.netgamma.data.tardis.ChainRow;
import io.netgamma.data.io.ReadSummary;
import io.netgamma.data.io.RowIssue;
import io.netgamma.data.tardis.TardisChainReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the commands that read a chain share: the {@code --chain}, {@code --json} and {@code --rate} options,
 * streaming the file row by row, skipping bad and expired rows with a message on stderr, the closing summary on
 * stderr and the exit code. Subclasses print one result per usable row.
 */
abstract class ChainCommand implements Callable<Integer> {

  /** At most this many skipped rows are listed on stderr; the summary counts all of them. */
  static final int MAX_ROW_MESSAGES = 50;

  /** The JSON writer, created on first use (so that tables and --help do not pay for it). */
  static final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }
  }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--chain", required = true, paramLabel = "FILE",
      description = "Tardis.dev options_chain CSV file (plain or .gz), e.g. samples/btc-options-chain.csv")
  Path chain;

  @Option(names = "--json", description = "print one JSON object per line instead of a table")
  boolean json;

  @Option(names = "--rate", paramLabel = "R", defaultValue = "0",
      description = "continuously compounded interest rate as a fraction (0.05 = 5%%); default ${DEFAULT-VALUE}, "
          + "Deribit's convention")
  double rate;

  private PrintWriter err;
  private final Map<String, Long> skipped = new LinkedHashMap<>();
  private long processed;
  private long messages;
  private boolean headerPrinted;
  private long rowsOut;

  @Override
  public final Integer call() {
    if (!(Math.abs(rate) <= 1.0)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--rate must be a fraction between -1 and 1 "
          + "(0.05 = 5%), got " + rate);
    }
    PrintWriter out = spec.commandLine().getOut();
    err = spec.commandLine().getErr();
    ReadSummary summary;
    try {
      summary = read(out);
    } catch (OutputClosed e) {
      return Main.EXIT_OK; // the reader of our output went away (e.g. "| head"): stop quietly
    }
    out.flush();
    StringBuilder text = new StringBuilder();
    text.append(summary.rowsRead()).append(summary.rowsRead() == 1 ? " row" : " rows").append(" read, ")
        .append(processed).append(' ').append(verb());
    appendExtraSummary(text);
    long skippedTotal = skipped.values().stream().mapToLong(Long::longValue).sum();
    text.append(", ").append(skippedTotal).append(" skipped");
    appendCounts(text, skipped);
    err.println(text);
    err.flush();
    return processed == 0 ? Main.EXIT_NOTHING_PROCESSED : Main.EXIT_OK;
  }

  private ReadSummary read(PrintWriter out) {
    return TardisChainReader.DEFAULT.read(chain, row -> {
      if (row.isExpiredAtTimestamp()) {
        skipRow(row, "expired", "has expired (expiry " + row.expiration() + " is not after the row's timestamp "
            + row.timestamp() + ")");
        return;
      }
      if (!headerPrinted && !json) {
        printHeader(out);
        headerPrinted = true;
      }
      if (process(row, out)) {
        processed++;
      }
      if (++rowsOut % 4096 == 0 && out.checkError()) {
        throw new OutputClosed();
      }
    }, this::skipBadRow);
  }

  /** Thrown when standard output can no longer be written; ends the read early. */
  private static final class OutputClosed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutputClosed() {
      super("output closed", null, false, false);
    }
  }

  /** Prints the table header, just before the first result (not called with {@code --json}). */
  abstract void printHeader(PrintWriter out);

  /**
   * Prints the result for one unexpired, well-formed row.
   *
   * @return true when the row counts as processed (priced, solved) in the summary and the exit code
   */
  abstract boolean process(ChainRow row, PrintWriter out);

  /** The past participle for processed rows in the summary ("priced"). */
  abstract String verb();

  /** Adds command-specific counts to the summary, starting with ", " (default: nothing). */
  void appendExtraSummary(StringBuilder summary) {
  }

  /** Appends " (3 expired, 1 bad number)" for the non-empty counts. */
  static void appendCounts(StringBuilder text, Map<String, Long> counts) {
    if (counts.isEmpty()) {
      return;
    }
    text.append(" (");
    boolean first = true;
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      text.append(first ? "" : ", ").append(e.getValue()).append(' ').append(e.getKey());
      first = false;
    }
    text.append(')');
  }

  /**
   * Skips a well-formed row that cannot be processed, with a message on stderr and a count in the summary.
   *
   * @param row the row
   * @param reason the short reason counted in the summary, e.g. "expired"
   * @param detail what happened, shown after the symbol
   */
  final void skipRow(ChainRow row, String reason, String detail) {
    skip(reason, chain + ":" + row.line() + ": skipped: " + row.symbol() + " " + detail);
  }

  private void skipBadRow(RowIssue issue) {
    String detail = issue.field().equals(RowIssue.WHOLE_LINE) ? issue.reason()
        : "field '" + issue.field() + "' = '" + issue.value() + "': " + issue.reason();
    skip(issue.kind().label(), issue.source() + ":" + issue.line() + ": skipped: " + detail);
  }

  private void skip(String reason, String message) {
    skipped.merge(reason, 1L, Long::sum);
    messages++;
    if (messages <= MAX_ROW_MESSAGES) {
      err.println(message);
    } else if (messages == MAX_ROW_MESSAGES + 1) {
      err.println("(further skipped rows are not listed; the summary counts them)");
    }
  }
}
