package io.netgamma.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.instrument.OptionType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Black-76 price and greeks: textbook values, parity, every greek against a central finite difference. */
class Black76Test {

  private static final Black76 B = Black76.DEFAULT;

  // --- textbook values ---------------------------------------------------------------------------------

  @Test
  void hullFuturesOptionExample() {
    // Hull, Options, Futures and Other Derivatives: European put on a futures price, F0 = K = 20, r = 9%,
    // T = 4 months, sigma = 25%: value 1.12.
    double put = B.price(OptionType.PUT, 20, 20, 4.0 / 12.0, 0.25, 0.09);
    assertThat(put).isCloseTo(1.12, within(0.005));
    assertThat(put).isCloseTo(1.1166, within(1e-4));
  }

  @Test
  void haugBlack76Example() {
    // Haug, The Complete Guide to Option Pricing Formulas, Black-76: F = K = 19, T = 0.75, r = 10%, sigma = 28%:
    // call = put = 1.7011.
    assertThat(B.price(OptionType.CALL, 19, 19, 0.75, 0.28, 0.10)).isCloseTo(1.7011, within(5e-5));
    assertThat(B.price(OptionType.PUT, 19, 19, 0.75, 0.28, 0.10)).isCloseTo(1.7011, within(5e-5));
  }

  @Test
  void atTheMoneyClosedForm() {
    // ATM (F = K), rate 0: price = F (2 N(s/2) - 1); vega per point = F n(s/2) sqrt(t) / 100.
    double f = 65000, t = 30 / 365.0, vol = 0.6, s = vol * Math.sqrt(t);
    OptionGreeks g = B.greeks(OptionType.CALL, f, f, t, vol);
    assertThat(g.priceUsd()).isCloseTo(f * io.netgamma.core.math.Normal.erf(s / 2 / Math.sqrt(2)), within(1e-9));
    assertThat(g.vega()).isCloseTo(f * io.netgamma.core.math.Normal.pdf(s / 2) * Math.sqrt(t) / 100, within(1e-11));
    assertThat(g.priceCoin()).isCloseTo(g.priceUsd() / f, within(1e-16));
  }

  // --- parity ------------------------------------------------------------------------------------------

  @ParameterizedTest
  @MethodSource("gridArgs")
  void putCallParity(double f, double k, double t, double vol, double r) {
    OptionGreeks c = B.greeks(OptionType.CALL, f, k, t, vol, r);
    OptionGreeks p = B.greeks(OptionType.PUT, f, k, t, vol, r);
    double df = Math.exp(-r * t);
    double scale = Math.max(f, k);
    assertThat(c.priceUsd() - p.priceUsd()).isCloseTo(df * (f - k), within(4e-15 * scale));
    assertThat(c.delta() - p.delta()).isCloseTo(df, within(1e-15));
    assertThat(c.gamma()).isCloseTo(p.gamma(), within(1e-15 * Math.abs(c.gamma()) + 1e-300));
    assertThat(c.vega()).isCloseTo(p.vega(), within(1e-15 * Math.abs(c.vega()) + 1e-300));
    assertThat(c.vanna()).isCloseTo(p.vanna(), within(1e-14 * Math.abs(c.vanna()) + 1e-300));
    // rho with spot fixed: C - P = df F - df K = S - df K, so rho_C - rho_P = K t df / 100
    assertThat(c.rho() - p.rho()).isCloseTo(k * t * df / 100, within(1e-12 * k * t));
  }

  // --- every greek against a central finite difference ---------------------------------------------------

