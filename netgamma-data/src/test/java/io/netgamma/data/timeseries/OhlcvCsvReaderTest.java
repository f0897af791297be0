package io.netgamma.data.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

class OhlcvCsvReaderTest {

  private static long ms(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  private static OhlcvCsvReader.Result read(String csv, List<RowIssue> issues) {
    return OhlcvCsvReader.DEFAULT.read(new StringReader(csv), "bars.csv", issues::add);
  }

  @Test
  void readsTheBinanceShapeWithAGlitchFirstRowAndAGap() {
    // The first hour of Binance BTCUSDT as published: open and high 16199.91 are a glitch print.
    String csv = """
        timestamp,open,high,low,close,volume
        2017-08-17T04:00:00Z,16199.91,16199.91,4261.32,4308.83,44.51
        2017-08-17T05:00:00Z,4308.83,4328.69,4291.37,4315.32,23.23
        2017-08-17T06:00:00Z,4315.32,4345.45,4309.37,4324.35,7.23
        2017-08-17T09:00:00Z,4324.35,4349.99,4287.41,4349.99,4.44
        """;
    List<RowIssue> issues = new ArrayList<>();
    OhlcvCsvReader.Result r = read(csv, issues);
    assertThat(r.summary().describe()).isEqualTo("4 rows read, 3 accepted, 1 skipped (1 out of range)");
    assertThat(issues).singleElement().satisfies(i -> {
      assertThat(i.line()).isEqualTo(2);
      assertThat(i.field()).isEqualTo("high");
      assertThat(i.value()).isEqualTo("16199.91");
      assertThat(i.message()).isEqualTo("bars.csv:2: field 'high' = '16199.91': high/low = 3.8016179 within one bar "
          + "(low 4261.32) exceeds the limit of 2.0: a glitch print, not a price path");
    });
    OhlcvSeries s = r.series();
    assertThat(s.size()).isEqualTo(3);
    assertThat(s.timeMillis(0)).isEqualTo(ms("2017-08-17T05:00:00Z"));
    assertThat(s.open(0)).isEqualTo(4308.83);
    assertThat(s.high(1)).isEqualTo(4345.45);
    assertThat(s.low(2)).isEqualTo(4287.41);
    assertThat(s.close(2)).isEqualTo(4349.99);
    assertThat(s.volume(0)).isEqualTo(23.23);
    assertThat(s.gapCount(3_600_000L)).isEqualTo(1);
    assertThat(s.missingBars(3_600_000L)).isEqualTo(2);
    // The arrays handed out are copies.
    s.close()[0] = -1;
    assertThat(s.close(0)).isEqualTo(4315.32);
  }

  @Test
  void acceptsDatesEpochMillisOffsetsBomCrlfAndColumnsInAnyOrder() {
    String csv = "\uFEFFvolume,close,low,high,open,timestamp,extra\r\n"
        + "0.49,10.9,10.9,10.9,10.9,2011-08-18,x\r\n"
        + "\r\n"
        + "1.5,11.69,10.9,11.85,10.9,1313712000000,y\r\n"
        + "2,11.7,11.69,11.7,11.69,2011-08-20T02:00:00+02:00,z\r\n";
    List<RowIssue> issues = new ArrayList<>();
    OhlcvSeries s = read(csv, issues).series();
    assertThat(issues).isEmpty();
    assertThat(s.timeMillis()).containsExactly(ms("2011-08-18T00:00:00Z"), ms("2011-08-19T00:00:00Z"),
        ms("2011-08-20T00:00:00Z"));
    assertThat(s.open()).containsExactly(10.9, 10.9, 11.69);
    assertThat(s.volume()).containsExactly(0.49, 1.5, 2.0);
  }

  @Test
  void everyKindOfBadRowIsSkippedWithFileLineFieldAndReason() {
    String csv = """
        timestamp,open,high,low,close,volume
        2020-03-12T10:00:00Z,7354.21,7367.03,5550.0,6014.9,28792.66
        2020-03-12T11:00:00Z,6014.9,6100,5900,6050
        2020-03-12T12:00:00Z,,6100,5900,6050,1
        2020-03-12T13:00:00Z,abc,6100,5900,6050,1
        2020-03-12T14:00:00Z,6014.9,6100,5900,6050,-1
        2020-03-12T15:00:00Z,0,6100,5900,6050,1
        2020-03-12T16:00:00Z,6014.9,6000,5900,6050,1
        2020-03-12T17:00:00Z,6014.9,6100,6020,6050,1
        12/03/2020 18:00,6014.9,6100,5900,6050,1
        1584036000,6014.9,6100,5900,6050,1
        2020-03-12T19:00:00,6014.9,6100,5900,6050,1
        2020-03-12T10:00:00Z,6014.9,6100,5900,6050,1
        2020-03-12T09:00:00Z,6014.9,6100,5900,6050,1
        2020-03-12T20:00:00Z,6014.9,6100,5900,NaN,1
        2020-03-12T21:00:00.000500Z,6014.9,6100,5900,6050,1
        2020-03-12T22:00:00Z,6014.9,6100,5900,6050,1
        """;
    List<RowIssue> issues = new ArrayList<>();
    OhlcvCsvReader.Result r = read(csv, issues);
    assertThat(r.series().size()).isEqualTo(2);
    assertThat(issues).extracting(RowIssue::message).containsExactly(
        "bars.csv:3: line has 5 comma-separated fields, the header has 6",
        "bars.csv:4: field 'open' = '': required field is empty",
        "bars.csv:5: field 'open' = 'abc': not a decimal number",
        "bars.csv:6: field 'volume' = '-1': volume must be >= 0",
        "bars.csv:7: field 'open' = '0': open must be > 0",
        "bars.csv:8: field 'high' = '6000': high is below max(open, close) = 6050.0",
        "bars.csv:9: field 'low' = '6020': low is above min(open, close) = 6014.9",
        "bars.csv:10: field 'timestamp' = '12/03/2020 18:00': not a timestamp: expected an ISO-8601 instant with "
            + "offset (2017-08-17T04:00:00Z), a date (2021-03-24, midnight UTC) or epoch milliseconds",
        "bars.csv:11: field 'timestamp' = '1584036000': as epoch milliseconds this is 1970-01-19T08:00:36Z, "
            + "outside 2000-2199: is it seconds or microseconds?",
        "bars.csv:12: field 'timestamp' = '2020-03-12T19:00:00': not a timestamp: expected an ISO-8601 instant "
            + "with offset (2017-08-17T04:00:00Z), a date (2021-03-24, midnight UTC) or epoch milliseconds",
        "bars.csv:13: field 'timestamp' = '2020-03-12T10:00:00Z': duplicate of the previous row's timestamp "
            + "2020-03-12T10:00:00Z; rows must be in strictly ascending time",
        "bars.csv:14: field 'timestamp' = '2020-03-12T09:00:00Z': earlier than the previous row's timestamp "
            + "2020-03-12T10:00:00Z; rows must be in strictly ascending time",
        "bars.csv:15: field 'close' = 'NaN': not a decimal number",
        "bars.csv:16: field 'timestamp' = '2020-03-12T21:00:00.000500Z': finer than a millisecond; timestamps "
            + "are kept in epoch milliseconds");
    ReadSummary s = r.summary();
    assertThat(s.rowsRead()).isEqualTo(16);
    assertThat(s.rowsAccepted()).isEqualTo(2);
    assertThat(s.skipped(IssueKind.FIELD_COUNT)).isEqualTo(1);
    assertThat(s.skipped(IssueKind.MISSING_FIELD)).isEqualTo(1);
    assertThat(s.skipped(IssueKind.BAD_NUMBER)).isEqualTo(2);
    assertThat(s.skipped(IssueKind.OUT_OF_RANGE)).isEqualTo(3);
    assertThat(s.skipped(IssueKind.INCONSISTENT)).isEqualTo(4);
    assertThat(s.skipped(IssueKind.BAD_VALUE)).isEqualTo(3);
  }

  @Test
  void theHighLowLimitIsExplicit() {
    String csv = """
        timestamp,open,high,low,close,volume
        2013-04-10,228.94,259.34,70.0,162.0,20889.47
        2017-04-15,1173.13,1190.99,0.06,1178.85,3972.0
        """;
    List<RowIssue> strict = new ArrayList<>();
    assertThat(read(csv, strict).series().size()).isZero();
    List<RowIssue> daily = new ArrayList<>();
    OhlcvCsvReader wide = OhlcvCsvReader.of(25, 1024, 100);
    OhlcvCsvReader.Result r = wide.read(new StringReader(csv), "daily.csv", daily::add);
    assertThat(r.series().timeMillis()).containsExactly(ms("2013-04-10T00:00:00Z"));
    assertThat(daily).singleElement().satisfies(i -> assertThat(i.line()).isEqualTo(3));
    assertThat(OhlcvCsvReader.of(Double.POSITIVE_INFINITY, 1024, 100)
        .read(new StringReader(csv), "daily.csv", i -> { }).series().size()).isEqualTo(2);
    assertThatThrownBy(() -> OhlcvCsvReader.of(1, 1024, 100)).hasMessageContaining("maxHighLowRatio");
  }

  @Test
  void streamsBarByBarAndReadsGzip(@TempDir Path dir) throws IOException {
    Path gz = dir.resolve("bars.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(("timestamp,open,high,low,close,volume\n"
          + "2022-06-13T00:00:00Z,26574.53,26895.84,26256.4,26542.23,20000\n"
          + "2022-06-13T01:00:00Z,26542.23,26800,25900,26100.5,30000\n").getBytes(StandardCharsets.UTF_8));
    }
    List<Double> closes = new ArrayList<>();
    ReadSummary s = OhlcvCsvReader.DEFAULT.read(gz, (t, o, h, l, c, v) -> closes.add(c), i -> { });
    assertThat(s.rowsAccepted()).isEqualTo(2);
    assertThat(closes).containsExactly(26542.23, 26100.5);
    assertThat(OhlcvCsvReader.DEFAULT.read(gz, i -> { }).series().close()).containsExactly(26542.23, 26100.5);
  }

  @Test
  void brokenFilesGetOneClearError(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> OhlcvCsvReader.DEFAULT.read(dir.resolve("none.csv"), i -> { }))
        .isInstanceOf(DataFileException.class).hasMessageEndingWith("none.csv: no such file");
    assertThatThrownBy(() -> OhlcvCsvReader.DEFAULT.read(dir, i -> { }))
        .isInstanceOf(DataFileException.class).hasMessageContaining("is a directory");
    assertThatThrownBy(() -> read("\n\n", new ArrayList<>()))
        .isInstanceOf(DataFileException.class)
        .hasMessage("bars.csv: the file is empty; expected a OHLCV CSV with the header line "
            + "timestamp,open,high,low,close,volume");
    assertThatThrownBy(() -> read("time,open,high,low,close\n1,2,3,4,5\n", new ArrayList<>()))
        .isInstanceOf(DataFileException.class)
        .hasMessage("bars.csv: the header (line 1) is not that of a OHLCV CSV file: it lacks the required columns "
            + "timestamp, volume; required: timestamp,open,high,low,close,volume; found: 'time,open,high,low,close'");
    assertThatThrownBy(() -> read("timestamp,open,open,high,low,close,volume\n", new ArrayList<>()))
        .hasMessageContaining("names column 'open' twice");
    String rows = "timestamp,open,high,low,close,volume\n2020-01-01,1,1,1,1,1\n2020-01-02,1,1,1,1,1\n";
    assertThatThrownBy(() -> OhlcvCsvReader.of(2, 1024, 1).read(new StringReader(rows), "big.csv", i -> { }))
        .isInstanceOf(DataFileException.class).hasMessageStartingWith("big.csv: more than 1 data rows");
    List<RowIssue> issues = new ArrayList<>();
    OhlcvCsvReader.of(2, 40, 10).read(new StringReader(
        "timestamp,open,high,low,close,volume\n2020-01-01,1,1,1,1," + "1".repeat(50) + "\n"), "long.csv",
        issues::add);
    assertThat(issues).singleElement().satisfies(i -> assertThat(i.kind()).isEqualTo(IssueKind.LINE_TOO_LONG));
  }

  @Test
  void seriesValidatesItsColumns() {
    assertThatThrownBy(() -> new OhlcvSeries(new long[] {2, 1}, new double[2], new double[2], new double[2],
        new double[2], new double[2])).hasMessageContaining("strictly ascending");
    assertThatThrownBy(() -> new OhlcvSeries(new long[] {1}, new double[2], new double[1], new double[1],
        new double[1], new double[1])).hasMessageContaining("all columns");
  }
}
