package io.netgamma.core.margin.backtest;

import io.netgamma.core.base.ArgChecker;
import java.time.LocalDate;

/**
 * One backtested day.
 *
 * @param date the day (its close is the valuation)
 * @param spot the day's close, USD per coin (index = every forward: zero carry)
 * @param vol the volatility the book is valued at that day, annualised fraction
 * @param volSource where {@code vol} comes from: {@code dvol} or the fallback forecaster's name
 * @param factor the predictive scaling factor of the day's margin (1 for a static model)
 * @param marginUsd the compared margin (maintenance or initial), USD, &ge; 0
 * @param spotAfter the close {@code horizon} days later
 * @param volAfter the volatility the book is revalued at then
 * @param lossUsd the realised loss over the horizon, USD (positive = loss, negative = gain)
 * @param breach {@code lossUsd > marginUsd}
 */
public record BacktestDay(LocalDate date, double spot, double vol, String volSource, double factor, double marginUsd,
    double spotAfter, double volAfter, double lossUsd, boolean breach) {

  /** Validates. */
  public BacktestDay {
    ArgChecker.notNull(date, "date");
    ArgChecker.positive(spot, "spot");
    ArgChecker.positive(vol, "vol");
    ArgChecker.notBlank(volSource, "vol source");
    ArgChecker.positive(factor, "factor");
    ArgChecker.notNegative(marginUsd, "margin");
    ArgChecker.positive(spotAfter, "spot after");
    ArgChecker.positive(volAfter, "vol after");
    ArgChecker.finite(lossUsd, "loss");
  }

  /** How much the loss exceeded the margin, USD (0 without a breach). */
  public double shortfallUsd() {
    return breach ? lossUsd - marginUsd : 0.0;
  }
}
