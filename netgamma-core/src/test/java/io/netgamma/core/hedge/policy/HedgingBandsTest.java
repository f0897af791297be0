package io.netgamma.core.hedge.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The band and volatility formulas against values worked by hand from the papers' formulas. */
class HedgingBandsTest {

  @Test
  void whalleyWilmottHalfWidthByHand() {
    // S = 60,000, Γ = 0.002 coin/USD (a book), λ = 5 bp, γ = 1e-4 /USD, r = 0:
    // 3/2 · λ · S · Γ² / γ = 1.5 · 0.0005 · 60,000 · 4e-6 / 1e-4 = 45 · 4e-6 / 1e-4 = 1.8
    // H = 1.8^(1/3) = 1.216440399 (1.216440399³ = 1.8000000)
    double h = HedgingBands.whalleyWilmottHalfWidth(0.002, 60_000, 0.0005, 1e-4, 0.0, 0.0);
    assertThat(h).isCloseTo(1.216440399, within(1e-9));
    // the sign of gamma does not matter
    assertThat(HedgingBands.whalleyWilmottHalfWidth(-0.002, 60_000, 0.0005, 1e-4, 0.0, 0.0)).isEqualTo(h);
    // with r = 5%, τ = 0.5: e^{-0.025} = 0.975310 → (1.8 · 0.975310)^(1/3) = 1.755558^(1/3) = 1.206345516
    assertThat(HedgingBands.whalleyWilmottHalfWidth(0.002, 60_000, 0.0005, 1e-4, 0.05, 0.5))
        .isCloseTo(1.206345516, within(1e-9));
  }

  @Test
  void whalleyWilmottScalesAsCubeRootOfCostAndTwoThirdsOfGamma() {
    double h = HedgingBands.whalleyWilmottHalfWidth(0.002, 60_000, 0.0005, 1e-4, 0.0, 0.0);
    // 8 × the cost: 8^(1/3) = 2 × the band; 27 ×: 3 ×
    assertThat(HedgingBands.whalleyWilmottHalfWidth(0.002, 60_000, 0.004, 1e-4, 0.0, 0.0) / h)
        .isCloseTo(2.0, within(1e-12));
    assertThat(HedgingBands.whalleyWilmottHalfWidth(0.002, 60_000, 0.0135, 1e-4, 0.0, 0.0) / h)
        .isCloseTo(3.0, within(1e-12));
    // 8 × the gamma: (8²)^(1/3) = 4 × the band; 8 × the risk aversion: half the band
    assertThat(HedgingBands.whalleyWilmottHalfWidth(0.016, 60_000, 0.0005, 1e-4, 0.0, 0.0) / h)
        .isCloseTo(4.0, within(1e-12));
    assertThat(HedgingBands.whalleyWilmottHalfWidth(0.002, 60_000, 0.0005, 8e-4, 0.0, 0.0) / h)
        .isCloseTo(0.5, within(1e-12));
    // no cost or no gamma: no band (hedge continuously)
    assertThat(HedgingBands.whalleyWilmottHalfWidth(0.002, 60_000, 0.0, 1e-4, 0.0, 0.0)).isZero();
    assertThat(HedgingBands.whalleyWilmottHalfWidth(0.0, 60_000, 0.0005, 1e-4, 0.0, 0.0)).isZero();
  }

