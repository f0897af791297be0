package io.netgamma.data.io;

import io.netgamma.core.base.ArgChecker;

/**
 * One skipped row: where it is, which field and value made it unusable, and why.
 *
 * @param source the file (or stream) name as given to the reader
 * @param line the 1-based line number in the source (the header is line 1)
 * @param field the column name, or {@code "(line)"} for a problem with the whole line
 * @param value the offending text, shortened to at most {@link #MAX_VALUE_LENGTH} characters; may be empty
 * @param kind the category of the problem (used for counting)
 * @param reason a sentence that says what is wrong and, where useful, what was expected
 */
public record RowIssue(String source, long line, String field, String value, IssueKind kind, String reason) {

  /** Longest value kept in an issue; longer values are cut and end with "...". */
  public static final int MAX_VALUE_LENGTH = 80;

  /** Field name used when the problem concerns the whole line. */
  public static final String WHOLE_LINE = "(line)";

  /** Validates and shortens the value. */
  public RowIssue {
    ArgChecker.notNull(source, "source");
    ArgChecker.isTrue(line >= 1, "line must be >= 1, got " + line);
    ArgChecker.notBlank(field, "field");
    ArgChecker.notNull(value, "value");
    ArgChecker.notNull(kind, "kind");
    ArgChecker.notBlank(reason, "reason");
    value = shorten(value);
  }

  /**
   * The issue as one line for people: {@code file:line: field 'mark_iv' = 'abc': reason}.
   *
   * @return the message
   */
  public String message() {
    String where = source + ":" + line + ": ";
    if (field.equals(WHOLE_LINE)) {
      return where + reason;
    }
    return where + "field '" + field + "' = '" + value + "': " + reason;
  }

  @Override
  public String toString() {
    return message();
  }

  /**
   * Shortens text for a message: at most {@link #MAX_VALUE_LENGTH} characters, ending with "..." when cut.
   *
   * @param value the text
   * @return the text, or its shortened form
   */
  public static String shorten(String value) {
    return value.length() <= MAX_VALUE_LENGTH ? value : value.substring(0, MAX_VALUE_LENGTH - 3) + "...";
  }
}
