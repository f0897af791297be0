package io.netgamma.data.portfolio;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.base.InvalidInstrumentException;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.core.portfolio.Position;
import io.netgamma.data.DataFileException;
import io.netgamma.data.io.DataFiles;
import io.netgamma.data.io.JsonText;
import io.netgamma.data.io.BadRow;
import io.netgamma.data.io.CsvHeader;
import io.netgamma.data.io.DecimalParser;
import io.netgamma.data.io.IssueKind;
import io.netgamma.data.io.LineReader;
import io.netgamma.data.io.ReadSummary;
import io.netgamma.data.io.RowIssue;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Portfolio positions as CSV: a header line {@code instrument,quantity} with an optional {@code average_price}
 * column (other columns are ignored), then one position a line:
 * <pre>
 * instrument,quantity,average_price
 * BTC-28JUN24-70000-C,-25,0.0123
 * BTC-PERPETUAL,3.5,
 * </pre>
 * {@code instrument} a Deribit name; {@code quantity} signed coins (see {@link Position}); {@code average_price}
 * optional (empty = absent), in the instrument's quote unit: coin for inverse options, USDC for linear options, USD
 * per coin for futures and perpetuals. Fields are trimmed; a field wholly in double quotes loses them. A CSV holds
 * no collateral and no name: the portfolio is named after the file (without extension). UTF-8, a byte-order mark
 * is dropped, blank lines are ignored.
 *
 * <p><b>Bad rows</b> are skipped, reported as a {@link RowIssue} (file, line, column, value, reason) and counted:
 * a line too long ({@code LINE_TOO_LONG}), a different number of fields than the header ({@code FIELD_COUNT}), an
 * empty instrument or quantity ({@code MISSING_FIELD}), a name that is not a Deribit instrument
 * ({@code BAD_SYMBOL}), a number that is not a plain finite decimal ({@code BAD_NUMBER}), a negative average price
 * (or zero for a future) ({@code OUT_OF_RANGE}). The strict {@code read} methods throw at the first instead. A file
 * without the header, empty, unreadable or with more than {@link #maxRows()} rows throws a
 * {@link DataFileException}. Stateless and thread-safe.
 */
public final class PortfolioCsv {

  /** Default longest accepted line, in characters. */
  public static final int DEFAULT_MAX_LINE_LENGTH = 1024;
  /** Default most data rows per file. */
  public static final long DEFAULT_MAX_ROWS = 10_000_000L;
  /** The reader/writer with the default limits. */
  public static final PortfolioCsv DEFAULT = new PortfolioCsv(DEFAULT_MAX_LINE_LENGTH, DEFAULT_MAX_ROWS);

  private static final String FORMAT = "portfolio (instrument,quantity[,average_price])";
  private static final List<String> REQUIRED = List.of("instrument", "quantity");

  private final int maxLineLength;
  private final long maxRows;

  private PortfolioCsv(int maxLineLength, long maxRows) {
    ArgChecker.isTrue(maxLineLength > 0, "maxLineLength must be > 0, got " + maxLineLength);
    ArgChecker.isTrue(maxRows > 0, "maxRows must be > 0, got " + maxRows);
    this.maxLineLength = maxLineLength;
    this.maxRows = maxRows;
  }

  /**
   * A reader with explicit limits.
   *
   * @param maxLineLength longest accepted line in characters, &gt; 0
   * @param maxRows most data rows per file, &gt; 0
   * @return the reader/writer
   */
  public static PortfolioCsv of(int maxLineLength, long maxRows) {
    return new PortfolioCsv(maxLineLength, maxRows);
  }

  /** The line length limit, in characters. */
  public int maxLineLength() {
    return maxLineLength;
  }

  /** The most data rows accepted per file. */
  public long maxRows() {
    return maxRows;
  }

  // ------------------------------------------------------------------------------------------------------ reading

  /**
   * Reads a portfolio CSV file; any bad row is an error.
   *
   * @throws DataFileException naming the file, line, column and value of the first problem
   */
  public Portfolio read(Path file) {
    return read(file, PortfolioCsv::fail).portfolio();
  }

  /**
   * Reads a portfolio CSV file, skipping bad rows.
   *
   * @param file the file; its name without extension names the portfolio
   * @param issues receives one issue per skipped row, in file order
   * @return the portfolio (no collateral) and the row counts
   * @throws DataFileException naming the file when it cannot be read as a whole
   */
  public PortfolioRead read(Path file, Consumer<RowIssue> issues) {
    return Sources.read(file, "a portfolio CSV file", r -> read(r, file.toString(), Sources.stem(file), issues));
  }

  /**
   * Reads portfolio CSV text, skipping bad rows. The reader is not closed.
   *
   * @param reader the text
   * @param source the name used in issues and errors
   * @param name the portfolio's name
   * @param issues receives one issue per skipped row, in order
   * @return the portfolio (no collateral) and the row counts
   * @throws DataFileException naming {@code source} when the text cannot be read as a whole
   */
  public PortfolioRead read(Reader reader, String source, String name, Consumer<RowIssue> issues) {
    ArgChecker.notNull(reader, "reader");
    ArgChecker.notNull(source, "source");
    ArgChecker.notBlank(name, "name");
    ArgChecker.notNull(issues, "issues");
    LineReader lines = new LineReader(reader, maxLineLength);
    List<Position> positions = new ArrayList<>();
    EnumMap<IssueKind, Long> skipped = new EnumMap<>(IssueKind.class);
    long read = 0;
    try {
      CsvHeader header = CsvHeader.read(lines, source, FORMAT, maxLineLength, REQUIRED);
      int instrumentColumn = header.required("instrument");
      int quantityColumn = header.required("quantity");
      int averageColumn = header.column("average_price");
      int status;
      while ((status = lines.next()) != LineReader.EOF) {
        if (status == LineReader.LINE && lines.line().isBlank()) {
          continue;
        }
        read++;
        if (read > maxRows) {
          throw new DataFileException(source + ": more than " + maxRows + " rows (the reader's limit); raise the "
              + "limit or split the file");
        }
        try {
          if (status == LineReader.TOO_LONG) {
            throw new BadRow(new RowIssue(source, lines.lineNumber(), RowIssue.WHOLE_LINE, "",
                IssueKind.LINE_TOO_LONG, "line has " + lines.skippedLength() + " characters, more than the limit of "
                + maxLineLength));
          }
          String[] fields = lines.line().split(",", -1);
          long line = lines.lineNumber();
          if (fields.length != header.count()) {
            throw new BadRow(new RowIssue(source, line, RowIssue.WHOLE_LINE, lines.line(), IssueKind.FIELD_COUNT,
                "expected " + header.count() + " comma-separated fields as in the header, got " + fields.length));
          }
          positions.add(row(source, line, fields, instrumentColumn, quantityColumn, averageColumn));
        } catch (BadRow e) {
          skipped.merge(e.issue().kind(), 1L, Long::sum);
          issues.accept(e.issue());
        }
      }
    } catch (IOException e) {
      throw new DataFileException(source + ": read failed: " + e.getMessage(), e);
    }
    return new PortfolioRead(Portfolio.of(name, positions), new ReadSummary(source, read, positions.size(),
        skipped));
  }

  private static Position row(String source, long line, String[] fields, int instrumentColumn, int quantityColumn,
      int averageColumn) throws BadRow {
    String name = field(fields, instrumentColumn);
    if (name.isEmpty()) {
      throw new BadRow(new RowIssue(source, line, "instrument", "", IssueKind.MISSING_FIELD,
          "required field is empty"));
    }
    Instrument instrument;
    try {
      instrument = Instrument.parse(name);
    } catch (InvalidInstrumentException e) {
      throw new BadRow(new RowIssue(source, line, "instrument", name, IssueKind.BAD_SYMBOL, e.getMessage()));
    }
    String prefix = instrument.name() + ": ";
    double quantity = number(source, line, "quantity", field(fields, quantityColumn), true, prefix);
    double average = averageColumn < 0 ? Double.NaN
        : number(source, line, "average_price", field(fields, averageColumn), false, prefix);
    if (!Double.isNaN(average) && (instrument.isOption() ? average < 0 : !(average > 0))) {
      throw new BadRow(new RowIssue(source, line, "average_price", field(fields, averageColumn),
          IssueKind.OUT_OF_RANGE, prefix + "must be " + (instrument.isOption() ? ">= 0" : "> 0")));
    }
    return new Position(instrument, quantity, average);
  }

  private static String field(String[] fields, int column) {
    String s = fields[column].trim();
    if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
      s = s.substring(1, s.length() - 1).trim();
    }
    return s;
  }

  private static double number(String source, long line, String column, String text, boolean required,
      String prefix) throws BadRow {
    if (text.isEmpty()) {
      if (required) {
        throw new BadRow(new RowIssue(source, line, column, "", IssueKind.MISSING_FIELD,
            prefix + "required field is empty"));
      }
      return Double.NaN;
    }
    if (!DecimalParser.isDecimal(text, 0, text.length())) {
      throw new BadRow(new RowIssue(source, line, column, text, IssueKind.BAD_NUMBER,
          prefix + "not a plain decimal number"));
    }
    double d = DecimalParser.parse(text, 0, text.length(), 0);
    if (!Double.isFinite(d)) {
      throw new BadRow(new RowIssue(source, line, column, text, IssueKind.BAD_NUMBER,
          prefix + "number outside the range of a double"));
    }
    return d;
  }

  private static void fail(RowIssue issue) {
    throw new DataFileException(issue.message());
  }

  // ------------------------------------------------------------------------------------------------------ writing

  /**
   * Writes the positions of a portfolio to a file (created or replaced). The {@code average_price} column is
   * written when any position has one.
   *
   * @throws IllegalArgumentException when the portfolio has collateral, which a CSV cannot hold (write JSON)
   * @throws DataFileException naming the file when it cannot be written
   */
  public void write(Portfolio portfolio, Path file) {
    DataFiles.write(file, "the portfolio", out -> write(portfolio, out));
  }

  /** The positions as CSV text. @throws IllegalArgumentException when the portfolio has collateral */
  public String toCsv(Portfolio portfolio) {
    StringWriter out = new StringWriter();
    write(portfolio, out);
    return out.toString();
  }

  /**
   * Writes the positions of a portfolio. The writer is flushed, not closed.
   *
   * @throws IllegalArgumentException when the portfolio has collateral, which a CSV cannot hold (write JSON)
   */
  public void write(Portfolio portfolio, Writer out) {
    ArgChecker.notNull(portfolio, "portfolio");
    ArgChecker.notNull(out, "out");
    Map<String, Double> collateral = portfolio.collateral();
    ArgChecker.isTrue(collateral.isEmpty(), "portfolio '" + portfolio.name() + "' has collateral " + collateral
        + ", which a portfolio CSV cannot hold: write it as portfolio JSON");
    boolean average = portfolio.positions().stream().anyMatch(Position::hasAveragePrice);
    try {
      out.write(average ? "instrument,quantity,average_price\n" : "instrument,quantity\n");
      StringBuilder sb = new StringBuilder(64);
      for (Position p : portfolio.positions()) {
        sb.setLength(0);
        sb.append(p.instrument().name()).append(',').append(JsonText.number(p.quantity()));
        if (average) {
          sb.append(',');
          if (p.hasAveragePrice()) {
            sb.append(JsonText.number(p.averagePrice()));
          }
        }
        sb.append('\n');
        out.write(sb.toString());
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
