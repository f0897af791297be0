package io.netgamma.core.sim.execution;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.pricing.Black76;
import io.netgamma.core.sim.path.PathSet;

/**
 * Reflexive impact: a delta hedger's own trades move the price. A short-gamma book (short options) must buy as the
 * price rises and sell as it falls, so its permanent impact pushes the price further the way it was going
 * (amplification, the mechanism of gamma squeezes and of "negative dealer gamma" regimes); a long-gamma hedger
 * trades against the move and damps it.
 *
 * <p>{@link #measure} runs one path twice, without and with the {@link ImpactModel}: at every step
 * {@code i ≥ 1} the hedger observes {@code S_i = P_i·exp(L)} (P the input path, L the running sum of its permanent
 * log shifts), rebalances the hedge to {@code −coins·Δ(S_i, T − t_i)} (Black-76 delta, rate 0), pays the temporary
 * impact of that trade and adds its permanent shift to L for the following steps. The hedge is in place at point 0
 * (bought before the path starts, without impact), so only the rebalancing trades move the price; at expiry the
 * option is cash-settled (as on Deribit) and the hedge is unwound. Without impact L
 * stays 0 and the path is the input exactly. Stateless.
 */
public final class ReflexiveImpact {

  private ReflexiveImpact() {
  }

  /** {@link #measure(double[], double, HedgedOption, ImpactModel)} on local path {@code path} of {@code asset}. */
  public static Amplification measure(PathSet paths, int asset, int path, HedgedOption option,
      ImpactModel impact) {
    ArgChecker.notNull(paths, "paths");
    ArgChecker.isTrue(path >= 0 && path < paths.pathCount(), "path must be in [0, " + paths.pathCount()
        + "), got " + path);
    double[] spots = new double[paths.points()];
    for (int i = 0; i < spots.length; i++) {
      spots[i] = paths.spot(asset, i, path);
    }
    return measure(spots, paths.grid().dtYears(), option, impact);
  }

  /**
   * Amplification of one path by a delta hedger of {@code option} with {@code impact}.
   *
   * @param spots the path without impact, USD per coin (finite, &gt; 0), at least two points
   * @param dtYears step length in years
   * @param option the hedged option position
   * @param impact the hedger's market impact on the hedge instrument
   */
  public static Amplification measure(double[] spots, double dtYears, HedgedOption option, ImpactModel impact) {
    ArgChecker.notNull(spots, "spots");
    ArgChecker.isTrue(spots.length >= 2, "the path needs at least two points, got " + spots.length);
    for (int i = 0; i < spots.length; i++) {
      ArgChecker.positive(spots[i], "spot #" + i);
    }
    ArgChecker.positive(dtYears, "dtYears");
    ArgChecker.notNull(option, "option");
    ArgChecker.notNull(impact, "impact");
    double[] base = new double[spots.length];
    double[] totals = new double[2];
    hedge(spots, dtYears, option, ImpactModel.NONE, base, totals);
    double[] impacted = new double[spots.length];
    hedge(spots, dtYears, option, impact, impacted, totals);
    double horizon = dtYears * (spots.length - 1);
    double volBase = realisedVol(base, horizon);
    double volImpact = realisedVol(impacted, horizon);
    double moveBase = rmsMove(base);
    double moveImpact = rmsMove(impacted);
    double ddBase = maxDrawdown(base);
    double ddImpact = maxDrawdown(impacted);
    return new Amplification(moveBase, moveImpact, ratio(moveImpact, moveBase), volBase, volImpact,
        ratio(volImpact, volBase), ddBase, ddImpact,
        ratio(ddImpact, ddBase), maxDrawup(base), maxDrawup(impacted), totals[0], totals[1], impacted);
  }

  /** Fills {@code out} with the path the hedger produces; {@code totals} gets (volume coins, temporary cost USD). */
  private static void hedge(double[] spots, double dt, HedgedOption option, ImpactModel impact, double[] out,
      double[] totals) {
    double[] greeks = new double[Black76.SIZE];
    double theta = option.type().sign();
    double logShift = 0;
    out[0] = spots[0];
    Black76.DEFAULT.priceAndGreeks(theta, spots[0], option.strike(), option.expiryYears(), option.vol(), 0, greeks);
    double hedge = -option.coins() * greeks[Black76.DELTA];
    double volume = 0;
    double temporaryCost = 0;
    for (int i = 1; i < spots.length; i++) {
      double s = logShift == 0 ? spots[i] : spots[i] * Math.exp(logShift);
      out[i] = s;
      double t = option.expiryYears() - i * dt;
      double target = 0; // expired: cash-settled (Deribit), nothing left to hedge
      if (t > 0) {
        Black76.DEFAULT.priceAndGreeks(theta, s, option.strike(), t, option.vol(), 0, greeks);
        target = -option.coins() * greeks[Black76.DELTA];
      }
      double trade = target - hedge;
      volume += Math.abs(trade);
      temporaryCost += Math.abs(trade) * s * impact.temporaryRelative(trade);
      logShift += impact.permanentLogShift(trade);
      hedge = target;
    }
    totals[0] = volume;
    totals[1] = temporaryCost;
  }

  /** Annualised realised volatility {@code √(Σ r_i² / horizon)} of a path. */
  static double realisedVol(double[] s, double horizonYears) {
    double sum = 0;
    for (int i = 1; i < s.length; i++) {
      double r = Math.log(s[i] / s[i - 1]);
      sum += r * r;
    }
    return Math.sqrt(sum / horizonYears);
  }

  /** Root-mean-square log distance from the start, {@code √(mean_{i≥1} ln(S_i/S_0)²)}. */
  static double rmsMove(double[] s) {
    double sum = 0;
    for (int i = 1; i < s.length; i++) {
      double x = Math.log(s[i] / s[0]);
      sum += x * x;
    }
    return Math.sqrt(sum / (s.length - 1));
  }

  /** Largest peak-to-trough fall as a fraction of the peak. */
  static double maxDrawdown(double[] s) {
    double peak = s[0];
    double worst = 0;
    for (double v : s) {
      peak = Math.max(peak, v);
      worst = Math.max(worst, 1 - v / peak);
    }
    return worst;
  }

  /** Largest trough-to-peak rise as a fraction of the trough. */
  static double maxDrawup(double[] s) {
    double trough = s[0];
    double best = 0;
    for (double v : s) {
      trough = Math.min(trough, v);
      best = Math.max(best, v / trough - 1);
    }
    return best;
  }

  private static double ratio(double numerator, double denominator) {
    if (denominator > 0) {
      return numerator / denominator;
    }
    return numerator == 0 ? 1.0 : Double.POSITIVE_INFINITY;
  }
}
