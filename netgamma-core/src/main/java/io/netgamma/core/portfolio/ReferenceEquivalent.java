package io.netgamma.core.portfolio;

import io.netgamma.core.base.ArgChecker;
import java.util.List;

/**
 * Delta and gamma of a multi-underlying book in units of one reference underlying (BTC-equivalent), from
 * {@link GreeksAggregator#referenceEquivalent}. With, per underlying u, the net delta Δ_u (coins), net gamma Γ_u
 * (coins per USD), index price S_u and weight w_u (β_u or ρ_u, {@link AssetRisk}; 1 for the reference):
 * <pre>
 *   Δ_ref = Σ_u w_u · Δ_u · S_u / S_ref            (coins of the reference)
 *   Γ_ref = Σ_u w_u² · Γ_u · S_u² / S_ref²         (coins of the reference per USD of the reference)
 * </pre>
 * A relative move x of the reference moves u by w_u·x in expectation; the delta-dollars Δ_u·S_u then make
 * {@code w_u·Δ_u·S_u·x} USD and the gamma {@code ½·Γ_u·S_u²·w_u²·x²}. Only the part of each coin's move explained
 * by the reference counts: the idiosyncratic variance {@code (1 − ρ_u²)·σ_u²} is left out.
 *
 * @param reference the reference underlying
 * @param weighting beta or correlation
 * @param indexPrice the reference's index price S_ref, USD per coin
 * @param delta Δ_ref, coins of the reference
 * @param gamma Γ_ref, coins of the reference per USD
 * @param deltaUsd {@code Δ_ref·S_ref}, USD per 100% move (delta-dollars)
 * @param cashGamma {@code Γ_ref·S_ref²/100}, USD change of delta-dollars per 1% move of the reference
 * @param contributions one entry per underlying, in the valuation's order
 */
public record ReferenceEquivalent(String reference, AssetRisk.Weighting weighting, double indexPrice, double delta,
    double gamma, double deltaUsd, double cashGamma, List<Contribution> contributions) {

  /** Validates and copies. */
  public ReferenceEquivalent {
    ArgChecker.notBlank(reference, "reference");
    ArgChecker.notNull(weighting, "weighting");
    ArgChecker.positive(indexPrice, "indexPrice");
    ArgChecker.finite(delta, "delta");
    ArgChecker.finite(gamma, "gamma");
    ArgChecker.finite(deltaUsd, "deltaUsd");
    ArgChecker.finite(cashGamma, "cashGamma");
    contributions = List.copyOf(contributions);
  }

  /**
   * One underlying's part.
   *
   * @param underlying the underlying
   * @param weight its weight w_u (β or ρ; 1 for the reference)
   * @param indexPrice S_u, USD per coin
   * @param delta its net delta Δ_u, coins of u
   * @param gamma its net gamma Γ_u, coins of u per USD
   * @param deltaEquivalent {@code w_u·Δ_u·S_u/S_ref}, coins of the reference
   * @param gammaEquivalent {@code w_u²·Γ_u·S_u²/S_ref²}, coins of the reference per USD
   */
  public record Contribution(String underlying, double weight, double indexPrice, double delta, double gamma,
      double deltaEquivalent, double gammaEquivalent) {

    /** Validates. */
    public Contribution {
      ArgChecker.notBlank(underlying, "underlying");
      ArgChecker.finite(weight, "weight");
      ArgChecker.positive(indexPrice, "indexPrice");
      ArgChecker.finite(delta, "delta");
      ArgChecker.finite(gamma, "gamma");
      ArgChecker.finite(deltaEquivalent, "deltaEquivalent");
      ArgChecker.finite(gammaEquivalent, "gammaEquivalent");
    }
  }
}
