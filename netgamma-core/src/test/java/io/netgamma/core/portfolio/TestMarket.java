package io.netgamma.core.portfolio;

import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.market.ForwardCurve;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.OrderBook;
import io.netgamma.core.market.Quote;
import io.netgamma.core.market.VolatilitySurface;
import java.time.Instant;
import java.util.List;

/**
 * A small hand-built BTC + ETH market for the portfolio tests, with a sticky-strike, time-invariant volatility
 * function: σ depends only on the option's strike and expiry (never on the forward or the valuation instant), so
 * that a revaluation with moved forwards, a later instant or a shifted vol is a pure Black-76 bump, and finite
 * differences of full revaluations are the Black-76 greeks (delta at fixed σ, theta at fixed F and σ).
 *
 * <p>Forward curves have a node at every expiry used, so a revaluation at another instant keeps every forward.
 */
final class TestMarket {

  static final Instant T0 = Instant.parse("2024-06-17T10:00:00Z");
  static final double BTC_INDEX = 65_000;
  static final double ETH_INDEX = 3_500;
  static final long[] BTC_EXPIRIES = {millis("2024-06-21"), millis("2024-06-28"), millis("2024-09-27"),
      millis("2024-12-27")};
  static final double[] BTC_FORWARDS = {65_120.5, 65_310.0, 66_840.25, 68_450.0};
  static final long[] ETH_EXPIRIES = {millis("2024-06-28"), millis("2024-09-27")};
  static final double[] ETH_FORWARDS = {3_512.4, 3_583.9};
  static final double BTC_PERP_MARK = 65_040.5;
  static final double ETH_PERP_MARK = 3_501.25;

  /** Every kind of position, long and short, inverse and linear, several expiries, two underlyings. */
  static final List<Position> BOOK = List.of(
      Position.of("BTC-28JUN24-70000-C", -25),
      Position.of("BTC-28JUN24-60000-P", 10),
      Position.of("BTC-27SEP24-80000-C", 5.5),
      Position.of("BTC_USDC-27DEC24-50000-P", -3),
      Position.of("BTC-21JUN24-65000-C", 2),
      Position.of("BTC-28JUN24", -4),
      Position.of("BTC-PERPETUAL", 7),
      Position.of("BTC_USDC-PERPETUAL", -1.5),
      Position.of("BTC_USDC", 2),
      Position.of("ETH-28JUN24-3600-C", 100),
      Position.of("ETH-27SEP24-3000-P", -40),
      Position.of("ETH-PERPETUAL", -20),
      Position.of("BTC-28JUN24-70000-C", 7));

  private TestMarket() {
  }

  static long millis(String date) {
    return Instant.parse(date + "T08:00:00Z").toEpochMilli();
  }

  /** The base market at {@link #T0}. */
  static MarketSnapshot market() {
    return market(T0, 1.0, 0.0, 0.0);
  }

  /**
   * The market at instant {@code at}, with every index and forward multiplied by {@code scale}, every volatility
   * shifted by {@code volShift} and every forward multiplied by {@code exp(carryShift·t)} (a rate bump at fixed
   * spot, t the node's years from {@code at}).
   */
  static MarketSnapshot market(Instant at, double scale, double volShift, double carryShift) {
    long now = at.toEpochMilli();
    ForwardCurve btc = curve("BTC", now, BTC_INDEX * scale, BTC_EXPIRIES, BTC_FORWARDS, scale, carryShift);
    ForwardCurve eth = curve("ETH", now, ETH_INDEX * scale, ETH_EXPIRIES, ETH_FORWARDS, scale, carryShift);
    return MarketSnapshot.builder(at)
        .forwardCurve(btc).forwardCurve(eth)
        .surface(new StickySurface(btc, BTC_INDEX, 0.55, volShift))
        .surface(new StickySurface(eth, ETH_INDEX, 0.65, volShift))
        .quote(perp("BTC-PERPETUAL", BTC_PERP_MARK * scale))
        .quote(perp("ETH-PERPETUAL", ETH_PERP_MARK * scale))
        .build();
  }

  private static ForwardCurve curve(String u, long now, double index, long[] expiries, double[] forwards,
      double scale, double carryShift) {
    double[] f = new double[forwards.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = forwards[i] * scale * Math.exp(carryShift * YearFraction.act365(now, expiries[i]));
    }
    return ForwardCurve.of(u, now, index, expiries, f);
  }

  private static Quote perp(String name, double mark) {
    return new Quote(Instrument.parse(name), mark, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, Double.NaN, 0.0001, OrderBook.EMPTY);
  }

  /**
   * σ(K, expiry) = atm + 0.25·x² − 0.1·x + 0.02·sin(days/40) + shift, x = ln(K/kRef), days from 2024-01-01: a
   * smile in strike and a term structure, with no dependence on the forward or the valuation instant.
   */
  record StickySurface(ForwardCurve forwardCurve, double kRef, double atm, double shift)
      implements VolatilitySurface {

    static final long EPOCH = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    static double vol(double strike, long expiry, double kRef, double atm, double shift) {
      double x = Math.log(strike / kRef);
      double days = (expiry - EPOCH) / 86_400_000.0;
      return atm + 0.25 * x * x - 0.1 * x + 0.02 * Math.sin(days / 40) + shift;
    }

    @Override
    public double volatility(double strike, long expiryMillis) {
      return vol(strike, expiryMillis, kRef, atm, shift);
    }

    @Override
    public double totalVariance(double k, double t) {
      long expiry = forwardCurve.valuationMillis() + Math.round(t * YearFraction.MILLIS_PER_YEAR);
      double v = vol(forwardCurve.forward(expiry) * Math.exp(k), expiry, kRef, atm, shift);
      return v * v * t;
    }
  }
}
