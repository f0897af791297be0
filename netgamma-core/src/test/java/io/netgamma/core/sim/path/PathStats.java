package io.netgamma.core.sim.path;

/** Sample statistics for the path-model tests. */
final class PathStats {

  private PathStats() {
  }

  static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  static double variance(double[] x) {
    double m = mean(x);
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return s / (x.length - 1);
  }

  /** Standard error of the sample mean. */
  static double stdErr(double[] x) {
    return Math.sqrt(variance(x) / x.length);
  }

  /** Standard error of the sample variance, from the sample's fourth central moment. */
  static double varianceStdErr(double[] x) {
    double m = mean(x);
    double m4 = 0;
    for (double v : x) {
      double d = v - m;
      m4 += d * d * d * d;
    }
    m4 /= x.length;
    double var = variance(x);
    return Math.sqrt((m4 - var * var) / x.length);
  }

  static double correlation(double[] x, double[] y) {
    double mx = mean(x);
    double my = mean(y);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  /** ln(S_T/S_0) of every path of {@code asset}. */
  static double[] terminalLogReturns(PathSet set, int asset) {
    double[] r = new double[set.pathCount()];
    int last = set.points() - 1;
    for (int p = 0; p < r.length; p++) {
      r[p] = Math.log(set.spot(asset, last, p) / set.spot(asset, 0, p));
    }
    return r;
  }

  /** S_T/S_0 of every path of {@code asset}. */
  static double[] terminalGrowth(PathSet set, int asset) {
    double[] r = new double[set.pathCount()];
    int last = set.points() - 1;
    for (int p = 0; p < r.length; p++) {
      r[p] = set.spot(asset, last, p) / set.spot(asset, 0, p);
    }
    return r;
  }

  /** Every one-step log return of {@code asset}, step-major. */
  static double[] stepLogReturns(PathSet set, int asset) {
    int n = set.pathCount();
    double[] r = new double[(set.points() - 1) * n];
    for (int step = 1; step < set.points(); step++) {
      for (int p = 0; p < n; p++) {
        r[(step - 1) * n + p] = set.logReturn(asset, step, p);
      }
    }
    return r;
  }
}
