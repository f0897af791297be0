package io.netgamma.core.risk.netting;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.portfolio.AssetRisk;

/**
 * Gross vs net greeks of the whole book. Vega (USD per vol point) and theta (USD per calendar day) add up across
 * underlyings as they are. Delta and gamma are counted in units of a reference underlying (BTC-equivalent), with
 * the weights of {@link io.netgamma.core.portfolio.ReferenceEquivalent}: for a position on underlying u with index
 * price S_u and weight w_u (its beta or correlation on the reference, {@link AssetRisk}; 1 for the reference)
 * <pre>
 *   delta_ref = w_u · Δ · S_u / S_ref            coins of the reference
 *   gamma_ref = w_u² · Γ · S_u² / S_ref²         coins of the reference per USD of the reference
 * </pre>
 * so the book's net delta and gamma are exactly those of
 * {@link io.netgamma.core.portfolio.GreeksAggregator#referenceEquivalent} (positions only, no collateral). A book on
 * a single underlying needs no {@link AssetRisk}: that underlying is the reference, with weight 1.
 *
 * @param reference the reference underlying
 * @param weighting beta or correlation (BETA when the book has one underlying and no {@link AssetRisk} was given)
 * @param indexPrice the reference's index price S_ref, USD per coin
 * @param delta delta in coins of the reference
 * @param gamma gamma in coins of the reference per USD
 * @param vega vega, USD per vol point
 * @param theta theta, USD per calendar day
 */
public record BookNetting(String reference, AssetRisk.Weighting weighting, double indexPrice, BookMeasure delta,
    BookMeasure gamma, BookMeasure vega, BookMeasure theta) {

  /** Validates. */
  public BookNetting {
    ArgChecker.notBlank(reference, "reference");
    ArgChecker.notNull(weighting, "weighting");
    ArgChecker.positive(indexPrice, "indexPrice");
    ArgChecker.notNull(delta, "delta");
    ArgChecker.notNull(gamma, "gamma");
    ArgChecker.notNull(vega, "vega");
    ArgChecker.notNull(theta, "theta");
  }
}
