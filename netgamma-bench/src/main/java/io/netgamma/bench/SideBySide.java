package io.netgamma.bench;

import com.opengamma.strata.basics.value.ValueDerivatives;
import com.opengamma.strata.collect.tuple.Pair;
import com.opengamma.strata.pricer.impl.option.BlackFormulaRepository;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.math.Normal;
import io.netgamma.core.pricing.BatchPricer;
import io.netgamma.core.pricing.BatchPricers;
import io.netgamma.core.pricing.Black76;
import io.netgamma.core.pricing.GreeksBatch;
import io.netgamma.core.pricing.LetsBeRational;
import io.netgamma.core.pricing.OptionBatch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./netgamma bench}: a quick (well under a minute) side-by-side speed and correctness run of netgamma against
 * OpenGamma Strata's {@link BlackFormulaRepository} on the same seeded random options ({@link BenchData}), single
 * thread.
 *
 * <p>Measures, each printed as one line ending in {@code ratio=<strata ns / netgamma ns>}:
 * <ol>
 *   <li>price + delta + gamma + vega + theta: netgamma's batch kernel ({@link BatchPricers#best()}, the headline),
 *       its scalar batch kernel ({@link BatchPricers#scalar()}) and the scalar {@link Black76#priceAndGreeks},
 *       against the fastest of three ways a Strata user gets those five
 *       numbers (five separate calls; {@code priceAdjoint} + {@code gamma}; {@code priceAdjoint2}), all three
 *       timed and printed;</li>
 *   <li>implied volatility from the rate-0 Black-76 prices of the same options: netgamma's
 *       {@link LetsBeRational} (batch and scalar) against {@link BlackFormulaRepository#impliedVolatility(double,
 *       double, double, double, boolean)}.</li>
 * </ol>
 *
 * <p>Method: every timed pass runs over all the options of its measure and stores every result in an output
 * array that outlives the run (no dead-code elimination; the arrays feed the cross-checks). Every measure of a
 * group is first warmed up (JIT: {@code --warmup} passes and at least {@link #WARMUP_OPTIONS} options), then the
 * group is timed {@code --reps} times, interleaved (one pass of each measure per round) so that load from other processes falls on both libraries alike; the reported figure is the median
 * pass time divided by the number of options (the best pass is in the JSON).
 *
 * <p>Correctness in the same run: the price and the four greeks of both netgamma paths and of the two faster Strata
 * ways are compared with Strata's five separate calls after converting netgamma's units to Strata's (vega ×100: per
 * unit of vol; theta ×365: per year, Strata's {@code theta} being −∂V/∂T). A value agrees when
 * {@code |a − b| ≤ 1e-12·(|b| + scale)}, scale = F for price, vega and theta, 1 for delta, 1/F for gamma. Implied vols
 * fail when the solver throws, returns NaN or an error code, or misses the true vol by more than 1e-8; options whose
 * double-precision price does not determine the vol to 1e-8 (see {@link #identifiable}) are counted apart.
 *
 * <p>Exit status: 0 when every check passes; 1 when a price or greek disagrees beyond the tolerance or netgamma
 * fails to invert a price whose vol is identifiable; 2 on bad usage. Missing a speed target is reported, not an
 * error (timings on a shared machine are noisy).
 */
public final class SideBySide {

  /** Relative tolerance of the price and greek cross-check (see the class javadoc for the scale floor). */
  static final double GREEK_TOLERANCE = 1e-12;
  /** An implied vol further than this from the true vol is a failure. */
  static final double IV_TOLERANCE = 1e-8;
  /**
   * An option's vol is identifiable to {@link #IV_TOLERANCE} when moving the vol by that much moves its exact price
   * by at least this many ulps of the price (see {@link #identifiable}).
   */
  static final double IDENTIFIABLE_ULPS = 4.0;
  /** Minimum number of options each measure processes during its warm-up. */
  static final long WARMUP_OPTIONS = 2_000_000L;
  /** Speed target: price and four greeks, Strata ns / netgamma ns. */
  static final double TARGET_GREEKS = 10.0;
  /** Speed target: implied vol, Strata ns / netgamma ns. */
  static final double TARGET_IV = 2.0;

  private static final String USAGE = """
      Usage: ./netgamma bench [--n N] [--reps R] [--warmup W] [--iv-strata-n M] [--seed S] [--json] [--help]

      Times netgamma and OpenGamma Strata 2.12.48 (BlackFormulaRepository) side by side, single thread, on the
      same N seeded random options (forward 50-150, strike 0.7-1.3 x forward, 1 day-2 years, vol 20-150%%,
      calls and puts), and cross-checks their results. One line per measure, ending in ratio=<strata/netgamma>.

        --n N            number of options (default 1000000)
        --reps R         timed passes per measure; the median is reported (default 5)
        --warmup W       untimed warm-up passes per measure (default 2)
        --iv-strata-n M  time Strata's implied vol on the first M options only (default: all N)
        --seed S         seed of the option set (default %d)
        --json           print a JSON summary instead of text
        --help           this text

      Exit status: 0 all checks pass, 1 a result disagreement or a netgamma implied-vol failure, 2 bad usage.
      """.formatted(BenchData.DEFAULT_SEED);

  private SideBySide() {
  }

  /** Runs the comparison; see the class javadoc. Exits with the status described there. */
  public static void main(String[] args) {
    int status;
    try {
      status = run(args, System.out);
    } catch (UsageException e) {
      System.err.println("netgamma bench: " + e.getMessage());
      System.err.println();
      System.err.print(USAGE);
      status = 2;
    }
    System.out.flush();
    System.exit(status);
  }

  /** Command-line options. */
  record Options(int n, int reps, int warmup, int ivStrataN, long seed, boolean json, boolean help) {

    static Options parse(String[] args) {
      int n = 1_000_000;
      int reps = 5;
      int warmup = 2;
      int ivStrataN = -1;
      long seed = BenchData.DEFAULT_SEED;
      boolean json = false;
      boolean help = false;
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--n" -> n = positiveInt(a, value(args, ++i, a));
          case "--reps" -> reps = positiveInt(a, value(args, ++i, a));
          case "--warmup" -> warmup = nonNegativeInt(a, value(args, ++i, a));
          case "--iv-strata-n" -> ivStrataN = positiveInt(a, value(args, ++i, a));
          case "--seed" -> seed = parseLong(a, value(args, ++i, a));
          case "--json" -> json = true;
          case "--help", "-h" -> help = true;
          default -> throw new UsageException("unknown argument '" + a + "'");
        }
      }
      return new Options(n, reps, warmup, ivStrataN < 0 ? n : Math.min(ivStrataN, n), seed, json, help);
    }

    private static String value(String[] args, int i, String flag) {
      if (i >= args.length) {
        throw new UsageException(flag + " needs a value");
      }
      return args[i];
    }

    private static int positiveInt(String flag, String s) {
      int v = parseInt(flag, s);
      if (v <= 0) {
        throw new UsageException(flag + " must be > 0, got " + s);
      }
      return v;
    }

    private static int nonNegativeInt(String flag, String s) {
      int v = parseInt(flag, s);
      if (v < 0) {
        throw new UsageException(flag + " must be >= 0, got " + s);
      }
      return v;
    }

    /** An int, underscores allowed as digit separators (1_000_000). */
    private static int parseInt(String flag, String s) {
      try {
        return Integer.parseInt(s.replace("_", ""));
      } catch (NumberFormatException e) {
        throw new UsageException(flag + " must be an integer, got '" + s + "'");
      }
    }

    private static long parseLong(String flag, String s) {
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw new UsageException(flag + " must be an integer, got '" + s + "'");
      }
    }
  }

  /** Bad command line. */
  static final class UsageException extends IllegalArgumentException {
    UsageException(String message) {
      super(message);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // timing

  /** One timed loop over {@code count} options. */
  static final class Measure {
    final String name;
    final int count;
    final Runnable pass;
    /** Warm-up pass; for the batch kernels it calls them on small chunks, so that the kernel method itself
     * (not only an on-stack-replacement of its loop) reaches C2 before timing. */
    final Runnable warm;
    long[] passNanos;

    Measure(String name, int count, Runnable pass) {
      this(name, count, pass, pass);
    }

    Measure(String name, int count, Runnable pass, Runnable warm) {
      this.name = name;
      this.count = count;
      this.pass = pass;
      this.warm = warm;
    }

    double medianNsPerOption() {
      long[] s = passNanos.clone();
      Arrays.sort(s);
      int k = s.length;
      double median = (k % 2 == 1) ? s[k / 2] : 0.5 * (s[k / 2 - 1] + s[k / 2]);
      return median / count;
    }

    double bestNsPerOption() {
      return Arrays.stream(passNanos).min().orElseThrow() / (double) count;
    }
  }

  /**
   * Warms every measure up, then times them in interleaved rounds. Warm-up: {@code --warmup} passes, and at least
   * as many as it takes to run {@link #WARMUP_OPTIONS} options through each measure, so that a small {@code --n}
   * still reaches C2-compiled code (the SIMD kernel runs orders of magnitude slower before it is compiled).
   */
  /** Pause after the warm-up passes, so that queued C2 compilations complete before timing. */
  static final long WARMUP_SETTLE_MILLIS = 1000;

  /** Runs {@code pricer} over the batch in chunks of {@code chunk} options (warm-up of the kernel method). */
  static Runnable chunked(BatchPricer pricer, OptionBatch in, GreeksBatch out, int chunk) {
    return () -> {
      for (int from = 0; from < in.size; from += chunk) {
        pricer.priceAndGreeks(in, out, from, Math.min(in.size, from + chunk));
      }
    };
  }

  static void time(Options o, Measure... measures) {
    for (Measure m : measures) {
      long passes = Math.max(o.warmup(), (WARMUP_OPTIONS + m.count - 1) / m.count);
      for (long w = 0; w < passes; w++) {
        m.warm.run();
      }
    }
    // let the compiler threads finish what the warm-up queued (on a busy 2-core machine they lag), then one more
    try {
      Thread.sleep(WARMUP_SETTLE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Measure m : measures) {
      m.pass.run();
    }
    for (Measure m : measures) {
      m.passNanos = new long[o.reps()];
    }
    for (int r = 0; r < o.reps(); r++) {
      for (Measure m : measures) {
        long t0 = System.nanoTime();
        m.pass.run();
        m.passNanos[r] = System.nanoTime() - t0;
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // price and greeks

  /** Price and four greeks of every option, in one library's units. */
  static final class Five {
    final double[] price;
    final double[] delta;
    final double[] gamma;
    final double[] vega;
    final double[] theta;

    Five(int n) {
      price = new double[n];
      delta = new double[n];
      gamma = new double[n];
      vega = new double[n];
      theta = new double[n];
    }

    Five(double[] price, double[] delta, double[] gamma, double[] vega, double[] theta) {
      this.price = price;
      this.delta = delta;
      this.gamma = gamma;
      this.vega = vega;
      this.theta = theta;
    }
  }

  static void netgammaScalar(BenchData d, Five out) {
    Black76 black = Black76.DEFAULT;
    double[] g = new double[Black76.SIZE];
    double[] f = d.forward;
    double[] k = d.strike;
    double[] t = d.t;
    double[] v = d.vol;
    double[] th = d.theta;
    for (int i = 0; i < d.n; i++) {
      black.priceAndGreeks(th[i], f[i], k[i], t[i], v[i], 0.0, g);
      out.price[i] = g[Black76.PRICE];
      out.delta[i] = g[Black76.DELTA];
      out.gamma[i] = g[Black76.GAMMA];
      out.vega[i] = g[Black76.VEGA];
      out.theta[i] = g[Black76.THETA];
    }
  }

  static void strataFiveCalls(BenchData d, Five out) {
    double[] f = d.forward;
    double[] k = d.strike;
    double[] t = d.t;
    double[] v = d.vol;
    boolean[] call = d.isCall;
    for (int i = 0; i < d.n; i++) {
      out.price[i] = BlackFormulaRepository.price(f[i], k[i], t[i], v[i], call[i]);
      out.delta[i] = BlackFormulaRepository.delta(f[i], k[i], t[i], v[i], call[i]);
      out.gamma[i] = BlackFormulaRepository.gamma(f[i], k[i], t[i], v[i]);
      out.vega[i] = BlackFormulaRepository.vega(f[i], k[i], t[i], v[i]);
      out.theta[i] = BlackFormulaRepository.theta(f[i], k[i], t[i], v[i], call[i], 0.0);
    }
  }

  /** priceAdjoint gives the price and ∂/∂(F, K, T, σ); gamma needs a separate call; theta = −∂V/∂T. */
  static void strataAdjointPlusGamma(BenchData d, Five out) {
    double[] f = d.forward;
    double[] k = d.strike;
    double[] t = d.t;
    double[] v = d.vol;
    boolean[] call = d.isCall;
    for (int i = 0; i < d.n; i++) {
      ValueDerivatives vd = BlackFormulaRepository.priceAdjoint(f[i], k[i], t[i], v[i], call[i]);
      out.price[i] = vd.getValue();
      out.delta[i] = vd.getDerivative(0);
      out.theta[i] = -vd.getDerivative(2);
      out.vega[i] = vd.getDerivative(3);
      out.gamma[i] = BlackFormulaRepository.gamma(f[i], k[i], t[i], v[i]);
    }
  }

  /** priceAdjoint2 gives all five at once: gamma is the second derivative [0][0]. */
  static void strataAdjoint2(BenchData d, Five out) {
    double[] f = d.forward;
    double[] k = d.strike;
    double[] t = d.t;
    double[] v = d.vol;
    boolean[] call = d.isCall;
    for (int i = 0; i < d.n; i++) {
      Pair<ValueDerivatives, double[][]> r = BlackFormulaRepository.priceAdjoint2(f[i], k[i], t[i], v[i], call[i]);
      ValueDerivatives vd = r.getFirst();
      out.price[i] = vd.getValue();
      out.delta[i] = vd.getDerivative(0);
      out.theta[i] = -vd.getDerivative(2);
      out.vega[i] = vd.getDerivative(3);
      out.gamma[i] = r.getSecond()[0][0];
    }
  }

  /** Result of comparing one quantity of one source with Strata's five calls. */
  record Check(String source, String quantity, String unit, double maxAbsDiff, double worstRelative, int worstIndex,
      boolean ok) {
  }

  /**
   * Compares {@code a} (already in Strata's units) with the reference, quantity by quantity. See the class
   * javadoc for the tolerance.
   */
  static List<Check> compare(String source, BenchData d, Five a, Five ref) {
    List<Check> out = new ArrayList<>();
    out.add(compare(source, "price", "USD", d, a.price, ref.price, Scale.FORWARD));
    out.add(compare(source, "delta", "1", d, a.delta, ref.delta, Scale.ONE));
    out.add(compare(source, "gamma", "1/USD", d, a.gamma, ref.gamma, Scale.INVERSE_FORWARD));
    out.add(compare(source, "vega", "USD per 1.00 vol", d, a.vega, ref.vega, Scale.FORWARD));
    out.add(compare(source, "theta", "USD per year", d, a.theta, ref.theta, Scale.FORWARD));
    return out;
  }

  enum Scale { ONE, FORWARD, INVERSE_FORWARD }

  static Check compare(String source, String quantity, String unit, BenchData d, double[] a, double[] ref,
      Scale scale) {
    double maxAbs = 0;
    double worst = 0;
    int worstIndex = -1;
    boolean ok = true;
    for (int i = 0; i < d.n; i++) {
      double s = switch (scale) {
        case ONE -> 1.0;
        case FORWARD -> d.forward[i];
        case INVERSE_FORWARD -> 1.0 / d.forward[i];
      };
      double diff = Math.abs(a[i] - ref[i]);
      double rel = diff / (Math.abs(ref[i]) + s);
      if (!(rel <= GREEK_TOLERANCE)) { // also catches NaN
        ok = false;
      }
      if (Double.isNaN(rel) || rel > worst) {
        worst = Double.isNaN(rel) ? Double.POSITIVE_INFINITY : rel;
        worstIndex = i;
      }
      if (Double.isNaN(diff) || diff > maxAbs) {
        maxAbs = Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff;
      }
    }
    return new Check(source, quantity, unit, maxAbs, worst, worstIndex, ok);
  }

  /** netgamma's results converted to Strata's units: vega per unit of vol, theta per year. */
  static Five toStrataUnits(Five ng) {
    int n = ng.price.length;
    double[] vega = new double[n];
    double[] theta = new double[n];
    for (int i = 0; i < n; i++) {
      vega[i] = ng.vega[i] * 100.0;
      theta[i] = ng.theta[i] * YearFraction.DAYS_PER_YEAR;
    }
    return new Five(ng.price, ng.delta, ng.gamma, vega, theta);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // implied volatility

  static void netgammaIvScalar(BenchData d, double[] out, boolean[] threw) {
    double[] p = d.price;
    double[] f = d.forward;
    double[] k = d.strike;
    double[] t = d.t;
    double[] th = d.theta;
    for (int i = 0; i < d.n; i++) {
      try {
        out[i] = LetsBeRational.impliedVolatility(p[i], f[i], k[i], t[i], th[i]);
        threw[i] = false;
      } catch (RuntimeException e) {
        out[i] = Double.NaN;
        threw[i] = true;
      }
    }
  }

  static void strataIv(BenchData d, int count, double[] out, boolean[] threw) {
    double[] p = d.price;
    double[] f = d.forward;
    double[] k = d.strike;
    double[] t = d.t;
    boolean[] call = d.isCall;
    for (int i = 0; i < count; i++) {
      try {
        out[i] = BlackFormulaRepository.impliedVolatility(p[i], f[i], k[i], t[i], call[i]);
        threw[i] = false;
      } catch (RuntimeException e) {
        out[i] = Double.NaN;
        threw[i] = true;
      }
    }
  }

  /**
   * True when the double-precision price determines the vol to {@link #IV_TOLERANCE}: a vol move of that size
   * moves the exact price, to first order {@code vega·1e-8} with the analytic vega {@code F·φ(d1)·√t}, by at least
   * {@link #IDENTIFIABLE_ULPS} ulps of the price. False for deep in-the-money short-dated options, whose time value
   * is lost in the rounding of the price: no solver can recover their vol from the price. A property of the option
   * and its price, not of either solver. (Four ulps, not one half, because the Black-76 prices of in-the-money
   * options that the runner inverts carry a few ulps of rounding themselves.)
   */
  static boolean identifiable(BenchData d, int i) {
    double sqrtT = Math.sqrt(d.t[i]);
    double s = d.vol[i] * sqrtT;
    double d1 = Math.log(d.forward[i] / d.strike[i]) / s + 0.5 * s;
    double vega = d.forward[i] * Normal.pdf(d1) * sqrtT;
    return vega * IV_TOLERANCE >= IDENTIFIABLE_ULPS * Math.ulp(d.price[i]);
  }

  /** Failure counts and errors of one implied-vol solver on the first {@code count} options. */
  record IvStats(String solver, int count, int failures, int failuresIdentifiable, int exceptions, int codes,
      int nan, double maxErrorIdentifiable, double maxErrorReturned) {
  }

  static boolean ivFailed(double vol, boolean threw, double trueVol) {
    return threw || !(vol >= 0) || !(Math.abs(vol - trueVol) <= IV_TOLERANCE);
  }

  static IvStats ivStats(String solver, BenchData d, int count, double[] vol, boolean[] threw, boolean[] ident) {
    int failures = 0;
    int failuresIdent = 0;
    int exceptions = 0;
    int codes = 0;
    int nan = 0;
    double maxErrIdent = 0;
    double maxErrReturned = 0;
    for (int i = 0; i < count; i++) {
      double v = vol[i];
      if (threw[i]) {
        exceptions++;
      } else if (Double.isNaN(v)) {
        nan++;
      } else if (v < 0) {
        codes++;
      } else {
        double err = Math.abs(v - d.vol[i]);
        maxErrReturned = Math.max(maxErrReturned, err);
        if (ident[i]) {
          maxErrIdent = Math.max(maxErrIdent, err);
        }
      }
      if (ivFailed(v, threw[i], d.vol[i])) {
        failures++;
        if (ident[i]) {
          failuresIdent++;
        }
      }
    }
    return new IvStats(solver, count, failures, failuresIdent, exceptions, codes, nan, maxErrIdent, maxErrReturned);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // the run

  /** A measure line: netgamma path vs Strata path. */
  record Line(String measure, String netgammaPath, Measure netgamma, String strataPath, Measure strata,
      double target) {

    double ratio() {
      return strata.medianNsPerOption() / netgamma.medianNsPerOption();
    }
  }

  static int run(String[] args, PrintStream out) {
    Options o = Options.parse(args);
    if (o.help()) {
      out.print(USAGE);
      return 0;
    }
    long start = System.nanoTime();
    BenchData d = BenchData.generate(o.n(), o.seed());
    int n = d.n;

    // --- price and greeks -------------------------------------------------------------------------------------
    Five ngScalar = new Five(n);
    Five stFive = new Five(n);
    Five stAdjoint = new Five(n);
    Five stAdjoint2 = new Five(n);
    BatchPricer best = BatchPricers.best();
    OptionBatch batchIn = OptionBatch.of(n, d.forward, d.strike, d.t, d.vol, new double[n], d.theta);
    // the comparison measure asks for exactly the five outputs Strata computes (GreeksBatch.allocateBasic)
    GreeksBatch batchOut = GreeksBatch.allocateBasic(n);
    Measure mBatch = new Measure("netgamma batch", n, () -> best.priceAndGreeks(batchIn, batchOut),
        chunked(best, batchIn, batchOut, 256));
    GreeksBatch batchFullOut = GreeksBatch.allocate(n);
    Measure mBatchFull = new Measure("netgamma batch, all 13 outputs", n,
        () -> best.priceAndGreeks(batchIn, batchFullOut), chunked(best, batchIn, batchFullOut, 256));
    BatchPricer scalarKernel = BatchPricers.scalar();
    GreeksBatch scalarKernelOut = GreeksBatch.allocateBasic(n);
    Measure mBatchScalar = new Measure("netgamma batch scalar", n,
        () -> scalarKernel.priceAndGreeks(batchIn, scalarKernelOut),
        chunked(scalarKernel, batchIn, scalarKernelOut, 256));
    Measure mScalar = new Measure("netgamma scalar", n, () -> netgammaScalar(d, ngScalar));
    Measure mFive = new Measure("strata five calls", n, () -> strataFiveCalls(d, stFive));
    Measure mAdj = new Measure("strata priceAdjoint+gamma", n, () -> strataAdjointPlusGamma(d, stAdjoint));
    Measure mAdj2 = new Measure("strata priceAdjoint2", n, () -> strataAdjoint2(d, stAdjoint2));
    time(o, mBatch, mBatchScalar, mScalar, mBatchFull, mFive, mAdj, mAdj2);
    Measure[] strataWays = {mFive, mAdj, mAdj2};
    Measure fastestStrata = Arrays.stream(strataWays)
        .min((a, b) -> Double.compare(a.medianNsPerOption(), b.medianNsPerOption())).orElseThrow();

    Five ngBatch = new Five(batchOut.price, batchOut.delta, batchOut.gamma, batchOut.vega, batchOut.theta);
    List<Check> checks = new ArrayList<>();
    checks.addAll(compare("netgamma batch " + best.name(), d, toStrataUnits(ngBatch), stFive));
    checks.addAll(compare("netgamma batch " + best.name() + " full", d, toStrataUnits(new Five(batchFullOut.price,
        batchFullOut.delta, batchFullOut.gamma, batchFullOut.vega, batchFullOut.theta)), stFive));
    checks.addAll(compare("netgamma batch scalar", d, toStrataUnits(new Five(scalarKernelOut.price,
        scalarKernelOut.delta, scalarKernelOut.gamma, scalarKernelOut.vega, scalarKernelOut.theta)), stFive));
    checks.addAll(compare("netgamma scalar", d, toStrataUnits(ngScalar), stFive));
    checks.addAll(compare("strata priceAdjoint+gamma", d, stAdjoint, stFive));
    checks.addAll(compare("strata priceAdjoint2", d, stAdjoint2, stFive));

    // --- implied volatility -----------------------------------------------------------------------------------
    int m = o.ivStrataN();
    double[] ivBatch = new double[n];
    double[] ivScalar = new double[n];
    boolean[] ivScalarThrew = new boolean[n];
    boolean[] ivBatchThrew = new boolean[n];
    boolean[] ivBatchPassThrew = new boolean[1];
    double[] ivStrata = new double[m];
    boolean[] ivStrataThrew = new boolean[m];
    Measure mIvBatch = new Measure("netgamma LetsBeRational batch", n, () -> {
      try {
        LetsBeRational.impliedVolatility(d.price, d.forward, d.strike, d.t, d.theta, n, ivBatch);
        ivBatchPassThrew[0] = false;
      } catch (RuntimeException e) {
        ivBatchPassThrew[0] = true; // recorded, reported as a failure of every option below
      }
    });
    Measure mIvScalar = new Measure("netgamma LetsBeRational scalar", n,
        () -> netgammaIvScalar(d, ivScalar, ivScalarThrew));
    Measure mIvStrata = new Measure("strata impliedVolatility", m, () -> strataIv(d, m, ivStrata, ivStrataThrew));
    time(o, mIvBatch, mIvScalar, mIvStrata);
    if (ivBatchPassThrew[0]) {
      Arrays.fill(ivBatchThrew, true);
    }

    boolean[] ident = new boolean[n];
    int identCount = 0;
    int identCountStrata = 0;
    for (int i = 0; i < n; i++) {
      ident[i] = identifiable(d, i);
      if (ident[i]) {
        identCount++;
        if (i < m) {
          identCountStrata++;
        }
      }
    }
    IvStats sBatch = ivStats("netgamma batch", d, n, ivBatch, ivBatchThrew, ident);
    IvStats sScalar = ivStats("netgamma scalar", d, n, ivScalar, ivScalarThrew, ident);
    IvStats sStrata = ivStats("strata", d, m, ivStrata, ivStrataThrew, ident);
    // the same options for both: the first m
    IvStats sBatchOnM = ivStats("netgamma batch", d, m, ivBatch, ivBatchThrew, ident);
    int netgammaOnly = 0;
    int strataOnly = 0;
    int both = 0;
    for (int i = 0; i < m; i++) {
      boolean ng = ivFailed(ivBatch[i], ivBatchThrew[i], d.vol[i]);
      boolean st = ivFailed(ivStrata[i], ivStrataThrew[i], d.vol[i]);
      if (ng && st) {
        both++;
      } else if (ng) {
        netgammaOnly++;
      } else if (st) {
        strataOnly++;
      }
    }
    double elapsed = (System.nanoTime() - start) / 1e9;

    List<Line> lines = List.of(
        new Line("price+delta+gamma+vega+theta", "batch " + best.name(), mBatch, fastestStrata.name, fastestStrata,
            TARGET_GREEKS),
        new Line("price+delta+gamma+vega+theta", "batch scalar", mBatchScalar, fastestStrata.name,
            fastestStrata, TARGET_GREEKS),
        new Line("price+delta+gamma+vega+theta", "scalar Black76", mScalar, fastestStrata.name, fastestStrata,
            TARGET_GREEKS),
        new Line("implied volatility", "LetsBeRational batch", mIvBatch, mIvStrata.name, mIvStrata, TARGET_IV),
        new Line("implied volatility", "LetsBeRational scalar", mIvScalar, mIvStrata.name, mIvStrata, TARGET_IV),
        new Line("all 13 outputs vs strata's 5", "batch " + best.name() + " full", mBatchFull, fastestStrata.name,
            fastestStrata, 0.0));

    boolean greeksOk = checks.stream().allMatch(Check::ok);
    boolean ivOk = sBatch.failuresIdentifiable() == 0 && sScalar.failuresIdentifiable() == 0;
    Report r = new Report(o, d, lines, strataWays, checks, sBatch, sScalar, sStrata, sBatchOnM, identCount,
        identCountStrata, both, netgammaOnly, strataOnly, greeksOk, ivOk, elapsed);
    if (o.json()) {
      r.printJson(out);
    } else {
      r.printText(out);
    }
    return greeksOk && ivOk ? 0 : 1;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // output

  record Report(Options o, BenchData d, List<Line> lines, Measure[] strataWays, List<Check> checks, IvStats ivBatch,
      IvStats ivScalar, IvStats ivStrata, IvStats ivBatchOnStrataSet, int identifiable, int identifiableStrataSet,
      int ivFailBoth, int ivFailNetgammaOnly, int ivFailStrataOnly, boolean greeksOk, boolean ivOk, double elapsed) {

    void printText(PrintStream out) {
      out.println("netgamma bench: side by side with OpenGamma Strata " + strataVersion()
          + " (BlackFormulaRepository), single thread");
      out.printf(Locale.ROOT, "machine: %s, %d cores, JDK %s (%s), vector species %s%n", cpuModel(),
          Runtime.getRuntime().availableProcessors(), Runtime.version(), System.getProperty("java.vm.name"),
          vectorSpecies());
      out.printf(Locale.ROOT, "options: %,d seeded random (seed %d): forward 50-150, strike 0.7-1.3 x forward, "
          + "1 day-2 years, vol 20-150%%, calls and puts, rate 0%n", d.n, d.seed);
      out.printf(Locale.ROOT, "method: %d warm-up + %d timed passes per measure, interleaved; ns/option = median "
          + "pass / options; every result stored%n", o.warmup(), o.reps());
      out.println();
      out.println("strata ways to get price+delta+gamma+vega+theta (median, best):");
      Measure fastest = lines.get(0).strata();
      for (Measure m : strataWays) {
        out.printf(Locale.ROOT, "  %-28s %8.1f ns/option  (best %.1f)%s%n", m.name, m.medianNsPerOption(),
            m.bestNsPerOption(), m == fastest ? "  <- fastest, used in the ratios" : "");
      }
      out.println();
      for (Line l : lines) {
        String label = l.measure() + " [" + l.netgammaPath() + "]";
        out.printf(Locale.ROOT, "%-52s netgamma=%8.1f ns/option  strata=%8.1f ns/option  ratio=%.1f%n", label,
            l.netgamma().medianNsPerOption(), l.strata().medianNsPerOption(), l.ratio());
      }
      out.println();
      out.println("targets (same run): price+4 greeks >= " + fmt(TARGET_GREEKS) + "x with the batch path: "
          + met(lines.get(0).ratio() >= TARGET_GREEKS) + "; implied vol >= " + fmt(TARGET_IV)
          + "x with the batch path: " + met(lines.get(3).ratio() >= TARGET_IV));
      if (ivStrata.count() < d.n) {
        out.printf(Locale.ROOT, "note: Strata's implied vol was timed on the first %,d options only (--iv-strata-n)%n",
            ivStrata.count());
      }
      out.println();
      out.printf(Locale.ROOT, "cross-check vs Strata's five calls, in Strata's units (vega per 1.00 vol, theta "
          + "per year); ok when |a-b| <= %.0e*(|b|+scale):%n", GREEK_TOLERANCE);
      String source = null;
      for (Check c : checks) {
        if (!c.source().equals(source)) {
          source = c.source();
          out.printf("  %s:%n", source);
        }
        out.printf(Locale.ROOT, "    %-6s max|diff|=%9.3e %-17s worst relative=%9.3e  %s%n", c.quantity(),
            c.maxAbsDiff(), c.unit(), c.worstRelative(), c.ok() ? "ok" : "DISAGREE at option " + c.worstIndex());
      }
      out.println();
      out.printf(Locale.ROOT, "implied vol of the Black76 prices: failure = exception, NaN, error code or |vol-true| > "
          + "%.0e; identifiable = vega*%.0e >= %.0f ulp(price) (%,d of %,d options)%n", IV_TOLERANCE, IV_TOLERANCE,
          IDENTIFIABLE_ULPS, identifiable, d.n);
      out.printf(Locale.ROOT, "  same %,d options: failures netgamma=%d strata=%d (both %d, netgamma only %d, "
          + "strata only %d); on identifiable options netgamma=%d strata=%d%n", ivStrata.count(),
          ivBatchOnStrataSet.failures(), ivStrata.failures(), ivFailBoth, ivFailNetgammaOnly, ivFailStrataOnly,
          ivBatchOnStrataSet.failuresIdentifiable(), ivStrata.failuresIdentifiable());
      for (IvStats s : List.of(ivBatch, ivScalar, ivStrata)) {
        out.printf(Locale.ROOT, "  %-16s %,9d options: failures=%d (identifiable %d; exceptions %d, codes %d, NaN "
            + "%d) max|vol-true| identifiable=%.2e returned=%.2e%n", s.solver(), s.count(), s.failures(),
            s.failuresIdentifiable(), s.exceptions(), s.codes(), s.nan(), s.maxErrorIdentifiable(),
            s.maxErrorReturned());
      }
      out.println();
      out.printf(Locale.ROOT, "result: %s (%.1f s)%n", greeksOk && ivOk ? "OK"
          : "FAILED" + (greeksOk ? "" : " (price/greeks disagree)") + (ivOk ? "" : " (netgamma implied vol failures)"),
          elapsed);
    }

    void printJson(PrintStream out) {
      StringBuilder j = new StringBuilder();
      j.append("{\n");
      j.append("  \"machine\": {\"cpu\": ").append(q(cpuModel())).append(", \"cores\": ")
          .append(Runtime.getRuntime().availableProcessors()).append(", \"jdk\": ").append(q(Runtime.version()
              .toString())).append(", \"vm\": ").append(q(System.getProperty("java.vm.name")))
          .append(", \"vectorSpecies\": ").append(q(vectorSpecies())).append("},\n");
      j.append("  \"strata\": ").append(q(strataVersion())).append(",\n");
      j.append("  \"options\": {\"n\": ").append(d.n).append(", \"seed\": ").append(d.seed)
          .append(", \"forward\": [50, 150], \"strikeOverForward\": [0.7, 1.3], \"years\": [")
          .append(num(BenchData.T_MIN)).append(", 2], \"vol\": [0.2, 1.5], \"rate\": 0},\n");
      j.append("  \"method\": {\"threads\": 1, \"warmupPasses\": ").append(o.warmup()).append(", \"timedPasses\": ")
          .append(o.reps()).append(", \"statistic\": \"median\", \"interleaved\": true},\n");
      j.append("  \"measures\": [\n");
      for (int i = 0; i < lines.size(); i++) {
        Line l = lines.get(i);
        j.append("    {\"measure\": ").append(q(l.measure())).append(", \"netgamma\": ").append(q(l.netgammaPath()))
            .append(", \"netgammaNsPerOption\": ").append(num(l.netgamma().medianNsPerOption()))
            .append(", \"netgammaBestNsPerOption\": ").append(num(l.netgamma().bestNsPerOption()))
            .append(", \"netgammaOptions\": ").append(l.netgamma().count)
            .append(", \"strata\": ").append(q(l.strataPath()))
            .append(", \"strataNsPerOption\": ").append(num(l.strata().medianNsPerOption()))
            .append(", \"strataBestNsPerOption\": ").append(num(l.strata().bestNsPerOption()))
            .append(", \"strataOptions\": ").append(l.strata().count)
            .append(", \"ratio\": ").append(num(l.ratio())).append(", \"target\": ").append(num(l.target()))
            .append(", \"targetMet\": ").append(l.ratio() >= l.target()).append('}')
            .append(i + 1 < lines.size() ? ",\n" : "\n");
      }
      j.append("  ],\n");
      j.append("  \"strataWays\": [");
      for (int i = 0; i < strataWays.length; i++) {
        Measure m = strataWays[i];
        j.append(i == 0 ? "" : ", ").append("{\"way\": ").append(q(m.name)).append(", \"nsPerOption\": ")
            .append(num(m.medianNsPerOption())).append(", \"bestNsPerOption\": ").append(num(m.bestNsPerOption()))
            .append('}');
      }
      j.append("],\n");
      j.append("  \"crossCheck\": {\"tolerance\": ").append(num(GREEK_TOLERANCE)).append(", \"results\": [\n");
      for (int i = 0; i < checks.size(); i++) {
        Check c = checks.get(i);
        j.append("    {\"source\": ").append(q(c.source())).append(", \"quantity\": ").append(q(c.quantity()))
            .append(", \"unit\": ").append(q(c.unit())).append(", \"maxAbsDiff\": ").append(num(c.maxAbsDiff()))
            .append(", \"worstRelative\": ").append(num(c.worstRelative())).append(", \"ok\": ").append(c.ok())
            .append('}').append(i + 1 < checks.size() ? ",\n" : "\n");
      }
      j.append("  ]},\n");
      j.append("  \"impliedVol\": {\"tolerance\": ").append(num(IV_TOLERANCE)).append(", \"identifiable\": ")
          .append(identifiable).append(", \"sameOptions\": ").append(ivStrata.count())
          .append(", \"failuresNetgamma\": ").append(ivBatchOnStrataSet.failures())
          .append(", \"failuresStrata\": ").append(ivStrata.failures())
          .append(", \"failuresBoth\": ").append(ivFailBoth)
          .append(", \"failuresNetgammaOnly\": ").append(ivFailNetgammaOnly)
          .append(", \"failuresStrataOnly\": ").append(ivFailStrataOnly)
          .append(", \"identifiableSameOptions\": ").append(identifiableStrataSet)
          .append(", \"solvers\": [");
      List<IvStats> all = List.of(ivBatch, ivScalar, ivStrata);
      for (int i = 0; i < all.size(); i++) {
        IvStats s = all.get(i);
        j.append(i == 0 ? "" : ", ").append("{\"solver\": ").append(q(s.solver())).append(", \"options\": ")
            .append(s.count()).append(", \"failures\": ").append(s.failures()).append(", \"failuresIdentifiable\": ")
            .append(s.failuresIdentifiable()).append(", \"exceptions\": ").append(s.exceptions())
            .append(", \"codes\": ").append(s.codes()).append(", \"nan\": ").append(s.nan())
            .append(", \"maxErrorIdentifiable\": ").append(num(s.maxErrorIdentifiable()))
            .append(", \"maxErrorReturned\": ").append(num(s.maxErrorReturned())).append('}');
      }
      j.append("]},\n");
      j.append("  \"ok\": ").append(greeksOk && ivOk).append(", \"elapsedSeconds\": ").append(num(elapsed))
          .append("\n}");
      out.println(j);
    }
  }

  private static String met(boolean met) {
    return met ? "met" : "MISSED";
  }

  private static String fmt(double x) {
    return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
  }

  static String num(double x) {
    if (!Double.isFinite(x)) {
      return "null";
    }
    return String.format(Locale.ROOT, "%.6g", x);
  }

  static String q(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall through
    }
    return System.getProperty("os.arch") + " (model unknown)";
  }

  static String vectorSpecies() {
    try {
      var s = jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED;
      return s.length() + " doubles (" + s.vectorBitSize() + " bit)";
    } catch (LinkageError e) {
      return "n/a (run with --add-modules jdk.incubator.vector)";
    }
  }

  /** Strata's version, read from the Maven metadata that the shaded jar carries. */
  static String strataVersion() {
    String resource = "/META-INF/maven/com.opengamma.strata/strata-pricer/pom.properties";
    try (var in = SideBySide.class.getResourceAsStream(resource)) {
      if (in != null) {
        java.util.Properties props = new java.util.Properties();
        props.load(in);
        return props.getProperty("version", "(version unknown)");
      }
    } catch (IOException e) {
      // fall through
    }
    return "(version unknown)";
  }
}
