package io.netgamma.core.pricing;

import static io.netgamma.core.math.Normal.A0;
import static io.netgamma.core.math.Normal.A1;
import static io.netgamma.core.math.Normal.A2;
import static io.netgamma.core.math.Normal.A3;
import static io.netgamma.core.math.Normal.A4;
import static io.netgamma.core.math.Normal.B0;
import static io.netgamma.core.math.Normal.B1;
import static io.netgamma.core.math.Normal.B2;
import static io.netgamma.core.math.Normal.B3;
import static io.netgamma.core.math.Normal.C0;
import static io.netgamma.core.math.Normal.C1;
import static io.netgamma.core.math.Normal.C2;
import static io.netgamma.core.math.Normal.C3;
import static io.netgamma.core.math.Normal.C4;
import static io.netgamma.core.math.Normal.C5;
import static io.netgamma.core.math.Normal.C6;
import static io.netgamma.core.math.Normal.C7;
import static io.netgamma.core.math.Normal.C8;
import static io.netgamma.core.math.Normal.D0;
import static io.netgamma.core.math.Normal.D1;
import static io.netgamma.core.math.Normal.D2;
import static io.netgamma.core.math.Normal.D3;
import static io.netgamma.core.math.Normal.D4;
import static io.netgamma.core.math.Normal.D5;
import static io.netgamma.core.math.Normal.D6;
import static io.netgamma.core.math.Normal.D7;
import static io.netgamma.core.math.Normal.INV_SQRT_2;
import static io.netgamma.core.math.Normal.INV_SQRT_2PI;
import static io.netgamma.core.math.Normal.INV_SQRT_PI;
import static io.netgamma.core.math.Normal.P0;
import static io.netgamma.core.math.Normal.P1;
import static io.netgamma.core.math.Normal.P2;
import static io.netgamma.core.math.Normal.P3;
import static io.netgamma.core.math.Normal.P4;
import static io.netgamma.core.math.Normal.P5;
import static io.netgamma.core.math.Normal.Q0;
import static io.netgamma.core.math.Normal.Q1;
import static io.netgamma.core.math.Normal.Q2;
import static io.netgamma.core.math.Normal.Q3;
import static io.netgamma.core.math.Normal.Q4;

import io.netgamma.core.instrument.YearFraction;

/**
 * The scalar batch kernel: Black-76 price and greeks, one option at a time, in one allocation-free loop over
 * structure-of-arrays. Runs everywhere (no incubator module) and is the tail of {@link VectorBatchPricer}.
 * Stateless and thread-safe; use {@link BatchPricers#scalar()}.
 *
 * <p>Formulas, limits and units are those of {@link Black76#priceAndGreeks}; the results agree with it to about
 * 1e-15 relative on realistic books and within 1e-13 relative (absolute floor 1e-13 of the field's natural scale)
 * everywhere tested. The arithmetic is arranged the way the SIMD kernel does it, lane for lane, except for Φ (the
 * SIMD kernel uses one rational erfcx over the whole range, see {@link VectorBatchPricer}), so that the two kernels
 * differ by a few ulps at most:
 *
 * <ul>
 *   <li>three divisions, F/K, 1/F and 1/s (s = σ√t), plus one per Φ; 1/σ = √t/s and 1/(2t) = (σ/s)²/2;</li>
 *   <li>the Gaussian factor exp(−d²/2) is evaluated once, at whichever of d1, d2 is nearer zero, with the rounding
 *       error of d² carried by a fused multiply-add (d² = h + l exactly, exp(−h/2)·(1 − l/2)); the other one is
 *       exp(−d2²/2) = exp(−d1²/2)·F/K. It serves both Φ's and the density φ(d1), and keeps far-wing prices
 *       accurate in relative terms (the smaller factor is never derived from an underflowed larger one);</li>
 *   <li>Φ(x) = erfc(−x/√2)/2 with W. J. Cody's rational approximations ({@link io.netgamma.core.math.Normal}'s
 *       coefficients) on |x|/√2 ≤ 0.46875, ≤ 4 and &gt; 4, Horner steps as fused multiply-adds, and 0 or 2
 *       beyond 26.543 as in Normal (see {@link #cdf});</li>
 *   <li>the price is never below the intrinsic value, as in Black76.</li>
 * </ul>
 *
 * <p>Expired options (t ≤ 0) and options without volatility (σ√t = 0) take Black76's limits: discounted
 * intrinsic value, a step delta (1/2 at the money), rho and the carry terms of theta and charm, other greeks 0.
 * So do options with σ√t &lt; 1e-100 or t &lt; 1e-100 years, whose time value is below anything a double can
 * add to a price, and where Black76's own greeks overflow (1/s, 1/t).
 */
public final class ScalarBatchPricer implements BatchPricer {

  static final ScalarBatchPricer INSTANCE = new ScalarBatchPricer();

