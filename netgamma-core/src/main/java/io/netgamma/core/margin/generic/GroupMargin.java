package io.netgamma.core.margin.generic;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.margin.CurrencyMargin;
import io.netgamma.core.margin.InstrumentMargin;
import io.netgamma.core.margin.MarginResult;
import io.netgamma.core.margin.pm.PmBook;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The margin of one risk group as a scenario model reports it, ready to be summed into a {@link MarginResult}.
 *
 * @param book the group (its settlement currency and USD per unit)
 * @param initialMargin initial margin in the group's settlement currency, &ge; 0
 * @param maintenanceMargin maintenance margin in the same currency, &ge; 0
 * @param driver what drives it, in words (the worst scenario, or the charge that binds), not blank
 * @param instruments per instrument detail (copied)
 * @param drivingInstrument the instrument contributing most, or {@code none}
 */
public record GroupMargin(PmBook book, double initialMargin, double maintenanceMargin, String driver,
    List<InstrumentMargin> instruments, String drivingInstrument) {

  /** Validates and copies. */
  public GroupMargin {
    ArgChecker.notNull(book, "book");
    ArgChecker.notNegative(initialMargin, book.underlying() + " initial margin");
    ArgChecker.notNegative(maintenanceMargin, book.underlying() + " maintenance margin");
    ArgChecker.notBlank(driver, "driver");
    instruments = List.copyOf(ArgChecker.notNull(instruments, "instruments"));
    ArgChecker.notBlank(drivingInstrument, "drivingInstrument");
  }

  /**
   * Sums groups per settlement currency (linear groups of several underlyings share USDC and add up, no offset) into
   * a result; the driving scenario and instrument are those of the group with the largest USD initial margin.
   *
   * @param model the model's name
   * @param timestamp the valuation instant
   * @param groups the groups, in book order
   * @return the result; no currencies for an empty book
   */
  public static MarginResult toResult(String model, Instant timestamp, List<GroupMargin> groups) {
    Map<String, double[]> sums = new LinkedHashMap<>(); // currency -> {im, mm, usdPerUnit, largest im}
    Map<String, String> drivers = new LinkedHashMap<>();
    List<InstrumentMargin> detail = new ArrayList<>();
    GroupMargin largest = null;
    for (GroupMargin g : groups) {
      String ccy = g.book().settlementCurrency();
      double[] s = sums.computeIfAbsent(ccy, c -> new double[] {0, 0, g.book().usdPerUnit(), -1});
      s[0] += g.initialMargin();
      s[1] += g.maintenanceMargin();
      if (g.initialMargin() > s[3]) {
        s[3] = g.initialMargin();
        drivers.put(ccy, g.book().underlying() + " " + g.driver());
      }
      if (largest == null || g.initialMargin() * g.book().usdPerUnit()
          > largest.initialMargin() * largest.book().usdPerUnit()) {
        largest = g;
      }
      detail.addAll(g.instruments());
    }
    List<CurrencyMargin> currencies = new ArrayList<>();
    for (Map.Entry<String, double[]> e : sums.entrySet()) {
      double[] s = e.getValue();
      currencies.add(new CurrencyMargin(e.getKey(), s[0], s[1], s[2], drivers.get(e.getKey())));
    }
    String scenario = largest == null ? "none" : largest.book().underlying() + " " + largest.driver();
    String instrument = largest == null ? "none" : largest.drivingInstrument();
    return new MarginResult(model, timestamp, currencies, detail, instrument, scenario);
  }

  /**
   * A number for messages: six significant digits without trailing zeros ({@code 3}, {@code 0.0890168},
   * {@code 1.04948E-6}).
   *
   * @param d the number
   * @return its text
   */
  public static String format(double d) {
    if (!Double.isFinite(d)) {
      return Double.toString(d);
    }
    return new BigDecimal(d).round(new MathContext(6)).stripTrailingZeros().toString();
  }
}
