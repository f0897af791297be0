package io.netgamma.data.io;

/**
 * Carries a {@link RowIssue} out of a row parser to the loop that skips the row and reports it. It is control
 * flow, not an error: no stack trace is filled in, so a file full of bad rows costs no more than a good one.
 */
public final class BadRow extends Exception {

  private static final long serialVersionUID = 1L;

  /** The issue that made the row unusable. */
  private final transient RowIssue issue;

  /** Wraps an issue. */
  public BadRow(RowIssue issue) {
    super(issue.reason(), null, false, false);
    this.issue = issue;
  }

  /** The issue that made the row unusable. */
  public RowIssue issue() {
    return issue;
  }
}
