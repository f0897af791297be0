package io.netgamma.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tests of {@link LetsBeRational}: the normalised Black function against an independent 70-digit reference, the
 * price identities, a textbook example, and the implied volatility round trip over a wide grid.
 *
 * <p>Error bounds of the round trip are stated relative to the conditioning of the problem, with ε = 2^-53 and
 * κ = σ·∂P/∂σ / P (the relative sensitivity of the price to the volatility): a price given to full double
 * precision determines σ only to ε/κ, and a volatility given to full precision determines the price only to
 * ε·κ. Far in the wings κ reaches 1000 and more, so no double-precision volatility reproduces such a price to
 * 1e-14; where κ &ge; 1 the volatility comes back to 1e-14 and better.
 */
class LetsBeRationalTest {

  private static final double EPS = 0x1p-53;
  /** 4√2: below -4√2 both Y arguments are in Cody's tail interval. */
  private static final double CODY_TAIL_Z = 5.656854249492380;

  // ----------------------------------------------------------------------------------------------------------
  // Normalised Black function
  // ----------------------------------------------------------------------------------------------------------

  @Test
  void normalisedBlackMatchesAnIndependentHighPrecisionReference() {
    SplittableRandom random = new SplittableRandom(20240611L);
    int checked = 0;
    List<String> failures = new ArrayList<>();
    while (checked < 400) {
      double h = switch (random.nextInt(4)) {
        case 0 -> -random.nextDouble(1.0);
        case 1 -> -random.nextDouble(12.0);
        case 2 -> -8.0 - random.nextDouble(30.0);
        default -> -Math.pow(10.0, -8.0 + 8.0 * random.nextDouble());
      };
      double t = switch (random.nextInt(4)) {
        case 0 -> Math.pow(10.0, -7.0 + 8.5 * random.nextDouble());
        case 1 -> random.nextDouble(0.3);
        case 2 -> 0.1 + random.nextDouble(3.0);
        default -> random.nextDouble(25.0);
      };
      if (t <= 0) {
        continue;
      }
      double s = 2.0 * t;
      double x = h * s;
      boolean put = random.nextBoolean();
      boolean inTheMoney = random.nextInt(4) == 0;
      double signedX = (put ^ inTheMoney) ? -x : x; // an out-of-the-money put has x > 0
      double theta = put ? -1.0 : 1.0;
      double expected = Reference.normalisedBlack(signedX, s, theta);
      if (expected < 1e-300) {
        continue;
      }
      double actual = LetsBeRational.normalisedBlack(signedX, s, theta);
      double tolerance = inDifferenceOfErfcxRegion(h, t) ? 8e-15 : 2e-15;
      double error = Math.abs(actual - expected) / expected;
      if (!(error <= tolerance)) {
        failures.add("x=" + signedX + " s=" + s + " theta=" + theta + ": " + actual + " vs " + expected
            + " (relative error " + error + ")");
      }
      checked++;
    }
    assertThat(failures).isEmpty();
  }

  /**
   * The region where b is the difference of two Mills ratios that cancel up to 50-fold (paper §3.3), with
   * Cody's erfcx accurate to about 2 ulp; there the documented accuracy is 8e-15, elsewhere 2e-15.
   */
  private static boolean inDifferenceOfErfcxRegion(double h, double t) {
    boolean smallT = t < 0.21 && -h * t < 2.1;
    return !smallT && h + t >= -CODY_TAIL_Z && h + t <= 0.85;
  }

  @ParameterizedTest
  @CsvSource({
      "0.0, 1e-12", "0.0, 1e-4", "0.0, 0.3", "0.0, 2.0", "0.0, 30.0",
      "-1e-10, 1e-9", "-0.05, 0.01", "-1.0, 0.05", "-3.0, 0.2", "-8.0, 0.5", "-20.0, 1.0", "-50.0, 3.0",
      "-1.0, 40.0", "-700.0, 60.0"})
  void normalisedBlackIsAccurateInTheCornersOfItsDomain(double x, double s) {
    double expected = Reference.normalisedBlack(x, s, 1.0);
    assertThat(LetsBeRational.normalisedBlack(x, s, 1.0)).isCloseTo(expected, within(8e-15 * expected));
  }

