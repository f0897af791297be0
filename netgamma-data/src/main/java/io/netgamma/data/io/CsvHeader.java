package io.netgamma.data.io;

import io.netgamma.data.DataFileException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The header line of a comma-separated file, read and checked the same way for every CSV format netgamma reads:
 * blank lines before it are skipped, a UTF-8 byte-order mark is dropped, names are trimmed, a name given twice,
 * more than {@link #MAX_COLUMNS} columns, an over-long header or a missing required column is one
 * {@link DataFileException} that names the file, the line and what was expected.
 *
 * @param line 1-based line number of the header
 * @param text the header line as read (without a byte-order mark)
 * @param count number of columns
 * @param index column position by trimmed name (unmodifiable)
 */
public record CsvHeader(long line, String text, int count, Map<String, Integer> index) {

  /** Most columns accepted in a header. */
  public static final int MAX_COLUMNS = 256;

  /**
   * Reads the header from {@code lines}.
   *
   * @param lines the reader, positioned before the header
   * @param source the file name, for messages
   * @param format what the file should be, for messages (e.g. "Tardis options_chain")
   * @param maxLineLength the reader's line limit, for messages
   * @param required columns that must be present, in the order they are listed in messages
   * @return the header
   * @throws DataFileException when the file is empty or the header is unusable
   * @throws IOException when reading fails
   */
  public static CsvHeader read(LineReader lines, String source, String format, int maxLineLength,
      List<String> required) throws IOException {
    String expected = String.join(",", required);
    int status;
    do {
      status = lines.next();
      if (status == LineReader.EOF) {
        throw new DataFileException(source + ": the file is empty; expected a " + format
            + " CSV with the header line " + expected);
      }
      if (status == LineReader.TOO_LONG) {
        throw new DataFileException(source + ": line " + lines.lineNumber() + " (the header) has "
            + lines.skippedLength() + " characters, more than the limit of " + maxLineLength + "; is this a "
            + format + " CSV file?");
      }
    } while (lines.line().isBlank());
    String header = lines.line();
    if (header.charAt(0) == '\uFEFF') {
      header = header.substring(1);
    }
    String[] names = header.split(",", -1);
    if (names.length > MAX_COLUMNS) {
      throw new DataFileException(source + ": the header has " + names.length + " columns, more than the limit of "
          + MAX_COLUMNS);
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      String name = names[i].trim();
      if (!name.isEmpty() && index.put(name, i) != null) {
        throw new DataFileException(source + ": the header names column '" + name + "' twice (line "
            + lines.lineNumber() + ")");
      }
    }
    List<String> missing = new ArrayList<>();
    for (String c : required) {
      if (!index.containsKey(c)) {
        missing.add(c);
      }
    }
    if (!missing.isEmpty()) {
      throw new DataFileException(source + ": the header (line " + lines.lineNumber() + ") is not that of a "
          + format + " CSV file: it lacks the required column" + (missing.size() == 1 ? " " : "s ")
          + String.join(", ", missing) + "; required: " + expected + "; found: '" + RowIssue.shorten(header) + "'");
    }
    return new CsvHeader(lines.lineNumber(), header, names.length, Collections.unmodifiableMap(index));
  }

  /** Position of a column, or -1 when the header does not name it. */
  public int column(String name) {
    return index.getOrDefault(name, -1);
  }

  /** Position of a column the header is known to have (a required one). */
  public int required(String name) {
    Integer i = index.get(name);
    if (i == null) {
      throw new IllegalArgumentException("column '" + name + "' is not in the header '" + text + "'");
    }
    return i;
  }
}
