package io.netgamma.data.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.core.portfolio.Position;
import io.netgamma.data.DataFileException;
import io.netgamma.data.io.IssueKind;
import io.netgamma.data.io.ReadSummary;
import io.netgamma.data.io.RowIssue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link DeribitPositionsReader}: Deribit's sizes (USD for inverse futures and perpetuals, {@code size_currency} in
 * coins; coins for options and linear instruments), the layouts, bad elements. The positions are shaped like
 * Deribit's documented {@code private/get_positions} responses.
 */
class DeribitPositionsReaderTest {

  static final String RESPONSE = """
      {"jsonrpc":"2.0","id":2236,"result":[
        {"average_price":7440.18,"delta":0.006687487,"direction":"buy","estimated_liquidation_price":1.74,
         "floating_profit_loss":0,"index_price":7466.79,"initial_margin":0.000197283,
         "instrument_name":"BTC-PERPETUAL","kind":"future","leverage":34,"maintenance_margin":0.000143783,
         "mark_price":7476.65,"open_orders_margin":0.000197288,"realized_funding":-1e-8,
         "realized_profit_loss":-9e-9,"settlement_price":7476.65,"size":50,"size_currency":0.006687487,
         "total_profit_loss":0.000032781},
        {"average_price":0.0325,"average_price_usd":2180.5,"delta":-12.4,"gamma":-0.00041,"vega":-310.2,
         "theta":95.1,"direction":"sell","floating_profit_loss":-0.01,"index_price":67000,
         "instrument_name":"BTC-28JUN24-70000-C","kind":"option","mark_price":0.0331,"size":-25},
        {"average_price":66000,"direction":"sell","instrument_name":"BTC-28JUN24","kind":"future",
         "mark_price":67500,"size":-135000,"size_currency":-2},
        {"average_price":66950.5,"direction":"buy","instrument_name":"BTC_USDC-PERPETUAL","kind":"future",
         "mark_price":67010,"size":0.75,"size_currency":0.75},
        {"average_price":0,"direction":"zero","instrument_name":"ETH-PERPETUAL","kind":"future",
         "mark_price":3500,"size":0,"size_currency":0}
      ],"usIn":1586440000000000,"usOut":1586440000000100,"usDiff":100,"testnet":false}
      """;

  static PortfolioRead read(String json, List<RowIssue> issues) {
    return DeribitPositionsReader.DEFAULT.read(new StringReader(json), "positions.json", "deribit", issues::add);
  }

  @Test
  void convertsDeribitSizesToCoins() {
    List<RowIssue> issues = new ArrayList<>();
    PortfolioRead r = read(RESPONSE, issues);
    assertThat(issues).isEmpty();
    Portfolio p = r.portfolio();
    assertThat(p.name()).isEqualTo("deribit");
    assertThat(p.collateral()).isEmpty();
    // inverse perpetual: size 50 USD, size_currency 0.006687487 BTC
    assertThat(p.position(0)).isEqualTo(new Position(Instrument.parse("BTC-PERPETUAL"), 0.006687487, 7440.18));
    // option: size in coins, average price in coin
    assertThat(p.position(1)).isEqualTo(new Position(Instrument.parse("BTC-28JUN24-70000-C"), -25, 0.0325));
    // inverse future short: size −135,000 USD = −2 BTC at 67,500
    assertThat(p.position(2)).isEqualTo(new Position(Instrument.parse("BTC-28JUN24"), -2, 66000));
    // linear perpetual: size in coins
    assertThat(p.position(3)).isEqualTo(new Position(Instrument.parse("BTC_USDC-PERPETUAL"), 0.75, 66950.5));
    // a flat position: kept with quantity 0 and no average price
    assertThat(p.position(4)).isEqualTo(Position.of("ETH-PERPETUAL", 0));
    assertThat(r.summary().describe()).isEqualTo("5 rows read, 5 accepted, 0 skipped");
  }

  @Test
  void withoutSizeCurrencyAnInverseSizeIsConvertedAtTheMark() {
    PortfolioRead r = read("""
        [{"instrument_name":"BTC-PERPETUAL","size":-3000,"mark_price":60000,"direction":"sell"},
         {"instrument_name":"BTC-PERPETUAL","size":-3000,"direction":"sell"}]
        """, new ArrayList<>());
    assertThat(r.portfolio().position(0).quantity()).isCloseTo(-0.05, within(1e-17));
    assertThat(r.summary().skipped(IssueKind.MISSING_FIELD)).isEqualTo(1);
  }

