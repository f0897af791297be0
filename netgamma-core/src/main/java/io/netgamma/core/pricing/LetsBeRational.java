package io.netgamma.core.pricing;

import io.netgamma.core.math.InverseNormal;
import io.netgamma.core.math.Normal;

/**
 * Black-76 prices and Black implied volatility to machine precision, after P. Jäckel, "Let's Be Rational"
 * (first version 24 November 2013, revised 25 March 2016; Wilmott magazine, January 2015). Written from the
 * paper's mathematics; references below are to the paper's topics (its equation numbers are not cited).
 *
 * <p><b>Units and conventions.</b> Prices are <em>undiscounted</em> Black-76 prices in USD per 1 unit of the
 * underlying (multiply by the discount factor yourself; Deribit's convention is rate 0). {@code forward} and
 * {@code strike} are in USD, {@code t} is the time to expiry in years (ACT/365, to the second), volatilities are
 * annualised fractions (0.65 = 65%). {@code theta} is +1 for a call and -1 for a put.
 *
 * <p><b>The normalised Black function.</b> With x = ln(F/K), s = σ√T (the "total volatility"), h = x/s and
 * t = s/2, the price divided by √(FK) is
 * <pre>
 *   b(x, s, θ) = θ·[e^{x/2}·Φ(θ(h + t)) - e^{-x/2}·Φ(θ(h - t))].
 * </pre>
 * Put-call parity and the symmetry b(x, s, -1) = b(-x, s, +1) reduce every case to an out-of-the-money call
 * (x &le; 0), to which the normalised intrinsic value 2·sinh(|x|/2) is added back for in-the-money options. For
 * the out-of-the-money call, with Y(z) = Φ(z)/φ(z) = √(π/2)·erfcx(-z/√2) ({@link Normal#erfcx}, Cody 1969),
 * <pre>
 *   b = b'·[Y(h + t) - Y(h - t)],        b' = ∂b/∂s = exp(-(h² + t²)/2)/√(2π).
 * </pre>
 * The bracket is evaluated by the paper's four formulas, in these regions:
 * <ol>
 *   <li><em>Small t</em> (t &lt; 0.21 = 2·ε^{1/16}, the paper's threshold, and t·|h| &lt; 2.1): the Taylor
 *       expansion Y(h+t) - Y(h-t) = 2·Σ_k t^{2k+1}/(2k+1)!·Y^{(2k+1)}(h), where every odd derivative is
 *       P_k(h²)·A - Q_k(h²) with A = Y'(h) = 1 + h·Y(h) (from Y^{(n+1)} = n·Y^{(n-1)} + h·Y^{(n)}); 5 to 8 terms
 *       by t, truncation below 1e-17 relative. The paper's weak point, A, which cancels up to 35-fold for
 *       h &lt; -0.66 (and more below -5.66), is taken from Cody's rational forms without cancellation.</li>
 *   <li><em>Large negative h</em> (h + t &lt; -9.79 and |h| &gt; 32t): the asymptotic expansion. Expanding both
 *       Mills ratios and pairing terms of equal order gives, with r = (h+t)(h-t), q = (h/r)², e = (t/h)², the
 *       cancellation-free series Y(h+t) - Y(h-t) = (2t/r)·Σ_k (-1)^k (2k-1)!! q^k Σ_{m=0..k} C(2k+1, 2m+1) e^m,
 *       truncated where the first omitted term is below 2^-56 (9 to 28 terms, by |h + t|). Where both arguments
 *       are below -4√2 but |h| &le; 32t, the difference of Cody's tail forms erfcx(y) = (1/√π - R(y))/y is taken
 *       instead: its leading parts subtract exactly, and it is as accurate and much cheaper.</li>
 *   <li><em>Plain</em> (h + t &gt; 0.85): instead of the difference of two cumulative normals, the complement
 *       b_max - b = b'·[Y(-h-t) + Y(h-t)], a sum of positive terms, is subtracted from b_max = e^{x/2};
 *       b &ge; 0.6·b_max there, so nothing cancels.</li>
 *   <li>Otherwise the difference of the two scaled complementary error functions.</li>
 * </ol>
 * The exponent of b' is carried in double-double arithmetic (the rounding of h = x/s, recovered exactly by a
 * fused multiply-add, and of both squares), and the rounding of h is also added to h ± t, so that the wings
 * (exponents down to -700) and the cancellation h ≈ -t cost no accuracy.
 *
 * <p><b>Accuracy</b> of {@link #normalisedBlack}, against a 70-digit reference (the test suite's, and 6000 random
 * (h, t) offline): relative error below 1.5e-15 (worst 1.3e-15), except in the difference-of-erfcx region
 * t &ge; 0.21, -4√2 &le; h + t &le; 0.85, where the two Mills ratios cancel up to 50-fold and the error of
 * Cody's erfcx (about 2 ulp) is amplified accordingly: there below 8e-15 (worst 6.5e-15, near h = -5, t = 0.3).
 *
 * <p><b>Implied volatility.</b> The out-of-the-money normalised price β is placed relative to the inflection
 * point s_c = √(2|x|) of s ↦ b(x, s) and the points s_l = s_c - b(s_c)/b'(s_c) and
 * s_u = s_c + (b_max - b(s_c))/b'(s_c) where the tangent at the inflection point meets 0 and b_max. The initial
 * guess is one of the paper's four branches of Delbourgo and Gregory's shape-preserving rational cubic
 * interpolation, its shape parameter fitted to a second derivative and raised where needed to keep the data's
 * monotonicity and convexity:
 * <ol>
 *   <li>β &lt; b_l: interpolate f(β) = (2π|x|/√27)·Φ(-|x|/(√3 s))³ on [0, b_l] (f(0) = 0, f'(0) = 1,
 *       second derivative matched at b_l), then solve f = f(β) for s in closed form with
 *       {@link InverseNormal};</li>
 *   <li>b_l &le; β &lt; b_c: interpolate s(β) on [b_l, b_c] with s''(b_c) = 0 (the inflection point);</li>
 *   <li>b_c &le; β &le; b_u: interpolate s(β) on [b_c, b_u] with s''(b_c) = 0;</li>
 *   <li>β &gt; b_u: interpolate f = Φ(-s/2) as a function of b_max - β on [0, b_max - b_u] (f'(0) = 1/2,
 *       second derivative matched at b_u), then s = -2·Φ⁻¹(f).</li>
 * </ol>
 * Two iterations of Householder's third-order method (convergence order 4)
 * s ← s + ν·(1 + γν/2)/(1 + ν(γ + δν/6)), ν = -g/g', γ = g''/g', δ = g'''/g', then reach machine precision.
 * The objective g is the paper's: 1/ln b(s) - 1/ln β in branch 1, ln((b_max - β)/(b_max - b(s))) in branch 4
 * and b(s) - β otherwise; its derivatives follow from b''/b' = x²/s³ - s/4 and b'''/b' = (b''/b')² - 3x²/s⁴ - 1/4.
 * A step that would leave the bracket of its branch is replaced by bisection and the iteration then continues
 * until converged (seen only for absurd inputs, such as a price within an ulp of its upper bound). The
 * distance to the maximum, b_max - β, is formed in price space (F - price for a call, K - price for a put), so
 * huge volatilities keep their relative precision; prices below 2.2e-308·√(FK) are solved in log space.
 *
 * <p>Round trip price → σ → price over 1.26 million random options (T from 1 day to 5 years, σ from 1% to 500%,
 * |ln(F/K)| up to 38σ√T, time value above 1e-250·√(FK)): |Δσ|/σ &le; 10·2^-53·(1 + P/(σ·∂P/∂σ)) and
 * |ΔP| &le; 10·2^-53·(P + σ·∂P/∂σ), i.e. about 1e-15 on σ where the price is well conditioned, and the price
 * reproduced to the precision its volatility carries.
 *
 * <p>Everything here is stateless, allocation-free and thread-safe.
 */
