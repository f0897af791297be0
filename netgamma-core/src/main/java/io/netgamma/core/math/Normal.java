package io.netgamma.core.math;

/**
 * The standard normal distribution and the error functions, accurate to a few ulp over the whole double range.
 *
 * <p>{@code erfc} and {@code erfcx} use the near-minimax rational approximations of W. J. Cody, "Rational
 * Chebyshev approximations for the error function", Math. Comp. 23 (1969) 631-638, on the three intervals
 * |x| &le; 0.46875, 0.46875 &lt; |x| &le; 4 and |x| &gt; 4; {@code exp(-x²)} is evaluated as
 * {@code exp(-x0²)·exp(-(x-x0)(x+x0))} with x0 = x rounded down to 1/16 so that the exponent carries no
 * rounding error. {@link #cdf(double)} is therefore accurate in relative terms deep into the lower tail
 * (x = -37 and beyond), which the implied-volatility solver and far-wing prices rely on.
 *
 * <p>The coefficient arrays are package-visible so that the batch kernels, which must inline the evaluation,
 * use the very same numbers.
 */
public final class Normal {

  /** 1/sqrt(2·pi). */
  public static final double INV_SQRT_2PI = 0.3989422804014326779399460599343818684758586311649346576659258;
  /** sqrt(2·pi). */
  public static final double SQRT_2PI = 2.506628274631000502415765284811045253006986740609938316629923;
  /** 1/sqrt(2). */
  public static final double INV_SQRT_2 = 0.7071067811865475244008443621048490392848359376884740365883398;
  /** 1/sqrt(pi). */
  public static final double INV_SQRT_PI = 0.5641895835477562869480794515607725858440506293289988568440857;
  /** Above this |x| erfc(x) underflows to 0 (IEEE double). */
  static final double ERFC_XBIG = 26.543;
  /** Above this x, 1 - 1/(2x²) == 1 in double precision, so erfcx(x) = 1/(x·sqrt(pi)). */
  static final double ERFCX_XHUGE = 6.71e7;

  /** Interval 1 (|x| &le; 0.46875), erf numerator. */
  public static final double A0 = 3.16112374387056560E00;
  public static final double A1 = 1.13864154151050156E02;
  public static final double A2 = 3.77485237685302021E02;
  public static final double A3 = 3.20937758913846947E03;
  public static final double A4 = 1.85777706184603153E-1;
  /** Interval 1, erf denominator. */
  public static final double B0 = 2.36012909523441209E01;
  public static final double B1 = 2.44024637934444173E02;
  public static final double B2 = 1.28261652607737228E03;
  public static final double B3 = 2.84423683343917062E03;
  /** Interval 2 (0.46875 &lt; |x| &le; 4), erfcx numerator. */
  public static final double C0 = 5.64188496988670089E-1;
  public static final double C1 = 8.88314979438837594E0;
  public static final double C2 = 6.61191906371416295E01;
  public static final double C3 = 2.98635138197400131E02;
  public static final double C4 = 8.81952221241769090E02;
  public static final double C5 = 1.71204761263407058E03;
  public static final double C6 = 2.05107837782607147E03;
  public static final double C7 = 1.23033935479799725E03;
  public static final double C8 = 2.15311535474403846E-8;
  /** Interval 2, erfcx denominator. */
  public static final double D0 = 1.57449261107098347E01;
  public static final double D1 = 1.17693950891312499E02;
  public static final double D2 = 5.37181101862009858E02;
  public static final double D3 = 1.62138957456669019E03;
  public static final double D4 = 3.29079923573345963E03;
  public static final double D5 = 4.36261909014324716E03;
  public static final double D6 = 3.43936767414372164E03;
  public static final double D7 = 1.23033935480374942E03;
  /** Interval 3 (|x| &gt; 4), numerator in 1/x². */
  public static final double P0 = 3.05326634961232344E-1;
  public static final double P1 = 3.60344899949804439E-1;
  public static final double P2 = 1.25781726111229246E-1;
  public static final double P3 = 1.60837851487422766E-2;
  public static final double P4 = 6.58749161529837803E-4;
  public static final double P5 = 1.63153871373020978E-2;
  /** Interval 3, denominator in 1/x². */
  public static final double Q0 = 2.56852019228982242E00;
  public static final double Q1 = 1.87295284992346047E00;
  public static final double Q2 = 5.27905102951428412E-1;
  public static final double Q3 = 6.05183413124413191E-2;
  public static final double Q4 = 2.33520497626869185E-3;

  private Normal() {
  }

  /**
   * Standard normal density φ(x) = exp(-x²/2)/sqrt(2π), accurate to a few ulp for every x (x² is not rounded
   * before the exponential, see {@link #expMinusHalfSquare(double)}).
   */
  public static double pdf(double x) {
    return INV_SQRT_2PI * expMinusHalfSquare(x);
  }

  /**
   * Standard normal cumulative distribution Φ(x), accurate to a few ulp in relative terms over the whole lower
   * tail (Φ(-37) ≈ 5.7e-300 included). Below x = -0.6629 (|x|/√2 &gt; 0.46875) it is evaluated as
   * {@code erfcx(-x/√2)·exp(-x²/2)/2} with the exponential taken from x itself, so that the rounding of x/√2
   * (whose error the tail would amplify by x²) does not enter.
   */
  public static double cdf(double x) {
    if (x < -0.6629) {
      double y = -x * INV_SQRT_2;
      if (y >= ERFC_XBIG) {
        return 0.0;
      }
      double r = y <= 4.0 ? erfcxMid(y) : erfcxTail(y);
      return 0.5 * r * expMinusHalfSquare(x);
    }
    return 0.5 * erfc(-x * INV_SQRT_2);
  }

