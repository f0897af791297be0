package io.netgamma.core.margin.predictive;

import io.netgamma.core.margin.pm.CurrencyParameters;
import io.netgamma.core.margin.pm.PairParameters;
import io.netgamma.core.margin.pm.PmParameters;
import io.netgamma.core.market.ForwardCurve;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.VolatilitySurface;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.core.portfolio.Position;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A small BTC book and flat markets for the predictive-margin tests. */
final class TestBooks {

  private TestBooks() {
  }

  /** Deribit's BTC parameter set of its API documentation example (as in DeribitPortfolioMarginTest). */
  static PmParameters btcParameters() {
    return new PmParameters(
        Map.of("btc_usd", new PairParameters(0.16, 0.5, 0.25, 0.5, 0.3, 0.13, 1, 0.1, 20_000_000, 5e-5)),
        Map.of("btc", new CurrencyParameters(0, 0, 0.075, 0.01, 100_000, 0, "both", false),
            "usd", new CurrencyParameters(0, 0, 0.1, 0.01, 25_000, 0, "none", false)),
        0.8, 4, 3, 1718619740501L, "example A");
  }

  /** Short 5 BTC of a straddle struck at 60,000, hedged with 1 BTC of perpetual. */
  static Portfolio shortStraddle() {
    return Portfolio.of("short straddle", List.of(Position.of("BTC-27DEC24-60000-C", -5),
        Position.of("BTC-27DEC24-60000-P", -5), Position.of("BTC-PERPETUAL", 1)));
  }

  /** A flat market: index = every forward = spot, one vol. */
  static MarketSnapshot flat(Instant at, double spot, double vol) {
    ForwardCurve curve = ForwardCurve.flat("BTC", at.toEpochMilli(), spot);
    VolatilitySurface surface = new VolatilitySurface() {
      @Override
      public ForwardCurve forwardCurve() {
        return curve;
      }

      @Override
      public double totalVariance(double k, double t) {
        return vol * vol * t;
      }
    };
    return MarketSnapshot.builder(at).index("BTC", spot).forwardCurve(curve).surface(surface).build();
  }
}