public final class LetsBeRational {

  /** Returned by {@code impliedVolatility} when the price is below the intrinsic value (including negative prices). */
  public static final double BELOW_INTRINSIC = -1.0;
  /** Returned by {@code impliedVolatility} when the price is at or above its bound (F for a call, K for a put). */
  public static final double ABOVE_MAXIMUM = -2.0;
  /**
   * Returned by {@code impliedVolatility} when an input is not usable: forward or strike not finite and &gt; 0,
   * t not finite and &gt; 0, price NaN, or theta zero or NaN.
   */
  public static final double INVALID_INPUT = -3.0;

  /** Region boundary of the asymptotic expansion in h (the paper's -10). */
  private static final double H_LARGE = -10.0;
  /** Region boundary of the small-t expansion (the paper's 2·ε^{1/16} ≈ 0.2102). */
  private static final double T_SMALL = 0.21;
  /** Above this h + t the complement of b is subtracted from b_max (paper's plain-formula region). */
  private static final double PLAIN_THRESHOLD = 0.85;
  /** The small-t expansion is used while t·|h| stays below this (its rounding amplification sinh(t|h|)/(t|h|)). */
  private static final double SMALL_T_MAX_HT = 2.1;
  /**
   * The asymptotic expansion is used only where |h|/t exceeds this; below, the Cody-tail difference
   * {@link #tailScaledOtm} is as accurate (its cancellation is about 0.03·|h|/t) and much cheaper.
   */
  private static final double ASYMPTOTIC_H_OVER_T = 32.0;
  /** Below this h the out-of-the-money price is below the smallest double, whatever t. */
  private static final double H_UNDERFLOW = -40.0;
  /** Above this h² + t² the vega exp(-(h² + t²)/2)/√(2π) is below the smallest subnormal double. */
  private static final double SUM_OF_SQUARES_UNDERFLOW = 1500.0;

  private static final double SQRT_PI_OVER_2 = 1.253314137315500251207882642405522626503;
  private static final double SQRT_PI = 1.772453850905516027298167483341145182798;
  private static final double INV_SQRT_PI = Normal.INV_SQRT_PI;
  /** 4√2: z below -4√2 means erfcx(-z/√2) is in Cody's tail interval y &gt; 4. */
  private static final double CODY_TAIL_Z = 5.656854249492380195206754896838792314279;
  private static final double LN_INV_SQRT_2PI = -0.9189385332046727417803297364056176398614;
  private static final double SQRT_3 = 1.732050807568877293527446341505872366943;
  private static final double TWO_PI_OVER_SQRT_27 = 1.209199576156145233729385505094770488189;
  private static final double SQRT_2PI = Normal.SQRT_2PI;
  private static final double INV_SQRT_2PI = Normal.INV_SQRT_2PI;
  private static final double INV_SQRT_2 = Normal.INV_SQRT_2;

  /** E(y) = D(y) - √π·y·C(y) for Cody's middle interval, see {@link #codyMiddleDerivative(double)}. */
  private static final double E0 = 1230.3393548037495293;
  private static final double E1 = 1258.6479468114034961;
  private static final double E2 = 727.17732085638784134;
  private static final double E3 = 256.27385178660592144;
  private static final double E4 = 58.169963712043061609;
  private static final double E5 = 7.8641011483270679687;
  private static final double E6 = 0.50073682775487833246;
  private static final double E7 = -0.000046950524385900874118;
  private static final double E8 = 1.9258758364960773862e-6;
  private static final double E9 = -3.816297601959866984e-8;

  /** Householder iterations after the rational initial guess (the paper: two suffice everywhere). */
  private static final int ITERATIONS = 2;
  /**
   * Iteration limit once a step had to be bisected, or for prices below the normal range, where the iteration
   * continues until the step is below {@link #CONVERGED} relative.
   */
  private static final int SAFEGUARDED_ITERATIONS = 40;
  /** A Householder step below this relative size has converged: the next would change nothing. */
  private static final double CONVERGED = 0x1p-51;
  /** Largest rational-cubic shape parameter: beyond it the interpolant is linear to double precision. */
  private static final double MAX_SHAPE = 1.0 / 1.4901161193847656E-8;
  /** Smallest shape parameter: the rational cubic's denominator 1 + (r - 3)s(1 - s) stays positive for r &gt; -1. */
  private static final double MIN_SHAPE = -(1.0 - 1.4901161193847656E-8);

