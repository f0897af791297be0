package io.netgamma.core.margin;

import io.netgamma.core.base.ArgChecker;
import java.time.Instant;
import java.util.List;

/**
 * What a {@link MarginModel} says a book needs.
 *
 * <p>Each settlement currency is margined on its own ({@link #currencies()}: coin for inverse products, USDC for
 * linear ones); the USD totals add them up at their index prices, which is what a user compares with collateral
 * worth in USD. No offset between currencies is taken here (cross-asset margin is a separate model).
 *
 * @param model the model's {@link MarginModel#name()}
 * @param timestamp the market snapshot instant
 * @param currencies the margin per settlement currency, in order of first appearance in the book (copied)
 * @param instruments per distinct instrument detail (copied; see {@link InstrumentMargin})
 * @param drivingInstrument the instrument contributing most to the largest USD margin (its name), or {@code none}
 *     for an empty book
 * @param drivingScenario the scenario that drives the largest USD margin ({@code worst case of BTC: standard bucket
 *     1 of 9 (-16%), vol same}), or {@code none} for per-instrument models
 */
public record MarginResult(String model, Instant timestamp, List<CurrencyMargin> currencies,
    List<InstrumentMargin> instruments, String drivingInstrument, String drivingScenario) {

  /** Validates and copies. */
  public MarginResult {
    ArgChecker.notBlank(model, "model");
    ArgChecker.notNull(timestamp, "timestamp");
    currencies = List.copyOf(ArgChecker.notNull(currencies, "currencies"));
    instruments = List.copyOf(ArgChecker.notNull(instruments, "instruments"));
    ArgChecker.notBlank(drivingInstrument, "drivingInstrument");
    ArgChecker.notBlank(drivingScenario, "drivingScenario");
  }

  /** Total initial margin in USD. */
  public double initialMarginUsd() {
    double sum = 0;
    for (CurrencyMargin c : currencies) {
      sum += c.initialMarginUsd();
    }
    return sum;
  }

  /** Total maintenance margin in USD. */
  public double maintenanceMarginUsd() {
    double sum = 0;
    for (CurrencyMargin c : currencies) {
      sum += c.maintenanceMarginUsd();
    }
    return sum;
  }

  /**
   * The margin of one settlement currency.
   *
   * @throws IllegalArgumentException naming the currency and those present when the book has none in it
   */
  public CurrencyMargin currency(String currency) {
    for (CurrencyMargin c : currencies) {
      if (c.currency().equals(currency)) {
        return c;
      }
    }
    throw new IllegalArgumentException("no margin in " + currency + " (have: "
        + currencies.stream().map(CurrencyMargin::currency).toList() + ")");
  }
}
