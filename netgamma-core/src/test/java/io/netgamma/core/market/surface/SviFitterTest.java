package io.netgamma.core.market.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.base.NetgammaException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SviFitterTest {

  private static final double T = 0.25;
  /** A typical equity-like smile in total variance at t = 0.25 (vol ≈ 40% ATM, negative skew), arbitrage-free. */
  private static final SviParameters TRUE = SviParameters.of(0.01, 0.12, -0.35, 0.05, 0.18);

  static List<SmileQuote> quotes(SviParameters p, double t, double kLo, double kHi, int n) {
    List<SmileQuote> q = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double k = kLo + (kHi - kLo) * i / (n - 1);
      q.add(SmileQuote.of("q" + i, k, p.volatility(k, t)));
    }
    return q;
  }

  @Test
  void noiseFreeSmileIsRecovered() {
    assertThat(TRUE.butterflyReport(-3, 3, 2001).arbitrageFree()).isTrue();
    SviFit fit = SviFitter.DEFAULT.fit(T, quotes(TRUE, T, -0.8, 0.6, 29));
    SviParameters p = fit.params();
    assertThat(p.a()).isCloseTo(TRUE.a(), within(1e-7));
    assertThat(p.b()).isCloseTo(TRUE.b(), within(1e-7));
    assertThat(p.rho()).isCloseTo(TRUE.rho(), within(1e-6));
    assertThat(p.m()).isCloseTo(TRUE.m(), within(1e-6));
    assertThat(p.sigma()).isCloseTo(TRUE.sigma(), within(1e-6));
    assertThat(fit.rmseVolPoints()).isLessThan(1e-6);
    assertThat(fit.maxAbsErrorVolPoints()).isLessThan(1e-6);
    assertThat(fit.rejected()).isEmpty();
    assertThat(fit.used()).hasSize(29);
    assertThat(fit.butterfly().arbitrageFree()).isTrue();
    assertThat(fit.butterflyRepaired()).isFalse();
    assertThat(fit.calendarConstrained()).isFalse();
    assertThat(fit.t()).isEqualTo(T);
  }

  @Test
  void shortDatedSmileIsRecovered() {
    // two days to expiry, BTC-like: 90% ATM, σ small in k
    double t = 2 / 365.0;
    SviParameters truth = SviParametersTest.ssvi(0.9 * 0.9 * t, 12.0, -0.2);
    SviFit fit = SviFitter.DEFAULT.fit(t, quotes(truth, t, -0.25, 0.2, 25));
    assertThat(fit.rmseVolPoints()).isLessThan(1e-6);
    assertThat(fit.params().m()).isCloseTo(truth.m(), within(1e-6));
    assertThat(fit.params().sigma()).isCloseTo(truth.sigma(), within(1e-6));
  }

  @Test
  void seededNoiseIsAveragedOut() {
    Random rnd = new Random(20200521L);
    double noise = 0.005; // half a vol point
    List<SmileQuote> q = new ArrayList<>();
    int n = 41;
    for (int i = 0; i < n; i++) {
      double k = -0.8 + 1.4 * i / (n - 1);
      q.add(SmileQuote.of("q" + i, k, TRUE.volatility(k, T) + noise * rnd.nextGaussian()));
    }
    SviFit fit = SviFitter.DEFAULT.fit(T, q);
    assertThat(fit.rejected()).isEmpty();
    // residuals are the noise: rmse ≈ 0.5·sqrt((n − 5)/n) vol points
    assertThat(fit.rmseVolPoints()).isBetween(0.3, 0.65);
    // the fitted smile is much closer to the truth than the quotes are (5 parameters from 41 quotes): its RMS
    // distance from the true smile is below half the noise (over 200 seeds: median 0.17, 95th percentile 0.27
    // vol points), and no point is off by more than the noise
    double sum2 = 0;
    int m = 0;
    for (double k = -0.7; k <= 0.5; k += 0.05) {
      double e = fit.volatility(k) - TRUE.volatility(k, T);
      sum2 += e * e;
      m++;
      assertThat(Math.abs(e)).as("error at k=%s", k).isLessThan(noise);
    }
    assertThat(Math.sqrt(sum2 / m)).isLessThan(noise / 2);
  }

  @Test
  void outliersAreSetAsideWithTheirReasons() {
    List<SmileQuote> q = new ArrayList<>(quotes(TRUE, T, -0.8, 0.6, 29));
    q.set(10, SmileQuote.of("fat-finger", q.get(10).logMoneyness(), q.get(10).iv() + 0.15));
    q.set(20, SmileQuote.of("stale", q.get(20).logMoneyness(), q.get(20).iv() - 0.04));
    SviFit fit = SviFitter.DEFAULT.fit(T, q);
    assertThat(fit.rejected()).extracting(r -> r.quote().label()).containsExactly("fat-finger", "stale");
    // residuals as they were when each was set aside (the fit still leaning towards the quote): fitted − quoted
    RejectedQuote first = fit.rejected().get(0);
    assertThat(first.residual()).isBetween(-0.15, -0.10);
    assertThat(first.reason()).startsWith(String.format(java.util.Locale.ROOT, "residual %+.3f vol points",
        100 * first.residual())).contains("robust scale");
    assertThat(fit.rejected().get(1).residual()).isBetween(0.02, 0.04);
    assertThat(fit.used()).hasSize(27);
    // with the outliers set aside the smile is the true one again
    assertThat(fit.rmseVolPoints()).isLessThan(1e-5);
    assertThat(fit.params().rho()).isCloseTo(TRUE.rho(), within(1e-5));
    // without rejection both outliers bend the fit
    SviFit naive = SviFitter.DEFAULT.withoutOutlierRejection().fit(T, q);
    assertThat(naive.rejected()).isEmpty();
    assertThat(naive.rmseVolPoints()).isGreaterThan(1.0);
  }

  @Test
  void aQuoteWhoseFitLiesWithinItsBidAskIsKept() {
    List<SmileQuote> q = new ArrayList<>(quotes(TRUE, T, -0.8, 0.6, 29));
    SmileQuote off = q.get(12);
    double truth = off.iv();
    // quoted 3 vol points too high, but the true (fitted) vol is inside the quote's wide bid/ask: kept
    q.set(12, SmileQuote.of("wide", off.logMoneyness(), truth + 0.03, truth - 0.02, truth + 0.08));
    // the same error without a bid/ask: set aside
    SmileQuote off2 = q.get(16);
    q.set(16, SmileQuote.of("no-book", off2.logMoneyness(), off2.iv() + 0.03));
    SviFit fit = SviFitter.DEFAULT.fit(T, q);
    assertThat(fit.rejected()).extracting(r -> r.quote().label()).containsExactly("no-book");
    assertThat(fit.used()).extracting(SmileQuote::label).contains("wide");
  }

  @Test
  void wideQuotesWeighLess() {
    List<SmileQuote> base = quotes(TRUE, T, -0.8, 0.6, 29);
    double k = base.get(14).logMoneyness();
    double truth = base.get(14).iv();
    List<SmileQuote> tight = new ArrayList<>();
    List<SmileQuote> wide = new ArrayList<>();
    for (int i = 0; i < base.size(); i++) {
      SmileQuote s = base.get(i);
      double v = s.iv();
      if (i == 14) {
        // the same biased quote (+2 vol points), once with a tight book, once with a wide one
        tight.add(SmileQuote.of("biased", k, v + 0.02, v + 0.015, v + 0.025));
        wide.add(SmileQuote.of("biased", k, v + 0.02, v - 0.08, v + 0.12));
      } else {
        tight.add(SmileQuote.of(s.label(), s.logMoneyness(), v, v - 0.01, v + 0.01));
        wide.add(SmileQuote.of(s.label(), s.logMoneyness(), v, v - 0.01, v + 0.01));
      }
    }
    SviFitter fitter = SviFitter.DEFAULT.withoutOutlierRejection();
    double pullTight = fitter.fit(T, tight).volatility(k) - truth;
    double pullWide = fitter.fit(T, wide).volatility(k) - truth;
    assertThat(pullTight).isPositive();
    assertThat(pullWide).isPositive();
    assertThat(pullWide).isLessThan(pullTight / 3);
  }

  @Test
  void butterflyArbitrageInTheQuotesIsRepaired() {
    // quotes from Vogt's smile (t = 1), which has butterfly arbitrage: the fit must not reproduce it
    SviParameters vogt = SviParametersTest.VOGT;
    List<SmileQuote> q = quotes(vogt, 1.0, -1.0, 1.5, 26);
    SviFit naive = SviFitter.DEFAULT.withoutOutlierRejection().fit(1.0, q);
    assertThat(naive.butterflyRepaired()).isTrue();
    assertThat(naive.butterfly().arbitrageFree()).as(naive.butterfly().summary()).isTrue();
    assertThat(naive.params().butterflyReport(-5, 5, 20001).arbitrageFree()).isTrue();
    // the price of no arbitrage: a small misfit where Vogt's density is negative
    assertThat(naive.rmseVolPoints()).isBetween(0.01, 2.0);
  }

  @Test
  void leeBoundsHoldEvenWhenTheQuotesWingsAreSteeper() {
    // total variance with a right wing slope of 2.4 (beyond Lee's 2): the fit stays within the bound
    SviParameters steep = SviParameters.of(0.02, 1.6, 0.5, 0.0, 0.2);
    assertThat(steep.satisfiesLeeBounds()).isFalse();
    SviFit fit = SviFitter.DEFAULT.withoutOutlierRejection().fit(1.0, quotes(steep, 1.0, -1.0, 2.0, 31));
    assertThat(fit.params().satisfiesLeeBounds()).isTrue();
    assertThat(fit.params().rightWingSlope()).isLessThanOrEqualTo(2.0);
    assertThat(fit.butterfly().leeBoundsHold()).isTrue();
  }

  @Test
  void fitsAreDeterministic() {
    Random rnd = new Random(7);
    List<SmileQuote> q = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      double k = -0.6 + 1.1 * i / 29;
      q.add(SmileQuote.of("q" + i, k, TRUE.volatility(k, T) + 0.004 * rnd.nextGaussian()));
    }
    assertThat(SviFitter.DEFAULT.fit(T, q)).isEqualTo(SviFitter.DEFAULT.fit(T, q));
  }

  @Test
  void tooFewStrikesAreRefused() {
    List<SmileQuote> q = new ArrayList<>(quotes(TRUE, T, -0.2, 0.2, 4));
    q.add(SmileQuote.of("call at the same strike", q.get(0).logMoneyness(), q.get(0).iv()));
    assertThatThrownBy(() -> SviFitter.DEFAULT.fit(T, q)).isInstanceOf(NetgammaException.class)
        .hasMessageContaining("5 or more distinct strikes").hasMessageContaining("has 4 (of 5 quotes)");
    assertThatThrownBy(() -> SviFitter.DEFAULT.fit(0, quotes(TRUE, T, -0.2, 0.2, 9)))
        .hasMessageContaining("t must be finite and > 0");
    assertThatThrownBy(() -> SviFitter.DEFAULT.withOutlierRejection(4, 0.01, 1.0))
        .hasMessageContaining("maxRejectedFraction");
  }

  @Test
  void quoteValidationNamesTheQuote() {
    assertThatThrownBy(() -> SmileQuote.of("BTC-26JUN20-9000-C", 0.0, 0.0))
        .hasMessageContaining("BTC-26JUN20-9000-C implied volatility");
    assertThatThrownBy(() -> SmileQuote.of("X", 0.0, 0.8, 0.9, 0.7))
        .hasMessageContaining("X: bid implied volatility 0.9 is above the ask implied volatility 0.7");
    assertThatThrownBy(() -> SmileQuote.ofStrike("Y", -1, 9000, 0.8, Double.NaN, Double.NaN))
        .hasMessageContaining("Y strike");
    SmileQuote q = SmileQuote.ofStrike("Z", 10000, 9000, 0.8, Double.NaN, 0.85);
    assertThat(q.logMoneyness()).isEqualTo(Math.log(10000.0 / 9000.0));
    assertThat(q.hasBidAsk()).isFalse();
  }
}
