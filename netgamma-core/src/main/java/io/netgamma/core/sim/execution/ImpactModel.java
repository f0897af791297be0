package io.netgamma.core.sim.execution;

import io.netgamma.core.base.ArgChecker;

/**
 * Market impact of a trade of {@code q} coins, as a relative price move {@code c·sign(q)·f(|q|/V)} with
 * {@code f(x) = x} ({@link Shape#LINEAR}) or {@code f(x) = √x} ({@link Shape#SQUARE_ROOT}), V a reference volume
 * in coins. Two components:
 * <ul>
 *   <li><b>temporary</b> ({@code c = temporary}): moves only the trade's own fill price, by
 *       {@code mid·temporary·f(|q|/V)} against the trader;</li>
 *   <li><b>permanent</b> ({@code c = permanent}): shifts the price path itself, as a log shift
 *       {@code sign(q)·permanent·f(|q|/V)} applied from the step after the trade to the end of the path. The
 *       simulator applies it: keep a running sum of log shifts per path and read spots as
 *       {@code pathSpot·exp(shift)} (or call {@code PathSet.applyPermanentShift} for rare trades).</li>
 * </ul>
 *
 * <p><b>Square-root law</b> (Almgren, Thum, Hauptmann &amp; Li 2005, "Direct estimation of equity market impact",
 * Risk; Tóth et al. 2011, "Anomalous price impact and the critical nature of liquidity in financial markets", PRX
 * 1): {@code ΔP/P = Y·σ·√(Q/V)}, σ the <i>daily</i> volatility (fraction), V the <i>daily</i> traded volume and Q
 * the order, both in coins, Y a dimensionless constant of order 1 (Tóth et al. report Y ≈ 0.5–1 across markets).
 * {@link #squareRoot} charges the peak impact {@code Y·σ·√(Q/V)} to the fill (conservative: a metaorder executed
 * evenly pays about 2/3 of it on average) and keeps {@code permanentFraction} of it in the price; Farmer, Gerig,
 * Lillo &amp; Waelbroeck (2013), "How efficiency shapes market impact", Quantitative Finance 13, predict a
 * permanent impact of about 2/3 of the peak.
 *
 * <p><b>Linear</b> (Almgren &amp; Chriss 2000, "Optimal execution of portfolio transactions", J. Risk 3): a
 * temporary impact η and a permanent impact γ per unit of {@code Q/V}. Linear permanent impact is the only shape
 * free of price manipulation (Huberman &amp; Stanzl 2004).
 *
 * @param shape the impact shape
 * @param temporary temporary coefficient c, relative price per unit of f, ≥ 0
 * @param permanent permanent coefficient, ≥ 0
 * @param volumeCoins reference volume V in coins, &gt; 0 (daily volume for the square-root law)
 */
public record ImpactModel(Shape shape, double temporary, double permanent, double volumeCoins) {

  /** Impact shapes. */
  public enum Shape {
    /** {@code f(x) = x}. */
    LINEAR,
    /** {@code f(x) = √x}. */
    SQUARE_ROOT
  }

  /** No impact. */
  public static final ImpactModel NONE = new ImpactModel(Shape.LINEAR, 0, 0, 1);

  /** Validates the parameters. */
  public ImpactModel {
    ArgChecker.notNull(shape, "shape");
    ArgChecker.notNegative(temporary, "temporary");
    ArgChecker.notNegative(permanent, "permanent");
    ArgChecker.positive(volumeCoins, "volumeCoins");
  }

  /**
   * The square-root law {@code Y·σ_daily·√(Q/V_daily)} as temporary impact, {@code permanentFraction} of it as
   * permanent impact.
   *
   * @param y Y, dimensionless, &gt; 0 (≈ 0.5–1)
   * @param dailyVol daily volatility, fraction (annual vol / √365 for a 24/7 market)
   * @param dailyVolumeCoins daily traded volume of the hedge instrument, coins
   * @param permanentFraction share of the impact that stays in the price, in [0, 1] (≈ 2/3)
   */
  public static ImpactModel squareRoot(double y, double dailyVol, double dailyVolumeCoins,
      double permanentFraction) {
    ArgChecker.positive(y, "y");
    ArgChecker.positive(dailyVol, "dailyVol");
    ArgChecker.inRange(permanentFraction, 0, 1, "permanentFraction");
    double peak = y * dailyVol;
    return new ImpactModel(Shape.SQUARE_ROOT, peak, permanentFraction * peak, dailyVolumeCoins);
  }

  /**
   * Almgren–Chriss linear impact: temporary {@code η·Q/V} and permanent {@code γ·Q/V} (relative price per unit of
   * the traded fraction of {@code volumeCoins}).
   */
  public static ImpactModel linear(double eta, double gamma, double volumeCoins) {
    return new ImpactModel(Shape.LINEAR, eta, gamma, volumeCoins);
  }

  /** True when both coefficients are 0. */
  public boolean isNone() {
    return temporary == 0 && permanent == 0;
  }

  /** {@code f(|q|/V)}, unsigned. */
  public double scale(double coins) {
    double x = Math.abs(coins) / volumeCoins;
    return shape == Shape.LINEAR ? x : Math.sqrt(x);
  }

  /** Temporary impact of a trade of {@code coins}: relative price move against the trader, ≥ 0. */
  public double temporaryRelative(double coins) {
    return temporary == 0 ? 0 : temporary * scale(coins);
  }

  /** Permanent impact of a trade of signed {@code coins} as a log shift of the path (up for a buy). */
  public double permanentLogShift(double coins) {
    return permanent == 0 || coins == 0 ? 0 : Math.copySign(permanent * scale(coins), coins);
  }
}