  /** Largest order of the asymptotic expansion (needed at |h + t| = 9.79). */
  private static final int ASYMPTOTIC_ORDER = 27;
  /**
   * Coefficients c(k, m) = (-1)^k (2k-1)!! C(2k+1, 2m+1) of the asymptotic expansion, row k (m = 0..k) stored
   * from offset k(k+1)/2.
   */
  private static final double[] ASYMPTOTIC = new double[(ASYMPTOTIC_ORDER + 1) * (ASYMPTOTIC_ORDER + 2) / 2];

  static {
    double doubleFactorial = 1.0; // (2k-1)!!
    for (int k = 0; k <= ASYMPTOTIC_ORDER; k++) {
      if (k > 0) {
        doubleFactorial *= 2 * k - 1;
      }
      int n = 2 * k + 1;
      double binomial = n; // C(n, 1)
      for (int m = 0; m <= k; m++) {
        ASYMPTOTIC[k * (k + 1) / 2 + m] = (k % 2 == 0 ? 1.0 : -1.0) * doubleFactorial * binomial;
        // C(n, 2m+3) = C(n, 2m+1)·(n-2m-1)(n-2m-2)/((2m+2)(2m+3))
        binomial = binomial * (n - 2 * m - 1) * (n - 2 * m - 2) / ((2.0 * m + 2) * (2.0 * m + 3));
      }
    }
  }

  private LetsBeRational() {
  }

  // ------------------------------------------------------------------------------------------------------------
  // Prices
  // ------------------------------------------------------------------------------------------------------------

  /**
   * The undiscounted Black-76 price, computed through the normalised Black function so that prices far in the
   * wings keep their relative precision (down to the smallest positive double).
   *
   * @param forward the forward of the option's expiry, USD, finite and &gt; 0
   * @param strike the strike, USD, finite and &gt; 0
   * @param t the time to expiry in years (ACT/365); t &le; 0 gives the intrinsic value
   * @param vol the Black volatility as a fraction, &ge; 0 (+∞ gives the upper bound F or K); 0 gives the
   *     intrinsic value
   * @param theta +1 for a call, -1 for a put
   * @return the undiscounted price in USD per 1 unit of underlying, in [max(θ(F-K), 0), F] for a call and
   *     [max(θ(F-K), 0), K] for a put
   * @throws IllegalArgumentException if an argument is outside the ranges above (or NaN)
   */
  public static double blackPrice(double forward, double strike, double t, double vol, double theta) {
    if (!(forward > 0 && forward < Double.POSITIVE_INFINITY && strike > 0 && strike < Double.POSITIVE_INFINITY
        && vol >= 0 && !Double.isNaN(t) && (theta == 1.0 || theta == -1.0))) {
      throw invalidPriceInput(forward, strike, t, vol, theta);
    }
    double intrinsic = Math.max(theta * (forward - strike), 0.0);
    if (t <= 0 || vol == 0) {
      return intrinsic;
    }
    double x = logMoneyness(forward, strike);
    double otm = Math.sqrt(forward) * Math.sqrt(strike) * otmCall(-Math.abs(x), vol * Math.sqrt(t));
    return intrinsic + otm;
  }

  /**
   * The normalised Black function b(x, s, θ) = B/√(FK): the undiscounted Black-76 price divided by √(F·K).
   * Relative error (against the exact function of the given doubles x and s) below 1.5e-15 from the deep wings
   * to huge total volatilities, below 8e-15 in the difference-of-erfcx region; see the class comment.
   *
   * @param x the log-moneyness ln(F/K)
   * @param s the total volatility σ√T, &ge; 0 (+∞ allowed)
   * @param theta +1 for a call, -1 for a put (any positive number is a call, anything else a put)
   * @return b &ge; 0; NaN only for NaN arguments or s &lt; 0
   */
  static double normalisedBlack(double x, double s, double theta) {
    double otm = otmCall(-Math.abs(x), s);
    if ((theta > 0 ? x : -x) > 0) {
      return 2.0 * Math.sinh(0.5 * Math.abs(x)) + otm;
    }
    return otm;
  }

  /**
   * The normalised vega ∂b/∂s = exp(-(x²/s² + s²/4)/2)/√(2π), the same for calls and puts and symmetric in x.
   *
   * @param x the log-moneyness ln(F/K)
   * @param s the total volatility σ√T, &ge; 0
   * @return ∂b/∂s (the vega per unit of total volatility, divided by √(FK))
   */
  static double normalisedVega(double x, double s) {
    if (!(s > 0)) {
      return s == 0 && x == 0 ? INV_SQRT_2PI : (s == 0 ? 0.0 : Double.NaN);
    }
    if (s == Double.POSITIVE_INFINITY) {
      return 0.0;
    }
    double h = x / s;
    return vega(h, 0.5 * s, roundingOfH(x, s, h));
  }

  /** The out-of-the-money call b(x, s, +1) for x &le; 0. */
  static double otmCall(double x, double s) {
    if (!(s > 0)) {
      return s == 0 ? 0.0 : Double.NaN;
    }
    if (s == Double.POSITIVE_INFINITY) {
      return Math.exp(0.5 * x);
    }
    double h = x / s;
    double t = 0.5 * s;
    double dh = roundingOfH(x, s, h);
    double v = vega(h, t, dh);
    double hPlusT = (h + t) + dh;
    if (hPlusT > PLAIN_THRESHOLD) {
      return Math.exp(0.5 * x) - v * (bigY(-hPlusT) + bigY((h - t) + dh));
    }
    if (h < H_UNDERFLOW) {
      return 0.0;
    }
    return v * scaledOtm(h, t, dh);
  }

  /**
   * b_max - b(x, s, +1) = e^{x/2} - b for x &le; 0, accurate when b is close to b_max (large s).
   */
  static double otmCallComplement(double x, double s) {
    if (!(s > 0)) {
      return s == 0 ? Math.exp(0.5 * x) : Double.NaN;
    }
    if (s == Double.POSITIVE_INFINITY) {
      return 0.0;
    }
    double h = x / s;
    double t = 0.5 * s;
    double dh = roundingOfH(x, s, h);
    double v = vega(h, t, dh);
    double hPlusT = (h + t) + dh;
    if (hPlusT >= 0) {
      return v * (bigY(-hPlusT) + bigY((h - t) + dh));
    }
    double bMax = Math.exp(0.5 * x);
    return bMax - otmCall(bMax, h, t, dh, v);
  }

