package io.netgamma.core.market.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.instrument.OptionType;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.market.ForwardCurve;
import io.netgamma.core.pricing.Black76;
import io.netgamma.core.pricing.ImpliedVolatility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for the fit-quality failures seen on Deribit's own chains ({@code ../shared/data/chains}), each
 * reproduced on a hand-made smile: a few-hours expiry whose far wings are marked at the one-tick price floor or at a
 * flat volatility cap (BTC-22MAY20, BTC-6FEB26, ETH-6FEB26: the old weights — vega floored at 5% of the largest —
 * let the wing quotes bend the smile by 10–25 vol points near the money), marks outside their own bid/ask
 * (ETH-3MAY24: 8% marks inside a 40–55% book, fitted to a 9% ATM), one very tight book taking the fit over, a sparse
 * chain, noisy long-dated marks fitted by a V, and a short expiry under the calendar ceiling of the next one.
 */
class SviFitQualityTest {

  /** Deribit's option tick, coin per coin of underlying: far-wing marks sit on it. */
  static final double TICK = 1e-4;

  /** Six hours to expiry. */
  static final double T_6H = 6.0 / 24 / 365;

  /** A short-dated SSVI smile: ATM 50%, skew −0.3, vertex width about one ATM standard deviation. */
  static SviParameters shortSmile(double t) {
    double theta = 0.5 * 0.5 * t;
    return SviParametersTest.ssvi(theta, 1.0 / Math.sqrt(theta), -0.3);
  }

  /** The undiscounted OTM price per unit forward at log-moneyness k (the put for k &lt; 0). */
  static double otm(double k, double t, double vol) {
    OptionType type = k < 0 ? OptionType.PUT : OptionType.CALL;
    return Black76.DEFAULT.price(type, 1.0, Math.exp(k), t, vol);
  }

  /** The implied volatility of an OTM price per unit forward. */
  static double impliedVol(double k, double t, double price) {
    ImpliedVolatility iv = ImpliedVolatility.of(price, 1.0, Math.exp(k), t, k < 0 ? -1.0 : 1.0);
    assertThat(iv.isOk()).as("implied vol of %s at k=%s", price, k).isTrue();
    return iv.volatility();
  }

  /**
   * A Deribit-like short-dated chain from {@code truth}: strikes {@code step} apart in k from {@code kLo} to
   * {@code kHi}; within 2.5 standard deviations a two-sided book ±{@code half} around the true vol; beyond, no bid
   * and a 500% ask, and the mark {@code wing(k, trueVol)}.
   */
  interface Wing {
    double mark(double k, double trueVol);
  }

  static List<SmileQuote> chain(SviParameters truth, double t, double kLo, double kHi, double step, double half,
      Wing wing) {
    double sd = Math.sqrt(truth.totalVariance(0));
    List<SmileQuote> q = new ArrayList<>();
    for (double k = kLo; k <= kHi + 1e-12; k += step) {
      double vol = truth.volatility(k, t);
      if (Math.abs(k) <= 2.5 * sd) {
        q.add(SmileQuote.of(String.format("k%+.4f", k), k, vol, vol - half, vol + half));
      } else {
        q.add(SmileQuote.of(String.format("k%+.4f", k), k, wing.mark(k, vol), Double.NaN, 5.0));
      }
    }
    return q;
  }

  /** Largest |fitted − true| vol within {@code sds} ATM standard deviations, vol points. */
  static double nearMoneyError(SviFit fit, SviParameters truth, double t, double sds) {
    double sd = Math.sqrt(truth.totalVariance(0));
    double worst = 0;
    for (int i = -100; i <= 100; i++) {
      double k = sds * sd * i / 100;
      worst = Math.max(worst, Math.abs(fit.volatility(k) - truth.volatility(k, t)));
    }
    return 100 * worst;
  }

  @Test
  void aFewHoursSmileIsNotBentByWingsMarkedAtTheTickFloor() {
    // 6 hours, strikes 0.8% apart from −25% to +35%: 75 quotes, 50 of them beyond 2.5 standard deviations, marked
    // at one tick (1e-4 of the forward) when the true price is below it — 100–400% implied vols
    SviParameters truth = shortSmile(T_6H);
    List<SmileQuote> q = chain(truth, T_6H, -0.25, 0.35, 0.008, 0.03,
        (k, vol) -> impliedVol(k, T_6H, Math.max(otm(k, T_6H, vol), TICK)));
    long floored = q.stream().filter(s -> s.iv() > 1.0).count();
    assertThat(floored).as("quotes marked at the tick floor").isGreaterThan(30);
    SviFit fit = SviFitter.DEFAULT.fit(T_6H, q);
    // near the money the fit is the true smile, within a tenth of a vol point over ±2 standard deviations
    assertThat(nearMoneyError(fit, truth, T_6H, 2.0)).as(fit.summary()).isLessThan(0.1);
    // and every quote with a book is priced inside it; the wings' vol errors are large but worth a tick at most
    assertThat(fit.quality().insideBook()).isEqualTo(fit.quality().withBook());
    assertThat(fit.quality().maxAbsErrorVolPoints()).isGreaterThan(50);
    for (SmileQuote s : fit.used()) {
      double priceError = Math.abs(otm(s.logMoneyness(), T_6H, fit.volatility(s.logMoneyness()))
          - otm(s.logMoneyness(), T_6H, s.iv()));
      assertThat(priceError).as(s.label()).isLessThanOrEqualTo(TICK * (1 + 1e-9));
    }
    assertThat(fit.butterfly().arbitrageFree()).isTrue();
  }

