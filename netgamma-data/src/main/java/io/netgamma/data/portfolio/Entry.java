package io.netgamma.data.portfolio;

import io.netgamma.core.base.InvalidInstrumentException;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.data.io.BadRow;
import io.netgamma.data.io.IssueKind;
import io.netgamma.data.io.RowIssue;
import tools.jackson.databind.JsonNode;

/**
 * Typed access to the fields of one JSON entry (a position), turning every problem into a {@link BadRow} that names
 * the source, line, field (with the entry's position prefix, e.g. {@code positions[3].quantity}), value and reason.
 * JSON {@code null} reads as absent. Not thread-safe; one per entry.
 */
final class Entry {

  private final String source;
  private final long line;
  private final String prefix;
  private final JsonNode node;
  private String name = "";

  Entry(String source, long line, String prefix, JsonNode node) {
    this.source = source;
    this.line = Math.max(1, line);
    this.prefix = prefix;
    this.node = node;
  }

  /** Sets the instrument name used at the start of later reasons. */
  void name(String instrumentName) {
    this.name = instrumentName + ": ";
  }

  BadRow bad(String field, IssueKind kind, String reason) {
    JsonNode v = node.get(field);
    String text = v == null ? "" : v.isString() ? v.stringValue() : v.toString();
    return new BadRow(new RowIssue(source, line, prefix + field, text, kind, name + reason));
  }

  JsonNode get(String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v;
  }

  /** A string; "" when absent and not required. */
  String string(String field, boolean required) throws BadRow {
    JsonNode v = get(field);
    if (v == null) {
      if (required) {
        throw bad(field, IssueKind.MISSING_FIELD, "required field is absent");
      }
      return "";
    }
    if (!v.isString()) {
      throw bad(field, IssueKind.BAD_VALUE, "expected a string");
    }
    if (required && v.stringValue().isBlank()) {
      throw bad(field, IssueKind.MISSING_FIELD, "required field is empty");
    }
    return v.stringValue();
  }

  /** A finite number; NaN when absent and not required. */
  double number(String field, boolean required) throws BadRow {
    JsonNode v = get(field);
    if (v == null) {
      if (required) {
        throw bad(field, IssueKind.MISSING_FIELD, "required field is absent");
      }
      return Double.NaN;
    }
    if (!v.isNumber()) {
      throw bad(field, IssueKind.BAD_NUMBER, "expected a JSON number");
    }
    // decimals are BigDecimal in the tree (PortfolioJson.MAPPER): out of double range gives ±Infinity here
    double d = v.isBigDecimal() ? v.decimalValue().doubleValue() : v.isBigInteger()
        ? v.bigIntegerValue().doubleValue() : v.doubleValue();
    if (!Double.isFinite(d)) {
      throw bad(field, IssueKind.BAD_NUMBER, "number outside the range of a double");
    }
    return d;
  }

  /** A Deribit instrument name. */
  Instrument instrument(String field) throws BadRow {
    String text = string(field, true);
    try {
      Instrument instrument = Instrument.parse(text);
      name(instrument.name());
      return instrument;
    } catch (InvalidInstrumentException e) {
      throw bad(field, IssueKind.BAD_SYMBOL, e.getMessage());
    }
  }
}