  /**
   * The rounding error x/s - h of h = x/s (the remainder x - h·s is exact by FMA). It is added wherever h + t
   * may cancel: at h ≈ -t a relative error of ε in h would otherwise be amplified |h|/|h + t| times.
   */
  private static double roundingOfH(double x, double s, double h) {
    return Math.fma(-h, s, x) / s;
  }

  /**
   * b(x, s, +1), x &le; 0, given b_max = e^{x/2}, h = x/s (rounded, with rounding error dh), t = s/2 and the
   * vega v = b'.
   */
  private static double otmCall(double bMax, double h, double t, double dh, double v) {
    double hPlusT = (h + t) + dh;
    if (hPlusT > PLAIN_THRESHOLD) {
      return bMax - v * (bigY(-hPlusT) + bigY((h - t) + dh));
    }
    if (h < H_UNDERFLOW) {
      return 0.0;
    }
    return v * scaledOtm(h, t, dh);
  }

  /** Y(h + t) - Y(h - t) = b/b' outside the plain region (h + t &le; 0.85, h &ge; -40). */
  private static double scaledOtm(double h, double t, double dh) {
    if (t < T_SMALL && -h * t < SMALL_T_MAX_HT) {
      return smallTScaledOtm(h, t);
    }
    double hPlusT = (h + t) + dh;
    double hMinusT = (h - t) + dh;
    if (hPlusT < -CODY_TAIL_Z) {
      if (hPlusT < H_LARGE + T_SMALL && -h > ASYMPTOTIC_H_OVER_T * t) {
        return asymptoticScaledOtm(h, t, hPlusT, hMinusT);
      }
      return tailScaledOtm(hPlusT, hMinusT, t);
    }
    return bigY(hPlusT) - bigY(hMinusT);
  }

  /**
   * Y(h + t) - Y(h - t) when both arguments are below -4√2, i.e. both erfcx arguments y = -z/√2 are in the range
   * y &gt; 4 of Cody's third approximation erfcx(y) = (1/√π - R(y))/y. The difference of the leading terms,
   * √2·t/(√π·y₁·y₂), is formed exactly; only the ten times smaller difference of the R(y)/y terms cancels.
   */
  private static double tailScaledOtm(double hPlusT, double hMinusT, double t) {
    double y1 = -hPlusT * INV_SQRT_2;
    double y2 = -hMinusT * INV_SQRT_2;
    double lead = INV_SQRT_PI * (2.0 * t * INV_SQRT_2) / (y1 * y2);
    return SQRT_PI_OVER_2 * (lead - (codyTail(y1) / y1 - codyTail(y2) / y2));
  }

  /**
   * Cody's R(y) = y^-2·P(y^-2)/Q(y^-2) with erfcx(y) = (1/√π - R(y))/y for y &gt; 4 (the coefficients of
   * {@link Normal}); then Y'(-y√2) = 1 - √π·y·erfcx(y) = √π·R(y) without cancellation.
   */
  private static double codyTail(double y) {
    double ysq = 1.0 / (y * y);
    double num = Normal.P5 * ysq;
    double den = ysq;
    num = (num + Normal.P0) * ysq;
    den = (den + Normal.Q0) * ysq;
    num = (num + Normal.P1) * ysq;
    den = (den + Normal.Q1) * ysq;
    num = (num + Normal.P2) * ysq;
    den = (den + Normal.Q2) * ysq;
    num = (num + Normal.P3) * ysq;
    den = (den + Normal.Q3) * ysq;
    return ysq * (num + Normal.P4) / (den + Normal.Q4);
  }

  /**
   * Y'(-y√2) = 1 - √π·y·erfcx(y) for 0.46875 &lt; y &le; 4, where Cody's erfcx(y) = C(y)/D(y). The numerator of
   * (D(y) - √π·y·C(y))/D(y) is expanded once, in 50-digit arithmetic from Cody's coefficients as doubles, into
   * the polynomial E(y) = Σ E_k y^k below, whose Horner evaluation has condition number &lt; 1.00003: the 35-fold
   * cancellation of 1 - √π·y·erfcx(y) at y = 4 is gone, and what remains is Cody's own approximation error.
   */
  private static double codyMiddleDerivative(double y) {
    double e = ((((((((E9 * y + E8) * y + E7) * y + E6) * y + E5) * y + E4) * y + E3) * y + E2) * y + E1) * y + E0;
    double d = ((((((((y + Normal.D0) * y + Normal.D1) * y + Normal.D2) * y + Normal.D3) * y + Normal.D4) * y
        + Normal.D5) * y + Normal.D6) * y + Normal.D7);
    return e / d;
  }

  /** The Mills-ratio-like Y(z) = Φ(z)/φ(z) = √(π/2)·erfcx(-z/√2), finite for z &le; 37. */
  private static double bigY(double z) {
    return SQRT_PI_OVER_2 * Normal.erfcx(-z * INV_SQRT_2);
  }

  /**
   * b' = exp(-(h² + t²)/2)/√(2π), h = x/s, t = s/2, with the exponent in double-double arithmetic: the rounding
   * error dh of h and the rounding errors of both squares (exact by FMA) are folded back to first order.
   */
  private static double vega(double h, double t, double dh) {
    double hh = h * h;
    double tt = t * t;
    double sum = hh + tt;
    if (!(sum < SUM_OF_SQUARES_UNDERFLOW)) {
      return 0.0;
    }
    return INV_SQRT_2PI * Math.exp(-0.5 * sum) * (1.0 - 0.5 * sumOfSquaresLow(h, t, dh, hh, tt, sum));
  }

  /** ln b' = -ln √(2π) - (h² + t²)/2, finite where b' underflows. */
  private static double lnVega(double h, double t, double dh) {
    double hh = h * h;
    double tt = t * t;
    double sum = hh + tt;
    return LN_INV_SQRT_2PI - 0.5 * (sum + sumOfSquaresLow(h, t, dh, hh, tt, sum));
  }

