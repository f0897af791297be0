package io.netgamma.bench;

import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.portfolio.AssetRisk;
import io.netgamma.core.portfolio.ExpiryKey;
import io.netgamma.core.portfolio.GreeksAggregator;
import io.netgamma.core.portfolio.NetGreeks;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.core.portfolio.PortfolioValuation;
import io.netgamma.core.portfolio.PortfolioValuer;
import io.netgamma.core.portfolio.ReferenceEquivalent;
import io.netgamma.core.risk.netting.NettingAnalyzer;
import io.netgamma.core.risk.netting.NettingReport;
import io.netgamma.core.risk.netting.NettingSettings;
import io.netgamma.core.risk.scenario.ScenarioEngine;
import io.netgamma.core.risk.scenario.ScenarioGrid;
import io.netgamma.core.risk.scenario.ScenarioSpec;
import io.netgamma.core.sim.book.DemoBook;

import java.util.LinkedHashMap;
import java.util.Map;
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
 * The numbers of {@code netgamma report} for a 10,000-position desk book, end to end in the engine: valuation,
 * aggregation, netting and the 21 × 5 scenario grid. Score: <b>milliseconds per report</b>, single thread. The
 * issue's target is a 10k-position report with a 21×5 grid in under 1 s.
 *
 * <p>The book and market: {@code DemoBook.generate(42, positions)} — the generated BTC and ETH market of
 * {@code report --demo} (about 1,600 listed options, SSVI surfaces) and a market maker's book of {@code positions}
 * positions on it (options drawn by open interest, so a 10,000-position book holds most listed options several
 * times, plus futures and perpetual hedges and collateral).
 *
 * <p>What {@link #report} times, as {@code report} computes it: {@link PortfolioValuer#value} (surface volatilities,
 * the SIMD batch kernel, 15 measures scattered to every position); net greeks by underlying (positions and with
 * collateral) and by expiry; the BTC-equivalent delta and gamma ({@link GreeksAggregator#referenceEquivalent});
 * {@link NettingAnalyzer#analyze} (gross vs net, hedging flow, correlation stress); the full-revaluation grid of 21
 * spot shifts × 5 vol shifts ({@link ScenarioEngine#grid}, {@link ScenarioSpec#DEFAULT}). The asset risk (30-day ATM
 * vols of the surfaces, ETH–BTC correlation 0.8) is built once in {@link #setUp}: the command builds it in
 * microseconds. Not timed: generating the book and market (the command's input), formatting output and the gamma
 * profile of the charts.
 *
 * <p>Run: {@code ./netgamma jmh Report -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class ReportBenchmark {

  /** Positions in the book. */
  @Param({"10000"})
  public int positions;

  MarketSnapshot market;
  Portfolio book;
  AssetRisk risk;
  NettingSettings settings;

  /** What one report computes (returned so that nothing is dead code). */
  public record Result(PortfolioValuation valuation, Map<String, NetGreeks> byUnderlying,
      Map<String, NetGreeks> withCollateral, Map<ExpiryKey, NetGreeks> byExpiry, ReferenceEquivalent equivalent,
      NettingReport netting, ScenarioGrid grid) {
  }

  /** Generates the demo market and book and the asset risk; runs one report and checks its size. */
  @Setup
  public void setUp() {
    DemoBook demo = DemoBook.generate(DemoBook.DEFAULT_SEED, positions);
    market = demo.market();
    book = demo.portfolio();
    Map<String, Double> vols = new LinkedHashMap<>();
    for (String u : new String[] {"BTC", "ETH"}) {
      vols.put(u, market.surface(u).orElseThrow().volatility(0.0, 30 / 365.0));
    }
    risk = new AssetRisk("BTC", vols, Map.of("ETH", 0.8));
    settings = NettingSettings.DEFAULT.withVolatilities(vols);
    Result r = report();
    if (r.valuation().size() != positions || r.grid().spec().spotCount() != 21 || r.grid().spec().volCount() != 5
        || r.grid().pnlUsd(10, 2) != 0.0) {
      throw new IllegalStateException("unexpected report: " + r.valuation().size() + " positions, grid "
          + r.grid().spec());
    }
  }

  /** The whole report: valuation, aggregation, netting, 21 × 5 grid. */
  @Benchmark
  public Result report() {
    PortfolioValuation v = PortfolioValuer.DEFAULT.value(book, market);
    return new Result(v, GreeksAggregator.byUnderlying(v), GreeksAggregator.byUnderlying(v, true),
        GreeksAggregator.byExpiry(v), GreeksAggregator.referenceEquivalent(v, risk, AssetRisk.Weighting.BETA, false),
        NettingAnalyzer.analyze(v, market, risk, settings), ScenarioEngine.DEFAULT.grid(v, ScenarioSpec.DEFAULT));
  }

  /** The valuation alone (the part every consumer reads). */
  @Benchmark
  public PortfolioValuation valuation() {
    return PortfolioValuer.DEFAULT.value(book, market);
  }
}
