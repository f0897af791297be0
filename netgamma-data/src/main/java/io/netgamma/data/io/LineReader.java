package io.netgamma.data.io;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines from a {@link Reader} without ever holding more than {@code maxLength} characters of one line:
 * a longer line is consumed up to its end and reported as too long. Line ends are {@code \n}, {@code \r\n} or
 * a lone {@code \r} at the end of the text before {@code \n}. Not thread-safe.
 */
public final class LineReader {

  /** {@link #next()} result: a line is available in {@link #line()}. */
  public static final int LINE = 0;
  /** {@link #next()} result: the line was longer than the limit and was skipped; see {@link #skippedLength()}. */
  public static final int TOO_LONG = 1;
  /** {@link #next()} result: end of input. */
  public static final int EOF = 2;

  private final Reader in;
  private final int maxLength;
  private final char[] buffer = new char[1 << 16];
  private final StringBuilder current = new StringBuilder(256);
  private int pos;
  private int limit;
  private long lineNumber;
  private long skippedLength;
  private String line;

  public LineReader(Reader in, int maxLength) {
    this.in = in;
    this.maxLength = maxLength;
  }

  /** Advances to the next line. */
  public int next() throws IOException {
    current.setLength(0);
    line = null;
    boolean tooLong = false;
    long length = 0;
    boolean sawAny = false;
    while (true) {
      if (pos == limit) {
        limit = in.read(buffer, 0, buffer.length);
        pos = 0;
        if (limit <= 0) {
          limit = 0;
          if (!sawAny) {
            return EOF;
          }
          return finish(tooLong, length);
        }
      }
      sawAny = true;
      int start = pos;
      while (pos < limit && buffer[pos] != '\n') {
        pos++;
      }
      int n = pos - start;
      length += n;
      if (!tooLong) {
        if (current.length() + n > maxLength + 1) { // +1: room for a trailing '\r'
          tooLong = true;
          current.setLength(0);
        } else {
          current.append(buffer, start, n);
        }
      }
      if (pos < limit) { // found '\n'
        pos++;
        return finish(tooLong, length);
      }
    }
  }

  private int finish(boolean tooLong, long length) {
    lineNumber++;
    if (!tooLong && current.length() > 0 && current.charAt(current.length() - 1) == '\r') {
      current.setLength(current.length() - 1);
      length--;
    }
    if (tooLong || current.length() > maxLength) {
      skippedLength = length;
      return TOO_LONG;
    }
    line = current.toString();
    return LINE;
  }

  /** The current line, without its line end. */
  public String line() {
    return line;
  }

  /** 1-based number of the current line. */
  public long lineNumber() {
    return lineNumber;
  }

  /** Length in characters of the last line reported as {@link #TOO_LONG}. */
  public long skippedLength() {
    return skippedLength;
  }
}
