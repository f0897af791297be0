package io.netgamma.bench;

import com.opengamma.strata.basics.value.ValueDerivatives;
import com.opengamma.strata.collect.tuple.Pair;
import com.opengamma.strata.pricer.impl.option.BlackFormulaRepository;
import io.netgamma.core.pricing.Black76;

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
 * Price + delta + gamma + vega + theta of one option at a time: netgamma's scalar {@link Black76#priceAndGreeks}
 * against the three ways a Strata user gets the same five numbers from {@link BlackFormulaRepository}. Score:
 * ns per option, averaged over {@value #N} seeded random options ({@link BenchData}, rate 0) that stay in cache.
 * Every result is stored into an output array held by the state, so nothing is dead code.
 *
 * <p>Run: {@code ./netgamma jmh ScalarPricing -rf json -rff bench-results/scalar-pricing.json}; add
 * {@code -prof gc} for the allocation rate (netgamma's path allocates nothing; Strata's return objects).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class ScalarPricingBenchmark {

  /** Options per invocation. */
  static final int N = 1024;

  BenchData d;
  double[] work;
  double[] price;
  double[] delta;
  double[] gamma;
  double[] vega;
  double[] theta;

  /** Draws the seeded options and allocates the outputs. */
  @Setup
  public void setUp() {
    d = BenchData.generate(N);
    work = new double[Black76.SIZE];
    price = new double[N];
    delta = new double[N];
    gamma = new double[N];
    vega = new double[N];
    theta = new double[N];
  }

  /** netgamma: one call fills price and all 12 greeks (units: vega per vol point, theta per day). */
  @Benchmark
  @OperationsPerInvocation(N)
  public double[] netgammaPriceAndGreeks() {
    Black76 black = Black76.DEFAULT;
    double[] g = work;
    for (int i = 0; i < N; i++) {
      black.priceAndGreeks(d.theta[i], d.forward[i], d.strike[i], d.t[i], d.vol[i], 0.0, g);
      price[i] = g[Black76.PRICE];
      delta[i] = g[Black76.DELTA];
      gamma[i] = g[Black76.GAMMA];
      vega[i] = g[Black76.VEGA];
      theta[i] = g[Black76.THETA];
    }
    return theta;
  }

  /** Strata: five separate calls. */
  @Benchmark
  @OperationsPerInvocation(N)
  public double[] strataFiveCalls() {
    for (int i = 0; i < N; i++) {
      double f = d.forward[i];
      double k = d.strike[i];
      double t = d.t[i];
      double v = d.vol[i];
      boolean call = d.isCall[i];
      price[i] = BlackFormulaRepository.price(f, k, t, v, call);
      delta[i] = BlackFormulaRepository.delta(f, k, t, v, call);
      gamma[i] = BlackFormulaRepository.gamma(f, k, t, v);
      vega[i] = BlackFormulaRepository.vega(f, k, t, v);
      theta[i] = BlackFormulaRepository.theta(f, k, t, v, call, 0.0);
    }
    return theta;
  }

  /** Strata: {@code priceAdjoint} (price, ∂/∂F, ∂/∂T, ∂/∂σ) plus a {@code gamma} call; theta = −∂V/∂T. */
  @Benchmark
  @OperationsPerInvocation(N)
  public double[] strataPriceAdjointPlusGamma() {
    for (int i = 0; i < N; i++) {
      double f = d.forward[i];
      double k = d.strike[i];
      double t = d.t[i];
      double v = d.vol[i];
      ValueDerivatives vd = BlackFormulaRepository.priceAdjoint(f, k, t, v, d.isCall[i]);
      price[i] = vd.getValue();
      delta[i] = vd.getDerivative(0);
      theta[i] = -vd.getDerivative(2);
      vega[i] = vd.getDerivative(3);
      gamma[i] = BlackFormulaRepository.gamma(f, k, t, v);
    }
    return theta;
  }

  /** Strata: {@code priceAdjoint2}, all five in one call (gamma = second derivative [0][0]). */
  @Benchmark
  @OperationsPerInvocation(N)
  public double[] strataPriceAdjoint2() {
    for (int i = 0; i < N; i++) {
      Pair<ValueDerivatives, double[][]> r =
          BlackFormulaRepository.priceAdjoint2(d.forward[i], d.strike[i], d.t[i], d.vol[i], d.isCall[i]);
      ValueDerivatives vd = r.getFirst();
      price[i] = vd.getValue();
      delta[i] = vd.getDerivative(0);
      theta[i] = -vd.getDerivative(2);
      vega[i] = vd.getDerivative(3);
      gamma[i] = r.getSecond()[0][0];
    }
    return theta;
  }
}
