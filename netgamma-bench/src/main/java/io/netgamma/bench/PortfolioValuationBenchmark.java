package io.netgamma.bench;

import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.Quote;
import io.netgamma.core.portfolio.ExpiryKey;
import io.netgamma.core.portfolio.GreeksAggregator;
import io.netgamma.core.portfolio.NetGreeks;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.core.portfolio.PortfolioValuation;
import io.netgamma.core.portfolio.PortfolioValuer;
import io.netgamma.core.portfolio.Position;
import io.netgamma.core.pricing.BatchPricers;
import io.netgamma.core.sim.market.MarketGenerator;
import io.netgamma.core.sim.market.MarketSpec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
 * Valuing a 100,000-position book on a generated BTC + ETH market: {@link PortfolioValuer#value} (every distinct
 * instrument priced once through the SIMD batch kernel, all 15 measures scattered to every position), and the
 * aggregations that read the valuation. Score: <b>milliseconds per valuation</b>, single thread. The target
 * is 100k positions in &le; 10 ms.
 *
 * <p>The market: {@code MarketGenerator.DEFAULT.generate(MarketSpec.btcEth(2025-03-03T12:00Z)
 * .withOptionCount(options), 42)}, i.e. {@code options} inverse options plus the futures and perpetuals of BTC and
 * ETH, with SVI surfaces. The book: {@value #POSITIONS} positions on instruments drawn uniformly (seed 7) from the
 * market's quotes, quantities ±0.1 to ±50 coins, so about all instruments are held and each ~50 times. Option
 * volatilities come from the surfaces ({@code VolSource.SURFACE}).
 *
 * <p>What is timed in {@link #value}: the per-instrument market look-ups (forward curve, surface), the batch
 * kernel, the scatter (15 × 100,000 multiplications) and the compensated net quantity per instrument. The
 * portfolio's instrument index is built once with the portfolio ({@link #buildPortfolio} times that). The
 * valuation allocates its output arrays (15 × 100,000 doubles, ~12 MB) and nothing per position: run with
 * {@code -prof gc} and {@code gc.alloc.rate.norm} is ≈ 12.3 MB per operation.
 *
 * <p>Warm-up is 10 s: the valuation reaches its steady state only once C2 has compiled the SIMD kernel, which takes
 * several seconds on a busy machine (before that a valuation takes 5–20 ms).
 *
 * <p>Run: {@code ./netgamma jmh PortfolioValuation -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class PortfolioValuationBenchmark {

  /** Positions in the book. */
  static final int POSITIONS = 100_000;

  /** Options in the generated market. */
  @Param({"2000"})
  public int options;

  MarketSnapshot market;
  List<Position> positions;
  Portfolio portfolio;
  PortfolioValuation valuation;
  PortfolioValuer scalar;

  /** Generates the market and the book, and values it once (checks that every position is valued). */
  @Setup
  public void setUp() {
    market = MarketGenerator.DEFAULT.generate(
        MarketSpec.btcEth(Instant.parse("2025-03-03T12:00:00Z")).withOptionCount(options), 42);
    List<Instrument> instruments = market.quotes().stream().map(Quote::instrument).toList();
    SplittableRandom random = new SplittableRandom(7);
    positions = new ArrayList<>(POSITIONS);
    for (int i = 0; i < POSITIONS; i++) {
      Instrument instrument = instruments.get(random.nextInt(instruments.size()));
      double quantity = (random.nextBoolean() ? 1 : -1) * Math.round(random.nextDouble(0.1, 50) * 10) / 10.0;
      positions.add(Position.of(instrument, quantity));
    }
    portfolio = Portfolio.of("bench", positions, Map.of("BTC", 100.0, "USDC", 1e6));
    valuation = PortfolioValuer.DEFAULT.value(portfolio, market);
    scalar = PortfolioValuer.DEFAULT.withPricer(BatchPricers.scalar());
    if (valuation.size() != POSITIONS) {
      throw new IllegalStateException("valued " + valuation.size() + " positions, expected " + POSITIONS);
    }
  }

  /** Values the whole book with the default valuer (SIMD kernel when the Vector API is present). */
  @Benchmark
  public PortfolioValuation value() {
    return PortfolioValuer.DEFAULT.value(portfolio, market);
  }

  /** The same with the scalar batch kernel. */
  @Benchmark
  public PortfolioValuation valueScalarKernel() {
    return scalar.value(portfolio, market);
  }

  /** Net greeks per underlying and per expiry from an existing valuation. */
  @Benchmark
  public Map<ExpiryKey, NetGreeks> aggregateByExpiry() {
    return GreeksAggregator.byExpiry(valuation);
  }

  /** Building the portfolio and its instrument index from 100,000 positions (once per book, not per tick). */
  @Benchmark
  public Portfolio buildPortfolio() {
    return Portfolio.of("bench", positions);
  }
}