  @Test
  void zakamoulineBandByHand() {
    // λ = 5 bp, Γ = 0.02, S = 5,000, τ = 0.25, σ = 0.2, γ = 1, r = 0
    // H0 = λ/(γ S σ² τ) = 0.0005 / (1 · 5000 · 0.04 · 0.25) = 0.0005 / 50 = 1e-5
    assertThat(HedgingBands.zakamoulineH0(0.0005, 1.0, 5000, 0.2, 0.25)).isCloseTo(1e-5, within(1e-18));
    // Hw = 1.12 · λ^0.31 · τ^0.05 · (1/σ)^0.25 · (|Γ|/γ)^0.5
    //    λ^0.31 = exp(0.31 · ln 0.0005) = exp(0.31 · −7.600902) = exp(−2.356280) = 0.0947721
    //    τ^0.05 = exp(0.05 · ln 0.25) = exp(−0.0693147) = 0.9330330
    //    5^0.25 = 1.4953488;  √0.02 = 0.1414214
    //    Hw = 1.12 · 0.0947721 · 0.9330330 · 1.4953488 · 0.1414214 = 0.0209437
    assertThat(HedgingBands.zakamoulineHw(0.0005, 0.25, 0.0, 0.2, 0.02, 1.0)).isCloseTo(0.0209437, within(1e-7));
    assertThat(HedgingBands.zakamoulineHw(0.0005, 0.25, 0.0, 0.2, -0.02, 1.0))
        .isEqualTo(HedgingBands.zakamoulineHw(0.0005, 0.25, 0.0, 0.2, 0.02, 1.0));
    // K = −4.76 · λ^0.78 / τ^0.02 · (1/σ)^0.25 · (γ S² |Γ|)^0.15
    //    λ^0.78 = exp(0.78 · −7.600902) = 0.00266193;  τ^0.02 = exp(−0.0277259) = 0.9726549
    //    (1 · 25e6 · 0.02)^0.15 = 500000^0.15 = exp(0.15 · 13.122363) = 7.1588869
    //    K = −4.76 · 0.00266193 / 0.9726549 · 1.4953488 · 7.1588869 = −0.1394546
    double k = HedgingBands.zakamoulineK(0.0005, 0.25, 0.0, 0.2, 1.0, 5000, 0.02);
    assertThat(k).isCloseTo(-0.1394546, within(1e-7));
    // σm: short gamma σ·√(1 − K) = 0.2 · √1.1394546 = 0.2134905; long gamma 0.2 · √0.8605454 = 0.1855312
    assertThat(HedgingBands.zakamoulineModifiedVol(0.2, k, -0.02)).isCloseTo(0.2134905, within(1e-7));
    assertThat(HedgingBands.zakamoulineModifiedVol(0.2, k, 0.02)).isCloseTo(0.1855312, within(1e-7));
    assertThat(HedgingBands.zakamoulineModifiedVol(0.2, k, 0.0)).isEqualTo(0.2);
    // no cost: no band from gamma, no volatility change
    assertThat(HedgingBands.zakamoulineHw(0.0, 0.25, 0.0, 0.2, 0.02, 1.0)).isZero();
    assertThat(HedgingBands.zakamoulineK(0.0, 0.25, 0.0, 0.2, 1.0, 5000, 0.02)).isZero();
    assertThat(HedgingBands.zakamoulineH0(0.0, 1.0, 5000, 0.2, 0.25)).isZero();
  }

  @Test
  void lelandNumberAndVolatilityByHand() {
    // Leland's own setting: round-trip cost k = 1% (one-way λ = 0.5%), σ = 20%, weekly rebalancing δt = 1/52:
    // A = √(2/π) · k / (σ √δt) = 0.7978846 · 0.01 / (0.2 · 0.1386750) = 0.007978846 / 0.0277350 = 0.2876814
    double a = HedgingBands.lelandNumber(0.005, 0.2, 1.0 / 52);
    assertThat(a).isCloseTo(0.2876814, within(1e-7));
    // Wilmott's form with the one-way cost: √(8/π) · λ / (σ √δt), the same number
    assertThat(a).isCloseTo(Math.sqrt(8 / Math.PI) * 0.005 / (0.2 * Math.sqrt(1.0 / 52)), within(1e-15));
    // short option: σ_L = 0.2 · √1.2876814 = 0.2269521; long: 0.2 · √0.7123186 = 0.1687980
    assertThat(HedgingBands.lelandVolatility(0.2, a, -1.0)).isCloseTo(0.2269521, within(1e-7));
    assertThat(HedgingBands.lelandVolatility(0.2, a, 1.0)).isCloseTo(0.1687980, within(1e-7));
    assertThat(HedgingBands.lelandVolatility(0.2, a, 0.0)).isEqualTo(0.2);
    // the Wilmott-forum case (σ 20%, daily, k = 1%): A = 0.007978846 / (0.2 · 0.0523424) = 0.007978846 / 0.01046848
    // = 0.7621782 < 1,
    // feasible for a long option with Leland's √(2/π) (the √(8/π) misreading gives 1.52 and fails)
    assertThat(HedgingBands.lelandNumber(0.005, 0.2, 1.0 / 365)).isCloseTo(0.7621782, within(1e-7));
    // A ≥ 1 for a long option: the adjusted variance is floored at 0
    assertThat(HedgingBands.lelandVolatility(0.2, 1.3, 1.0)).isZero();
    // a crypto hedger: 5 bp one way, σ = 60%, hourly: A = 0.7979 · 0.001 / (0.6 · 0.0106848) = 0.1244632
    assertThat(HedgingBands.lelandNumber(0.0005, 0.6, 1.0 / 8760)).isCloseTo(0.1244632, within(1e-7));
  }
}
