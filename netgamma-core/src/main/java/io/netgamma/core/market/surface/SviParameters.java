package io.netgamma.core.market.surface;

import io.netgamma.core.base.ArgChecker;

/**
 * One raw-SVI smile (Gatheral 2004): total implied variance as a function of log-moneyness {@code k = ln(K/F)},
 * <pre>
 *   w(k) = a + b·(ρ·(k − m) + sqrt((k − m)² + σ²))
 * </pre>
 * with {@code w = σ_impl(k)²·t}. The parameters are in total-variance units: {@code a} and {@code b·σ} are
 * variances (years·vol²), {@code m} and {@code σ} are in units of k, {@code b} is the mean wing slope and ρ its
 * skew. Immutable.
 *
 * <p>Validity (checked by the constructor): all finite, {@code b ≥ 0}, {@code |ρ| < 1}, {@code σ > 0} and a
 * non-negative minimum total variance {@code a + b·σ·sqrt(1 − ρ²) ≥ 0}. These make w a well-defined, convex,
 * non-negative smile; they do not make it free of arbitrage. The no-arbitrage checks are separate:
 * <ul>
 *   <li>butterfly: Durrleman's {@link #durrleman(double) g(k) ≥ 0} for all k (equivalently a non-negative
 *       risk-neutral density), see {@link #butterflyReport(double, double, int)};</li>
 *   <li>Roger Lee's moment formula: both wing slopes {@code b(1 ± ρ) ≤ 2}, see {@link #satisfiesLeeBounds()}.</li>
 * </ul>
 *
 * @param a level, total variance (may be negative as long as the minimum total variance is not)
 * @param b wing slope, ≥ 0
 * @param rho skew, in (−1, 1)
 * @param m horizontal shift, in log-moneyness
 * @param sigma ATM curvature radius, in log-moneyness, &gt; 0
 */
public record SviParameters(double a, double b, double rho, double m, double sigma) {

  /** Roger Lee's bound on the slope of total variance in either wing: {@code lim sup w(k)/|k| ≤ 2}. */
  public static final double LEE_MAX_SLOPE = 2.0;

  /** Validates the parameters; the message names the offending parameter and its value. */
  public SviParameters {
    ArgChecker.finite(a, "SVI a");
    ArgChecker.notNegative(b, "SVI b");
    ArgChecker.finite(m, "SVI m");
    ArgChecker.positive(sigma, "SVI sigma");
    if (!(Math.abs(rho) < 1.0)) {
      throw new IllegalArgumentException("SVI rho must be in (-1, 1), got " + rho);
    }
    double minVariance = a + b * sigma * Math.sqrt(1.0 - rho * rho);
    if (!(minVariance >= 0.0)) {
      throw new IllegalArgumentException("SVI minimum total variance a + b*sigma*sqrt(1-rho^2) must be >= 0, got "
          + minVariance + " (a=" + a + ", b=" + b + ", rho=" + rho + ", sigma=" + sigma + ")");
    }
  }

  /** Raw-SVI parameters (validated, see the class javadoc). */
  public static SviParameters of(double a, double b, double rho, double m, double sigma) {
    return new SviParameters(a, b, rho, m, sigma);
  }

  /**
   * From the quasi-explicit parameters of Zeliade (De Marco–Martini): with {@code y = (k − m)/σ},
   * {@code w = a + d·y + c·sqrt(y² + 1)}, so {@code c = b·σ} and {@code d = ρ·b·σ}. {@code c = 0} (then
   * {@code d} must be 0) is the flat smile {@code w = a}.
   */
  public static SviParameters fromQuasiExplicit(double a, double d, double c, double m, double sigma) {
    ArgChecker.notNegative(c, "quasi-explicit c");
    if (c == 0.0) {
      ArgChecker.isTrue(d == 0.0, "quasi-explicit d must be 0 when c = 0, got " + d);
      return new SviParameters(a, 0.0, 0.0, m, sigma);
    }
    return new SviParameters(a, c / sigma, d / c, m, sigma);
  }

  /** Total implied variance w(k) = σ_impl²·t at log-moneyness k. */
  public double totalVariance(double k) {
    double x = k - m;
    return a + b * (rho * x + Math.sqrt(x * x + sigma * sigma));
  }

  /** Implied volatility (fraction) at log-moneyness k for an expiry t years away (t &gt; 0). */
  public double volatility(double k, double t) {
    return Math.sqrt(totalVariance(k) / t);
  }

  /** dw/dk. */
  public double firstDerivative(double k) {
    double x = k - m;
    return b * (rho + x / Math.sqrt(x * x + sigma * sigma));
  }

  /** d²w/dk² = b·σ²/((k − m)² + σ²)^(3/2), ≥ 0: raw SVI is convex in k. */
  public double secondDerivative(double k) {
    double x = k - m;
    double r2 = x * x + sigma * sigma;
    return b * sigma * sigma / (r2 * Math.sqrt(r2));
  }

