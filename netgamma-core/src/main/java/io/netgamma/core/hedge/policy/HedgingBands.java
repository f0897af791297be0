package io.netgamma.core.hedge.policy;

import io.netgamma.core.base.ArgChecker;

/**
 * The formulas of the literature's hedging bands and adjusted volatilities, as pure functions (the policies call
 * them; tests check them against values worked by hand). Units: γ (risk aversion) is the absolute risk aversion of
 * exponential utility, per USD; S spot in USD per coin; Γ gamma in coins per USD; λ the one-way proportional cost, a
 * fraction of notional; σ a fraction per √year; τ and δt in years; r continuously compounded. Band half-widths are in
 * coins of the underlying (delta); every one is dimensionless in the papers' own units (λ·S·Γ²/γ, |Γ|/γ,
 * γ·S²·|Γ|), so they hold for a book in coins as for one option.
 */
public final class HedgingBands {

  /** √(2/π), Leland's factor: E|Z| for a standard normal Z. */
  public static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);

  private HedgingBands() {
  }

  /**
   * Whalley &amp; Wilmott (1997), "An asymptotic analysis of an optimal hedging model for option pricing with
   * transaction costs", Mathematical Finance 7(3) 307–324: to leading order in the cost, the utility-optimal hedge
   * (Hodges–Neuberger, exponential utility) keeps the holding within {@code H} of the Black–Scholes delta,
   * {@code H = (3/2 · e^{−r(T−t)} · λ · S · Γ² / γ)^{1/3}}, and trades to the nearer edge when it leaves the band.
   *
   * @param gamma the book's gamma Γ, coins per USD (its sign does not matter)
   * @param spot S, USD per coin
   * @param costRate λ, one-way proportional cost (fraction of notional), &ge; 0
   * @param riskAversion γ, per USD, &gt; 0
   * @param rate r
   * @param tau years to expiry T − t (only in {@code e^{−rτ}}; any value when r = 0)
   * @return H, coins; 0 when λ or Γ is 0 (hedge continuously)
   */
  public static double whalleyWilmottHalfWidth(double gamma, double spot, double costRate, double riskAversion,
      double rate, double tau) {
    double discount = rate == 0 ? 1.0 : Math.exp(-rate * tau);
    return Math.cbrt(1.5 * discount * costRate * spot * gamma * gamma / riskAversion);
  }

  /**
   * Zakamouline's H₀, the part of the band that does not vanish with gamma: {@code H₀ = λ / (γ·S·σ²·τ)}. From
   * Zakamouline (2006), "Efficient analytic approximation of the optimal hedging strategy for a European call option
   * with transaction costs", Quantitative Finance 6(5) 435–445 (working paper: "Optimal hedging of options with
   * transaction costs", EFMA 2005): the band {@code Δ(σ_m) ± (H₀ + H_w)} with coefficients fitted to the numerically
   * solved utility-based (Hodges–Neuberger) strategy.
   *
   * @param tau years to expiry, &gt; 0
   */
  public static double zakamoulineH0(double costRate, double riskAversion, double spot, double sigma, double tau) {
    return costRate / (riskAversion * spot * sigma * sigma * tau);
  }

  /**
   * Zakamouline's (2006, QF) fitted gamma part of the band:
   * {@code H_w = 1.12 · λ^0.31 · τ^0.05 · (e^{−rτ}/σ)^0.25 · (|Γ|/γ)^0.5}.
   */
  public static double zakamoulineHw(double costRate, double tau, double rate, double sigma, double gamma,
      double riskAversion) {
    if (costRate == 0 || gamma == 0) {
      return 0.0;
    }
    double discountOverSigma = Math.exp(-rate * tau) / sigma;
    return 1.12 * Math.pow(costRate, 0.31) * Math.pow(tau, 0.05) * Math.pow(discountOverSigma, 0.25)
        * Math.sqrt(Math.abs(gamma) / riskAversion);
  }

  /**
   * Zakamouline's (2006, QF) fitted volatility adjustment
   * {@code K = −4.76 · λ^0.78 / τ^0.02 · (e^{−rτ}/σ)^0.25 · (γ·S²·|Γ|)^0.15} (&le; 0), for the modified volatility of
   * {@link #zakamoulineModifiedVol}.
   */
  public static double zakamoulineK(double costRate, double tau, double rate, double sigma, double riskAversion,
      double spot, double gamma) {
    if (costRate == 0 || gamma == 0) {
      return 0.0;
    }
    double discountOverSigma = Math.exp(-rate * tau) / sigma;
    return -4.76 * Math.pow(costRate, 0.78) / Math.pow(tau, 0.02) * Math.pow(discountOverSigma, 0.25)
        * Math.pow(riskAversion * spot * spot * Math.abs(gamma), 0.15);
  }

  /**
   * Zakamouline's modified volatility, around whose delta the band is centred: {@code σ_m² = σ²·(1 − K)} for a short
   * option (a short-gamma book: the writer hedges as if the volatility were higher, K &le; 0), {@code σ²·(1 + K)} for
   * a long one (floored at 0), σ when the book has no gamma.
   *
   * @param k from {@link #zakamoulineK}, &le; 0
   * @param gamma the book's gamma; its sign says long or short
   */
  public static double zakamoulineModifiedVol(double sigma, double k, double gamma) {
    if (gamma < 0) {
      return sigma * Math.sqrt(1.0 - k);
    }
    if (gamma > 0) {
      return sigma * Math.sqrt(Math.max(1.0 + k, 0.0));
    }
    return sigma;
  }

  /**
   * Leland's number, Leland (1985), "Option pricing and replication with transactions costs", Journal of Finance
   * 40(5) 1283–1301: {@code A = √(2/π) · k / (σ·√δt)} with k the round-trip proportional cost, here {@code k = 2λ}
   * from the one-way cost λ (equivalently Wilmott's {@code √(8/π)·λ/(σ√δt)}).
   *
   * @param costRate λ, one-way, &ge; 0
   * @param sigma σ, &gt; 0
   * @param dt the rebalancing interval δt, years, &gt; 0
   */
  public static double lelandNumber(double costRate, double sigma, double dt) {
    ArgChecker.positive(dt, "rebalancing interval");
    return SQRT_2_OVER_PI * 2.0 * costRate / (sigma * Math.sqrt(dt));
  }

  /**
   * Leland's adjusted volatility {@code σ_L² = σ²·(1 + A)} for a short option (short-gamma book: the hedger pays the
   * costs, as if volatility were higher), {@code σ²·(1 − A)} for a long one (floored at 0: Leland's adjustment fails
   * for a long option when A &ge; 1), σ when the book has no gamma.
   */
  public static double lelandVolatility(double sigma, double lelandNumber, double gamma) {
    if (gamma < 0) {
      return sigma * Math.sqrt(1.0 + lelandNumber);
    }
    if (gamma > 0) {
      return sigma * Math.sqrt(Math.max(1.0 - lelandNumber, 0.0));
    }
    return sigma;
  }
}
