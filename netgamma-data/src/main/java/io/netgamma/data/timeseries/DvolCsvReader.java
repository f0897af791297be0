package io.netgamma.data.timeseries;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.data.DataFileException;
import io.netgamma.data.io.IssueKind;
import io.netgamma.data.io.ReadSummary;
import io.netgamma.data.io.RowIssue;
import java.io.Reader;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Streaming reader of Deribit DVOL history CSV files ({@code timestamp,open,high,low,close}, values in
 * <b>percent</b>), plain or gzipped, into a {@link DvolSeries} with values as <b>fractions</b> (an exact decimal
 * shift: 84.8 reads as the double nearest 0.848).
 *
 * <p><b>Format.</b> A header line names the columns (any order; unknown columns ignored). {@code timestamp} is a
 * date {@code YYYY-MM-DD} (the daily files; the period starting at 00:00 UTC), or, as in Deribit's API, epoch
 * milliseconds or an ISO-8601 instant with an offset.
 *
 * <p><b>Bad rows</b> are skipped, reported and counted as in {@link OhlcvCsvReader} (line too long, field count,
 * empty field, bad number or timestamp, a value not &gt; 0, {@code high < max(open, close)},
 * {@code low > min(open, close)}, a timestamp not after the previous row's), with {@link IssueKind} as there.
 * There is no high/low ratio limit: an implied-volatility index may rise by 70% in a day (BTC DVOL 2026-02-05:
 * 53.4 to 90.3). <b>Broken files</b> throw one {@link DataFileException} naming the file. Stateless and thread-safe.
 */
public final class DvolCsvReader {

  /** Default longest accepted line, in characters. */
  public static final int DEFAULT_MAX_LINE_LENGTH = 1024;
  /** The reader with the default limits. */
  public static final DvolCsvReader DEFAULT = new DvolCsvReader(DEFAULT_MAX_LINE_LENGTH, Long.MAX_VALUE);

  private final OhlcCsv.Spec spec;

  private DvolCsvReader(int maxLineLength, long maxRows) {
    ArgChecker.positive(maxLineLength, "maxLineLength");
    ArgChecker.isTrue(maxRows > 0, "maxRows must be > 0, got " + maxRows);
    this.spec = new OhlcCsv.Spec("DVOL", false, true, Double.POSITIVE_INFINITY, maxLineLength, maxRows);
  }

  /**
   * A reader with explicit limits.
   *
   * @param maxLineLength longest accepted line in characters, &gt; 0
   * @param maxRows most data rows per file, &gt; 0
   * @return the reader
   */
  public static DvolCsvReader of(int maxLineLength, long maxRows) {
    return new DvolCsvReader(maxLineLength, maxRows);
  }

  /**
   * A whole file as a series.
   *
   * @param series the good rows, values as fractions
   * @param summary the counts
   */
  public record Result(DvolSeries series, ReadSummary summary) {

    /** Checks that neither is null and that the series has the accepted rows. */
    public Result {
      ArgChecker.notNull(series, "series");
      ArgChecker.notNull(summary, "summary");
      ArgChecker.isTrue(series.size() == summary.rowsAccepted(),
          "series has " + series.size() + " rows but " + summary.rowsAccepted() + " rows were accepted");
    }
  }

  /**
   * Reads a file.
   *
   * @param file the file ({@code .gz}: gzip-compressed)
   * @param issues receives one issue per skipped row, in file order
   * @return the series and the counts
   * @throws DataFileException naming the file when it cannot be read as a whole
   */
  public Result read(Path file, Consumer<RowIssue> issues) {
    TimeSeriesSupport.Columns c = new TimeSeriesSupport.Columns(4);
    ReadSummary summary = OhlcCsv.read(file, spec, c::add, issues);
    return result(c, summary);
  }

  /**
   * Reads CSV text. The reader is not closed.
   *
   * @param reader the text
   * @param source the name used in issues and errors
   * @param issues receives one issue per skipped row
   * @return the series and the counts
   * @throws DataFileException naming {@code source} when the text cannot be read as a whole
   */
  public Result read(Reader reader, String source, Consumer<RowIssue> issues) {
    TimeSeriesSupport.Columns c = new TimeSeriesSupport.Columns(4);
    ReadSummary summary = OhlcCsv.read(reader, source, spec, c::add, issues);
    return result(c, summary);
  }

  private static Result result(TimeSeriesSupport.Columns c, ReadSummary summary) {
    return new Result(new DvolSeries(c.time(), c.column(0), c.column(1), c.column(2), c.column(3)), summary);
  }
}
