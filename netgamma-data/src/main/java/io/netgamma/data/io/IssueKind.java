package io.netgamma.data.io;

/** Why a row of a data file was skipped. Each kind has a short label for summaries ("bad number"). */
public enum IssueKind {
  /** The line is longer than the reader's limit; it is skipped without being parsed. */
  LINE_TOO_LONG("line too long"),
  /** The line has a different number of comma-separated fields than the header. */
  FIELD_COUNT("wrong field count"),
  /** A required field is empty. */
  MISSING_FIELD("missing field"),
  /** A numeric field is not a plain finite decimal number (e.g. {@code abc}, {@code NaN}, {@code 1e999}). */
  BAD_NUMBER("bad number"),
  /** A number is well formed but outside its domain (a negative price, a zero strike, a huge timestamp). */
  OUT_OF_RANGE("out of range"),
  /** A field that must be one of a few words is not (e.g. {@code type} other than call/put). */
  BAD_VALUE("bad value"),
  /** The instrument symbol is not a Deribit option name (malformed, or a future/perpetual). */
  BAD_SYMBOL("bad symbol"),
  /** The symbol contradicts the row's own type, strike or expiration columns. */
  INCONSISTENT("inconsistent");

  private final String label;

  IssueKind(String label) {
    this.label = label;
  }

  /**
   * The short label used in summaries.
   *
   * @return e.g. {@code "bad number"}
   */
  public String label() {
    return label;
  }
}
