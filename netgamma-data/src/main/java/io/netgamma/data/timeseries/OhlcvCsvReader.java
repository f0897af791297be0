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
 * Streaming reader of OHLCV candle CSV files ({@code timestamp,open,high,low,close,volume}), plain or gzipped
 * ({@code .gz}), into an {@link OhlcvSeries} or bar by bar into a {@link BarConsumer} (no allocation per bar).
 *
 * <p><b>Format.</b> A header line names the columns (any order; unknown columns ignored; a UTF-8 byte-order mark
 * is ignored). {@code timestamp} is an ISO-8601 instant with an offset ({@code 2017-08-17T04:00:00Z}), a date
 * ({@code 2011-08-18}, meaning 00:00 UTC) or integer epoch milliseconds; at most millisecond precision. Prices and
 * volume are plain decimals (optionally with an exponent). Blank lines are ignored.
 *
 * <p><b>Bad rows</b> are skipped, reported once to the issue listener ({@link RowIssue}: file, line, field, value,
 * reason) and counted by {@link IssueKind} in the {@link ReadSummary}. A row is bad when:
 * <ul>
 *   <li>its line is longer than the limit ({@code LINE_TOO_LONG}) or its field count differs from the header's
 *       ({@code FIELD_COUNT});</li>
 *   <li>a field is empty ({@code MISSING_FIELD}), a number is not a finite decimal ({@code BAD_NUMBER}) or the
 *       timestamp is unreadable ({@code BAD_VALUE});</li>
 *   <li>a price is not &gt; 0, the volume is negative, or the timestamp is outside 2000–2199 (seconds or
 *       microseconds mistaken for milliseconds) ({@code OUT_OF_RANGE});</li>
 *   <li>{@code high < max(open, close)} or {@code low > min(open, close)} ({@code INCONSISTENT});</li>
 *   <li>{@code high / low} exceeds {@link #maxHighLowRatio()} ({@code OUT_OF_RANGE}): a glitch print. Default
 *       {@value #DEFAULT_MAX_HIGH_LOW_RATIO}: the price may not more than double within one bar. The crash hours of
 *       Binance's hourly BTCUSDT and ETHUSDT 2017–2025 stay below 1.42 (2020-03-13 02:00, 2021-05-19 12:00); the
 *       limit cuts their first hours (BTC open and high 16,199.91 against a low of 4,261.32: ratio 3.8; ETH 2.19)
 *       and one early ETH wick (2017-08-22 04:00, low 144.21 between open 280 and close 287: 2.14). Note that
 *       the glitch first hours satisfy the two rules above (open = high). Daily files spanning the 2011–2013
 *       Bitstamp era have crash days beyond 2 (2013-04-10: 3.7): read them with a larger limit, e.g.
 *       {@code of(25, ...)}, which still cuts prints like 2017-04-15's low of 0.06;</li>
 *   <li>its timestamp is not after the previous accepted row's (a duplicate or out of order: {@code
 *       INCONSISTENT}).</li>
 * </ul>
 * Missing bars (gaps) are not bad rows: the series keeps its real times; see {@link OhlcvSeries#gapCount(long)}.
 *
 * <p><b>Broken files</b> throw one {@link DataFileException} naming the file: missing or unreadable, empty, a header
 * without the columns (or a duplicated column), an I/O error, or more than {@link #maxRows()} data rows.
 * Stateless and thread-safe.
 */
public final class OhlcvCsvReader {

  /** Default largest accepted high/low ratio within one bar. */
  public static final double DEFAULT_MAX_HIGH_LOW_RATIO = 2.0;
  /** Default longest accepted line, in characters. */
  public static final int DEFAULT_MAX_LINE_LENGTH = 1024;
  /** The reader with the default limits. */
  public static final OhlcvCsvReader DEFAULT =
      new OhlcvCsvReader(DEFAULT_MAX_HIGH_LOW_RATIO, DEFAULT_MAX_LINE_LENGTH, Long.MAX_VALUE);

  private final OhlcCsv.Spec spec;

  private OhlcvCsvReader(double maxHighLowRatio, int maxLineLength, long maxRows) {
    ArgChecker.isTrue(maxHighLowRatio > 1, "maxHighLowRatio must be > 1, got " + maxHighLowRatio);
    ArgChecker.positive(maxLineLength, "maxLineLength");
    ArgChecker.isTrue(maxRows > 0, "maxRows must be > 0, got " + maxRows);
    this.spec = new OhlcCsv.Spec("OHLCV", true, false, maxHighLowRatio, maxLineLength, maxRows);
  }

  /**
   * A reader with explicit limits.
   *
   * @param maxHighLowRatio largest accepted high/low within one bar, &gt; 1 ({@code Double.POSITIVE_INFINITY}: no
   *     limit)
   * @param maxLineLength longest accepted line in characters, &gt; 0
   * @param maxRows most data rows per file, &gt; 0
   * @return the reader
   */
  public static OhlcvCsvReader of(double maxHighLowRatio, int maxLineLength, long maxRows) {
    return new OhlcvCsvReader(maxHighLowRatio, maxLineLength, maxRows);
  }

  /** The largest accepted high/low ratio within one bar. */
  public double maxHighLowRatio() {
    return spec.maxHighLowRatio();
  }

  /** The line length limit, in characters. */
  public int maxLineLength() {
    return spec.maxLineLength();
  }

  /** The most data rows accepted per file. */
  public long maxRows() {
    return spec.maxRows();
  }

  /** Receives one good bar, in file order. */
  @FunctionalInterface
  public interface BarConsumer {
    /**
     * One bar.
     *
     * @param timeMillis bar open time, epoch milliseconds UTC
     * @param open open price
     * @param high high price
     * @param low low price
     * @param close close price
     * @param volume volume
     */
    void accept(long timeMillis, double open, double high, double low, double close, double volume);
  }

  /**
   * A whole file as a series.
   *
   * @param series the good bars
   * @param summary the counts
   */
  public record Result(OhlcvSeries series, ReadSummary summary) {

    /** Checks that neither is null and that the series has the accepted rows. */
    public Result {
      ArgChecker.notNull(series, "series");
      ArgChecker.notNull(summary, "summary");
      ArgChecker.isTrue(series.size() == summary.rowsAccepted(),
          "series has " + series.size() + " bars but " + summary.rowsAccepted() + " rows were accepted");
    }
  }

  /**
   * Reads a file into a series.
   *
   * @param file the file ({@code .gz}: gzip-compressed)
   * @param issues receives one issue per skipped row, in file order
   * @return the series and the counts
   * @throws DataFileException naming the file when it cannot be read as a whole
   */
  public Result read(Path file, Consumer<RowIssue> issues) {
    TimeSeriesSupport.Columns c = new TimeSeriesSupport.Columns(5);
    ReadSummary summary = OhlcCsv.read(file, spec, c::add, issues);
    return result(c, summary);
  }

  /**
   * Reads CSV text into a series. The reader is not closed.
   *
   * @param reader the text
   * @param source the name used in issues and errors
   * @param issues receives one issue per skipped row
   * @return the series and the counts
   * @throws DataFileException naming {@code source} when the text cannot be read as a whole
   */
  public Result read(Reader reader, String source, Consumer<RowIssue> issues) {
    TimeSeriesSupport.Columns c = new TimeSeriesSupport.Columns(5);
    ReadSummary summary = OhlcCsv.read(reader, source, spec, c::add, issues);
    return result(c, summary);
  }

  /**
   * Streams a file bar by bar.
   *
   * @param file the file ({@code .gz}: gzip-compressed)
   * @param bars receives every good bar, in file order
   * @param issues receives one issue per skipped row, in file order
   * @return the counts
   * @throws DataFileException naming the file when it cannot be read as a whole
   */
  public ReadSummary read(Path file, BarConsumer bars, Consumer<RowIssue> issues) {
    ArgChecker.notNull(bars, "bars");
    return OhlcCsv.read(file, spec, bars::accept, issues);
  }

  /**
   * Streams CSV text bar by bar. The reader is not closed.
   *
   * @param reader the text
   * @param source the name used in issues and errors
   * @param bars receives every good bar
   * @param issues receives one issue per skipped row
   * @return the counts
   */
  public ReadSummary read(Reader reader, String source, BarConsumer bars, Consumer<RowIssue> issues) {
    ArgChecker.notNull(bars, "bars");
    return OhlcCsv.read(reader, source, spec, bars::accept, issues);
  }

  private static Result result(TimeSeriesSupport.Columns c, ReadSummary summary) {
    return new Result(new OhlcvSeries(c.time(), c.column(0), c.column(1), c.column(2), c.column(3), c.column(4)),
        summary);
  }
}
