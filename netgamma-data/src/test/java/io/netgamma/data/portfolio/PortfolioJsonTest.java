package io.netgamma.data.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.core.portfolio.Position;
import io.netgamma.data.DataFileException;
import io.netgamma.data.io.IssueKind;
import io.netgamma.data.io.RowIssue;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PortfolioJson}: the documented format, a bit-exact round trip, bad entries, broken files. */
class PortfolioJsonTest {

  @TempDir
  Path dir;

  static PortfolioRead read(String json, List<RowIssue> issues) {
    return PortfolioJson.DEFAULT.read(new StringReader(json), "desk.json", "desk", issues::add);
  }

  @Test
  void readsTheDocumentedExample() {
    Portfolio p = PortfolioJson.DEFAULT.fromJson("""
        {"name":"desk","positions":[{"instrument":"BTC-28JUN24-70000-C","quantity":-25}],"collateral":{"BTC":12.5}}
        """, "unused");
    assertThat(p.name()).isEqualTo("desk");
    assertThat(p.positions()).containsExactly(Position.of("BTC-28JUN24-70000-C", -25));
    assertThat(p.collateral()).containsExactly(Map.entry("BTC", 12.5));
  }

  @Test
  void roundTripsExactly() {
    Map<String, Double> collateral = new LinkedHashMap<>();
    collateral.put("USDC", 50_000.25);
    collateral.put("BTC", -0.1);
    Portfolio p = Portfolio.of("desk \"A\"", List.of(
        new Position(Instrument.parse("BTC-28JUN24-70000-C"), -25, 0.0123),
        Position.of("BTC-PERPETUAL", 0.1 + 0.2),
        new Position(Instrument.parse("ETH_USDC-27SEP24-3000-P"), 1e-9, 12.5),
        Position.of("BTC-28JUN24-70000-C", 3),
        Position.of("XRP_USDC-30MAY25-2d2-C", 1234567.0)), collateral);
    String json = PortfolioJson.DEFAULT.toJson(p);
    assertThat(json).isEqualTo("""
        {"name":"desk \\"A\\"",
         "positions":[
          {"instrument":"BTC-28JUN24-70000-C","quantity":-25,"average_price":0.0123},
          {"instrument":"BTC-PERPETUAL","quantity":0.30000000000000004},
          {"instrument":"ETH_USDC-27SEP24-3000-P","quantity":1.0E-9,"average_price":12.5},
          {"instrument":"BTC-28JUN24-70000-C","quantity":3},
          {"instrument":"XRP_USDC-30MAY25-2d2-C","quantity":1234567}],
         "collateral":{"USDC":50000.25,"BTC":-0.1}}
        """);
    Portfolio back = PortfolioJson.DEFAULT.fromJson(json, "x");
    assertThat(back).isEqualTo(p);
    assertThat(PortfolioJson.DEFAULT.toJson(back)).isEqualTo(json);
    Path file = dir.resolve("book.json");
    PortfolioJson.DEFAULT.write(p, file);
    assertThat(PortfolioJson.DEFAULT.read(file)).isEqualTo(p);
  }

  @Test
  void namesAPortfolioWithoutNameAfterTheFile() throws Exception {
    Path file = dir.resolve("vault-7.json");
    Files.writeString(file, "{\"positions\":[]}");
    PortfolioRead r = PortfolioJson.DEFAULT.read(file, i -> { });
    assertThat(r.portfolio().name()).isEqualTo("vault-7");
    assertThat(r.portfolio().size()).isZero();
    assertThat(r.summary().rowsRead()).isZero();
  }

