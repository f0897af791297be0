package io.netgamma.data.portfolio;

import io.netgamma.data.io.JsonFields;
import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.core.portfolio.Position;
import io.netgamma.data.DataFileException;
import io.netgamma.data.io.JsonText;
import io.netgamma.data.io.BadRow;
import io.netgamma.data.io.IssueKind;
import io.netgamma.data.io.ReadSummary;
import io.netgamma.data.io.RowIssue;
import java.io.BufferedReader;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.JsonNode;

/**
 * Reads Deribit {@code private/get_positions} results into a {@link Portfolio} (see {@link DeribitPosition} for
 * the sizes: {@code size} is USD for inverse futures and perpetuals, coins for options and linear instruments;
 * {@code size_currency} is coins).
 *
 * <p><b>Layouts</b> (found from the content): the JSON-RPC response {@code {"jsonrpc":"2.0","id":..,"result":[...]}},
 * a bare array of position objects, a single position object ({@code private/get_position}), or several of these
 * one after the other (e.g. one response per currency, one a line). The portfolio has no collateral
 * ({@code get_positions} carries none) and is named after the file.
 *
 * <p><b>Bad elements</b> are skipped, reported as a {@link RowIssue} (file; line of the element; field such as
 * {@code result[2].size}; value; reason starting with the instrument name) and counted: a required field absent
 * ({@code instrument_name}, {@code size}) ({@code MISSING_FIELD}); a value that is not a number
 * ({@code BAD_NUMBER}); an instrument netgamma does not model, such as a combination ({@code BAD_SYMBOL}); a
 * {@code direction} or {@code kind} that contradicts the name or the sign of {@code size} ({@code INCONSISTENT});
 * an unknown {@code direction}/{@code kind} or an element that is not an object ({@code BAD_VALUE}); a negative
 * price ({@code OUT_OF_RANGE}). A JSON-RPC error response, a syntax error, an empty or unreadable file, or more than
 * {@link #maxPositions()} elements throw a {@link DataFileException} naming the file. Flat positions ({@code size}
 * 0, direction {@code zero}, which Deribit lists after a position is closed) are kept with quantity 0. Stateless
 * and thread-safe.
 */
public final class DeribitPositionsReader {

  /** The reader with the default limit of {@value PortfolioJson#DEFAULT_MAX_POSITIONS} positions. */
  public static final DeribitPositionsReader DEFAULT = new DeribitPositionsReader(PortfolioJson.DEFAULT_MAX_POSITIONS);

  private final long maxPositions;

  private DeribitPositionsReader(long maxPositions) {
    ArgChecker.isTrue(maxPositions > 0, "maxPositions must be > 0, got " + maxPositions);
    this.maxPositions = maxPositions;
  }

  /**
   * A reader with a limit.
   *
   * @param maxPositions most position elements per file, &gt; 0
   * @return the reader
   */
  public static DeribitPositionsReader of(long maxPositions) {
    return new DeribitPositionsReader(maxPositions);
  }

  /** The most position elements accepted per file. */
  public long maxPositions() {
    return maxPositions;
  }

  /**
   * Reads a file into a portfolio named after the file, skipping bad elements.
   *
   * @param file the file
   * @param issues receives one issue per skipped element, in file order
   * @return the portfolio and the counts of elements
   * @throws DataFileException naming the file when it cannot be read as a whole
   */
  public PortfolioRead read(Path file, Consumer<RowIssue> issues) {
    return Sources.read(file, "Deribit private/get_positions results",
        r -> read(r, file.toString(), Sources.stem(file), issues));
  }

  /**
   * Reads text into a portfolio, skipping bad elements. The reader is not closed.
   *
   * @param reader the JSON text
   * @param source the name used in issues and errors
   * @param name the portfolio's name
   * @param issues receives one issue per skipped element, in order
   * @return the portfolio and the counts of elements
   */
  public PortfolioRead read(Reader reader, String source, String name, Consumer<RowIssue> issues) {
    List<Position> positions = new ArrayList<>();
    ReadSummary summary = readPositions(reader, source, p -> positions.add(p.position()), issues);
    return new PortfolioRead(Portfolio.of(name, positions), summary);
  }