  @Test
  void aFlatCappedWingDoesNotBendTheSmileNearTheMoney() {
    // 10 hours, the right wing's marks capped at 290% from where the true smile crosses it (BTC-6FEB26 of 2026-02-05:
    // 40 quotes at 289.95%), the left wing at the tick floor; no book on either wing
    double t = 10.0 / 24 / 365;
    SviParameters truth = SviParametersTest.ssvi(1.5 * 1.5 * t, 0.7 / Math.sqrt(1.5 * 1.5 * t), 0.1);
    List<SmileQuote> q = chain(truth, t, -0.2, 0.6, 0.01, 0.03,
        (k, vol) -> k > 0 ? Math.min(vol, 2.9) : impliedVol(k, t, Math.max(otm(k, t, vol), TICK)));
    assertThat(q.stream().filter(s -> s.iv() == 2.9).count()).as("capped quotes").isGreaterThan(10);
    SviFit fit = SviFitter.DEFAULT.fit(t, q);
    assertThat(nearMoneyError(fit, truth, t, 2.0)).as(fit.summary()).isLessThan(0.1);
    assertThat(fit.quality().insideBook()).isEqualTo(fit.quality().withBook());
  }

  @Test
  void marksOutsideTheirOwnBookAreSetAsideAndTheFitFollowsTheBook() {
    // ETH-3MAY24 of 2024-05-03: three marks at the money at 8% while their books say 40–55%
    SviParameters truth = shortSmile(T_6H);
    List<SmileQuote> q = new ArrayList<>(chain(truth, T_6H, -0.06, 0.06, 0.004, 0.06, (k, vol) -> vol));
    List<String> stale = new ArrayList<>();
    for (int i = 0; i < q.size(); i++) {
      SmileQuote s = q.get(i);
      if (Math.abs(s.logMoneyness()) < 0.005) {
        q.set(i, SmileQuote.of("stale" + i, s.logMoneyness(), 0.08, s.bidIv(), s.askIv()));
        stale.add("stale" + i);
      }
    }
    assertThat(stale).hasSize(3);
    SviFit fit = SviFitter.DEFAULT.fit(T_6H, q);
    assertThat(fit.rejected()).extracting(r -> r.quote().label()).containsExactlyElementsOf(stale);
    assertThat(fit.rejected()).allSatisfy(r -> assertThat(r.reason()).startsWith("quoted volatility 8.000% is "
        + "outside its own bid/ask implied volatilities [").contains("by more than 1.000 vol points"));
    // the residual recorded is that of the final fit: about 50% − 8%
    assertThat(fit.rejected().getFirst().residual()).isBetween(0.40, 0.45);
    // the fitted ATM vol is the book's (the old fit went through the 8% marks: ATM 9.15%)
    assertThat(nearMoneyError(fit, truth, T_6H, 2.0)).as(fit.summary()).isLessThan(0.1);
    // without outlier rejection every mark is used
    assertThat(SviFitter.DEFAULT.withoutOutlierRejection().fit(T_6H, q).used()).hasSize(q.size());
  }

  @Test
  void oneVeryTightBookDoesNotTakeTheFitOver() {
    // BTC-26JUN20 of 2020-05-21: one quote with a 0.4-vol-point book among 3-vol-point books, its mark 1 vol point
    // off the others; weighted by 1/width² alone it would weigh 56 times a normal quote, pull the smile through
    // itself and leave every other residual an "outlier" of a zero robust scale
    double t = 35.0 / 365;
    SviParameters truth = SviParametersTest.ssvi(0.85 * 0.85 * t, 1.2 / Math.sqrt(0.85 * 0.85 * t), -0.1);
    List<SmileQuote> q = new ArrayList<>();
    for (int i = 0; i <= 28; i++) {
      double k = -0.6 + 1.2 * i / 28;
      double vol = truth.volatility(k, t);
      if (i == 15) {
        q.add(SmileQuote.of("tight", k, vol + 0.01, vol + 0.008, vol + 0.012));
      } else {
        q.add(SmileQuote.of("q" + i, k, vol, vol - 0.015, vol + 0.015));
      }
    }
    SviFit fit = SviFitter.DEFAULT.fit(t, q);
    assertThat(fit.rejected()).extracting(r -> r.quote().label()).isSubsetOf("tight");
    // the others stay within a third of their half-width of the fit (the tight quote, trusted at most 4 times as
    // much, pulls its neighbours by about 0.3 vol points)
    for (SmileQuote s : fit.used()) {
      if (!s.label().equals("tight")) {
        assertThat(Math.abs(fit.volatility(s.logMoneyness()) - s.iv())).as(s.label()).isLessThan(0.005);
      }
    }
  }

