package io.netgamma.data.deribit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.instrument.InstrumentKind;
import io.netgamma.core.instrument.Settlement;
import io.netgamma.core.market.ForwardCurveBuilder;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.OrderBook;
import io.netgamma.core.market.Quote;
import io.netgamma.data.DataFileException;
import io.netgamma.data.io.IssueKind;
import io.netgamma.data.io.ReadSummary;
import io.netgamma.data.io.RowIssue;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-written samples in the shapes of Deribit's API documentation and of recorded captures. */
class DeribitJsonReaderTest {

  /** Two {@code public/get_order_book} results as a recorder writes them: one object a line. */
  static final String ORDER_BOOKS = """
      {"instrument_name":"BTC-22MAY20-10000-C","timestamp":1590103295483,"state":"open","change_id":19473319882,\
      "index_price":9085.4,"underlying_index":"SYN.BTC-22MAY20","underlying_price":9085.45,"interest_rate":0.0,\
      "mark_price":2.073e-05,"mark_iv":106.28,"bid_iv":0.0,"ask_iv":156.66,"last_price":0.0015,"min_price":0.0005,\
      "max_price":0.0155,"open_interest":1137.2,"settlement_price":0.0,"estimated_delivery_price":9085.4,\
      "best_bid_price":0.0,"best_bid_amount":0.0,"best_ask_price":0.0005,"best_ask_amount":11.0,"bids":[],\
      "asks":[[0.0005,11.0],[0.001,0.6],[0.0015,9.0]],\
      "greeks":{"vega":0.01917,"theta":-0.1883,"rho":0.00019,"gamma":2e-05,"delta":0.00213},\
      "stats":{"volume":66.8,"price_change":-62.5,"low":0.0005,"high":0.0045}}
      {"instrument_name":"BTC-22MAY20-10000-P","timestamp":1590103348860,"state":"open","change_id":19473353230,\
      "index_price":9081.68,"underlying_index":"SYN.BTC-22MAY20","underlying_price":9081.62,"interest_rate":0.0,\
      "mark_price":0.10112934,"mark_iv":106.85,"bid_iv":0.0,"ask_iv":202.21,"last_price":0.108,\
      "open_interest":302.2,"estimated_delivery_price":9081.68,"best_bid_price":0.0965,"best_bid_amount":0.5,\
      "best_ask_price":0.103,"best_ask_amount":0.5,"bids":[[0.0965,0.5],[0.092,0.1],[0.0005,0.5]],\
      "asks":[[0.103,0.5],[0.12,0.2]],\
      "greeks":{"vega":0.01931,"theta":-1.03159,"rho":-0.09836,"gamma":2e-05,"delta":-0.99785}}
      """;

  /** The {@code public/ticker} example of Deribit's API documentation (a perpetual), pretty-printed. */
  static final String PERPETUAL_TICKER = """
      {
        "jsonrpc": "2.0",
        "id": 8106,
        "result": {
          "best_ask_amount": 53040,
          "best_ask_price": 36290,
          "best_bid_amount": 4600,
          "best_bid_price": 36289.5,
          "current_funding": 0,
          "estimated_delivery_price": 36297.02,
          "funding_8h": 0.00002203,
          "index_price": 36297.02,
          "instrument_name": "BTC-PERPETUAL",
          "interest_value": 1.7362511643080387,
          "last_price": 36289.5,
          "mark_price": 36288.31,
          "max_price": 36833.4,
          "min_price": 35744.73,
          "open_interest": 502231260,
          "settlement_price": 36169.49,
          "state": "open",
          "stats": {"high": 36824.5, "low": 35213.5, "price_change": 0.2362, "volume": 7831.26548117,
                    "volume_usd": 282615600},
          "timestamp": 1623059681955
        }
      }
      """;

