package io.netgamma.core.market.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.market.ForwardCurve;
import io.netgamma.core.market.VolatilitySurface;
import io.netgamma.core.market.surface.SurfaceShifts.ShiftMode;
import io.netgamma.core.market.surface.SurfaceShifts.Stickiness;
import org.junit.jupiter.api.Test;

class SurfaceShiftsTest {

  private static final SviSurface BASE = SviSurfaceTest.SURFACE;
  private static final long NOW = SviSurfaceTest.NOW;
  private static final long DAY = SviSurfaceTest.DAY;
  private static final double[] KS = {-1.2, -0.5, -0.1, 0.0, 0.2, 0.7, 1.3};
  private static final double[] TS = {0.5 / 365, 3 / 365.0, 7 / 365.0, 30 / 365.0, 0.2, 0.35, 1.5};

  @Test
  void parallelShiftMovesEveryVolatilityByExactlyTheShift() {
    VolatilitySurface up = SurfaceShifts.parallel(BASE, 0.05);
    for (double k : KS) {
      for (double t : TS) {
        assertThat(up.volatility(k, t)).isEqualTo(BASE.volatility(k, t) + 0.05);
        double v = BASE.volatility(k, t) + 0.05;
        assertThat(up.totalVariance(k, t)).isEqualTo(v * v * t);
      }
    }
    assertThat(up.forwardCurve()).isSameAs(BASE.forwardCurve());
    // at a strike and expiry too
    long expiry = NOW + 35 * DAY;
    assertThat(up.volatility(10000.0, expiry)).isEqualTo(BASE.volatility(10000.0, expiry) + 0.05);
  }

  @Test
  void aShiftBelowZeroVolatilityFloorsAtZero() {
    VolatilitySurface crash = SurfaceShifts.parallel(BASE, -5.0);
    assertThat(crash.volatility(0.0, 0.2)).isZero();
    assertThat(crash.totalVariance(0.0, 0.2)).isZero();
  }

  @Test
  void termWeightIsOneAtThirtyDaysAndFollowsThePowerLaw() {
    double p = 0.3;
    assertThat(SurfaceShifts.termWeight(30 / 365.0, p, p)).isCloseTo(1.0, within(1e-15));
    assertThat(SurfaceShifts.termWeight(7.5 / 365.0, p, p)).isCloseTo(Math.pow(4, p), within(1e-15));
    assertThat(SurfaceShifts.termWeight(120 / 365.0, p, p)).isCloseTo(Math.pow(0.25, p), within(1e-15));
    // DTE is floored at one day
    assertThat(SurfaceShifts.termWeight(0.1 / 365.0, p, p)).isEqualTo(Math.pow(30, p));
    // Deribit's split powers: short below 30 days, long from 30 on
    assertThat(SurfaceShifts.termWeight(10 / 365.0, 0.3, 0.13)).isCloseTo(Math.pow(3, 0.3), within(1e-15));
    assertThat(SurfaceShifts.termWeight(90 / 365.0, 0.3, 0.13)).isCloseTo(Math.pow(1 / 3.0, 0.13), within(1e-15));
  }

  @Test
  void termWeightedShiftIsTheShiftAtThirtyDays() {
    VolatilitySurface s = SurfaceShifts.termWeighted(BASE, 0.04, 0.3);
    double t30 = 30 / 365.0;
    for (double k : KS) {
      assertThat(s.volatility(k, t30)).isCloseTo(BASE.volatility(k, t30) + 0.04, within(1e-15));
      double t = 7.5 / 365.0;
      assertThat(s.volatility(k, t)).isCloseTo(BASE.volatility(k, t) + 0.04 * Math.pow(4, 0.3), within(1e-15));
    }
  }