  /**
   * Reads the elements with the venue's own numbers (mark, Deribit's greeks), skipping bad ones. The reader is not
   * closed.
   *
   * @param reader the JSON text
   * @param source the name used in issues and errors
   * @param out receives every good element, in order
   * @param issues receives one issue per skipped element, in order
   * @return the counts
   * @throws DataFileException naming {@code source} when the text cannot be read as a whole
   */
  public ReadSummary readPositions(Reader reader, String source, Consumer<? super DeribitPosition> out,
      Consumer<RowIssue> issues) {
    ArgChecker.notNull(reader, "reader");
    ArgChecker.notNull(source, "source");
    ArgChecker.notNull(out, "out");
    ArgChecker.notNull(issues, "issues");
    Run run = new Run(source, out, issues);
    try (JsonParser p = PortfolioJson.MAPPER.createParser(new BufferedReader(reader, 1 << 16))) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new DataFileException(source + ": the file is empty; expected Deribit private/get_positions results");
      }
      while (t != null) {
        long line = run.line(p);
        if (t == JsonToken.START_ARRAY) {
          run.array(p, "[");
        } else if (t == JsonToken.START_OBJECT) {
          run.rootObject(p, line);
        } else {
          throw new DataFileException(source + ":" + line + ": expected a JSON-RPC response, an array of positions "
              + "or a position object, found " + t);
        }
        t = p.nextToken();
      }
    } catch (JacksonIOException e) {
      throw new DataFileException(source + ": read failed: " + e.getMessage(), e);
    } catch (JacksonException e) {
      throw JsonText.syntaxError(source, e);
    }
    return new ReadSummary(source, run.read, run.accepted, run.skipped);
  }

  /** One read. */
  private final class Run {
    final String source;
    final Consumer<? super DeribitPosition> out;
    final Consumer<RowIssue> issues;
    final EnumMap<IssueKind, Long> skipped = new EnumMap<>(IssueKind.class);
    long read;
    long accepted;

    Run(String source, Consumer<? super DeribitPosition> out, Consumer<RowIssue> issues) {
      this.source = source;
      this.out = out;
      this.issues = issues;
    }

    long line(JsonParser p) {
      return Math.max(1, p.currentTokenLocation().getLineNr());
    }

    void deliver(JsonNode node, long line, String at) {
      read++;
      if (read > maxPositions) {
        throw new DataFileException(source + ": more than " + maxPositions + " positions (the reader's limit); "
            + "raise the limit or split the file");
      }
      try {
        if (!node.isObject()) {
          throw new BadRow(new RowIssue(source, line, at.isEmpty() ? RowIssue.WHOLE_LINE : at, node.toString(),
              IssueKind.BAD_VALUE, "expected a position object"));
        }
        DeribitPosition position =
            DeribitPosition.from(new JsonFields(source, line, at.isEmpty() ? "" : at + ".", node));
        accepted++;
        out.accept(position);
      } catch (BadRow e) {
        skipped.merge(e.issue().kind(), 1L, Long::sum);
        issues.accept(e.issue());
      }
    }

    /** The elements of an array whose START_ARRAY is the current token. */
    void array(JsonParser p, String prefix) {
      int i = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        long line = line(p);
        deliver(p.readValueAsTree(), line, prefix + i + "]");
        i++;
      }
    }

    /** A top-level object whose START_OBJECT is the current token: a JSON-RPC response or one position. */
    void rootObject(JsonParser p, long line) {
      tools.jackson.databind.node.ObjectNode rest = PortfolioJson.MAPPER.createObjectNode();
      boolean sawResult = false;
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        if (field.equals("result") && t == JsonToken.START_ARRAY) {
          sawResult = true;
          array(p, "result[");
        } else if (field.equals("result") && t == JsonToken.START_OBJECT) {
          sawResult = true;
          long at = line(p);
          deliver(p.readValueAsTree(), at, "result");
        } else {
          rest.set(field, (JsonNode) p.readValueAsTree());
        }
      }
      JsonNode error = rest.get("error");
      if (error != null && !error.isNull()) {
        throw new DataFileException(source + ":" + line + ": a JSON-RPC error response, not positions: "
            + RowIssue.shorten(error.toString()));
      }
      if (sawResult) {
        return;
      }
      if (rest.has("jsonrpc") || rest.has("result")) {
        throw new DataFileException(source + ":" + line + ": a JSON-RPC response without a result array");
      }
      deliver(rest, line, "");
    }
  }
}