  /** The low part of h² + t² (h corrected by dh) given its rounded high part {@code sum = hh + tt}. */
  private static double sumOfSquaresLow(double h, double t, double dh, double hh, double tt, double sum) {
    double hhLow = Math.fma(h, h, -hh) + 2.0 * h * dh;
    double ttLow = Math.fma(t, t, -tt);
    double bv = sum - hh;
    double sumLow = (hh - (sum - bv)) + (tt - bv); // two-sum error of hh + tt
    return hhLow + ttLow + sumLow;
  }

  /** The asymptotic expansion of Y(h+t) - Y(h-t) for h + t &lt; -9.79 and |h| &gt; 32t (see the class comment). */
  private static double asymptoticScaledOtm(double h, double t, double hPlusT, double hMinusT) {
    double z = -hPlusT;
    int order = z < 10.5 ? 27 : z < 11 ? 22 : z < 12 ? 20 : z < 14 ? 17 : z < 16 ? 14 : z < 18 ? 12
        : z < 24 ? 11 : z < 32 ? 9 : 8;
    double e = (t / h) * (t / h);
    double r = hPlusT * hMinusT;
    double q = (h / r) * (h / r);
    double sum = 0.0;
    for (int k = order; k >= 0; k--) {
      int base = k * (k + 1) / 2;
      double p = ASYMPTOTIC[base + k];
      for (int m = k - 1; m >= 0; m--) {
        p = p * e + ASYMPTOTIC[base + m];
      }
      sum = sum * q + p;
    }
    return 2.0 * t / r * sum;
  }

  /**
   * The small-t Taylor expansion Y(h+t) - Y(h-t) = 2·Σ_{k=0..7} t^{2k+1}/(2k+1)!·Y^{(2k+1)}(h) with
   * Y^{(2k+1)}(h) = P_k(h²)·A - Q_k(h²), A = Y'(h). The integer polynomials P_k, Q_k follow from
   * Y' = 1 + h·Y and Y^{(n+1)} = n·Y^{(n-1)} + h·Y^{(n)}; the truncation error is below 1e-17 relative for
   * t &lt; 0.21, and the rounding errors are amplified at most sinh(t|h|)/(t|h|) &lt; 2 times for t|h| &lt; 2.1.
   */
  private static double smallTScaledOtm(double h, double t) {
    // A = Y'(h) = 1 + h·Y(h) cancels up to 35-fold (and more below h = -4√2): take it from Cody's rational forms.
    double y = -h * INV_SQRT_2;
    double a = y > 4.0 ? SQRT_PI * codyTail(y) : y > 0.46875 ? codyMiddleDerivative(y) : 1.0 + h * bigY(h);
    double u = h * h;
    double w = t * t;
    // Terms k = 5..7 only where they matter: the truncation after k = 4 (5) is below 1e-17 for t < 0.05 (0.1).
    double sum = 0.0;
    if (t >= 0.1) {
      double p7 = ((((((u + 105) * u + 4095) * u + 75075) * u + 675675) * u + 2837835) * u + 4729725) * u + 2027025;
      double q7 = (((((u + 102) * u + 3795) * u + 64260) * u + 501795) * u + 1595790) * u + 1381905;
      double p6 = (((((u + 78) * u + 2145) * u + 25740) * u + 135135) * u + 270270) * u + 135135;
      double q6 = ((((u + 75) * u + 1926) * u + 20370) * u + 82845) * u + 89055;
      sum = (a * p7 - q7) * (1.0 / 1307674368000.0); // 15!
      sum = sum * w + (a * p6 - q6) * (1.0 / 6227020800.0); // 13!
    }
    if (t >= 0.05) {
      double p5 = ((((u + 55) * u + 990) * u + 6930) * u + 17325) * u + 10395;
      double q5 = (((u + 52) * u + 840) * u + 4680) * u + 6555;
      sum = sum * w + (a * p5 - q5) * (1.0 / 39916800.0); // 11!
    }
    double p4 = (((u + 36) * u + 378) * u + 1260) * u + 945;
    double q4 = ((u + 33) * u + 285) * u + 561;
    double p3 = ((u + 21) * u + 105) * u + 105;
    double q3 = (u + 18) * u + 57;
    double p2 = (u + 10) * u + 15;
    double q2 = u + 7;
    double p1 = u + 3;
    sum = sum * w + (a * p4 - q4) * (1.0 / 362880.0); // 9!
    sum = sum * w + (a * p3 - q3) * (1.0 / 5040.0); // 7!
    sum = sum * w + (a * p2 - q2) * (1.0 / 120.0); // 5!
    sum = sum * w + (a * p1 - 1.0) * (1.0 / 6.0); // 3!
    sum = sum * w + a;
    return 2.0 * t * sum;
  }

  // ------------------------------------------------------------------------------------------------------------
  // Implied volatility
  // ------------------------------------------------------------------------------------------------------------

  /**
   * The Black implied volatility of an undiscounted option price. The result reprices the input to the precision
   * the problem allows: |Δσ|/σ &le; 10·2^-53·(1 + P/(σ·∂P/∂σ)), about 1e-15 where the price is well
   * conditioned (see the class comment). Allocation-free.
   *
   * @param price the undiscounted option price, USD per 1 unit of underlying (divide a premium by the discount
   *     factor first; for an inverse option multiply the coin premium by F first)
   * @param forward the forward of the option's expiry, USD, finite and &gt; 0
   * @param strike the strike, USD, finite and &gt; 0
   * @param t the time to expiry in years (ACT/365), finite and &gt; 0
   * @param theta +1 for a call, -1 for a put (any positive number is a call, any negative one a put)
   * @return the volatility as a fraction (&ge; 0; exactly 0 when the price equals the intrinsic value), or one of
   *     the codes {@link #BELOW_INTRINSIC}, {@link #ABOVE_MAXIMUM}, {@link #INVALID_INPUT}; never NaN
   */
  public static double impliedVolatility(double price, double forward, double strike, double t, double theta) {
    if (!(forward > 0 && forward < Double.POSITIVE_INFINITY && strike > 0 && strike < Double.POSITIVE_INFINITY
        && t > 0 && t < Double.POSITIVE_INFINITY && (theta > 0 || theta < 0)) || Double.isNaN(price)) {
      return INVALID_INPUT;
    }
    boolean call = theta > 0;
    double intrinsic = call ? Math.max(forward - strike, 0.0) : Math.max(strike - forward, 0.0);
    if (price < intrinsic) {
      return BELOW_INTRINSIC;
    }
    double maximum = call ? forward : strike;
    if (price >= maximum) {
      return ABOVE_MAXIMUM;
    }
    if (price == intrinsic) {
      return 0.0;
    }
    double sqrtFk = Math.sqrt(forward) * Math.sqrt(strike);
    double x = -Math.abs(logMoneyness(forward, strike));
    double beta = (price - intrinsic) / sqrtFk;
    double betaBar = (maximum - price) / sqrtFk;
    double s;
    if (beta >= Double.MIN_NORMAL) {
      s = totalVolatility(beta, betaBar, x);
    } else {
      s = tinyTotalVolatility(Math.log(price - intrinsic) - Math.log(sqrtFk), beta, x);
    }
    return s / Math.sqrt(t);
  }