  /** A {@code public/get_book_summary_by_currency} response: options, a future, a perpetual, a combination. */
  static final String BOOK_SUMMARY = """
      {"jsonrpc":"2.0","id":9344,"usIn":1718619740501000,"usOut":1718619740512000,"usDiff":11000,"testnet":false,
       "result":[
        {"volume_usd":120543.2,"volume":1.8,"underlying_price":67371.75,"underlying_index":"BTC-28JUN24",
         "quote_currency":"BTC","price_change":-12.5,"open_interest":1200.0,"mid_price":0.0125,"mark_price":0.0123,
         "mark_iv":52.0,"low":0.011,"last":0.0124,"interest_rate":0.0,"instrument_name":"BTC-28JUN24-70000-C",
         "high":0.015,"estimated_delivery_price":65666.19,"creation_timestamp":1718619740501,"bid_price":0.012,
         "base_currency":"BTC","ask_price":0.013},
        {"volume_usd":0.0,"volume":0.0,"underlying_price":67371.75,"underlying_index":"BTC-28JUN24",
         "quote_currency":"BTC","price_change":null,"open_interest":0.0,"mid_price":null,"mark_price":0.0001,
         "mark_iv":95.1,"low":null,"last":null,"interest_rate":0.0,"instrument_name":"BTC-28JUN24-150000-C",
         "high":null,"estimated_delivery_price":65666.19,"creation_timestamp":1718619740501,"bid_price":null,
         "base_currency":"BTC","ask_price":0.0005},
        {"volume_usd":2.1e8,"volume":3100.5,"quote_currency":"USD","price_change":1.2,"open_interest":4.1e8,
         "mid_price":67371.5,"mark_price":67371.75,"low":66000.0,"last":67370.0,"instrument_name":"BTC-28JUN24",
         "high":68000.0,"estimated_delivery_price":65666.19,"creation_timestamp":1718619740501,"bid_price":67370.0,
         "base_currency":"BTC","ask_price":67373.0},
        {"volume_usd":9.5e8,"volume":14000.2,"quote_currency":"USD","price_change":0.8,"open_interest":9.1e8,
         "mid_price":65910.25,"mark_price":65910.57,"low":65000.0,"last":65910.0,"instrument_name":"BTC-PERPETUAL",
         "high":66500.0,"funding_8h":0.0001,"current_funding":0.00002,"estimated_delivery_price":65666.19,
         "creation_timestamp":1718619740501,"bid_price":65910.0,"base_currency":"BTC","ask_price":65910.5},
        {"volume_usd":0.0,"volume":0.0,"quote_currency":"USD","mark_price":1460.0,
         "instrument_name":"BTC-FS-28JUN24_PERP","creation_timestamp":1718619740501,"base_currency":"BTC"}
       ]}
      """;

  /** A {@code public/get_instruments} response in the documentation's shape. */
  static final String INSTRUMENTS = """
      {"jsonrpc":"2.0","id":7617,"result":[
       {"tick_size":0.0005,"tick_size_steps":[{"above_price":120,"tick_size":0.001},
         {"above_price":200,"tick_size":0.003}],"taker_commission":0.0003,"strike":16000,"settlement_period":"week",
        "settlement_currency":"BTC","quote_currency":"BTC","price_index":"btc_usd","option_type":"put",
        "min_trade_amount":0.1,"maker_commission":0.0003,"kind":"option","is_active":true,
        "instrument_name":"BTC-13JAN23-16000-P","instrument_id":144613,"expiration_timestamp":1673596800000,
        "creation_timestamp":1671696002000,"counter_currency":"USD","contract_size":1,"block_trade_tick_size":0.0001,
        "block_trade_min_trade_amount":25,"block_trade_commission":0.00015,"base_currency":"BTC",
        "instrument_type":"reversed"},
       {"tick_size":2.5,"taker_commission":0.0005,"settlement_period":"month","settlement_currency":"BTC",
        "quote_currency":"USD","price_index":"btc_usd","min_trade_amount":10,"max_liquidation_commission":0.0075,
        "max_leverage":50,"maker_commission":0,"kind":"future","is_active":true,"instrument_name":"BTC-27JAN23",
        "instrument_id":138583,"future_type":"reversed","expiration_timestamp":1674806400000,
        "creation_timestamp":1664524802000,"counter_currency":"USD","contract_size":10,"base_currency":"BTC",
        "instrument_type":"reversed"},
       {"tick_size":0.5,"taker_commission":0.0005,"settlement_period":"perpetual","settlement_currency":"BTC",
        "quote_currency":"USD","price_index":"btc_usd","min_trade_amount":10,"maker_commission":0,"kind":"future",
        "is_active":true,"instrument_name":"BTC-PERPETUAL","instrument_id":124972,
        "expiration_timestamp":32503708800000,"creation_timestamp":1534242287000,"counter_currency":"USD",
        "contract_size":10,"base_currency":"BTC","instrument_type":"reversed"},
       {"tick_size":5,"taker_commission":0.0003,"strike":20000,"settlement_period":"month",
        "settlement_currency":"USDC","quote_currency":"USDC","price_index":"btc_usdc","option_type":"call",
        "min_trade_amount":0.01,"maker_commission":0.0003,"kind":"option","is_active":true,
        "instrument_name":"BTC_USDC-27JAN23-20000-C","expiration_timestamp":1674806400000,
        "counter_currency":"USDC","contract_size":1,"base_currency":"BTC","instrument_type":"linear"},
       {"tick_size":0.0005,"strike":17000,"option_type":"put","min_trade_amount":0.1,"kind":"option",
        "is_active":true,"instrument_name":"BTC-13JAN23-16500-P","expiration_timestamp":1673596800000,
        "contract_size":1,"instrument_type":"reversed"},
       {"tick_size":0.5,"min_trade_amount":10,"kind":"future_combo","is_active":true,
        "instrument_name":"BTC-FS-27JAN23_PERP","expiration_timestamp":1674806400000,"contract_size":10}
      ]}
      """;

