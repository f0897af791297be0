package io.netgamma.data.io;

import io.netgamma.core.base.InvalidInstrumentException;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.market.OrderBook;
import java.math.BigDecimal;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * Typed access to the fields of one JSON object (a Deribit result, a portfolio position), turning every problem
 * into a {@link BadRow} that names the source, line, field (with the object's position prefix, e.g.
 * {@code result[3].mark_iv}, {@code positions[2].quantity}), value and reason. Absent fields and JSON {@code null}
 * are "absent" (NaN, empty string). Not thread-safe; one per object.
 */
public final class JsonFields {

  /** 2000-01-01T00:00:00Z in epoch milliseconds. */
  public static final long MIN_MILLIS = 946_684_800_000L;
  /** 2200-01-01T00:00:00Z in epoch milliseconds. */
  public static final long MAX_MILLIS = 7_258_118_400_000L;

  private final String source;
  private final long line;
  private final String prefix;
  private final JsonNode node;
  private String name = "";

  /**
   * Fields of one object.
   *
   * @param source the file's name, for issues
   * @param line the object's line (values below 1 read as 1)
   * @param prefix put before each field name in issues ("result[3].", or "")
   * @param node the object
   */
  public JsonFields(String source, long line, String prefix, JsonNode node) {
    this.source = source;
    this.line = Math.max(1, line);
    this.prefix = prefix;
    this.node = node;
  }

  /** Sets the instrument name used at the start of later reasons. */
  public void name(String instrumentName) {
    this.name = instrumentName + ": ";
  }

  /**
   * An issue in one field, with the field's value as written ("" when absent).
   *
   * @param field the field's name (without prefix)
   * @param kind the kind of problem
   * @param reason what is wrong; the instrument name set by {@link #name} is put before it
   * @return the bad row to throw
   */
  public BadRow bad(String field, IssueKind kind, String reason) {
    JsonNode v = node.get(field);
    String text = v == null ? "" : v.isString() ? v.stringValue() : v.toString();
    return new BadRow(new RowIssue(source, line, prefix + field, text, kind, name + reason));
  }

  /**
   * The node of a field.
   *
   * @param field the field's name
   * @return the node, or null when absent or JSON null
   */
  public JsonNode get(String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v;
  }

  /**
   * Whether a field is present and not JSON null.
   *
   * @param field the field's name
   * @return true when present
   */
  public boolean has(String field) {
    return get(field) != null;
  }

