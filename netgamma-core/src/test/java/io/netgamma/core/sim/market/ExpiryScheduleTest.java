package io.netgamma.core.sim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpiryScheduleTest {

  private static List<LocalDate> dates(List<ListedExpiry> expiries) {
    return expiries.stream().map(ListedExpiry::date).toList();
  }

  private static List<LocalDate> withFuture(List<ListedExpiry> expiries) {
    return expiries.stream().filter(ListedExpiry::hasFuture).map(ListedExpiry::date).toList();
  }

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  /** Deribit's BTC and ETH listings in the Tardis captures of 2026-02-04T04:24Z and 2026-02-05T21:29Z. */
  @Test
  void reproducesDeribitsListingOfFebruary2026() {
    List<ListedExpiry> feb4 = ExpirySchedule.deribit().expiries(Instant.parse("2026-02-04T04:24:03Z"));
    assertThat(dates(feb4)).containsExactly(d("2026-02-04"), d("2026-02-05"), d("2026-02-06"), d("2026-02-07"),
        d("2026-02-13"), d("2026-02-20"), d("2026-02-27"), d("2026-03-27"), d("2026-04-24"), d("2026-06-26"),
        d("2026-09-25"), d("2026-12-25"));
    // underlying_index BTC-6FEB26 etc. (a future) vs SYN.BTC-4FEB26 (synthetic) in the capture
    assertThat(withFuture(feb4)).containsExactly(d("2026-02-06"), d("2026-02-13"), d("2026-02-27"),
        d("2026-03-27"), d("2026-06-26"), d("2026-09-25"), d("2026-12-25"));
    List<ListedExpiry> feb5 = ExpirySchedule.deribit().expiries(Instant.parse("2026-02-05T21:29:37Z"));
    assertThat(dates(feb5)).containsExactly(d("2026-02-06"), d("2026-02-07"), d("2026-02-08"), d("2026-02-09"),
        d("2026-02-13"), d("2026-02-20"), d("2026-02-27"), d("2026-03-27"), d("2026-04-24"), d("2026-06-26"),
        d("2026-09-25"), d("2026-12-25"));
    assertThat(withFuture(feb5)).isEqualTo(withFuture(feb4));
    assertThat(feb4.get(2).kinds()).containsExactlyInAnyOrder(ExpiryKind.DAILY, ExpiryKind.WEEKLY);
    assertThat(feb4.get(7).kinds()).containsExactlyInAnyOrder(ExpiryKind.MONTHLY, ExpiryKind.QUARTERLY);
    assertThat(feb4.get(7).longestKind()).isEqualTo(ExpiryKind.QUARTERLY);
    assertThat(feb4.get(0).expiry()).isEqualTo(Instant.parse("2026-02-04T08:00:00Z"));
  }

  /** Every rule, at valuation instants spread over three years (every 37 hours, so all days and hours occur). */
  @Test
  void everyExpiryFollowsDeribitsCalendarRules() {
    ExpirySchedule s = new ExpirySchedule(5, 4, 3, 4, 2, 2);
    Instant start = Instant.parse("2024-01-01T00:00:00Z");
    for (int step = 0; step < 3 * 365 * 24 / 37; step++) {
      Instant now = start.plusSeconds(step * 37L * 3600 + step * 61L);
      List<ListedExpiry> listed = s.expiries(now);
      LocalDate first = ExpirySchedule.firstExpiryDate(now);
      assertThat(first.atTime(LocalTime.of(8, 0)).toInstant(ZoneOffset.UTC)).isAfter(now);
      assertThat(first.minusDays(1).atTime(LocalTime.of(8, 0)).toInstant(ZoneOffset.UTC)).isBeforeOrEqualTo(now);
      List<LocalDate> all = dates(listed);
      assertThat(all).isSorted().doesNotHaveDuplicates();
      for (ListedExpiry e : listed) {
        assertThat(e.expiry()).isAfter(now);
        assertThat(e.expiry().atZone(ZoneOffset.UTC).toLocalTime()).isEqualTo(LocalTime.of(8, 0));
      }
      List<LocalDate> dailies = of(listed, ExpiryKind.DAILY);
      List<LocalDate> weeklies = of(listed, ExpiryKind.WEEKLY);
      List<LocalDate> monthlies = of(listed, ExpiryKind.MONTHLY);
      List<LocalDate> quarterlies = of(listed, ExpiryKind.QUARTERLY);
      assertThat(dailies).hasSize(5);
      assertThat(weeklies).hasSize(4);
      assertThat(monthlies).hasSize(3);
      assertThat(quarterlies).hasSize(4);
      for (int i = 0; i < dailies.size(); i++) {
        assertThat(dailies.get(i)).isEqualTo(first.plusDays(i));
      }
      // weeklies: the consecutive Fridays from the first expiry date on
      assertThat(weeklies.get(0).getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
      assertThat(weeklies.get(0)).isBetween(first, first.plusDays(6));
      for (int i = 1; i < weeklies.size(); i++) {
        assertThat(weeklies.get(i)).isEqualTo(weeklies.get(i - 1).plusWeeks(1));
      }
      // monthlies: last Fridays of consecutive months, the first one the earliest not before the first date
      for (int i = 0; i < monthlies.size(); i++) {
        LocalDate m = monthlies.get(i);
        assertThat(m.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(m.plusWeeks(1).getMonth()).isNotEqualTo(m.getMonth());
        assertThat(m).isAfterOrEqualTo(first);
        if (i > 0) {
          assertThat(m.withDayOfMonth(1)).isEqualTo(monthlies.get(i - 1).withDayOfMonth(1).plusMonths(1));
        }
      }
      LocalDate lastFridayThisMonth = ExpirySchedule.lastFriday(java.time.YearMonth.from(first));
      assertThat(monthlies.get(0)).isEqualTo(lastFridayThisMonth.isBefore(first)
          ? ExpirySchedule.lastFriday(java.time.YearMonth.from(first).plusMonths(1)) : lastFridayThisMonth);
      // quarterlies: last Fridays of consecutive quarter-end months
      for (int i = 0; i < quarterlies.size(); i++) {
        LocalDate q = quarterlies.get(i);
        assertThat(q.getMonthValue() % 3).isZero();
        assertThat(q.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(q.plusWeeks(1).getMonth()).isNotEqualTo(q.getMonth());
        assertThat(q).isAfterOrEqualTo(first);
        if (i > 0) {
          assertThat(q.withDayOfMonth(1)).isEqualTo(quarterlies.get(i - 1).withDayOfMonth(1).plusMonths(3));
        } else {
          assertThat(q).isBefore(first.plusMonths(3).plusDays(7));
        }
      }
      // nothing else is listed
      assertThat(listed).allSatisfy(e -> assertThat(e.kinds()).isNotEmpty());
      assertThat(all).containsExactlyElementsOf(java.util.stream.Stream.of(dailies, weeklies, monthlies, quarterlies)
          .flatMap(List::stream).distinct().sorted().toList());
      // futures: first 2 weeklies, first 2 monthlies, every quarterly, nothing else
      Set<LocalDate> expected = new java.util.TreeSet<>(weeklies.subList(0, 2));
      expected.addAll(monthlies.subList(0, 2));
      expected.addAll(quarterlies);
      assertThat(withFuture(listed)).containsExactlyElementsOf(expected);
    }
  }

  private static List<LocalDate> of(List<ListedExpiry> listed, ExpiryKind kind) {
    return listed.stream().filter(e -> e.is(kind)).map(ListedExpiry::date).toList();
  }

  @ParameterizedTest
  @CsvSource({
      // a Friday at 07:59:59.999: today's 08:00 expiry is still listed
      "2026-02-06T07:59:59.999Z, 2026-02-06",
      // exactly 08:00: it has expired
      "2026-02-06T08:00:00Z, 2026-02-07",
      "2026-02-06T23:59:59Z, 2026-02-07",
      // the quarter-end Friday after its 08:00 expiry: the next day is first
      "2026-03-27T09:00:00Z, 2026-03-28"})
  void theFirstExpiryIsTheNext0800Utc(String now, String firstDate) {
    List<ListedExpiry> listed = ExpirySchedule.deribit().expiries(Instant.parse(now));
    assertThat(listed.get(0).date()).isEqualTo(d(firstDate));
  }

  @Test
  void crossesTheYearEnd() {
    List<ListedExpiry> listed = ExpirySchedule.deribit().expiries(Instant.parse("2026-12-25T08:00:00Z"));
    assertThat(of(listed, ExpiryKind.QUARTERLY)).containsExactly(d("2027-03-26"), d("2027-06-25"),
        d("2027-09-24"), d("2027-12-31"));
    assertThat(of(listed, ExpiryKind.MONTHLY)).containsExactly(d("2027-01-29"), d("2027-02-26"),
        d("2027-03-26"));
    assertThat(of(listed, ExpiryKind.WEEKLY)).containsExactly(d("2027-01-01"), d("2027-01-08"),
        d("2027-01-15"));
    assertThat(of(listed, ExpiryKind.DAILY)).containsExactly(d("2026-12-26"), d("2026-12-27"), d("2026-12-28"),
        d("2026-12-29"));
  }

  @Test
  void aScheduleOfOneKindOnly() {
    List<ListedExpiry> q = new ExpirySchedule(0, 0, 0, 2, 0, 0).expiries(Instant.parse("2026-02-04T00:00:00Z"));
    assertThat(dates(q)).containsExactly(d("2026-03-27"), d("2026-06-26"));
    assertThat(q).allSatisfy(e -> assertThat(e.hasFuture()).isTrue());
    List<ListedExpiry> daily = new ExpirySchedule(1, 0, 0, 0, 0, 0).expiries(Instant.parse("2026-02-04T00:00:00Z"));
    assertThat(dates(daily)).containsExactly(d("2026-02-04"));
    assertThat(daily.get(0).hasFuture()).isFalse();
  }

  @Test
  void rejectsBadCounts() {
    assertThatThrownBy(() -> new ExpirySchedule(0, 0, 0, 0, 0, 0))
        .hasMessageContaining("at least one expiry");
    assertThatThrownBy(() -> new ExpirySchedule(-1, 3, 3, 4, 2, 1)).hasMessageContaining("dailies")
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> new ExpirySchedule(4, 3, 3, 4, 4, 1)).hasMessageContaining("weeklyFutures")
        .hasMessageContaining("4");
    assertThatThrownBy(() -> new ExpirySchedule(4, 3, 1, 4, 2, 2)).hasMessageContaining("monthlyFutures");
    assertThatThrownBy(() -> new ExpirySchedule(4, 3, 3, 101, 2, 1)).hasMessageContaining("quarterlies");
    assertThatThrownBy(() -> new ListedExpiry(d("2026-02-06"), Set.of(), false))
        .hasMessageContaining("at least one kind");
  }
}
