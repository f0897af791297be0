package io.netgamma.data.snapshot;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.market.ForwardCurve;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.OrderBook;
import io.netgamma.core.market.Quote;
import io.netgamma.data.DataFileException;
import io.netgamma.data.io.IssueKind;
import io.netgamma.data.io.ReadSummary;
import io.netgamma.data.io.BadRow;
import io.netgamma.data.io.DataFiles;
import io.netgamma.data.io.JsonText;
import io.netgamma.data.io.RowIssue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * netgamma's market-snapshot JSON: a writer and a reader that round-trip a {@link MarketSnapshot} losslessly
 * (every double printed in its shortest round-trip decimal form and read back to the same bits; the timestamp to
 * the nanosecond; the order of underlyings and instruments kept), except for the <b>volatility surfaces, which are
 * not serialised</b> (a surface is a model fitted to the quotes, not market data; refit it after reading).
 *
 * <p><b>Format</b> (UTF-8; one instrument a line as written, any JSON layout read):
 * <pre>
 * {"timestamp":"2024-06-17T10:22:20.501Z",
 *  "index":{"BTC":65666.19},
 *  "forward_curves":{"BTC":{"index":65666.19,"nodes":[{"expiry":"2024-06-28T08:00:00Z","forward":67371.75}]}},
 *  "instruments":[
 *   {"instrument":"BTC-PERPETUAL","mark":65910.57,"funding_8h":0.0001},
 *   {"instrument":"BTC-28JUN24","mark":67371.75},
 *   {"instrument":"BTC-28JUN24-70000-C","mark":0.0123,"mark_iv":0.52,"forward":67371.75,"bid":0.012,
 *    "bid_amount":5,"ask":0.013,"ask_amount":7,"open_interest":1200,"bids":[[0.012,5],[0.0115,10]],
 *    "asks":[[0.013,7]]}]}
 * </pre>
 * <ul>
 *   <li>{@code timestamp} (required): the snapshot instant, ISO-8601 in UTC.</li>
 *   <li>{@code index}: underlying → index price, USD per coin, &gt; 0.</li>
 *   <li>{@code forward_curves}: underlying → its {@link ForwardCurve}: {@code index} (USD per coin, the curve's
 *       anchor) and {@code nodes} (expiry ISO-8601, forward USD per coin), valued at {@code timestamp}. An
 *       underlying without an entry has the flat curve at its index ({@link MarketSnapshot#forwardCurve}); the
 *       writer omits exactly those curves, which behave the same.</li>
 *   <li>{@code instruments}: one {@link Quote} each, by Deribit name ({@code instrument}, required, unique). Option
 *       {@code mark}, {@code bid}, {@code ask} in coin for inverse options and in USDC for linear ones; futures and
 *       perpetuals in USD per coin; {@code mark_iv} a fraction; {@code bid_amount}, {@code ask_amount},
 *       {@code open_interest} in contract units; {@code forward} (optional) the option's forward, USD per coin;
 *       {@code funding_8h} the perpetual's 8-hour funding as a fraction; {@code bids}/{@code asks} the book depth as
 *       {@code [price, amount]} pairs, best first. Absent values are omitted (JSON {@code null} also reads as
 *       absent).</li>
 * </ul>
 * Unknown fields are ignored (newer writers may add some).
 *
 * <p><b>Errors.</b> A file that cannot be a snapshot (missing, not JSON or a syntax error, no or a bad
 * {@code timestamp}, a bad index or curve, more than {@link #maxInstruments()} instruments) throws one
 * {@link DataFileException} naming the file, line, field and value. A bad instrument entry (unknown name, a value
 * that is not a number or out of range, an unsorted or crossed book, a duplicate) throws too with the strict
 * {@code read} methods, or is skipped, reported as a {@link RowIssue} (file, line of the entry, field such as
 * {@code instruments[3].mark_iv}, value, and a reason starting with the instrument's name) and counted with the
 * lenient ones. Stateless and thread-safe.
 */
public final class MarketSnapshotJson {

  /** The writer/reader with no limit on the number of instruments. */
  public static final MarketSnapshotJson DEFAULT = new MarketSnapshotJson(Long.MAX_VALUE);

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();
  private static final String[] NUMBER_FIELDS = {"mark", "mark_iv", "forward", "bid", "bid_amount", "ask",
      "ask_amount", "open_interest", "funding_8h"};

  private final long maxInstruments;

  private MarketSnapshotJson(long maxInstruments) {
    ArgChecker.isTrue(maxInstruments > 0, "maxInstruments must be > 0, got " + maxInstruments);
    this.maxInstruments = maxInstruments;
  }

  /**
   * A reader with a limit.
   *
   * @param maxInstruments most instrument entries a file may have, &gt; 0
   * @return the writer/reader
   */
  public static MarketSnapshotJson of(long maxInstruments) {
    return new MarketSnapshotJson(maxInstruments);
  }

  /** The most instrument entries a file may have. */
  public long maxInstruments() {
    return maxInstruments;
  }

  /**
   * A snapshot read leniently.
   *
   * @param snapshot the snapshot, without the skipped instruments
   * @param summary counts of instrument entries read, accepted and skipped
   */
  public record Result(MarketSnapshot snapshot, ReadSummary summary) {

    /** Checks for nulls. */
    public Result {
      ArgChecker.notNull(snapshot, "snapshot");
      ArgChecker.notNull(summary, "summary");
    }
  }

  // ------------------------------------------------------------------------------------------------------ writing

  /**
   * Writes a snapshot to a file (created or replaced).
   *
   * @param snapshot the snapshot
   * @param file the file
   * @throws DataFileException naming the file when it cannot be written
   */
  public void write(MarketSnapshot snapshot, Path file) {
    DataFiles.write(file, "the market snapshot", out -> write(snapshot, out));
  }

  /**
   * The snapshot as JSON text.
   *
   * @param snapshot the snapshot
   * @return the JSON, ending with a newline
   */
  public String toJson(MarketSnapshot snapshot) {
    StringWriter out = new StringWriter();
    write(snapshot, out);
    return out.toString();
  }

  /**
   * Writes a snapshot. The writer is flushed, not closed.
   *
   * @param snapshot the snapshot
   * @param out where to write
   */
  public void write(MarketSnapshot snapshot, Writer out) {
    ArgChecker.notNull(snapshot, "snapshot");
    ArgChecker.notNull(out, "out");
    try (JsonGenerator g = MAPPER.writer().with(JsonText.compactLayout("instruments")).createGenerator(out)) {
      g.writeStartObject();
      g.writeStringProperty("timestamp", snapshot.timestamp().toString());
      g.writeName("index");
      g.writeStartObject();
      for (String u : snapshot.underlyings()) {
        g.writeName(u);
        g.writeNumber(format(snapshot.index(u)));
      }
      g.writeEndObject();
      List<ForwardCurve> curves = new ArrayList<>();
      for (String u : snapshot.underlyings()) {
        ForwardCurve c = snapshot.forwardCurve(u);
        if (c.size() > 0 || c.index() != snapshot.index(u)) {
          curves.add(c);
        }
      }
      if (!curves.isEmpty()) {
        g.writeName("forward_curves");
        g.writeStartObject();
        for (ForwardCurve c : curves) {
          g.writeName(c.underlying());
          g.writeStartObject();
          g.writeName("index");
          g.writeNumber(format(c.index()));
          g.writeName("nodes");
          g.writeStartArray();
          for (int i = 0; i < c.size(); i++) {
            g.writeStartObject();
            g.writeStringProperty("expiry", Instant.ofEpochMilli(c.expiry(i)).toString());
            g.writeName("forward");
            g.writeNumber(format(c.forwardAt(i)));
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        }
        g.writeEndObject();
      }
      g.writeName("instruments");
      g.writeStartArray();
      for (Quote q : snapshot.quotes()) {
        writeQuote(g, q);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
      g.flush();
    }
  }

  /**
   * A finite double as JSON text with the fewest significant digits that read back to the same double (Java's
   * {@link Double#toString(double)}, shortest since JDK 19), in plain notation for magnitudes in [1e-7, 1e21)
   * ({@code 0.0001}, {@code 1200}) and in scientific notation outside ({@code 1.0E-9}); zeros keep their sign.
   */
  static String format(double d) {
    return JsonText.number(d);
  }

  private static void writeQuote(JsonGenerator g, Quote q) {
    g.writeStartObject();
    g.writeStringProperty("instrument", q.instrument().name());
    double[] values = {q.mark(), q.markIv(), q.forward(), q.bid(), q.bidAmount(), q.ask(), q.askAmount(),
        q.openInterest(), q.funding8h()};
    for (int i = 0; i < values.length; i++) {
      if (!Double.isNaN(values[i])) {
        g.writeName(NUMBER_FIELDS[i]);
        g.writeNumber(format(values[i]));
      }
    }
    OrderBook b = q.book();
    if (b.bidLevels() > 0) {
      g.writeName("bids");
      g.writeStartArray();
      for (int i = 0; i < b.bidLevels(); i++) {
        g.writeStartArray();
        g.writeNumber(format(b.bidPrice(i)));
        g.writeNumber(format(b.bidAmount(i)));
        g.writeEndArray();
      }
      g.writeEndArray();
    }
    if (b.askLevels() > 0) {
      g.writeName("asks");
      g.writeStartArray();
      for (int i = 0; i < b.askLevels(); i++) {
        g.writeStartArray();
        g.writeNumber(format(b.askPrice(i)));
        g.writeNumber(format(b.askAmount(i)));
        g.writeEndArray();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  // ------------------------------------------------------------------------------------------------------ reading

  /**
   * Reads a snapshot file; any bad entry is an error.
   *
   * @param file the file
   * @return the snapshot
   * @throws DataFileException naming the file, line, field and value of the first problem
   */
  public MarketSnapshot read(Path file) {
    return read(file, MarketSnapshotJson::fail).snapshot();
  }

  /**
   * Reads a snapshot; any bad entry is an error. The reader is not closed.
   *
   * @param reader the JSON text
   * @param source the name used in errors
   * @return the snapshot
   * @throws DataFileException naming the source, line, field and value of the first problem
   */
  public MarketSnapshot read(Reader reader, String source) {
    return read(reader, source, MarketSnapshotJson::fail).snapshot();
  }

  /**
   * Reads a snapshot from a string; any bad entry is an error.
   *
   * @param json the JSON text
   * @return the snapshot
   */
  public MarketSnapshot fromJson(String json) {
    ArgChecker.notNull(json, "json");
    return read(new StringReader(json), "(json)");
  }

  /**
   * Reads a snapshot file, skipping bad instrument entries.
   *
   * @param file the file
   * @param issues receives one issue per skipped instrument entry, in file order
   * @return the snapshot and the counts of instrument entries
   * @throws DataFileException naming the file when it is not a readable snapshot
   */
  public Result read(Path file, Consumer<RowIssue> issues) {
    ArgChecker.notNull(file, "file");
    String source = file.toString();
    DataFiles.requireNotDirectory(file, "a market-snapshot JSON file");
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, source, issues);
    } catch (IOException e) {
      throw DataFiles.cannotRead(source, e);
    }
  }

  /**
   * Reads a snapshot, skipping bad instrument entries. The reader is not closed.
   *
   * @param reader the JSON text
   * @param source the name used in issues and errors
   * @param issues receives one issue per skipped instrument entry, in order
   * @return the snapshot and the counts of instrument entries
   * @throws DataFileException naming the source when it is not a readable snapshot
   */
  public Result read(Reader reader, String source, Consumer<RowIssue> issues) {
    ArgChecker.notNull(reader, "reader");
    ArgChecker.notNull(source, "source");
    ArgChecker.notNull(issues, "issues");
    Parse parse = new Parse(source, issues);
    try (JsonParser p = MAPPER.createParser(new BufferedReader(reader, 1 << 16))) {
      parse.root(p);
    } catch (JacksonIOException e) {
      throw new DataFileException(source + ": read failed: " + e.getMessage(), e);
    } catch (JacksonException e) {
      throw JsonText.syntaxError(source, e);
    }
    return parse.build();
  }

  private static void fail(RowIssue issue) {
    throw new DataFileException(issue.message());
  }

  /** One read. Not thread-safe. */
  private final class Parse {
    final String source;
    final Consumer<RowIssue> issues;
    Instant timestamp;
    final Map<String, Double> index = new LinkedHashMap<>();
    final Map<String, RawCurve> curves = new LinkedHashMap<>();
    final List<Quote> quotes = new ArrayList<>();
    final Map<String, Integer> seen = new HashMap<>();
    final EnumMap<IssueKind, Long> skipped = new EnumMap<>(IssueKind.class);
    long read;

    Parse(String source, Consumer<RowIssue> issues) {
      this.source = source;
      this.issues = issues;
    }

    private DataFileException broken(long line, String field, String value, String reason) {
      return JsonText.fieldError(source, line, field, value, reason);
    }

    private long line(JsonParser p) {
      return JsonText.line(p);
    }

    void root(JsonParser p) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new DataFileException(source + ": the file is empty; expected a market-snapshot JSON object");
      }
      if (t != JsonToken.START_OBJECT) {
        throw new DataFileException(source + ":" + line(p) + ": expected a market-snapshot JSON object, found "
            + t);
      }
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        switch (name) {
          case "timestamp" -> timestamp(p, v);
          case "index" -> index(p, v);
          case "forward_curves" -> curves(p, v);
          case "instruments" -> instruments(p, v);
          default -> p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        throw new DataFileException(source + ":" + line(p) + ": content after the market-snapshot object");
      }
      if (timestamp == null) {
        throw new DataFileException(source + ": no 'timestamp' field; a market snapshot needs its instant, e.g. "
            + "\"timestamp\":\"2024-06-17T10:22:20.501Z\"");
      }
    }

    private void timestamp(JsonParser p, JsonToken v) {
      if (v != JsonToken.VALUE_STRING) {
        throw broken(line(p), "timestamp", p.getString(), "expected an ISO-8601 instant such as "
            + "2024-06-17T10:22:20.501Z");
      }
      try {
        timestamp = Instant.parse(p.getString());
      } catch (DateTimeParseException e) {
        throw broken(line(p), "timestamp", p.getString(), "not an ISO-8601 instant in UTC such as "
            + "2024-06-17T10:22:20.501Z");
      }
    }

    private double positiveNumber(JsonParser p, JsonToken v, String field) {
      if (v != JsonToken.VALUE_NUMBER_FLOAT && v != JsonToken.VALUE_NUMBER_INT) {
        throw broken(line(p), field, v.isScalarValue() ? p.getString() : v.toString(), "expected a number");
      }
      double d = p.getDoubleValue();
      if (!(d > 0) || Double.isInfinite(d)) {
        throw broken(line(p), field, p.getString(), "must be finite and > 0");
      }
      return d;
    }

    private void index(JsonParser p, JsonToken v) {
      if (v != JsonToken.START_OBJECT) {
        throw broken(line(p), "index", v.toString(), "expected an object of underlying: index price");
      }
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String u = p.currentName();
        index.put(u, positiveNumber(p, p.nextToken(), "index." + u));
      }
    }

    private void curves(JsonParser p, JsonToken v) {
      if (v != JsonToken.START_OBJECT) {
        throw broken(line(p), "forward_curves", v.toString(), "expected an object of underlying: curve");
      }
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String u = p.currentName();
        long at = line(p);
        JsonNode c = p.nextToken() == JsonToken.START_OBJECT ? p.readValueAsTree() : null;
        if (c == null) {
          throw broken(at, "forward_curves." + u, null, "expected an object {\"index\":..., \"nodes\":[...]}");
        }
        curves.put(u, RawCurve.of(c, "forward_curves." + u, at, this));
      }
    }

    private void instruments(JsonParser p, JsonToken v) {
      if (v != JsonToken.START_ARRAY) {
        throw broken(line(p), "instruments", v.toString(), "expected an array of instrument objects");
      }
      int i = 0;
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        long at = line(p);
        read++;
        if (read > maxInstruments) {
          throw new DataFileException(source + ": more than " + maxInstruments + " instruments (the reader's "
              + "limit); raise the limit or split the file");
        }
        JsonNode node = p.readValueAsTree();
        try {
          if (t != JsonToken.START_OBJECT) {
            throw new BadRow(new RowIssue(source, at, "instruments[" + i + "]", node.toString(), IssueKind.BAD_VALUE,
                "expected an instrument object"));
          }
          Quote q = new Entry(source, at, i, node).quote();
          Integer first = seen.putIfAbsent(q.instrument().name(), i);
          if (first != null) {
            throw new BadRow(new RowIssue(source, at, "instruments[" + i + "].instrument", q.instrument().name(),
                IssueKind.INCONSISTENT, "listed twice (first at instruments[" + first + "])"));
          }
          quotes.add(q);
        } catch (BadRow e) {
          skipped.merge(e.issue().kind(), 1L, Long::sum);
          issues.accept(e.issue());
        }
        i++;
      }
    }

    Result build() {
      MarketSnapshot.Builder b = MarketSnapshot.builder(timestamp);
      index.forEach(b::index);
      long valuation = timestamp.toEpochMilli();
      curves.forEach((u, c) -> {
        try {
          b.forwardCurve(ForwardCurve.of(u, valuation, c.index, c.expiries, c.forwards));
        } catch (IllegalArgumentException e) {
          throw broken(c.line, "forward_curves." + u, null, e.getMessage());
        }
      });
      quotes.forEach(b::quote);
      return new Result(b.build(), new ReadSummary(source, read, quotes.size(), skipped));
    }
  }

  /** A curve as read, before the timestamp is known. */
  private record RawCurve(double index, long[] expiries, double[] forwards, long line) {

    static RawCurve of(JsonNode c, String field, long line, Parse parse) {
      JsonNode idx = c.get("index");
      if (idx == null || !idx.isNumber() || !(idx.doubleValue() > 0) || Double.isInfinite(idx.doubleValue())) {
        throw parse.broken(line, field + ".index", idx == null ? "" : idx.toString(),
            "expected the curve's index price, a number > 0");
      }
      JsonNode nodes = c.get("nodes");
      if (nodes == null || !nodes.isArray()) {
        throw parse.broken(line, field + ".nodes", nodes == null ? "" : nodes.toString(),
            "expected an array of {\"expiry\":..., \"forward\":...}");
      }
      long[] expiries = new long[nodes.size()];
      double[] forwards = new double[nodes.size()];
      for (int i = 0; i < nodes.size(); i++) {
        JsonNode n = nodes.get(i);
        String at = field + ".nodes[" + i + "]";
        JsonNode e = n.get("expiry");
        JsonNode f = n.get("forward");
        try {
          expiries[i] = Instant.parse(e.stringValue()).toEpochMilli();
        } catch (RuntimeException ex) {
          throw parse.broken(line, at + ".expiry", e == null ? "" : e.toString(), "expected an ISO-8601 instant");
        }
        if (f == null || !f.isNumber() || !(f.doubleValue() > 0) || Double.isInfinite(f.doubleValue())) {
          throw parse.broken(line, at + ".forward", f == null ? "" : f.toString(), "expected a number > 0");
        }
        forwards[i] = f.doubleValue();
      }
      return new RawCurve(idx.doubleValue(), expiries, forwards, line);
    }
  }


  /** One instrument entry. */
  private record Entry(String source, long line, int position, JsonNode node) {

    private BadRow bad(String field, IssueKind kind, String reason) {
      JsonNode v = node.get(field);
      String text = v == null ? "" : v.isString() ? v.stringValue() : v.toString();
      String name = node.get("instrument") != null && node.get("instrument").isString()
          ? node.get("instrument").stringValue() + ": " : "";
      return new BadRow(new RowIssue(source, line, "instruments[" + position + "]." + field, text, kind,
          name + reason));
    }

    private double number(String field) throws BadRow {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return Double.NaN;
      }
      if (!v.isNumber()) {
        throw bad(field, IssueKind.BAD_NUMBER, "expected a JSON number");
      }
      double d = v.doubleValue();
      if (Double.isInfinite(d)) {
        throw bad(field, IssueKind.BAD_NUMBER, "number outside the range of a double");
      }
      return d;
    }

    private double atLeastZero(String field) throws BadRow {
      double d = number(field);
      if (d < 0) {
        throw bad(field, IssueKind.OUT_OF_RANGE, "must be >= 0");
      }
      return d;
    }

    private double[][] levels(String field) throws BadRow {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return new double[][] {new double[0], new double[0]};
      }
      if (!v.isArray()) {
        throw bad(field, IssueKind.BAD_VALUE, "expected an array of [price, amount] pairs");
      }
      double[] prices = new double[v.size()];
      double[] amounts = new double[v.size()];
      for (int i = 0; i < v.size(); i++) {
        JsonNode l = v.get(i);
        if (!l.isArray() || l.size() != 2 || !l.get(0).isNumber() || !l.get(1).isNumber()) {
          throw bad(field, IssueKind.BAD_VALUE, "level " + i + " is " + RowIssue.shorten(l.toString())
              + ", expected [price, amount]");
        }
        prices[i] = l.get(0).doubleValue();
        amounts[i] = l.get(1).doubleValue();
      }
      return new double[][] {prices, amounts};
    }

    Quote quote() throws BadRow {
      JsonNode n = node.get("instrument");
      if (n == null || n.isNull()) {
        throw bad("instrument", IssueKind.MISSING_FIELD, "required field is absent");
      }
      if (!n.isString()) {
        throw bad("instrument", IssueKind.BAD_VALUE, "expected a Deribit instrument name");
      }
      Instrument instrument;
      try {
        instrument = Instrument.parse(n.stringValue());
      } catch (IllegalArgumentException e) {
        throw bad("instrument", IssueKind.BAD_SYMBOL, e.getMessage());
      }
      double mark = atLeastZero("mark");
      double markIv = atLeastZero("mark_iv");
      double forward = number("forward");
      if (!Double.isNaN(forward) && !(forward > 0)) {
        throw bad("forward", IssueKind.OUT_OF_RANGE, "must be > 0");
      }
      double bid = atLeastZero("bid");
      double bidAmount = atLeastZero("bid_amount");
      double ask = atLeastZero("ask");
      double askAmount = atLeastZero("ask_amount");
      double openInterest = atLeastZero("open_interest");
      double funding = number("funding_8h");
      double[][] bids = levels("bids");
      double[][] asks = levels("asks");
      OrderBook book;
      try {
        book = OrderBook.of(bids[0], bids[1], asks[0], asks[1]);
      } catch (IllegalArgumentException e) {
        throw bad(e.getMessage().startsWith("ask") ? "asks" : "bids", IssueKind.INCONSISTENT, e.getMessage());
      }
      try {
        return new Quote(instrument, mark, markIv, bid, bidAmount, ask, askAmount, openInterest, forward, funding,
            book.bidLevels() + book.askLevels() == 0 ? OrderBook.EMPTY : book);
      } catch (IllegalArgumentException e) { // every rule is checked above; this is a safety net
        throw bad("instrument", IssueKind.BAD_VALUE, e.getMessage());
      }
    }
  }
}
