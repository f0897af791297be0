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
import static io.netgamma.core.pricing.ScalarBatchPricer.D_CLAMP;
import static io.netgamma.core.pricing.ScalarBatchPricer.ERFC_MID;
import static io.netgamma.core.pricing.ScalarBatchPricer.ERFC_SMALL;
import static io.netgamma.core.pricing.ScalarBatchPricer.ERFC_XBIG;
import static io.netgamma.core.pricing.ScalarBatchPricer.PER_DAY;
import static io.netgamma.core.pricing.ScalarBatchPricer.TINY;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD batch kernel (Vector API, {@code jdk.incubator.vector}): Black-76 price and greeks for
 * {@link DoubleVector#SPECIES_PREFERRED} options at a time (8 with AVX-512, 4 with AVX2), the remainder of a
 * range with the scalar kernel. Get it from {@link BatchPricers#vector()} or {@link BatchPricers#best()}, which
 * load it reflectively so that netgamma-core runs without the incubator module; this class itself needs
 * {@code --add-modules jdk.incubator.vector}.
 *
 * <p>Same formulas, limits and units as {@link Black76#priceAndGreeks}, computed branch-free: the limits (expired,
 * no volatility) and Cody's three erfc intervals are lane masks and blends. Lane by lane it performs exactly the
 * operations of {@link ScalarBatchPricer}, in the same order (see there for the arithmetic); only the library
 * {@code LOG} and {@code EXP} (SVML intrinsics on x86) may differ from {@link Math#log}/{@link Math#exp} in the
 * last ulp, so the two kernels agree to 1e-13 relative on every field (absolute floor 1e-13 of the field's natural
 * scale). On a Zen 4 (AVX-512) with JDK 25, about 0.5% of the fields of the benchmark's options differ in the last
 * bits, the worst by 2.3e-14 relative.
 *
 * <p>Per vector of options: two or three library calls (LOG of F/K, EXP of −d²/2 at the d nearer zero, EXP of
 * −r·t only if some rate in the vector is not zero), five divisions, no allocation (every vector stays in
 * registers: all helpers are written out inline, none takes or returns a vector).
 *
 * <p>Stateless and thread-safe.
 */
public final class VectorBatchPricer implements BatchPricer {

  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

  /** Public for reflective loading by {@link BatchPricers}; use {@link BatchPricers#vector()}. */
  public VectorBatchPricer() {
  }

  @Override
  public String name() {
    return "vector-" + S.vectorBitSize();
  }

  @Override
  public void priceAndGreeks(OptionBatch in, GreeksBatch out, int from, int to) {
    ScalarBatchPricer.checkRanges(in, out, from, to);
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

    final int lanes = S.length();
    final int bound = from + (to - from) / lanes * lanes;
    final DoubleVector zero = DoubleVector.zero(S);
    final DoubleVector one = DoubleVector.broadcast(S, 1.0);
    final DoubleVector two = DoubleVector.broadcast(S, 2.0);
    int i = from;
    for (; i < bound; i += lanes) {
      final DoubleVector f = DoubleVector.fromArray(S, fwd, i);
      final DoubleVector k = DoubleVector.fromArray(S, stk, i);
      final DoubleVector t = DoubleVector.fromArray(S, tt, i);
      final DoubleVector vol = DoubleVector.fromArray(S, vv, i);
      final DoubleVector r = DoubleVector.fromArray(S, rr, i);
      final DoubleVector w = DoubleVector.fromArray(S, th, i);

      // Validation, the rules of OptionBatch.validate (which names the first bad index and throws):
      // x - x is 0 for finite x and NaN otherwise, and the NaN survives the sum.
      final DoubleVector finite = f.sub(f).add(k.sub(k)).add(t.sub(t)).add(vol.sub(vol)).add(r.sub(r));
      final VectorMask<Double> valid = finite.compare(VectorOperators.EQ, 0.0)
          .and(f.min(k).compare(VectorOperators.GT, 0.0))
          .and(vol.compare(VectorOperators.GE, 0.0))
          .and(w.abs().compare(VectorOperators.EQ, 1.0));
      if (!valid.allTrue()) {
        in.validate(i, i + lanes);
      }

      final DoubleVector tPos = t.max(0.0);
      final DoubleVector sqrtT = tPos.lanewise(VectorOperators.SQRT);
      final DoubleVector s = vol.mul(sqrtT);
      final VectorMask<Double> dead =
          s.compare(VectorOperators.GT, TINY).and(t.compare(VectorOperators.GT, TINY)).not();
      // Lanes without time value (expired, no vol, or s or t below TINY) compute with harmless stand-ins, blended
      // to the limits below.
      final DoubleVector sL = s.blend(1.0, dead);
      final DoubleVector volL = vol.blend(0.0, dead);
      final DoubleVector rEff = r.blend(0.0, t.compare(VectorOperators.LE, 0.0));
      final DoubleVector df = r.compare(VectorOperators.NE, 0.0).anyTrue()
          ? r.mul(tPos).neg().lanewise(VectorOperators.EXP) : one;
      final DoubleVector fk = f.div(k);
      final DoubleVector invF = one.div(f);
      final DoubleVector invS = one.div(sL);
      final DoubleVector d1 = fk.lanewise(VectorOperators.LOG).mul(invS).add(sL.mul(0.5));
      final DoubleVector d2 = d1.sub(sL);

      // exp(-d^2/2) once, at the d nearer zero (d^2 = h + l exactly); exp(-d2^2/2) = exp(-d1^2/2)·F/K gives the other.
      final DoubleVector ad1 = d1.abs();
      final DoubleVector ad2 = d2.abs();
      final VectorMask<Double> d2Nearer = ad1.compare(VectorOperators.GT, ad2);
      final DoubleVector a = ad1.min(ad2).min(D_CLAMP);
      final DoubleVector h = a.mul(a);
      final DoubleVector gauss = h.mul(-0.5).lanewise(VectorOperators.EXP)
          .mul(one.sub(a.fma(a, h.neg()).mul(0.5)));
      final DoubleVector e1 = gauss.blend(gauss.mul(k.mul(invF)), d2Nearer);
      final DoubleVector e2 = gauss.mul(fk).blend(gauss, d2Nearer);

      // Step delta of the no-time-value limit: 1 in the money, 1/2 at the money, 0 out of it.
      final DoubleVector m = w.mul(f.sub(k));
      final DoubleVector step = zero.blend(0.5, m.compare(VectorOperators.EQ, 0.0))
          .blend(1.0, m.compare(VectorOperators.GT, 0.0));

      // ---- c1 = Phi(w·d1) = erfc(z)/2, z = -w·d1/sqrt2 (Cody; see ScalarBatchPricer.cdf) ----
      final DoubleVector c1;
      {
        final DoubleVector z = w.mul(d1).mul(-INV_SQRT_2);
        final DoubleVector y = z.abs();
        final VectorMask<Double> small = y.compare(VectorOperators.LE, ERFC_SMALL);
        final VectorMask<Double> tail = y.compare(VectorOperators.GT, ERFC_MID);
        final VectorMask<Double> mid = small.or(tail).not();
        // 0.46875 < y <= 4: rational function of y.
        DoubleVector numM = DoubleVector.broadcast(S, C8);
        DoubleVector denM = one;
        numM = numM.fma(y, DoubleVector.broadcast(S, C0));
        denM = denM.fma(y, DoubleVector.broadcast(S, D0));
        numM = numM.fma(y, DoubleVector.broadcast(S, C1));
        denM = denM.fma(y, DoubleVector.broadcast(S, D1));
        numM = numM.fma(y, DoubleVector.broadcast(S, C2));
        denM = denM.fma(y, DoubleVector.broadcast(S, D2));
        numM = numM.fma(y, DoubleVector.broadcast(S, C3));
        denM = denM.fma(y, DoubleVector.broadcast(S, D3));
        numM = numM.fma(y, DoubleVector.broadcast(S, C4));
        denM = denM.fma(y, DoubleVector.broadcast(S, D4));
        numM = numM.fma(y, DoubleVector.broadcast(S, C5));
        denM = denM.fma(y, DoubleVector.broadcast(S, D5));
        numM = numM.fma(y, DoubleVector.broadcast(S, C6));
        denM = denM.fma(y, DoubleVector.broadcast(S, D6));
        numM = numM.fma(y, DoubleVector.broadcast(S, C7));
        denM = denM.fma(y, DoubleVector.broadcast(S, D7));
        // y <= 0.46875 and y > 4: rational functions of v = y^2, one Horner pass with per-lane coefficients
        // (the small interval's degree-4 polynomials start one step later, from 0).
        final DoubleVector v = y.mul(y);
        DoubleVector num = zero.blend(P4, tail);
        DoubleVector den = zero.blend(Q4, tail);
        num = num.fma(v, DoubleVector.broadcast(S, A4).blend(P3, tail));
        den = den.fma(v, one.blend(Q3, tail));
        num = num.fma(v, DoubleVector.broadcast(S, A0).blend(P2, tail));
        den = den.fma(v, DoubleVector.broadcast(S, B0).blend(Q2, tail));
        num = num.fma(v, DoubleVector.broadcast(S, A1).blend(P1, tail));
        den = den.fma(v, DoubleVector.broadcast(S, B1).blend(Q1, tail));
        num = num.fma(v, DoubleVector.broadcast(S, A2).blend(P0, tail));
        den = den.fma(v, DoubleVector.broadcast(S, B2).blend(Q0, tail));
        num = num.fma(v, DoubleVector.broadcast(S, A3).blend(P5, tail));
        den = den.fma(v, DoubleVector.broadcast(S, B3).blend(1.0, tail));
        // One division: small erf(y)/y = num/den, mid erfcx(y) = numM/denM, tail erfcx(y) = (vD/sqrtPi - N)/(vD·y).
        final DoubleVector vDen = v.mul(den);
        final DoubleVector q = num.blend(vDen.mul(INV_SQRT_PI).sub(num), tail).blend(numM, mid)
            .div(den.blend(vDen.mul(y), tail).blend(denM, mid));
        final DoubleVector pos = e1.mul(q).blend(0.0, y.compare(VectorOperators.GE, ERFC_XBIG));
        final DoubleVector erfc = pos.blend(two.sub(pos), z.compare(VectorOperators.LT, 0.0))
            .blend(one.sub(z.mul(q)), small);
        c1 = erfc.mul(0.5).blend(step, dead);
      }

      // ---- c2 = Phi(w·d2) = erfc(z)/2, z = -w·d2/sqrt2 (Cody; see ScalarBatchPricer.cdf) ----
      final DoubleVector c2;
      {
        final DoubleVector z = w.mul(d2).mul(-INV_SQRT_2);
        final DoubleVector y = z.abs();
        final VectorMask<Double> small = y.compare(VectorOperators.LE, ERFC_SMALL);
        final VectorMask<Double> tail = y.compare(VectorOperators.GT, ERFC_MID);
        final VectorMask<Double> mid = small.or(tail).not();
        // 0.46875 < y <= 4: rational function of y.
        DoubleVector numM = DoubleVector.broadcast(S, C8);
        DoubleVector denM = one;
        numM = numM.fma(y, DoubleVector.broadcast(S, C0));
        denM = denM.fma(y, DoubleVector.broadcast(S, D0));
        numM = numM.fma(y, DoubleVector.broadcast(S, C1));
        denM = denM.fma(y, DoubleVector.broadcast(S, D1));
        numM = numM.fma(y, DoubleVector.broadcast(S, C2));
        denM = denM.fma(y, DoubleVector.broadcast(S, D2));
        numM = numM.fma(y, DoubleVector.broadcast(S, C3));
        denM = denM.fma(y, DoubleVector.broadcast(S, D3));
        numM = numM.fma(y, DoubleVector.broadcast(S, C4));
        denM = denM.fma(y, DoubleVector.broadcast(S, D4));
        numM = numM.fma(y, DoubleVector.broadcast(S, C5));
        denM = denM.fma(y, DoubleVector.broadcast(S, D5));
        numM = numM.fma(y, DoubleVector.broadcast(S, C6));
        denM = denM.fma(y, DoubleVector.broadcast(S, D6));
        numM = numM.fma(y, DoubleVector.broadcast(S, C7));
        denM = denM.fma(y, DoubleVector.broadcast(S, D7));
        // y <= 0.46875 and y > 4: rational functions of v = y^2, one Horner pass with per-lane coefficients
        // (the small interval's degree-4 polynomials start one step later, from 0).
        final DoubleVector v = y.mul(y);
        DoubleVector num = zero.blend(P4, tail);
        DoubleVector den = zero.blend(Q4, tail);
        num = num.fma(v, DoubleVector.broadcast(S, A4).blend(P3, tail));
        den = den.fma(v, one.blend(Q3, tail));
        num = num.fma(v, DoubleVector.broadcast(S, A0).blend(P2, tail));
        den = den.fma(v, DoubleVector.broadcast(S, B0).blend(Q2, tail));
        num = num.fma(v, DoubleVector.broadcast(S, A1).blend(P1, tail));
        den = den.fma(v, DoubleVector.broadcast(S, B1).blend(Q1, tail));
        num = num.fma(v, DoubleVector.broadcast(S, A2).blend(P0, tail));
        den = den.fma(v, DoubleVector.broadcast(S, B2).blend(Q0, tail));
        num = num.fma(v, DoubleVector.broadcast(S, A3).blend(P5, tail));
        den = den.fma(v, DoubleVector.broadcast(S, B3).blend(1.0, tail));
        // One division: small erf(y)/y = num/den, mid erfcx(y) = numM/denM, tail erfcx(y) = (vD/sqrtPi - N)/(vD·y).
        final DoubleVector vDen = v.mul(den);
        final DoubleVector q = num.blend(vDen.mul(INV_SQRT_PI).sub(num), tail).blend(numM, mid)
            .div(den.blend(vDen.mul(y), tail).blend(denM, mid));
        final DoubleVector pos = e2.mul(q).blend(0.0, y.compare(VectorOperators.GE, ERFC_XBIG));
        final DoubleVector erfc = pos.blend(two.sub(pos), z.compare(VectorOperators.LT, 0.0))
            .blend(one.sub(z.mul(q)), small);
        c2 = erfc.mul(0.5).blend(step, dead);
      }

      // ---- price and greeks; dead lanes (nd1 = 0, c1 = c2 = step) give the limits of Black76 ----
      final DoubleVector nd1 = e1.mul(INV_SQRT_2PI).blend(0.0, dead);
      // Never below intrinsic (the max removes last-ulp cancellation deep in the money), as in Black76.
      final DoubleVector price = df.mul(w.mul(f.mul(c1).sub(k.mul(c2))).max(m.max(0.0)));
      final DoubleVector delta = df.mul(w).mul(c1);
      final DoubleVector dfNd1 = df.mul(nd1);
      final DoubleVector gamma = dfNd1.mul(invF).mul(invS);
      final DoubleVector vegaUnit = dfNd1.mul(f).mul(sqrtT);
      final DoubleVector invSqrtT = volL.mul(invS);
      final DoubleVector halfInvT = invSqrtT.mul(0.5).mul(invSqrtT);
      price.intoArray(oPrice, i);
      delta.intoArray(oDelta, i);
      gamma.intoArray(oGamma, i);
      vegaUnit.mul(0.01).intoArray(oVega, i);
      vegaUnit.mul(volL).neg().mul(halfInvT).add(rEff.mul(price)).mul(PER_DAY).intoArray(oTheta, i);
      if (full) {
        final DoubleVector invVol = sqrtT.mul(invS);
        final DoubleVector priceCoin = price.mul(invF);
        final DoubleVector deltaCoin = delta.sub(priceCoin);
        priceCoin.intoArray(oPriceCoin, i);
        w.mul(k).mul(tPos).mul(df).mul(c2).mul(0.01).intoArray(oRho, i);
        dfNd1.mul(d2).neg().mul(invVol).mul(0.01).intoArray(oVanna, i);
        vegaUnit.mul(d1).mul(d2).mul(invVol).mul(1e-4).intoArray(oVolga, i);
        rEff.mul(delta).add(dfNd1.mul(d2).mul(halfInvT)).mul(PER_DAY).intoArray(oCharm, i);
        gamma.neg().mul(invF).mul(one.add(d1.mul(invS))).intoArray(oSpeed, i);
        deltaCoin.intoArray(oDeltaCoin, i);
        gamma.sub(deltaCoin.mul(invF)).intoArray(oGammaCoin, i);
      }
    }
    if (i < to) {
      ScalarBatchPricer.price(in, out, i, to);
    }
  }
}
