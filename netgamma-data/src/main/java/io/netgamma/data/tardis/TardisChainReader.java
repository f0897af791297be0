package io.netgamma.data.tardis;

import io.netgamma.data.io.DataFiles;
import io.netgamma.data.io.RowIssue;
import io.netgamma.data.io.IssueKind;
import io.netgamma.data.io.ReadSummary;
import io.netgamma.data.io.BadRow;
import io.netgamma.data.io.CsvHeader;
import io.netgamma.data.io.DecimalParser;
import io.netgamma.data.io.LineReader;
import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.OptionType;
import io.netgamma.data.DataFileException;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * Streaming reader of Tardis.dev {@code options_chain} CSV files (Deribit option tickers), plain or gzipped
 * ({@code .gz}). Rows are handed to a consumer one at a time; memory use does not grow with the file.
 *
 * <p><b>Format.</b> A header line names the columns; the order of columns does not matter and unknown columns
 * are ignored. Required columns: {@value #REQUIRED_COLUMNS_TEXT}. Optional columns (a missing column reads as
 * empty cells): {@code exchange, local_timestamp, open_interest, last_price, bid_price, bid_amount, bid_iv,
 * ask_price, ask_amount, ask_iv, underlying_index, delta, gamma, vega, theta, rho}. Fields are separated by
 * commas; Tardis writes no quotes and no commas inside fields. Timestamps and {@code expiration} are integers in
 * <b>microseconds</b> since 1970-01-01 UTC; prices in coin; IVs in <b>percent</b> (stored as fractions in
 * {@link ChainRow}, by an exact decimal shift); numbers are plain decimals, optionally with an exponent
 * ({@code 2.073e-05}). Blank lines are ignored; a UTF-8 byte-order mark is ignored; line ends may be
 * {@code \n} or {@code \r\n}.
 *
 * <p><b>Bad rows</b> are skipped, never fatal: a row whose line is too long, whose field count differs from the
 * header, with an empty required field, an unparsable or non-finite number (including {@code NaN} and
 * {@code Infinity}), a value out of its domain (negative price, strike &le; 0, a timestamp that is not in
 * microseconds), a type other than call/put, a symbol that is not a Deribit option name, or a symbol that
 * contradicts the row's type, strike or expiration columns, is reported once to the issue listener as a
 * {@link RowIssue} (file, line, field, value, reason) and counted in the returned {@link ReadSummary} by
 * {@link IssueKind}.
 *
 * <p><b>Broken files</b> throw one {@link DataFileException} naming the file: missing or unreadable file,
 * empty file, a header without the required columns (or with a duplicated column), an I/O error while reading,
 * or more than {@code maxRows} data rows.
 *
 * <p><b>Limits</b> are explicit: {@link #maxLineLength()} characters per line (default
 * {@value #DEFAULT_MAX_LINE_LENGTH}; real rows are about 250), {@link #maxRows()} data rows per file (default
 * unlimited), {@value #MAX_COLUMNS} header columns, numbers of at most 40 characters, implied volatilities of at
 * most {@value #MAX_IV_FRACTION} (10,000%). Thread-safe and stateless: one instance can read many files
 * concurrently.
 */
public final class TardisChainReader {

  /** Default longest accepted line, in characters. */
  public static final int DEFAULT_MAX_LINE_LENGTH = 4096;
  /** Most columns a header may have. */
  public static final int MAX_COLUMNS = CsvHeader.MAX_COLUMNS;
  /** The required columns, as text for messages. */
  public static final String REQUIRED_COLUMNS_TEXT =
      "symbol, timestamp, type, strike_price, expiration, mark_price, mark_iv, underlying_price";
  /** The columns of a Tardis {@code options_chain} file in Tardis' order (what {@link TardisChainWriter} writes). */
  public static final List<String> TARDIS_COLUMNS = List.of("exchange", "symbol", "timestamp", "local_timestamp",
      "type", "strike_price", "expiration", "open_interest", "last_price", "bid_price", "bid_amount", "bid_iv",
      "ask_price", "ask_amount", "ask_iv", "mark_price", "mark_iv", "underlying_index", "underlying_price", "delta",
      "gamma", "vega", "theta", "rho");

  /** Largest implied volatility accepted, as a fraction: 100 (10,000%); Deribit's IVs stay far below. */
  public static final double MAX_IV_FRACTION = 100.0;

  /** The reader with default limits. */
  public static final TardisChainReader DEFAULT = new TardisChainReader(DEFAULT_MAX_LINE_LENGTH, Long.MAX_VALUE);

  private static final List<String> REQUIRED = List.of("symbol", "timestamp", "type", "strike_price", "expiration",
      "mark_price", "mark_iv", "underlying_price");
  /** 2000-01-01T00:00:00Z in microseconds: earlier "microsecond" timestamps are really milliseconds or seconds. */
  private static final long MIN_MICROS = 946_684_800_000_000L;
  /** 2200-01-01T00:00:00Z in microseconds. */
  private static final long MAX_MICROS = 7_258_118_400_000_000L;
  private static final int INSTRUMENT_CACHE_SIZE = 100_000;
  /** Most digits of a number parsed by the one-pass path: 10^15 &lt; 2^53, so the digits are an exact long. */
  private static final int SIMPLE_MAX_DIGITS = 15;
  private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
      1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

  private final int maxLineLength;
  private final long maxRows;

  private TardisChainReader(int maxLineLength, long maxRows) {
    this.maxLineLength = ArgChecker.positive(maxLineLength, "maxLineLength");
    ArgChecker.isTrue(maxRows > 0, "maxRows must be > 0, got " + maxRows);
    this.maxRows = maxRows;
  }

  /**
   * A reader with explicit limits.
   *
   * @param maxLineLength longest accepted line in characters (&gt; 0); longer lines are skipped and reported
   * @param maxRows most data rows per file (&gt; 0); more throws {@link DataFileException}
   * @return the reader
   */
  public static TardisChainReader of(int maxLineLength, long maxRows) {
    return new TardisChainReader(maxLineLength, maxRows);
  }

  /**
   * The line length limit.
   *
   * @return the longest accepted line, in characters
   */
  public int maxLineLength() {
    return maxLineLength;
  }

  /**
   * The row limit.
   *
   * @return the most data rows accepted per file
   */
  public long maxRows() {
    return maxRows;
  }

  /**
   * Reads a file ({@code .gz}: gzip-compressed), streaming.
   *
   * @param file the file
   * @param rows receives every good row, in file order
   * @param issues receives one issue per skipped row, in file order
   * @return the counts
   * @throws DataFileException naming the file when it cannot be read as a whole
   */
  public ReadSummary read(Path file, Consumer<ChainRow> rows, Consumer<RowIssue> issues) {
    ArgChecker.notNull(file, "file");
    String source = file.toString();
    return DataFiles.read(file, "a Tardis options_chain CSV file", true, r -> read(r, source, rows, issues));
  }

  /**
   * Reads CSV text, streaming. The reader is not closed.
   *
   * @param reader the text
   * @param source the name used in issues and errors (e.g. the file name)
   * @param rows receives every good row, in order
   * @param issues receives one issue per skipped row, in order
   * @return the counts
   * @throws DataFileException naming {@code source} when the text cannot be read as a whole
   */
  public ReadSummary read(Reader reader, String source, Consumer<ChainRow> rows, Consumer<RowIssue> issues) {
    ArgChecker.notNull(reader, "reader");
    ArgChecker.notNull(source, "source");
    ArgChecker.notNull(rows, "rows");
    ArgChecker.notNull(issues, "issues");
    LineReader lines = new LineReader(reader, maxLineLength);
    try {
      Columns columns = readHeader(lines, source);
      RowParser parser = new RowParser(source, columns);
      long read = 0;
      long accepted = 0;
      EnumMap<IssueKind, Long> skipped = new EnumMap<>(IssueKind.class);
      int status;
      while ((status = lines.next()) != LineReader.EOF) {
        if (status == LineReader.LINE && lines.line().isBlank()) {
          continue;
        }
        read++;
        if (read > maxRows) {
          throw new DataFileException(source + ": more than " + maxRows + " data rows (the reader's limit); "
              + "raise the limit or split the file");
        }
        RowIssue issue;
        if (status == LineReader.TOO_LONG) {
          issue = new RowIssue(source, lines.lineNumber(), RowIssue.WHOLE_LINE, "", IssueKind.LINE_TOO_LONG,
              "line has " + lines.skippedLength() + " characters, more than the limit of " + maxLineLength);
        } else {
          issue = parser.parse(lines.line(), lines.lineNumber());
        }
        if (issue == null) {
          accepted++;
          rows.accept(parser.row);
        } else {
          skipped.merge(issue.kind(), 1L, Long::sum);
          issues.accept(issue);
        }
      }
      return new ReadSummary(source, read, accepted, skipped);
    } catch (IOException e) {
      throw new DataFileException(source + ": read failed after line " + lines.lineNumber() + ": "
          + e.getMessage(), e);
    }
  }

  private Columns readHeader(LineReader lines, String source) throws IOException {
    CsvHeader header = CsvHeader.read(lines, source, "Tardis options_chain", maxLineLength, REQUIRED);
    return new Columns(header.count(), header.index());
  }

  /** Column positions; -1 for an absent optional column. */
  private static final class Columns {
    final int count;
    final String[] names;
    final int exchange;
    final int symbol;
    final int timestamp;
    final int localTimestamp;
    final int type;
    final int strike;
    final int expiration;
    final int openInterest;
    final int lastPrice;
    final int bidPrice;
    final int bidAmount;
    final int bidIv;
    final int askPrice;
    final int askAmount;
    final int askIv;
    final int markPrice;
    final int markIv;
    final int underlyingIndex;
    final int underlyingPrice;
    final int delta;
    final int gamma;
    final int vega;
    final int theta;
    final int rho;

    Columns(int count, Map<String, Integer> index) {
      this.count = count;
      this.names = new String[count];
      index.forEach((name, i) -> names[i] = name);
      exchange = index.getOrDefault("exchange", -1);
      symbol = index.get("symbol");
      timestamp = index.get("timestamp");
      localTimestamp = index.getOrDefault("local_timestamp", -1);
      type = index.get("type");
      strike = index.get("strike_price");
      expiration = index.get("expiration");
      openInterest = index.getOrDefault("open_interest", -1);
      lastPrice = index.getOrDefault("last_price", -1);
      bidPrice = index.getOrDefault("bid_price", -1);
      bidAmount = index.getOrDefault("bid_amount", -1);
      bidIv = index.getOrDefault("bid_iv", -1);
      askPrice = index.getOrDefault("ask_price", -1);
      askAmount = index.getOrDefault("ask_amount", -1);
      askIv = index.getOrDefault("ask_iv", -1);
      markPrice = index.get("mark_price");
      markIv = index.get("mark_iv");
      underlyingIndex = index.getOrDefault("underlying_index", -1);
      underlyingPrice = index.get("underlying_price");
      delta = index.getOrDefault("delta", -1);
      gamma = index.getOrDefault("gamma", -1);
      vega = index.getOrDefault("vega", -1);
      theta = index.getOrDefault("theta", -1);
      rho = index.getOrDefault("rho", -1);
    }
  }

  /**
   * Parses rows of one file without copying fields that are numbers: field boundaries are kept as offsets into
   * the line and numbers are parsed in place. Holds the instrument cache. Not thread-safe.
   */
  private static final class RowParser {
    private final String source;
    private final Columns c;
    private final int[] starts;
    private final int[] ends;
    /** Instrument cache, open addressing keyed by the symbol text (no substring per row for a known symbol). */
    private String[] cachedSymbols = new String[1024];
    private Instrument[] cachedInstruments = new Instrument[1024];
    /** The underlying index last read with each cached symbol (null before the first), reused while unchanged. */
    private Object[] cachedIndexes = new Object[1024];
    private int cached;
    /** The cache slot of the row's symbol, or -1 when the symbol is not in the cache. */
    private int slot;
    /** The exchange column's last text, reused while unchanged. */
    private String lastExchange = "";
    /** The symbol text of the row being parsed, set by {@link #instrument()}. */
    private String symbol;
    private String text;
    private long line;
    ChainRow row;

    RowParser(String source, Columns columns) {
      this.source = source;
      this.c = columns;
      this.starts = new int[columns.count];
      this.ends = new int[columns.count];
    }

    /** Parses one line into {@link #row}; returns null on success, else the issue. */
    RowIssue parse(String lineText, long lineNumber) {
      this.text = lineText;
      this.line = lineNumber;
      this.row = null;
      int n = split();
      if (n != c.count) {
        return new RowIssue(source, line, RowIssue.WHOLE_LINE, "", IssueKind.FIELD_COUNT,
            "line has " + n + " comma-separated fields, the header has " + c.count);
      }
      try {
        required(c.symbol);
        Instrument instrument = instrument();
        String symbolText = symbol;
        Instant timestamp = micros(c.timestamp);
        Instant local = c.localTimestamp >= 0 && !empty(c.localTimestamp) ? micros(c.localTimestamp) : timestamp;
        OptionType type = type();
        double strike = number(c.strike, 0);
        if (!(strike > 0)) {
          throw bad(c.strike, IssueKind.OUT_OF_RANGE, "strike must be > 0");
        }
        long expirationMicros = microsValue(c.expiration);
        Instant expiry = instrument.expiry();
        Instant expiration = expiry.getEpochSecond() == expirationMicros / 1_000_000L
            && expiry.getNano() == (expirationMicros % 1_000_000L) * 1000L ? expiry : instant(expirationMicros);
        if (instrument.optionType() != type) {
          throw bad(c.type, IssueKind.INCONSISTENT, "the symbol " + symbolText + " is a "
              + instrument.optionType().name().toLowerCase(Locale.ROOT) + " but the type column says "
              + type.name().toLowerCase(Locale.ROOT));
        }
        if (instrument.strike() != strike) {
          throw bad(c.strike, IssueKind.INCONSISTENT, "the symbol " + symbolText + " has strike "
              + plain(instrument.strike()) + " but the strike_price column says " + plain(strike));
        }
        if (!instrument.expiry().equals(expiration)) {
          throw bad(c.expiration, IssueKind.INCONSISTENT, "the symbol " + symbolText + " expires "
              + instrument.expiry() + " but the expiration column says " + expiration);
        }
        OptionalDouble openInterest = optional(c.openInterest, 0, true);
        OptionalDouble last = optional(c.lastPrice, 0, true);
        OptionalDouble bid = optional(c.bidPrice, 0, true);
        OptionalDouble bidAmount = optional(c.bidAmount, 0, true);
        OptionalDouble bidIv = iv(c.bidIv);
        OptionalDouble ask = optional(c.askPrice, 0, true);
        OptionalDouble askAmount = optional(c.askAmount, 0, true);
        OptionalDouble askIv = iv(c.askIv);
        double mark = number(c.markPrice, 0);
        if (mark < 0) {
          throw bad(c.markPrice, IssueKind.OUT_OF_RANGE, "a price must be >= 0");
        }
        double markIv = number(c.markIv, -2);
        if (markIv < 0 || markIv > MAX_IV_FRACTION) {
          throw bad(c.markIv, IssueKind.OUT_OF_RANGE, "an implied volatility must be between 0 and "
              + (int) (MAX_IV_FRACTION * 100) + " percent");
        }
        Optional<String> underlyingIndex = underlyingIndex();
        double forward = number(c.underlyingPrice, 0);
        if (!(forward > 0)) {
          throw bad(c.underlyingPrice, IssueKind.OUT_OF_RANGE, "the underlying price (forward) must be > 0");
        }
        OptionalDouble delta = optional(c.delta, 0, false);
        OptionalDouble gamma = optional(c.gamma, 0, false);
        OptionalDouble vega = optional(c.vega, 0, false);
        OptionalDouble theta = optional(c.theta, 0, false);
        OptionalDouble rho = optional(c.rho, 0, false);
        String exchange = exchange();
        try {
          row = new ChainRow(line, exchange, symbolText, instrument, timestamp, local, type, strike, expiration,
              openInterest, last, bid, bidAmount, bidIv, ask, askAmount, askIv, mark, markIv, underlyingIndex,
              forward, delta, gamma, vega, theta, rho);
        } catch (IllegalArgumentException e) { // every rule is checked above; this is a safety net
          return new RowIssue(source, line, RowIssue.WHOLE_LINE, "", IssueKind.BAD_VALUE, e.getMessage());
        }
        return null;
      } catch (BadRow e) {
        return e.issue();
      }
    }

    /** Records field boundaries; returns the number of fields found (only the first count are recorded). */
    private int split() {
      int n = 0;
      int start = 0;
      while (true) {
        int comma = text.indexOf(',', start);
        int end = comma < 0 ? text.length() : comma;
        if (n < starts.length) {
          starts[n] = start;
          ends[n] = end;
        }
        n++;
        if (comma < 0) {
          return n;
        }
        start = comma + 1;
      }
    }

    private boolean empty(int column) {
      return starts[column] == ends[column];
    }

    private String field(int column) {
      return text.substring(starts[column], ends[column]);
    }

    private BadRow bad(int column, IssueKind kind, String reason) {
      return new BadRow(new RowIssue(source, line, c.names[column], field(column), kind, reason));
    }

    private String required(int column) throws BadRow {
      if (empty(column)) {
        throw bad(column, IssueKind.MISSING_FIELD, "required field is empty");
      }
      return field(column);
    }

    /** The instrument named by the (non-empty) symbol field; sets {@link #symbol} to the field's text. */
    private Instrument instrument() throws BadRow {
      int from = starts[c.symbol];
      int length = ends[c.symbol] - from;
      int hash = 0;
      for (int i = from; i < from + length; i++) {
        hash = 31 * hash + text.charAt(i);
      }
      int mask = cachedSymbols.length - 1;
      int slot = (hash ^ (hash >>> 16)) & mask;
      for (String key = cachedSymbols[slot]; key != null; key = cachedSymbols[slot]) {
        if (key.length() == length && text.regionMatches(from, key, 0, length)) {
          symbol = key;
          this.slot = slot;
          return cachedInstruments[slot];
        }
        slot = (slot + 1) & mask;
      }
      symbol = field(c.symbol);
      this.slot = -1;
      Instrument parsed;
      try {
        parsed = Instrument.parse(symbol);
      } catch (IllegalArgumentException e) {
        throw bad(c.symbol, IssueKind.BAD_SYMBOL, e.getMessage());
      }
      if (!parsed.isOption()) {
        throw bad(c.symbol, IssueKind.BAD_SYMBOL, "not an option but a " + parsed.kind().name()
            .toLowerCase(Locale.ROOT) + "; an options_chain row must name an option such as BTC-27DEC24-60000-C");
      }
      if (cached < INSTRUMENT_CACHE_SIZE) {
        cachedSymbols[slot] = symbol;
        cachedInstruments[slot] = parsed;
        cached++;
        if (2 * cached > cachedSymbols.length) {
          growCache(); // moves the entries; this row does without its slot
        } else {
          this.slot = slot;
        }
      }
      return parsed;
    }

    private void growCache() {
      String[] oldSymbols = cachedSymbols;
      Instrument[] oldInstruments = cachedInstruments;
      Object[] oldIndexes = cachedIndexes;
      cachedSymbols = new String[2 * oldSymbols.length];
      cachedInstruments = new Instrument[2 * oldSymbols.length];
      cachedIndexes = new Object[2 * oldSymbols.length];
      int mask = cachedSymbols.length - 1;
      for (int i = 0; i < oldSymbols.length; i++) {
        if (oldSymbols[i] != null) {
          int hash = oldSymbols[i].hashCode(); // the same hash as computed over the field's characters
          int slot = (hash ^ (hash >>> 16)) & mask;
          while (cachedSymbols[slot] != null) {
            slot = (slot + 1) & mask;
          }
          cachedSymbols[slot] = oldSymbols[i];
          cachedInstruments[slot] = oldInstruments[i];
          cachedIndexes[slot] = oldIndexes[i];
        }
      }
    }

    /** The underlying_index column; the same instance as the symbol's previous row when the text is unchanged. */
    @SuppressWarnings("unchecked")
    private Optional<String> underlyingIndex() {
      if (c.underlyingIndex < 0 || empty(c.underlyingIndex)) {
        return Optional.empty();
      }
      int from = starts[c.underlyingIndex];
      int length = ends[c.underlyingIndex] - from;
      if (slot >= 0) {
        Optional<String> last = (Optional<String>) cachedIndexes[slot];
        if (last != null && last.get().length() == length && text.regionMatches(from, last.get(), 0, length)) {
          return last;
        }
      }
      Optional<String> index = Optional.of(field(c.underlyingIndex));
      if (slot >= 0) {
        cachedIndexes[slot] = index;
      }
      return index;
    }

    /** The exchange column ("" without one); the previous row's instance when the text is unchanged. */
    private String exchange() {
      if (c.exchange < 0) {
        return "";
      }
      int from = starts[c.exchange];
      int length = ends[c.exchange] - from;
      if (lastExchange.length() != length || !text.regionMatches(from, lastExchange, 0, length)) {
        lastExchange = field(c.exchange);
      }
      return lastExchange;
    }

    private OptionType type() throws BadRow {
      if (text.startsWith("call", starts[c.type]) && ends[c.type] - starts[c.type] == 4) {
        return OptionType.CALL;
      }
      if (text.startsWith("put", starts[c.type]) && ends[c.type] - starts[c.type] == 3) {
        return OptionType.PUT;
      }
      String s = required(c.type);
      try {
        return OptionType.parse(s);
      } catch (IllegalArgumentException e) {
        throw bad(c.type, IssueKind.BAD_VALUE, "type must be 'call' or 'put'");
      }
    }

    private Instant micros(int column) throws BadRow {
      return instant(microsValue(column));
    }

    private static Instant instant(long micros) {
      return Instant.ofEpochSecond(micros / 1_000_000L, (micros % 1_000_000L) * 1000L);
    }

    /** A timestamp column as microseconds since the epoch, checked to be in 2000-2199. */
    private long microsValue(int column) throws BadRow {
      if (empty(column)) {
        throw bad(column, IssueKind.MISSING_FIELD, "required field is empty");
      }
      int from = starts[column];
      int to = ends[column];
      if (to - from > 19) {
        throw bad(column, IssueKind.BAD_NUMBER, "expected an integer number of microseconds since 1970-01-01 UTC");
      }
      long us = 0;
      for (int i = from; i < to; i++) {
        char ch = text.charAt(i);
        if (ch < '0' || ch > '9') {
          throw bad(column, IssueKind.BAD_NUMBER, "expected an integer number of microseconds since 1970-01-01 UTC");
        }
        if (us > (Long.MAX_VALUE - (ch - '0')) / 10) {
          throw bad(column, IssueKind.OUT_OF_RANGE, "timestamp too large");
        }
        us = us * 10 + (ch - '0');
      }
      if (us < MIN_MICROS || us >= MAX_MICROS) {
        throw bad(column, IssueKind.OUT_OF_RANGE, "as microseconds since 1970 this is "
            + Instant.ofEpochSecond(us / 1_000_000L) + ", outside 2000-2199; Tardis timestamps are "
            + "in microseconds (16 digits), is this milliseconds or seconds?");
      }
      return us;
    }

    /** A required number times {@code 10^shift} (shift -2 turns a percentage into a fraction exactly). */
    private double number(int column, int shift) throws BadRow {
      if (empty(column)) {
        throw bad(column, IssueKind.MISSING_FIELD, "required field is empty");
      }
      return parsed(column, shift);
    }

    private double parsed(int column, int shift) throws BadRow {
      double fast = simpleDecimal(starts[column], ends[column], shift);
      if (fast == fast) { // not NaN: the common form, parsed in one pass
        return fast;
      }
      if (!DecimalParser.isDecimal(text, starts[column], ends[column])) {
        throw bad(column, IssueKind.BAD_NUMBER, "not a decimal number");
      }
      double v = DecimalParser.parse(text, starts[column], ends[column], shift);
      if (!Double.isFinite(v)) {
        throw bad(column, IssueKind.BAD_NUMBER, "number outside the range of a double");
      }
      return v;
    }

    /**
     * The common case of {@link DecimalParser}, in one pass that both checks and parses: an optional minus, 1 to
     * {@value #SIMPLE_MAX_DIGITS} digits with an optional point that has digits on both sides, no exponent. Then
     * the digits are an exact long below 2^53 and the power of ten is within 10^&plusmn;22, so this is Clinger's
     * fast path exactly as {@code DecimalParser.parse} computes it (same mantissa, same power, same single
     * rounding). Anything else returns NaN and goes through {@code DecimalParser}, which also reports errors.
     */
    private double simpleDecimal(int from, int to, int shift) {
      int i = from;
      boolean negative = false;
      if (i < to && text.charAt(i) == '-') {
        negative = true;
        i++;
      }
      long mantissa = 0;
      int digits = 0;
      int fraction = -1; // digits after the point; -1 while no point has been seen
      for (; i < to; i++) {
        char ch = text.charAt(i);
        if (ch >= '0' && ch <= '9') {
          mantissa = mantissa * 10 + (ch - '0');
          digits++;
          if (fraction >= 0) {
            fraction++;
          }
        } else if (ch == '.' && fraction < 0 && digits > 0) {
          fraction = 0;
        } else {
          return Double.NaN;
        }
      }
      if (digits == 0 || digits > SIMPLE_MAX_DIGITS || fraction == 0) {
        return Double.NaN;
      }
      int exponent = shift - Math.max(fraction, 0);
      if (exponent < -22 || exponent > 22) {
        return Double.NaN;
      }
      double m = mantissa;
      double v = exponent >= 0 ? m * POW10[exponent] : m / POW10[-exponent];
      return negative ? -v : v;
    }

    private OptionalDouble iv(int column) throws BadRow {
      OptionalDouble v = optional(column, -2, true);
      if (v.isPresent() && v.getAsDouble() > MAX_IV_FRACTION) {
        throw bad(column, IssueKind.OUT_OF_RANGE, "an implied volatility must be between 0 and "
            + (int) (MAX_IV_FRACTION * 100) + " percent");
      }
      return v;
    }

    private OptionalDouble optional(int column, int shift, boolean nonNegative) throws BadRow {
      if (column < 0 || empty(column)) {
        return OptionalDouble.empty();
      }
      double v = parsed(column, shift);
      if (nonNegative && v < 0) {
        throw bad(column, IssueKind.OUT_OF_RANGE, "must be >= 0");
      }
      return OptionalDouble.of(v);
    }
  }

  /** True for an optional sign, digits with an optional point (a digit on at least one side), optional exponent. */
  static boolean isDecimal(String s) {
    return DecimalParser.isDecimal(s, 0, s.length());
  }

  /** The double nearest to the decimal {@code text} / 100 (a percentage as a fraction); text must be decimal. */
  static double percentToFraction(String text) {
    return DecimalParser.parse(text, 0, text.length(), -2);
  }

  private static String plain(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
