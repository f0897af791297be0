package io.netgamma.cli;

import static io.netgamma.cli.CliRun.run;
import static io.netgamma.cli.SurfaceCommandTest.dataLines;
import static io.netgamma.cli.SurfaceCommandTest.field;
import static io.netgamma.cli.SurfaceCommandTest.micros;
import static io.netgamma.cli.SurfaceCommandTest.with;
import static io.netgamma.cli.SurfaceCommandTest.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.netgamma.core.market.ForwardCurve;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.Quote;
import io.netgamma.data.snapshot.MarketSnapshotJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketCommandTest {

  static final Path SAMPLE = SurfaceCommandTest.SAMPLE;
  /** The sample's snapshot instant: its latest row timestamp. */
  static Instant sampleInstant() throws IOException {
    return dataLines(SAMPLE).stream().map(l -> micros(field(l, "timestamp"))).max(Instant::compareTo).orElseThrow()
        .truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }

  /** Deribit tickers (JSON lines): the 27JUN25 future, the perpetual, an option, an expired future, ETH's perp. */
  static final String TICKERS = """
      {"instrument_name":"BTC-27JUN25","timestamp":1748858400100,"state":"open","mark_price":105912.5,\
      "index_price":104995.37,"best_bid_price":105910.0,"best_bid_amount":25000,"best_ask_price":105915.5,\
      "best_ask_amount":1200,"open_interest":120000000,"estimated_delivery_price":104995.37}
      {"instrument_name":"BTC-PERPETUAL","timestamp":1748858400200,"state":"open","mark_price":105010.25,\
      "index_price":104995.41,"best_bid_price":105010.0,"best_bid_amount":53040,"best_ask_price":105010.5,\
      "best_ask_amount":4600,"open_interest":502231260,"funding_8h":0.00002203,"current_funding":0.0}
      {"instrument_name":"BTC-27JUN25-110000-C","timestamp":1748858400150,"state":"open","mark_price":0.05,\
      "mark_iv":47.0,"index_price":104995.4,"underlying_price":105912.5,"best_bid_price":0.049,\
      "best_bid_amount":1.0,"best_ask_price":0.051,"best_ask_amount":2.0}
      {"instrument_name":"BTC-30MAY25","timestamp":1748858400100,"state":"closed","mark_price":104000.0,\
      "index_price":104995.37}
      {"instrument_name":"ETH-PERPETUAL","timestamp":1748858400300,"state":"open","mark_price":2601.15,\
      "index_price":2600.05,"best_bid_price":2601.1,"best_bid_amount":10000,"best_ask_price":2601.2,\
      "best_ask_amount":20000,"funding_8h":0.0001}
      """;

  /** A book summary of the same future and perpetual, an hour after the chain. */
  static final String BOOK_SUMMARIES = """
      {"jsonrpc":"2.0","id":9344,"result":[
       {"instrument_name":"BTC-27JUN25","creation_timestamp":1748862000000,"base_currency":"BTC",\
      "quote_currency":"USD","mark_price":105920.0,"bid_price":105919.5,"ask_price":105921.0,\
      "open_interest":1.2e8,"estimated_delivery_price":105001.0},
       {"instrument_name":"BTC-PERPETUAL","creation_timestamp":1748862000000,"base_currency":"BTC",\
      "quote_currency":"USD","mark_price":105015.0,"bid_price":105014.5,"ask_price":105015.5,"funding_8h":0.0001}
      ]}
      """;

  static double median(List<Double> v) {
    double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return a.length % 2 == 1 ? a[a.length / 2] : 0.5 * (a[a.length / 2 - 1] + a[a.length / 2]);
  }

  /** A CSV cell as a Double: NaN when empty (Double.equals treats NaN as equal to NaN). */
  static Double opt(String text) {
    return text.isEmpty() ? Double.NaN : Double.parseDouble(text);
  }

  /** The forwards of the sample's options by expiry (epoch milliseconds). */
  static TreeMap<Long, List<Double>> forwardsByExpiry(List<String> lines) {
    return lines.stream().collect(Collectors.groupingBy(l -> micros(field(l, "expiration")).toEpochMilli(),
        TreeMap::new, Collectors.mapping(l -> Double.parseDouble(field(l, "underlying_price")),
            Collectors.toList())));
  }

  @Test
  void theSampleChainBecomesASnapshotWithEveryQuoteAndTheOptionForwardCurve(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("snapshot.json");
    CliRun r = run("market", "--chain", SAMPLE.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_OK);
    assertThat(r.out()).isEmpty();
    MarketSnapshot s = MarketSnapshotJson.DEFAULT.read(out);
    List<String> lines = dataLines(SAMPLE);
    assertThat(s.timestamp()).isEqualTo(sampleInstant());
    assertThat(s.quotes()).hasSize(200);
    for (String l : lines) {
      Quote q = s.quoteOrThrow(field(l, "symbol"));
      assertThat(q.mark()).isEqualTo(Double.parseDouble(field(l, "mark_price")));
      assertThat(q.markIv()).isEqualTo(new java.math.BigDecimal(field(l, "mark_iv")).movePointLeft(2).doubleValue());
      assertThat(q.forward()).isEqualTo(Double.parseDouble(field(l, "underlying_price")));
      assertThat(Double.valueOf(q.bid())).isEqualTo(opt(field(l, "bid_price")));
      assertThat(Double.valueOf(q.bidAmount())).isEqualTo(opt(field(l, "bid_amount")));
      assertThat(Double.valueOf(q.ask())).isEqualTo(opt(field(l, "ask_price")));
      assertThat(Double.valueOf(q.askAmount())).isEqualTo(opt(field(l, "ask_amount")));
      assertThat(Double.valueOf(q.openInterest())).isEqualTo(opt(field(l, "open_interest")));
    }
    // index: the median forward of the nearest expiry; one curve node per expiry at its median forward
    TreeMap<Long, List<Double>> forwards = forwardsByExpiry(lines);
    assertThat(s.index("BTC")).isEqualTo(median(forwards.firstEntry().getValue()));
    ForwardCurve c = s.forwardCurve("BTC");
    assertThat(c.size()).isEqualTo(12);
    int i = 0;
    for (Map.Entry<Long, List<Double>> e : forwards.entrySet()) {
      assertThat(c.expiry(i)).isEqualTo(e.getKey());
      assertThat(c.forwardAt(i++)).isEqualTo(median(e.getValue()));
    }
    assertThat(r.err()).contains("200 rows read, 200 option quotes, 0 skipped",
        "BTC: index " + String.format(java.util.Locale.ROOT, "%.2f", s.index("BTC"))
            + " (median forward of the nearest expiry, BTC-3JUN25; give --index BTC=PRICE to set it); forward "
            + "curve 12 nodes (12 option forward)", "wrote " + out);

    // --index sets the index (the curve's anchor) and nothing else; '-' writes to stdout
    CliRun r2 = run("market", "--chain", SAMPLE.toString(), "--out", "-", "--index", "BTC=104990.5");
    assertThat(r2.code()).isEqualTo(Main.EXIT_OK);
    MarketSnapshot s2 = MarketSnapshotJson.DEFAULT.fromJson(r2.out());
    assertThat(s2.index("BTC")).isEqualTo(104990.5);
    assertThat(s2.forwardCurve("BTC").nodeForward(c.expiry(3))).isEqualTo(c.forwardAt(3));
    assertThat(r2.err()).contains("BTC: index 104990.50 (--index)");
    assertThat(MarketSnapshotJson.DEFAULT.fromJson(run("market", "--chain", SAMPLE.toString(), "--out", "-",
        "--index", "104990.5").out()).index("BTC")).isEqualTo(104990.5);
  }

  @Test
  void futuresTickersAreMergedAndSetTheIndexAndTheirExpirysForward(@TempDir Path dir) throws IOException {
    Path tickers = dir.resolve("tickers.jsonl");
    Files.writeString(tickers, TICKERS);
    Path out = dir.resolve("snapshot.json");
    CliRun r = run("market", "--chain", SAMPLE.toString(), "--futures", tickers.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_OK);
    MarketSnapshot s = MarketSnapshotJson.DEFAULT.read(out);
    assertThat(s.timestamp()).isEqualTo(sampleInstant());
    assertThat(s.quotes()).hasSize(200 + 3);
    assertThat(s.underlyings()).containsExactly("BTC", "ETH");
    // the index from the latest inverse BTC ticker (the perpetual's), the 27JUN25 node from the future's mark
    assertThat(s.index("BTC")).isEqualTo(104995.41);
    assertThat(s.index("ETH")).isEqualTo(2600.05);
    long jun27 = Instant.parse("2025-06-27T08:00:00Z").toEpochMilli();
    assertThat(s.forwardCurve("BTC").nodeForward(jun27)).isEqualTo(105912.5);
    TreeMap<Long, List<Double>> forwards = forwardsByExpiry(dataLines(SAMPLE));
    long jul25 = Instant.parse("2025-07-25T08:00:00Z").toEpochMilli();
    assertThat(s.forwardCurve("BTC").nodeForward(jul25)).isEqualTo(median(forwards.get(jul25)));
    Quote perp = s.quoteOrThrow("BTC-PERPETUAL");
    assertThat(perp.mark()).isEqualTo(105010.25);
    assertThat(perp.funding8h()).isEqualTo(0.00002203);
    assertThat(perp.bidAmount()).isEqualTo(53040);
    // the chain's option, not the ticker's
    assertThat(s.quoteOrThrow("BTC-27JUN25-110000-C").markIv()).isEqualTo(0.4515);
    assertThat(s.quote("BTC-30MAY25")).isEmpty();
    assertThat(r.err()).contains(tickers + ": 5 tickers read, 3 futures/perpetuals merged, ignored: 1 options "
        + "(the chain's are used), 1 expired",
        "BTC: index 104995.41 (index_price of the latest BTC ticker in " + tickers + "); forward curve 12 nodes (1 "
            + "future mark, 11 option forward)",
        "ETH: index 2600.05 (index_price of the latest ETH ticker in " + tickers + "); forward curve 0 nodes");
    assertThat(r.err()).doesNotContain("note:");
  }

  @Test
  void bookSummariesAreRecognisedAndATimeGapIsNoted(@TempDir Path dir) throws IOException {
    Path summaries = dir.resolve("summary.json");
    Files.writeString(summaries, BOOK_SUMMARIES);
    CliRun r = run("market", "--chain", SAMPLE.toString(), "--futures", summaries.toString(), "--out", "-");
    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_OK);
    MarketSnapshot s = MarketSnapshotJson.DEFAULT.fromJson(r.out());
    assertThat(s.quotes()).hasSize(202);
    assertThat(s.forwardCurve("BTC").nodeForward(Instant.parse("2025-06-27T08:00:00Z").toEpochMilli()))
        .isEqualTo(105920.0);
    assertThat(s.quoteOrThrow("BTC-PERPETUAL").funding8h()).isEqualTo(0.0001);
    assertThat(r.err()).contains(summaries + ": 2 book summaries read, 2 futures/perpetuals merged",
        "(median forward of the nearest expiry, BTC-3JUN25;",
        "note: " + summaries + " is stamped 2025-06-02T11:00:00Z, 60 minutes from the chain's snapshot instant");
  }

  @Test
  void exitCodesAndErrors(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("snapshot.json");
    List<String> lines = dataLines(SAMPLE);
    Path bad = write(dir, "bad.csv", lines.stream().limit(2).map(l -> with(l, "underlying_price", "-1")).toList());
    CliRun r = run("market", "--chain", bad.toString(), "--out", out.toString());
    assertThat(r.code()).isEqualTo(Main.EXIT_NOTHING_PROCESSED);
    assertThat(out).doesNotExist();
    assertThat(r.err()).contains(bad + ":2: skipped: field 'underlying_price' = '-1'", "2 rows read, 0 option "
        + "quotes, 2 skipped (2 out of range)", "nothing written");

    CliRun missing = run("market", "--chain", dir.resolve("nope.csv").toString(), "--out", out.toString());
    assertThat(missing.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(missing.err()).contains("nope.csv: no such file");

    CliRun noFutures = run("market", "--chain", SAMPLE.toString(), "--futures", dir.resolve("f.json").toString(),
        "--out", out.toString());
    assertThat(noFutures.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(noFutures.err()).contains("f.json: no such file");

    CliRun badIndex = run("market", "--chain", SAMPLE.toString(), "--index", "BTC=abc", "--out", out.toString());
    assertThat(badIndex.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(badIndex.err()).contains("--index BTC=abc: expected COIN=PRICE");

    CliRun otherIndex = run("market", "--chain", SAMPLE.toString(), "--index", "ETH=2600", "--out", out.toString());
    assertThat(otherIndex.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(otherIndex.err()).contains("--index ETH: no ETH instrument in " + SAMPLE);

    CliRun noOut = run("market", "--chain", SAMPLE.toString());
    assertThat(noOut.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(noOut.err()).contains("--out");

    CliRun dirOut = run("market", "--chain", SAMPLE.toString(), "--out", dir.toString());
    assertThat(dirOut.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(dirOut.err()).contains("is a directory");
  }
}
