package io.netgamma.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.instrument.OptionType;
import io.netgamma.core.math.Normal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The batch kernels against {@link Black76#priceAndGreeks}, against each other, at the limits, and on bad input.
 *
 * <p>Tolerance, field by field: |batch − reference| ≤ 1e-13·(|reference| + scale), where scale is the natural
 * size of the field for that option, discount factor included (df·F for the USD price, df for delta, df/F for
 * gamma, df·F·√t/100 for vega, ...; see {@link #scale}). The scale is the absolute floor: it matters only where
 * the value is far below its natural size (deep wings, d1 ≈ 0 in volga, 1 + d1/s ≈ 0 in speed).
 */
class BatchPricerTest {

  private static final double TOL = 1e-13;
  private static final String[] FIELDS = {"price", "priceCoin", "delta", "gamma", "vega", "theta", "rho", "vanna",
      "volga", "charm", "speed", "deltaCoin", "gammaCoin"};
  private static final int[] B76_INDEX = {Black76.PRICE, Black76.PRICE_COIN, Black76.DELTA, Black76.GAMMA,
      Black76.VEGA, Black76.THETA, Black76.RHO, Black76.VANNA, Black76.VOLGA, Black76.CHARM, Black76.SPEED,
      Black76.DELTA_COIN, Black76.GAMMA_COIN};

  static Stream<BatchPricer> pricers() {
    List<BatchPricer> list = new ArrayList<>();
    list.add(BatchPricers.scalar());
    if (BatchPricers.vectorAvailable()) {
      list.add(BatchPricers.vector());
    }
    return list.stream();
  }

  // --- the kernels and their loading ------------------------------------------------------------------------

  @Test
  void vectorKernelLoadsWhenTheModuleIsPresent() {
    boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    // The surefire configuration adds the module, so the SIMD kernel must be what best() returns here.
    assertThat(module).as("tests run with --add-modules jdk.incubator.vector").isTrue();
    assertThat(BatchPricers.vectorAvailable()).isTrue();
    assertThat(BatchPricers.best().name()).startsWith("vector-");
    assertThat(BatchPricers.vector()).isSameAs(BatchPricers.best());
    assertThat(BatchPricers.scalar().name()).isEqualTo("scalar");
  }

  // --- accuracy: the tolerance claim, field by field --------------------------------------------------------

  static Stream<Arguments> pricersAndSets() {
    return pricers().flatMap(p -> Stream.of(Arguments.of(p, "realistic"), Arguments.of(p, "extreme")));
  }

  @ParameterizedTest(name = "{0} on the {1} set")
  @MethodSource("pricersAndSets")
  void matchesBlack76OnEveryFieldIncludingLimits(BatchPricer pricer, String set) {
    OptionBatch in = set.equals("extreme") ? extremeBatch(40_003, 99L) : randomBatch(50_003, 20_240_927L);
    GreeksBatch out = GreeksBatch.allocate(in.size);
    // Three uneven pieces: unaligned starts and a scalar tail in every piece.
    pricer.priceAndGreeks(in, out, 0, 37);
    pricer.priceAndGreeks(in, out, 37, 30_001);
    pricer.priceAndGreeks(in, out, 30_001, in.size);

    double[] ref = new double[Black76.SIZE];
    double[] worst = new double[FIELDS.length];
    String[] where = new String[FIELDS.length];
    for (int i = 0; i < in.size; i++) {
      Black76.DEFAULT.priceAndGreeks(in.theta[i], in.forward[i], in.strike[i], in.t[i], in.vol[i], in.rate[i], ref);
      for (int f = 0; f < FIELDS.length; f++) {
        double expected = ref[B76_INDEX[f]];
        double actual = field(out, f, i);
        assertThat(actual).as("%s of option %d", FIELDS[f], i).isFinite();
        double err = Math.abs(actual - expected) / (Math.abs(expected) + scale(f, in, i));
        if (err > worst[f] || where[f] == null) {
          worst[f] = Math.max(err, worst[f]);
          where[f] = describe(in, i) + " expected " + expected + " got " + actual;
        }
      }
    }
    for (int f = 0; f < FIELDS.length; f++) {
      assertThat(worst[f]).as("%s (%s, %s set): worst relative error %s at %s", FIELDS[f], pricer.name(), set,
          worst[f], where[f]).isLessThanOrEqualTo(TOL);
    }
  }

  /**
   * Cody's far-tail interval (|d|/√2 &gt; 4) is evaluated by the SIMD kernel only for vectors that have such a lane:
   * vectors with no, one, alternate and all lanes in the tail (for one Φ, the other, or both), each lane against
   * Black76 to the same tolerance.
   */
  @ParameterizedTest
  @MethodSource("pricers")
  void farTailLanesMatchBlack76WhateverTheirNeighbours(BatchPricer pricer) {
    // per lane: ln(F/K) and σ√t; near the money (|d| < 1), one d in the tail, both d in the tail, d2 just past 4√2
    double[][] kinds = {{0.02, 0.5}, {-3.0, 0.45}, {4.0, 0.05}, {-1.2, 0.2}, {0.3, 0.6}, {-0.25, 0.02}};
    int lanes = 8;
    int patterns = 1 << lanes; // every subset of tail lanes in a vector of 8 (also covers 4-lane vectors)
    OptionBatch in = OptionBatch.allocate(patterns * lanes + 3);
    SplittableRandom rnd = new SplittableRandom(17L);
    for (int p = 0; p < patterns; p++) {
      for (int l = 0; l < lanes; l++) {
        double[] kind = ((p >> l) & 1) == 0 ? kinds[0] : kinds[1 + rnd.nextInt(kinds.length - 1)];
        double t = 0.25;
        double f = 100.0;
        in.set(p * lanes + l, rnd.nextBoolean() ? 1.0 : -1.0, f, f * Math.exp(-kind[0]), t, kind[1] / Math.sqrt(t),
            rnd.nextBoolean() ? 0.0 : 0.05);
      }
    }
    for (int i = patterns * lanes; i < in.size; i++) {
      in.set(i, 1.0, 100.0, 100.0 * Math.exp(3.0), 0.25, 0.9, 0.0); // scalar tail, in the far tail
    }
    GreeksBatch out = GreeksBatch.allocate(in.size);
    pricer.priceAndGreeks(in, out);
    double[] ref = new double[Black76.SIZE];
    int tailLanes = 0;
    for (int i = 0; i < in.size; i++) {
      Black76.DEFAULT.priceAndGreeks(in.theta[i], in.forward[i], in.strike[i], in.t[i], in.vol[i], in.rate[i], ref);
      double s = in.vol[i] * Math.sqrt(in.t[i]);
      double d1 = Math.log(in.forward[i] / in.strike[i]) / s + 0.5 * s;
      if (Math.max(Math.abs(d1), Math.abs(d1 - s)) > 4 * Math.sqrt(2)) {
        tailLanes++;
      }
      for (int f = 0; f < FIELDS.length; f++) {
        double expected = ref[B76_INDEX[f]];
        double actual = field(out, f, i);
        assertThat(Math.abs(actual - expected) / (Math.abs(expected) + scale(f, in, i)))
            .as("%s of %s: expected %s got %s", FIELDS[f], describe(in, i), expected, actual)
            .isLessThanOrEqualTo(TOL);
      }
    }
    assertThat(tailLanes).as("options with a d in the far tail").isGreaterThan(patterns * lanes / 3);
  }

  @Test
  void scalarAndVectorKernelsAgreeOnEveryField() {
    for (boolean extreme : new boolean[] {false, true}) {
      OptionBatch in = extreme ? extremeBatch(20_001, 7L) : randomBatch(20_001, 11L);
      GreeksBatch scalar = GreeksBatch.allocate(in.size);
      GreeksBatch vector = GreeksBatch.allocate(in.size);
      BatchPricers.scalar().priceAndGreeks(in, scalar);
      BatchPricers.vector().priceAndGreeks(in, vector);
      for (int f = 0; f < FIELDS.length; f++) {
        double worst = 0;
        int worstAt = 0;
        for (int i = 0; i < in.size; i++) {
          double s = field(scalar, f, i);
          double v = field(vector, f, i);
          assertThat(s).as("scalar %s of %s", FIELDS[f], describe(in, i)).isFinite();
          assertThat(v).as("vector %s of %s", FIELDS[f], describe(in, i)).isFinite();
          double err = Math.abs(s - v) / (Math.abs(s) + scale(f, in, i));
          if (err > worst) {
            worst = err;
            worstAt = i;
          }
        }
        assertThat(worst).as("%s, %s set: worst relative difference %s at %s: scalar %s vector %s", FIELDS[f],
                extreme ? "extreme" : "realistic", worst, describe(in, worstAt), field(scalar, f, worstAt),
                field(vector, f, worstAt))
            .isLessThanOrEqualTo(TOL);
      }
    }
  }

  /**
   * The cumulative normal of each kernel (the SIMD one has its own erfcx rational, the scalar one Cody's) against
   * {@link Normal#cdf} where its argument is exact: at the money (F = K, so ln(F/K) = 0) with t = 1, d1 = σ/2 and
   * d2 = −σ/2 exactly, so the call delta is Φ(σ/2) and the put delta −Φ(−σ/2), down to Φ(−37) ≈ 6e-300. Relative
   * tolerance 4e-15: a few ulps for either approximation, far below the kernels' 1e-13 agreement.
   */
  @ParameterizedTest
  @MethodSource("pricers")
  void cumulativeNormalIsAccurateToAFewUlpsOverTheWholeRange(BatchPricer pricer) {
    int n = 20_000;
    OptionBatch in = OptionBatch.allocate(2 * n);
    for (int i = 0; i < n; i++) {
      double vol = 74.0 * (i + 1) / n;
      in.set(2 * i, OptionType.CALL, 100.0, 100.0, 1.0, vol, 0.0);
      in.set(2 * i + 1, OptionType.PUT, 100.0, 100.0, 1.0, vol, 0.0);
    }
    GreeksBatch out = GreeksBatch.allocateBasic(2 * n);
    pricer.priceAndGreeks(in, out);
    double worst = 0;
    for (int i = 0; i < n; i++) {
      double half = 0.5 * in.vol[2 * i];
      double call = Normal.cdf(half);
      double put = -Normal.cdf(-half);
      worst = Math.max(worst, Math.abs(out.delta[2 * i] - call) / call);
      worst = Math.max(worst, Math.abs(out.delta[2 * i + 1] - put) / -put);
      assertThat(out.delta[2 * i]).as("call delta at vol %s", in.vol[2 * i]).isCloseTo(call, within(4e-15 * call));
      assertThat(out.delta[2 * i + 1]).as("put delta at vol %s", in.vol[2 * i]).isCloseTo(put, within(-4e-15 * put));
    }
    assertThat(worst).as("worst relative error of Φ").isLessThan(4e-15);
  }

  // --- limits -------------------------------------------------------------------------------------------------

  @ParameterizedTest
  @MethodSource("pricers")
  void limitsGiveFiniteResultsAndTheirLimitValues(BatchPricer pricer) {
    double day = 1.0 / 365.0;
    double[][] cases = {
        // theta, F, K, t, vol, rate
        {1, 100, 90, 0.0, 0.8, 0.05}, // expired exactly now: intrinsic 10
        {-1, 100, 90, 0.0, 0.8, 0.05}, // expired OTM put: 0
        {1, 100, 100, -0.5, 0.8, 0.05}, // expired long ago, at the money: 0, delta 1/2
        {-1, 100, 130, -day, 0.8, 0.0}, // expired ITM put: 30
        {1, 100, 90, 0.5, 0.0, 0.05}, // no vol: discounted intrinsic
        {-1, 100, 90, 0.5, 0.0, 0.05}, // no vol, OTM put: 0
        {-1, 100, 110, 0.5, 0.0, -0.02}, // no vol, ITM put, negative rate
        {1, 100, 100, 0.5, 0.0, 0.0}, // no vol, at the money: 0, delta 1/2
        {1, 100, 100, 1.0, 5.0, 0.0}, // vol 500%
        {-1, 100, 300, 2.0, 5.0, 0.03}, // vol 500%, 2 years, ITM put
        {1, 100, 100, day, 0.6, 0.0}, // 1 day
        {-1, 100, 99, day, 0.6, 0.0}, // 1 day
        {1, 100, 100, 1.0 / (365.0 * 86_400.0), 0.6, 0.0}, // 1 second
        {1, 100, 100 * Math.exp(-12), 0.25, 0.5, 0.0}, // deep ITM call
        {1, 100, 100 * Math.exp(3), 0.25, 0.5, 0.0}, // deep OTM call: d2 = -12.1, price tiny but > 0
        {-1, 100, 100 * Math.exp(-12), 0.25, 0.5, 0.0}, // deep OTM put
        {-1, 100, 100 * Math.exp(12), 0.25, 0.5, 0.0}, // deep ITM put
        {1, 100, 100 * Math.exp(40), 0.25, 0.5, 0.0}, // beyond the wing: price 0
        {1, 100, 100, 1e-12, 1e-9, 0.0}, // almost no time and almost no vol
    };
    int n = cases.length;
    OptionBatch in = OptionBatch.allocate(n);
    for (int i = 0; i < n; i++) {
      double[] c = cases[i];
      in.set(i, c[0], c[1], c[2], c[3], c[4], c[5]);
    }
    GreeksBatch out = GreeksBatch.allocate(n);
    pricer.priceAndGreeks(in, out);
    double[] ref = new double[Black76.SIZE];
    for (int i = 0; i < n; i++) {
      Black76.DEFAULT.priceAndGreeks(in.theta[i], in.forward[i], in.strike[i], in.t[i], in.vol[i], in.rate[i], ref);
      for (int f = 0; f < FIELDS.length; f++) {
        double expected = ref[B76_INDEX[f]];
        double actual = field(out, f, i);
        assertThat(actual).as("%s of %s", FIELDS[f], describe(in, i)).isFinite();
        assertThat(Math.abs(actual - expected)).as("%s of %s: %s vs Black76 %s", FIELDS[f], describe(in, i),
            actual, expected).isLessThanOrEqualTo(TOL * (Math.abs(expected) + scale(f, in, i)));
      }
    }
    // The limit values themselves.
    double df = Math.exp(-0.05 * 0.5);
    assertLimit(out, 0, 10.0, 1.0);
    assertLimit(out, 1, 0.0, 0.0);
    assertLimit(out, 2, 0.0, 0.5);
    assertLimit(out, 3, 30.0, -1.0);
    assertLimit(out, 4, df * 10.0, df);
    assertLimit(out, 5, 0.0, 0.0);
    assertLimit(out, 6, Math.exp(0.02 * 0.5) * 10.0, -Math.exp(0.02 * 0.5));
    assertLimit(out, 7, 0.0, 0.5);
    // carry of the discounted intrinsic
    assertThat(out.theta[4]).isCloseTo(0.05 * out.price[4] / 365.0, within(1e-15 * out.price[4]));
    assertThat(Math.abs(out.theta[0])).as("expired: nothing left to decay").isZero();
    assertThat(out.price[14]).isPositive().isLessThan(1e-30); // far wing: tiny, not 0, not negative
    assertThat(out.price[17]).isZero();
    assertThat(out.price[8]).isCloseTo(100 * Normal.erf(2.5 / Math.sqrt(2)), within(1e-11));
  }

  @ParameterizedTest
  @MethodSource("pricers")
  void timeValueBelowTheDoubleRangeIsTheNoVolatilityLimit(BatchPricer pricer) {
    double[][] cases = {
        // theta, F, K, t, vol, rate: sigma·sqrt(t) or t below 1e-100, where 1/s and 1/t would overflow
        {1, 100, 100, 1e-320, 1.0, 0.0}, // subnormal t
        {-1, 100, 90, 1e-320, 1e200, 0.05}, // subnormal t, absurd vol
        {1, 100, 90, 1.0, 1e-200, 0.05}, // vol far below anything
        {-1, 100, 110, 1e-250, 1e50, 0.0}, // sigma·sqrt(t) = 1e-75 but t < 1e-100
        {1, 100, 100, 1e-150, 1e-60, 0.0}, // sigma·sqrt(t) = 1e-135
    };
    int n = cases.length;
    OptionBatch in = OptionBatch.allocate(n);
    OptionBatch noVol = OptionBatch.allocate(n);
    for (int i = 0; i < n; i++) {
      double[] c = cases[i];
      in.set(i, c[0], c[1], c[2], c[3], c[4], c[5]);
      noVol.set(i, c[0], c[1], c[2], c[3], 0.0, c[5]);
    }
    GreeksBatch out = GreeksBatch.allocate(n);
    GreeksBatch limit = GreeksBatch.allocate(n);
    pricer.priceAndGreeks(in, out);
    pricer.priceAndGreeks(noVol, limit);
    double[] ref = new double[Black76.SIZE];
    for (int i = 0; i < n; i++) {
      Black76.DEFAULT.priceAndGreeks(noVol.theta[i], noVol.forward[i], noVol.strike[i], noVol.t[i], 0.0,
          noVol.rate[i], ref);
      for (int f = 0; f < FIELDS.length; f++) {
        assertThat(field(out, f, i)).as("%s of %s", FIELDS[f], describe(in, i)).isFinite()
            .isEqualTo(field(limit, f, i));
        assertThat(field(limit, f, i)).as("%s of the zero-vol limit of %s", FIELDS[f], describe(in, i))
            .isCloseTo(ref[B76_INDEX[f]], within(1e-13 * Math.abs(ref[B76_INDEX[f]])));
      }
    }
  }

  private static void assertLimit(GreeksBatch out, int i, double price, double delta) {
    assertThat(out.price[i]).as("price of case %d", i).isCloseTo(price, within(1e-13 * Math.max(1, price)));
    assertThat(out.delta[i]).as("delta of case %d", i).isCloseTo(delta, within(0.0));
    for (double[] a : new double[][] {out.gamma, out.vega, out.vanna, out.volga, out.speed}) {
      assertThat(a[i]).as("second-order and vol greeks of case %d", i).isCloseTo(0.0, within(0.0));
    }
  }

  // --- ranges, outputs, records -------------------------------------------------------------------------------

  @ParameterizedTest
  @MethodSource("pricers")
  void pricesOnlyTheRangeAsked(BatchPricer pricer) {
    OptionBatch in = randomBatch(64, 3L);
    GreeksBatch out = GreeksBatch.allocate(64);
    for (int f = 0; f < FIELDS.length; f++) {
      Arrays.fill(array(out, f), -7.0);
    }
    pricer.priceAndGreeks(in, out, 5, 29);
    GreeksBatch all = GreeksBatch.allocate(64);
    BatchPricers.scalar().priceAndGreeks(in, all);
    for (int f = 0; f < FIELDS.length; f++) {
      for (int i = 0; i < 64; i++) {
        if (i >= 5 && i < 29) {
          // Not bit-equality: the vector kernel runs the Java fallback until C2 compiles it, and the two agree to
          // TOL, not to the bit (library LOG/EXP last ulps).
          assertThat(field(out, f, i)).as("%s[%d]", FIELDS[f], i)
              .isCloseTo(field(all, f, i), within(TOL * (Math.abs(field(all, f, i)) + scale(f, in, i))));
        } else {
          assertThat(field(out, f, i)).as("%s[%d] outside the range", FIELDS[f], i).isEqualTo(-7.0);
        }
      }
    }
    assertThatThrownBy(() -> pricer.priceAndGreeks(in, out, 10, 65)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("[10, 65)");
    assertThatThrownBy(() -> pricer.priceAndGreeks(in, out, 10, 9)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> pricer.priceAndGreeks(in, GreeksBatch.allocate(20), 0, 64))
        .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("size 20");
    pricer.priceAndGreeks(in, out, 7, 7); // empty range: nothing to do
  }

  @ParameterizedTest
  @MethodSource("pricers")
  void basicBatchHoldsTheFiveMeasuresWithTheSameValues(BatchPricer pricer) {
    OptionBatch in = randomBatch(1_001, 5L);
    GreeksBatch full = GreeksBatch.allocate(in.size);
    GreeksBatch basic = GreeksBatch.allocateBasic(in.size);
    pricer.priceAndGreeks(in, full);
    pricer.priceAndGreeks(in, basic);
    assertThat(basic.full).isFalse();
    // Same kernel, so the same values up to the JIT state of each call (see pricesOnlyTheRangeAsked).
    String[] five = {"price", "delta", "gamma", "vega", "theta"};
    for (String name : five) {
      int f = Arrays.asList(FIELDS).indexOf(name);
      for (int i = 0; i < in.size; i++) {
        assertThat(field(basic, f, i)).as("%s[%d]", name, i)
            .isCloseTo(field(full, f, i), within(TOL * (Math.abs(field(full, f, i)) + scale(f, in, i))));
      }
    }
    assertThat(Arrays.asList(basic.priceCoin, basic.rho, basic.vanna, basic.volga, basic.charm, basic.speed,
        basic.deltaCoin, basic.gammaCoin)).containsOnlyNulls();
    assertThatThrownBy(() -> basic.get(0)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void getReturnsTheRecordOfBlack76() {
    OptionBatch in = OptionBatch.allocate(3)
        .set(0, OptionType.CALL, 65_000, 70_000, 30 / 365.0, 0.55, 0.0)
        .set(1, OptionType.PUT, 65_000, 60_000, 30 / 365.0, 0.62, 0.0)
        .set(2, OptionType.PUT, 3_000, 3_000, 2 / 365.0, 0.8, 0.01);
    GreeksBatch out = GreeksBatch.allocate(3);
    BatchPricers.best().priceAndGreeks(in, out);
    OptionGreeks g = out.get(1);
    OptionGreeks ref = Black76.DEFAULT.greeks(OptionType.PUT, 65_000, 60_000, 30 / 365.0, 0.62, 0.0);
    double[] a = {g.priceUsd(), g.priceCoin(), g.delta(), g.gamma(), g.vega(), g.theta(), g.rho(), g.vanna(),
        g.volga(), g.charm(), g.speed(), g.deltaCoin(), g.gammaCoin()};
    double[] b = {ref.priceUsd(), ref.priceCoin(), ref.delta(), ref.gamma(), ref.vega(), ref.theta(), ref.rho(),
        ref.vanna(), ref.volga(), ref.charm(), ref.speed(), ref.deltaCoin(), ref.gammaCoin()};
    for (int f = 0; f < a.length; f++) {
      assertThat(a[f]).as(FIELDS[f]).isCloseTo(b[f], within(1e-13 * Math.abs(b[f]) + 1e-300));
    }
    assertThat(g.priceUsd()).isEqualTo(out.price[1]);
    assertThat(out.get(2).priceCoin()).isEqualTo(out.priceCoin[2]);
  }

  // --- bad input ------------------------------------------------------------------------------------------------

  @Test
  void validateNamesIndexFieldAndValue() {
    OptionBatch in = OptionBatch.allocate(4);
    for (int i = 0; i < 4; i++) {
      in.set(i, 1.0, 100, 100, 0.5, 0.6, 0.0);
    }
    in.validate();
    assertBad(in, 2, () -> in.forward[2] = 0.0, "forward must be finite and > 0, got 0.0");
    assertBad(in, 1, () -> in.strike[1] = Double.POSITIVE_INFINITY, "strike must be finite and > 0, got Infinity");
    assertBad(in, 3, () -> in.t[3] = Double.NaN, "t (years to expiry) must be finite, got NaN");
    assertBad(in, 0, () -> in.vol[0] = -0.1, "vol must be finite and >= 0, got -0.1");
    assertBad(in, 2, () -> in.rate[2] = Double.NEGATIVE_INFINITY, "rate must be finite, got -Infinity");
    assertBad(in, 1, () -> in.theta[1] = 0.0, "theta must be +1 (call) or -1 (put), got 0.0");
    assertThatThrownBy(() -> in.validate(2, 5)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> OptionBatch.of(5, new double[5], new double[5], new double[4], new double[5],
        new double[5], new double[5])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("array #2").hasMessageContaining("length 4");
  }

  private static void assertBad(OptionBatch in, int index, Runnable spoil, String message) {
    OptionBatch copy = OptionBatch.of(in.size, in.forward.clone(), in.strike.clone(), in.t.clone(), in.vol.clone(),
        in.rate.clone(), in.theta.clone());
    spoil.run();
    try {
      assertThatThrownBy(in::validate).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("option batch index " + index + ": " + message);
    } finally {
      System.arraycopy(copy.forward, 0, in.forward, 0, in.size);
      System.arraycopy(copy.strike, 0, in.strike, 0, in.size);
      System.arraycopy(copy.t, 0, in.t, 0, in.size);
      System.arraycopy(copy.vol, 0, in.vol, 0, in.size);
      System.arraycopy(copy.rate, 0, in.rate, 0, in.size);
      System.arraycopy(copy.theta, 0, in.theta, 0, in.size);
    }
  }

  @ParameterizedTest
  @MethodSource("pricers")
  void pricersRejectBadInputNamingTheFirstBadIndex(BatchPricer pricer) {
    // Bad options inside a full vector and in the scalar tail, each field once.
    int n = 37;
    for (int bad : new int[] {0, 13, 36}) {
      for (int field = 0; field < 6; field++) {
        OptionBatch in = randomBatch(n, 17L);
        double value = switch (field) {
          case 0 -> in.forward[bad] = -1.0;
          case 1 -> in.strike[bad] = Double.NaN;
          case 2 -> in.t[bad] = Double.POSITIVE_INFINITY;
          case 3 -> in.vol[bad] = Double.NaN;
          case 4 -> in.rate[bad] = Double.NaN;
          default -> in.theta[bad] = 2.0;
        };
        String name = new String[] {"forward", "strike", "t (years", "vol", "rate", "theta"}[field];
        assertThatThrownBy(() -> pricer.priceAndGreeks(in, GreeksBatch.allocate(n)))
            .as("%s bad at %d", name, bad)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("option batch index " + bad + ": " + name)
            .hasMessageEndingWith("got " + value);
        // A range that excludes the bad option prices fine.
        if (bad > 0) {
          pricer.priceAndGreeks(in, GreeksBatch.allocate(n), 0, bad);
        }
      }
    }
  }

  @Test
  void coreRunsWithoutTheVectorModuleAndSaysWhatIsMissing() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        NoVectorModuleProbe.class.getName()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("exit value of the probe, output: %s", output).isZero();
    assertThat(output).contains("available=false", "best=scalar",
        "vector=the SIMD batch kernel needs the Vector API: start the JVM with --add-modules jdk.incubator.vector");
    double price = Double.parseDouble(output.substring(output.indexOf("price=") + 6).trim());
    double expected = Black76.DEFAULT.price(OptionType.CALL, 100, 110, 0.5, 0.7);
    assertThat(price).isCloseTo(expected, within(1e-13 * 100));
  }

  /** Run in a JVM without {@code --add-modules jdk.incubator.vector} by the test above. */
  static final class NoVectorModuleProbe {
    public static void main(String[] args) {
      System.out.println("available=" + BatchPricers.vectorAvailable());
      System.out.println("best=" + BatchPricers.best().name());
      try {
        System.out.println("vector=" + BatchPricers.vector().name());
      } catch (IllegalStateException e) {
        System.out.println("vector=" + e.getMessage());
      }
      OptionBatch in = OptionBatch.allocate(1).set(0, OptionType.CALL, 100, 110, 0.5, 0.7, 0.0);
      GreeksBatch out = GreeksBatch.allocate(1);
      BatchPricers.best().priceAndGreeks(in, out);
      System.out.println("price=" + out.price[0]);
    }
  }

  // --- inputs ---------------------------------------------------------------------------------------------------

  /**
   * Seeded options covering realistic books and every limit: F 50–150 (10%: 1e-3..1e7), K within ±30% (50%),
   * deep ITM/OTM up to e^±5 (20%) or exactly at the money (5%); t: expired now (5%), expired earlier (5%), 1 day
   * (10%), 1 hour (5%), 1 second (3%), 10 years (2%), else 1 day..3 years; σ: 0 (5%), 500% (5%), 1e-6 (2%), else
   * 5%..250%; rate 0 (70%) or −5%..15%; calls and puts.
   */
  static OptionBatch randomBatch(int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    OptionBatch in = OptionBatch.allocate(n);
    for (int i = 0; i < n; i++) {
      double f = rnd.nextDouble() < 0.1 ? Math.exp(rnd.nextDouble(Math.log(1e-3), Math.log(1e7)))
          : rnd.nextDouble(50, 150);
      double u = rnd.nextDouble();
      double k;
      if (u < 0.5) {
        k = f * rnd.nextDouble(0.7, 1.3);
      } else if (u < 0.7) {
        k = f * Math.exp((rnd.nextBoolean() ? 1 : -1) * rnd.nextDouble(1, 5));
      } else if (u < 0.75) {
        k = f;
      } else {
        k = f * Math.exp(rnd.nextDouble(-1.6, 1.6));
      }
      u = rnd.nextDouble();
      double t;
      if (u < 0.05) {
        t = 0;
      } else if (u < 0.1) {
        t = -rnd.nextDouble(1e-6, 1);
      } else if (u < 0.2) {
        t = 1 / 365.0;
      } else if (u < 0.25) {
        t = 1 / 365.0 / 24;
      } else if (u < 0.28) {
        t = 1 / (365.0 * 86_400);
      } else if (u < 0.3) {
        t = 10;
      } else {
        t = rnd.nextDouble(1 / 365.0, 3);
      }
      u = rnd.nextDouble();
      double vol;
      if (u < 0.05) {
        vol = 0;
      } else if (u < 0.1) {
        vol = 5;
      } else if (u < 0.12) {
        vol = 1e-6;
      } else {
        vol = rnd.nextDouble(0.05, 2.5);
      }
      double r = rnd.nextDouble() < 0.7 ? 0 : rnd.nextDouble(-0.05, 0.15);
      in.set(i, rnd.nextBoolean() ? 1.0 : -1.0, f, k, t, vol, r);
    }
    return in;
  }

  /** Far outside any book: F 1e-8..1e12, K/F up to e^±40, t −1..30 years or down to 1e-15, σ 0..50, r ±50%. */
  static OptionBatch extremeBatch(int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    OptionBatch in = OptionBatch.allocate(n);
    for (int i = 0; i < n; i++) {
      double f = Math.exp(rnd.nextDouble(Math.log(1e-8), Math.log(1e12)));
      double k = f * Math.exp(rnd.nextDouble(-40, 40) * (rnd.nextBoolean() ? 1 : rnd.nextDouble()));
      double t = rnd.nextDouble() < 0.3 ? Math.exp(rnd.nextDouble(Math.log(1e-15), 0)) : rnd.nextDouble(-1, 30);
      double vol = rnd.nextDouble() < 0.3 ? Math.exp(rnd.nextDouble(Math.log(1e-12), Math.log(50)))
          : rnd.nextDouble(0, 10);
      double r = rnd.nextDouble() < 0.5 ? 0 : rnd.nextDouble(-0.5, 0.5);
      in.set(i, rnd.nextBoolean() ? 1.0 : -1.0, f, k, t, vol, r);
    }
    return in;
  }

  /**
   * Natural size of field {@code f} for option {@code i}, the absolute floor of the tolerance (see the class
   * javadoc): the size the field has when its formula's terms do not cancel.
   */
  static double scale(int f, OptionBatch in, int i) {
    double fwd = in.forward[i];
    double tp = Math.max(in.t[i], 0);
    double vol = in.vol[i];
    double r = Math.abs(in.rate[i]);
    double df = Math.exp(-in.rate[i] * tp);
    double s = vol * Math.sqrt(tp);
    boolean live = s > 0;
    double natural = switch (f) {
      case 0 -> fwd; // price, USD
      case 1, 2, 11 -> 1; // priceCoin, delta, deltaCoin
      case 3, 12 -> 1 / fwd; // gamma, gammaCoin
      case 4 -> fwd * Math.sqrt(tp) / 100; // vega per vol point
      case 5 -> fwd * (r + (tp > 0 ? vol / Math.sqrt(tp) : 0)) / 365; // theta per day
      case 6 -> in.strike[i] * tp / 100; // rho per 1%
      case 7 -> live ? 0.01 / vol : 0; // vanna: phi(d1) d2 / vol / 100
      case 8 -> live ? fwd * Math.sqrt(tp) * (1 + s) / vol / 1e4 : 0; // volga: vega d1 d2 / vol / 100
      case 9 -> (r + (live ? (1 + s) / (2 * tp) : 0)) / 365; // charm per day
      case 10 -> live ? (1 + 1 / s) / (fwd * fwd * s) : 0; // speed: -gamma/F (1 + d1/s)
      default -> throw new IllegalArgumentException("field " + f);
    };
    return df * natural; // every measure is discounted
  }

  static double field(GreeksBatch g, int f, int i) {
    return array(g, f)[i];
  }

  static double[] array(GreeksBatch g, int f) {
    return switch (f) {
      case 0 -> g.price;
      case 1 -> g.priceCoin;
      case 2 -> g.delta;
      case 3 -> g.gamma;
      case 4 -> g.vega;
      case 5 -> g.theta;
      case 6 -> g.rho;
      case 7 -> g.vanna;
      case 8 -> g.volga;
      case 9 -> g.charm;
      case 10 -> g.speed;
      case 11 -> g.deltaCoin;
      case 12 -> g.gammaCoin;
      default -> throw new IllegalArgumentException("field " + f);
    };
  }

  static String describe(OptionBatch in, int i) {
    return "option " + i + " (theta " + in.theta[i] + ", F " + in.forward[i] + ", K " + in.strike[i] + ", t "
        + in.t[i] + ", vol " + in.vol[i] + ", rate " + in.rate[i] + ")";
  }
}
