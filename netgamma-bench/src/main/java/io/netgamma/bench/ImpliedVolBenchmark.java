package io.netgamma.bench;

import com.opengamma.strata.pricer.impl.option.BlackFormulaRepository;
import io.netgamma.core.pricing.LetsBeRational;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Implied volatility from the rate-0 Black-76 price: netgamma's {@link LetsBeRational} (scalar and batch) against
 * Strata's {@link BlackFormulaRepository#impliedVolatility(double, double, double, double, boolean)}. Score: ns per
 * option, averaged over {@value #N} seeded random options ({@link BenchData}: forward 50-150, strike 0.7-1.3 x
 * forward, 1 day-2 years, vol 20-150%, calls and puts) whose prices come from netgamma's {@code Black76}. Every
 * result is stored into an output array held by the state.
 *
 * <p>The set is used as drawn, as a user's loop would see it: it includes deep in-the-money short-dated options whose
 * double price carries no vol information and far out-of-the-money ones with tiny prices (where Strata returns 0).
 * The side-by-side runner ({@link SideBySide}) counts those failures; here only the time matters. A Strata exception
 * is caught (and counted in {@link #strataExceptions}) so that one bad option does not end the loop.
 *
 * <p>Run: {@code ./netgamma jmh ImpliedVol -rf json -rff bench-results/implied-vol.json}; add {@code -prof gc} for
 * the allocation rate (netgamma allocates nothing; Strata boxes inside its root finder).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class ImpliedVolBenchmark {

  /** Options per invocation. */
  static final int N = 1024;

  BenchData d;
  double[] vol;
  long strataExceptions;

  /** Draws the seeded options (prices included) and allocates the output. */
  @Setup
  public void setUp() {
    d = BenchData.generate(N);
    vol = new double[N];
  }

  /** netgamma: {@code LetsBeRational.impliedVolatility} one option at a time. */
  @Benchmark
  @OperationsPerInvocation(N)
  public double[] netgammaScalar() {
    for (int i = 0; i < N; i++) {
      vol[i] = LetsBeRational.impliedVolatility(d.price[i], d.forward[i], d.strike[i], d.t[i], d.theta[i]);
    }
    return vol;
  }

  /** netgamma: the batch overload over the structure-of-arrays inputs. */
  @Benchmark
  @OperationsPerInvocation(N)
  public double[] netgammaBatch() {
    LetsBeRational.impliedVolatility(d.price, d.forward, d.strike, d.t, d.theta, N, vol);
    return vol;
  }

  /** Strata: {@code BlackFormulaRepository.impliedVolatility(price, forward, strike, t, isCall)}. */
  @Benchmark
  @OperationsPerInvocation(N)
  public double[] strata() {
    for (int i = 0; i < N; i++) {
      try {
        vol[i] = BlackFormulaRepository.impliedVolatility(d.price[i], d.forward[i], d.strike[i], d.t[i],
            d.isCall[i]);
      } catch (RuntimeException e) {
        vol[i] = Double.NaN;
        strataExceptions++;
      }
    }
    return vol;
  }
}
