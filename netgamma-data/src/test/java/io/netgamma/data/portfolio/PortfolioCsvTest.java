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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PortfolioCsv}: the format, a round trip, bad rows, broken files. */
class PortfolioCsvTest {

  @TempDir
  Path dir;

  static PortfolioRead read(String csv, List<RowIssue> issues) {
    return PortfolioCsv.DEFAULT.read(new StringReader(csv), "book.csv", "book", issues::add);
  }

  @Test
  void readsPositionsWithAndWithoutAveragePrice() {
    List<RowIssue> issues = new ArrayList<>();
    PortfolioRead r = read("""
        \uFEFFinstrument,quantity,average_price
        BTC-28JUN24-70000-C,-25,0.0123

        "BTC-PERPETUAL", 3.5 ,
        """, issues);
    assertThat(issues).isEmpty();
    assertThat(r.portfolio().name()).isEqualTo("book");
    assertThat(r.portfolio().positions()).containsExactly(
        new Position(Instrument.parse("BTC-28JUN24-70000-C"), -25, 0.0123), Position.of("BTC-PERPETUAL", 3.5));
    assertThat(r.summary().describe()).isEqualTo("2 rows read, 2 accepted, 0 skipped");
    // columns in another order, extra columns ignored, no average_price column
    PortfolioRead other = read("note,quantity,instrument\nhedge,-2,ETH-PERPETUAL\n", issues);
    assertThat(other.portfolio().positions()).containsExactly(Position.of("ETH-PERPETUAL", -2));
  }

  @Test
  void roundTrips() {
    Portfolio p = Portfolio.of("book", List.of(new Position(Instrument.parse("BTC-28JUN24-70000-C"), -25, 0.0123),
        Position.of("BTC-PERPETUAL", 0.1 + 0.2), Position.of("XRP_USDC-30MAY25-2d2-C", 1e-9)));
    String csv = PortfolioCsv.DEFAULT.toCsv(p);
    assertThat(csv).isEqualTo("""
        instrument,quantity,average_price
        BTC-28JUN24-70000-C,-25,0.0123
        BTC-PERPETUAL,0.30000000000000004,
        XRP_USDC-30MAY25-2d2-C,1.0E-9,
        """);
    assertThat(read(csv, new ArrayList<>()).portfolio()).isEqualTo(p);
    Portfolio plain = Portfolio.of("book", List.of(Position.of("BTC-PERPETUAL", 1)));
    assertThat(PortfolioCsv.DEFAULT.toCsv(plain)).isEqualTo("instrument,quantity\nBTC-PERPETUAL,1\n");
    assertThatThrownBy(() -> PortfolioCsv.DEFAULT.toCsv(plain.withCollateral(Map.of("BTC", 1.0))))
        .hasMessageContaining("has collateral {BTC=1.0}, which a portfolio CSV cannot hold: write it as portfolio "
            + "JSON");
  }

  @Test
  void skipsBadRowsWithFileLineColumnValueAndReason() {
    List<RowIssue> issues = new ArrayList<>();
    PortfolioRead r = read("""
        instrument,quantity,average_price
        BTC-28JUN24-70000-C,-25,0.0123
        BTC-28JUN24-70000-X,1,
        BTC-PERPETUAL,abc,
        BTC-PERPETUAL,,
        ,5,
        ETH-PERPETUAL,2,-3
        ETH-PERPETUAL,2
        ETH-PERPETUAL,1e999,
        ETH-28JUN24-3600-C,NaN,
        ETH-28JUN24-3600-C,4,0.05
        """, issues);
    assertThat(r.portfolio().positions()).containsExactly(
        new Position(Instrument.parse("BTC-28JUN24-70000-C"), -25, 0.0123),
        new Position(Instrument.parse("ETH-28JUN24-3600-C"), 4, 0.05));
    assertThat(r.summary().describe()).isEqualTo("10 rows read, 2 accepted, 8 skipped (1 wrong field count, "
        + "2 missing field, 3 bad number, 1 out of range, 1 bad symbol)");
    assertThat(issues).extracting(RowIssue::message).containsExactly(
        "book.csv:3: field 'instrument' = 'BTC-28JUN24-70000-X': invalid instrument name 'BTC-28JUN24-70000-X': "
            + "option type must be C or P, got 'X'",
        "book.csv:4: field 'quantity' = 'abc': BTC-PERPETUAL: not a plain decimal number",
        "book.csv:5: field 'quantity' = '': BTC-PERPETUAL: required field is empty",
        "book.csv:6: field 'instrument' = '': required field is empty",
        "book.csv:7: field 'average_price' = '-3': ETH-PERPETUAL: must be > 0",
        "book.csv:8: expected 3 comma-separated fields as in the header, got 2",
        "book.csv:9: field 'quantity' = '1e999': ETH-PERPETUAL: number outside the range of a double",
        "book.csv:10: field 'quantity' = 'NaN': ETH-28JUN24-3600-C: not a plain decimal number");
  }

  @Test
  void brokenFilesAndLimits() throws Exception {
    List<RowIssue> issues = new ArrayList<>();
    assertThatThrownBy(() -> read("", issues)).isInstanceOf(DataFileException.class)
        .hasMessageStartingWith("book.csv: the file is empty; expected a portfolio (instrument,quantity"
            + "[,average_price]) CSV");
    assertThatThrownBy(() -> read("symbol,size\nBTC-PERPETUAL,1\n", issues))
        .hasMessageContaining("lacks the required columns instrument, quantity");
    assertThatThrownBy(() -> PortfolioCsv.of(1024, 2).read(new StringReader(
        "instrument,quantity\nBTC-PERPETUAL,1\nBTC-PERPETUAL,1\nBTC-PERPETUAL,1\n"), "big.csv", "b", issues::add))
        .hasMessage("big.csv: more than 2 rows (the reader's limit); raise the limit or split the file");
    PortfolioRead longLine = PortfolioCsv.of(30, 10).read(new StringReader(
        "instrument,quantity\nBTC-PERPETUAL,1" + "0".repeat(40) + "\n"), "long.csv", "l", issues::add);
    assertThat(longLine.summary().skipped(IssueKind.LINE_TOO_LONG)).isEqualTo(1);
    Path file = dir.resolve("strict.csv");
    Files.writeString(file, "instrument,quantity\nBTC-PERPETUAL,x\n");
    assertThatThrownBy(() -> PortfolioCsv.DEFAULT.read(file)).isInstanceOf(DataFileException.class)
        .hasMessageEndingWith("strict.csv:2: field 'quantity' = 'x': BTC-PERPETUAL: not a plain decimal number");
  }
}
