package io.netgamma.bench;

import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.surface.SurfaceFit;
import io.netgamma.core.market.surface.SviSurfaceFitter;
import io.netgamma.data.market.ChainSnapshotBuilder;
import io.netgamma.data.market.LatestChainRows;
import io.netgamma.data.market.SurfaceBuild;
import io.netgamma.data.market.SurfaceBuilder;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The first surface fit of a fresh JVM, then the same fit repeated: what a user waits for when a command loads a
 * market (JMH's {@link SurfaceFitBenchmark} times only the warm fit). Prints the time of fit 1 (class loading,
 * interpreter, JIT compilation included), fit 2, and the median of fits {@code 3..N}, in milliseconds.
 *
 * <pre>
 *   java -cp netgamma-bench/target/netgamma-bench.jar io.netgamma.bench.SurfaceFitColdStart [CHAIN.csv] [N]
 * </pre>
 * Without a file: {@code SviSurfaceFitter.DEFAULT.fit} on {@link SurfaceFitBenchmark}'s seeded 326-quote chain.
 * With a Tardis {@code options_chain} CSV: the chain is read and its snapshot built first (not timed), then
 * {@code SurfaceBuilder.DEFAULT.fromChain} — every underlying's surface, the path of {@code netgamma surface} and
 * {@code MarketLoader} — is timed. N (default 20) is the number of fits. Run each measurement in its own JVM.
 */
public final class SurfaceFitColdStart {

  private SurfaceFitColdStart() {
  }

  /**
   * Runs the measurement.
   *
   * @param args optional chain file and number of fits
   */
  public static void main(String[] args) {
    Path file = args.length > 0 && !args[0].matches("\\d+") ? Path.of(args[0]) : null;
    String count = args.length > 1 ? args[1] : args.length == 1 && file == null ? args[0] : "20";
    int n = Math.max(3, Integer.parseInt(count));
    double[] ms = new double[n];
    String what;
    int expiries;
    int quotes;
    if (file == null) {
      SurfaceFitBenchmark chain = new SurfaceFitBenchmark();
      chain.buildChain();
      SurfaceFit fit = null;
      for (int i = 0; i < n; i++) {
        long start = System.nanoTime();
        fit = SviSurfaceFitter.DEFAULT.fit(chain.curve, chain.smiles);
        ms[i] = (System.nanoTime() - start) * 1e-6;
      }
      SurfaceFitBenchmark.check(fit);
      what = "SviSurfaceFitter.DEFAULT.fit, seeded benchmark chain";
      expiries = fit.fits().size();
      quotes = fit.fits().stream().mapToInt(f -> f.used().size()).sum();
    } else {
      LatestChainRows rows = LatestChainRows.read(file, m -> { });
      MarketSnapshot snapshot = ChainSnapshotBuilder.DEFAULT.build(rows, null, Map.of(), null).snapshot();
      SurfaceBuild build = null;
      for (int i = 0; i < n; i++) {
        long start = System.nanoTime();
        build = SurfaceBuilder.DEFAULT.fromChain(rows, snapshot, null);
        ms[i] = (System.nanoTime() - start) * 1e-6;
      }
      what = "SurfaceBuilder.DEFAULT.fromChain, " + file.getFileName();
      expiries = build.fittedExpiries();
      quotes = (int) build.used();
    }
    double[] rest = Arrays.copyOfRange(ms, 2, n);
    Arrays.sort(rest);
    double median = rest.length % 2 == 1 ? rest[rest.length / 2]
        : 0.5 * (rest[rest.length / 2 - 1] + rest[rest.length / 2]);
    long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
    System.out.printf(Locale.ROOT, "%s: %d expiries, %d quotes%n", what, expiries, quotes);
    System.out.printf(Locale.ROOT, "fit 1 (cold) %.1f ms, fit 2 %.1f ms, fits 3..%d median %.1f ms (min %.1f); "
        + "JVM up %d ms; %s, %d cores%n", ms[0], ms[1], n, median, rest[0], uptime,
        System.getProperty("java.vm.version"), Runtime.getRuntime().availableProcessors());
  }
}
