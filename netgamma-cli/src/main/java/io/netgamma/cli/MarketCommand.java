package io.netgamma.cli;

import io.netgamma.cli.SurfaceCommand.LatestRows;
import io.netgamma.cli.SurfaceCommand.Messages;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.InstrumentKind;
import io.netgamma.core.market.ForwardCurveBuilder;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.OrderBook;
import io.netgamma.core.market.Quote;
import io.netgamma.data.DataFileException;
import io.netgamma.data.deribit.DeribitBookSummary;
import io.netgamma.data.deribit.DeribitJsonReader;
import io.netgamma.data.deribit.DeribitTicker;
import io.netgamma.data.io.ReadSummary;
import io.netgamma.data.io.RowIssue;
import io.netgamma.data.snapshot.MarketSnapshotJson;
import io.netgamma.data.tardis.ChainRow;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code netgamma market}: converts venue data — a Tardis {@code options_chain} CSV and, optionally, Deribit
 * tickers or book summaries of futures and perpetuals — into netgamma's market-snapshot JSON
 * ({@link MarketSnapshotJson}).
 *
 * <p>Rules ({@link #build}):
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

  /** A futures capture stamped further than this from the chain's instant gets a note on stderr. */
  static final Duration TIME_GAP_NOTE = Duration.ofMinutes(5);

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
    LatestRows rows = LatestRows.read(chain, messages);
    FuturesFile fut = futures == null ? null : FuturesFile.read(futures, messages);
    Built built = build(rows, fut, parseIndex(rows, fut));
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
      if (built.snapshot() != null && fut.latest() != null) {
        Duration gap = Duration.between(built.snapshot().timestamp(), fut.latest()).abs();
        if (gap.compareTo(TIME_GAP_NOTE) > 0) {
          err.println("note: " + futures + " is stamped " + fut.latest() + ", " + gap.toMinutes()
              + " minutes from the chain's snapshot instant " + built.snapshot().timestamp());
        }
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

  // -------------------------------------------------------------------------------------------- building

  /**
   * The snapshot and what happened on the way.
   *
   * @param snapshot the snapshot, or null when no row was usable
   * @param optionQuotes quotes made from chain rows
   * @param skipped chain rows left out, by reason (bad rows, expired)
   * @param futuresMerged futures and perpetuals added from the futures file
   * @param futuresIgnored results of the futures file not added, by reason
   * @param notes lines for stderr: the index and forward curve of each underlying
   */
  record Built(MarketSnapshot snapshot, int optionQuotes, Map<String, Long> skipped, int futuresMerged,
      Map<String, Long> futuresIgnored, List<String> notes) {
  }

  /**
   * Builds the snapshot (see the class javadoc).
   *
   * @param rows the chain's latest rows
   * @param fut the futures file, or null
   * @param indexOverride index prices given on the command line, by underlying
   */
  static Built build(LatestRows rows, FuturesFile fut, Map<String, Double> indexOverride) {
    Map<String, Long> skipped = new LinkedHashMap<>(rows.skipped());
    Map<String, Long> ignored = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    Instant latest = rows.latestTimestamp();
    if (latest == null) {
      return new Built(null, 0, skipped, 0, ignored, notes);
    }
    long now = latest.toEpochMilli(); // millisecond precision, as forward curves keep time
    Instant at = Instant.ofEpochMilli(now);
    List<Quote> quotes = new ArrayList<>();
    Set<String> underlyings = new LinkedHashSet<>();
    // nearest expiry's forwards per underlying, for the default index
    Map<String, TreeMap<Long, List<Double>>> forwards = new LinkedHashMap<>();
    for (ChainRow r : rows.rows()) {
      long expiry = r.expiration().toEpochMilli();
      if (expiry <= now) {
        skipped.merge(SurfaceCommand.EXPIRED, 1L, Long::sum);
        continue;
      }
      String u = r.instrument().underlying();
      underlyings.add(u);
      forwards.computeIfAbsent(u, x -> new TreeMap<>()).computeIfAbsent(expiry, x -> new ArrayList<>())
          .add(r.underlyingPrice());
      quotes.add(quote(r));
    }
    int optionQuotes = quotes.size();
    int merged = 0;
    Map<String, Double> tickerIndex = new LinkedHashMap<>();
    if (fut != null) {
      for (Quote q : fut.quotes().values()) {
        Instrument ins = q.instrument();
        if (ins.kind() != InstrumentKind.FUTURE && ins.kind() != InstrumentKind.PERPETUAL) {
          ignored.merge(ins.kind() == InstrumentKind.OPTION ? "options (the chain's are used)"
              : ins.kind().name().toLowerCase(Locale.ROOT), 1L, Long::sum);
          continue;
        }
        if (ins.expiry() != null && ins.expiry().toEpochMilli() <= now) {
          ignored.merge("expired", 1L, Long::sum);
          continue;
        }
        underlyings.add(ins.underlying());
        quotes.add(q);
        merged++;
      }
      tickerIndex.putAll(fut.index());
    }
    MarketSnapshot.Builder b = MarketSnapshot.builder(at);
    for (String u : indexOverride.keySet()) {
      if (!underlyings.contains(u)) {
        throw new IllegalArgumentException("--index " + u + ": no " + u + " instrument in " + rows.file()
            + (fut == null ? "" : " or " + fut.file()) + " (have: " + underlyings + ")");
      }
    }
    for (String u : underlyings) {
      double index;
      String source;
      if (indexOverride.containsKey(u)) {
        index = indexOverride.get(u);
        source = "--index";
      } else if (tickerIndex.containsKey(u)) {
        index = tickerIndex.get(u);
        source = "index_price of the latest " + u + " ticker in " + fut.file();
      } else if (forwards.containsKey(u)) {
        Map.Entry<Long, List<Double>> nearest = forwards.get(u).firstEntry();
        index = SurfaceCommand.median(nearest.getValue().stream().mapToDouble(Double::doubleValue).toArray());
        source = "median forward of the nearest expiry, " + u + "-" + Instrument.formatDate(LocalDate.ofInstant(
            Instant.ofEpochMilli(nearest.getKey()), ZoneOffset.UTC)) + "; give --index " + u + "=PRICE to set it";
      } else {
        notes.add(u + ": no index price (no option in the chain, no index_price in " + fut.file() + "): no forward "
            + "curve; give --index " + u + "=PRICE");
        continue;
      }
      b.index(u, index);
      ForwardCurveBuilder.Result curve = ForwardCurveBuilder.DEFAULT.build(u, now, index, quotes);
      b.forwardCurve(curve.curve());
      Map<ForwardCurveBuilder.Source, Integer> bySource = new EnumMap<>(ForwardCurveBuilder.Source.class);
      curve.nodes().forEach(n -> bySource.merge(n.source(), 1, Integer::sum));
      StringBuilder line = new StringBuilder();
      line.append(u).append(String.format(Locale.ROOT, ": index %.2f (%s); forward curve %d node%s", index, source,
          curve.nodes().size(), curve.nodes().size() == 1 ? "" : "s"));
      if (!bySource.isEmpty()) {
        line.append(" (");
        boolean first = true;
        for (Map.Entry<ForwardCurveBuilder.Source, Integer> e : bySource.entrySet()) {
          line.append(first ? "" : ", ").append(e.getValue()).append(' ')
              .append(e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '));
          first = false;
        }
        line.append(')');
      }
      notes.add(line.toString());
    }
    quotes.forEach(b::quote);
    return new Built(b.build(), optionQuotes, skipped, merged, ignored, notes);
  }

  /** The quote of a chain row; a best price of 0 is Deribit's "none": that side is absent. */
  static Quote quote(ChainRow r) {
    double bid = price(r.bidPriceCoin());
    double ask = price(r.askPriceCoin());
    return new Quote(r.instrument(), r.markPriceCoin(), r.markIvFraction(), bid,
        Double.isNaN(bid) ? Double.NaN : value(r.bidAmount()), ask, Double.isNaN(ask) ? Double.NaN
            : value(r.askAmount()), value(r.openInterest()), r.underlyingPrice(), Double.NaN, OrderBook.EMPTY);
  }

  private static double price(OptionalDouble p) {
    return p.isPresent() && p.getAsDouble() > 0 ? p.getAsDouble() : Double.NaN;
  }

  private static double value(OptionalDouble v) {
    return v.isPresent() ? v.getAsDouble() : Double.NaN;
  }

  /** Parses {@code --index}: {@code COIN=PRICE}, or a bare price when the inputs have a single underlying. */
  private Map<String, Double> parseIndex(LatestRows rows, FuturesFile fut) {
    Map<String, Double> result = new LinkedHashMap<>();
    for (String text : index) {
      String coin;
      String number;
      int eq = text.indexOf('=');
      if (eq >= 0) {
        coin = text.substring(0, eq).trim().toUpperCase(Locale.ROOT);
        number = text.substring(eq + 1).trim();
      } else {
        Set<String> all = new LinkedHashSet<>();
        rows.rows().forEach(r -> all.add(r.instrument().underlying()));
        if (fut != null) {
          fut.quotes().values().forEach(q -> all.add(q.instrument().underlying()));
        }
        if (all.size() != 1) {
          throw new CommandLine.ParameterException(spec.commandLine(), "--index " + text + ": the inputs have "
              + all.size() + " underlyings " + all + "; write --index COIN=PRICE");
        }
        coin = all.iterator().next();
        number = text.trim();
      }
      double price;
      try {
        price = Double.parseDouble(number);
      } catch (NumberFormatException e) {
        price = Double.NaN;
      }
      if (coin.isEmpty() || !(price > 0) || price == Double.POSITIVE_INFINITY) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--index " + text + ": expected COIN=PRICE "
            + "with a price in USD per coin > 0, e.g. BTC=9080.12");
      }
      if (result.put(coin, price) != null) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--index " + coin + " given twice");
      }
    }
    return result;
  }

  private static String countsText(Map<String, Long> counts) {
    StringBuilder sb = new StringBuilder();
    counts.forEach((k, v) -> sb.append(' ').append(v).append(' ').append(k).append(','));
    return sb.substring(0, sb.length() - 1);
  }

  // ------------------------------------------------------------------------------------------ futures file

  /**
   * The latest quote of each instrument of a Deribit JSON file of tickers (or order books) or of book summaries,
   * and the latest {@code index_price} per underlying (tickers only; an inverse instrument's preferred).
   *
   * @param file the file
   * @param kind "tickers" or "book summaries"
   * @param summary the reader's counts
   * @param quotes latest quote per instrument name
   * @param index latest index price per underlying
   * @param latest latest timestamp of the results, or null
   */
  record FuturesFile(Path file, String kind, ReadSummary summary, Map<String, Quote> quotes,
      Map<String, Double> index, Instant latest) {

    /**
     * Reads the file as tickers; when no record is a ticker, as book summaries. Bad records are reported.
     *
     * @throws DataFileException naming the file when it cannot be read as a whole
     */
    static FuturesFile read(Path file, Messages messages) {
      List<RowIssue> tickerIssues = new ArrayList<>();
      Map<String, DeribitTicker> tickers = new LinkedHashMap<>();
      Map<String, DeribitTicker> indexFrom = new LinkedHashMap<>();
      ReadSummary ts = DeribitJsonReader.DEFAULT.readTickers(file, t -> {
        tickers.merge(t.instrument().name(), t, (a, c) -> c.timestampMillis() >= a.timestampMillis() ? c : a);
        if (!Double.isNaN(t.indexPrice())) {
          indexFrom.merge(t.instrument().underlying(), t, FuturesFile::betterIndex);
        }
      }, tickerIssues::add);
      if (ts.rowsAccepted() > 0 || ts.rowsRead() == 0) {
        tickerIssues.forEach(i -> messages.add(i.message()));
        Map<String, Quote> quotes = new LinkedHashMap<>();
        Instant latest = null;
        for (DeribitTicker t : tickers.values()) {
          quotes.put(t.instrument().name(), t.toQuote());
          Instant when = Instant.ofEpochMilli(t.timestampMillis());
          latest = latest == null || when.isAfter(latest) ? when : latest;
        }
        Map<String, Double> index = new LinkedHashMap<>();
        indexFrom.forEach((u, t) -> index.put(u, t.indexPrice()));
        return new FuturesFile(file, "tickers", ts, quotes, index, latest);
      }
      List<RowIssue> summaryIssues = new ArrayList<>();
      Map<String, DeribitBookSummary> summaries = new LinkedHashMap<>();
      ReadSummary ss = DeribitJsonReader.DEFAULT.readBookSummaries(file, s -> summaries.merge(s.instrument().name(),
          s, (a, c) -> c.creationTimestampMillis() >= a.creationTimestampMillis() ? c : a), summaryIssues::add);
      if (ss.rowsAccepted() == 0) {
        // neither: report what the ticker reading found (the more common kind)
        tickerIssues.forEach(i -> messages.add(i.message()));
        return new FuturesFile(file, "tickers", ts, Map.of(), Map.of(), null);
      }
      summaryIssues.forEach(i -> messages.add(i.message()));
      Map<String, Quote> quotes = new LinkedHashMap<>();
      Instant latest = null;
      for (DeribitBookSummary s : summaries.values()) {
        quotes.put(s.instrument().name(), s.toQuote());
        Instant when = Instant.ofEpochMilli(s.creationTimestampMillis());
        latest = latest == null || when.isAfter(latest) ? when : latest;
      }
      return new FuturesFile(file, "book summaries", ss, quotes, Map.of(), latest);
    }

    private static DeribitTicker betterIndex(DeribitTicker a, DeribitTicker b) {
      if (a.instrument().isInverse() != b.instrument().isInverse()) {
        return a.instrument().isInverse() ? a : b;
      }
      return b.timestampMillis() >= a.timestampMillis() ? b : a;
    }
  }
}