  private static <T> List<T> tickers(String text, List<RowIssue> issues) {
    List<T> out = new ArrayList<>();
    @SuppressWarnings("unchecked")
    List<DeribitTicker> typed = (List<DeribitTicker>) out;
    DeribitJsonReader.DEFAULT.readTickers(new StringReader(text), "books.jsonl", typed::add, issues::add);
    return out;
  }

  @Test
  void readsOrderBooksAsJsonLines() {
    List<RowIssue> issues = new ArrayList<>();
    List<DeribitTicker> books = tickers(ORDER_BOOKS, issues);
    assertThat(issues).isEmpty();
    assertThat(books).hasSize(2);
    DeribitTicker call = books.get(0);
    assertThat(call.instrument().name()).isEqualTo("BTC-22MAY20-10000-C");
    assertThat(call.timestampMillis()).isEqualTo(1590103295483L);
    assertThat(call.underlyingIndex()).isEqualTo("SYN.BTC-22MAY20");
    assertThat(call.underlyingPrice()).isEqualTo(9085.45);
    assertThat(call.indexPrice()).isEqualTo(9085.4);
    assertThat(call.markPrice()).isEqualTo(2.073e-05);
    assertThat(call.markIv()).isEqualTo(1.0628); // percent moved exactly, not 106.28 / 100
    // A best bid of 0 with amount 0 is Deribit's "no bid": absent, and so is its IV of 0.
    assertThat(call.bestBidPrice()).isNaN();
    assertThat(call.bestBidAmount()).isNaN();
    assertThat(call.bidIv()).isNaN();
    assertThat(call.bestAskPrice()).isEqualTo(0.0005);
    assertThat(call.askIv()).isEqualTo(1.5666);
    assertThat(call.hasBook()).isTrue();
    assertThat(call.book().bidLevels()).isZero();
    assertThat(call.book().askLevels()).isEqualTo(3);
    assertThat(call.book().askPrice(2)).isEqualTo(0.0015);
    assertThat(call.book().askDepth()).isCloseTo(20.6, within(1e-12));
    assertThat(call.greeks().delta()).isEqualTo(0.00213);
    assertThat(call.greeks().vega()).isEqualTo(0.01917);
    assertThat(call.greeks().theta()).isEqualTo(-0.1883);

    Quote q = books.get(1).toQuote();
    assertThat(q.instrument().name()).isEqualTo("BTC-22MAY20-10000-P");
    assertThat(q.mark()).isEqualTo(0.10112934);
    assertThat(q.markIv()).isEqualTo(1.0685);
    assertThat(q.bid()).isEqualTo(0.0965);
    assertThat(q.bidAmount()).isEqualTo(0.5);
    assertThat(q.ask()).isEqualTo(0.103);
    assertThat(q.openInterest()).isEqualTo(302.2);
    assertThat(q.forward()).isEqualTo(9081.62);
    assertThat(q.funding8h()).isNaN();
    assertThat(q.book().bidLevels()).isEqualTo(3);
    assertThat(q.book().bidPrice(2)).isEqualTo(0.0005);
  }