  @Test
  void normalisedBlackLimits() {
    assertThat(LetsBeRational.normalisedBlack(-0.3, 0.0, 1.0)).isZero();
    assertThat(LetsBeRational.normalisedBlack(0.3, 0.0, 1.0)).isEqualTo(2.0 * Math.sinh(0.15));
    assertThat(LetsBeRational.normalisedBlack(0.3, 0.0, -1.0)).isZero();
    assertThat(LetsBeRational.normalisedBlack(-0.3, Double.POSITIVE_INFINITY, 1.0)).isEqualTo(Math.exp(-0.15));
    assertThat(LetsBeRational.normalisedBlack(-0.3, Double.POSITIVE_INFINITY, -1.0)).isEqualTo(Math.exp(0.15));
    // beyond h = -40 the price is below the smallest double
    assertThat(LetsBeRational.normalisedBlack(-100.0, 2.0, 1.0)).isZero();
  }

  @Test
  void putCallParityHolds() {
    SplittableRandom random = new SplittableRandom(7L);
    for (int i = 0; i < 2000; i++) {
      double x = random.nextDouble(-5.0, 5.0);
      double s = Math.pow(10.0, random.nextDouble(-4.0, 1.0));
      double call = LetsBeRational.normalisedBlack(x, s, 1.0);
      double put = LetsBeRational.normalisedBlack(x, s, -1.0);
      double forwardMinusStrike = 2.0 * Math.sinh(0.5 * x); // (F - K)/√(FK)
      assertThat(call - put).as("x=%s s=%s", x, s)
          .isCloseTo(forwardMinusStrike, within(4 * EPS * Math.max(call, put)));
    }
  }

  @Test
  void putEqualsCallAtOppositeLogMoneyness() {
    // b(x, s, -1) = b(-x, s, +1) (paper eq. 2.4): the put is the call with forward and strike exchanged
    SplittableRandom random = new SplittableRandom(8L);
    for (int i = 0; i < 1000; i++) {
      double x = random.nextDouble(-20.0, 20.0);
      double s = Math.pow(10.0, random.nextDouble(-4.0, 1.5));
      assertThat(LetsBeRational.normalisedBlack(x, s, -1.0)).isEqualTo(LetsBeRational.normalisedBlack(-x, s, 1.0));
    }
  }

  // ----------------------------------------------------------------------------------------------------------
  // Black price
  // ----------------------------------------------------------------------------------------------------------

  @Test
  void hullTextbookExample() {
    // Hull, Options, Futures and Other Derivatives, example 15.6: S = 42, K = 40, r = 10%, σ = 20%, T = 0.5
    // gives c = 4.76, p = 0.81. Black-76 is undiscounted on the forward F = S·e^{rT}; discount ourselves.
    double df = Math.exp(-0.1 * 0.5);
    double forward = 42.0 / df;
    double call = df * LetsBeRational.blackPrice(forward, 40.0, 0.5, 0.2, 1.0);
    double put = df * LetsBeRational.blackPrice(forward, 40.0, 0.5, 0.2, -1.0);
    assertThat(call).isCloseTo(4.76, within(0.005));
    assertThat(put).isCloseTo(0.81, within(0.005));
    // the same to 20 digits (mpmath, 50-digit Black-Scholes): 4.7594223928715332196 and 0.80859937290009358326
    assertThat(call).isCloseTo(4.7594223928715332196, within(1e-14 * 4.76));
    assertThat(put).isCloseTo(0.80859937290009358326, within(1e-14 * 4.76));
  }

  @Test
  void blackPriceAgreesWithTheReferenceFarInTheWings() {
    // a 7-day BTC call 3.3x out of the money at 50% volatility: h = ln(F/K)/(σ√T) = -17.9
    double forward = 60000.0;
    double strike = 200000.0;
    double t = 7.0 / 365.0;
    double vol = 0.5;
    double price = LetsBeRational.blackPrice(forward, strike, t, vol, 1.0);
    double x = Math.log(forward / strike);
    double s = vol * Math.sqrt(t);
    double expected = Math.sqrt(forward) * Math.sqrt(strike) * Reference.normalisedBlack(x, s, 1.0);
    assertThat(expected).isLessThan(1e-60).isGreaterThan(1e-100);
    assertThat(price).isCloseTo(expected, within(4e-15 * expected));
    // and the in-the-money put is the intrinsic value plus the same time value
    double put = LetsBeRational.blackPrice(forward, strike, t, vol, -1.0);
    assertThat(put).isEqualTo((strike - forward) + price);
  }

