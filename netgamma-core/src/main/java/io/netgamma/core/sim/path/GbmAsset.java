package io.netgamma.core.sim.path;

import io.netgamma.core.base.ArgChecker;

/**
 * One asset of a {@link GbmModel}: {@code dS/S = μ dt + σ dW}.
 *
 * @param name asset name (e.g. "BTC")
 * @param spot spot at point 0, USD per coin, &gt; 0
 * @param drift μ, annualised, so that {@code E[S_t] = S_0·e^{μt}}; 0 makes the spot a martingale, which is the
 *     risk-neutral dynamics of a Deribit forward (rate 0)
 * @param vol σ, annualised fraction (0.6 = 60%), ≥ 0
 */
public record GbmAsset(String name, double spot, double drift, double vol) {

  /** Validates the parameters. */
  public GbmAsset {
    ArgChecker.notBlank(name, "name");
    ArgChecker.positive(spot, name + " spot");
    ArgChecker.finite(drift, name + " drift");
    ArgChecker.notNegative(vol, name + " vol");
  }
}
