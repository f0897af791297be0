package io.netgamma.cli;

import io.netgamma.data.sample.SampleChainGenerator;
import io.netgamma.data.tardis.ChainRow;
import io.netgamma.data.tardis.TardisChainWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code netgamma sample-chain}: writes one underlying's options of the seeded synthetic market
 * ({@link SampleChainGenerator} over {@link io.netgamma.core.sim.market.MarketGenerator}) as a Tardis CSV.
 */
@Command(
    name = "sample-chain",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    headerHeading = "%n",
    header = "Write a realistic sample option chain (Tardis options_chain CSV), reproducible from its seed.",
    descriptionHeading = "%n",
    description = {
        "One underlying's inverse options from netgamma's seeded synthetic market (the market generator of "
            + "sample-market): Deribit's expiries as of the timestamp (4 daily, 3 weekly, 3 monthly and 4 quarterly, "
            + "08:00 UTC; futures on 2 weeklies, 1 monthly and the quarterlies), 200 options on evenly spaced "
            + "strikes, arbitrage-free SSVI smiles with put skew and an upward term structure, bid/ask on Deribit's "
            + "tick with sizes, and open interest.",
        "Each row as Tardis writes Deribit's: mark price (coin, 8 decimals) and mark IV (percent, 2 decimals) from "
            + "the generator; bid/ask IVs recovered from the bid/ask prices; underlying_index the expiry's future or "
            + "its SYN. forward, underlying_price that forward; greeks Black-76 at the row's mark IV, forward and "
            + "timestamp in Deribit's units and rounding (5 decimals, theta floored at minus the USD value); "
            + "last_price empty (no trades).",
        "The same options always give the same file. samples/btc-options-chain.csv was made with the defaults."},
    optionListHeading = "%nOptions:%n",
    footerHeading = "%n",
    footer = {
        "Examples:",
        "  netgamma sample-chain --out samples/btc-options-chain.csv",
        "  netgamma sample-chain --out eth.csv --underlying ETH --spot 3000 --timestamp 2025-01-10T12:00:00Z",
        "  netgamma sample-chain --out - --seed 7 | head",
        "",
        "Exit codes: 0 success; 2 usage error or the file cannot be written; 3 internal error."})
final class SampleChainCommand implements Callable<Integer> {

  /** The supported underlyings. */
  enum Underlying {
    BTC, ETH
  }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "file to write ('-' for stdout)")
  String out;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "" + SampleChainGenerator.DEFAULT_SEED,
      description = "random seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--underlying", paramLabel = "BTC|ETH", defaultValue = "BTC",
      description = "underlying coin (default ${DEFAULT-VALUE})")
  Underlying underlying;

  @Option(names = "--spot", paramLabel = "X",
      description = "spot (index) price in USD (default 105000 for BTC, 2600 for ETH)")
  Double spot;

  @Option(names = "--timestamp", paramLabel = "ISO",
      description = "snapshot time, ISO-8601 UTC (default 2025-06-02T10:00:00Z)")
  String timestamp;

  @Override
  public Integer call() {
    String coin = underlying.name();
    double s = spot != null ? spot : SampleChainGenerator.defaultSpot(coin);
    if (!(s > 0 && s < 1e12)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--spot must be a positive price in USD, got "
          + spot);
    }
    Instant at = SampleChainGenerator.DEFAULT_TIMESTAMP;
    if (timestamp != null) {
      try {
        at = Instant.parse(timestamp);
      } catch (DateTimeParseException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--timestamp must be an ISO-8601 UTC instant "
            + "such as 2025-06-02T10:00:00Z, got '" + timestamp + "'");
      }
    }
    SampleChainGenerator.Spec chain;
    try {
      chain = new SampleChainGenerator.Spec(coin, s, at, seed);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    List<ChainRow> rows = SampleChainGenerator.generate(chain);
    PrintWriter err = spec.commandLine().getErr();
    if (out.equals("-")) {
      PrintWriter stdout = spec.commandLine().getOut();
      TardisChainWriter writer = TardisChainWriter.of(stdout, "stdout");
      rows.forEach(writer::write);
      stdout.flush();
    } else {
      try (TardisChainWriter writer = TardisChainWriter.create(Path.of(out))) {
        rows.forEach(writer::write);
      }
    }
    long expiries = rows.stream().map(ChainRow::expiration).distinct().count();
    err.println("wrote " + rows.size() + " options (" + expiries + " expiries) of " + coin + ", spot "
        + TardisChainWriter.formatNumber(s) + " USD, at " + at + ", seed " + seed + " to "
        + (out.equals("-") ? "stdout" : out));
    err.flush();
    return Main.EXIT_OK;
  }
}