  @Test
  void blackPriceLimits() {
    assertThat(LetsBeRational.blackPrice(120.0, 100.0, 0.0, 0.5, 1.0)).isEqualTo(20.0);
    assertThat(LetsBeRational.blackPrice(120.0, 100.0, -1.0, 0.5, -1.0)).isZero();
    assertThat(LetsBeRational.blackPrice(80.0, 100.0, 1.0, 0.0, -1.0)).isEqualTo(20.0);
    // infinite volatility: the upper bounds F (call) and K (put), up to the rounding of √F·√K·e^{x/2}
    assertThat(LetsBeRational.blackPrice(80.0, 100.0, 1.0, Double.POSITIVE_INFINITY, 1.0))
        .isCloseTo(80.0, within(4 * Math.ulp(80.0)));
    assertThat(LetsBeRational.blackPrice(80.0, 100.0, 1.0, Double.POSITIVE_INFINITY, -1.0))
        .isCloseTo(100.0, within(4 * Math.ulp(100.0)));
    assertThat(LetsBeRational.blackPrice(1e300, 1e-300, 1.0, 0.5, 1.0)).isEqualTo(1e300);
    assertThat(LetsBeRational.blackPrice(1e-300, 1e300, 1.0, 0.5, 1.0)).isZero();
  }