  /**
   * Implied volatilities of a batch of options, structure-of-arrays, element by element as
   * {@link #impliedVolatility(double, double, double, double, double)} (same units, same codes). Allocation-free.
   *
   * @param price undiscounted prices, USD per 1 unit of underlying
   * @param forward forwards, USD
   * @param strike strikes, USD
   * @param t times to expiry, years ACT/365
   * @param theta +1 call / -1 put
   * @param n the number of options (the first n elements of every array are used)
   * @param outVol receives the volatilities (fractions) or codes
   * @throws IllegalArgumentException if n &lt; 0 or an array is shorter than n
   * @throws NullPointerException if an array is null
   */
  public static void impliedVolatility(
      double[] price, double[] forward, double[] strike, double[] t, double[] theta, int n, double[] outVol) {
    if (n < 0 || price.length < n || forward.length < n || strike.length < n || t.length < n
        || theta.length < n || outVol.length < n) {
      throw new IllegalArgumentException("n = " + n + " must be >= 0 and at most the length of every array "
          + "(price " + price.length + ", forward " + forward.length + ", strike " + strike.length + ", t "
          + t.length + ", theta " + theta.length + ", outVol " + outVol.length + ")");
    }
    for (int i = 0; i < n; i++) {
      outVol[i] = impliedVolatility(price[i], forward[i], strike[i], t[i], theta[i]);
    }
  }

  /**
   * The total volatility s = σ√T of an out-of-the-money call (x &le; 0) with normalised price
   * 0 &lt; β &lt; b_max = e^{x/2}; {@code betaBar} = b_max - β, computed by the caller without cancellation.
   */
  static double totalVolatility(double beta, double betaBar, double x) {
    double bMax = Math.exp(0.5 * x);
    // The inflection point s_c = √(2|x|), where h + t = 0.
    double sC = Math.sqrt(-2.0 * x);
    double bC = 0.0;
    double vC = INV_SQRT_2PI;
    if (sC > 0) {
      double h = x / sC;
      double t = 0.5 * sC;
      double dh = roundingOfH(x, sC, h);
      vC = vega(h, t, dh);
      bC = otmCall(bMax, h, t, dh, vC);
    }
    if (beta < bC) {
      double sL = sC - bC / vC;
      double hL = x / sL;
      double tL = 0.5 * sL;
      double dhL = roundingOfH(x, sL, hL);
      double vL = vega(hL, tL, dhL);
      double bL = otmCall(bMax, hL, tL, dhL, vL);
      if (beta < bL) {
        // Branch 1: f(s) = (2π|x|/√27)·Φ(z)³, z = -|x|/(√3 s), interpolated as a function of β on [0, b_l].
        double gammaL = hL * hL / sL - 0.25 * sL; // b''/b' at s_l
        double k = -TWO_PI_OVER_SQRT_27 * x;
        double z = x / (SQRT_3 * sL);
        double pdf = Normal.pdf(z);
        double cdf = pdf * bigY(z); // Φ(z) = φ(z)·Y(z), one exponential instead of two
        double dz = -z / sL;
        double d2z = 2.0 * z / (sL * sL);
        double fL = k * cdf * cdf * cdf;
        double f1 = 3.0 * k * cdf * cdf * pdf * dz; // df/ds
        double f2 = k * cdf * (6.0 * pdf * pdf * dz * dz + 3.0 * cdf * pdf * (d2z - z * dz * dz)); // d²f/ds²
        double dfL = f1 / vL; // df/dβ
        double d2fL = (f2 - f1 * gammaL) / (vL * vL); // d²f/dβ²
        double r = shapeFittingRight(0.0, bL, 0.0, fL, 1.0, dfL, d2fL);
        double f = rationalCubic(beta, 0.0, bL, 0.0, fL, 1.0, dfL, r);
        double s = f > 0 ? x / (SQRT_3 * InverseNormal.inverseCdf(Math.cbrt(f / k))) : 0.5 * sL;
        return householderLower(beta, Math.log(beta), x, bMax, s, 0.0, sL);
      }
      // Branch 2: s(β) on [b_l, b_c], s''(b_c) = 0.
      double r = shapeFittingRight(bL, bC, sL, sC, 1.0 / vL, 1.0 / vC, 0.0);
      double s = rationalCubic(beta, bL, bC, sL, sC, 1.0 / vL, 1.0 / vC, r);
      return householderCentral(beta, x, bMax, s, sL, sC);
    }
    double sU = sC + (bMax - bC) / vC;
    double hU = x / sU;
    double tU = 0.5 * sU;
    double dhU = roundingOfH(x, sU, hU);
    double vU = vega(hU, tU, dhU);
    double hPlusT = (hU + tU) + dhU; // > 0 since s_u > s_c
    double bBarU = vU * (bigY(-hPlusT) + bigY((hU - tU) + dhU));
    if (betaBar >= bBarU) {
      // Branch 3: s(β) on [b_c, b_u], s''(b_c) = 0.
      double bU = hPlusT > PLAIN_THRESHOLD ? bMax - bBarU : vU * scaledOtm(hU, tU, dhU);
      double r = shapeFittingLeft(bC, bU, sC, sU, 1.0 / vC, 1.0 / vU, 0.0);
      double s = rationalCubic(beta, bC, bU, sC, sU, 1.0 / vC, 1.0 / vU, r);
      return householderCentral(beta, x, bMax, s, sC, sU);
    }
    // Branch 4: f(s) = Φ(-s/2) interpolated as a function of β̄ = b_max - β on [0, b_max - b_u].
    double half = 0.5 * sU;
    double pdf = Normal.pdf(half);
    double fU = pdf * bigY(-half); // Φ(-s/2)
    double gammaU = hU * hU / sU - 0.25 * sU;
    double dfU = 0.5 * pdf / vU; // df/dβ̄ = -df/dβ
    double d2fU = (0.125 * sU + 0.5 * gammaU) * pdf / (vU * vU); // d²f/dβ̄² = d²f/dβ²
    double r = shapeFittingRight(0.0, bBarU, 0.0, fU, 0.5, dfU, d2fU);
    double f = rationalCubic(betaBar, 0.0, bBarU, 0.0, fU, 0.5, dfU, r);
    double s = f < 0.5 ? -2.0 * InverseNormal.inverseCdf(f) : sU;
    return householderUpper(betaBar, x, bMax, s, sU, Double.POSITIVE_INFINITY);
  }

