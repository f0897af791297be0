package io.netgamma.core.sim.stress;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.market.ForwardCurve;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.VolatilitySurface;
import io.netgamma.core.market.surface.SurfaceShifts;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An instantaneous shock of the market: per underlying a relative spot move and an absolute, parallel volatility
 * shift. Underlyings not named do not move.
 *
 * <p>{@link #apply(MarketSnapshot)} gives the shocked market: the index and every forward of an underlying multiplied
 * by {@code 1 + move} (carry unchanged), its surface moved sticky-moneyness (the volatility at a fixed K/F is
 * unchanged: crypto smiles move with the spot in a crash) and then shifted by the volatility shift
 * ({@link SurfaceShifts#parallel}: {@code σ' = max(σ + shift, 0)}). The clock does not move (no theta, nothing
 * expires), as in a venue's stress test. The shocked market carries <b>no quotes</b>: perpetuals are valued at the
 * index, options on the surface; {@link StressTester} values the unshocked book through the same path (a zero shock),
 * so a zero shock gives exactly zero P&amp;L.
 *
 * @param spotMoves relative spot move per underlying ({@code -0.39} = −39%), each finite and &gt; −1 (copied)
 * @param volShifts absolute volatility shift per underlying, fraction ({@code 0.25} = +25 vol points), finite (copied)
 */
public record MarketShock(Map<String, Double> spotMoves, Map<String, Double> volShifts) {

  /** No move. */
  public static final MarketShock NONE = new MarketShock(Map.of(), Map.of());

  /** Validates and copies (order kept). */
  public MarketShock {
    ArgChecker.notNull(spotMoves, "spotMoves");
    ArgChecker.notNull(volShifts, "volShifts");
    for (Map.Entry<String, Double> e : spotMoves.entrySet()) {
      ArgChecker.notBlank(e.getKey(), "underlying");
      double m = ArgChecker.notNull(e.getValue(), e.getKey() + " spot move");
      ArgChecker.isTrue(Double.isFinite(m) && m > -1,
          e.getKey() + " spot move must be finite and > -1 (a fraction: -0.39 = -39%), got " + m);
    }
    for (Map.Entry<String, Double> e : volShifts.entrySet()) {
      ArgChecker.notBlank(e.getKey(), "underlying");
      ArgChecker.finite(ArgChecker.notNull(e.getValue(), e.getKey() + " vol shift"), e.getKey() + " vol shift");
    }
    spotMoves = Collections.unmodifiableMap(new LinkedHashMap<>(spotMoves));
    volShifts = Collections.unmodifiableMap(new LinkedHashMap<>(volShifts));
  }

  /** The relative spot move of {@code underlying}, 0 when it is not named. */
  public double spotMove(String underlying) {
    return spotMoves.getOrDefault(underlying, 0.0);
  }

  /** The volatility shift of {@code underlying} (fraction), 0 when it is not named. */
  public double volShift(String underlying) {
    return volShifts.getOrDefault(underlying, 0.0);
  }

  /**
   * This shock scaled by {@code lambda}: every spot move and volatility shift multiplied by it.
   *
   * @param lambda the scale, finite and &ge; 0; spot moves must stay &gt; −1
   * @throws IllegalArgumentException when a scaled spot move reaches −100%
   */
  public MarketShock scaled(double lambda) {
    ArgChecker.notNegative(lambda, "scale");
    Map<String, Double> m = new LinkedHashMap<>();
    spotMoves.forEach((u, x) -> m.put(u, x * lambda));
    Map<String, Double> v = new LinkedHashMap<>();
    volShifts.forEach((u, x) -> v.put(u, x * lambda));
    return new MarketShock(m, v);
  }

  /**
   * The largest scale that keeps every spot move above −{@code maxDrop} ({@code Double.POSITIVE_INFINITY} when no
   * underlying falls).
   *
   * @param maxDrop the largest fall allowed, in (0, 1)
   */
  public double maxScale(double maxDrop) {
    double s = Double.POSITIVE_INFINITY;
    for (double m : spotMoves.values()) {
      if (m < 0) {
        s = Math.min(s, maxDrop / -m);
      }
    }
    return s;
  }

  /**
   * The shocked market (see the class javadoc): same timestamp, every underlying of {@code market} with its index,
   * forward curve and surface (if any) moved; no quotes.
   */
  public MarketSnapshot apply(MarketSnapshot market) {
    ArgChecker.notNull(market, "market");
    MarketSnapshot.Builder b = MarketSnapshot.builder(market.timestamp());
    for (String u : market.underlyings()) {
      double move = spotMove(u);
      double lambda = 1 + move;
      b.index(u, market.index(u) * lambda);
      ForwardCurve c = market.forwardCurve(u);
      long[] expiries = new long[c.size()];
      double[] forwards = new double[c.size()];
      for (int i = 0; i < c.size(); i++) {
        expiries[i] = c.expiry(i);
        forwards[i] = c.forwardAt(i) * lambda;
      }
      b.forwardCurve(ForwardCurve.of(u, c.valuationMillis(), c.index() * lambda, expiries, forwards));
      VolatilitySurface surface = market.surface(u).orElse(null);
      if (surface != null) {
        VolatilitySurface moved = move == 0 ? surface
            : SurfaceShifts.spotMove(surface, move, SurfaceShifts.Stickiness.STICKY_MONEYNESS);
        double shift = volShift(u);
        b.surface(shift == 0 ? moved : SurfaceShifts.parallel(moved, shift));
      }
    }
    return b.build();
  }
}
