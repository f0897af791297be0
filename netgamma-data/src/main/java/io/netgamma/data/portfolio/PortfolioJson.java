package io.netgamma.data.portfolio;

import io.netgamma.data.io.JsonFields;
import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.core.portfolio.Position;
import io.netgamma.data.DataFileException;
import io.netgamma.data.io.BadRow;
import io.netgamma.data.io.DataFiles;
import io.netgamma.data.io.JsonText;
import io.netgamma.data.io.IssueKind;
import io.netgamma.data.io.ReadSummary;
import io.netgamma.data.io.RowIssue;
import java.io.BufferedReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
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
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * netgamma's portfolio JSON: a writer and a reader that round-trip a {@link Portfolio} exactly (name, positions in
 * order, every double in its shortest round-trip form, collateral in order).
 *
 * <p><b>Format</b> (UTF-8; one position a line as written, any JSON layout read):
 * <pre>
 * {"name":"desk",
 *  "positions":[
 *   {"instrument":"BTC-28JUN24-70000-C","quantity":-25,"average_price":0.0123},
 *   {"instrument":"BTC-PERPETUAL","quantity":3.5}],
 *  "collateral":{"BTC":12.5,"USDC":50000}}
 * </pre>
 * <ul>
 *   <li>{@code name} (optional): the portfolio's name; absent, the file name without its extension.</li>
 *   <li>{@code positions} (required, may be empty): {@code instrument} a Deribit name (required; the same instrument
 *       may appear several times), {@code quantity} signed coins (required, finite; see {@link Position} for inverse
 *       futures), {@code average_price} (optional) in the instrument's quote unit: coin for inverse options, USDC
 *       for linear options, USD per coin for futures and perpetuals.</li>
 *   <li>{@code collateral} (optional): currency → balance in that currency (finite, either sign).</li>
 * </ul>
 * Unknown fields are ignored. JSON {@code null} reads as absent.
 *
 * <p><b>Errors.</b> A file that cannot be a portfolio (missing, not JSON or a syntax error, no {@code positions}
 * array, a bad name or collateral entry, more than {@link #maxPositions()} positions) throws one
 * {@link DataFileException} naming the file, line, field and value. A bad position (unknown instrument name, a
 * quantity that is missing, not a number or not finite, a negative average price) throws too with the strict
 * {@code read} methods, or is skipped, reported as a {@link RowIssue} (file, line, field such as
 * {@code positions[3].quantity}, value, reason starting with the instrument name) and counted with the lenient ones.
 * Stateless and thread-safe.
 */
public final class PortfolioJson {

  /** The reader/writer with the default limit of {@value #DEFAULT_MAX_POSITIONS} positions. */
  public static final PortfolioJson DEFAULT = new PortfolioJson(PortfolioJson.DEFAULT_MAX_POSITIONS);
  /** Default most positions per file. */
  public static final long DEFAULT_MAX_POSITIONS = 10_000_000L;

  /** Reads decimals as BigDecimal in trees, so that a value out of double range is reported as written. */
  static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private final long maxPositions;

  private PortfolioJson(long maxPositions) {
    ArgChecker.isTrue(maxPositions > 0, "maxPositions must be > 0, got " + maxPositions);
    this.maxPositions = maxPositions;
  }

  /**
   * A reader with a limit.
   *
   * @param maxPositions most position entries a file may have, &gt; 0
   * @return the reader/writer
   */
  public static PortfolioJson of(long maxPositions) {
    return new PortfolioJson(maxPositions);
  }

  /** The most position entries a file may have. */
  public long maxPositions() {
    return maxPositions;
  }

  // ------------------------------------------------------------------------------------------------------ writing

  /**
   * Writes a portfolio to a file (created or replaced).
   *
   * @throws DataFileException naming the file when it cannot be written
   */
  public void write(Portfolio portfolio, Path file) {
    DataFiles.write(file, "the portfolio", out -> write(portfolio, out));
  }

  /** The portfolio as JSON text, ending with a newline. */
  public String toJson(Portfolio portfolio) {
    StringWriter out = new StringWriter();
    write(portfolio, out);
    return out.toString();
  }

  /** Writes a portfolio. The writer is flushed, not closed. */
  public void write(Portfolio portfolio, Writer out) {
    ArgChecker.notNull(portfolio, "portfolio");
    ArgChecker.notNull(out, "out");
    try (JsonGenerator g = MAPPER.writer().with(JsonText.compactLayout("positions")).createGenerator(out)) {
      g.writeStartObject();
      g.writeStringProperty("name", portfolio.name());
      g.writeName("positions");
      g.writeStartArray();
      for (Position p : portfolio.positions()) {
        g.writeStartObject();
        g.writeStringProperty("instrument", p.instrument().name());
        g.writeName("quantity");
        g.writeNumber(format(p.quantity()));
        if (p.hasAveragePrice()) {
          g.writeName("average_price");
          g.writeNumber(format(p.averagePrice()));
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      if (!portfolio.collateral().isEmpty()) {
        g.writeName("collateral");
        g.writeStartObject();
        for (Map.Entry<String, Double> e : portfolio.collateral().entrySet()) {
          g.writeName(e.getKey());
          g.writeNumber(format(e.getValue()));
        }
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeRaw('\n');
      g.flush();
    }
  }

  /**
   * A finite double as JSON text with the fewest significant digits that read back to the same double, in plain
   * notation for magnitudes in [1e-7, 1e21) ({@code -25}, {@code 0.0123}) and scientific outside; zeros keep their
   * sign.
   */
  static String format(double d) {
    return JsonText.number(d);
  }

  // ------------------------------------------------------------------------------------------------------ reading

  /**
   * Reads a portfolio file; any bad entry is an error.
   *
   * @throws DataFileException naming the file, line, field and value of the first problem
   */
  public Portfolio read(Path file) {
    return read(file, PortfolioJson::fail).portfolio();
  }

  /**
   * Reads a portfolio from a string; any bad entry is an error.
   *
   * @param json the JSON text
   * @param defaultName the name when the JSON has none
   * @return the portfolio
   */
  public Portfolio fromJson(String json, String defaultName) {
    ArgChecker.notNull(json, "json");
    return read(new StringReader(json), "(json)", defaultName, PortfolioJson::fail).portfolio();
  }

  /**
   * Reads a portfolio file, skipping bad positions.
   *
   * @param file the file; its name without extension is the portfolio's name when the JSON has none
   * @param issues receives one issue per skipped position, in file order
   * @return the portfolio and the counts of position entries
   * @throws DataFileException naming the file when it is not a readable portfolio
   */
  public PortfolioRead read(Path file, Consumer<RowIssue> issues) {
    return Sources.read(file, "a netgamma portfolio JSON file",
        r -> read(r, file.toString(), Sources.stem(file), issues));
  }

  /**
   * Reads a portfolio, skipping bad positions. The reader is not closed.
   *
   * @param reader the JSON text
   * @param source the name used in issues and errors
   * @param defaultName the portfolio's name when the JSON has none
   * @param issues receives one issue per skipped position, in order
   * @return the portfolio and the counts of position entries
   * @throws DataFileException naming {@code source} when the text is not a readable portfolio
   */
  public PortfolioRead read(Reader reader, String source, String defaultName, Consumer<RowIssue> issues) {
    ArgChecker.notNull(reader, "reader");
    ArgChecker.notNull(source, "source");
    ArgChecker.notBlank(defaultName, "defaultName");
    ArgChecker.notNull(issues, "issues");
    Parse parse = new Parse(source, issues);
    try (JsonParser p = MAPPER.createParser(new BufferedReader(reader, 1 << 16))) {
      parse.root(p);
    } catch (JacksonIOException e) {
      throw new DataFileException(source + ": read failed: " + e.getMessage(), e);
    } catch (JacksonException e) {
      throw JsonText.syntaxError(source, e);
    }
    return parse.build(defaultName);
  }

  private static void fail(RowIssue issue) {
    throw new DataFileException(issue.message());
  }

  /** One position entry. */
  static Position position(JsonFields e) throws BadRow {
    Instrument instrument = e.instrument("instrument");
    double quantity = e.number("quantity", true);
    double average = e.number("average_price", false);
    if (!Double.isNaN(average) && (instrument.isOption() ? average < 0 : !(average > 0))) {
      throw e.bad("average_price", IssueKind.OUT_OF_RANGE, "must be " + (instrument.isOption() ? ">= 0" : "> 0")
          + " (" + (instrument.isOption() ? (instrument.isInverse() ? "coin" : "USDC") + " per 1-coin option"
          : "USD per coin") + ")");
    }
    return new Position(instrument, quantity, average);
  }

  /** One read. Not thread-safe. */
  private final class Parse {
    final String source;
    final Consumer<RowIssue> issues;
    String name;
    boolean sawPositions;
    final List<Position> positions = new ArrayList<>();
    final Map<String, Double> collateral = new LinkedHashMap<>();
    final EnumMap<IssueKind, Long> skipped = new EnumMap<>(IssueKind.class);
    long read;

    Parse(String source, Consumer<RowIssue> issues) {
      this.source = source;
      this.issues = issues;
    }

    private long line(JsonParser p) {
      return JsonText.line(p);
    }

    private DataFileException broken(long line, String field, String value, String reason) {
      return JsonText.fieldError(source, line, field, value, reason);
    }

    void root(JsonParser p) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new DataFileException(source + ": the file is empty; expected a portfolio JSON object such as "
            + "{\"name\":\"desk\",\"positions\":[{\"instrument\":\"BTC-PERPETUAL\",\"quantity\":1}]}");
      }
      if (t != JsonToken.START_OBJECT) {
        throw new DataFileException(source + ":" + line(p) + ": expected a portfolio JSON object, found " + t);
      }
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        switch (field) {
          case "name" -> {
            if (v != JsonToken.VALUE_STRING || p.getString().isBlank()) {
              throw broken(line(p), "name", v.isScalarValue() ? p.getString() : v.toString(),
                  "expected a non-blank string");
            }
            name = p.getString();
          }
          case "positions" -> positions(p, v);
          case "collateral" -> collateral(p, v);
          default -> p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        throw new DataFileException(source + ":" + line(p) + ": content after the portfolio object");
      }
      if (!sawPositions) {
        throw new DataFileException(source + ": no 'positions' array; a portfolio lists its positions as "
            + "\"positions\":[{\"instrument\":\"BTC-PERPETUAL\",\"quantity\":1}]");
      }
    }

    private void positions(JsonParser p, JsonToken v) {
      if (v != JsonToken.START_ARRAY) {
        throw broken(line(p), "positions", v.isScalarValue() ? p.getString() : v.toString(),
            "expected an array of position objects");
      }
      sawPositions = true;
      int i = 0;
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        long at = line(p);
        read++;
        if (read > maxPositions) {
          throw new DataFileException(source + ": more than " + maxPositions + " positions (the reader's limit); "
              + "raise the limit or split the file");
        }
        JsonNode node = p.readValueAsTree();
        try {
          if (t != JsonToken.START_OBJECT) {
            throw new BadRow(new RowIssue(source, at, "positions[" + i + "]", node.toString(), IssueKind.BAD_VALUE,
                "expected a position object {\"instrument\":...,\"quantity\":...}"));
          }
          positions.add(position(new JsonFields(source, at, "positions[" + i + "].", node)));
        } catch (BadRow e) {
          skipped.merge(e.issue().kind(), 1L, Long::sum);
          issues.accept(e.issue());
        }
        i++;
      }
    }

    private void collateral(JsonParser p, JsonToken v) {
      if (v != JsonToken.START_OBJECT) {
        throw broken(line(p), "collateral", v.isScalarValue() ? p.getString() : v.toString(),
            "expected an object of currency: balance, e.g. {\"BTC\":12.5}");
      }
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String ccy = p.currentName();
        JsonToken a = p.nextToken();
        String field = "collateral." + ccy;
        if (a != JsonToken.VALUE_NUMBER_INT && a != JsonToken.VALUE_NUMBER_FLOAT) {
          throw broken(line(p), field, a.isScalarValue() ? p.getString() : a.toString(), "expected a number");
        }
        double amount = p.getDoubleValue();
        if (!Double.isFinite(amount)) {
          throw broken(line(p), field, p.getString(), "number outside the range of a double");
        }
        if (!ccy.matches("[A-Z0-9]{1,12}")) {
          throw broken(line(p), field, p.getString(), "currency must be 1 to 12 upper-case letters or digits "
              + "(BTC, USDC)");
        }
        if (collateral.put(ccy, amount) != null) {
          throw broken(line(p), field, p.getString(), "currency listed twice");
        }
      }
    }

    PortfolioRead build(String defaultName) {
      Portfolio portfolio = Portfolio.of(name != null ? name : defaultName, positions, collateral);
      return new PortfolioRead(portfolio, new ReadSummary(source, read, positions.size(), skipped));
    }
  }
}