  /**
   * The total volatility when β is below the smallest normal double (the option is worth less than 2.2e-308
   * of √(FK)): start from the leading asymptotic ln b ≈ -x²/(2s²) and iterate on 1/ln b with ln β given.
   */
  private static double tinyTotalVolatility(double lnBeta, double beta, double x) {
    if (x == 0) {
      return beta * SQRT_2PI; // b = erf(s/√8) ≈ s/√(2π)
    }
    double s = x / -Math.sqrt(-2.0 * lnBeta);
    return householderLower(beta, lnBeta, x, Math.exp(0.5 * x), s, 0.0, Math.sqrt(-2.0 * x));
  }

  /** Householder(3) on g(s) = b(s) - β inside [lo, hi] (branches 2 and 3). */
  private static double householderCentral(double beta, double x, double bMax, double s, double lo, double hi) {
    int iterations = ITERATIONS;
    for (int i = 0; i < iterations; i++) {
      double invS = 1.0 / s;
      double h = x * invS; // dh recovers x/s exactly, so h need not be correctly rounded
      double t = 0.5 * s;
      double dh = Math.fma(-h, s, x) * invS;
      double v = vega(h, t, dh);
      double b = otmCall(bMax, h, t, dh, v);
      if (b < beta) {
        lo = s;
      } else {
        hi = s;
      }
      double nu = (beta - b) / v;
      double gamma = h * h * invS - 0.25 * s; // b''/b'
      double delta = gamma * gamma - 3.0 * (h * invS) * (h * invS) - 0.25; // b'''/b'
      double next = s + nu * householderFactor(nu, gamma, delta);
      if (next == s) {
        return s;
      }
      if (!(next > lo && next < hi)) {
        next = bisection(s, lo, hi);
        iterations = SAFEGUARDED_ITERATIONS;
      }
      boolean converged = Math.abs(next - s) <= CONVERGED * s;
      s = next;
      if (converged) {
        break;
      }
    }
    return s;
  }

  /** Householder(3) on g(s) = 1/ln b(s) - 1/ln β inside [lo, hi] (branch 1). */
  private static double householderLower(
      double beta, double lnBeta, double x, double bMax, double s, double lo, double hi) {
    boolean normal = beta >= Double.MIN_NORMAL;
    int iterations = normal ? ITERATIONS : SAFEGUARDED_ITERATIONS;
    for (int i = 0; i < iterations; i++) {
      double invS = 1.0 / s;
      double h = x * invS; // dh recovers x/s exactly, so h need not be correctly rounded
      double t = 0.5 * s;
      double dh = Math.fma(-h, s, x) * invS;
      double v = vega(h, t, dh);
      double lnB;
      double residual; // ln β - ln b
      double lambda; // b'/b
      if ((h + t) + dh > PLAIN_THRESHOLD) {
        double b = otmCall(bMax, h, t, dh, v);
        lnB = Math.log(b);
        residual = normal ? Math.log(beta / b) : lnBeta - lnB;
        lambda = v / b;
      } else {
        double scaled = scaledOtm(h, t, dh);
        lambda = 1.0 / scaled;
        if (normal && v >= Double.MIN_NORMAL) {
          residual = Math.log(beta / (v * scaled));
          lnB = lnBeta - residual;
        } else {
          lnB = lnVega(h, t, dh) + Math.log(scaled);
          residual = lnBeta - lnB;
        }
      }
      if (residual > 0) {
        lo = s;
      } else {
        hi = s;
      }
      double gammaB = h * h * invS - 0.25 * s;
      double deltaB = gammaB * gammaB - 3.0 * (h * invS) * (h * invS) - 0.25;
      double nu = lnB * residual / (lnBeta * lambda);
      double lambdaOverLnB = lambda / lnB;
      double gamma = gammaB - lambda - 2.0 * lambdaOverLnB;
      double delta = deltaB - 3.0 * lambda * gammaB + 2.0 * lambda * lambda
          - 6.0 * lambdaOverLnB * (gammaB - lambda) + 6.0 * lambdaOverLnB * lambdaOverLnB;
      double next = s + nu * householderFactor(nu, gamma, delta);
      if (next == s) {
        return s;
      }
      if (!(next > lo && next < hi)) {
        next = bisection(s, lo, hi);
        iterations = SAFEGUARDED_ITERATIONS;
      }
      boolean converged = Math.abs(next - s) <= CONVERGED * s;
      s = next;
      if (converged) {
        break;
      }
    }
    return s;
  }

