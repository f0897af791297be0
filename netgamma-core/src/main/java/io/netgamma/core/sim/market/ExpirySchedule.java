package io.netgamma.core.sim.market;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Instrument;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which expiries are listed, by Deribit's rules; every expiry is at 08:00 UTC. Counted from the first date whose
 * 08:00 UTC is strictly after the valuation instant ({@code first}):
 * <ul>
 *   <li>{@code dailies}: the calendar days {@code first, first + 1, ...};</li>
 *   <li>{@code weeklies}: the Fridays from {@code first} on;</li>
 *   <li>{@code monthlies}: the last Fridays of the months from {@code first}'s month on, those not before
 *       {@code first};</li>
 *   <li>{@code quarterlies}: the last Fridays of March, June, September and December, those not before
 *       {@code first}.</li>
 * </ul>
 * An expiry that falls in several categories is listed once with all its {@link ExpiryKind kinds}. Dated
 * futures are listed on the first {@code weeklyFutures} weeklies, the first {@code monthlyFutures} monthlies and
 * every quarterly; the other expiries have only a synthetic forward.
 *
 * <p>{@link #deribit()} (4 dailies, 3 weeklies, 3 monthlies, 4 quarterlies; futures on 2 weeklies and 1 monthly)
 * reproduces Deribit's BTC and ETH listings of 2026-02-04T04:24Z and 2026-02-05T21:29Z exactly, expiries and
 * which of them have a future (a public Tardis capture; see the test).
 *
 * @param dailies number of daily expiries, ≥ 0
 * @param weeklies number of Friday expiries, ≥ 0
 * @param monthlies number of month-end (last Friday) expiries, ≥ 0
 * @param quarterlies number of quarter-end (last Friday of Mar/Jun/Sep/Dec) expiries, ≥ 0
 * @param weeklyFutures how many of the first weeklies have a dated future, in [0, weeklies]
 * @param monthlyFutures how many of the first monthlies have a dated future, in [0, monthlies]
 */
public record ExpirySchedule(int dailies, int weeklies, int monthlies, int quarterlies, int weeklyFutures,
    int monthlyFutures) {

  /** The most expiries of any one kind (the schedule reaches about 25 years ahead at most). */
  public static final int MAX_PER_KIND = 100;

  /** Validates the counts. */
  public ExpirySchedule {
    count(dailies, "dailies");
    count(weeklies, "weeklies");
    count(monthlies, "monthlies");
    count(quarterlies, "quarterlies");
    ArgChecker.isTrue(dailies + weeklies + monthlies + quarterlies > 0, "an expiry schedule must list at least one "
        + "expiry, got 0 dailies, weeklies, monthlies and quarterlies");
    ArgChecker.isTrue(weeklyFutures >= 0 && weeklyFutures <= weeklies,
        "weeklyFutures must be in [0, weeklies=" + weeklies + "], got " + weeklyFutures);
    ArgChecker.isTrue(monthlyFutures >= 0 && monthlyFutures <= monthlies,
        "monthlyFutures must be in [0, monthlies=" + monthlies + "], got " + monthlyFutures);
  }

  private static void count(int n, String name) {
    ArgChecker.isTrue(n >= 0 && n <= MAX_PER_KIND, name + " must be in [0, " + MAX_PER_KIND + "], got " + n);
  }

  /** Deribit's BTC/ETH listing: 4 dailies, 3 weeklies, 3 monthlies, 4 quarterlies; futures on 2 weeklies, 1 monthly. */
  public static ExpirySchedule deribit() {
    return new ExpirySchedule(4, 3, 3, 4, 2, 1);
  }

  /**
   * The listed expiries as of {@code valuation}.
   *
   * @param valuation the valuation instant
   * @return the expiries, ascending by date, each date once
   */
  public List<ListedExpiry> expiries(Instant valuation) {
    ArgChecker.notNull(valuation, "valuation");
    LocalDate first = firstExpiryDate(valuation);
    Map<LocalDate, Set<ExpiryKind>> kinds = new TreeMap<>();
    Map<LocalDate, Boolean> futures = new TreeMap<>();
    for (int i = 0; i < dailies; i++) {
      add(kinds, first.plusDays(i), ExpiryKind.DAILY);
    }
    LocalDate friday = first.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
    for (int i = 0; i < weeklies; i++) {
      LocalDate d = friday.plusWeeks(i);
      add(kinds, d, ExpiryKind.WEEKLY);
      if (i < weeklyFutures) {
        futures.put(d, true);
      }
    }
    int found = 0;
    for (YearMonth m = YearMonth.from(first); found < monthlies; m = m.plusMonths(1)) {
      LocalDate d = lastFriday(m);
      if (!d.isBefore(first)) {
        add(kinds, d, ExpiryKind.MONTHLY);
        if (found < monthlyFutures) {
          futures.put(d, true);
        }
        found++;
      }
    }
    found = 0;
    for (YearMonth m = YearMonth.from(first); found < quarterlies; m = m.plusMonths(1)) {
      LocalDate d = lastFriday(m);
      if (m.getMonthValue() % 3 == 0 && !d.isBefore(first)) {
        add(kinds, d, ExpiryKind.QUARTERLY);
        futures.put(d, true);
        found++;
      }
    }
    List<ListedExpiry> out = new ArrayList<>(kinds.size());
    kinds.forEach((d, k) -> out.add(new ListedExpiry(d, k, futures.getOrDefault(d, false))));
    return List.copyOf(out);
  }

  /** The first date whose 08:00 UTC expiry is strictly after {@code valuation}. */
  public static LocalDate firstExpiryDate(Instant valuation) {
    LocalDate today = LocalDate.ofInstant(valuation, ZoneOffset.UTC);
    return valuation.isBefore(today.atTime(Instrument.EXPIRY_TIME).toInstant(ZoneOffset.UTC))
        ? today : today.plusDays(1);
  }

  /** The last Friday of a month. */
  public static LocalDate lastFriday(YearMonth month) {
    return month.atEndOfMonth().with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY));
  }

  private static void add(Map<LocalDate, Set<ExpiryKind>> kinds, LocalDate date, ExpiryKind kind) {
    kinds.computeIfAbsent(date, d -> EnumSet.noneOf(ExpiryKind.class)).add(kind);
  }
}
