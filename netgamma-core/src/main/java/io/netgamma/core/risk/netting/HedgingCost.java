package io.netgamma.core.risk.netting;

import io.netgamma.core.base.ArgChecker;
import java.time.Duration;
import java.util.List;

/**
 * Expected delta-hedging flow and cost per day of a book under three arrangements (formulas in
 * {@link NettingAnalyzer}): (a) every position hedged on its own, (b) each underlying's net gamma hedged, (c) the
 * whole book's USD delta hedged in the reference, under the base correlations; and (c) again under stressed
 * correlations.
 *
 * @param rebalanceInterval δt
 * @param rebalancesPerDay {@code 1 day / δt}
 * @param costBp proportional cost k, basis points of notional
 * @param underlyings per underlying, in name order
 * @param perPosition (a): Σ over underlyings of each position hedged on its own
 * @param perUnderlying (b): Σ over underlyings of the net gamma hedged
 * @param book (c): the book hedged in the reference, base correlations
 * @param reference the reference underlying of (c)
 * @param bookReferenceCoinsPerDay (c) in coins of the reference traded per day ({@code book.usdPerDay / S_ref})
 * @param correlationSensitivity (c) under the base, uncorrelated and crisis correlations, in that order
 */
public record HedgingCost(Duration rebalanceInterval, double rebalancesPerDay, double costBp,
    List<UnderlyingHedging> underlyings, HedgeFlow perPosition, HedgeFlow perUnderlying, HedgeFlow book,
    String reference, double bookReferenceCoinsPerDay, List<CorrelationCase> correlationSensitivity) {

  /** Validates and copies. */
  public HedgingCost {
    ArgChecker.notNull(rebalanceInterval, "rebalanceInterval");
    ArgChecker.positive(rebalancesPerDay, "rebalancesPerDay");
    ArgChecker.notNegative(costBp, "costBp");
    underlyings = List.copyOf(underlyings);
    ArgChecker.notNull(perPosition, "perPosition");
    ArgChecker.notNull(perUnderlying, "perUnderlying");
    ArgChecker.notNull(book, "book");
    ArgChecker.notBlank(reference, "reference");
    ArgChecker.notNegative(bookReferenceCoinsPerDay, "bookReferenceCoinsPerDay");
    correlationSensitivity = List.copyOf(correlationSensitivity);
  }

  /** USD per day of cost saved by netting within each underlying: (a) − (b), &ge; 0. */
  public double savedByUnderlyingNettingUsdPerDay() {
    return perPosition.costUsdPerDay() - perUnderlying.costUsdPerDay();
  }

  /** USD per day of cost saved by hedging the book in the reference instead of per underlying: (b) − (c). */
  public double savedByCrossAssetNettingUsdPerDay() {
    return perUnderlying.costUsdPerDay() - book.costUsdPerDay();
  }

  /** USD per day of cost saved in all: (a) − (c). */
  public double savedTotalUsdPerDay() {
    return perPosition.costUsdPerDay() - book.costUsdPerDay();
  }
}
