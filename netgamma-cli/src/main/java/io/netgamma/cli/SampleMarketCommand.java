package io.netgamma.cli;

import io.netgamma.core.instrument.InstrumentKind;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.Quote;
import io.netgamma.core.sim.market.MarketGenerator;
import io.netgamma.core.sim.market.MarketSpec;
import io.netgamma.data.sample.SampleChainGenerator;
import io.netgamma.data.snapshot.MarketSnapshotJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code netgamma sample-market}: writes a seeded, Deribit-like BTC and ETH market as market-snapshot JSON. */
@Command(
    name = "sample-market",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    headerHeading = "%n",
    header = "Write a realistic BTC and ETH market (market-snapshot JSON), reproducible from its seed.",
    descriptionHeading = "%n",
    description = {
        "Index prices (BTC 95,000, ETH 3,500 USD), forward curves, perpetuals with funding, dated futures and "
            + "inverse options on Deribit's expiries (4 dailies, 3 weeklies, 3 monthlies, 4 quarterlies, 08:00 UTC), "
            + "priced with Black-76 from an arbitrage-free SSVI smile per expiry, with bid/ask on Deribit's tick "
            + "(0.0001 coin below 0.005, 0.0005 above), 5 levels of book depth and open interest.",
        "Units: option mark, bid, ask in coin; mark_iv a fraction; futures and perpetuals in USD; option amounts "
            + "and open interest in coins, future and perpetual amounts in USD; funding_8h a fraction.",
        "Without --options, Deribit-like strike grids (about 1,600 options); with --options N, exactly N options "
            + "(even, at least 2 per expiry and underlying) on evenly spaced strikes, for benchmarks.",
        "The same options always give the same file."},
    optionListHeading = "%nOptions:%n",
    footerHeading = "%n",
    footer = {
        "Examples:",
        "  netgamma sample-market --out market.json",
        "  netgamma sample-market --out bench.json --options 100000 --seed 7",
        "  netgamma sample-market --out - --timestamp 2026-02-04T04:24:00Z | head -3",
        "",
        "Exit codes: 0 success; 2 usage error or the file cannot be written; 3 internal error."})
final class SampleMarketCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "file to write ('-' for stdout)")
  String out;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "" + SampleChainGenerator.DEFAULT_SEED,
      description = "random seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--options", paramLabel = "N",
      description = "exactly N options, evenly spaced strikes (default: Deribit-like strike grids)")
  Integer options;

  @Option(names = "--timestamp", paramLabel = "ISO",
      description = "snapshot time, ISO-8601 UTC (default 2025-06-02T10:00:00Z)")
  String timestamp;

  @Override
  public Integer call() {
    Instant at = SampleChainGenerator.DEFAULT_TIMESTAMP;
    if (timestamp != null) {
      try {
        at = Instant.parse(timestamp);
      } catch (DateTimeParseException e) {
        throw usage("--timestamp must be an ISO-8601 UTC instant such as 2025-06-02T10:00:00Z, got '" + timestamp
            + "'");
      }
    }
    MarketSpec market;
    try {
      market = MarketSpec.btcEth(at);
    } catch (IllegalArgumentException e) {
      throw usage("--timestamp: " + e.getMessage());
    }
    if (options != null) {
      try {
        market = market.withOptionCount(options);
      } catch (IllegalArgumentException e) {
        throw usage("--options " + options + ": " + e.getMessage());
      }
      int chains = market.chainCount();
      if (options < 2 * chains) {
        throw usage("--options " + options + ": the market has " + chains + " option chains (2 underlyings x "
            + chains / 2 + " expiries), so it needs at least " + 2 * chains + " options");
      }
    }
    MarketSnapshot snapshot = MarketGenerator.DEFAULT.generate(market, seed);
    if (out.equals("-")) {
      PrintWriter stdout = spec.commandLine().getOut();
      MarketSnapshotJson.DEFAULT.write(snapshot, stdout);
      stdout.flush();
    } else {
      MarketSnapshotJson.DEFAULT.write(snapshot, Path.of(out));
    }
    long opts = count(snapshot, InstrumentKind.OPTION);
    PrintWriter err = spec.commandLine().getErr();
    err.println("wrote " + opts + " options, " + count(snapshot, InstrumentKind.FUTURE) + " futures and "
        + count(snapshot, InstrumentKind.PERPETUAL) + " perpetuals of " + String.join(", ", snapshot.underlyings())
        + " (" + market.schedule().expiries(at).size() + " expiries) at " + at + ", seed " + seed + " to "
        + (out.equals("-") ? "stdout" : out));
    err.flush();
    return Main.EXIT_OK;
  }

  private static long count(MarketSnapshot snapshot, InstrumentKind kind) {
    return snapshot.quotes().stream().map(Quote::instrument).filter(i -> i.kind() == kind).count();
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
