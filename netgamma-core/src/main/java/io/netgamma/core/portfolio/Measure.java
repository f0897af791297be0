package io.netgamma.core.portfolio;

/**
 * The quantities a {@link PortfolioValuation} holds for every position, already multiplied by the position's
 * quantity (q coins, signed). "Forward" F is the forward of the instrument's own expiry (the perpetual's mark, the
 * index for spot); all derivatives are at fixed volatility (sticky strike, Black-76) and fixed forward unless said.
 *
 * <p>Per kind of instrument (per 1 coin; a position is q times this):
 * <table>
 *   <caption>unit measures</caption>
 *   <tr><th>measure</th><th>option</th><th>future, perpetual</th><th>spot</th></tr>
 *   <tr><td>VALUE_USD</td><td>Black-76 premium V (USD)</td><td>0</td><td>S</td></tr>
 *   <tr><td>VALUE_COIN</td><td>V/F</td><td>0</td><td>1</td></tr>
 *   <tr><td>DELTA</td><td>Δ = ∂V/∂F</td><td>1</td><td>1</td></tr>
 *   <tr><td>DELTA_COIN</td><td>Δ − V/F</td><td>1</td><td>0</td></tr>
 *   <tr><td>GAMMA</td><td>Γ</td><td>0</td><td>0</td></tr>
 *   <tr><td>GAMMA_COIN</td><td>Γ − (Δ − V/F)/F</td><td>−1/F</td><td>0</td></tr>
 *   <tr><td>CASH_GAMMA</td><td>Γ·F²/100</td><td>0</td><td>0</td></tr>
 *   <tr><td>RHO</td><td>Black-76 rho, spot fixed</td><td>t·F/100 (future), 0 (perpetual)</td><td>0</td></tr>
 *   <tr><td>other greeks</td><td>Black-76</td><td>0</td><td>0</td></tr>
 * </table>
 *
 * <p><b>The coin numeraire.</b> {@code VALUE_COIN} is the position's value counted in coins of its underlying,
 * converted at F; {@code DELTA_COIN = F·∂VALUE_COIN/∂F} in coins: the quantity of <em>inverse perpetual</em> (counted
 * in coins) that offsets the position's coin P&amp;L to first order, the hedge of a coin-margined book. For an
 * option it is the premium-adjusted delta Δ − V/F. For an inverse future or perpetual of USD notional N = q·F (opened
 * at F), the coin P&amp;L for a move to F' is {@code C(F') = N·(1/F − 1/F')}, so {@code F·C'(F) = N/F = q} and
 * {@code ∂(F'·C'(F'))/∂F' = −N/F² = −q/F}: <b>DELTA_COIN = q, GAMMA_COIN = −q/F</b>; a linear future gives the same
 * at its mark ({@code C(F') = q·(F' − F)/F'}). Spot coins (and coin collateral) are worth a fixed number of coins:
 * DELTA_COIN 0, against a USD delta of q. In USD an inverse future's P&amp;L converted at F' is
 * {@code N·(F'/F − 1)}: delta q, gamma 0, the same as a linear future.
 */
public enum Measure {
  /**
   * Value in USD: options q·premium (USD per coin, converted at F for inverse options); futures and perpetuals 0
   * (valued at their mark: the P&amp;L since entry is in the account balance, see
   * {@link PortfolioValuation#unrealisedPnl(int)}); spot q·index.
   */
  VALUE_USD,
  /** Value in coins of the underlying, converted at F: options q·premium/F, futures and perpetuals 0, spot q. */
  VALUE_COIN,
  /** Black-76 (USD) delta ∂VALUE_USD/∂F in coins: options q·Δ; futures, perpetuals and spot q. */
  DELTA,
  /** Coin-numeraire delta F·∂VALUE_COIN/∂F in coins (see the class javadoc): options q·(Δ − V/F); futures q; spot 0. */
  DELTA_COIN,
  /** ∂²VALUE_USD/∂F², coins per USD: options q·Γ; 0 otherwise. */
  GAMMA,
  /** ∂DELTA_COIN/∂F, coins per USD: options q·(Γ − (Δ − V/F)/F); futures and perpetuals −q/F; spot 0. */
  GAMMA_COIN,
  /** Cash gamma, USD: the change of the delta-dollars for a 1% move, q·Γ·F²/100. */
  CASH_GAMMA,
  /** ∂VALUE_USD/∂σ, USD per vol point (0.01). */
  VEGA,
  /**
   * Vega times the valuer's {@link VegaNormaliser} weight of the option's days to expiry (default
   * {@code sqrt(30/DTE)}): USD per vol point of a 30-day-equivalent move, comparable across expiries.
   */
  STANDARDISED_VEGA,
  /** ∂VALUE_USD/∂(calendar time) at fixed F and σ, USD per calendar day (not floored at −value as Deribit does). */
  THETA,
  /**
   * ∂VALUE_USD/∂r, USD per 1% of rate with spot fixed (F moves with e^{rt}): options Deribit's convention (call
   * q·K·t·df·N(d2)/100); futures q·t·F/100; perpetuals and spot 0.
   */
  RHO,
  /** ∂DELTA/∂σ, coins per vol point. */
  VANNA,
  /** ∂VEGA/∂σ, USD per vol point per vol point. */
  VOLGA,
  /** ∂DELTA/∂(calendar time), coins per calendar day. */
  CHARM,
  /** ∂GAMMA/∂F, coins per USD². */
  SPEED;

  /** The measures, in declaration order (a shared array: do not modify). */
  static final Measure[] ALL = values();
  /** Number of measures. */
  public static final int COUNT = ALL.length;

  /** The measure's name as used in JSON output: lower case with underscores ({@code delta_coin}). */
  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
