package io.netgamma.core.market.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.market.ForwardCurve;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SviSurfaceTest {

  static final long NOW = Instant.parse("2020-05-21T23:19:00Z").toEpochMilli();
  static final long DAY = 86_400_000L;
  static final long E1 = NOW + 7 * DAY;
  static final long E2 = NOW + 35 * DAY;
  static final long E3 = NOW + 126 * DAY;
  static final ForwardCurve CURVE = ForwardCurve.of("BTC", NOW, 9080.0, new long[] {E1, E2, E3},
      new double[] {9087.0, 9094.0, 9180.0});
  static final SviParameters S1 = SviParametersTest.ssvi(0.8 * 0.8 * 7 / 365.0, 9.0, -0.1);
  static final SviParameters S2 = SviParametersTest.ssvi(0.78 * 0.78 * 35 / 365.0, 4.0, -0.15);
  static final SviParameters S3 = SviParametersTest.ssvi(0.75 * 0.75 * 126 / 365.0, 2.0, -0.2);
  static final SviSurface SURFACE = SviSurface.of(CURVE, new long[] {E1, E2, E3}, List.of(S1, S2, S3));

  private static double t(long expiry) {
    return YearFraction.act365(NOW, expiry);
  }

  @Test
  void atAnExpiryTheSurfaceIsThatSmile() {
    for (double k = -1; k <= 1; k += 0.1) {
      assertThat(SURFACE.totalVariance(k, t(E1))).isEqualTo(S1.totalVariance(k));
      assertThat(SURFACE.totalVariance(k, t(E2))).isEqualTo(S2.totalVariance(k));
      assertThat(SURFACE.totalVariance(k, t(E3))).isEqualTo(S3.totalVariance(k));
    }
    assertThat(SURFACE.size()).isEqualTo(3);
    assertThat(SURFACE.time(1)).isEqualTo(t(E2));
    assertThat(SURFACE.slices()).containsExactly(S1, S2, S3);
  }

  @Test
  void betweenExpiriesTotalVarianceIsLinearInTime() {
    double t1 = t(E1);
    double t2 = t(E2);
    for (double k = -1; k <= 1; k += 0.1) {
      for (double f : new double[] {0.1, 0.5, 0.9}) {
        double t = t1 + f * (t2 - t1);
        double expected = S1.totalVariance(k) + (t - t1) / (t2 - t1) * (S2.totalVariance(k) - S1.totalVariance(k));
        assertThat(SURFACE.totalVariance(k, t)).isCloseTo(expected, within(1e-15));
      }
    }
  }

  @Test
  void outsideTheExpiriesVolatilityIsFlatAtFixedMoneyness() {
    for (double k = -1; k <= 1; k += 0.1) {
      assertThat(SURFACE.volatility(k, 1 / 365.0)).isCloseTo(S1.volatility(k, t(E1)), within(1e-15));
      assertThat(SURFACE.volatility(k, 2.0)).isCloseTo(S3.volatility(k, t(E3)), within(1e-15));
    }
  }

  @Test
  void volatilityAtAStrikeAndExpiry() {
    // at an expiry: the smile at ln(K/F) with that expiry's forward
    double k = Math.log(10000.0 / 9094.0);
    assertThat(SURFACE.volatility(10000.0, E2)).isCloseTo(S2.volatility(k, t(E2)), within(1e-15));
    // between expiries: the curve's interpolated forward and the interpolated total variance
    long mid = NOW + 60 * DAY;
    double km = Math.log(8000.0 / CURVE.forward(mid));
    assertThat(SURFACE.volatility(8000.0, mid)).isCloseTo(Math.sqrt(SURFACE.totalVariance(km, t(mid)) / t(mid)),
        within(1e-15));
    assertThatThrownBy(() -> SURFACE.volatility(9000.0, NOW)).hasMessageContaining("is not after");
    assertThatThrownBy(() -> SURFACE.totalVariance(0, -1)).hasMessageContaining("t must be finite and > 0");
  }

  @Test
  void aConsistentSurfaceHasNoCalendarArbitrage() {
    CalendarReport r = SURFACE.calendarReport(-2, 2, 2001);
    assertThat(r.arbitrageFree()).as(r.summary()).isTrue();
    assertThat(r.summary()).startsWith("no calendar arbitrage");
  }

  @Test
  void crossingSmilesAreReportedWhereTheyCross() {
    // a later smile with more ATM variance but much flatter wings: it falls below the earlier one for |k| large
    SviParameters early = SviParametersTest.ssvi(0.04, 5.0, 0.0);
    SviParameters late = SviParametersTest.ssvi(0.05, 1.0, 0.0);
    SviSurface s = SviSurface.of(CURVE, new long[] {E1, E2}, List.of(early, late));
    CalendarReport r = s.calendarReport(-1.0, 1.0, 2001);
    assertThat(r.arbitrageFree()).isFalse();
    // symmetric smiles: two runs, k ≤ −k* and k ≥ k*, and both wings (slopes 0.1 against 0.025)
    List<CalendarViolation> v = r.violations();
    assertThat(v).extracting(CalendarViolation::kind).containsExactly(CalendarViolation.Kind.GRID,
        CalendarViolation.Kind.GRID, CalendarViolation.Kind.LEFT_WING, CalendarViolation.Kind.RIGHT_WING);
    double kStar = crossing(early, late, 0.0, 1.0);
    double step = 2.0 / 2000;
    assertThat(v.get(0).kFrom()).isEqualTo(-1.0);
    assertThat(v.get(0).kTo()).isCloseTo(-kStar, within(step));
    assertThat(v.get(1).kFrom()).isCloseTo(kStar, within(step));
    assertThat(v.get(1).kTo()).isEqualTo(1.0);
    assertThat(v.get(1).kAtWorst()).isEqualTo(1.0);
    assertThat(v.get(1).worstDifference()).isCloseTo(late.totalVariance(1.0) - early.totalVariance(1.0),
        within(1e-15));
    assertThat(v.get(3).worstDifference()).isCloseTo(late.rightWingSlope() - early.rightWingSlope(), within(1e-15));
    assertThat(v.get(0).earlierExpiryMillis()).isEqualTo(E1);
    assertThat(v.get(0).laterExpiryMillis()).isEqualTo(E2);
    assertThat(r.summary()).startsWith("CALENDAR ARBITRAGE").contains("2020-05-28T23:19:00Z / 2020-06-25T23:19:00Z")
        .contains("right wing slope of the later smile smaller");
  }

  /** Bisection for w_late(k) = w_early(k) on [lo, hi] (one sign change). */
  private static double crossing(SviParameters early, SviParameters late, double lo, double hi) {
    double flo = late.totalVariance(lo) - early.totalVariance(lo);
    for (int i = 0; i < 200; i++) {
      double mid = 0.5 * (lo + hi);
      double f = late.totalVariance(mid) - early.totalVariance(mid);
      if (Math.signum(f) == Math.signum(flo)) {
        lo = mid;
        flo = f;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  @Test
  void badSurfacesAreRefused() {
    assertThatThrownBy(() -> SviSurface.of(CURVE, new long[] {E2, E1}, List.of(S1, S2)))
        .hasMessageContaining("strictly ascending");
    assertThatThrownBy(() -> SviSurface.of(CURVE, new long[] {NOW}, List.of(S1)))
        .hasMessageContaining("is not after the valuation instant");
    assertThatThrownBy(() -> SviSurface.of(CURVE, new long[] {E1}, List.of(S1, S2)))
        .hasMessageContaining("1 expiries but 2 smiles");
    assertThatThrownBy(() -> SviSurface.of(CURVE, new long[0], List.of()))
        .hasMessageContaining("at least one expiry");
  }
}