  static Stream<double[]> grid() {
    List<double[]> cases = new ArrayList<>();
    double f = 100;
    for (double k : new double[] {55, 80, 97, 100, 104, 125, 180}) {
      for (double t : new double[] {1 / 365.0, 7 / 365.0, 0.25, 1.0, 3.0}) {
        for (double vol : new double[] {0.2, 0.65, 1.5}) {
          for (double r : new double[] {0.0, 0.05}) {
            double s = vol * Math.sqrt(t);
            // keep options whose value is not vanishingly small (finite differences need signal)
            if (Math.abs(Math.log(f / k)) / s < 5) {
              cases.add(new double[] {f, k, t, vol, r});
            }
          }
        }
      }
    }
    return cases.stream();
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> gridArgs() {
    return grid().map(a -> org.junit.jupiter.params.provider.Arguments.of(a[0], a[1], a[2], a[3], a[4]));
  }

  @ParameterizedTest
  @MethodSource("gridArgs")
  void greeksMatchFiniteDifferences(double f, double k, double t, double vol, double r) {
    for (OptionType type : OptionType.values()) {
      OptionGreeks g = B.greeks(type, f, k, t, vol, r);
      String ctx = type + " F=" + f + " K=" + k + " t=" + t + " vol=" + vol + " r=" + r;
      // steps relative to the option's own scales: the forward's standard deviation F·σ·√t (capped at F), σ and t
      double hf = 1e-4 * f * Math.min(1.0, vol * Math.sqrt(t));
      double hv = 1e-4 * vol;
      double ht = 1e-4 * t;

      // delta, gamma, speed in F
      check(ctx + " delta", g.delta(), (p(type, f + hf, k, t, vol, r) - p(type, f - hf, k, t, vol, r)) / (2 * hf), 1);
      check(ctx + " gamma", g.gamma(),
          (B.greeks(type, f + hf, k, t, vol, r).delta() - B.greeks(type, f - hf, k, t, vol, r).delta()) / (2 * hf),
          g.gamma() * f);
      check(ctx + " speed", g.speed(),
          (B.greeks(type, f + hf, k, t, vol, r).gamma() - B.greeks(type, f - hf, k, t, vol, r).gamma()) / (2 * hf),
          g.gamma());
      // vega, vanna, volga per vol point
      check(ctx + " vega", g.vega(),
          (p(type, f, k, t, vol + hv, r) - p(type, f, k, t, vol - hv, r)) / (2 * hv) / 100, f * Math.sqrt(t) / 100);
      check(ctx + " vanna", g.vanna(),
          (B.greeks(type, f, k, t, vol + hv, r).delta() - B.greeks(type, f, k, t, vol - hv, r).delta()) / (2 * hv)
              / 100, 0.01);
      check(ctx + " volga", g.volga(),
          (B.greeks(type, f, k, t, vol + hv, r).vega() - B.greeks(type, f, k, t, vol - hv, r).vega()) / (2 * hv)
              / 100, f * Math.sqrt(t) / 1e4);
      // theta and charm per calendar day: value at t - dt minus value at t + dt
      check(ctx + " theta", g.theta(),
          (p(type, f, k, t - ht, vol, r) - p(type, f, k, t + ht, vol, r)) / (2 * ht) / 365, f / 365 / Math.sqrt(t));
      check(ctx + " charm", g.charm(),
          (B.greeks(type, f, k, t - ht, vol, r).delta() - B.greeks(type, f, k, t + ht, vol, r).delta()) / (2 * ht)
              / 365, 1 / 365.0 / t);
      // rho per 1%, spot fixed: the forward moves with the rate, F = S exp(r t)
      double hr = 1e-5;
      double spot = f * Math.exp(-r * t);
      check(ctx + " rho", g.rho(),
          (p(type, spot * Math.exp((r + hr) * t), k, t, vol, r + hr)
              - p(type, spot * Math.exp((r - hr) * t), k, t, vol, r - hr)) / (2 * hr) / 100, k * t / 100);
      // coin numeraire: deltaCoin = F d(V/F)/dF, gammaCoin = d(deltaCoin)/dF
      check(ctx + " deltaCoin", g.deltaCoin(),
          f * (p(type, f + hf, k, t, vol, r) / (f + hf) - p(type, f - hf, k, t, vol, r) / (f - hf)) / (2 * hf), 1);
      check(ctx + " gammaCoin", g.gammaCoin(),
          (B.greeks(type, f + hf, k, t, vol, r).deltaCoin() - B.greeks(type, f - hf, k, t, vol, r).deltaCoin())
              / (2 * hf), g.gamma());
    }
  }

  private static double p(OptionType type, double f, double k, double t, double vol, double r) {
    return B.price(type, f, k, t, vol, r);
  }

  /** |analytic - numeric| within 1e-6 relative to the greek's natural scale (truncation O(h²) + rounding). */
  private static void check(String what, double analytic, double numeric, double scale) {
    double tol = 2e-6 * Math.max(Math.abs(analytic), Math.abs(scale));
    assertThat(analytic).as(what + " analytic=" + analytic + " fd=" + numeric).isFinite().isCloseTo(numeric,
        within(tol));
  }

  @ParameterizedTest
  @MethodSource("gridArgs")
  void onePassPriceAgreesWithTheAccuratePrice(double f, double k, double t, double vol, double r) {
    for (OptionType type : OptionType.values()) {
      double accurate = B.price(type, f, k, t, vol, r);
      double onePass = B.greeks(type, f, k, t, vol, r).priceUsd();
      assertThat(onePass).as(type + " K=" + k + " t=" + t + " vol=" + vol).isCloseTo(accurate,
          within(8 * Math.ulp(Math.max(f, k))));
      assertThat(onePass).isGreaterThanOrEqualTo(Math.exp(-r * t) * Math.max(type.sign() * (f - k), 0));
    }
  }

  // --- implied volatility through the pricer's API ---------------------------------------------------------

  @ParameterizedTest
  @MethodSource("gridArgs")
  void impliedVolatilityRoundTripsUsdAndCoinPrices(double f, double k, double t, double vol, double r) {
    for (OptionType type : OptionType.values()) {
      double usd = B.price(type, f, k, t, vol, r);
      double vega = B.greeks(type, f, k, t, vol, r).vega() * 100;
      ImpliedVolatility iv = B.impliedVolatility(type, usd, f, k, t, r);
      assertThat(iv.isOk()).as(iv.reason()).isTrue();
      // |dσ| ≲ rounding of the price / vega: a few ulp of the price, more where vega is small relative to it
      double tol = 1e-14 * vol + 16 * Math.ulp(usd) / vega;
      assertThat(iv.volatility()).as(type + " K=" + k + " t=" + t).isCloseTo(vol, within(tol));
      ImpliedVolatility fromCoin = B.impliedVolatilityFromCoinPrice(type, usd / f, f, k, t, r);
      assertThat(fromCoin.volatility()).isCloseTo(vol, within(tol + 4 * Math.ulp(usd) / vega));
      assertThat(B.price(type, f, k, t, iv.volatility(), r)).isCloseTo(usd, within(1e-14 * usd + Math.ulp(f)));
    }
  }

  @Test
  void impliedVolatilityOutsideTheBoundsSaysWhy() {
    ImpliedVolatility below = B.impliedVolatility(OptionType.CALL, 5, 120, 100, 0.5, 0);
    assertThat(below.isOk()).isFalse();
    assertThat(below.status()).isEqualTo(ImpliedVolatility.Status.BELOW_INTRINSIC);
    assertThat(below.reason()).contains("intrinsic");
    ImpliedVolatility above = B.impliedVolatility(OptionType.CALL, 130, 120, 100, 0.5, 0);
    assertThat(above.status()).isEqualTo(ImpliedVolatility.Status.ABOVE_MAXIMUM);
    ImpliedVolatility expired = B.impliedVolatility(OptionType.PUT, 1, 120, 100, 0.0, 0);
    assertThat(expired.status()).isEqualTo(ImpliedVolatility.Status.EXPIRED);
    assertThatThrownBy(below::orElseThrow).hasMessageContaining("intrinsic");
  }

  // --- limits ------------------------------------------------------------------------------------------

  @Test
  void expiredOptionIsWorthIntrinsic() {
    for (double t : new double[] {0.0, -0.01}) {
      OptionGreeks c = B.greeks(OptionType.CALL, 110, 100, t, 0.8, 0.05);
      assertThat(c.priceUsd()).isEqualTo(10.0);
      assertThat(c.delta()).isEqualTo(1.0);
      assertThat(c.gamma()).isZero();
      assertThat(c.vega()).isZero();
      OptionGreeks p = B.greeks(OptionType.PUT, 110, 100, t, 0.8, 0.05);
      assertThat(p.priceUsd()).isZero();
      assertThat(p.delta()).isZero();
      assertThat(B.greeks(OptionType.PUT, 100, 100, t, 0.8, 0).delta()).isEqualTo(-0.5);
    }
  }

  @Test
  void zeroVolatilityGivesDiscountedIntrinsic() {
    OptionGreeks c = B.greeks(OptionType.CALL, 110, 100, 0.5, 0.0, 0.04);
    assertThat(c.priceUsd()).isCloseTo(10 * Math.exp(-0.02), within(1e-13));
    assertThat(c.delta()).isCloseTo(Math.exp(-0.02), within(1e-15));
    assertThat(c.gamma()).isZero();
    OptionGreeks p = B.greeks(OptionType.PUT, 110, 100, 0.5, 0.0, 0.04);
    assertThat(p.priceUsd()).isZero();
  }

  @Test
  void extremeInputsGiveFiniteResults() {
    double[] ks = {1e-6, 0.01, 50, 100, 200, 1e4, 1e8};
    double[] ts = {1e-9, 1 / 365.0 / 24, 1 / 365.0, 1, 30};
    double[] vols = {1e-12, 1e-6, 0.01, 1, 5};
    for (OptionType type : OptionType.values()) {
      for (double k : ks) {
        for (double t : ts) {
          for (double vol : vols) {
            double[] out = new double[Black76.SIZE];
            B.priceAndGreeks(type.sign(), 100, k, t, vol, 0.03, out);
            for (int i = 0; i < out.length; i++) {
              assertThat(out[i]).as(type + " K=" + k + " t=" + t + " vol=" + vol + " field " + i).isFinite();
            }
            assertThat(out[Black76.PRICE]).isGreaterThanOrEqualTo(0.0);
            assertThat(Math.abs(out[Black76.DELTA])).isLessThanOrEqualTo(1.0);
            assertThat(out[Black76.GAMMA]).isGreaterThanOrEqualTo(0.0);
          }
        }
      }
    }
  }

  @Test
  void invalidInputIsRejectedWithTheValue() {
    assertThatThrownBy(() -> B.price(OptionType.CALL, -1, 100, 1, 0.5)).hasMessageContaining("forward")
        .hasMessageContaining("-1.0");
    assertThatThrownBy(() -> B.price(OptionType.CALL, Double.NaN, 100, 1, 0.5)).hasMessageContaining("forward")
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> B.price(OptionType.CALL, 100, 0, 1, 0.5)).hasMessageContaining("strike");
    assertThatThrownBy(() -> B.price(OptionType.CALL, 100, 100, 1, -0.1)).hasMessageContaining("vol");
    assertThatThrownBy(() -> B.price(OptionType.CALL, 100, 100, 1, Double.NaN)).hasMessageContaining("vol");
    assertThatThrownBy(() -> B.price(OptionType.CALL, 100, 100, Double.NaN, 0.5)).hasMessageContaining("t ");
    assertThatThrownBy(() -> B.priceAndGreeks(0.5, 100, 100, 1, 0.5, 0, new double[Black76.SIZE]))
        .hasMessageContaining("theta");
  }
}