  @Test
  void readsTheDocumentedPerpetualTickerEnvelope() {
    List<RowIssue> issues = new ArrayList<>();
    List<DeribitTicker> out = tickers(PERPETUAL_TICKER, issues);
    assertThat(issues).isEmpty();
    DeribitTicker t = out.get(0);
    assertThat(t.instrument().kind()).isEqualTo(InstrumentKind.PERPETUAL);
    assertThat(t.hasBook()).isFalse();
    assertThat(t.book()).isSameAs(OrderBook.EMPTY);
    assertThat(t.greeks()).isEqualTo(DeribitTicker.Greeks.ABSENT);
    assertThat(t.funding8h()).isEqualTo(0.00002203);
    assertThat(t.currentFunding()).isZero();
    assertThat(t.markIv()).isNaN();
    Quote q = t.toQuote();
    assertThat(q.mark()).isEqualTo(36288.31);
    assertThat(q.bid()).isEqualTo(36289.5);
    assertThat(q.bidAmount()).isEqualTo(4600);
    assertThat(q.ask()).isEqualTo(36290);
    assertThat(q.askAmount()).isEqualTo(53040);
    assertThat(q.funding8h()).isEqualTo(0.00002203);
    assertThat(q.forward()).isNaN();
    // The same result compact on one line, as an array, as JSON lines of envelopes and as a subscription stream.
    String result = PERPETUAL_TICKER.substring(PERPETUAL_TICKER.indexOf("\"result\": ") + 10,
        PERPETUAL_TICKER.lastIndexOf('}')).trim().replace('\n', ' ');
    assertThat(tickers("[" + result + ",\n" + result + "]", issues)).hasSize(2).allSatisfy(x ->
        assertThat(x).isEqualTo(t));
    assertThat(tickers("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":" + result + "}\n"
        + "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":" + result + "}\n", issues)).hasSize(2);
    assertThat(tickers("{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":"
        + "\"ticker.BTC-PERPETUAL.100ms\",\"data\":" + result + "}}\n", issues)).containsExactly(t);
    assertThat(issues).isEmpty();
  }

  @Test
  void readsBookSummariesFromAJsonRpcResponse() {
    List<DeribitBookSummary> out = new ArrayList<>();
    List<RowIssue> issues = new ArrayList<>();
    ReadSummary s = DeribitJsonReader.DEFAULT.readBookSummaries(new StringReader(BOOK_SUMMARY), "summary.json",
        out::add, issues::add);
    assertThat(s.describe()).isEqualTo("5 rows read, 4 accepted, 1 skipped (1 bad symbol)");
    assertThat(issues).singleElement().satisfies(i -> {
      assertThat(i.line()).isEqualTo(21);
      assertThat(i.field()).isEqualTo("result[4].instrument_name");
      assertThat(i.value()).isEqualTo("BTC-FS-28JUN24_PERP");
    });
    DeribitBookSummary call = out.get(0);
    assertThat(call.creationTimestampMillis()).isEqualTo(Instant.parse("2024-06-17T10:22:20.501Z").toEpochMilli());
    assertThat(call.markIv()).isEqualTo(0.52);
    assertThat(call.volumeUsd()).isEqualTo(120543.2);
    assertThat(call.underlyingIndex()).isEqualTo("BTC-28JUN24");
    Quote q = call.toQuote();
    assertThat(q.mark()).isEqualTo(0.0123);
    assertThat(q.bid()).isEqualTo(0.012);
    assertThat(q.ask()).isEqualTo(0.013);
    assertThat(q.bidAmount()).isNaN();
    assertThat(q.openInterest()).isEqualTo(1200);
    assertThat(q.forward()).isEqualTo(67371.75);
    // JSON null is absent.
    DeribitBookSummary deep = out.get(1);
    assertThat(deep.bidPrice()).isNaN();
    assertThat(deep.midPrice()).isNaN();
    assertThat(deep.priceChange()).isNaN();
    assertThat(deep.last()).isNaN();
    assertThat(out.get(2).toQuote().forward()).isNaN();
    assertThat(out.get(2).markPrice()).isEqualTo(67371.75);
    assertThat(out.get(3).funding8h()).isEqualTo(0.0001);
    assertThat(out.get(3).toQuote().funding8h()).isEqualTo(0.0001);
  }