  /**
   * Durrleman's function (Gatheral–Jacquier 2014, eq. 2.1)
   * <pre>
   *   g(k) = (1 − k·w'/(2w))² − (w'²/4)·(1/w + 1/4) + w''/2
   * </pre>
   * The smile is free of butterfly arbitrage iff g(k) ≥ 0 for every k (with {@code d₋ → −∞} as k → ∞, which
   * holds for SVI with w &gt; 0). The risk-neutral density of k is {@link #density(double)}
   * {@code = g(k)/sqrt(2π·w)·exp(−d₋²/2)}. Where {@code w(k) = 0} (only possible when the minimum total variance
   * is exactly 0) the density is undefined and this returns {@code −∞}.
   */
  public double durrleman(double k) {
    return durrleman(a, b, rho, m, sigma, k);
  }

  /** {@link #durrleman(double)} for unvalidated parameters (the fitter's search); no allocation. */
  static double durrleman(double a, double b, double rho, double m, double sigma, double k) {
    double x = k - m;
    double r2 = x * x + sigma * sigma;
    double r = Math.sqrt(r2);
    double w = a + b * (rho * x + r);
    if (!(w > 0.0)) {
      return Double.NEGATIVE_INFINITY;
    }
    double w1 = b * (rho + x / r);
    double w2 = b * sigma * sigma / (r2 * r);
    double u = 1.0 - k * w1 / (2.0 * w);
    return u * u - 0.25 * w1 * w1 * (1.0 / w + 0.25) + 0.5 * w2;
  }

  /**
   * Risk-neutral density of the log-moneyness {@code k = ln(S_T/F)} implied by this smile,
   * {@code p(k) = g(k)/sqrt(2π·w(k))·exp(−d₋(k)²/2)} with {@code d₋ = −k/sqrt(w) − sqrt(w)/2}; it equals
   * {@code K·∂²C/∂K²} of undiscounted Black call prices (F = 1, K = e^k). Negative where there is butterfly
   * arbitrage; {@code −∞} where w(k) = 0.
   */
  public double density(double k) {
    double g = durrleman(k);
    if (g == Double.NEGATIVE_INFINITY) {
      return g;
    }
    double w = totalVariance(k);
    double sw = Math.sqrt(w);
    double dm = -k / sw - 0.5 * sw;
    return g / Math.sqrt(2.0 * Math.PI * w) * Math.exp(-0.5 * dm * dm);
  }

  /** Minimum of w over k: {@code a + b·σ·sqrt(1 − ρ²)}, attained at {@code k = m − ρσ/sqrt(1 − ρ²)}. */
  public double minTotalVariance() {
    return a + b * sigma * Math.sqrt(1.0 - rho * rho);
  }

  /** Slope of w in the left wing (k → −∞): {@code b(1 − ρ)}. */
  public double leftWingSlope() {
    return b * (1.0 - rho);
  }

  /** Slope of w in the right wing (k → +∞): {@code b(1 + ρ)}. */
  public double rightWingSlope() {
    return b * (1.0 + rho);
  }

  /** True when both wing slopes are within Roger Lee's bound {@link #LEE_MAX_SLOPE} (b(1 + |ρ|) ≤ 2). */
  public boolean satisfiesLeeBounds() {
    return b * (1.0 + Math.abs(rho)) <= LEE_MAX_SLOPE;
  }

  /**
   * Durrleman's g on {@code points} equally spaced log-moneyness values from {@code kLo} to {@code kHi}
   * (both included), plus the Lee check.
   *
   * @param kLo lowest log-moneyness checked
   * @param kHi highest log-moneyness checked, &gt; kLo
   * @param points number of grid points, ≥ 2
   */
  public ButterflyReport butterflyReport(double kLo, double kHi, int points) {
    ArgChecker.finite(kLo, "kLo");
    ArgChecker.finite(kHi, "kHi");
    ArgChecker.isTrue(kHi > kLo, "kHi must be > kLo, got kLo=" + kLo + ", kHi=" + kHi);
    ArgChecker.isTrue(points >= 2, "points must be >= 2, got " + points);
    double minG = Double.POSITIVE_INFINITY;
    double kAtMin = kLo;
    int negative = 0;
    double step = (kHi - kLo) / (points - 1);
    for (int i = 0; i < points; i++) {
      double k = i == points - 1 ? kHi : kLo + i * step;
      double g = durrleman(k);
      if (g < 0.0) {
        negative++;
      }
      if (g < minG) {
        minG = g;
        kAtMin = k;
      }
    }
    return new ButterflyReport(kLo, kHi, points, minG, kAtMin, negative, satisfiesLeeBounds(),
        leftWingSlope(), rightWingSlope());
  }
}