  /** 1/365: per calendar day. */
  static final double PER_DAY = 1.0 / YearFraction.DAYS_PER_YEAR;
  /** Upper end of Cody's first interval for erfc. */
  static final double ERFC_SMALL = 0.46875;
  /** Upper end of Cody's second interval for erfc. */
  static final double ERFC_MID = 4.0;
  /** Above this argument erfc is 0 in double precision (Normal's ERFC_XBIG). */
  static final double ERFC_XBIG = 26.543;
  /** |d| is clamped here before squaring for the Gaussian factor (exp(−d²/2) is 0 well before). */
  static final double D_CLAMP = 40.0;
  /**
   * Below this σ√t, or this t in years (3e-93 s), an option has no time value in double precision and is priced
   * at the no-volatility limit; this keeps 1/s and 1/t finite (Black76's greeks overflow there instead).
   */
  static final double TINY = 1e-100;

  private ScalarBatchPricer() {
  }

  @Override
  public void priceAndGreeks(OptionBatch in, GreeksBatch out, int from, int to) {
    price(in, out, from, to);
  }

  @Override
  public String name() {
    return "scalar";
  }

  /** Checks the range against both batches. */
  static void checkRanges(OptionBatch in, GreeksBatch out, int from, int to) {
    in.checkRange(from, to);
    if (to > out.size) {
      throw new IndexOutOfBoundsException("greeks batch of size " + out.size + " cannot hold index " + (to - 1));
    }
  }

  /** The kernel, for {@code [from, to)}. */
  static void price(OptionBatch in, GreeksBatch out, int from, int to) {
    checkRanges(in, out, from, to);
    final double[] fwd = in.forward;
    final double[] stk = in.strike;
    final double[] tt = in.t;
    final double[] vv = in.vol;
    final double[] rr = in.rate;
    final double[] th = in.theta;
    final boolean full = out.full;
    final double[] oPrice = out.price;
    final double[] oPriceCoin = out.priceCoin;
    final double[] oDelta = out.delta;
    final double[] oGamma = out.gamma;
    final double[] oVega = out.vega;
    final double[] oTheta = out.theta;
    final double[] oRho = out.rho;
    final double[] oVanna = out.vanna;
    final double[] oVolga = out.volga;
    final double[] oCharm = out.charm;
    final double[] oSpeed = out.speed;
    final double[] oDeltaCoin = out.deltaCoin;
    final double[] oGammaCoin = out.gammaCoin;
    for (int i = from; i < to; i++) {
      final double f = fwd[i];
      final double k = stk[i];
      final double t = tt[i];
      final double vol = vv[i];
      final double r = rr[i];
      final double w = th[i];
      if (!(f > 0 && f < Double.POSITIVE_INFINITY && k > 0 && k < Double.POSITIVE_INFINITY
          && Math.abs(t) < Double.POSITIVE_INFINITY && vol >= 0 && vol < Double.POSITIVE_INFINITY
          && Math.abs(r) < Double.POSITIVE_INFINITY && Math.abs(w) == 1.0)) {
        in.validate(i, i + 1); // throws, naming index, field and value
      }
      final double tPos = Math.max(t, 0.0);
      final double sqrtT = Math.sqrt(tPos);
      final double s = vol * sqrtT;
      final double df = r == 0 ? 1.0 : Math.exp(-r * tPos);
      final double invF = 1.0 / f;
      double price;
      double delta;
      double gamma;
      double vega;
      double theta;
      double rho;
      double vanna;
      double volga;
      double charm;
      double speed;
      if (s > TINY && t > TINY) {
        final double fk = f / k;
        final double invS = 1.0 / s;
        final double d1 = Math.log(fk) * invS + 0.5 * s;
        final double d2 = d1 - s;
        // exp(-d^2/2) once, at the d nearer zero; exp(-d2^2/2) = exp(-d1^2/2)·F/K gives the other.
        final double ad1 = Math.abs(d1);
        final double ad2 = Math.abs(d2);
        final double gauss = gaussian(Math.min(Math.min(ad1, ad2), D_CLAMP));
        final double e1;
        final double e2;
        if (ad1 > ad2) {
          e1 = gauss * (k * invF);
          e2 = gauss;
        } else {
          e1 = gauss;
          e2 = gauss * fk;
        }
        final double c1 = cdf(w * d1, e1);
        final double c2 = cdf(w * d2, e2);
        final double nd1 = INV_SQRT_2PI * e1;
        // Never below intrinsic (the max removes last-ulp cancellation deep in the money), as in Black76.
        price = df * Math.max(w * (f * c1 - k * c2), Math.max(w * (f - k), 0.0));
        delta = (df * w) * c1;
        final double dfNd1 = df * nd1;
        gamma = dfNd1 * invF * invS;
        final double vegaUnit = dfNd1 * f * sqrtT;
        final double invSqrtT = vol * invS;
        final double halfInvT = 0.5 * invSqrtT * invSqrtT;
        final double invVol = sqrtT * invS;
        vega = vegaUnit * 0.01;
        theta = (-(vegaUnit * vol) * halfInvT + r * price) * PER_DAY;
        rho = w * k * tPos * df * c2 * 0.01;
        vanna = -(dfNd1 * d2) * invVol * 0.01;
        volga = vegaUnit * d1 * d2 * invVol * 1e-4;
        charm = (r * delta + dfNd1 * d2 * halfInvT) * PER_DAY;
        speed = -gamma * invF * (1.0 + d1 * invS);
      } else {
        // Expired (t <= 0) or no volatility (or no time value in double precision): discounted intrinsic value,
        // a step delta, no other greeks.
        final double m = w * (f - k);
        final double step = m > 0 ? 1.0 : (m == 0 ? 0.5 : 0.0);
        final double rEff = t > 0 ? r : 0.0;
        price = df * Math.max(m, 0.0);
        delta = (df * w) * step;
        gamma = 0.0;
        vega = 0.0;
        theta = rEff * price * PER_DAY;
        rho = w * k * tPos * df * step * 0.01;
        vanna = 0.0;
        volga = 0.0;
        charm = rEff * delta * PER_DAY;
        speed = 0.0;
      }
      oPrice[i] = price;
      oDelta[i] = delta;
      oGamma[i] = gamma;
      oVega[i] = vega;
      oTheta[i] = theta;
      if (full) {
        final double priceCoin = price * invF;
        final double deltaCoin = delta - priceCoin;
        oPriceCoin[i] = priceCoin;
        oRho[i] = rho;
        oVanna[i] = vanna;
        oVolga[i] = volga;
        oCharm[i] = charm;
        oSpeed[i] = speed;
        oDeltaCoin[i] = deltaCoin;
        oGammaCoin[i] = gamma - deltaCoin * invF;
      }
    }
  }

