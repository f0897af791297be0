package io.netgamma.data.timeseries;

import io.netgamma.data.io.DataFiles;
import io.netgamma.data.io.BadRow;
import io.netgamma.data.io.CsvHeader;
import io.netgamma.data.io.LineReader;
import io.netgamma.core.base.ArgChecker;
import io.netgamma.data.DataFileException;
import io.netgamma.data.io.IssueKind;
import io.netgamma.data.io.ReadSummary;
import io.netgamma.data.io.RowIssue;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.EnumMap;
import java.util.List;
import java.util.function.Consumer;

/**
 * The streaming engine shared by {@link OhlcvCsvReader} and {@link DvolCsvReader}: header, line loop, timestamp and
 * number parsing, and the bad-row rules. Stateless; one {@link RowParser} per read.
 */
final class OhlcCsv {

  /** 2000-01-01T00:00:00Z in epoch milliseconds. */
  static final long MIN_MILLIS = 946_684_800_000L;
  /** 2200-01-01T00:00:00Z in epoch milliseconds. */
  static final long MAX_MILLIS = 7_258_118_400_000L;
  private static final int MAX_NUMBER_LENGTH = 40;

  private OhlcCsv() {
  }

  /** Receives one good bar; values already converted (percent to fraction for DVOL). */
  interface Sink {
    void accept(long timeMillis, double open, double high, double low, double close, double volume);
  }

  /**
   * What a file holds and which rules apply.
   *
   * @param format name of the format for messages ("OHLCV", "DVOL")
   * @param volume whether a volume column is required
   * @param percent whether values are percent (converted to fractions by an exact decimal shift)
   * @param maxHighLowRatio largest accepted high/low within one bar (+infinity: no limit)
   * @param maxLineLength longest accepted line
   * @param maxRows most data rows
   */
  record Spec(String format, boolean volume, boolean percent, double maxHighLowRatio, int maxLineLength,
      long maxRows) {

    List<String> columns() {
      return volume ? List.of("timestamp", "open", "high", "low", "close", "volume")
          : List.of("timestamp", "open", "high", "low", "close");
    }
  }

  static ReadSummary read(Path file, Spec spec, Sink sink, Consumer<RowIssue> issues) {
    ArgChecker.notNull(file, "file");
    String source = file.toString();
    return DataFiles.read(file, "a " + spec.format() + " CSV file", true, r -> read(r, source, spec, sink, issues));
  }

  static ReadSummary read(Reader reader, String source, Spec spec, Sink sink, Consumer<RowIssue> issues) {
    ArgChecker.notNull(reader, "reader");
    ArgChecker.notNull(source, "source");
    ArgChecker.notNull(sink, "sink");
    ArgChecker.notNull(issues, "issues");
    LineReader lines = new LineReader(reader, spec.maxLineLength());
    try {
      RowParser parser = new RowParser(source, spec, header(lines, source, spec));
      long read = 0;
      long accepted = 0;
      EnumMap<IssueKind, Long> skipped = new EnumMap<>(IssueKind.class);
      int status;
      while ((status = lines.next()) != LineReader.EOF) {
        if (status == LineReader.LINE && lines.line().isBlank()) {
          continue;
        }
        read++;
        if (read > spec.maxRows()) {
          throw new DataFileException(source + ": more than " + spec.maxRows() + " data rows (the reader's limit); "
              + "raise the limit or split the file");
        }
        RowIssue issue = status == LineReader.TOO_LONG
            ? new RowIssue(source, lines.lineNumber(), RowIssue.WHOLE_LINE, "", IssueKind.LINE_TOO_LONG,
                "line has " + lines.skippedLength() + " characters, more than the limit of " + spec.maxLineLength())
            : parser.parse(lines.line(), lines.lineNumber());
        if (issue == null) {
          accepted++;
          sink.accept(parser.time, parser.open, parser.high, parser.low, parser.close, parser.volume);
        } else {
          skipped.merge(issue.kind(), 1L, Long::sum);
          issues.accept(issue);
        }
      }
      return new ReadSummary(source, read, accepted, skipped);
    } catch (IOException e) {
      throw new DataFileException(source + ": read failed after line " + lines.lineNumber() + ": " + e.getMessage(),
          e);
    }
  }

  private static int[] header(LineReader lines, String source, Spec spec) throws IOException {
    CsvHeader header = CsvHeader.read(lines, source, spec.format(), spec.maxLineLength(), spec.columns());
    int[] positions = new int[spec.columns().size() + 1];
    for (int i = 0; i < spec.columns().size(); i++) {
      positions[i] = header.required(spec.columns().get(i));
    }
    positions[positions.length - 1] = header.count(); // the field count
    return positions;
  }


  /** Parses the rows of one read; remembers the previous accepted timestamp. Not thread-safe. */
  private static final class RowParser {
    private static final String[] NAMES = {"timestamp", "open", "high", "low", "close", "volume"};
    private final String source;
    private final Spec spec;
    private final int[] col;
    private final int count;
    private final String[] fields;
    private long line;
    private long previousTime = Long.MIN_VALUE;
    long time;
    double open;
    double high;
    double low;
    double close;
    double volume;

    RowParser(String source, Spec spec, int[] positions) {
      this.source = source;
      this.spec = spec;
      this.col = positions;
      this.count = positions[positions.length - 1];
      this.fields = new String[count];
    }