  @Test
  void readsInstrumentMetadataAndChecksItAgainstTheName() {
    List<DeribitInstrumentInfo> out = new ArrayList<>();
    List<RowIssue> issues = new ArrayList<>();
    ReadSummary s = DeribitJsonReader.DEFAULT.readInstruments(new StringReader(INSTRUMENTS), "instruments.json",
        out::add, issues::add);
    assertThat(s.rowsAccepted()).isEqualTo(4);
    assertThat(issues).extracting(RowIssue::message).containsExactly(
        "instruments.json:26: field 'result[4].strike' = '17000': BTC-13JAN23-16500-P: the name has strike 16500",
        "instruments.json:29: field 'result[5].kind' = 'future_combo': BTC-FS-27JAN23_PERP: combination "
            + "instruments are not modelled");
    DeribitInstrumentInfo put = out.get(0);
    assertThat(put.instrument().name()).isEqualTo("BTC-13JAN23-16000-P");
    assertThat(put.expiry()).isEqualTo(Instant.parse("2023-01-13T08:00:00Z"));
    assertThat(put.tickSize()).isEqualTo(0.0005);
    assertThat(put.tickSizeSteps()).containsExactly(new DeribitInstrumentInfo.TickSizeStep(120, 0.001),
        new DeribitInstrumentInfo.TickSizeStep(200, 0.003));
    assertThat(put.contractSize()).isEqualTo(1);
    assertThat(put.minTradeAmount()).isEqualTo(0.1);
    assertThat(put.settlementCurrency()).isEqualTo("BTC");
    assertThat(put.settlementPeriod()).isEqualTo("week");
    assertThat(put.takerCommission()).isEqualTo(0.0003);
    assertThat(put.active()).isTrue();
    DeribitInstrumentInfo future = out.get(1);
    assertThat(future.contractSize()).isEqualTo(10);
    assertThat(future.minTradeAmount()).isEqualTo(10);
    assertThat(future.tickSize()).isEqualTo(2.5);
    assertThat(future.makerCommission()).isZero();
    DeribitInstrumentInfo perp = out.get(2);
    assertThat(perp.instrument().kind()).isEqualTo(InstrumentKind.PERPETUAL);
    assertThat(perp.expiry()).isNull();
    assertThat(perp.expirationTimestampMillis()).isEqualTo(32503708800000L);
    DeribitInstrumentInfo linear = out.get(3);
    assertThat(linear.instrument().settlement()).isEqualTo(Settlement.LINEAR);
    assertThat(linear.tickSizeSteps()).isEmpty();
    assertThat(linear.priceIndex()).isEqualTo("btc_usdc");
  }

