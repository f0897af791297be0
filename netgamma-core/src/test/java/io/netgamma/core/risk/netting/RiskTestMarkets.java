package io.netgamma.core.risk.netting;

import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.market.ForwardCurve;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.Quote;
import io.netgamma.core.market.VolatilitySurface;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.core.portfolio.Position;
import io.netgamma.core.sim.market.MarketGenerator;
import io.netgamma.core.sim.market.MarketSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Markets and books shared by the risk tests (netting, scenario, explain). */
public final class RiskTestMarkets {

  /** A realistic valuation instant for generated markets. */
  public static final Instant NOW = Instant.parse("2026-02-04T04:24:00Z");

  private RiskTestMarkets() {
  }

  /** A surface with the same volatility everywhere, returned exactly (no σ²t/t rounding). */
  public record FlatSurface(ForwardCurve forwardCurve, double vol) implements VolatilitySurface {
    @Override
    public double totalVariance(double k, double t) {
      return vol * vol * t;
    }

    @Override
    public double volatility(double k, double t) {
      return vol;
    }
  }

  /**
   * The surface of another snapshot seen {@code dt} years later on a curve moved by λ, sticky strike, shifted by
   * {@code volShift}: {@code σ'(k, t) = σ(k + ln λ, t + dt) + volShift} — each (strike, expiry) keeps its volatility
   * plus the shift.
   */
  public record MovedSurface(VolatilitySurface base, ForwardCurve forwardCurve, double logLambda, double dt,
      double volShift) implements VolatilitySurface {
    @Override
    public double totalVariance(double k, double t) {
      double v = volatility(k, t);
      return v * v * t;
    }

    @Override
    public double volatility(double k, double t) {
      return base.volatility(k + logLambda, t + dt) + volShift;
    }
  }

  /** A snapshot of one underlying on a flat curve (forward = index) with a flat surface and no quotes. */
  public static MarketSnapshot flat(Instant now, String underlying, double index, double vol) {
    ForwardCurve curve = ForwardCurve.flat(underlying, now.toEpochMilli(), index);
    return MarketSnapshot.builder(now).forwardCurve(curve).surface(new FlatSurface(curve, vol)).build();
  }

  /** A snapshot of BTC and ETH on flat curves with flat surfaces and no quotes. */
  public static MarketSnapshot flat2(Instant now, double btc, double btcVol, double eth, double ethVol) {
    ForwardCurve b = ForwardCurve.flat("BTC", now.toEpochMilli(), btc);
    ForwardCurve e = ForwardCurve.flat("ETH", now.toEpochMilli(), eth);
    return MarketSnapshot.builder(now).forwardCurve(b).surface(new FlatSurface(b, btcVol)).forwardCurve(e)
        .surface(new FlatSurface(e, ethVol)).build();
  }

  /** The generated BTC + ETH market at {@link #NOW}. */
  public static MarketSnapshot generated(long seed) {
    return MarketGenerator.DEFAULT.generate(MarketSpec.btcEth(NOW), seed);
  }

  /**
   * The snapshot {@code elapsed} after {@code base}: every index and forward (nodes after the new instant) times
   * {@code 1 + move}, every surface moved sticky strike and shifted by {@code volShift} (fraction); quotes of futures
   * and perpetuals carried over with their marks times {@code 1 + move}, option quotes dropped (valued from the
   * surface).
   */
  public static MarketSnapshot moved(MarketSnapshot base, Duration elapsed, double move, double volShift) {
    Instant t2 = base.timestamp().plus(elapsed);
    double lambda = 1 + move;
    double dt = elapsed.toMillis() / (365.0 * 86_400_000.0);
    MarketSnapshot.Builder b = MarketSnapshot.builder(t2);
    for (String u : base.underlyings()) {
      ForwardCurve c = base.forwardCurve(u);
      List<Long> expiries = new ArrayList<>();
      List<Double> forwards = new ArrayList<>();
      for (int i = 0; i < c.size(); i++) {
        if (c.expiry(i) > t2.toEpochMilli()) {
          expiries.add(c.expiry(i));
          forwards.add(c.forwardAt(i) * lambda);
        }
      }
      ForwardCurve moved = ForwardCurve.of(u, t2.toEpochMilli(), c.index() * lambda,
          expiries.stream().mapToLong(Long::longValue).toArray(), forwards.stream().mapToDouble(Double::doubleValue)
              .toArray());
      b.forwardCurve(moved);
      base.surface(u).ifPresent(s -> b.surface(new MovedSurface(s, moved, Math.log(lambda), dt, volShift)));
    }
    for (Quote q : base.quotes()) {
      Instrument instrument = q.instrument();
      if (!instrument.isOption() && q.hasMark()
          && (instrument.expiry() == null || instrument.expiry().isAfter(t2))) {
        b.quote(Quote.ofMark(instrument, q.mark() * lambda));
      }
    }
    return b.build();
  }

  /**
   * A seeded random book of {@code n} positions on the quoted instruments of {@code market} expiring more than
   * {@code minDays} days after it (perpetuals always eligible): quantities uniform in ±50 coins in steps of 0.1.
   */
  public static Portfolio randomBook(MarketSnapshot market, int n, double minDays, long seed) {
    long min = market.timestamp().toEpochMilli() + Math.round(minDays * 86_400_000.0);
    List<Instrument> eligible = new ArrayList<>();
    for (Quote q : market.quotes()) {
      Instrument instrument = q.instrument();
      if (instrument.expiry() == null || instrument.expiry().toEpochMilli() > min) {
        eligible.add(instrument);
      }
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<Position> positions = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Instrument instrument = eligible.get(random.nextInt(eligible.size()));
      double q = (random.nextInt(1001) - 500) / 10.0;
      positions.add(Position.of(instrument, q == 0 ? 0.1 : q));
    }
    return Portfolio.of("random book " + seed, positions);
  }
}