  /** Householder(3) on g(s) = ln((b_max - β)/(b_max - b(s))) inside [lo, hi] (branch 4). */
  private static double householderUpper(double betaBar, double x, double bMax, double s, double lo, double hi) {
    int iterations = ITERATIONS;
    for (int i = 0; i < iterations; i++) {
      double invS = 1.0 / s;
      double h = x * invS; // dh recovers x/s exactly, so h need not be correctly rounded
      double t = 0.5 * s;
      double dh = Math.fma(-h, s, x) * invS;
      double v = vega(h, t, dh);
      double lambda; // b'/(b_max - b)
      double residual; // ln((b_max - b)/(b_max - β))
      double hPlusT = (h + t) + dh;
      if (hPlusT >= 0) {
        double ySum = bigY(-hPlusT) + bigY((h - t) + dh);
        double bBar = v * ySum;
        lambda = 1.0 / ySum;
        residual = bBar >= Double.MIN_NORMAL
            ? Math.log(bBar / betaBar)
            : lnVega(h, t, dh) + Math.log(ySum) - Math.log(betaBar);
      } else {
        double bBar = bMax - otmCall(bMax, h, t, dh, v);
        lambda = v / bBar;
        residual = Math.log(bBar / betaBar);
      }
      if (residual > 0) {
        lo = s;
      } else {
        hi = s;
      }
      double nu = residual / lambda;
      double gammaB = h * h * invS - 0.25 * s;
      double deltaB = gammaB * gammaB - 3.0 * (h * invS) * (h * invS) - 0.25;
      double gamma = gammaB + lambda;
      double delta = deltaB + 3.0 * gammaB * lambda + 2.0 * lambda * lambda;
      double next = s + nu * householderFactor(nu, gamma, delta);
      if (next == s) {
        return s;
      }
      if (!(next > lo && next < hi)) {
        next = bisection(s, lo, hi);
        iterations = SAFEGUARDED_ITERATIONS;
      }
      boolean converged = Math.abs(next - s) <= CONVERGED * s;
      s = next;
      if (converged) {
        break;
      }
    }
    return s;
  }

  /**
   * The Householder(3) factor (1 + γν/2)/(1 + ν(γ + δν/6)) of the Newton step ν; 1 (Newton) when it is not a
   * sensible positive number, as can happen far from the root.
   */
  private static double householderFactor(double nu, double gamma, double delta) {
    double factor = (1.0 + 0.5 * gamma * nu) / (1.0 + nu * (gamma + delta * nu / 6.0));
    return factor > 0 && factor < 4 ? factor : 1.0;
  }

  /** The next point when a step would leave the bracket [lo, hi]: its midpoint, or 2·s when hi = ∞. */
  private static double bisection(double s, double lo, double hi) {
    return hi == Double.POSITIVE_INFINITY ? 2.0 * Math.max(lo, s) : 0.5 * (lo + hi);
  }

  // ------------------------------------------------------------------------------------------------------------
  // Rational cubic interpolation (Delbourgo and Gregory 1985), as the paper uses it for the initial guess
  // ------------------------------------------------------------------------------------------------------------

  /**
   * The rational cubic through (xL, yL) and (xR, yR) with slopes dL, dR and shape parameter r:
   * [yR s³ + (r yR - h dR) s²(1-s) + (r yL + h dL) s(1-s)² + yL (1-s)³] / [1 + (r - 3) s(1-s)], h = xR - xL,
   * s = (x - xL)/h. r = 3 is the cubic Hermite interpolant; r → ∞ the straight line.
   */
  private static double rationalCubic(
      double x, double xL, double xR, double yL, double yR, double dL, double dR, double r) {
    double h = xR - xL;
    if (!(h > 0)) {
      return 0.5 * (yL + yR);
    }
    double s = (x - xL) / h;
    double c = 1.0 - s;
    double num = yR * s * s * s + (r * yR - h * dR) * s * s * c + (r * yL + h * dL) * s * c * c + yL * c * c * c;
    return num / (1.0 + (r - 3.0) * s * c);
  }

  /** The shape parameter that makes the rational cubic's second derivative at xL equal {@code second}. */
  private static double shapeFittingLeft(
      double xL, double xR, double yL, double yR, double dL, double dR, double second) {
    double h = xR - xL;
    double slope = (yR - yL) / h;
    // R''(xL) = (2/h)·[r(Δ - dL) - (dR - dL)], Δ = (yR - yL)/h
    double r = (0.5 * h * second + (dR - dL)) / (slope - dL);
    return shapeParameter(r, dL, dR, slope);
  }

  /** The shape parameter that makes the rational cubic's second derivative at xR equal {@code second}. */
  private static double shapeFittingRight(
      double xL, double xR, double yL, double yR, double dL, double dR, double second) {
    double h = xR - xL;
    double slope = (yR - yL) / h;
    // R''(xR) = (2/h)·[r(dR - Δ) - (dR - dL)]
    double r = (0.5 * h * second + (dR - dL)) / (dR - slope);
    return shapeParameter(r, dL, dR, slope);
  }

  /**
   * The fitted shape parameter, raised where needed to the smallest value that preserves the data's shape:
   * monotone data stay monotone for r &ge; (dL + dR)/Δ, convex or concave data keep their curvature for
   * r &ge; max(|dR - dL|/|dR - Δ|, |dR - dL|/|Δ - dL|) (Delbourgo and Gregory 1985).
   */
  private static double shapeParameter(double fitted, double dL, double dR, double slope) {
    double minimum = MIN_SHAPE;
    if (dL * slope >= 0 && dR * slope >= 0) {
      minimum = slope != 0 ? Math.max(minimum, (dL + dR) / slope) : MAX_SHAPE;
    }
    if ((dL <= slope && slope <= dR) || (dL >= slope && slope >= dR)) {
      double spread = Math.abs(dR - dL);
      double right = Math.abs(dR - slope);
      double left = Math.abs(slope - dL);
      minimum = right > 0 && left > 0 ? Math.max(minimum, Math.max(spread / right, spread / left)) : MAX_SHAPE;
    }
    minimum = Math.min(minimum, MAX_SHAPE);
    return fitted >= minimum ? Math.min(fitted, MAX_SHAPE) : minimum;
  }

  // ------------------------------------------------------------------------------------------------------------
  // Helpers
  // ------------------------------------------------------------------------------------------------------------

  /** ln(F/K), also when F/K over- or underflows. */
  private static double logMoneyness(double forward, double strike) {
    double ratio = forward / strike;
    if (ratio >= Double.MIN_NORMAL && ratio < Double.POSITIVE_INFINITY) {
      return Math.log(ratio);
    }
    return Math.log(forward) - Math.log(strike);
  }

  private static IllegalArgumentException invalidPriceInput(
      double forward, double strike, double t, double vol, double theta) {
    return new IllegalArgumentException("Black price needs forward and strike finite and > 0, vol >= 0, t not NaN"
        + " and theta +1 (call) or -1 (put); got forward " + forward + ", strike " + strike + ", t " + t
        + ", vol " + vol + ", theta " + theta);
  }
}