  @Test
  void relativeTermWeightedShiftIsDeribitsVolScenario() {
    // Deribit PM (BTC, 2024): vol up 50% relative, powers 0.3 below 30 days, 0.13 above
    VolatilitySurface up = SurfaceShifts.termWeighted(BASE, 0.5, 0.3, 0.13, ShiftMode.RELATIVE);
    for (double k : KS) {
      double t = 10 / 365.0;
      assertThat(up.volatility(k, t)).isCloseTo(BASE.volatility(k, t) * (1 + 0.5 * Math.pow(3, 0.3)),
          within(1e-15));
      double tl = 120 / 365.0;
      assertThat(up.volatility(k, tl)).isCloseTo(BASE.volatility(k, tl) * (1 + 0.5 * Math.pow(0.25, 0.13)),
          within(1e-15));
    }
  }

  @Test
  void stickyStrikeKeepsTheVolatilityOfEachStrike() {
    VolatilitySurface moved = SurfaceShifts.spotMove(BASE, -0.2, Stickiness.STICKY_STRIKE);
    ForwardCurve before = BASE.forwardCurve();
    ForwardCurve after = moved.forwardCurve();
    assertThat(after.index()).isCloseTo(0.8 * before.index(), within(1e-9));
    for (long expiry : new long[] {NOW + 7 * DAY, NOW + 20 * DAY, NOW + 126 * DAY, NOW + 400 * DAY}) {
      assertThat(after.forward(expiry)).isCloseTo(0.8 * before.forward(expiry), within(1e-9));
      for (double strike : new double[] {5000, 7000, 9000, 11000, 15000}) {
        assertThat(moved.volatility(strike, expiry)).as("K=%s", strike)
            .isCloseTo(BASE.volatility(strike, expiry), within(1e-12));
      }
    }
  }

  @Test
  void stickyMoneynessKeepsTheVolatilityOfEachMoneyness() {
    VolatilitySurface moved = SurfaceShifts.spotMove(BASE, 0.1, Stickiness.STICKY_MONEYNESS);
    for (long expiry : new long[] {NOW + 7 * DAY, NOW + 20 * DAY, NOW + 126 * DAY}) {
      for (double strike : new double[] {5000, 7000, 9000, 11000, 15000}) {
        // the strike at the same K/F after the move is 1.1·K
        assertThat(moved.volatility(1.1 * strike, expiry)).as("K=%s", strike)
            .isCloseTo(BASE.volatility(strike, expiry), within(1e-12));
      }
      for (double k : KS) {
        assertThat(moved.totalVariance(k, 0.2)).isEqualTo(BASE.totalVariance(k, 0.2));
      }
    }
    // and the two rules differ: after a rally a fixed strike is further in the put wing under sticky moneyness
    VolatilitySurface strike = SurfaceShifts.spotMove(BASE, 0.1, Stickiness.STICKY_STRIKE);
    long e = NOW + 35 * DAY;
    assertThat(moved.volatility(9000.0, e)).isNotCloseTo(strike.volatility(9000.0, e), within(1e-4));
  }

  @Test
  void shiftsCompose() {
    VolatilitySurface s = SurfaceShifts.parallel(SurfaceShifts.spotMove(BASE, -0.1, Stickiness.STICKY_STRIKE), 0.02);
    long expiry = NOW + 35 * DAY;
    assertThat(s.volatility(8000.0, expiry)).isCloseTo(BASE.volatility(8000.0, expiry) + 0.02, within(1e-12));
    assertThat(s.forwardCurve().index()).isCloseTo(0.9 * BASE.forwardCurve().index(), within(1e-9));
  }

  @Test
  void badShiftsAreRefused() {
    assertThatThrownBy(() -> SurfaceShifts.parallel(BASE, Double.NaN)).hasMessageContaining("volatility shift");
    assertThatThrownBy(() -> SurfaceShifts.spotMove(BASE, -1.0, Stickiness.STICKY_STRIKE))
        .hasMessageContaining("relative move must be finite and > -1");
    assertThatThrownBy(() -> SurfaceShifts.termWeighted(BASE, 0.1, -0.3)).hasMessageContaining("short-term power");
  }
}
