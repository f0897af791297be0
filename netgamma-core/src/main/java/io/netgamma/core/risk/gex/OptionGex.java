package io.netgamma.core.risk.gex;

import io.netgamma.core.base.ArgChecker;

/**
 * One option's contribution to the dealers' gamma exposure at the current spot.
 *
 * @param option the option line
 * @param t years to expiry, ACT/365 from the valuation instant, &gt; 0
 * @param vol the implied volatility used, fraction (the option's own, or the surface's under
 *     {@link VolatilityRule#SURFACE_STICKY_MONEYNESS})
 * @param gammaForward Black-76 gamma of one long option, per 1 USD of the forward (Deribit's gamma), &ge; 0
 * @param gammaSpot gamma of one long option per 1 USD of spot, {@code gammaForward·(F/S)²} (the forward moves with
 *     spot, {@code F = S·F₀/S₀}), &ge; 0
 * @param gex the dealers' gamma exposure of the whole open interest, USD per 1% move of spot:
 *     {@code sign·gammaSpot·openInterest·S²·0.01}, signed by the {@link DealerConvention}
 */
public record OptionGex(GexOption option, double t, double vol, double gammaForward, double gammaSpot, double gex) {

  /** Validates. */
  public OptionGex {
    ArgChecker.notNull(option, "option");
    ArgChecker.positive(t, option.label() + ": t");
    ArgChecker.positive(vol, option.label() + ": vol");
    ArgChecker.notNegative(gammaForward, option.label() + ": gamma per USD of the forward");
    ArgChecker.notNegative(gammaSpot, option.label() + ": gamma per USD of spot");
    ArgChecker.finite(gex, option.label() + ": GEX");
  }
}
