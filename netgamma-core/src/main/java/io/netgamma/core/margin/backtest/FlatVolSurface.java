package io.netgamma.core.margin.backtest;

import io.netgamma.core.market.ForwardCurve;
import io.netgamma.core.market.VolatilitySurface;

/** One volatility at every strike and expiry: the backtest's market (no smile is known from a price history). */
record FlatVolSurface(ForwardCurve forwardCurve, double vol) implements VolatilitySurface {

  @Override
  public double totalVariance(double k, double t) {
    return vol * vol * t;
  }

  @Override
  public double volatility(double k, double t) {
    return vol;
  }
}
