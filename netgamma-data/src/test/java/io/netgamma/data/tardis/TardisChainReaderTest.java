package io.netgamma.data.tardis;

import io.netgamma.data.io.RowIssue;
import io.netgamma.data.io.IssueKind;
import io.netgamma.data.io.ReadSummary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netgamma.core.instrument.OptionType;
import io.netgamma.data.DataFileException;
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

class TardisChainReaderTest {

  static final String HEADER = String.join(",", TardisChainReader.TARDIS_COLUMNS);
  /** Two real rows of the 2020-05-21 BTC chain (with Tardis' own number forms: 10000.0, 2.073e-05, 2e-05). */
  static final String CALL = "deribit,BTC-22MAY20-10000-C,1590103295483000,1590103295483000,call,10000.0,"
      + "1590134400000000,1137.2,0.0015,,,0.0,0.0005,11.0,156.66,2.073e-05,106.28,SYN.BTC-22MAY20,9085.45,0.00213,"
      + "2e-05,0.01917,-0.1883,0.00019";
  static final String PUT = "deribit,BTC-22MAY20-10000-P,1590103348860000,1590103348860000,put,10000.0,"
      + "1590134400000000,302.2,0.108,0.0965,0.5,0.0,0.103,0.5,202.21,0.10112934,106.85,SYN.BTC-22MAY20,9081.62,"
      + "-0.99785,2e-05,0.01931,-1.03159,-0.09836";

  record Result(ReadSummary summary, List<ChainRow> rows, List<RowIssue> issues) {
  }

  static Result read(String text) {
    return read(TardisChainReader.DEFAULT, text);
  }

  static Result read(TardisChainReader reader, String text) {
    List<ChainRow> rows = new ArrayList<>();
    List<RowIssue> issues = new ArrayList<>();
    ReadSummary summary = reader.read(new StringReader(text), "chain.csv", rows::add, issues::add);
    return new Result(summary, rows, issues);
  }

  /** The CALL row with one field replaced. */
  static String callWith(String column, String value) {
    String[] fields = CALL.split(",", -1);
    fields[TardisChainReader.TARDIS_COLUMNS.indexOf(column)] = value;
    return String.join(",", fields);
  }

  @Test
  void readsRealRowsWithUnitsAndAbsentCells() {
    Result r = read(HEADER + "\n" + CALL + "\n" + PUT + "\n");
    assertThat(r.issues()).isEmpty();
    assertThat(r.summary().describe()).isEqualTo("2 rows read, 2 accepted, 0 skipped");
    ChainRow call = r.rows().get(0);
    assertThat(call.line()).isEqualTo(2);
    assertThat(call.exchange()).isEqualTo("deribit");
    assertThat(call.symbol()).isEqualTo("BTC-22MAY20-10000-C");
    assertThat(call.instrument().name()).isEqualTo("BTC-22MAY20-10000-C");
    assertThat(call.type()).isEqualTo(OptionType.CALL);
    assertThat(call.strike()).isEqualTo(10000.0);
    assertThat(call.timestamp()).isEqualTo(Instant.parse("2020-05-21T23:21:35.483Z"));
    assertThat(call.expiration()).isEqualTo(Instant.parse("2020-05-22T08:00:00Z"));
    assertThat(call.markPriceCoin()).isEqualTo(2.073e-05);
    // percent in the file, fraction in the row, by an exact decimal shift (not 106.28 / 100)
    assertThat(call.markIvFraction()).isEqualTo(1.0628);
    assertThat(call.askIvFraction().getAsDouble()).isEqualTo(1.5666);
    assertThat(call.bidIvFraction().getAsDouble()).isEqualTo(0.0);
    assertThat(call.bidPriceCoin()).isEmpty();
    assertThat(call.bidAmount()).isEmpty();
    assertThat(call.lastPriceCoin().getAsDouble()).isEqualTo(0.0015);
    assertThat(call.underlyingIndex()).contains("SYN.BTC-22MAY20");
    assertThat(call.underlyingPrice()).isEqualTo(9085.45);
    assertThat(call.gamma().getAsDouble()).isEqualTo(2e-05);
    assertThat(call.theta().getAsDouble()).isEqualTo(-0.1883);
    assertThat(call.yearsToExpiry()).isCloseTo((1590134400000L - 1590103295483L) / (365 * 86_400_000.0),
        org.assertj.core.data.Offset.offset(1e-15));
    assertThat(call.markPriceUsd()).isEqualTo(2.073e-05 * 9085.45);
    ChainRow put = r.rows().get(1);
    assertThat(put.type()).isEqualTo(OptionType.PUT);
    assertThat(put.delta().getAsDouble()).isEqualTo(-0.99785);
    assertThat(put.bidPriceCoin().getAsDouble()).isEqualTo(0.0965);
  }