  @Test
  void blackPriceRejectsInvalidInput() {
    assertThatThrownBy(() -> LetsBeRational.blackPrice(0.0, 100.0, 1.0, 0.5, 1.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("forward 0.0");
    assertThatThrownBy(() -> LetsBeRational.blackPrice(100.0, Double.NaN, 1.0, 0.5, 1.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strike NaN");
    assertThatThrownBy(() -> LetsBeRational.blackPrice(100.0, 100.0, 1.0, -0.5, 1.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vol -0.5");
    assertThatThrownBy(() -> LetsBeRational.blackPrice(100.0, 100.0, Double.NaN, 0.5, 1.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("t NaN");
    assertThatThrownBy(() -> LetsBeRational.blackPrice(100.0, 100.0, 1.0, 0.5, 0.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("theta 0.0");
  }

  // ----------------------------------------------------------------------------------------------------------
  // Implied volatility
  // ----------------------------------------------------------------------------------------------------------

  @Test
  void roundTripOverAWideGrid() {
    double[] times = {1.0 / 365, 2.0 / 365, 7.0 / 365, 30.0 / 365, 0.25, 1.0, 2.0, 5.0};
    double[] vols = {0.01, 0.03, 0.1, 0.3, 0.65, 1.0, 2.0, 5.0};
    double[] moneyness = {0, 1e-6, 0.01, 0.1, 0.3, 0.5, 1, 1.5, 2, 3, 4, 6, 8, 12, 16, 20, 25, 30, 35};
    RoundTrip stats = new RoundTrip();
    for (double forward : new double[] {1.0, 60000.0}) {
      for (double t : times) {
        for (double vol : vols) {
          double s = vol * Math.sqrt(t);
          for (double m : moneyness) {
            for (double sign : new double[] {-1.0, 1.0}) {
              double strike = forward * Math.exp(-sign * m * s); // x = ln(F/K) = ±m·s
              stats.check(forward, strike, t, vol, 1.0);
              stats.check(forward, strike, t, vol, -1.0);
            }
          }
        }
      }
    }
    stats.assertAllPassed(7000);
  }

  @Test
  void roundTripOnRandomInputs() {
    SplittableRandom random = new SplittableRandom(42L);
    RoundTrip stats = new RoundTrip();
    for (int i = 0; i < 100_000; i++) {
      double t = Math.exp(Math.log(1.0 / 365) + random.nextDouble() * Math.log(5 * 365.0));
      double vol = Math.exp(Math.log(0.01) + random.nextDouble() * Math.log(500.0));
      double forward = 100.0 * Math.exp(random.nextDouble(-3.0, 3.0));
      double x = random.nextDouble(-38.0, 38.0) * vol * Math.sqrt(t)
          * (random.nextBoolean() ? 1.0 : random.nextDouble());
      stats.check(forward, forward * Math.exp(-x), t, vol, random.nextBoolean() ? 1.0 : -1.0);
    }
    stats.assertAllPassed(50_000);
  }

  /** Price → implied volatility → price, with the bounds of the class comment (ε = 2^-53, κ = σ·∂P/∂σ/P). */
  private static final class RoundTrip {
    private final List<String> failures = new ArrayList<>();
    private int checked;

    void check(double forward, double strike, double t, double vol, double theta) {
      double price = LetsBeRational.blackPrice(forward, strike, t, vol, theta);
      double intrinsic = Math.max(theta * (forward - strike), 0.0);
      double sqrtFk = Math.sqrt(forward) * Math.sqrt(strike);
      double maximum = theta > 0 ? forward : strike;
      // the brief's domain: the option's time value still above ~1e-250 of √(FK), and below its upper bound
      if (!((price - intrinsic) / sqrtFk > 1e-250) || !(price > 1e-300) || !(price < maximum)) {
        return;
      }
      checked++;
      double implied = LetsBeRational.impliedVolatility(price, forward, strike, t, theta);
      double x = Math.log(forward / strike);
      double s = vol * Math.sqrt(t);
      double sensitivity = sqrtFk * LetsBeRational.normalisedVega(x, s) * s; // σ·∂P/∂σ
      double volError = Math.abs(implied - vol) / vol;
      String where = "F=" + forward + " K=" + strike + " t=" + t + " vol=" + vol + " theta=" + theta + " price="
          + price + " implied=" + implied;
      if (!(volError <= 16 * EPS * (1.0 + price / sensitivity))) {
        failures.add("vol error " + volError + " at " + where);
        return;
      }
      if (price <= sensitivity && !(volError <= 1e-14)) {
        failures.add("well-conditioned vol error " + volError + " at " + where);
      }
      double repriced = LetsBeRational.blackPrice(forward, strike, t, implied, theta);
      if (!(Math.abs(repriced - price) <= 16 * EPS * (price + sensitivity))) {
        failures.add("price error " + Math.abs(repriced - price) / price + " at " + where);
      }
    }

    void assertAllPassed(int minimumChecked) {
      assertThat(failures).isEmpty();
      assertThat(checked).isGreaterThanOrEqualTo(minimumChecked);
    }
  }

  @Test
  void callAndPutOfTheSameOptionImplyTheSameVolatility() {
    double forward = 60000.0;
    double t = 30.0 / 365.0;
    for (double strike : new double[] {30000, 50000, 59000, 60000, 61000, 80000, 120000}) {
      double call = LetsBeRational.blackPrice(forward, strike, t, 0.65, 1.0);
      double put = call - (forward - strike); // put-call parity, undiscounted
      double fromCall = LetsBeRational.impliedVolatility(call, forward, strike, t, 1.0);
      double fromPut = LetsBeRational.impliedVolatility(put, forward, strike, t, -1.0);
      double s = 0.65 * Math.sqrt(t);
      double sensitivity =
          Math.sqrt(forward * strike) * LetsBeRational.normalisedVega(Math.log(forward / strike), s) * s;
      assertThat(fromCall).isCloseTo(0.65, within(0.65 * 16 * EPS * (1.0 + call / sensitivity)));
      // the parity put carries the rounding of F - K and of the call: a few ulps of max(call, put) in price
      assertThat(fromPut).isCloseTo(0.65, within(0.65 * 16 * EPS * (1.0 + Math.max(call, put) / sensitivity)));
      if (strike >= 59000 && strike <= 61000) {
        assertThat(fromCall).isCloseTo(0.65, within(1e-15)); // at the money: well conditioned both ways
        assertThat(fromPut).isCloseTo(0.65, within(1e-15));
      }
    }
  }

  @Test
  void impliedVolatilityIsHomogeneousInPriceForwardAndStrike() {
    double vol = LetsBeRational.impliedVolatility(7.5, 100.0, 110.0, 0.5, 1.0);
    double scaled = LetsBeRational.impliedVolatility(7.5 * 60000, 100.0 * 60000, 110.0 * 60000, 0.5, 1.0);
    assertThat(scaled).isCloseTo(vol, within(4 * EPS * vol));
  }

  @Test
  void noSolutionCodes() {
    // call F = 120, K = 100: intrinsic 20, maximum 120
    assertThat(LetsBeRational.impliedVolatility(12.5, 120.0, 100.0, 1.0, 1.0))
        .isEqualTo(LetsBeRational.BELOW_INTRINSIC);
    assertThat(LetsBeRational.impliedVolatility(Math.nextDown(20.0), 120.0, 100.0, 1.0, 1.0))
        .isEqualTo(LetsBeRational.BELOW_INTRINSIC);
    assertThat(LetsBeRational.impliedVolatility(-1e-300, 80.0, 100.0, 1.0, 1.0))
        .isEqualTo(LetsBeRational.BELOW_INTRINSIC);
    assertThat(LetsBeRational.impliedVolatility(Double.NEGATIVE_INFINITY, 80.0, 100.0, 1.0, 1.0))
        .isEqualTo(LetsBeRational.BELOW_INTRINSIC);
    assertThat(LetsBeRational.impliedVolatility(120.0, 120.0, 100.0, 1.0, 1.0)).isEqualTo(LetsBeRational.ABOVE_MAXIMUM);
    assertThat(LetsBeRational.impliedVolatility(100.0, 120.0, 100.0, 1.0, -1.0))
        .isEqualTo(LetsBeRational.ABOVE_MAXIMUM);
    assertThat(LetsBeRational.impliedVolatility(Double.POSITIVE_INFINITY, 120.0, 100.0, 1.0, -1.0))
        .isEqualTo(LetsBeRational.ABOVE_MAXIMUM);
    // exactly the intrinsic value: volatility 0
    assertThat(LetsBeRational.impliedVolatility(20.0, 120.0, 100.0, 1.0, 1.0)).isZero();
    assertThat(LetsBeRational.impliedVolatility(0.0, 120.0, 100.0, 1.0, -1.0)).isZero();
    assertThat(LetsBeRational.impliedVolatility(0.0, 100.0, 100.0, 1.0, 1.0)).isZero();
  }

  @ParameterizedTest
  @CsvSource({
      "1.0, 0.0, 100.0, 1.0, 1.0", "1.0, -5.0, 100.0, 1.0, 1.0", "1.0, Infinity, 100.0, 1.0, 1.0",
      "1.0, NaN, 100.0, 1.0, 1.0", "1.0, 100.0, 0.0, 1.0, 1.0", "1.0, 100.0, Infinity, 1.0, 1.0",
      "1.0, 100.0, 100.0, 0.0, 1.0", "1.0, 100.0, 100.0, -1.0, 1.0", "1.0, 100.0, 100.0, Infinity, 1.0",
      "1.0, 100.0, 100.0, NaN, 1.0", "1.0, 100.0, 100.0, 1.0, 0.0", "1.0, 100.0, 100.0, 1.0, NaN",
      "NaN, 100.0, 100.0, 1.0, 1.0"})
  void invalidInputGivesTheInvalidInputCode(double price, double forward, double strike, double t, double theta) {
    assertThat(LetsBeRational.impliedVolatility(price, forward, strike, t, theta))
        .isEqualTo(LetsBeRational.INVALID_INPUT);
  }

  @Test
  void pricesAtTheEdgesOfTheirRangeGiveFiniteVolatilities() {
    // one ulp above the intrinsic value of a deep in-the-money call: tiny volatility
    double justAbove = LetsBeRational.impliedVolatility(Math.nextUp(20.0), 120.0, 100.0, 1.0, 1.0);
    assertThat(justAbove).isGreaterThan(0.0).isLessThan(0.2);
    // one ulp below the forward: huge but finite volatility, which reprices to the input
    double price = Math.nextDown(120.0);
    double huge = LetsBeRational.impliedVolatility(price, 120.0, 100.0, 1.0, 1.0);
    assertThat(huge).isGreaterThan(10.0).isFinite();
    assertThat(LetsBeRational.blackPrice(120.0, 100.0, 1.0, huge, 1.0)).isCloseTo(price, within(2 * Math.ulp(price)));
    // time values below the smallest normal double relative to √(FK) still invert
    double tiny = LetsBeRational.impliedVolatility(1e-310, 1.0, 1.2, 1.0, 1.0);
    assertThat(tiny).isGreaterThan(0.0).isLessThan(0.01);
  }

  @Test
  void neverNanFromFiniteInputs() {
    SplittableRandom random = new SplittableRandom(99L);
    for (int i = 0; i < 200_000; i++) {
      double forward = Math.pow(10.0, random.nextDouble(-300.0, 300.0));
      double strike = random.nextBoolean() ? forward * Math.exp(random.nextDouble(-50.0, 50.0))
          : Math.pow(10.0, random.nextDouble(-300.0, 300.0));
      if (!(strike > 0 && strike < Double.POSITIVE_INFINITY)) {
        continue;
      }
      double t = Math.pow(10.0, random.nextDouble(-12.0, 6.0));
      double theta = random.nextBoolean() ? 1.0 : -1.0;
      double maximum = theta > 0 ? forward : strike;
      double price = switch (random.nextInt(3)) {
        case 0 -> random.nextDouble(-0.1, 1.1) * maximum;
        case 1 -> maximum * Math.pow(10.0, random.nextDouble(-320.0, 0.0));
        default -> LetsBeRational.blackPrice(forward, strike, t, Math.pow(10.0, random.nextDouble(-4.0, 2.0)), theta);
      };
      double vol = LetsBeRational.impliedVolatility(price, forward, strike, t, theta);
      assertThat(vol).as("price %s F %s K %s t %s theta %s", price, forward, strike, t, theta)
          .isNotNaN().isNotInfinite();
      assertThat(vol >= 0 || vol == LetsBeRational.BELOW_INTRINSIC || vol == LetsBeRational.ABOVE_MAXIMUM).isTrue();
    }
  }

  @Test
  void batchMatchesScalar() {
    int n = 1000;
    double[] price = new double[n + 3];
    double[] forward = new double[n + 3];
    double[] strike = new double[n + 3];
    double[] t = new double[n + 3];
    double[] theta = new double[n + 3];
    double[] out = new double[n + 3];
    SplittableRandom random = new SplittableRandom(3L);
    for (int i = 0; i < n; i++) {
      forward[i] = 60000.0;
      strike[i] = 60000.0 * Math.exp(random.nextDouble(-1.0, 1.0));
      t[i] = random.nextDouble(0.001, 2.0);
      theta[i] = random.nextBoolean() ? 1.0 : -1.0;
      price[i] = i % 10 == 0 ? -1.0 : LetsBeRational.blackPrice(forward[i], strike[i], t[i], 0.7, theta[i]);
    }
    out[n] = 42.0;
    LetsBeRational.impliedVolatility(price, forward, strike, t, theta, n, out);
    for (int i = 0; i < n; i++) {
      assertThat(out[i]).isEqualTo(LetsBeRational.impliedVolatility(price[i], forward[i], strike[i], t[i], theta[i]));
    }
    assertThat(out[0]).isEqualTo(LetsBeRational.BELOW_INTRINSIC);
    assertThat(out[n]).as("beyond n untouched").isEqualTo(42.0);
    double[] shorter = new double[n - 1];
    assertThatThrownBy(() -> LetsBeRational.impliedVolatility(price, forward, strike, t, theta, n, shorter))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outVol " + (n - 1));
    assertThatThrownBy(() -> LetsBeRational.impliedVolatility(price, forward, strike, t, theta, -1, out))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void impliedVolatilityAllocatesNothing() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    int n = 4096;
    double[] price = new double[n];
    double[] forward = new double[n];
    double[] strike = new double[n];
    double[] t = new double[n];
    double[] theta = new double[n];
    double[] out = new double[n];
    SplittableRandom random = new SplittableRandom(11L);
    for (int i = 0; i < n; i++) {
      forward[i] = 60000.0;
      t[i] = Math.exp(random.nextDouble(Math.log(1.0 / 365), Math.log(5.0)));
      double vol = Math.exp(random.nextDouble(Math.log(0.01), Math.log(5.0)));
      strike[i] = 60000.0 * Math.exp(random.nextDouble(-12.0, 12.0) * vol * Math.sqrt(t[i]));
      theta[i] = random.nextBoolean() ? 1.0 : -1.0;
      price[i] = LetsBeRational.blackPrice(forward[i], strike[i], t[i], vol, theta[i]);
    }
    LetsBeRational.impliedVolatility(price, forward, strike, t, theta, n, out); // load and link the classes
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int rep = 0; rep < 5; rep++) {
      LetsBeRational.impliedVolatility(price, forward, strike, t, theta, n, out);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(allocated).as("bytes allocated by %s implied volatilities", 5 * n).isZero();
  }

  // ----------------------------------------------------------------------------------------------------------
  // Independent reference
  // ----------------------------------------------------------------------------------------------------------

  /**
   * The normalised Black function in 70-digit decimal arithmetic, straight from its definition
   * b = θ[e^{x/2}·Φ(θ(x/s + s/2)) - e^{-x/2}·Φ(θ(x/s - s/2))] with the exact decimal values of the doubles x and s.
   * Φ comes from its Taylor series Φ(z) = 1/2 + φ(z)·Σ z^{2n+1}/(2n+1)!! for z &ge; -7 and from Laplace's continued
   * fraction Φ(z) = φ(z)/(a + 1/(a + 2/(a + 3/(a + ...)))), a = -z, below; exp from its Taylor series after
   * halving the argument below 1/2. Nothing is shared with the implementation under test.
   */
  static final class Reference {
    private static final MathContext MC = new MathContext(70);
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal TINY = new BigDecimal("1e-75");
    private static final BigDecimal INV_SQRT_2PI =
        new BigDecimal("0.398942280401432677939946059934381868475858631164934657665925829670657925899");

    private Reference() {
    }

    static double normalisedBlack(double x, double s, double theta) {
      BigDecimal bx = new BigDecimal(x);
      BigDecimal bs = new BigDecimal(s);
      BigDecimal h = bx.divide(bs, MC);
      BigDecimal t = bs.multiply(HALF, MC);
      BigDecimal up = exp(bx.multiply(HALF, MC));
      BigDecimal down = exp(bx.multiply(HALF, MC).negate());
      BigDecimal b;
      if (theta > 0) {
        b = up.multiply(cdf(h.add(t, MC)), MC).subtract(down.multiply(cdf(h.subtract(t, MC)), MC), MC);
      } else {
        b = down.multiply(cdf(t.subtract(h, MC)), MC).subtract(up.multiply(cdf(h.add(t, MC).negate()), MC), MC);
      }
      return b.doubleValue();
    }

    static BigDecimal cdf(BigDecimal z) {
      if (z.signum() > 0) {
        return BigDecimal.ONE.subtract(cdf(z.negate()), MC);
      }
      BigDecimal pdf = INV_SQRT_2PI.multiply(exp(z.multiply(z, MC).multiply(HALF, MC).negate()), MC);
      if (z.compareTo(BigDecimal.valueOf(-7)) >= 0) {
        BigDecimal zz = z.multiply(z, MC);
        BigDecimal term = z;
        BigDecimal sum = z;
        for (int n = 1; n < 2000 && term.abs().compareTo(TINY) > 0; n++) {
          term = term.multiply(zz, MC).divide(BigDecimal.valueOf(2L * n + 1), MC);
          sum = sum.add(term, MC);
        }
        return HALF.add(pdf.multiply(sum, MC), MC);
      }
      BigDecimal a = z.negate();
      BigDecimal f = a;
      for (int n = 300; n >= 1; n--) {
        f = a.add(BigDecimal.valueOf(n).divide(f, MC), MC);
      }
      return pdf.divide(f, MC);
    }

    static BigDecimal exp(BigDecimal a) {
      if (a.signum() < 0) {
        return BigDecimal.ONE.divide(exp(a.negate()), MC);
      }
      int halvings = 0;
      BigDecimal r = a;
      while (r.compareTo(HALF) > 0) {
        r = r.divide(TWO, MC);
        halvings++;
      }
      BigDecimal term = BigDecimal.ONE;
      BigDecimal sum = BigDecimal.ONE;
      for (int n = 1; n < 200 && term.compareTo(TINY) > 0; n++) {
        term = term.multiply(r, MC).divide(BigDecimal.valueOf(n), MC);
        sum = sum.add(term, MC);
      }
      for (int i = 0; i < halvings; i++) {
        sum = sum.multiply(sum, MC);
      }
      return sum;
    }
  }
}
