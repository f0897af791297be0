package io.netgamma.data.portfolio;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.data.DataFileException;
import io.netgamma.data.io.JsonText;
import io.netgamma.data.io.RowIssue;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads a portfolio from a file in any of the formats netgamma knows, found from the content: netgamma portfolio
 * JSON ({@link PortfolioJson}), portfolio CSV ({@link PortfolioCsv}) or Deribit {@code private/get_positions}
 * results ({@link DeribitPositionsReader}). Stateless.
 */
public final class PortfolioFiles {

  /** The formats. */
  public enum Format {
    /** netgamma portfolio JSON: an object with a {@code positions} array. */
    NETGAMMA_JSON("netgamma portfolio JSON"),
    /** {@code instrument,quantity[,average_price]} CSV. */
    CSV("portfolio CSV"),
    /** Deribit {@code private/get_positions} results: a JSON-RPC response, an array or a position object. */
    DERIBIT_POSITIONS("Deribit get_positions JSON");

    private final String description;

    Format(String description) {
      this.description = description;
    }

    /** For messages: {@code "netgamma portfolio JSON"}. */
    public String description() {
      return description;
    }
  }

  private PortfolioFiles() {
  }

  /**
   * The format of a file: JSON whose top-level object has {@code positions} is netgamma's; JSON that is an array,
   * or whose object has {@code result}, {@code jsonrpc}, {@code error} or {@code instrument_name}, is Deribit's;
   * anything else whose first line names the columns {@code instrument} and {@code quantity} is CSV.
   *
   * @throws DataFileException naming the file when it is none of them
   */
  public static Format detect(Path file) {
    return Sources.read(file, "a portfolio file", r -> {
      try {
        BufferedReader in = new BufferedReader(r, 1 << 16);
        in.mark(1 << 16);
        int c;
        do {
          c = in.read();
        } while (c >= 0 && (Character.isWhitespace(c) || c == '\uFEFF'));
        if (c < 0) {
          throw new DataFileException(file + ": the file is empty; expected a portfolio (netgamma JSON, CSV with "
              + "instrument,quantity or Deribit get_positions JSON)");
        }
        if (c == '[') {
          return Format.DERIBIT_POSITIONS;
        }
        in.reset();
        if (c == '{') {
          return jsonFormat(file, in);
        }
        String first = in.readLine();
        String header = first == null ? "" : first.replace("\uFEFF", "").toLowerCase(Locale.ROOT);
        if (header.contains("instrument") && header.contains("quantity")) {
          return Format.CSV;
        }
        throw new DataFileException(file + ": not a portfolio: neither JSON nor a CSV whose header names "
            + "instrument and quantity; first line: '" + RowIssue.shorten(first == null ? "" : first) + "'");
      } catch (IOException e) {
        throw new DataFileException(file + ": cannot read the file: " + e.getMessage(), e);
      }
    });
  }

  private static Format jsonFormat(Path file, BufferedReader in) {
    try (JsonParser p = PortfolioJson.MAPPER.createParser(in)) {
      p.nextToken();
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        switch (p.currentName()) {
          case "positions" -> {
            return Format.NETGAMMA_JSON;
          }
          case "result", "jsonrpc", "error", "instrument_name" -> {
            return Format.DERIBIT_POSITIONS;
          }
          default -> {
            p.nextToken();
            p.skipChildren();
          }
        }
      }
    } catch (JacksonException e) {
      throw JsonText.syntaxError(file.toString(), e);
    }
    throw new DataFileException(file + ": a JSON object with neither 'positions' (netgamma portfolio) nor "
        + "'result' (Deribit get_positions response)");
  }

  /**
   * Reads a portfolio file of any known format, skipping bad positions.
   *
   * @param file the file
   * @param issues receives one issue per skipped position, in file order
   * @return the portfolio and the counts
   * @throws DataFileException naming the file when it is not a readable portfolio
   */
  public static PortfolioRead read(Path file, Consumer<RowIssue> issues) {
    ArgChecker.notNull(file, "file");
    ArgChecker.notNull(issues, "issues");
    return switch (detect(file)) {
      case NETGAMMA_JSON -> PortfolioJson.DEFAULT.read(file, issues);
      case CSV -> PortfolioCsv.DEFAULT.read(file, issues);
      case DERIBIT_POSITIONS -> DeribitPositionsReader.DEFAULT.read(file, issues);
    };
  }
}