  @Test
  void badRecordsAreSkippedWithLineFieldValueAndReason() {
    String lines = String.join("\n",
        "{\"instrument_name\":\"BTC-PERPETUAL\",\"timestamp\":1623059681955,\"mark_price\":36288.31}",
        "{\"instrument_name\":\"BTC-PERPETUAL\",\"timestamp\":1623059681955,\"mark_price\":\"36288.31\"}",
        "{\"instrument_name\":\"BTC-PERPETUAL\",\"timestamp\":1623059681955,\"mark_price\":-1}",
        "{\"instrument_name\":\"BTC-PERPETUAL\",\"timestamp\":1623059681,\"mark_price\":36288.31}",
        "{\"timestamp\":1623059681955,\"mark_price\":36288.31}",
        "{\"instrument_name\":\"BTC-PERPETUAL\",\"timestamp\":1623059681955,\"mark_price\":36288.31,",
        "",
        "{\"instrument_name\":\"BTC-22MAY20-10000-P\",\"timestamp\":1590103348860,\"mark_price\":0.1,"
            + "\"best_bid_price\":0.0965,\"best_bid_amount\":0.5,\"bids\":[[0.092,0.1],[0.0965,0.5]]}",
        "{\"instrument_name\":\"BTC-22MAY20-10000-P\",\"timestamp\":1590103348860,\"mark_price\":0.1,"
            + "\"best_bid_price\":0.0965,\"best_bid_amount\":0.5,\"bids\":[[0.092,0.1]]}",
        "{\"instrument_name\":\"BTC-22MAY20-10000-P\",\"timestamp\":1590103348860,\"mark_price\":0.1,"
            + "\"bids\":[[0.1,1]],\"asks\":[[0.09,1]],\"best_bid_price\":0.1,\"best_bid_amount\":1,"
            + "\"best_ask_price\":0.09,\"best_ask_amount\":1}",
        "{\"instrument_name\":\"BTC-22MAY20-10000-P\",\"timestamp\":1590103348860,\"mark_price\":0.1,"
            + "\"asks\":[[0.1,0]]}",
        "{\"instrument_name\":\"BTC-22MAY20-10000-P\",\"timestamp\":1590103348860,\"mark_price\":0.1,"
            + "\"best_bid_price\":0,\"best_bid_amount\":3}",
        "{\"jsonrpc\":\"2.0\",\"id\":4,\"error\":{\"code\":10009,\"message\":\"not_enough_funds\"}}",
        "[1, {\"instrument_name\":\"BTC-PERPETUAL\",\"timestamp\":1623059681955,\"mark_price\":1}]",
        "{\"instrument_name\":\"BTC-PERPETUAL\",\"timestamp\":1623059681955,\"mark_price\":1,\"x\":\""
            + "y".repeat(300) + "\"}",
        "{\"instrument_name\":\"BTC-PERPETUAL\",\"timestamp\":1623059681955,\"mark_price\":36288.31,"
            + "\"greeks\":{\"delta\":\"high\"}}");
    List<DeribitTicker> out = new ArrayList<>();
    List<RowIssue> issues = new ArrayList<>();
    ReadSummary s = DeribitJsonReader.of(300, 100).readTickers(new StringReader(lines), "t.jsonl", out::add,
        issues::add);
    assertThat(out).hasSize(2);
    assertThat(issues).extracting(RowIssue::message).containsExactly(
        "t.jsonl:2: field 'mark_price' = '36288.31': BTC-PERPETUAL: expected a JSON number",
        "t.jsonl:3: field 'mark_price' = '-1': BTC-PERPETUAL: must be >= 0",
        "t.jsonl:4: field 'timestamp' = '1623059681': BTC-PERPETUAL: as epoch milliseconds this is "
            + "1970-01-19T18:50:59.681Z, outside 2000-2199: is it seconds or microseconds?",
        "t.jsonl:5: field 'instrument_name' = '': required field is absent",
        "t.jsonl:6: not valid JSON at column 84: Unexpected end-of-input within/between Object entries",
        "t.jsonl:8: field 'bids' = '[[0.092,0.1],[0.0965,0.5]]': BTC-22MAY20-10000-P: bid prices must be strictly "
            + "descending: level 0 0.092, level 1 0.0965",
        "t.jsonl:9: field 'best_bid_price' = '0.0965': BTC-22MAY20-10000-P: the best price disagrees with the "
            + "first level of bids (0.092)",
        "t.jsonl:10: field 'bids' = '[[0.1,1]]': BTC-22MAY20-10000-P: crossed book: best bid 0.1 >= best ask 0.09",
        "t.jsonl:11: field 'asks' = '[[0.1,0]]': BTC-22MAY20-10000-P: level 0 is [0.1,0]: price and amount must "
            + "be finite and > 0",
        "t.jsonl:12: field 'best_bid_amount' = '3': BTC-22MAY20-10000-P: an amount without a price "
            + "(best_bid_price is 0)",
        "t.jsonl:13: field 'error' = '{\"code\":10009,\"message\":\"not_enough_funds\"}': a JSON-RPC error "
            + "response, not a result",
        "t.jsonl:14: field '[0]' = '1': expected a JSON object (a Deribit result), found a number",
        "t.jsonl:15: line has 383 characters, more than the limit of 300",
        "t.jsonl:16: field 'greeks.delta' = 'high': BTC-PERPETUAL: expected a JSON number");
    assertThat(s.rowsRead()).isEqualTo(16);
    assertThat(s.skipped(IssueKind.BAD_NUMBER)).isEqualTo(2);
    assertThat(s.skipped(IssueKind.OUT_OF_RANGE)).isEqualTo(3);
    assertThat(s.skipped(IssueKind.INCONSISTENT)).isEqualTo(4);
    assertThat(s.skipped(IssueKind.BAD_VALUE)).isEqualTo(3);
    assertThat(s.skipped(IssueKind.MISSING_FIELD)).isEqualTo(1);
    assertThat(s.skipped(IssueKind.LINE_TOO_LONG)).isEqualTo(1);
  }