  /**
   * exp(−a²/2) accurate to a few ulp: a² = h + l exactly (fused multiply-add), and
   * exp(−(h + l)/2) = exp(−h/2)·(1 − l/2) to double precision because |l| &le; ulp(h)/2. For 0 &le; a &le;
   * {@link #D_CLAMP}.
   */
  static double gaussian(double a) {
    final double h = a * a;
    final double l = Math.fma(a, a, -h);
    return Math.exp(-0.5 * h) * (1.0 - 0.5 * l);
  }

  /**
   * Φ(x) = erfc(−x/√2)/2 with Cody's rational approximations, given {@code e = exp(−x²/2)} (= exp(−y²) for
   * y = |x|/√2). Horner steps are fused multiply-adds; on y &gt; 4 the rational function in 1/y² is evaluated
   * as the equivalent one in y² (numerator and denominator times y¹⁰), which needs no division for 1/y², and
   * erfcx(y) = (y²·D/√π − N)/(y²·D·y). The SIMD kernel does exactly this lane by lane.
   */
  static double cdf(double x, double e) {
    final double z = x * -INV_SQRT_2;
    final double y = Math.abs(z);
    final double erfc;
    if (y <= ERFC_SMALL) {
      final double u = y * y;
      double num = A4;
      double den = 1.0;
      num = Math.fma(num, u, A0);
      den = Math.fma(den, u, B0);
      num = Math.fma(num, u, A1);
      den = Math.fma(den, u, B1);
      num = Math.fma(num, u, A2);
      den = Math.fma(den, u, B2);
      num = Math.fma(num, u, A3);
      den = Math.fma(den, u, B3);
      erfc = 1.0 - z * (num / den);
    } else {
      final double q;
      if (y <= ERFC_MID) {
        double num = C8;
        double den = 1.0;
        num = Math.fma(num, y, C0);
        den = Math.fma(den, y, D0);
        num = Math.fma(num, y, C1);
        den = Math.fma(den, y, D1);
        num = Math.fma(num, y, C2);
        den = Math.fma(den, y, D2);
        num = Math.fma(num, y, C3);
        den = Math.fma(den, y, D3);
        num = Math.fma(num, y, C4);
        den = Math.fma(den, y, D4);
        num = Math.fma(num, y, C5);
        den = Math.fma(den, y, D5);
        num = Math.fma(num, y, C6);
        den = Math.fma(den, y, D6);
        num = Math.fma(num, y, C7);
        den = Math.fma(den, y, D7);
        q = num / den;
      } else {
        final double u = y * y;
        double num = P4;
        double den = Q4;
        num = Math.fma(num, u, P3);
        den = Math.fma(den, u, Q3);
        num = Math.fma(num, u, P2);
        den = Math.fma(den, u, Q2);
        num = Math.fma(num, u, P1);
        den = Math.fma(den, u, Q1);
        num = Math.fma(num, u, P0);
        den = Math.fma(den, u, Q0);
        num = Math.fma(num, u, P5);
        den = Math.fma(den, u, 1.0);
        final double uDen = u * den;
        q = (uDen * INV_SQRT_PI - num) / (uDen * y);
      }
      final double r = y >= ERFC_XBIG ? 0.0 : e * q;
      erfc = z < 0 ? 2.0 - r : r;
    }
    return 0.5 * erfc;
  }
}