    RowIssue parse(String text, long lineNumber) {
      line = lineNumber;
      int n = split(text);
      if (n != count) {
        return new RowIssue(source, line, RowIssue.WHOLE_LINE, "", IssueKind.FIELD_COUNT,
            "line has " + n + " comma-separated fields, the header has " + count);
      }
      try {
        long t = timestamp(col[0]);
        double o = value(col[1], 1);
        double h = value(col[2], 2);
        double l = value(col[3], 3);
        double c = value(col[4], 4);
        double v = Double.NaN;
        if (spec.volume()) {
          v = number(col[5], 5);
          if (v < 0) {
            throw bad(5, IssueKind.OUT_OF_RANGE, "volume must be >= 0");
          }
        }
        if (h < Math.max(o, c)) {
          throw bad(2, IssueKind.INCONSISTENT, "high is below max(open, close) = " + Math.max(o, c));
        }
        if (l > Math.min(o, c)) {
          throw bad(3, IssueKind.INCONSISTENT, "low is above min(open, close) = " + Math.min(o, c));
        }
        if (h / l > spec.maxHighLowRatio()) {
          throw bad(2, IssueKind.OUT_OF_RANGE, "high/low = " + (float) (h / l) + " within one bar (low "
              + fields[col[3]] + ") exceeds the limit of " + spec.maxHighLowRatio()
              + ": a glitch print, not a price path");
        }
        if (t <= previousTime) {
          throw bad(0, IssueKind.INCONSISTENT, (t == previousTime ? "duplicate of" : "earlier than")
              + " the previous row's timestamp " + Instant.ofEpochMilli(previousTime)
              + "; rows must be in strictly ascending time");
        }
        previousTime = t;
        time = t;
        open = o;
        high = h;
        low = l;
        close = c;
        volume = v;
        return null;
      } catch (BadRow e) {
        return e.issue();
      }
    }

    private int split(String text) {
      int n = 0;
      int start = 0;
      while (true) {
        int comma = text.indexOf(',', start);
        String field = comma < 0 ? text.substring(start) : text.substring(start, comma);
        if (n < fields.length) {
          fields[n] = field.trim();
        }
        n++;
        if (comma < 0) {
          return n;
        }
        start = comma + 1;
      }
    }

    private BadRow bad(int which, IssueKind kind, String reason) {
      return new BadRow(new RowIssue(source, line, NAMES[which], fields[col[which]], kind, reason));
    }

    private long timestamp(int column) throws BadRow {
      String s = fields[column];
      if (s.isEmpty()) {
        throw bad(0, IssueKind.MISSING_FIELD, "required field is empty");
      }
      long ms;
      if (isDigits(s)) {
        if (s.length() > 18) {
          throw bad(0, IssueKind.OUT_OF_RANGE, "too many digits for epoch milliseconds");
        }
        ms = Long.parseLong(s);
        if (ms < MIN_MILLIS || ms >= MAX_MILLIS) {
          throw bad(0, IssueKind.OUT_OF_RANGE, "as epoch milliseconds this is " + Instant.ofEpochMilli(ms)
              + ", outside 2000-2199: is it seconds or microseconds?");
        }
        return ms;
      }
      try {
        if (s.length() == 10) {
          ms = LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        } else {
          TemporalAccessor parsed = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(s);
          Instant instant = Instant.from(parsed);
          if (parsed.get(ChronoField.NANO_OF_SECOND) % 1_000_000 != 0) {
            throw bad(0, IssueKind.BAD_VALUE, "finer than a millisecond; timestamps are kept in epoch milliseconds");
          }
          ms = instant.toEpochMilli();
        }
      } catch (DateTimeParseException e) {
        throw bad(0, IssueKind.BAD_VALUE, "not a timestamp: expected an ISO-8601 instant with offset "
            + "(2017-08-17T04:00:00Z), a date (2021-03-24, midnight UTC) or epoch milliseconds");
      } catch (DateTimeException | ArithmeticException e) {
        throw bad(0, IssueKind.OUT_OF_RANGE, "not a representable instant: " + e.getMessage());
      }
      if (ms < MIN_MILLIS || ms >= MAX_MILLIS) {
        throw bad(0, IssueKind.OUT_OF_RANGE, "outside 2000-2199");
      }
      return ms;
    }

    private double number(int column, int which) throws BadRow {
      String s = fields[column];
      if (s.isEmpty()) {
        throw bad(which, IssueKind.MISSING_FIELD, "required field is empty");
      }
      if (!isDecimal(s)) {
        throw bad(which, IssueKind.BAD_NUMBER, "not a decimal number");
      }
      double v = Double.parseDouble(s);
      if (!Double.isFinite(v)) {
        throw bad(which, IssueKind.BAD_NUMBER, "number outside the range of a double");
      }
      return v;
    }

    /** A price (or a percent, as a fraction): a number &gt; 0. */
    private double value(int column, int which) throws BadRow {
      double v = number(column, which);
      if (!(v > 0)) {
        throw bad(which, IssueKind.OUT_OF_RANGE, NAMES[which] + " must be > 0");
      }
      return spec.percent() ? new BigDecimal(fields[column]).movePointLeft(2).doubleValue() : v;
    }
  }

  /** True for an optional sign, digits with an optional point (a digit on at least one side), optional exponent. */
  static boolean isDecimal(String s) {
    int n = s.length();
    if (n == 0 || n > MAX_NUMBER_LENGTH) {
      return false;
    }
    int i = 0;
    if (s.charAt(i) == '+' || s.charAt(i) == '-') {
      i++;
    }
    int digits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int expDigits = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        expDigits++;
      }
      if (expDigits == 0) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return !s.isEmpty();
  }

  private static boolean isDigit(char ch) {
    return ch >= '0' && ch <= '9';
  }
}
