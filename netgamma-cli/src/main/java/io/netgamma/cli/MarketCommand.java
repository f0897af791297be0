package io.netgamma.cli;

import io.netgamma.cli.SurfaceCommand.Messages;
import io.netgamma.core.market.ForwardCurveBuilder;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.data.DataFileException;
import io.netgamma.data.market.ChainSnapshot;
import io.netgamma.data.market.ChainSnapshotBuilder;
import io.netgamma.data.market.FuturesFile;
import io.netgamma.data.market.IndexOverrides;
import io.netgamma.data.market.LatestChainRows;
import io.netgamma.data.snapshot.MarketSnapshotJson;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code netgamma market}: converts venue data — a Tardis {@code options_chain} CSV and, optionally, Deribit
 * tickers or book summaries of futures and perpetuals — into netgamma's market-snapshot JSON
 * ({@link MarketSnapshotJson}).
 *
 * <p>Rules (implemented by {@link ChainSnapshotBuilder}, shared with {@link io.netgamma.data.market.MarketLoader}):
 * <ul>
 *   <li>the snapshot instant is the latest row timestamp of the chain; each option's quote comes from its latest
 *       row (mark, mark IV, best bid/ask with amounts, open interest, and its forward {@code underlying_price});
 *       options expired at their row's timestamp or at the snapshot instant are left out and counted;</li>
 *   <li>{@code --futures}: the futures and perpetuals of a Deribit {@code public/ticker} / {@code get_order_book}
 *       or {@code get_book_summary_by_currency} JSON file (the kind is recognised from the content) are added, the
 *       latest result of each; options in that file are ignored (the chain's are used);</li>
 *   <li>the index price of each underlying, in order of preference: {@code --index}; the {@code index_price} of the
 *       latest ticker of that underlying in the {@code --futures} file; else the median {@code underlying_price}
 *       of the chain's nearest unexpired expiry (a tardis chain has no index column; that forward is within the
 *       carry of a few hours of the index). Which one was used is printed on stderr;</li>
 *   <li>each underlying with an index gets the forward curve {@link ForwardCurveBuilder#DEFAULT} builds: a dated
 *       future's mark where there is one, else the median forward of the expiry's options, else put–call
 *       parity.</li>
 * </ul>
 */
@Command(
    name = "market",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    headerHeading = "%n",
    header = "Convert an option chain (and futures tickers) to netgamma's market-snapshot JSON.",
    descriptionHeading = "%n",
    description = {
        "Reads a Tardis.dev options_chain CSV and writes one market snapshot: the snapshot instant (the latest row "
            + "timestamp), per underlying the index price and the forward curve, and one quote per instrument: "
            + "mark (coin), mark_iv (fraction), bid/ask (coin) with amounts (contracts), open_interest and the "
            + "option's forward (underlying_price, USD). The latest row of each option is used; expired options are "
            + "left out.",
        "",
        "--futures adds the dated futures and perpetuals of a Deribit public/ticker, get_order_book or "
            + "get_book_summary_by_currency JSON file (JSON lines, an array or the JSON-RPC response): their marks "
            + "(USD per coin), bid/ask, open interest and the perpetual's funding_8h. A future's mark becomes the "
            + "forward of its expiry; options in that file are ignored.",
        "",
        "Index price (USD per coin) of each underlying: --index if given; else the index_price of the latest "
            + "ticker of that underlying in the --futures file; else the median underlying_price (forward) of the "
            + "chain's nearest expiry, which the chain always has. stderr says which was used.",
        "Forward curve nodes: a future's mark where a future of that expiry is given, else the median "
            + "underlying_price of the expiry's options, else put-call parity on mid prices."},
    optionListHeading = "%nOptions:%n",
    footerHeading = "%n",
    footer = {
        "Examples:",
        "  netgamma market --chain samples/btc-options-chain.csv --out snapshot.json",
        "  netgamma market --chain chain.csv --futures tickers.jsonl --out snapshot.json",
        "  netgamma market --chain chain.csv --index BTC=9080.12 --out - | head -3",
        "",
        "Bad rows are skipped with their line and reason on stderr and counted in the closing summary on stderr.",
        "Exit codes: 0 success; 1 no quote could be made (no usable row); 2 usage error, bad or unwritable file; "
            + "3 internal error."})
final class MarketCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--chain", required = true, paramLabel = "FILE",
      description = "Tardis.dev options_chain CSV file (plain or .gz), e.g. samples/btc-options-chain.csv")
  Path chain;

  @Option(names = "--futures", paramLabel = "FILE", description = "Deribit ticker / order-book / book-summary JSON "
      + "of futures and perpetuals to merge in (plain or .gz)")
  Path futures;

  @Option(names = "--index", paramLabel = "COIN=PRICE", description = "index price in USD per coin, e.g. "
      + "BTC=9080.12 (repeat for several underlyings; a bare PRICE when the chain has one underlying)")
  List<String> index = new ArrayList<>();

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "snapshot JSON file to write "
      + "('-' for stdout)")
  String out;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Messages messages = new Messages(err, ChainCommand.MAX_ROW_MESSAGES);
    LatestChainRows rows = LatestChainRows.read(chain, messages);
    FuturesFile fut = futures == null ? null : FuturesFile.read(futures, messages);
    ChainSnapshot built = ChainSnapshotBuilder.DEFAULT.build(rows, fut, parseIndex(rows, fut), null);
    StringBuilder text = new StringBuilder();
    text.append(rows.summary().rowsRead()).append(rows.summary().rowsRead() == 1 ? " row" : " rows")
        .append(" read, ").append(built.optionQuotes()).append(" option quotes");
    long skipped = built.skipped().values().stream().mapToLong(Long::longValue).sum();
    text.append(", ").append(skipped).append(" skipped");
    ChainCommand.appendCounts(text, built.skipped());
    if (rows.superseded() > 0) {
      text.append(", ").append(rows.superseded()).append(" superseded by a later row");
    }
    err.println(text);
    if (fut != null) {
      err.println(futures + ": " + fut.summary().rowsRead() + " " + fut.kind() + " read, " + built.futuresMerged()
          + " futures/perpetuals merged" + (built.futuresIgnored().isEmpty() ? "" : ", ignored:"
              + countsText(built.futuresIgnored())) + (fut.summary().rowsSkipped() == 0 ? ""
                  : ", " + fut.summary().rowsSkipped() + " bad"));
      if (built.snapshot() != null) {
        ChainSnapshotBuilder.timeGapNote(built.snapshot(), fut).ifPresent(err::println);
      }
    }
    for (String line : built.notes()) {
      err.println(line);
    }
    if (built.snapshot() == null || built.snapshot().quotes().isEmpty()) {
      err.println("netgamma: no quote could be made from " + chain + (futures == null ? "" : " and " + futures)
          + "; nothing written");
      return Main.EXIT_NOTHING_PROCESSED;
    }
    write(built.snapshot());
    err.println("wrote " + (out.equals("-") ? "the snapshot to stdout" : out) + " (" + built.snapshot().timestamp()
        + ", " + built.snapshot().quotes().size() + " instruments)");
    return Main.EXIT_OK;
  }

  private void write(MarketSnapshot snapshot) {
    if (out.equals("-")) {
      PrintWriter w = spec.commandLine().getOut();
      MarketSnapshotJson.DEFAULT.write(snapshot, w);
      w.flush();
      return;
    }
    Path file = Path.of(out);
    if (Files.isDirectory(file)) {
      throw new DataFileException(out + ": is a directory; give the snapshot file to write");
    }
    MarketSnapshotJson.DEFAULT.write(snapshot, file);
  }

  /**
   * Parses {@code --index} ({@link IndexOverrides}): {@code COIN=PRICE}, or a bare price when the inputs have a
   * single underlying; a bad value is a usage error.
   */
  private Map<String, Double> parseIndex(LatestChainRows rows, FuturesFile fut) {
    try {
      return IndexOverrides.resolve(index, () -> {
        Set<String> all = new LinkedHashSet<>();
        rows.rows().forEach(r -> all.add(r.instrument().underlying()));
        if (fut != null) {
          fut.quotes().values().forEach(q -> all.add(q.instrument().underlying()));
        }
        return all;
      });
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private static String countsText(Map<String, Long> counts) {
    StringBuilder sb = new StringBuilder();
    counts.forEach((k, v) -> sb.append(' ').append(v).append(' ').append(k).append(','));
    return sb.substring(0, sb.length() - 1);
  }
}
