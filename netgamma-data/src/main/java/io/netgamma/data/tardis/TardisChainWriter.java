package io.netgamma.data.tardis;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.data.DataFileException;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Writes {@link ChainRow}s as a Tardis.dev {@code options_chain} CSV: the header
 * {@link TardisChainReader#TARDIS_COLUMNS}, then one line per row, {@code \n} line ends, UTF-8.
 *
 * <p>Numbers are written as the shortest decimal that reads back as the same double, without exponent
 * ({@code 0.00002073}, {@code 10000}); IVs are written in percent by an exact decimal shift of the stored
 * fraction (1.0628 → {@code 106.28}); timestamps as integer microseconds (sub-microsecond digits are dropped);
 * an absent value as an empty cell. What this writer writes, {@link TardisChainReader} reads back equal.
 * Not thread-safe.
 */
public final class TardisChainWriter implements Closeable {

  private final Writer out;
  private final String target;
  private final StringBuilder line = new StringBuilder(320);

  private TardisChainWriter(Writer out, String target) {
    this.out = out;
    this.target = target;
  }

  /**
   * Writes the header to {@code out}; rows follow with {@link #write(ChainRow)}.
   *
   * @param out where to write (closed by {@link #close()})
   * @param target a name for error messages
   * @return the writer
   */
  public static TardisChainWriter of(Writer out, String target) {
    ArgChecker.notNull(out, "out");
    ArgChecker.notNull(target, "target");
    TardisChainWriter w = new TardisChainWriter(out, target);
    w.writeLine(String.join(",", TardisChainReader.TARDIS_COLUMNS));
    return w;
  }

  /**
   * Creates (or replaces) {@code file} and writes the header.
   *
   * @param file the file to write
   * @return the writer
   * @throws DataFileException naming the file when it cannot be created
   */
  public static TardisChainWriter create(Path file) {
    ArgChecker.notNull(file, "file");
    try {
      BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      return of(w, file.toString());
    } catch (IOException | UncheckedIOException e) {
      throw new DataFileException(file + ": cannot write the file: " + message(e), e);
    }
  }

  /**
   * Writes one row.
   *
   * @param row the row
   * @throws DataFileException naming the target on an I/O error
   */
  public void write(ChainRow row) {
    ArgChecker.notNull(row, "row");
    line.setLength(0);
    text(row.exchange(), "exchange").append(',');
    text(row.symbol(), "symbol").append(',');
    micros(row.timestamp()).append(',');
    micros(row.localTimestamp()).append(',');
    line.append(row.type().name().toLowerCase(Locale.ROOT)).append(',');
    number(row.strike()).append(',');
    micros(row.expiration()).append(',');
    optional(row.openInterest()).append(',');
    optional(row.lastPriceCoin()).append(',');
    optional(row.bidPriceCoin()).append(',');
    optional(row.bidAmount()).append(',');
    optionalPercent(row.bidIvFraction()).append(',');
    optional(row.askPriceCoin()).append(',');
    optional(row.askAmount()).append(',');
    optionalPercent(row.askIvFraction()).append(',');
    number(row.markPriceCoin()).append(',');
    percent(row.markIvFraction()).append(',');
    text(row.underlyingIndex(), "underlying_index").append(',');
    number(row.underlyingPrice()).append(',');
    optional(row.delta()).append(',');
    optional(row.gamma()).append(',');
    optional(row.vega()).append(',');
    optional(row.theta()).append(',');
    optional(row.rho());
    writeLine(line.toString());
  }

  /**
   * Flushes and closes the underlying writer.
   *
   * @throws DataFileException naming the target on an I/O error
   */
  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new DataFileException(target + ": cannot finish writing the file: " + e.getMessage(), e);
    }
  }

  /**
   * The shortest plain decimal that reads back as {@code v}: {@code 0.00002073}, {@code 10000}, {@code -0.5}.
   *
   * @param v a finite number
   * @return the text, never in exponent form
   */
  public static String formatNumber(double v) {
    ArgChecker.finite(v, "v");
    if (v == 0) {
      return "0";
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /**
   * A fraction written in percent by an exact decimal shift: 1.0628 → {@code 106.28}.
   *
   * @param fraction a finite number
   * @return the percentage as plain decimal text
   */
  public static String formatPercent(double fraction) {
    ArgChecker.finite(fraction, "fraction");
    if (fraction == 0) {
      return "0";
    }
    return BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString();
  }

  private void writeLine(String s) {
    try {
      out.write(s);
      out.write('\n');
    } catch (IOException e) {
      throw new DataFileException(target + ": cannot write the file: " + e.getMessage(), e);
    }
  }

  private StringBuilder text(String s, String field) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == ',' || ch == '\n' || ch == '\r') {
        throw new IllegalArgumentException(field + " must not contain commas or line breaks, got '" + s + "'");
      }
    }
    return line.append(s);
  }

  private StringBuilder text(Optional<String> s, String field) {
    return s.isPresent() ? text(s.get(), field) : line;
  }

  private StringBuilder micros(Instant instant) {
    long us = Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    return line.append(us);
  }

  private StringBuilder number(double v) {
    return line.append(formatNumber(v));
  }

  private StringBuilder percent(double fraction) {
    return line.append(formatPercent(fraction));
  }

  private StringBuilder optional(OptionalDouble v) {
    return v.isPresent() ? number(v.getAsDouble()) : line;
  }

  private StringBuilder optionalPercent(OptionalDouble v) {
    return v.isPresent() ? percent(v.getAsDouble()) : line;
  }

  private static String message(Exception e) {
    Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
    if (cause instanceof java.nio.file.NoSuchFileException) {
      return "its folder does not exist";
    }
    if (cause instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    String m = cause.getMessage();
    return m == null ? cause.getClass().getSimpleName() : m;
  }
}
