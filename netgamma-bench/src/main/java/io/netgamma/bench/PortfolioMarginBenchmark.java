package io.netgamma.bench;

import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.margin.MarginResult;
import io.netgamma.core.margin.pm.DeribitPortfolioMargin;
import io.netgamma.core.margin.pm.PmParameters;
import io.netgamma.core.portfolio.PortfolioValuation;
import io.netgamma.core.portfolio.PortfolioValuer;
import io.netgamma.core.pricing.Black76;
import io.netgamma.core.sim.book.DemoBook;
import io.netgamma.data.margin.PmParametersReader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Deribit portfolio margin of the 10,000-position demo desk book (BTC and ETH, ~1,560 distinct instruments), full
 * revaluation in 27 standard + 8 extended scenarios per underlying. Score: <b>milliseconds per margin</b>, single
 * thread; the target is &le; 2 ms.
 *
 * <p>{@link #portfolioMargin}: {@link DeribitPortfolioMargin#margin} on the book's valuation (the valuation is the
 * input every consumer shares and is not timed; {@code ReportBenchmark.valuation} times it): each distinct option
 * priced once per scenario through the SIMD batch kernel on structure-of-arrays buffers. {@link #naive}: the same
 * scenarios the way a first implementation would write them — every <em>position</em> re-priced one at a time with
 * {@link Black76#price} in every scenario (no netting of positions on the same instrument, no batch kernel); it
 * sums the standard and extended tables per underlying and takes the worst loss, without offsets or shocks (less
 * work than the real model). Parameters: the bundled BTC 2024-06 and ETH 2026-02 sets.
 *
 * <p>Run: {@code ./netgamma jmh PortfolioMargin -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class PortfolioMarginBenchmark {

  /** Positions in the book. */
  @Param({"10000"})
  public int positions;

  PortfolioValuation valuation;
  DeribitPortfolioMargin model;

  /** Generates the demo book, values it, reads the parameters; checks both paths agree on the worst case. */
  @Setup
  public void setUp() {
    DemoBook demo = DemoBook.generate(DemoBook.DEFAULT_SEED, positions);
    valuation = PortfolioValuer.DEFAULT.value(demo.portfolio(), demo.market());
    PmParameters params = PmParametersReader.DEFAULT.bundled(PmParametersReader.BTC_2024_06)
        .merge(PmParametersReader.DEFAULT.bundled(PmParametersReader.ETH_2026_02));
    model = DeribitPortfolioMargin.of(params);
    MarginResult r = portfolioMargin();
    if (valuation.size() != positions || r.currencies().size() != 2 || !(r.initialMarginUsd() > 0)) {
      throw new IllegalStateException("unexpected margin: " + r);
    }
  }

  /** The portfolio margin of the valued book. */
  @Benchmark
  public MarginResult portfolioMargin() {
    return model.margin(valuation);
  }

  /** Per scenario, per position, one Black-76 price at a time. Returns the sum of the worst losses (coin). */
  @Benchmark
  public double naive() {
    double[] ext = DeribitPortfolioMargin.extendedMoves();
    double total = 0;
    for (String u : valuation.underlyings()) {
      var pair = model.parameters().pair(u.toLowerCase(java.util.Locale.ROOT) + "_usd");
      double r = pair.priceRange();
      double worst = 0;
      for (int sc = 0; sc < 27 + ext.length; sc++) {
        double x = sc < 27 ? r * (sc / 3 - 4) / 4.0 : ext[sc - 27];
        int v = sc < 27 ? sc % 3 : 0;
        double fraction = sc < 27 ? 1.0 : r / Math.abs(x) * (1 + x) / (1 + Math.signum(x) * r);
        double pnl = 0;
        for (int i = 0; i < valuation.size(); i++) {
          if (!valuation.underlying(i).equals(u)) {
            continue;
          }
          Instrument ins = valuation.instrument(i);
          double q = valuation.quantity(i);
          double f = valuation.forward(i);
          if (ins.isOption()) {
            double t = valuation.t(i);
            double sigma = valuation.vol(i);
            double dte = 365 * t;
            double w = Math.pow(30 / dte, dte < 30 ? pair.shortTermVegaPower() : pair.longTermVegaPower());
            double s = v == 0 ? Math.max(sigma * (1 + pair.volatilityRangeUp() * w), pair.minVolatilityForShockUp())
                : v == 1 ? sigma : Math.max(sigma * (1 - pair.volatilityRangeDown() * w), 1e-4);
            double base = Black76.DEFAULT.price(ins.optionType(), f, ins.strike(), t, sigma) / f;
            double moved = Black76.DEFAULT.price(ins.optionType(), f * (1 + x), ins.strike(), t, s) / (f * (1 + x));
            pnl += q * (moved - base) * fraction;
          } else {
            pnl += q * x / (1 + x) * fraction;
          }
        }
        worst = Math.max(worst, -pnl);
      }
      total += worst;
    }
    return total;
  }
}
