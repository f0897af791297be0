package io.netgamma.data.io;

import io.netgamma.data.DataFileException;
import java.math.BigDecimal;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;

/**
 * Writing and reading helpers shared by netgamma's JSON formats (market snapshot, portfolio): exact number text,
 * the compact one-entry-a-line layout, and file errors worded the same way. Stateless.
 */
public final class JsonText {

  private JsonText() {
  }

  /**
   * A finite double as JSON number text with the fewest significant digits that read back to the same double, in
   * plain notation for magnitudes in [1e-7, 1e21) ({@code -25}, {@code 0.0123}, {@code 1200}) and Java's
   * scientific form outside ({@code 1.0E-8}); zeros keep their sign ({@code -0.0}).
   *
   * @param d the value, finite
   * @return the text
   * @throws IllegalArgumentException when {@code d} is NaN or infinite
   */
  public static String number(double d) {
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("cannot write " + d + " as a JSON number");
    }
    String shortest = Double.toString(d);
    double abs = Math.abs(d);
    if (d == 0 || abs < 1e-7 || abs >= 1e21) {
      return shortest;
    }
    return new BigDecimal(shortest).stripTrailingZeros().toPlainString();
  }

  /**
   * A compact layout: no spaces, a line break before each top-level field, and each element of the top-level
   * array {@code listField} on a line of its own, indented by two spaces.
   *
   * @param listField the top-level field holding the entries ("positions", "instruments")
   * @return a stateless pretty printer
   */
  public static PrettyPrinter compactLayout(String listField) {
    return new Layout(listField);
  }

  /**
   * A JSON syntax error as a file error with line and column.
   *
   * @param source the file's name
   * @param e the parser's error
   * @return "{@code source}:line:column: not valid JSON: first line of the parser's message", caused by {@code e}
   */
  public static DataFileException syntaxError(String source, JacksonException e) {
    TokenStreamLocation at = e.getLocation();
    String m = e.getOriginalMessage();
    return new DataFileException(source + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
        + ": not valid JSON: " + (m == null ? "" : m.lines().findFirst().orElse("")), e);
  }

  /**
   * A file-level error in one field.
   *
   * @param source the file's name
   * @param line the 1-based line
   * @param field the field's path ("collateral.BTC")
   * @param value the value as written, or null to leave it out (shortened as in {@link RowIssue#shorten})
   * @param reason what is wrong
   * @return "{@code source}:line: field 'f' = 'v': reason"
   */
  public static DataFileException fieldError(String source, long line, String field, String value, String reason) {
    return new DataFileException(source + ":" + line + ": field '" + field + "'"
        + (value == null ? "" : " = '" + RowIssue.shorten(value) + "'") + ": " + reason);
  }

  /**
   * The line of the parser's current token, at least 1.
   *
   * @param p the parser
   * @return the 1-based line
   */
  public static long line(JsonParser p) {
    return Math.max(1, p.currentTokenLocation().getLineNr());
  }

  /** See {@link #compactLayout}. Stateless: the position is read from the generator's context. */
  private static final class Layout implements PrettyPrinter {

    private final String listField;

    Layout(String listField) {
      this.listField = listField;
    }

    private static boolean topLevel(JsonGenerator g) {
      TokenStreamContext c = g.streamWriteContext();
      return c.inObject() && c.getParent() != null && c.getParent().inRoot();
    }

    private boolean list(JsonGenerator g) {
      TokenStreamContext c = g.streamWriteContext();
      return c.inArray() && c.getParent() != null && c.getParent().inObject() && c.getParent().getParent() != null
          && c.getParent().getParent().inRoot() && listField.equals(c.getParent().currentName());
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) {
      g.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator g) {
      g.writeRaw('{');
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) {
      g.writeRaw('}');
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) {
      g.writeRaw(topLevel(g) ? ",\n " : ",");
    }

    @Override
    public void writeObjectNameValueSeparator(JsonGenerator g) {
      g.writeRaw(':');
    }

    @Override
    public void writeStartArray(JsonGenerator g) {
      g.writeRaw('[');
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) {
      g.writeRaw(']');
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) {
      g.writeRaw(list(g) ? ",\n  " : ",");
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) {
      if (list(g)) {
        g.writeRaw("\n  ");
      }
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) {
      // the first entry follows the brace
    }
  }
}
