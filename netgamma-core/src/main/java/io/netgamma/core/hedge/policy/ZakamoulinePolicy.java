package io.netgamma.core.hedge.policy;

import io.netgamma.core.base.ArgChecker;

/**
 * Zakamouline (2006): the utility-based hedge approximated by a band around the delta at a modified volatility,
 * {@code Δ(σ_m) ± (H₀ + H_w)}, with
 * <pre>
 *   H₀  = λ / (γ·S·σ²·τ)
 *   H_w = 1.12 · λ^0.31 · τ^0.05 · (e^{−rτ}/σ)^0.25 · (|Γ|/γ)^0.5
 *   σ_m² = σ²·(1 − K) short gamma, σ²·(1 + K) long gamma,  K = −4.76 · λ^0.78 / τ^0.02 · (e^{−rτ}/σ)^0.25 · (γ·S²·|Γ|)^0.15
 * </pre>
 * (coefficients fitted to the exact Hodges–Neuberger strategy: V. Zakamouline, "Efficient analytic approximation of the
 * optimal hedging strategy for a European call option with transaction costs", Quantitative Finance 6(5), 2006,
 * 435–445; {@link HedgingBands}). Outside the band, trade to the nearer edge.
 *
 * <p>In the book's net delta (at the implied volatility σ, hedges included) the hedge holding must stay within
 * {@code H₀ + H_w} of {@code −Δ_options(σ_m)}, so the band is centred on
 * {@code c = Δ_book(σ) − Δ_book(σ_m) = −state.deltaChangeAtVolScale(σ_m/σ)}. σ is the state's implied volatility; for a
 * book whose options have different volatilities every one is scaled by σ_m/σ (exact for one option). Needs the time
 * to expiry, and the delta at another volatility ({@link PolicyState#deltaAtVolatility} or vanna) unless the cost or the
 * gamma is 0. At or after expiry: no trade, reason {@link DecisionReason#EXPIRED}.
 *
 * @param riskAversion γ, absolute risk aversion per USD, &gt; 0 (as for {@link WhalleyWilmottPolicy})
 */
public record ZakamoulinePolicy(double riskAversion) implements RebalancingPolicy {

  /** Validates. */
  public ZakamoulinePolicy {
    ArgChecker.positive(riskAversion, "risk aversion");
  }

  @Override
  public HedgeDecision decide(PolicyState state) {
    double tau = WhalleyWilmottPolicy.requireTau(state, "zakamouline");
    double delta = state.delta();
    if (!(tau > 0)) {
      return state.decision().noTrade(delta, DecisionReason.EXPIRED, Double.NEGATIVE_INFINITY,
          Double.POSITIVE_INFINITY, 0.0);
    }
    double sigma = state.impliedVol();
    double spot = state.spot();
    double gamma = state.gamma();
    double lambda = state.costRate();
    double rate = state.rate();
    double h = HedgingBands.zakamoulineH0(lambda, riskAversion, spot, sigma, tau)
        + HedgingBands.zakamoulineHw(lambda, tau, rate, sigma, gamma, riskAversion);
    double k = HedgingBands.zakamoulineK(lambda, tau, rate, sigma, riskAversion, spot, gamma);
    double sigmaM = HedgingBands.zakamoulineModifiedVol(sigma, k, gamma);
    double center = -state.deltaChangeAtVolScale(sigmaM / sigma);
    return state.decision().band(delta, center - h, center + h, center, true);
  }

  @Override
  public String spec() {
    return "zakamouline:" + PolicySpecs.formatNumber(riskAversion);
  }
}
