package io.netgamma.data.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netgamma.data.DataFileException;
import io.netgamma.data.io.RowIssue;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DvolCsvReaderTest {

  @Test
  void readsDailyPercentAsExactFractions() {
    String csv = """
        timestamp,open,high,low,close
        2021-03-24,84.8,95.94,80.52,95.04
        2021-03-25,95.03,97.43,87.25,89.74
        2021-03-27,89.74,89.74,80.22,84.52
        2021-03-28,53.47,90.33,53.44,82.62
        """;
    List<RowIssue> issues = new ArrayList<>();
    DvolCsvReader.Result r = DvolCsvReader.DEFAULT.read(new StringReader(csv), "dvol.csv", issues::add);
    assertThat(issues).isEmpty();
    DvolSeries s = r.series();
    assertThat(s.size()).isEqualTo(4);
    assertThat(s.timeMillis(0)).isEqualTo(Instant.parse("2021-03-24T00:00:00Z").toEpochMilli());
    // The decimal point is moved exactly: 84.8 % is the double nearest 0.848 (84.8 / 100 is not: 0.848 + 1 ulp).
    assertThat(s.open(0)).isEqualTo(0.848);
    assertThat(s.high(0)).isEqualTo(0.9594);
    assertThat(s.low(0)).isEqualTo(0.8052);
    assertThat(s.close(0)).isEqualTo(0.9504);
    assertThat(s.high(3)).isEqualTo(0.9033);
    assertThat(s.gapCount(86_400_000L)).isEqualTo(1);
    assertThat(s.missingBars(86_400_000L)).isEqualTo(1);
  }

  @Test
  void badRowsAreSkippedButLargeDailyMovesAreNot() {
    String csv = """
        timestamp,open,high,low,close
        2024-08-05,56.13,92.71,56.02,63.08
        2024-08-06,63.08,62.0,55.0,60.0
        2024-08-07,0,62.0,55.0,60.0
        2024-08-07,60.0,62.0,55.0,abc
        2024-08-05,60.0,62.0,55.0,61.0
        """;
    List<RowIssue> issues = new ArrayList<>();
    DvolCsvReader.Result r = DvolCsvReader.DEFAULT.read(new StringReader(csv), "dvol.csv", issues::add);
    assertThat(r.series().size()).isEqualTo(1);
    assertThat(r.series().high(0)).isEqualTo(0.9271);
    assertThat(issues).extracting(RowIssue::message).containsExactly(
        "dvol.csv:3: field 'high' = '62.0': high is below max(open, close) = 0.6308",
        "dvol.csv:4: field 'open' = '0': open must be > 0",
        "dvol.csv:5: field 'close' = 'abc': not a decimal number",
        "dvol.csv:6: field 'timestamp' = '2024-08-05': duplicate of the previous row's timestamp "
            + "2024-08-05T00:00:00Z; rows must be in strictly ascending time");
    assertThat(r.summary().describe())
        .isEqualTo("5 rows read, 1 accepted, 4 skipped (1 bad number, 1 out of range, 2 inconsistent)");
  }

  @Test
  void aFileWithoutTheColumnsIsBroken() {
    assertThatThrownBy(() -> DvolCsvReader.DEFAULT.read(new StringReader("date,value\n2021-03-24,84.8\n"),
        "dvol.csv", i -> { }))
        .isInstanceOf(DataFileException.class)
        .hasMessageContaining("dvol.csv: the header (line 1) is not that of a DVOL CSV file").hasMessageContaining("timestamp, open, high, low, close");
  }
}
