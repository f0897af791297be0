package io.netgamma.core.market.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netgamma.core.base.NetgammaException;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.market.ForwardCurve;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SviSurfaceFitterTest {

  /** Shaped like the Deribit BTC chain of 2020-05-21 23:19 UTC: 7 expiries, 326 options (calls and puts). */
  static final long NOW = Instant.parse("2020-05-21T23:19:00Z").toEpochMilli();
  static final double[] DAYS = {0.36, 1.36, 7.36, 14.36, 35.36, 126.36, 217.36};
  static final int[] STRIKES = {29, 19, 21, 25, 29, 21, 19};
  static final double[][] K_RANGE = {{-0.415, 0.358}, {-0.112, 0.133}, {-0.954, 0.396}, {-0.335, 0.319},
      {-1.291, 1.258}, {-1.301, 1.366}, {-1.127, 1.358}};
  static final double NOISE = 0.003; // 0.3 vol points

  /**
   * The true surface: SSVI with a power-law φ(θ) = η/(θ^γ (1 + θ)^(1 − γ)), η = 1, γ = 0.45, ρ = −0.15 — free of
   * butterfly and calendar arbitrage (Gatheral–Jacquier 2014, Remark 4.4: η(1 + |ρ|) ≤ 2) — with an ATM term
   * structure σ(t) = 0.75 + 0.15·exp(−t/0.05), θ = σ²t increasing.
   */
  static SviParameters truth(double t) {
    double atm = 0.75 + 0.15 * Math.exp(-t / 0.05);
    double theta = atm * atm * t;
    double gamma = 0.45;
    double phi = 1.0 / (Math.pow(theta, gamma) * Math.pow(1 + theta, 1 - gamma));
    return SviParametersTest.ssvi(theta, phi, -0.15);
  }

  static long expiry(int i) {
    return NOW + Math.round(DAYS[i] * 86_400_000L);
  }

  /** The chain: per strike a call and a put, each the true vol plus seeded noise, with a bid/ask around it. */
  static List<ExpirySmile> chain(Random rnd, List<String> outliers) {
    List<ExpirySmile> smiles = new ArrayList<>();
    for (int e = 0; e < DAYS.length; e++) {
      double t = YearFraction.act365(NOW, expiry(e));
      SviParameters p = truth(t);
      double sd = Math.sqrt(p.totalVariance(0));
      List<SmileQuote> quotes = new ArrayList<>();
      for (int j = 0; j < STRIKES[e]; j++) {
        double k = K_RANGE[e][0] + (K_RANGE[e][1] - K_RANGE[e][0]) * j / (STRIKES[e] - 1);
        for (String type : new String[] {"C", "P"}) {
          String label = "e" + e + "-k" + j + "-" + type;
          double vol = p.volatility(k, t) + NOISE * rnd.nextGaussian();
          // wider books away from the money; no bid beyond 2.5 standard deviations
          double half = 0.005 * (1 + Math.abs(k) / sd);
          double bid = Math.abs(k) / sd > 2.5 ? Double.NaN : vol - half;
          quotes.add(SmileQuote.of(label, k, vol, bid, vol + half));
        }
      }
      smiles.add(ExpirySmile.of(expiry(e), quotes));
    }
    // three stale quotes
    plant(smiles, 2, 20, +0.12, outliers);
    plant(smiles, 4, 30, -0.08, outliers);
    plant(smiles, 6, 9, +0.10, outliers);
    return smiles;
  }

  private static void plant(List<ExpirySmile> smiles, int e, int i, double error, List<String> outliers) {
    List<SmileQuote> q = new ArrayList<>(smiles.get(e).quotes());
    SmileQuote s = q.get(i);
    // a stale quote: mark and book shifted together (so the book does not bracket the true vol)
    q.set(i, SmileQuote.of(s.label(), s.logMoneyness(), s.iv() + error, s.bidIv() + error, s.askIv() + error));
    smiles.set(e, ExpirySmile.of(smiles.get(e).expiryMillis(), q));
    outliers.add(s.label());
  }

  static ForwardCurve curve() {
    long[] ex = new long[DAYS.length];
    double[] fwd = new double[DAYS.length];
    for (int i = 0; i < DAYS.length; i++) {
      ex[i] = expiry(i);
      fwd[i] = 9080.0 * Math.exp(0.03 * DAYS[i] / 365);
    }
    return ForwardCurve.of("BTC", NOW, 9080.0, ex, fwd);
  }

  @Test
  void realisticBtcChainIsFittedFreeOfArbitrage() {
    List<String> planted = new ArrayList<>();
    List<ExpirySmile> chain = chain(new Random(20200521L), planted);
    assertThat(chain.stream().mapToInt(s -> s.quotes().size()).sum()).isEqualTo(326);
    SurfaceFit fit = SviSurfaceFitter.DEFAULT.fit(curve(), chain);

    assertThat(fit.skipped()).isEmpty();
    assertThat(fit.fits()).hasSize(7);
    assertThat(fit.calendar().arbitrageFree()).as(fit.summary()).isTrue();
    assertThat(fit.arbitrageFree()).as(fit.summary()).isTrue();
    // exactly the three planted bad marks are set aside
    assertThat(fit.fits().stream().flatMap(f -> f.rejected().stream()).map(r -> r.quote().label()))
        .containsExactlyInAnyOrderElementsOf(planted);
    for (int e = 0; e < DAYS.length; e++) {
      SviFit f = fit.fits().get(e);
      double t = f.t();
      // fitted from the last expiry backwards: all but the last are bounded by the next one
      assertThat(f.calendarConstrained()).isEqualTo(e < DAYS.length - 1);
      // residuals are the 0.3-vol-point noise
      assertThat(f.rmseVolPoints()).as("expiry %s: %s", e, f.summary()).isBetween(0.2, 0.4);
      // and the fitted smile is closer to the truth than the quotes: RMS distance below the noise over the
      // quoted range (where the vega weights are not floored, i.e. within 2.5 ATM standard deviations)
      SviParameters p = truth(t);
      double sd = Math.sqrt(p.totalVariance(0));
      double lo = Math.max(K_RANGE[e][0], -2.5 * sd);
      double hi = Math.min(K_RANGE[e][1], 2.5 * sd);
      double sum2 = 0;
      int n = 0;
      for (int j = 0; j <= 50; j++) {
        double k = lo + (hi - lo) * j / 50;
        double err = fit.surface().volatility(k, t) - p.volatility(k, t);
        sum2 += err * err;
        n++;
      }
      assertThat(Math.sqrt(sum2 / n)).as("expiry %s RMS distance from the truth", e).isLessThan(NOISE);
    }
    // the surface answers at any strike and expiry: between two expiries it interpolates the true surface closely
    long mid = NOW + 80L * 86_400_000L;
    double tMid = YearFraction.act365(NOW, mid);
    double kMid = Math.log(9500.0 / curve().forward(mid));
    double tA = fit.fits().get(4).t();
    double tB = fit.fits().get(5).t();
    double wTrue = truth(tA).totalVariance(kMid) + (tMid - tA) / (tB - tA)
        * (truth(tB).totalVariance(kMid) - truth(tA).totalVariance(kMid));
    assertThat(fit.surface().volatility(9500.0, mid)).isCloseTo(Math.sqrt(wTrue / tMid),
        org.assertj.core.api.Assertions.within(NOISE));
  }

  @Test
  void theCalendarConstraintPreventsCrossingSmiles() {
    // quotes of an earlier steep smile and a later flat one that falls below it in the wings
    long e1 = NOW + 7 * 86_400_000L;
    long e2 = NOW + 14 * 86_400_000L;
    double t1 = YearFraction.act365(NOW, e1);
    double t2 = YearFraction.act365(NOW, e2);
    SviParameters early = SviParametersTest.ssvi(0.04, 5.0, -0.1);
    SviParameters late = SviParametersTest.ssvi(0.05, 1.0, -0.1);
    List<ExpirySmile> smiles = List.of(
        ExpirySmile.of(e2, SviFitterTest.quotes(late, t2, -0.6, 0.6, 25)),
        ExpirySmile.of(e1, SviFitterTest.quotes(early, t1, -0.6, 0.6, 25)));
    ForwardCurve curve = ForwardCurve.flat("BTC", NOW, 9080.0);

    SurfaceFit free = SviSurfaceFitter.DEFAULT.withoutCalendarConstraint().fit(curve, smiles);
    assertThat(free.calendar().arbitrageFree()).isFalse();
    assertThat(free.calendar().violations()).anyMatch(v -> v.kind() == CalendarViolation.Kind.GRID
        && v.earlierExpiryMillis() == e1 && v.laterExpiryMillis() == e2);
    assertThat(free.fits()).allSatisfy(f -> {
      assertThat(f.rmseVolPoints()).isLessThan(1e-4); // each smile on its own is exact
      assertThat(f.calendarConstrained()).isFalse();
    });

    SurfaceFit constrained = SviSurfaceFitter.DEFAULT.fit(curve, smiles);
    assertThat(constrained.calendar().arbitrageFree()).as(constrained.calendar().summary()).isTrue();
    // fitted backwards: the later expiry on its own, the earlier one bounded from above by it
    SviFit later = constrained.fits().get(1);
    assertThat(later.calendarConstrained()).isFalse();
    assertThat(later.rmseVolPoints()).isLessThan(1e-4);
    SviFit earlier = constrained.fits().get(0);
    assertThat(earlier.calendarConstrained()).isTrue();
    assertThat(earlier.rmseVolPoints()).isGreaterThan(0.1); // its wings cannot be matched without arbitrage
    SviParameters p1 = constrained.surface().slice(0);
    SviParameters p2 = constrained.surface().slice(1);
    for (double k = -3; k <= 3; k += 0.001) {
      assertThat(p2.totalVariance(k)).as("k=%s", k).isGreaterThanOrEqualTo(p1.totalVariance(k));
    }
  }

  @Test
  void expiriesWithTooFewStrikesAreSkipped() {
    long e1 = NOW + 7 * 86_400_000L;
    long e2 = NOW + 14 * 86_400_000L;
    double t2 = YearFraction.act365(NOW, e2);
    SviParameters p = truth(t2);
    List<ExpirySmile> smiles = List.of(
        ExpirySmile.of(e1, SviFitterTest.quotes(p, t2, -0.2, 0.2, 3)),
        ExpirySmile.of(e2, SviFitterTest.quotes(p, t2, -0.4, 0.4, 15)));
    SurfaceFit fit = SviSurfaceFitter.DEFAULT.fit(ForwardCurve.flat("BTC", NOW, 9080.0), smiles);
    assertThat(fit.fits()).hasSize(1);
    assertThat(fit.surface().expiry(0)).isEqualTo(e2);
    assertThat(fit.skipped()).singleElement().satisfies(s -> {
      assertThat(s.expiryMillis()).isEqualTo(e1);
      assertThat(s.quotes()).isEqualTo(3);
      assertThat(s.reason()).contains("3 distinct strikes");
    });
    assertThat(fit.summary()).contains("skipped 2020-05-28T23:19:00Z (3 quotes)");
    assertThatThrownBy(() -> SviSurfaceFitter.DEFAULT.fit(ForwardCurve.flat("BTC", NOW, 9080.0),
        List.of(smiles.get(0)))).isInstanceOf(NetgammaException.class).hasMessageContaining("no expiry of BTC");
    assertThatThrownBy(() -> SviSurfaceFitter.DEFAULT.fit(ForwardCurve.flat("BTC", NOW, 9080.0),
        List.of(smiles.get(1), smiles.get(1)))).hasMessageContaining("two smiles for expiry");
  }
}