  @Test
  void keepsTheVenueNumbersForComparison() {
    List<DeribitPosition> out = new ArrayList<>();
    ReadSummary s = DeribitPositionsReader.DEFAULT.readPositions(new StringReader(RESPONSE), "p.json", out::add,
        i -> { });
    assertThat(s.rowsAccepted()).isEqualTo(5);
    DeribitPosition option = out.get(1);
    assertThat(option.kind()).isEqualTo("option");
    assertThat(option.size()).isEqualTo(-25);
    assertThat(option.markPrice()).isEqualTo(0.0331);
    assertThat(option.delta()).isEqualTo(-12.4);
    assertThat(option.vega()).isEqualTo(-310.2);
    assertThat(option.sizeCurrency()).isNaN();
    assertThat(out.get(0).size()).isEqualTo(50);
    assertThat(out.get(0).sizeCurrency()).isEqualTo(0.006687487);
  }

  @Test
  void readsSeveralResponsesOneALineAndSinglePositions() {
    String lines = """
        {"jsonrpc":"2.0","result":[{"instrument_name":"BTC-PERPETUAL","size":100,"size_currency":0.0015}]}
        {"jsonrpc":"2.0","result":[{"instrument_name":"ETH-PERPETUAL","size":-20,"size_currency":-0.006}]}
        {"instrument_name":"ETH-28JUN24-3600-C","size":4,"kind":"option","direction":"buy"}
        """;
    PortfolioRead r = read(lines, new ArrayList<>());
    assertThat(r.portfolio().positions()).extracting(Position::quantity).containsExactly(0.0015, -0.006, 4.0);
  }

  @Test
  void skipsBadElementsWithTheirFieldAndReason() {
    List<RowIssue> issues = new ArrayList<>();
    PortfolioRead r = read("""
        {"jsonrpc":"2.0","result":[
          {"instrument_name":"BTC-PERPETUAL","size":50,"size_currency":0.0007,"direction":"sell"},
          {"instrument_name":"BTC-FS-28JUN24_PERP","size":10,"kind":"future_combo"},
          {"instrument_name":"BTC-28JUN24-70000-C","size":1,"kind":"future"},
          {"instrument_name":"BTC-28JUN24-70000-C","size":"1"},
          {"instrument_name":"BTC-28JUN24","size":-100,"size_currency":0.0015},
          {"instrument_name":"BTC-28JUN24-70000-C","size":1,"direction":"long"},
          {"size":1},
          "BTC-PERPETUAL",
          {"instrument_name":"ETH-28JUN24-3600-C","size":2,"average_price":0.01}
        ]}
        """, issues);
    assertThat(r.portfolio().positions()).containsExactly(
        new Position(Instrument.parse("ETH-28JUN24-3600-C"), 2, 0.01));
    assertThat(issues).extracting(RowIssue::message).containsExactly(
        "positions.json:2: field 'result[0].size' = '50': BTC-PERPETUAL: size 50.0 contradicts direction 'sell' "
            + "(Deribit's size is signed: > 0 buy, < 0 sell, 0 zero)",
        "positions.json:3: field 'result[1].instrument_name' = 'BTC-FS-28JUN24_PERP': invalid instrument name "
            + "'BTC-FS-28JUN24_PERP': expected 1, 2 or 4 '-'-separated parts, got 3",
        "positions.json:4: field 'result[2].kind' = 'future': BTC-28JUN24-70000-C: kind 'future' contradicts the "
            + "instrument name",
        "positions.json:5: field 'result[3].size' = '1': BTC-28JUN24-70000-C: expected a JSON number",
        "positions.json:6: field 'result[4].size_currency' = '0.0015': BTC-28JUN24: size_currency 0.0015 has "
            + "another sign than size -100.0",
        "positions.json:7: field 'result[5].direction' = 'long': BTC-28JUN24-70000-C: expected buy, sell or zero",
        "positions.json:8: field 'result[6].instrument_name' = '': required field is absent",
        "positions.json:9: field 'result[7]' = '\"BTC-PERPETUAL\"': expected a position object");
    assertThat(r.summary().describe()).isEqualTo("9 rows read, 1 accepted, 8 skipped (1 missing field, "
        + "1 bad number, 2 bad value, 1 bad symbol, 3 inconsistent)");
  }

  @Test
  void errorResponsesAndBrokenFilesAreOneError() {
    List<RowIssue> issues = new ArrayList<>();
    assertThatThrownBy(() -> read("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":13009,\"message\":\"unauthorized\"}}",
        issues)).isInstanceOf(DataFileException.class)
        .hasMessage("positions.json:1: a JSON-RPC error response, not positions: "
            + "{\"code\":13009,\"message\":\"unauthorized\"}");
    assertThatThrownBy(() -> read("  ", issues)).hasMessageStartingWith("positions.json: the file is empty");
    assertThatThrownBy(() -> read("[{\"instrument_name\":}]", issues)).hasMessageStartingWith("positions.json:1:");
    assertThatThrownBy(() -> read("{\"jsonrpc\":\"2.0\",\"id\":3}", issues))
        .hasMessage("positions.json:1: a JSON-RPC response without a result array");
  }
}