  /**
   * A string field.
   *
   * @param field the field's name
   * @param required whether absence (or a blank string) is an issue
   * @return the string; "" when absent and not required
   * @throws BadRow when absent or blank and required, or not a string
   */
  public String string(String field, boolean required) throws BadRow {
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

  /**
   * A finite number. Decimals read as BigDecimal and integers beyond long are converted here, so a value out of
   * double range is a {@link IssueKind#BAD_NUMBER} issue.
   *
   * @param field the field's name
   * @param required whether absence is an issue
   * @return the value; NaN when absent and not required
   * @throws BadRow when absent and required, not a JSON number, or outside the range of a double
   */
  public double number(String field, boolean required) throws BadRow {
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
    double d = v.isBigDecimal() ? v.decimalValue().doubleValue() : v.isBigInteger()
        ? v.bigIntegerValue().doubleValue() : v.doubleValue();
    if (!Double.isFinite(d)) {
      throw bad(field, IssueKind.BAD_NUMBER, "number outside the range of a double");
    }
    return d;
  }

  /**
   * A number &gt;= 0; NaN when absent and not required.
   *
   * @param field the field's name
   * @param required whether absence is an issue
   * @return the value
   * @throws BadRow as {@link #number}, or when negative
   */
  public double nonNegative(String field, boolean required) throws BadRow {
    double d = number(field, required);
    if (d < 0) {
      throw bad(field, IssueKind.OUT_OF_RANGE, "must be >= 0");
    }
    return d;
  }

  /**
   * A number &gt; 0; NaN when absent and not required.
   *
   * @param field the field's name
   * @param required whether absence is an issue
   * @return the value
   * @throws BadRow as {@link #number}, or when not positive
   */
  public double positive(String field, boolean required) throws BadRow {
    double d = number(field, required);
    if (!Double.isNaN(d) && !(d > 0)) {
      throw bad(field, IssueKind.OUT_OF_RANGE, "must be > 0");
    }
    return d;
  }

  /**
   * A percentage &gt;= 0 as a fraction, by an exact decimal shift of the shortest decimal of the double
   * (106.28 reads as the double nearest 1.0628); NaN when absent and not required.
   *
   * @param field the field's name
   * @param required whether absence is an issue
   * @return the fraction
   * @throws BadRow as {@link #nonNegative}
   */
  public double percent(String field, boolean required) throws BadRow {
    double d = nonNegative(field, required);
    return Double.isNaN(d) ? d : BigDecimal.valueOf(d).movePointLeft(2).doubleValue();
  }

  /**
   * An integral number (required).
   *
   * @param field the field's name
   * @return the value
   * @throws BadRow when absent, not an integer or beyond long
   */
  public long integer(String field) throws BadRow {
    JsonNode v = get(field);
    if (v == null) {
      throw bad(field, IssueKind.MISSING_FIELD, "required field is absent");
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw bad(field, IssueKind.BAD_NUMBER, "expected an integer");
    }
    return v.longValue();
  }

  /**
   * Epoch milliseconds in 2000-2199 (required).
   *
   * @param field the field's name
   * @return the milliseconds
   * @throws BadRow as {@link #integer}, or outside {@link #MIN_MILLIS}..{@link #MAX_MILLIS}
   */
  public long epochMillis(String field) throws BadRow {
    long ms = integer(field);
    if (ms < MIN_MILLIS || ms >= MAX_MILLIS) {
      throw bad(field, IssueKind.OUT_OF_RANGE, "as epoch milliseconds this is " + Instant.ofEpochMilli(ms)
          + ", outside 2000-2199: is it seconds or microseconds?");
    }
    return ms;
  }

  /**
   * A boolean (required).
   *
   * @param field the field's name
   * @return the value
   * @throws BadRow when absent or not true/false
   */
  public boolean bool(String field) throws BadRow {
    JsonNode v = get(field);
    if (v == null) {
      throw bad(field, IssueKind.MISSING_FIELD, "required field is absent");
    }
    if (!v.isBoolean()) {
      throw bad(field, IssueKind.BAD_VALUE, "expected true or false");
    }
    return v.booleanValue();
  }

  /**
   * The fields of a nested object, with this object's prefix and instrument name.
   *
   * @param field the field's name
   * @return the nested fields, or null when absent
   * @throws BadRow when not an object
   */
  public JsonFields child(String field) throws BadRow {
    JsonNode v = get(field);
    if (v == null) {
      return null;
    }
    if (!v.isObject()) {
      throw bad(field, IssueKind.BAD_VALUE, "expected a JSON object");
    }
    JsonFields f = new JsonFields(source, line, prefix + field + ".", v);
    f.name = name;
    return f;
  }

  /**
   * One side of a book: an array of {@code [price, amount]} pairs, both finite and &gt; 0; {@code levels[0]}
   * prices, {@code levels[1]} amounts; null when the field is absent.
   *
   * @param field the field's name
   * @return the levels
   * @throws BadRow when not an array of valid pairs
   */
  public double[][] levels(String field) throws BadRow {
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
   * @return the book
   * @throws BadRow when the levels are malformed, not sorted, or the book is crossed
   */
  public OrderBook book() throws BadRow {
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

  /**
   * A Deribit instrument name (required); sets the name put before later reasons.
   *
   * @param field the field's name
   * @return the instrument
   * @throws BadRow when absent, blank, not a string or not a valid name
   */
  public Instrument instrument(String field) throws BadRow {
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
