package io.netgamma.core.risk.explain;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Instrument;

/**
 * The P&amp;L explain of one position between two snapshots ({@link PnlExplainer}).
 *
 * @param position index of the position in the portfolio
 * @param instrument its instrument
 * @param quantity its signed quantity, coins
 * @param settled true when the instrument expired between the two snapshots and was settled at intrinsic value
 *     against the second snapshot's index price
 * @param forwardFrom the forward it was valued on in the first snapshot, USD per coin
 * @param forwardTo the forward it was valued on in the second, or the settlement price when settled, USD per coin
 * @param volChangePoints dσ, the change of its volatility in vol points (0 for futures, perpetuals, spot and settled
 *     options)
 * @param days dt, calendar days of theta: from the first snapshot to the second, or to the expiry when settled
 * @param terms its P&amp;L, USD, split into terms
 */
public record PositionExplain(int position, Instrument instrument, double quantity, boolean settled,
    double forwardFrom, double forwardTo, double volChangePoints, double days, ExplainTerms terms) {

  /** Validates. */
  public PositionExplain {
    ArgChecker.notNegative(position, "position");
    ArgChecker.notNull(instrument, "instrument");
    ArgChecker.finite(quantity, "quantity");
    ArgChecker.positive(forwardFrom, "forwardFrom");
    ArgChecker.positive(forwardTo, "forwardTo");
    ArgChecker.finite(volChangePoints, "volChangePoints");
    ArgChecker.notNegative(days, "days");
    ArgChecker.notNull(terms, "terms");
  }
}
