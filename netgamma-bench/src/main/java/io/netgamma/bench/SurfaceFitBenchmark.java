package io.netgamma.bench;

import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.market.ForwardCurve;
import io.netgamma.core.market.surface.ExpirySmile;
import io.netgamma.core.market.surface.SmileQuote;
import io.netgamma.core.market.surface.SurfaceFit;
import io.netgamma.core.market.surface.SviFit;
import io.netgamma.core.market.surface.SviSurfaceFitter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Fitting the SVI surface of a whole BTC option chain with {@link SviSurfaceFitter#DEFAULT} (per-expiry SVI with
 * the butterfly and calendar constraints, then the arbitrage reports). Score: <b>milliseconds per full fit</b>,
 * warm (JIT-compiled; the cold first fit of a fresh JVM is measured separately, see {@code README-bench.md}).
 *
 * <p>The chain is sized like a 2020 Deribit BTC snapshot: {@value #QUOTES} quotes over 7 expiries (2 days to 6
 * months after 2020-09-14 08:00 UTC; 30 to 60 strikes per expiry, denser for longer expiries), forward 10,300 USD
 * with a 5% basis. Mark IVs follow a skewed smile (ATM 45% short to 60% long, put skew, convexity) with seeded
 * noise of 0.2 vol points, and every quote has a bid/ask IV spread that widens in the wings, as on Deribit. It
 * needs no market data file. {@link #setUp()} fits once and checks that all 7 expiries and all quotes are used,
 * so the benchmark times a real fit, not an early exit.
 *
 * <p>Run: {@code ./netgamma jmh SurfaceFit -rf json -rff bench-results/surface-fit.json}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class SurfaceFitBenchmark {

  /** Quotes in the chain. */
  static final int QUOTES = 326;
  /** Valuation instant of the chain. */
  static final Instant VALUATION = Instant.parse("2020-09-14T08:00:00Z");
  /** Expiry dates (08:00 UTC) and strikes per expiry: 30 + 40 + 44 + 48 + 50 + 54 + 60 = 326. */
  private static final String[] EXPIRIES = {"2020-09-16", "2020-09-18", "2020-09-25", "2020-10-30", "2020-11-27",
      "2020-12-25", "2021-03-26"};
  private static final int[] STRIKES = {30, 40, 44, 48, 50, 54, 60};
  private static final double INDEX = 10_300.0;

  /** The forward curve of the chain (one node per expiry). */
  public ForwardCurve curve;
  /** The smiles, one per expiry, ascending. */
  public List<ExpirySmile> smiles;

  /** Builds the seeded chain and checks that a fit uses every expiry and every quote. */
  @Setup
  public void setUp() {
    buildChain();
    check(fit());
  }

  /** Builds the seeded chain into {@link #curve} and {@link #smiles} (no fit: a cold-start run times the first). */
  public void buildChain() {
    SplittableRandom random = new SplittableRandom(20200914L);
    long now = VALUATION.toEpochMilli();
    long[] nodes = new long[EXPIRIES.length];
    double[] forwards = new double[EXPIRIES.length];
    smiles = new ArrayList<>();
    for (int e = 0; e < EXPIRIES.length; e++) {
      nodes[e] = Instant.parse(EXPIRIES[e] + "T08:00:00Z").toEpochMilli();
      double t = YearFraction.act365(now, nodes[e]);
      forwards[e] = INDEX * Math.exp(0.05 * t);
      double atm = 0.60 + (0.45 - 0.60) * Math.exp(-t / 0.25);
      double stdev = atm * Math.sqrt(t);
      List<SmileQuote> quotes = new ArrayList<>();
      int n = STRIKES[e];
      for (int i = 0; i < n; i++) {
        double x = -2.5 + 5.0 * i / (n - 1); // standard deviations from the money
        double strike = Math.round(forwards[e] * Math.exp(x * stdev));
        double k = Math.log(strike / forwards[e]);
        double xs = k / stdev;
        double iv = atm * (1.0 - 0.06 * xs + 0.04 * xs * xs) + 0.002 * random.nextGaussian();
        double halfSpread = 0.01 + 0.004 * Math.abs(xs);
        String label = "BTC-" + EXPIRIES[e] + "-" + (long) strike + (k >= 0 ? "-C" : "-P");
        quotes.add(SmileQuote.ofStrike(label, strike, forwards[e], iv, iv - halfSpread, iv + halfSpread));
      }
      smiles.add(ExpirySmile.of(nodes[e], quotes));
    }
    curve = ForwardCurve.of("BTC", now, INDEX, nodes, forwards);
  }

  /** Throws unless the fit used all 7 expiries and all quotes, each smile free of butterfly arbitrage. */
  static void check(SurfaceFit fit) {
    int used = fit.fits().stream().mapToInt(f -> f.used().size()).sum();
    if (fit.fits().size() != EXPIRIES.length || !fit.skipped().isEmpty() || used != QUOTES) {
      throw new IllegalStateException("the benchmark chain did not fit whole: " + fit.fits().size()
          + " expiries fitted, " + fit.skipped().size() + " skipped, " + used + " of " + QUOTES + " quotes used");
    }
    for (SviFit f : fit.fits()) {
      if (!f.butterfly().arbitrageFree()) {
        throw new IllegalStateException("the benchmark chain's fit has butterfly arbitrage: " + fit.summary());
      }
    }
  }

  /** {@code SviSurfaceFitter.DEFAULT.fit(curve, smiles)}: the whole chain. */
  @Benchmark
  public SurfaceFit fit() {
    return SviSurfaceFitter.DEFAULT.fit(curve, smiles);
  }
}