  @Test
  void brokenFilesGetOneClearError(@TempDir Path dir) {
    DeribitJsonReader r = DeribitJsonReader.DEFAULT;
    assertThatThrownBy(() -> r.readTickers(new StringReader(" \n "), "e.json", x -> { }, i -> { }))
        .isInstanceOf(DataFileException.class)
        .hasMessage("e.json: the file is empty; expected Deribit ticker or order-book results");
    assertThatThrownBy(() -> r.readTickers(new StringReader("timestamp,open\n"), "p.csv", x -> { }, i -> { }))
        .isInstanceOf(DataFileException.class)
        .hasMessage("p.csv: not JSON: the first character is 't'; expected Deribit ticker or order-book results "
            + "as JSON lines, a JSON array or a JSON-RPC response");
    String broken = "[\n {\"instrument_name\":\"BTC-PERPETUAL\",\"timestamp\":1623059681955,\"mark_price\":1},\n"
        + " {\"instrument_name\":\"BTC-PERPETUAL\" \"timestamp\":1}\n]";
    List<DeribitTicker> before = new ArrayList<>();
    assertThatThrownBy(() -> r.readTickers(new StringReader(broken), "b.json", before::add, i -> { }))
        .isInstanceOf(DataFileException.class)
        .hasMessage("b.json:3:37: not valid JSON: Unexpected character ('\"' (code 34)): was expecting comma to "
            + "separate Object entries");
    assertThat(before).hasSize(1);
    assertThatThrownBy(() -> r.readTickers(dir.resolve("none.jsonl"), x -> { }, i -> { }))
        .isInstanceOf(DataFileException.class).hasMessageEndingWith("none.jsonl: no such file");
    assertThatThrownBy(() -> DeribitJsonReader.of(1000, 1).readTickers(new StringReader(ORDER_BOOKS), "m.jsonl",
        x -> { }, i -> { }))
        .isInstanceOf(DataFileException.class).hasMessageStartingWith("m.jsonl: more than 1 records");
  }

  @Test
  void readsGzipFiles(@TempDir Path dir) throws IOException {
    Path gz = dir.resolve("books.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(ORDER_BOOKS.getBytes(StandardCharsets.UTF_8));
    }
    List<DeribitTicker> out = new ArrayList<>();
    assertThat(DeribitJsonReader.DEFAULT.readTickers(gz, out::add, i -> { }).rowsAccepted()).isEqualTo(2);
    assertThat(out.get(1).book().askLevels()).isEqualTo(2);
  }

  @Test
  void assemblesASnapshotWithItsForwardCurve() {
    List<DeribitTicker> all = new ArrayList<>(tickers(ORDER_BOOKS, new ArrayList<>()));
    DeribitSnapshots.Built built = DeribitSnapshots.fromTickers(all);
    MarketSnapshot m = built.snapshot();
    assertThat(m.timestamp()).isEqualTo(Instant.ofEpochMilli(1590103348860L));
    assertThat(m.index("BTC")).isEqualTo(9081.68); // the later ticker's index price
    assertThat(m.quotes()).hasSize(2);
    ForwardCurveBuilder.Result fwd = built.forwardReports().get("BTC");
    assertThat(fwd.nodes()).singleElement().satisfies(n -> {
      assertThat(n.source()).isEqualTo(ForwardCurveBuilder.Source.OPTION_FORWARD);
      assertThat(n.forward()).isEqualTo(0.5 * (9085.45 + 9081.62));
    });
    long expiry = Instant.parse("2020-05-22T08:00:00Z").toEpochMilli();
    assertThat(m.forwardCurve("BTC").nodeForward(expiry)).isEqualTo(0.5 * (9085.45 + 9081.62));
    // The pair has no bid on the call: parity is set aside with the reason.
    assertThat(fwd.setAside()).singleElement().satisfies(a ->
        assertThat(a.reason()).isEqualTo("call BTC-22MAY20-10000-C has no bid"));
    assertThatThrownBy(() -> DeribitSnapshots.fromTickers(List.of())).hasMessageContaining("no tickers");
  }
}