  @Test
  void aSparseChainIsFittedInsideItsBooks() {
    // seven strikes of a 3-day expiry: two-sided at the money, one-sided (ask only) in the wings
    double t = 3.0 / 365;
    SviParameters truth = SviParametersTest.ssvi(0.6 * 0.6 * t, 0.9 / Math.sqrt(0.6 * 0.6 * t), -0.25);
    double[] ks = {-0.15, -0.08, -0.03, 0.0, 0.03, 0.08, 0.15};
    List<SmileQuote> q = new ArrayList<>();
    for (int i = 0; i < ks.length; i++) {
      double vol = truth.volatility(ks[i], t) + (i % 2 == 0 ? 0.005 : -0.005);
      boolean wing = Math.abs(ks[i]) > 0.05;
      q.add(SmileQuote.of("s" + i, ks[i], vol, wing ? Double.NaN : vol - 0.02, vol + (wing ? 0.15 : 0.02)));
    }
    SviFit fit = SviFitter.DEFAULT.fit(t, q);
    assertThat(fit.used()).hasSize(7);
    assertThat(fit.quality().insideBook()).as(fit.summary()).isEqualTo(7);
    assertThat(fit.quality().twoSided()).isEqualTo(3);
    assertThat(fit.quality().rmsHalfSpreads()).isLessThan(0.5);
    assertThat(fit.butterfly().arbitrageFree()).isTrue();
  }

  @Test
  void noisyLongDatedMarksDoNotMakeAVShapedSmile() {
    // ETH-25DEC26 of 2026-02-05: a smooth one-year smile marked ±1.5 vol points alternately
    double t = 0.88;
    SviParameters truth = SviParametersTest.ssvi(0.67 * 0.67 * t, 0.8 / Math.sqrt(0.67 * 0.67 * t), -0.3);
    List<SmileQuote> q = new ArrayList<>();
    for (int i = 0; i <= 33; i++) {
      double k = -0.66 + 2.4 * i / 33;
      q.add(SmileQuote.of("n" + i, k, truth.volatility(k, t) + (i % 2 == 0 ? 0.015 : -0.015)));
    }
    SviFit fit = SviFitter.DEFAULT.fit(t, q);
    double sd = Math.sqrt(truth.totalVariance(0));
    // the vertex is at least half an ATM standard deviation wide...
    assertThat(fit.params().sigma()).isGreaterThanOrEqualTo(SviFitter.SIGMA_MIN_ATM_SD * sd * 0.99);
    // ...and over the quoted range the smile is the smooth one, within a third of the noise RMS...
    double sum2 = 0;
    for (int i = 0; i <= 100; i++) {
      double k = -0.66 + 2.4 * i / 100;
      double e = fit.volatility(k) - truth.volatility(k, t);
      sum2 += e * e;
    }
    assertThat(100 * Math.sqrt(sum2 / 101)).as(fit.summary()).isLessThan(0.5);
    // ...its wings included (they cap every shorter expiry's)
    assertThat(fit.params().leftWingSlope()).isCloseTo(truth.leftWingSlope(), within(0.25 * truth.leftWingSlope()));
    assertThat(fit.params().rightWingSlope()).isCloseTo(truth.rightWingSlope(),
        within(0.25 * truth.rightWingSlope()));
  }