  /**
   * Φ(x) when the density φ(x) is already known (as in option pricing, where φ(d1) is needed anyway): no
   * exponential is evaluated. Same accuracy as {@link #cdf(double)} when {@code density} is accurate.
   *
   * @param x the argument
   * @param density φ(x), e.g. from {@link #pdf(double)}
   */
  public static double cdf(double x, double density) {
    double y = Math.abs(x) * INV_SQRT_2;
    if (y <= 0.46875) {
      return 0.5 + 0.5 * x * INV_SQRT_2 * erfSmall(y * y);
    }
    double tail = y >= ERFC_XBIG ? 0.0 : 0.5 * SQRT_2PI * density * (y <= 4.0 ? erfcxMid(y) : erfcxTail(y));
    return x < 0 ? tail : 1.0 - tail;
  }

  /** exp(-x²/2) to a few ulp: x split as x0 + (x - x0) with x0 a multiple of 1/16, so x0²/2 is exact. */
  public static double expMinusHalfSquare(double x) {
    double y = Math.abs(x);
    double y0 = Math.floor(y * 16.0) / 16.0;
    double del = (y - y0) * (y + y0);
    return Math.exp(-0.5 * y0 * y0) * Math.exp(-0.5 * del);
  }

  /** erf(x) for a real argument. */
  public static double erf(double x) {
    double y = Math.abs(x);
    if (y <= 0.46875) {
      return x * erfSmall(y * y);
    }
    double r = 1.0 - erfcPositive(y);
    return x < 0 ? -r : r;
  }

  /** erfc(x) = 1 - erf(x), accurate in relative terms for large positive x (0 beyond x ≈ 26.5). */
  public static double erfc(double x) {
    double y = Math.abs(x);
    if (y <= 0.46875) {
      return 1.0 - x * erfSmall(y * y);
    }
    double r = erfcPositive(y);
    return x < 0 ? 2.0 - r : r;
  }

  /**
   * The scaled complementary error function erfcx(x) = exp(x²)·erfc(x). Finite for every x &gt; -26.6; returns
   * +∞ below, where exp(x²) overflows.
   */
  public static double erfcx(double x) {
    double y = Math.abs(x);
    double r;
    if (y <= 0.46875) {
      double ysq = y * y;
      return Math.exp(ysq) * (1.0 - x * erfSmall(ysq));
    } else if (y <= 4.0) {
      r = erfcxMid(y);
    } else if (y >= ERFCX_XHUGE) {
      r = INV_SQRT_PI / y;
    } else {
      r = erfcxTail(y);
    }
    if (x < 0) {
      if (x < -26.628) {
        return Double.POSITIVE_INFINITY;
      }
      return 2.0 * expSquare(x) - r;
    }
    return r;
  }

  /** erf(y)/y for y² = ysq &le; 0.46875². */
  private static double erfSmall(double ysq) {
    double num = A4 * ysq;
    double den = ysq;
    num = (num + A0) * ysq;
    den = (den + B0) * ysq;
    num = (num + A1) * ysq;
    den = (den + B1) * ysq;
    num = (num + A2) * ysq;
    den = (den + B2) * ysq;
    return (num + A3) / (den + B3);
  }

  /** erfc(y) for y &gt; 0.46875. */
  private static double erfcPositive(double y) {
    if (y >= ERFC_XBIG) {
      return 0.0;
    }
    double r = y <= 4.0 ? erfcxMid(y) : erfcxTail(y);
    return expMinusSquare(y) * r;
  }

  /** erfcx(y) on 0.46875 &lt; y &le; 4. */
  static double erfcxMid(double y) {
    double num = C8 * y;
    double den = y;
    num = (num + C0) * y;
    den = (den + D0) * y;
    num = (num + C1) * y;
    den = (den + D1) * y;
    num = (num + C2) * y;
    den = (den + D2) * y;
    num = (num + C3) * y;
    den = (den + D3) * y;
    num = (num + C4) * y;
    den = (den + D4) * y;
    num = (num + C5) * y;
    den = (den + D5) * y;
    num = (num + C6) * y;
    den = (den + D6) * y;
    return (num + C7) / (den + D7);
  }

  /** erfcx(y) on y &gt; 4. */
  static double erfcxTail(double y) {
    double ysq = 1.0 / (y * y);
    double num = P5 * ysq;
    double den = ysq;
    num = (num + P0) * ysq;
    den = (den + Q0) * ysq;
    num = (num + P1) * ysq;
    den = (den + Q1) * ysq;
    num = (num + P2) * ysq;
    den = (den + Q2) * ysq;
    num = (num + P3) * ysq;
    den = (den + Q3) * ysq;
    double r = ysq * (num + P4) / (den + Q4);
    return (INV_SQRT_PI - r) / y;
  }

  /** exp(-y²) without the rounding error of forming y² first (y split at a multiple of 1/16). */
  static double expMinusSquare(double y) {
    double y0 = Math.floor(y * 16.0) / 16.0;
    double del = (y - y0) * (y + y0);
    return Math.exp(-y0 * y0) * Math.exp(-del);
  }

  /** exp(x²), evaluated like {@link #expMinusSquare(double)}. */
  static double expSquare(double x) {
    double y = Math.abs(x);
    double y0 = Math.floor(y * 16.0) / 16.0;
    double del = (y - y0) * (y + y0);
    return Math.exp(y0 * y0) * Math.exp(del);
  }
}
