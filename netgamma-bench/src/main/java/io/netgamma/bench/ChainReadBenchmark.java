package io.netgamma.bench;

import io.netgamma.data.io.ReadSummary;
import io.netgamma.data.sample.SampleChainGenerator;
import io.netgamma.data.tardis.ChainRow;
import io.netgamma.data.tardis.TardisChainReader;
import io.netgamma.data.tardis.TardisChainWriter;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a Tardis {@code options_chain} CSV with {@link TardisChainReader#DEFAULT}. Score: <b>rows per second</b>
 * (JMH "ops/s", one op = one row), reading a plain (not gzipped) file of {@value #ROWS} rows from disk, UTF-8
 * decoding and row validation included. The file is usually in the page cache after the first iteration, so this
 * measures the parser, not the disk.
 *
 * <p>The file is written in {@link #setUp()} to a temporary file (deleted in {@link #tearDown()}; about 220 MB):
 * the seeded BTC sample chain of {@link SampleChainGenerator} (every column filled as Tardis writes it: bids, asks,
 * IVs, greeks), repeated with the snapshot time shifted by one second per repetition. It does not need the shared
 * market data. The consumer sums the mark IVs and the forwards of every row, and the benchmark checks that every
 * row was accepted, so nothing is dead code and no row is skipped silently.
 *
 * <p>Run: {@code ./netgamma jmh ChainRead -rf json -rff bench-results/chain-read.json}; add {@code -prof gc} for
 * the allocation per row.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class ChainReadBenchmark {

  /** Data rows in the file. */
  static final int ROWS = 1_000_000;

  Path file;

  /** Writes the {@value #ROWS}-row file. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    List<ChainRow> chain = SampleChainGenerator.generate(SampleChainGenerator.Spec.defaults("BTC"));
    file = Files.createTempFile("netgamma-chain-read-", ".csv");
    file.toFile().deleteOnExit(); // also when the run is interrupted before tearDown
    int written = 0;
    try (TardisChainWriter writer = TardisChainWriter.create(file)) {
      for (int rep = 0; written < ROWS; rep++) {
        Duration shift = Duration.ofSeconds(rep);
        for (int i = 0; i < chain.size() && written < ROWS; i++) {
          writer.write(shifted(chain.get(i), shift));
          written++;
        }
      }
    }
  }

  /** Deletes the file. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
  }

  /** The same row, stamped {@code shift} later (its expiry is unchanged and still ahead). */
  static ChainRow shifted(ChainRow r, Duration shift) {
    Instant ts = r.timestamp().plus(shift);
    Instant local = r.localTimestamp().plus(shift);
    return new ChainRow(0, r.exchange(), r.symbol(), r.instrument(), ts, local, r.type(), r.strike(),
        r.expiration(), r.openInterest(), r.lastPriceCoin(), r.bidPriceCoin(), r.bidAmount(), r.bidIvFraction(),
        r.askPriceCoin(), r.askAmount(), r.askIvFraction(), r.markPriceCoin(), r.markIvFraction(),
        r.underlyingIndex(), r.underlyingPrice(), r.delta(), r.gamma(), r.vega(), r.theta(), r.rho());
  }

  /** A consumer that keeps a sum of every row's mark IV and forward. */
  static final class Sum {
    double total;

    void add(ChainRow row) {
      total += row.markIvFraction() + row.underlyingPrice() + row.timestamp().getEpochSecond();
    }
  }

  /** {@code TardisChainReader.DEFAULT.read(file, ...)}: the whole file, streaming. */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public double readFile() {
    Sum sum = new Sum();
    ReadSummary summary = TardisChainReader.DEFAULT.read(file, sum::add, issue -> {
      throw new IllegalStateException("unexpected bad row: " + issue);
    });
    if (summary.rowsAccepted() != ROWS) {
      throw new IllegalStateException("expected " + ROWS + " rows, read " + summary);
    }
    return sum.total;
  }
}
