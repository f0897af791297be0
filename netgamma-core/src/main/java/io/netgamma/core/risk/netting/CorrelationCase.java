package io.netgamma.core.risk.netting;

import io.netgamma.core.base.ArgChecker;

/**
 * The book hedged in one reference under one correlation matrix, and what that saves against hedging each
 * underlying's net gamma on its own.
 *
 * @param name what the case is ({@code "base (one-factor from asset risk)"}, {@code "uncorrelated"},
 *     {@code "crisis (0.95)"}, ...)
 * @param correlations the matrix, over the book's underlyings
 * @param book the flow of hedging the whole book's USD delta in the reference
 * @param savedCostUsdPerDay cost of hedging per underlying minus this cost, USD per day, &ge; 0 up to rounding
 *     (the triangle inequality: {@code sd(Σ a_u·Z_u) ≤ Σ |a_u|} for any correlations)
 * @param savedUsdPerDay the same for the notional traded, USD per day
 */
public record CorrelationCase(String name, CorrelationMatrix correlations, HedgeFlow book, double savedCostUsdPerDay,
    double savedUsdPerDay) {

  /** Validates. */
  public CorrelationCase {
    ArgChecker.notBlank(name, "name");
    ArgChecker.notNull(correlations, "correlations");
    ArgChecker.notNull(book, "book");
    ArgChecker.finite(savedCostUsdPerDay, "savedCostUsdPerDay");
    ArgChecker.finite(savedUsdPerDay, "savedUsdPerDay");
  }
}