  @Test
  void skipsBadPositionsWithFileLineFieldValueAndReason() {
    List<RowIssue> issues = new ArrayList<>();
    PortfolioRead r = read("""
        {"name":"desk",
         "positions":[
          {"instrument":"BTC-28JUN24-70000-C","quantity":-25},
          {"instrument":"BTC-28JUN24-7000O-C","quantity":1},
          {"instrument":"BTC-PERPETUAL","quantity":"ten"},
          {"instrument":"BTC-PERPETUAL"},
          {"quantity":4},
          {"instrument":"ETH-28JUN24-3600-C","quantity":2,"average_price":-0.01},
          {"instrument":"BTC-28JUN24","quantity":2,"average_price":0},
          17,
          {"instrument":"ETH-PERPETUAL","quantity":-3.5,"average_price":3500,"note":"ignored"}],
         "comment":{"nested":[1,2]}}
        """, issues);
    assertThat(r.portfolio().positions()).containsExactly(Position.of("BTC-28JUN24-70000-C", -25),
        new Position(Instrument.parse("ETH-PERPETUAL"), -3.5, 3500));
    assertThat(r.summary().rowsRead()).isEqualTo(9);
    assertThat(r.summary().rowsAccepted()).isEqualTo(2);
    assertThat(r.summary().skipped(IssueKind.BAD_SYMBOL)).isEqualTo(1);
    assertThat(r.summary().skipped(IssueKind.BAD_NUMBER)).isEqualTo(1);
    assertThat(r.summary().skipped(IssueKind.MISSING_FIELD)).isEqualTo(2);
    assertThat(r.summary().skipped(IssueKind.OUT_OF_RANGE)).isEqualTo(2);
    assertThat(r.summary().skipped(IssueKind.BAD_VALUE)).isEqualTo(1);
    assertThat(issues).extracting(RowIssue::message).containsExactly(
        "desk.json:4: field 'positions[1].instrument' = 'BTC-28JUN24-7000O-C': invalid instrument name "
            + "'BTC-28JUN24-7000O-C': strike must be digits with an optional 'd' as decimal point (e.g. 60000, 2d2), "
            + "got '7000O'",
        "desk.json:5: field 'positions[2].quantity' = 'ten': BTC-PERPETUAL: expected a JSON number",
        "desk.json:6: field 'positions[3].quantity' = '': BTC-PERPETUAL: required field is absent",
        "desk.json:7: field 'positions[4].instrument' = '': required field is absent",
        "desk.json:8: field 'positions[5].average_price' = '-0.01': ETH-28JUN24-3600-C: must be >= 0 (coin per "
            + "1-coin option)",
        "desk.json:9: field 'positions[6].average_price' = '0': BTC-28JUN24: must be > 0 (USD per coin)",
        "desk.json:10: field 'positions[7]' = '17': expected a position object {\"instrument\":...,\"quantity\":...}");
  }

  @Test
  void strictReadsFailAtTheFirstBadPosition() {
    assertThatThrownBy(() -> PortfolioJson.DEFAULT.fromJson(
        "{\"positions\":[{\"instrument\":\"BTC-PERPETUAL\",\"quantity\":1e999}]}", "x"))
        .isInstanceOf(DataFileException.class)
        .hasMessage("(json):1: field 'positions[0].quantity' = '1E+999': BTC-PERPETUAL: number outside the range "
            + "of a double");
  }

  @Test
  void brokenFilesAreOneErrorNamingFileLineAndField() throws Exception {
    List<RowIssue> issues = new ArrayList<>();
    assertThatThrownBy(() -> read("", issues)).isInstanceOf(DataFileException.class)
        .hasMessageStartingWith("desk.json: the file is empty");
    assertThatThrownBy(() -> read("[1,2]", issues)).hasMessage("desk.json:1: expected a portfolio JSON object, "
        + "found START_ARRAY");
    assertThatThrownBy(() -> read("{\"name\":\"d\"}", issues)).hasMessageStartingWith("desk.json: no 'positions' "
        + "array");
    assertThatThrownBy(() -> read("{\"positions\":[],\n\"collateral\":{\"BTC\":\"lots\"}}", issues))
        .hasMessage("desk.json:2: field 'collateral.BTC' = 'lots': expected a number");
    assertThatThrownBy(() -> read("{\"positions\":[],\"collateral\":{\"btc\":1}}", issues))
        .hasMessageContaining("field 'collateral.btc' = '1': currency must be 1 to 12 upper-case letters");
    assertThatThrownBy(() -> read("{\"positions\":[{\"instrument\":\"BTC-PERPETUAL\",\"quantity\":1}\n,]}", issues))
        .hasMessageStartingWith("desk.json:2:2: not valid JSON");
    assertThatThrownBy(() -> read("{\"name\":3,\"positions\":[]}", issues))
        .hasMessage("desk.json:1: field 'name' = '3': expected a non-blank string");
    assertThatThrownBy(() -> PortfolioJson.of(1).read(new StringReader("{\"positions\":[{},{}]}"), "big", "b",
        issues::add)).hasMessageContaining("big: more than 1 positions (the reader's limit)");
    assertThatThrownBy(() -> PortfolioJson.DEFAULT.read(dir.resolve("missing.json")))
        .hasMessageEndingWith("missing.json: no such file");
    assertThatThrownBy(() -> PortfolioJson.DEFAULT.read(dir)).hasMessageContaining("is a directory");
  }
}