  @Test
  void columnsAreFoundByNameInAnyOrderAndOptionalColumnsMayBeMissing() {
    String header = "underlying_price,mark_iv,mark_price,expiration,strike_price,type,timestamp,symbol,extra";
    String line = "9085.45,106.28,2.073e-05,1590134400000000,10000.0,call,1590103295483000,BTC-22MAY20-10000-C,x";
    Result r = read(header + "\n" + line + "\n");
    assertThat(r.issues()).isEmpty();
    ChainRow row = r.rows().get(0);
    ChainRow full = read(HEADER + "\n" + CALL).rows().get(0);
    assertThat(row.markIvFraction()).isEqualTo(full.markIvFraction());
    assertThat(row.markPriceCoin()).isEqualTo(full.markPriceCoin());
    assertThat(row.timestamp()).isEqualTo(full.timestamp());
    assertThat(row.localTimestamp()).isEqualTo(row.timestamp());
    assertThat(row.exchange()).isEmpty();
    assertThat(row.underlyingIndex()).isEmpty();
    assertThat(row.delta()).isEmpty();
    assertThat(row.openInterest()).isEmpty();
  }

  @Test
  void badRowsAreSkippedWithLineFieldValueAndReasonAndCounted() {
    String text = String.join("\n", HEADER,
        callWith("mark_iv", "abc"),                                   // line 2
        callWith("mark_price", "NaN"),                                // 3
        callWith("underlying_price", ""),                             // 4
        callWith("symbol", "BTC-22MAY20-10000"),                      // 5: malformed
        callWith("symbol", "BTC-25SEP20"),                            // 6: a future
        callWith("type", "put"),                                      // 7
        callWith("strike_price", "10500.0"),                          // 8
        callWith("expiration", "1590220800000000"),                   // 9: 23MAY20
        CALL + ",extra",                                              // 10
        callWith("bid_price", "-0.1"),                                // 11
        callWith("timestamp", "1590103295483"),                       // 12: milliseconds
        callWith("type", "future"),                                   // 13
        callWith("delta", "1e999"),                                   // 14
        callWith("gamma", "0x10"),                                    // 15
        CALL,                                                         // 16: good
        "") + "\n";
    Result r = read(text);
    assertThat(r.rows()).extracting(ChainRow::line).containsExactly(16L);
    assertThat(r.issues()).extracting(RowIssue::line)
        .containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L);
    assertThat(r.issues()).extracting(RowIssue::field).containsExactly("mark_iv", "mark_price", "underlying_price",
        "symbol", "symbol", "type", "strike_price", "expiration", RowIssue.WHOLE_LINE, "bid_price", "timestamp",
        "type", "delta", "gamma");
    assertThat(r.issues()).extracting(RowIssue::kind).containsExactly(IssueKind.BAD_NUMBER, IssueKind.BAD_NUMBER,
        IssueKind.MISSING_FIELD, IssueKind.BAD_SYMBOL, IssueKind.BAD_SYMBOL, IssueKind.INCONSISTENT,
        IssueKind.INCONSISTENT, IssueKind.INCONSISTENT, IssueKind.FIELD_COUNT, IssueKind.OUT_OF_RANGE,
        IssueKind.OUT_OF_RANGE, IssueKind.BAD_VALUE, IssueKind.BAD_NUMBER, IssueKind.BAD_NUMBER);
    assertThat(r.issues().get(0).value()).isEqualTo("abc");
    assertThat(r.issues().get(0).source()).isEqualTo("chain.csv");
    assertThat(r.issues().get(0).message()).isEqualTo(
        "chain.csv:2: field 'mark_iv' = 'abc': not a decimal number");
    assertThat(r.issues().get(3).reason()).contains("BTC-22MAY20-10000");
    assertThat(r.issues().get(4).reason()).contains("not an option but a future");
    assertThat(r.issues().get(5).reason()).isEqualTo(
        "the symbol BTC-22MAY20-10000-C is a call but the type column says put");
    assertThat(r.issues().get(6).reason()).isEqualTo(
        "the symbol BTC-22MAY20-10000-C has strike 10000 but the strike_price column says 10500");
    assertThat(r.issues().get(7).reason()).contains("expires 2020-05-22T08:00:00Z", "says 2020-05-23T08:00:00Z");
    assertThat(r.issues().get(8).message()).isEqualTo(
        "chain.csv:10: line has 25 comma-separated fields, the header has 24");
    assertThat(r.issues().get(10).reason()).contains("is this milliseconds");
    ReadSummary s = r.summary();
    assertThat(s.rowsRead()).isEqualTo(15);
    assertThat(s.rowsAccepted()).isEqualTo(1);
    assertThat(s.rowsSkipped()).isEqualTo(14);
    assertThat(s.skipped(IssueKind.BAD_NUMBER)).isEqualTo(4);
    assertThat(s.skipped(IssueKind.INCONSISTENT)).isEqualTo(3);
    assertThat(s.skipped(IssueKind.LINE_TOO_LONG)).isZero();
    assertThat(s.describe()).isEqualTo("15 rows read, 1 accepted, 14 skipped (1 wrong field count, 1 missing field, "
        + "4 bad number, 2 out of range, 1 bad value, 2 bad symbol, 3 inconsistent)");
  }

  @Test
  void impliedVolatilitiesHaveAnExplicitUpperLimit() {
    Result r = read(HEADER + "\n" + callWith("mark_iv", "10000") + "\n" + callWith("mark_iv", "10000.01") + "\n"
        + callWith("ask_iv", "1e5") + "\n");
    assertThat(r.rows()).extracting(ChainRow::markIvFraction).containsExactly(100.0);
    assertThat(r.issues()).extracting(RowIssue::field).containsExactly("mark_iv", "ask_iv");
    assertThat(r.issues()).allSatisfy(i -> {
      assertThat(i.kind()).isEqualTo(IssueKind.OUT_OF_RANGE);
      assertThat(i.reason()).isEqualTo("an implied volatility must be between 0 and 10000 percent");
    });
  }

  @Test
  void strictNumbersRejectJavaOnlyForms() {
    for (String ok : new String[] {"0", "-1.5", "+2", ".5", "5.", "2.073e-05", "1E+3"}) {
      assertThat(TardisChainReader.isDecimal(ok)).as(ok).isTrue();
    }
    for (String bad : new String[] {"", "NaN", "Infinity", "-Infinity", "1d", "1f", "0x1p3", " 1", "1 ", "1e", "e5",
        ".", "-", "1,5", "1..2"}) {
      assertThat(TardisChainReader.isDecimal(bad)).as("'" + bad + "'").isFalse();
    }
  }

  @Test
  void percentagesBecomeTheNearestDoubleOfTheExactFraction() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(1);
    for (int i = 0; i < 20_000; i++) {
      String text = switch (i % 4) {
        case 0 -> String.format(java.util.Locale.ROOT, "%.2f", random.nextDouble() * 300);
        case 1 -> String.format(java.util.Locale.ROOT, "%.4f", random.nextDouble());
        case 2 -> String.format(java.util.Locale.ROOT, "%.3e", random.nextDouble() * 1000);
        default -> Long.toString(random.nextLong(1000));
      };
      double exact = new java.math.BigDecimal(text).movePointLeft(2).doubleValue();
      assertThat(TardisChainReader.percentToFraction(text)).as(text).isEqualTo(exact);
    }
    assertThat(TardisChainReader.percentToFraction("106.28")).isEqualTo(1.0628);
    assertThat(TardisChainReader.percentToFraction("0.07")).isEqualTo(0.0007).isNotEqualTo(0.07 / 100);
    assertThat(TardisChainReader.percentToFraction("1E+2")).isEqualTo(1.0);
    assertThat(TardisChainReader.percentToFraction("1e-99999999999999999999")).isEqualTo(0.0);
  }

  @Test
  void tooLongLinesAreSkippedAndReadingContinues() {
    TardisChainReader reader = TardisChainReader.of(300, 1000);
    String longLine = CALL + "x".repeat(500);
    Result r = read(reader, HEADER + "\n" + longLine + "\n" + CALL + "\n");
    assertThat(r.rows()).hasSize(1);
    assertThat(r.rows().get(0).line()).isEqualTo(3);
    assertThat(r.issues()).singleElement().satisfies(i -> {
      assertThat(i.kind()).isEqualTo(IssueKind.LINE_TOO_LONG);
      assertThat(i.line()).isEqualTo(2);
      assertThat(i.reason()).contains(longLine.length() + " characters", "limit of 300");
    });
  }

  @Test
  void theLineLimitIsExactAndHoldsForALastLineWithoutNewline() {
    String header = "symbol,timestamp,type,strike_price,expiration,mark_price,mark_iv,underlying_price";
    String row = "BTC-22MAY20-10000-C,1590103295483000,call,10000.0,1590134400000000,2.073e-05,106.28,9085.45";
    TardisChainReader exact = TardisChainReader.of(row.length(), 1000);
    Result r = read(exact, header + "\n" + row + "\r\n" + row + "0");
    assertThat(r.rows()).extracting(ChainRow::line).containsExactly(2L); // a CRLF does not count
    assertThat(r.issues()).singleElement().satisfies(i -> {
      assertThat(i.kind()).isEqualTo(IssueKind.LINE_TOO_LONG);
      assertThat(i.line()).isEqualTo(3);
      assertThat(i.reason()).contains((row.length() + 1) + " characters");
    });
    Result shorter = read(TardisChainReader.of(row.length() - 1, 1000), header + "\n" + row);
    assertThat(shorter.summary().skipped(IssueKind.LINE_TOO_LONG)).isEqualTo(1);
    assertThatThrownBy(() -> read(TardisChainReader.of(header.length() - 1, 1000), header + "\n" + row))
        .isInstanceOf(DataFileException.class).hasMessageContaining("(the header) has " + header.length());
  }

  @Test
  void crlfBomBlankLinesAndAMissingFinalNewlineAreFine() {
    Result r = read("\uFEFF" + HEADER + "\r\n" + CALL + "\r\n\r\n" + PUT);
    assertThat(r.issues()).isEmpty();
    assertThat(r.rows()).extracting(ChainRow::line).containsExactly(2L, 4L);
    assertThat(r.rows().get(1).rho().getAsDouble()).isEqualTo(-0.09836);
  }

  @Test
  void aBrokenFileGetsOneClearExceptionNamingIt(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> read("exchange,symbol,timestamp,type\n" + CALL))
        .isInstanceOf(DataFileException.class)
        .hasMessageStartingWith("chain.csv: the header (line 1) is not that of a Tardis options_chain CSV file")
        .hasMessageContaining("strike_price, expiration, mark_price, mark_iv, underlying_price");
    assertThatThrownBy(() -> read(""))
        .isInstanceOf(DataFileException.class).hasMessageStartingWith("chain.csv: the file is empty");
    assertThatThrownBy(() -> read(HEADER + ",symbol\n"))
        .isInstanceOf(DataFileException.class).hasMessageContaining("names column 'symbol' twice");
    Path missing = dir.resolve("nope.csv");
    assertThatThrownBy(() -> TardisChainReader.DEFAULT.read(missing, r -> { }, i -> { }))
        .isInstanceOf(DataFileException.class).hasMessage(missing + ": no such file");
    assertThatThrownBy(() -> TardisChainReader.DEFAULT.read(dir, r -> { }, i -> { }))
        .isInstanceOf(DataFileException.class).hasMessageContaining("is a directory");
    assertThatThrownBy(() -> read(TardisChainReader.of(4096, 1), HEADER + "\n" + CALL + "\n" + PUT + "\n"))
        .isInstanceOf(DataFileException.class).hasMessageContaining("more than 1 data rows");
  }

  @Test
  void readsFilesPlainAndGzipped(@TempDir Path dir) throws IOException {
    String text = HEADER + "\n" + CALL + "\n" + PUT + "\n";
    Path plain = dir.resolve("chain.csv");
    Files.writeString(plain, text);
    Path gz = dir.resolve("chain.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    List<ChainRow> a = new ArrayList<>();
    List<ChainRow> b = new ArrayList<>();
    ReadSummary sa = TardisChainReader.DEFAULT.read(plain, a::add, i -> { });
    ReadSummary sb = TardisChainReader.DEFAULT.read(gz, b::add, i -> { });
    assertThat(a).hasSize(2).isEqualTo(b);
    assertThat(sa.rowsAccepted()).isEqualTo(2);
    assertThat(sb.source()).isEqualTo(gz.toString());
  }

  @Test
  void rowsAreValidatedInTheirConstructorToo() {
    ChainRow good = read(HEADER + "\n" + CALL).rows().get(0);
    assertThatThrownBy(() -> new ChainRow(1, "deribit", good.symbol(), good.instrument(), good.timestamp(),
        good.localTimestamp(), OptionType.PUT, good.strike(), good.expiration(), good.openInterest(),
        good.lastPriceCoin(), good.bidPriceCoin(), good.bidAmount(), good.bidIvFraction(), good.askPriceCoin(),
        good.askAmount(), good.askIvFraction(), good.markPriceCoin(), good.markIvFraction(), good.underlyingIndex(),
        good.underlyingPrice(), good.delta(), good.gamma(), good.vega(), good.theta(), good.rho()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type column says PUT");
  }

  /**
   * The reader parses the usual number form (sign, up to 15 digits, a point) on a fast path of its own; every
   * value must equal Java's correctly rounded {@link Double#parseDouble} of the same text, in every column.
   */
  @Test
  void numbersParseExactlyLikeParseDouble() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(20261122);
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    List<String> marks = new ArrayList<>();
    List<String> forwards = new ArrayList<>();
    List<String> deltas = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      String mark = decimal(random, false);
      String forward = "9" + decimal(random, false).replace(".", "").replaceFirst("^0+", "") + ".5";
      if (forward.length() > 16) {
        forward = forward.substring(0, 14) + ".5";
      }
      String delta = (random.nextBoolean() ? "-" : "") + decimal(random, true);
      marks.add(mark);
      forwards.add(forward);
      deltas.add(delta);
      String row = callWith("mark_price", mark);
      String[] f = row.split(",", -1);
      f[TardisChainReader.TARDIS_COLUMNS.indexOf("underlying_price")] = forward;
      f[TardisChainReader.TARDIS_COLUMNS.indexOf("delta")] = delta;
      csv.append(String.join(",", f)).append('\n');
    }
    Result r = read(csv.toString());
    assertThat(r.issues()).isEmpty();
    assertThat(r.rows()).hasSize(marks.size());
    for (int i = 0; i < marks.size(); i++) {
      ChainRow row = r.rows().get(i);
      assertThat(row.markPriceCoin()).as(marks.get(i)).isEqualTo(Double.parseDouble(marks.get(i)));
      assertThat(row.underlyingPrice()).as(forwards.get(i)).isEqualTo(Double.parseDouble(forwards.get(i)));
      assertThat(row.delta().getAsDouble()).as(deltas.get(i)).isEqualTo(Double.parseDouble(deltas.get(i)));
    }
  }

  /** A non-negative decimal with 1 to 15 significant digits and the point anywhere (or none). */
  private static String decimal(java.util.SplittableRandom random, boolean allowInteger) {
    int digits = 1 + random.nextInt(15);
    StringBuilder d = new StringBuilder();
    for (int i = 0; i < digits; i++) {
      d.append((char) ('0' + random.nextInt(10)));
    }
    int point = random.nextInt(digits + (allowInteger ? 1 : 0));
    if (point == digits) {
      return d.toString();
    }
    return d.substring(0, point).isEmpty() ? "0." + d : d.substring(0, point) + "." + d.substring(point);
  }
}
