package io.netgamma.data.deribit;

import io.netgamma.data.io.BadRow;
import io.netgamma.core.market.OrderBook;
import io.netgamma.data.io.IssueKind;
import io.netgamma.data.io.RowIssue;
import java.math.BigDecimal;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * Typed access to the fields of one JSON result object, turning every problem into a {@link BadRow} that names
 * the source, line, field (with the record's position prefix, e.g. {@code result[3].mark_iv}), value and reason.
 * Absent fields and JSON {@code null} are "absent" (NaN, empty string). Not thread-safe; one per record.
 */
final class Fields {

  /** 2000-01-01T00:00:00Z in epoch milliseconds. */
  static final long MIN_MILLIS = 946_684_800_000L;
  /** 2200-01-01T00:00:00Z in epoch milliseconds. */
  static final long MAX_MILLIS = 7_258_118_400_000L;

  private final String source;
  private final long line;
  private final String prefix;
  private final JsonNode node;
  private String name = "";

  Fields(String source, long line, String prefix, JsonNode node) {
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

  /** The node of a field, or null when absent or JSON null. */
  JsonNode get(String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v;
  }

  boolean has(String field) {
    return get(field) != null;
  }

  /** A string field; "" when absent and not required. */
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
    double d = v.doubleValue();
    if (!Double.isFinite(d)) {
      throw bad(field, IssueKind.BAD_NUMBER, "number outside the range of a double");
    }
    return d;
  }

  /** A number &gt;= 0; NaN when absent and not required. */
  double nonNegative(String field, boolean required) throws BadRow {
    double d = number(field, required);
    if (d < 0) {
      throw bad(field, IssueKind.OUT_OF_RANGE, "must be >= 0");
    }
    return d;
  }

  /** A number &gt; 0; NaN when absent and not required. */
  double positive(String field, boolean required) throws BadRow {
    double d = number(field, required);
    if (!Double.isNaN(d) && !(d > 0)) {
      throw bad(field, IssueKind.OUT_OF_RANGE, "must be > 0");
    }
    return d;
  }

  /**
   * A percentage &gt;= 0 as a fraction, by an exact decimal shift of the shortest decimal of the double
   * (106.28 reads as the double nearest 1.0628); NaN when absent and not required.
   */
  double percent(String field, boolean required) throws BadRow {
    double d = nonNegative(field, required);
    return Double.isNaN(d) ? d : BigDecimal.valueOf(d).movePointLeft(2).doubleValue();
  }

  /** An integral number. */
  long integer(String field) throws BadRow {
    JsonNode v = get(field);
    if (v == null) {
      throw bad(field, IssueKind.MISSING_FIELD, "required field is absent");
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw bad(field, IssueKind.BAD_NUMBER, "expected an integer");
    }
    return v.longValue();
  }

  /** Epoch milliseconds in 2000-2199 (required). */
  long epochMillis(String field) throws BadRow {
    long ms = integer(field);
    if (ms < MIN_MILLIS || ms >= MAX_MILLIS) {
      throw bad(field, IssueKind.OUT_OF_RANGE, "as epoch milliseconds this is " + Instant.ofEpochMilli(ms)
          + ", outside 2000-2199: is it seconds or microseconds?");
    }
    return ms;
  }

  /** A boolean (required). */
  boolean bool(String field) throws BadRow {
    JsonNode v = get(field);
    if (v == null) {
      throw bad(field, IssueKind.MISSING_FIELD, "required field is absent");
    }
    if (!v.isBoolean()) {
      throw bad(field, IssueKind.BAD_VALUE, "expected true or false");
    }
    return v.booleanValue();
  }

  /** The fields of a nested object, or null when absent. */
  Fields child(String field) throws BadRow {
    JsonNode v = get(field);
    if (v == null) {
      return null;
    }
    if (!v.isObject()) {
      throw bad(field, IssueKind.BAD_VALUE, "expected a JSON object");
    }
    Fields f = new Fields(source, line, prefix + field + ".", v);
    f.name = name;
    return f;
  }

  /**
   * One side of a book: an array of {@code [price, amount]} pairs, both finite and &gt; 0; {@code levels[0]}
   * prices, {@code levels[1]} amounts; null when the field is absent.
   */
  double[][] levels(String field) throws BadRow {
    JsonNode v = get(field);
    if (v == null) {
      return null;
    }
    if (!v.isArray()) {
      throw bad(field, IssueKind.BAD_VALUE, "expected an array of [price, amount] pairs");
    }
    int n = v.size();
    double[] prices = new double[n];
    double[] amounts = new double[n];
    for (int i = 0; i < n; i++) {
      JsonNode level = v.get(i);
      if (!level.isArray() || level.size() != 2 || !level.get(0).isNumber() || !level.get(1).isNumber()) {
        throw bad(field, IssueKind.BAD_VALUE, "level " + i + " is " + RowIssue.shorten(level.toString())
            + ", expected [price, amount]");
      }
      prices[i] = level.get(0).doubleValue();
      amounts[i] = level.get(1).doubleValue();
      if (!(prices[i] > 0) || !(amounts[i] > 0) || !Double.isFinite(prices[i]) || !Double.isFinite(amounts[i])) {
        throw bad(field, IssueKind.OUT_OF_RANGE, "level " + i + " is " + level
            + ": price and amount must be finite and > 0");
      }
    }
    return new double[][] {prices, amounts};
  }

  /**
   * The book from {@code bids} and {@code asks} (either may be absent: no levels on that side).
   *
   * @throws BadRow when the levels are malformed, not sorted, or the book is crossed
   */
  OrderBook book() throws BadRow {
    double[][] bids = levels("bids");
    double[][] asks = levels("asks");
    double[][] none = {new double[0], new double[0]};
    bids = bids == null ? none : bids;
    asks = asks == null ? none : asks;
    try {
      return OrderBook.of(bids[0], bids[1], asks[0], asks[1]);
    } catch (IllegalArgumentException e) {
      String field = e.getMessage().startsWith("ask") ? "asks" : "bids";
      throw bad(field, IssueKind.INCONSISTENT, e.getMessage());
    }
  }
}
