package io.netgamma.core.margin.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DailyClosesTest {

  private static final long H = 3_600_000L;

  @Test
  void hourlyBarsResampleToTheLastBarOfEachUtcDay() {
    long d0 = Instant.parse("2020-03-11T00:00:00Z").toEpochMilli();
    // 24 hours of 11 March, 22 hours of 12 March (the last two missing), none on 13 March, 1 hour on 14 March
    int n = 24 + 22 + 1;
    long[] t = new long[n];
    double[] c = new double[n];
    for (int i = 0; i < 46; i++) {
      t[i] = d0 + i * H;
      c[i] = 100 + i;
    }
    t[46] = d0 + 3 * 24 * H + 5 * H;
    c[46] = 7;
    DailyCloses d = DailyCloses.of(t, c);
    assertThat(d.size()).isEqualTo(3);
    assertThat(d.date(0)).isEqualTo(LocalDate.of(2020, 3, 11));
    assertThat(d.close(0)).isEqualTo(123);
    assertThat(d.bars(0)).isEqualTo(24);
    assertThat(d.close(1)).isEqualTo(145); // the 21:00 bar
    assertThat(d.bars(1)).isEqualTo(22);
    assertThat(d.date(2)).isEqualTo(LocalDate.of(2020, 3, 14));
    assertThat(d.close(2)).isEqualTo(7);
    assertThat(d.incompleteDays(24)).isEqualTo(2);
    assertThat(d.closeInstant(0)).isEqualTo(Instant.parse("2020-03-12T00:00:00Z"));
    assertThat(d.indexOf(LocalDate.of(2020, 3, 13))).isEqualTo(-1);
    assertThat(d.firstOnOrAfter(LocalDate.of(2020, 3, 13))).isEqualTo(2);
  }

  @Test
  void dailyBarsAreKeptAndBadInputIsNamed() {
    long d0 = Instant.parse("2021-01-01T00:00:00Z").toEpochMilli();
    DailyCloses d = DailyCloses.of(new long[] {d0, d0 + 86_400_000L}, new double[] {1, 2});
    assertThat(d.size()).isEqualTo(2);
    assertThat(d.bars(1)).isEqualTo(1);
    assertThatThrownBy(() -> DailyCloses.of(new long[] {d0, d0}, new double[] {1, 2}))
        .hasMessageContaining("strictly ascending");
    assertThatThrownBy(() -> DailyCloses.of(new long[] {d0}, new double[] {-1}))
        .hasMessageContaining("2021-01-01").hasMessageContaining("-1");
  }
}
