package io.netgamma.data.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.market.ForwardCurve;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.OrderBook;
import io.netgamma.core.market.Quote;
import io.netgamma.data.DataFileException;
import io.netgamma.data.io.IssueKind;
import io.netgamma.data.io.RowIssue;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketSnapshotJsonTest {

  private static final Instant NOW = Instant.parse("2024-06-17T10:22:20.501Z");
  private static final long JUN = Instant.parse("2024-06-28T08:00:00Z").toEpochMilli();
  private static final long SEP = Instant.parse("2024-09-27T08:00:00Z").toEpochMilli();
  private static final MarketSnapshotJson JSON = MarketSnapshotJson.DEFAULT;

  /** The shape of the issue, verbatim. */
  static final String ISSUE_EXAMPLE = """
      {"timestamp":"2024-06-17T10:22:20.501Z",
       "index":{"BTC":65666.19},
       "instruments":[
        {"instrument":"BTC-PERPETUAL","mark":65910.57,"funding_8h":0.0001},
        {"instrument":"BTC-28JUN24","mark":67371.75},
        {"instrument":"BTC-28JUN24-70000-C","mark":0.0123,"mark_iv":0.52,"forward":67371.75,
         "bid":0.012,"ask":0.013,"bid_amount":5,"ask_amount":7,"open_interest":1200}]}
      """;

  private static Quote quote(String name, double mark, double markIv, double bid, double bidAmount, double ask,
      double askAmount, double oi, double forward, double funding, OrderBook book) {
    return new Quote(Instrument.parse(name), mark, markIv, bid, bidAmount, ask, askAmount, oi, forward, funding,
        book);
  }

  private static MarketSnapshot example() {
    return MarketSnapshot.builder(NOW)
        .index("BTC", 65666.19)
        .forwardCurve(ForwardCurve.of("BTC", NOW.toEpochMilli(), 65666.19, new long[] {JUN}, new double[] {67371.75}))
        .quote(quote("BTC-PERPETUAL", 65910.57, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, 0.0001, OrderBook.EMPTY))
        .quote(Quote.ofMark(Instrument.parse("BTC-28JUN24"), 67371.75))
        .quote(quote("BTC-28JUN24-70000-C", 0.0123, 0.52, 0.012, 5, 0.013, 7, 1200, 67371.75, Double.NaN,
            OrderBook.of(new double[] {0.012, 0.0115}, new double[] {5, 10}, new double[] {0.013},
                new double[] {7})))
        .build();
  }

  @Test
  void writesTheIssueShapeOneInstrumentALine() {
    assertThat(JSON.toJson(example())).isEqualTo("""
        {"timestamp":"2024-06-17T10:22:20.501Z",
         "index":{"BTC":65666.19},
         "forward_curves":{"BTC":{"index":65666.19,"nodes":[{"expiry":"2024-06-28T08:00:00Z","forward":67371.75}]}},
         "instruments":[
          {"instrument":"BTC-PERPETUAL","mark":65910.57,"funding_8h":0.0001},
          {"instrument":"BTC-28JUN24","mark":67371.75},
          {"instrument":"BTC-28JUN24-70000-C","mark":0.0123,"mark_iv":0.52,"forward":67371.75,"bid":0.012,\
        "bid_amount":5,"ask":0.013,"ask_amount":7,"open_interest":1200,"bids":[[0.012,5],[0.0115,10]],\
        "asks":[[0.013,7]]}]}
        """);
  }

  @Test
  void readsTheIssueExample() {
    MarketSnapshot m = JSON.fromJson(ISSUE_EXAMPLE);
    assertThat(m.timestamp()).isEqualTo(NOW);
    assertThat(m.index("BTC")).isEqualTo(65666.19);
    assertThat(m.forwardCurve("BTC").size()).isZero();
    assertThat(m.quotes()).extracting(q -> q.instrument().name())
        .containsExactly("BTC-PERPETUAL", "BTC-28JUN24", "BTC-28JUN24-70000-C");
    assertThat(m.quoteOrThrow("BTC-PERPETUAL").funding8h()).isEqualTo(0.0001);
    Quote c = m.quoteOrThrow("BTC-28JUN24-70000-C");
    assertThat(c.mark()).isEqualTo(0.0123);
    assertThat(c.markIv()).isEqualTo(0.52);
    assertThat(c.forward()).isEqualTo(67371.75);
    assertThat(c.bid()).isEqualTo(0.012);
    assertThat(c.bidAmount()).isEqualTo(5);
    assertThat(c.ask()).isEqualTo(0.013);
    assertThat(c.askAmount()).isEqualTo(7);
    assertThat(c.openInterest()).isEqualTo(1200);
    assertThat(c.funding8h()).isNaN();
    assertThat(c.book()).isSameAs(OrderBook.EMPTY);
  }

  @Test
  void roundTripIsLosslessForEveryDouble() {
    // Random finite doubles of every magnitude (random bit patterns), plus the edges, through write and read.
    SplittableRandom rnd = new SplittableRandom(20240617);
    List<Double> values = new ArrayList<>(List.of(Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 0.1 + 0.2,
        1e-7, 9.999999999999999e-8, 1e21, 9.999999999999999e20, 0.0, 2.073e-05, 1.0 / 3));
    while (values.size() < 4000) {
      double d = Math.abs(Double.longBitsToDouble(rnd.nextLong()));
      if (Double.isFinite(d)) {
        values.add(d);
      }
    }
    MarketSnapshot.Builder b = MarketSnapshot.builder(Instant.parse("2024-06-17T10:22:20.501123456Z"));
    for (int i = 0; i + 3 < values.size(); i += 4) {
      String name = "BTC-28JUN24-" + (1000 + i) + "-C";
      double funding = i % 8 == 0 ? -values.get(i) : Double.NaN;
      b.quote(new Quote(Instrument.parse(name), values.get(i), values.get(i + 1), values.get(i + 2),
          values.get(i + 3), Double.NaN, Double.NaN, values.get(i), Double.NaN, funding, OrderBook.EMPTY));
    }
    MarketSnapshot m = b.build();
    String text = JSON.toJson(m);
    MarketSnapshot back = JSON.fromJson(text);
    assertThat(back.timestamp()).isEqualTo(m.timestamp());
    assertSameQuotes(back, m);
    assertThat(JSON.toJson(back)).isEqualTo(text);
    assertThat(MarketSnapshotJson.format(-0.0)).isEqualTo("-0.0");
    assertThat(MarketSnapshotJson.format(1200)).isEqualTo("1200");
    assertThat(MarketSnapshotJson.format(1e-8)).isEqualTo("1.0E-8");
    assertThat(MarketSnapshotJson.format(0.30000000000000004)).isEqualTo("0.30000000000000004");
  }

  @Test
  void roundTripKeepsIndexCurvesBooksAndOrder(@TempDir Path dir) {
    MarketSnapshot m = MarketSnapshot.builder(NOW)
        .index("ETH", 3555.5)
        .index("BTC", 65666.19)
        .forwardCurve(ForwardCurve.of("BTC", NOW.toEpochMilli(), 65666.19, new long[] {SEP, JUN},
            new double[] {68900.25, 67371.75}))
        .forwardCurve(ForwardCurve.flat("SOL", NOW.toEpochMilli(), 145.2))
        .quote(quote("ETH-28JUN24-3600-P", 0.0417, 0.61, 0.041, 12.5, 0.0425, 30, 5300, 3590.1, Double.NaN,
            OrderBook.of(new double[] {0.041, 0.0405, 0.04}, new double[] {12.5, 100, 3},
                new double[] {0.0425}, new double[] {30})))
        .quote(quote("BTC_USDC-28JUN24-65000-C", 3010.5, 0.49, 2990, 0.3, Double.NaN, Double.NaN, 12.1, 67371.75,
            Double.NaN, OrderBook.of(new double[] {2990}, new double[] {0.3}, new double[0], new double[0])))
        .quote(quote("BTC-PERPETUAL", 65910.57, Double.NaN, 65910, 12000, 65910.5, 80000, 9.1e8, Double.NaN,
            -0.0000125, OrderBook.EMPTY))
        .build();
    Path file = dir.resolve("snapshot.json");
    JSON.write(m, file);
    MarketSnapshot back = JSON.read(file);
    assertThat(back.underlyings()).containsExactly("ETH", "BTC", "SOL");
    assertThat(back.index("SOL")).isEqualTo(145.2);
    ForwardCurve c = back.forwardCurve("BTC");
    assertThat(c.size()).isEqualTo(2);
    assertThat(c.expiry(0)).isEqualTo(JUN);
    assertThat(c.forwardAt(0)).isEqualTo(67371.75);
    assertThat(c.forwardAt(1)).isEqualTo(68900.25);
    assertThat(c.valuationMillis()).isEqualTo(NOW.toEpochMilli());
    assertThat(back.forwardCurve("ETH").size()).isZero();
    assertSameQuotes(back, m);
    assertThat(JSON.toJson(back)).isEqualTo(JSON.toJson(m));
  }

  @Test
  void aCurveWhoseIndexDiffersFromTheSnapshotIndexIsKept() {
    MarketSnapshot m = MarketSnapshot.builder(NOW).index("BTC", 65666.19)
        .forwardCurve(ForwardCurve.flat("BTC", NOW.toEpochMilli(), 65660.0)).build();
    MarketSnapshot back = JSON.fromJson(JSON.toJson(m));
    assertThat(back.index("BTC")).isEqualTo(65666.19);
    assertThat(back.forwardCurve("BTC").index()).isEqualTo(65660.0);
  }

  @Test
  void badInstrumentsAreNamedAndSkippedWhenLenient() {
    String text = """
        {"timestamp":"2024-06-17T10:22:20.501Z",
         "index":{"BTC":65666.19},
         "instruments":[
          {"instrument":"BTC-28JUN24-70000-C","mark":0.0123,"mark_iv":-0.5},
          {"instrument":"BTC-28JUN24-70000-X","mark":0.0123},
          {"instrument":"BTC-28JUN24-75000-C","mark":"0.01"},
          {"mark":0.01},
          {"instrument":"BTC-28JUN24-80000-C","mark":0.005,"bids":[[0.004,1]],"asks":[[0.003,1]]},
          {"instrument":"BTC-PERPETUAL","mark":65910.57},
          {"instrument":"BTC-PERPETUAL","mark":65911},
          42,
          {"instrument":"BTC-28JUN24","mark":67371.75,"forward":0}]}
        """;
    List<RowIssue> issues = new ArrayList<>();
    MarketSnapshotJson.Result r = JSON.read(new StringReader(text), "snap.json", issues::add);
    assertThat(r.snapshot().quotes()).extracting(q -> q.instrument().name()).containsExactly("BTC-PERPETUAL");
    assertThat(r.snapshot().quoteOrThrow("BTC-PERPETUAL").mark()).isEqualTo(65910.57);
    assertThat(issues).extracting(RowIssue::message).containsExactly(
        "snap.json:4: field 'instruments[0].mark_iv' = '-0.5': BTC-28JUN24-70000-C: must be >= 0",
        "snap.json:5: field 'instruments[1].instrument' = 'BTC-28JUN24-70000-X': BTC-28JUN24-70000-X: invalid "
            + "instrument name 'BTC-28JUN24-70000-X': option type must be C or P, got 'X'",
        "snap.json:6: field 'instruments[2].mark' = '0.01': BTC-28JUN24-75000-C: expected a JSON number",
        "snap.json:7: field 'instruments[3].instrument' = '': required field is absent",
        "snap.json:8: field 'instruments[4].bids' = '[[0.004,1]]': BTC-28JUN24-80000-C: crossed book: best bid "
            + "0.004 >= best ask 0.003",
        "snap.json:10: field 'instruments[6].instrument' = 'BTC-PERPETUAL': listed twice (first at "
            + "instruments[5])",
        "snap.json:11: field 'instruments[7]' = '42': expected an instrument object",
        "snap.json:12: field 'instruments[8].forward' = '0': BTC-28JUN24: must be > 0");
    assertThat(r.summary().rowsRead()).isEqualTo(9);
    assertThat(r.summary().rowsAccepted()).isEqualTo(1);
    assertThat(r.summary().skipped(IssueKind.OUT_OF_RANGE)).isEqualTo(2);
    assertThat(r.summary().skipped(IssueKind.INCONSISTENT)).isEqualTo(2);
    // Strict: the first problem is the error.
    assertThatThrownBy(() -> JSON.read(new StringReader(text), "snap.json"))
        .isInstanceOf(DataFileException.class)
        .hasMessage("snap.json:4: field 'instruments[0].mark_iv' = '-0.5': BTC-28JUN24-70000-C: must be >= 0");
  }

  @Test
  void brokenFilesGetOneClearError(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> JSON.fromJson("")).isInstanceOf(DataFileException.class)
        .hasMessage("(json): the file is empty; expected a market-snapshot JSON object");
    assertThatThrownBy(() -> JSON.fromJson("[1]")).hasMessage(
        "(json):1: expected a market-snapshot JSON object, found START_ARRAY");
    assertThatThrownBy(() -> JSON.fromJson("{\"index\":{\"BTC\":1}}"))
        .hasMessageStartingWith("(json): no 'timestamp' field");
    assertThatThrownBy(() -> JSON.fromJson("{\"timestamp\":\"2024-06-17 10:22\"}"))
        .hasMessage("(json):1: field 'timestamp' = '2024-06-17 10:22': not an ISO-8601 instant in UTC such as "
            + "2024-06-17T10:22:20.501Z");
    assertThatThrownBy(() -> JSON.fromJson("{\"timestamp\":\"2024-06-17T10:22:20Z\",\n\"index\":{\"BTC\":-5}}"))
        .hasMessage("(json):2: field 'index.BTC' = '-5': must be finite and > 0");
    assertThatThrownBy(() -> JSON.fromJson("{\"timestamp\":\"2024-06-17T10:22:20Z\",\n\"forward_curves\":{\"BTC\":"
        + "{\"index\":65000,\"nodes\":[{\"expiry\":\"2024-06-14T08:00:00Z\",\"forward\":65100}]}}}"))
        .hasMessage("(json):2: field 'forward_curves.BTC': BTC: forward node at 2024-06-14T08:00:00Z is not after "
            + "the valuation instant 2024-06-17T10:22:20Z");
    assertThatThrownBy(() -> JSON.fromJson("{\"timestamp\":\"2024-06-17T10:22:20Z\",\n \"instruments\":[\n"
        + "  {\"instrument\":\"BTC-PERPETUAL\" \"mark\":1}]}"))
        .isInstanceOf(DataFileException.class)
        .hasMessageStartingWith("(json):3:33: not valid JSON: Unexpected character");
    assertThatThrownBy(() -> JSON.fromJson("{\"timestamp\":\"2024-06-17T10:22:20Z\"} {}"))
        .hasMessage("(json):1: content after the market-snapshot object");
    assertThatThrownBy(() -> MarketSnapshotJson.of(1).fromJson(ISSUE_EXAMPLE))
        .hasMessageStartingWith("(json): more than 1 instruments");
    assertThatThrownBy(() -> JSON.read(dir.resolve("none.json")))
        .isInstanceOf(DataFileException.class).hasMessageEndingWith("none.json: no such file");
    Files.writeString(dir.resolve("ok.json"), ISSUE_EXAMPLE);
    assertThat(JSON.read(dir.resolve("ok.json")).quotes()).hasSize(3);
  }

  private static void assertSameQuotes(MarketSnapshot actual, MarketSnapshot expected) {
    assertThat(actual.quotes()).hasSameSizeAs(expected.quotes());
    Iterator<Quote> it = actual.quotes().iterator();
    for (Quote e : expected.quotes()) {
      Quote a = it.next();
      assertThat(a.instrument()).isEqualTo(e.instrument());
      double[] av = {a.mark(), a.markIv(), a.bid(), a.bidAmount(), a.ask(), a.askAmount(), a.openInterest(),
          a.forward(), a.funding8h()};
      double[] ev = {e.mark(), e.markIv(), e.bid(), e.bidAmount(), e.ask(), e.askAmount(), e.openInterest(),
          e.forward(), e.funding8h()};
      for (int i = 0; i < av.length; i++) {
        assertThat(Double.doubleToRawLongBits(av[i])).as(e.instrument() + " field " + i)
            .isEqualTo(Double.doubleToRawLongBits(ev[i]));
      }
      OrderBook ab = a.book();
      OrderBook eb = e.book();
      assertThat(ab.bidLevels()).isEqualTo(eb.bidLevels());
      assertThat(ab.askLevels()).isEqualTo(eb.askLevels());
      for (int i = 0; i < eb.bidLevels(); i++) {
        assertThat(ab.bidPrice(i)).isEqualTo(eb.bidPrice(i));
        assertThat(ab.bidAmount(i)).isEqualTo(eb.bidAmount(i));
      }
      for (int i = 0; i < eb.askLevels(); i++) {
        assertThat(ab.askPrice(i)).isEqualTo(eb.askPrice(i));
        assertThat(ab.askAmount(i)).isEqualTo(eb.askAmount(i));
      }
    }
  }
}
