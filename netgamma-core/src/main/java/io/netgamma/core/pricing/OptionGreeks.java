package io.netgamma.core.pricing;

/**
 * Price and greeks of one European option on 1 unit of the underlying (1 coin), Black-76 on the forward, in
 * the units Deribit publishes so they can be compared line by line. All sensitivities are of the USD price
 * unless the name says coin.
 *
 * @param priceUsd premium in USD (quote currency) per 1 coin of underlying, discounted at the rate
 * @param priceCoin premium in coin: {@code priceUsd / forward} (how inverse options are quoted)
 * @param delta ∂price/∂F, in underlying units (Black-76 delta, as Deribit publishes)
 * @param gamma ∂²price/∂F², per 1 USD move of the forward
 * @param vega ∂price/∂σ in USD per 1 volatility point (0.01)
 * @param theta ∂price/∂(calendar time) in USD per calendar day (negative for a long option at zero rate)
 * @param rho ∂price/∂r in USD per 1% of rate, spot held fixed (the venue convention: call
 *     {@code K·t·df·N(d2)/100})
 * @param vanna ∂delta/∂σ per 1 volatility point
 * @param volga ∂vega/∂σ: USD-per-vol-point change of vega per 1 volatility point
 * @param charm ∂delta/∂(calendar time) per calendar day
 * @param speed ∂gamma/∂F per 1 USD
 * @param deltaCoin coin-numeraire (premium-adjusted) delta {@code delta - priceCoin}: the inverse-perpetual
 *     hedge of an inverse option, in coin
 * @param gammaCoin ∂deltaCoin/∂F per 1 USD: {@code gamma - deltaCoin/F}
 */
public record OptionGreeks(
    double priceUsd,
    double priceCoin,
    double delta,
    double gamma,
    double vega,
    double theta,
    double rho,
    double vanna,
    double volga,
    double charm,
    double speed,
    double deltaCoin,
    double gammaCoin) {

  /** Builds the record from an array filled by {@link Black76#priceAndGreeks}, in the order of its indices. */
  public static OptionGreeks fromArray(double[] out) {
    return new OptionGreeks(out[Black76.PRICE], out[Black76.PRICE_COIN], out[Black76.DELTA], out[Black76.GAMMA],
        out[Black76.VEGA], out[Black76.THETA], out[Black76.RHO], out[Black76.VANNA], out[Black76.VOLGA],
        out[Black76.CHARM], out[Black76.SPEED], out[Black76.DELTA_COIN], out[Black76.GAMMA_COIN]);
  }
}
