package io.netgamma.data.deribit;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.data.DataFileException;
import io.netgamma.data.io.DataFiles;
import io.netgamma.data.io.IssueKind;
import io.netgamma.data.io.ReadSummary;
import io.netgamma.data.io.RowIssue;
import java.io.Reader;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Streaming reader of Deribit API results (Jackson streaming; one result object in memory at a time), plain or
 * gzipped ({@code .gz}):
 * <ul>
 *   <li>{@link #readTickers}: {@code public/ticker} and {@code public/get_order_book} results
 *       ({@link DeribitTicker}; the order book's {@code bids}/{@code asks} as {@code [price, amount]} pairs);</li>
 *   <li>{@link #readBookSummaries}: {@code public/get_book_summary_by_currency} result elements
 *       ({@link DeribitBookSummary});</li>
 *   <li>{@link #readInstruments}: {@code public/get_instruments} result elements ({@link DeribitInstrumentInfo}).</li>
 * </ul>
 *
 * <p><b>Layouts</b> (found from the content, the same for every kind): JSON lines (one result object, JSON-RPC
 * response, subscription notification or array of results per line, as a recorder writes them), a top-level JSON
 * array of result objects, a full JSON-RPC response {@code {"jsonrpc":"2.0","result":[...]}} (its result array is
 * streamed) or a single result object, compact or pretty-printed. Unknown fields are ignored; JSON {@code null}
 * reads as absent.
 *
 * <p><b>Bad records</b> are skipped, reported once to the issue listener as a {@link RowIssue} (file; line of the
 * record's start; field, prefixed by the record's position when it came from an array, e.g.
 * {@code result[3].mark_iv}; the value as JSON; a reason starting with the instrument name) and counted by
 * {@link IssueKind}: a JSON-lines line that is not valid JSON or too long ({@code BAD_VALUE},
 * {@code LINE_TOO_LONG}); a required field absent ({@code MISSING_FIELD}); a number that is not a JSON number
 * ({@code BAD_NUMBER}); a value out of its domain, e.g. a negative price, a zero amount in a book, a timestamp that
 * is not in epoch milliseconds of 2000–2199 ({@code OUT_OF_RANGE}); an instrument name netgamma does not model,
 * such as a combination ({@code BAD_SYMBOL}); fields that contradict each other, e.g. a best bid that is not the
 * first level of {@code bids}, an unsorted or crossed book, or metadata that contradicts the name
 * ({@code INCONSISTENT}); a JSON-RPC error response or a non-object where a result should be ({@code BAD_VALUE}).
 *
 * <p><b>Broken files</b> throw one {@link DataFileException} naming the file: missing, unreadable, empty, not JSON,
 * a syntax error in a JSON document (with line and column), or more than {@link #maxRecords()} records.
 * Stateless and thread-safe.
 */
public final class DeribitJsonReader {

  /** Default longest accepted line of a JSON-lines file, in characters (a deep order book is ~300,000). */
  public static final int DEFAULT_MAX_LINE_LENGTH = 1 << 22;
  /** Largest accepted line-length limit. */
  public static final int MAX_LINE_LENGTH_LIMIT = 1 << 28;
  /** The reader with default limits. */
  public static final DeribitJsonReader DEFAULT = new DeribitJsonReader(DEFAULT_MAX_LINE_LENGTH, Long.MAX_VALUE);

  private final int maxLineLength;
  private final long maxRecords;

  private DeribitJsonReader(int maxLineLength, long maxRecords) {
    ArgChecker.isTrue(maxLineLength > 0 && maxLineLength <= MAX_LINE_LENGTH_LIMIT,
        "maxLineLength must be in 1.." + MAX_LINE_LENGTH_LIMIT + ", got " + maxLineLength);
    ArgChecker.isTrue(maxRecords > 0, "maxRecords must be > 0, got " + maxRecords);
    this.maxLineLength = maxLineLength;
    this.maxRecords = maxRecords;
  }

  /**
   * A reader with explicit limits.
   *
   * @param maxLineLength longest accepted line of a JSON-lines file, in characters (1 to
   *     {@value #MAX_LINE_LENGTH_LIMIT}); also how far ahead the layout is looked for
   * @param maxRecords most records per file, &gt; 0
   * @return the reader
   */
  public static DeribitJsonReader of(int maxLineLength, long maxRecords) {
    return new DeribitJsonReader(maxLineLength, maxRecords);
  }

  /** The longest accepted line, in characters. */
  public int maxLineLength() {
    return maxLineLength;
  }

  /** The most records accepted per file. */
  public long maxRecords() {
    return maxRecords;
  }

  /**
   * Reads {@code public/ticker} or {@code public/get_order_book} results from a file.
   *
   * @param file the file ({@code .gz}: gzip-compressed)
   * @param out receives every good result, in file order
   * @param issues receives one issue per skipped record, in file order
   * @return the counts
   * @throws DataFileException naming the file when it cannot be read as a whole
   */
  public ReadSummary readTickers(Path file, Consumer<? super DeribitTicker> out, Consumer<RowIssue> issues) {
    return file(file, r -> readTickers(r, file.toString(), out, issues));
  }

  /**
   * Reads {@code public/ticker} or {@code public/get_order_book} results from text. The reader is not closed.
   *
   * @param reader the text
   * @param source the name used in issues and errors
   * @param out receives every good result, in order
   * @param issues receives one issue per skipped record, in order
   * @return the counts
   * @throws DataFileException naming {@code source} when the text cannot be read as a whole
   */
  public ReadSummary readTickers(Reader reader, String source, Consumer<? super DeribitTicker> out,
      Consumer<RowIssue> issues) {
    return read(reader, source, "Deribit ticker or order-book results", DeribitTicker::from, out, issues);
  }

  /**
   * Reads {@code public/get_book_summary_by_currency} results from a file.
   *
   * @param file the file ({@code .gz}: gzip-compressed)
   * @param out receives every good element, in file order
   * @param issues receives one issue per skipped element, in file order
   * @return the counts
   * @throws DataFileException naming the file when it cannot be read as a whole
   */
  public ReadSummary readBookSummaries(Path file, Consumer<? super DeribitBookSummary> out,
      Consumer<RowIssue> issues) {
    return file(file, r -> readBookSummaries(r, file.toString(), out, issues));
  }

  /**
   * Reads {@code public/get_book_summary_by_currency} results from text. The reader is not closed.
   *
   * @param reader the text
   * @param source the name used in issues and errors
   * @param out receives every good element, in order
   * @param issues receives one issue per skipped element, in order
   * @return the counts
   * @throws DataFileException naming {@code source} when the text cannot be read as a whole
   */
  public ReadSummary readBookSummaries(Reader reader, String source, Consumer<? super DeribitBookSummary> out,
      Consumer<RowIssue> issues) {
    return read(reader, source, "Deribit book-summary results", DeribitBookSummary::from, out, issues);
  }

  /**
   * Reads {@code public/get_instruments} results from a file.
   *
   * @param file the file ({@code .gz}: gzip-compressed)
   * @param out receives every good element, in file order
   * @param issues receives one issue per skipped element, in file order
   * @return the counts
   * @throws DataFileException naming the file when it cannot be read as a whole
   */
  public ReadSummary readInstruments(Path file, Consumer<? super DeribitInstrumentInfo> out,
      Consumer<RowIssue> issues) {
    return file(file, r -> readInstruments(r, file.toString(), out, issues));
  }

  /**
   * Reads {@code public/get_instruments} results from text. The reader is not closed.
   *
   * @param reader the text
   * @param source the name used in issues and errors
   * @param out receives every good element, in order
   * @param issues receives one issue per skipped element, in order
   * @return the counts
   * @throws DataFileException naming {@code source} when the text cannot be read as a whole
   */
  public ReadSummary readInstruments(Reader reader, String source, Consumer<? super DeribitInstrumentInfo> out,
      Consumer<RowIssue> issues) {
    return read(reader, source, "Deribit instrument results", DeribitInstrumentInfo::from, out, issues);
  }

  private <T> ReadSummary read(Reader reader, String source, String what, JsonRecords.Mapper<T> mapper,
      Consumer<? super T> out, Consumer<RowIssue> issues) {
    ArgChecker.notNull(reader, "reader");
    ArgChecker.notNull(source, "source");
    ArgChecker.notNull(out, "out");
    ArgChecker.notNull(issues, "issues");
    return JsonRecords.read(reader, source, maxLineLength, maxRecords, what, mapper, out, issues);
  }

  private static ReadSummary file(Path file, Function<Reader, ReadSummary> body) {
    return DataFiles.read(file, "a file of Deribit JSON results", true, body);
  }
}
