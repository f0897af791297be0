package io.netgamma.data.timeseries;

import io.netgamma.core.base.ArgChecker;
import java.time.Instant;
import java.util.Arrays;

/** Helpers shared by the series records and readers: time checks, gap counts and growable columns. */
final class TimeSeriesSupport {

  private TimeSeriesSupport() {
  }

  static void checkAscending(long[] t) {
    for (int i = 1; i < t.length; i++) {
      if (t[i] <= t[i - 1]) {
        throw new IllegalArgumentException("times must be strictly ascending: index " + (i - 1) + " "
            + Instant.ofEpochMilli(t[i - 1]) + ", index " + i + " " + Instant.ofEpochMilli(t[i]));
      }
    }
  }

  static int gapCount(long[] t, long step) {
    ArgChecker.isTrue(step > 0, "stepMillis must be > 0, got " + step);
    int gaps = 0;
    for (int i = 1; i < t.length; i++) {
      if (t[i] - t[i - 1] > step) {
        gaps++;
      }
    }
    return gaps;
  }

  static long missingBars(long[] t, long step) {
    ArgChecker.isTrue(step > 0, "stepMillis must be > 0, got " + step);
    long missing = 0;
    for (int i = 1; i < t.length; i++) {
      long d = t[i] - t[i - 1];
      if (d > step) {
        missing += d / step - 1;
      }
    }
    return missing;
  }

  /** Growable columns for a reader: times plus up to five value columns. Not thread-safe. */
  static final class Columns {
    long[] time = new long[1024];
    final double[][] values;
    int size;

    Columns(int columns) {
      values = new double[columns][1024];
    }

    void add(long t, double a, double b, double c, double d, double e) {
      if (size == time.length) {
        int n = size * 2;
        time = Arrays.copyOf(time, n);
        for (int j = 0; j < values.length; j++) {
          values[j] = Arrays.copyOf(values[j], n);
        }
      }
      time[size] = t;
      values[0][size] = a;
      values[1][size] = b;
      values[2][size] = c;
      values[3][size] = d;
      if (values.length > 4) {
        values[4][size] = e;
      }
      size++;
    }

    long[] time() {
      return Arrays.copyOf(time, size);
    }

    double[] column(int j) {
      return Arrays.copyOf(values[j], size);
    }
  }
}
