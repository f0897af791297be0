package io.netgamma.core.margin.backtest;

import io.netgamma.core.base.ArgChecker;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * One close per UTC calendar day: a daily price (or DVOL) history, or an hourly one resampled ({@link #of}).
 *
 * <p>The close of day D is the close of the last bar that opens on D (UTC), known at the end of the day,
 * {@link #closeInstant(int) D + 1 day at 00:00 UTC}: for daily bars the bar itself, for hourly bars normally the
 * 23:00 bar (if hours are missing at the end of a day, the last one present; {@link #bars(int)} says how many bars
 * the day had). Days without any bar are absent (gaps). Immutable.
 *
 * @param epochDays the days, {@link LocalDate#toEpochDay()}, strictly ascending (copied)
 * @param closes the close of each day, finite and &gt; 0 (copied)
 * @param bars the number of bars each day's close was taken from, &ge; 1 (copied)
 */
public record DailyCloses(long[] epochDays, double[] closes, int[] bars) {

  /** Milliseconds per day. */
  public static final long DAY_MILLIS = 86_400_000L;

  /** Validates and copies. */
  public DailyCloses {
    ArgChecker.notNull(epochDays, "epochDays");
    ArgChecker.notNull(closes, "closes");
    ArgChecker.notNull(bars, "bars");
    ArgChecker.isTrue(epochDays.length == closes.length && closes.length == bars.length, epochDays.length
        + " days, " + closes.length + " closes, " + bars.length + " bar counts: must be equal");
    epochDays = epochDays.clone();
    closes = closes.clone();
    bars = bars.clone();
    for (int i = 0; i < closes.length; i++) {
      if (!(closes[i] > 0 && closes[i] < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("close of " + LocalDate.ofEpochDay(epochDays[i])
            + " must be finite and > 0, got " + closes[i]);
      }
      ArgChecker.isTrue(bars[i] >= 1, "bars of " + LocalDate.ofEpochDay(epochDays[i]) + " must be >= 1");
      if (i > 0 && epochDays[i] <= epochDays[i - 1]) {
        throw new IllegalArgumentException("days must be strictly ascending: " + LocalDate.ofEpochDay(
            epochDays[i - 1]) + " then " + LocalDate.ofEpochDay(epochDays[i]));
      }
    }
  }

  /**
   * Daily closes from bars of any frequency up to daily (hourly bars resample to the close of each UTC day's last
   * bar).
   *
   * @param openTimeMillis each bar's open time, epoch milliseconds UTC, strictly ascending
   * @param close each bar's close, finite and &gt; 0
   * @return the daily closes
   */
  public static DailyCloses of(long[] openTimeMillis, double[] close) {
    ArgChecker.notNull(openTimeMillis, "openTimeMillis");
    ArgChecker.notNull(close, "close");
    ArgChecker.isTrue(openTimeMillis.length == close.length, openTimeMillis.length + " bar times but "
        + close.length + " closes");
    int n = openTimeMillis.length;
    long[] days = new long[n];
    double[] c = new double[n];
    int[] b = new int[n];
    int k = -1;
    for (int i = 0; i < n; i++) {
      if (i > 0 && openTimeMillis[i] <= openTimeMillis[i - 1]) {
        throw new IllegalArgumentException("bar times must be strictly ascending: " + Instant.ofEpochMilli(
            openTimeMillis[i - 1]) + " then " + Instant.ofEpochMilli(openTimeMillis[i]));
      }
      long day = Math.floorDiv(openTimeMillis[i], DAY_MILLIS);
      if (k < 0 || days[k] != day) {
        k++;
        days[k] = day;
        b[k] = 0;
      }
      c[k] = close[i];
      b[k]++;
    }
    return new DailyCloses(Arrays.copyOf(days, k + 1), Arrays.copyOf(c, k + 1), Arrays.copyOf(b, k + 1));
  }

  /** Number of days. */
  public int size() {
    return closes.length;
  }

  /** Day {@code i}. */
  public LocalDate date(int i) {
    return LocalDate.ofEpochDay(epochDays[i]);
  }

  /** The close of day {@code i}. */
  public double close(int i) {
    return closes[i];
  }

  /** Bars day {@code i}'s close was taken from. */
  public int bars(int i) {
    return bars[i];
  }

  /** When day {@code i}'s close is known: the next day at 00:00 UTC. */
  public Instant closeInstant(int i) {
    return Instant.ofEpochMilli((epochDays[i] + 1) * DAY_MILLIS);
  }

  /** The close instants of every day, epoch milliseconds. */
  public long[] closeMillis() {
    long[] t = new long[epochDays.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = (epochDays[i] + 1) * DAY_MILLIS;
    }
    return t;
  }

  /** Index of a day, or −1 when the history has no close that day. */
  public int indexOf(LocalDate date) {
    int i = Arrays.binarySearch(epochDays, date.toEpochDay());
    return i >= 0 ? i : -1;
  }

  /** Index of the first day on or after {@code date} (size() when none). */
  public int firstOnOrAfter(LocalDate date) {
    int i = Arrays.binarySearch(epochDays, date.toEpochDay());
    return i >= 0 ? i : -i - 1;
  }

  /** The days with fewer than {@code expected} bars (e.g. 24 for hourly bars). */
  public int incompleteDays(int expected) {
    int n = 0;
    for (int b : bars) {
      if (b < expected) {
        n++;
      }
    }
    return n;
  }

  @Override
  public long[] epochDays() {
    return epochDays.clone();
  }

  @Override
  public double[] closes() {
    return closes.clone();
  }

  @Override
  public int[] bars() {
    return bars.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DailyCloses d && Arrays.equals(epochDays, d.epochDays) && Arrays.equals(closes, d.closes)
        && Arrays.equals(bars, d.bars);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(epochDays) * 31 + Arrays.hashCode(closes);
  }

  @Override
  public String toString() {
    return "DailyCloses[" + size() + " days" + (size() > 0 ? " " + date(0) + " .. " + date(size() - 1) : "") + "]";
  }
}
