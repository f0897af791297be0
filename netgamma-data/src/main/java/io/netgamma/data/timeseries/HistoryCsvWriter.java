package io.netgamma.data.timeseries;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.sim.history.GeneratedHistory;
import io.netgamma.data.DataFileException;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a {@link GeneratedHistory} as the two daily CSV files {@link OhlcvCsvReader} and {@link DvolCsvReader} read:
 * {@code timestamp,open,high,low,close,volume} (USD, coins) and {@code timestamp,open,high,low,close} (percent),
 * one row per day with the date as timestamp ({@code 2024-05-15}: the day starting 00:00 UTC), numbers in plain
 * decimal, {@code \n} line ends. Stateless.
 */
public final class HistoryCsvWriter {

  private HistoryCsvWriter() {
  }

  /** Writes the OHLCV prices. */
  public static void writePrices(GeneratedHistory h, Writer w) throws IOException {
    ArgChecker.notNull(h, "history");
    w.write("timestamp,open,high,low,close,volume\n");
    for (int i = 0; i < h.size(); i++) {
      w.write(h.date(i) + "," + num(h.open()[i]) + "," + num(h.high()[i]) + "," + num(h.low()[i]) + ","
          + num(h.close()[i]) + "," + num(h.volume()[i]) + "\n");
    }
  }

  /** Writes the implied-volatility index, percent. */
  public static void writeImplied(GeneratedHistory h, Writer w) throws IOException {
    ArgChecker.notNull(h, "history");
    w.write("timestamp,open,high,low,close\n");
    for (int i = 0; i < h.size(); i++) {
      w.write(h.date(i) + "," + num(h.impliedOpen()[i]) + "," + num(h.impliedHigh()[i]) + ","
          + num(h.impliedLow()[i]) + "," + num(h.impliedClose()[i]) + "\n");
    }
  }

  /**
   * Writes both files.
   *
   * @throws DataFileException naming the file that could not be written
   */
  public static void write(GeneratedHistory h, Path prices, Path implied) {
    for (Path p : new Path[] {prices, implied}) {
      try (Writer w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
        if (p == prices) {
          writePrices(h, w);
        } else {
          writeImplied(h, w);
        }
      } catch (IOException e) {
        throw new DataFileException(p + ": cannot write: " + e.getMessage(), e);
      }
    }
  }

  private static String num(double x) {
    return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
  }
}
