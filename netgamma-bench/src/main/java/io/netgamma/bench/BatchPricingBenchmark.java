package io.netgamma.bench;

import io.netgamma.core.pricing.BatchPricer;
import io.netgamma.core.pricing.BatchPricers;
import io.netgamma.core.pricing.Black76;
import io.netgamma.core.pricing.GreeksBatch;
import io.netgamma.core.pricing.OptionBatch;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Batch pricing over structure-of-arrays: the scalar kernel against the Vector API (SIMD) kernel, each
 * computing the price and all 12 greeks (13 output arrays) of every option. Score: ns per option, on
 * {@value #SMALL} options (inputs and outputs in L1/L2) and on {@value #LARGE} options (152 MB of inputs and
 * outputs streamed through memory). Inputs: {@link BenchData}'s seeded options (F 50–150, K 0.7–1.3·F, 1 day
 * to 2 years, σ 20–150%, calls and puts, rate 0). A per-option {@link Black76#priceAndGreeks} loop writing the
 * same 13 arrays is the baseline.
 *
 * <p>The {@code vectorBasic} variants fill a {@link GreeksBatch#allocateBasic basic} batch (price, delta, gamma,
 * vega, theta): at a million options the kernel is bound by memory traffic, about one extra nanosecond per option
 * for each output array, so writing 5 arrays instead of 13 matters there.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -jar netgamma-bench/target/netgamma-bench.jar
 * BatchPricing -prof gc}; {@code gc.alloc.rate.norm} is in bytes per option and is ~0 for both kernels. The SIMD
 * kernel's method is large and C2 takes a few seconds to compile it on a busy machine: keep at least ~5 s of
 * warm-up ({@code -wi 3 -w 2}) or the first measurements include interpreted and C1 code.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class BatchPricingBenchmark {

  /** Options in the cache-resident batch. */
  static final int SMALL = 1_000;
  /** Options in the memory-streaming batch. */
  static final int LARGE = 1_000_000;

  /** Inputs, outputs and kernels for one batch size. */
  public abstract static class Batch {
    OptionBatch in;
    GreeksBatch out;
    GreeksBatch basic;
    BatchPricer scalar;
    BatchPricer vector;
    double[] work;

    abstract int size();

    /** Copies the seeded options into an {@link OptionBatch} (rate 0) and allocates the outputs. */
    @Setup(Level.Trial)
    public void setUp() {
      int n = size();
      BenchData d = BenchData.generate(n);
      in = OptionBatch.allocate(n);
      for (int i = 0; i < n; i++) {
        in.set(i, d.theta[i], d.forward[i], d.strike[i], d.t[i], d.vol[i], 0.0);
      }
      out = GreeksBatch.allocate(n);
      basic = GreeksBatch.allocateBasic(n);
      scalar = BatchPricers.scalar();
      vector = BatchPricers.vector();
      work = new double[Black76.SIZE];
    }
  }

  /** {@value BatchPricingBenchmark#SMALL} options. */
  @State(Scope.Thread)
  public static class Small extends Batch {
    @Override
    int size() {
      return SMALL;
    }
  }

  /** {@value BatchPricingBenchmark#LARGE} options. */
  @State(Scope.Thread)
  public static class Large extends Batch {
    @Override
    int size() {
      return LARGE;
    }
  }

  /** Scalar kernel, 1,000 options. */
  @Benchmark
  @OperationsPerInvocation(SMALL)
  public GreeksBatch scalar1k(Small b) {
    b.scalar.priceAndGreeks(b.in, b.out);
    return b.out;
  }

  /** SIMD kernel, 1,000 options. */
  @Benchmark
  @OperationsPerInvocation(SMALL)
  public GreeksBatch vector1k(Small b) {
    b.vector.priceAndGreeks(b.in, b.out);
    return b.out;
  }

  /** SIMD kernel, 1,000 options, basic batch: price, delta, gamma, vega, theta only (5 output arrays). */
  @Benchmark
  @OperationsPerInvocation(SMALL)
  public GreeksBatch vectorBasic1k(Small b) {
    b.vector.priceAndGreeks(b.in, b.basic);
    return b.basic;
  }

  /** Baseline: {@link Black76#priceAndGreeks} per option, copied into the same 13 arrays, 1,000 options. */
  @Benchmark
  @OperationsPerInvocation(SMALL)
  public GreeksBatch black76Loop1k(Small b) {
    OptionBatch in = b.in;
    GreeksBatch o = b.out;
    double[] g = b.work;
    for (int i = 0; i < SMALL; i++) {
      Black76.DEFAULT.priceAndGreeks(in.theta[i], in.forward[i], in.strike[i], in.t[i], in.vol[i], in.rate[i], g);
      o.price[i] = g[Black76.PRICE];
      o.priceCoin[i] = g[Black76.PRICE_COIN];
      o.delta[i] = g[Black76.DELTA];
      o.gamma[i] = g[Black76.GAMMA];
      o.vega[i] = g[Black76.VEGA];
      o.theta[i] = g[Black76.THETA];
      o.rho[i] = g[Black76.RHO];
      o.vanna[i] = g[Black76.VANNA];
      o.volga[i] = g[Black76.VOLGA];
      o.charm[i] = g[Black76.CHARM];
      o.speed[i] = g[Black76.SPEED];
      o.deltaCoin[i] = g[Black76.DELTA_COIN];
      o.gammaCoin[i] = g[Black76.GAMMA_COIN];
    }
    return o;
  }

  /** Scalar kernel, 1,000,000 options. */
  @Benchmark
  @OperationsPerInvocation(LARGE)
  public GreeksBatch scalar1M(Large b) {
    b.scalar.priceAndGreeks(b.in, b.out);
    return b.out;
  }

  /** SIMD kernel, 1,000,000 options. */
  @Benchmark
  @OperationsPerInvocation(LARGE)
  public GreeksBatch vector1M(Large b) {
    b.vector.priceAndGreeks(b.in, b.out);
    return b.out;
  }

  /** SIMD kernel, 1,000,000 options, basic batch (5 output arrays instead of 13: less memory traffic). */
  @Benchmark
  @OperationsPerInvocation(LARGE)
  public GreeksBatch vectorBasic1M(Large b) {
    b.vector.priceAndGreeks(b.in, b.basic);
    return b.basic;
  }
}