  @Test
  void aShortExpiryUnderTheCalendarCeilingKeepsItsFitNearTheMoney() {
    // ETH-3MAY24 / ETH-4MAY24 of 2024-05-03: the 6-hour expiry's wing marks sit at the tick floor, far above the
    // next day's smile in total variance; the ceiling of the next smile must bind only where those marks carry no
    // weight
    long now = Instant.parse("2024-05-03T02:00:00Z").toEpochMilli();
    long e1 = now + 6 * 3_600_000L;
    long e2 = now + 30 * 3_600_000L;
    double t1 = YearFraction.act365(now, e1);
    double t2 = YearFraction.act365(now, e2);
    SviParameters early = shortSmile(t1);
    SviParameters late = shortSmile(t2);
    List<SmileQuote> q1 = chain(early, t1, -0.25, 0.35, 0.008, 0.03,
        (k, vol) -> impliedVol(k, t1, Math.max(otm(k, t1, vol), TICK)));
    List<SmileQuote> q2 = chain(late, t2, -0.25, 0.35, 0.008, 0.03, (k, vol) -> vol);
    SurfaceFit fit = SviSurfaceFitter.DEFAULT.fit(ForwardCurve.flat("ETH", now, 3000.0),
        List.of(ExpirySmile.of(e1, q1), ExpirySmile.of(e2, q2)));
    assertThat(fit.calendar().arbitrageFree()).as(fit.calendar().summary()).isTrue();
    SviFit first = fit.fits().getFirst();
    assertThat(first.calendarConstrained()).isTrue();
    assertThat(nearMoneyError(first, early, t1, 2.0)).as(first.summary()).isLessThan(0.2);
  }

  @Test
  void fitQualityIsComputedAsDocumented() {
    double t = 14.0 / 365;
    SviParameters truth = SviParametersTest.ssvi(0.7 * 0.7 * t, 1.0 / Math.sqrt(0.7 * 0.7 * t), -0.2);
    List<SmileQuote> q = new ArrayList<>();
    for (int i = 0; i <= 20; i++) {
      double k = -0.4 + 0.8 * i / 20;
      double vol = truth.volatility(k, t) + 0.004 * Math.sin(3.0 * i);
      SmileQuote s = switch (i % 4) {
        case 0 -> SmileQuote.of("b" + i, k, vol, vol - 0.01, vol + 0.012);
        case 1 -> SmileQuote.of("a" + i, k, vol, Double.NaN, vol + 0.003);
        case 2 -> SmileQuote.of("d" + i, k, vol, vol - 0.002, Double.NaN);
        default -> SmileQuote.of("n" + i, k, vol);
      };
      q.add(s);
    }
    SviFit fit = SviFitter.DEFAULT.withoutOutlierRejection().fit(t, q);
    double vsum2 = 0;
    double vsum = 0;
    double sum2 = 0;
    double max = 0;
    int withBook = 0;
    int inside = 0;
    int twoSided = 0;
    double spread2 = 0;
    double spreadMax = 0;
    for (SmileQuote s : q) {
      double k = s.logMoneyness();
      double fitted = fit.volatility(k);
      double e = fitted - s.iv();
      double vega = Black76.DEFAULT.greeks(OptionType.CALL, 1.0, Math.exp(k), t, s.iv()).vega() * 100;
      vsum2 += vega * e * e;
      vsum += vega;
      sum2 += e * e;
      max = Math.max(max, Math.abs(e));
      boolean bid = !Double.isNaN(s.bidIv());
      boolean ask = !Double.isNaN(s.askIv());
      if (bid || ask) {
        withBook++;
        if ((!bid || fitted >= s.bidIv()) && (!ask || fitted <= s.askIv())) {
          inside++;
        }
      }
      if (bid && ask) {
        twoSided++;
        double half = 0.5 * (otm(k, t, s.askIv()) - otm(k, t, s.bidIv()));
        double ratio = Math.abs(otm(k, t, fitted) - otm(k, t, s.iv())) / half;
        spread2 += ratio * ratio;
        spreadMax = Math.max(spreadMax, ratio);
      }
    }
    FitQuality quality = fit.quality();
    assertThat(quality.quotes()).isEqualTo(21);
    assertThat(fit.rmseVolPoints()).isEqualTo(quality.vegaRmseVolPoints());
    assertThat(quality.vegaRmseVolPoints()).isCloseTo(100 * Math.sqrt(vsum2 / vsum), within(1e-9));
    assertThat(quality.rmseVolPoints()).isCloseTo(100 * Math.sqrt(sum2 / 21), within(1e-9));
    assertThat(quality.maxAbsErrorVolPoints()).isCloseTo(100 * max, within(1e-9));
    assertThat(fit.maxAbsErrorVolPoints()).isEqualTo(quality.maxAbsErrorVolPoints());
    assertThat(quality.withBook()).isEqualTo(withBook).isEqualTo(16);
    assertThat(quality.insideBook()).isEqualTo(inside);
    assertThat(quality.twoSided()).isEqualTo(twoSided).isEqualTo(6);
    assertThat(quality.rmsHalfSpreads()).isCloseTo(Math.sqrt(spread2 / twoSided), within(1e-6));
    assertThat(quality.maxHalfSpreads()).isCloseTo(spreadMax, within(1e-6));
    assertThat(quality.summary()).startsWith(String.format(java.util.Locale.ROOT, "vega-weighted rmse %.3f vp",
        quality.vegaRmseVolPoints())).contains(inside + "/16 inside their bid/ask");
  }
}
