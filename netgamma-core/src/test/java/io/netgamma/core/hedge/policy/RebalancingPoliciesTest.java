package io.netgamma.core.hedge.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.pricing.Black76;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each policy's decisions on states whose bands are worked out by hand in the comments. */
class RebalancingPoliciesTest {

  /** A state after a first hedge at 60,000: spot 60,000, σ 60%, 30 days left of a 30-day life, 5 bp. */
  static PolicyState state() {
    return new PolicyState().spot(60_000).lastHedgeSpot(60_000).impliedVol(0.6).timeToExpiry(30 / 365.0)
        .horizon(30 / 365.0).costRate(0.0005);
  }

  /** The delta of {@code quantity} calls (negative: short), Black-76 at vol·scale; reuses one array. */
  static final class CallBook implements DeltaAtVolatility {
    final double quantity;
    final double forward;
    final double strike;
    final double t;
    final double vol;
    final double[] out = new double[Black76.SIZE];

    CallBook(double quantity, double forward, double strike, double t, double vol) {
      this.quantity = quantity;
      this.forward = forward;
      this.strike = strike;
      this.t = t;
      this.vol = vol;
    }

    @Override
    public double delta(double volScale) {
      Black76.DEFAULT.priceAndGreeks(1.0, forward, strike, t, vol * volScale, 0.0, out);
      return quantity * out[Black76.DELTA];
    }

    double greek(int index) {
      Black76.DEFAULT.priceAndGreeks(1.0, forward, strike, t, vol, 0.0, out);
      return quantity * out[index];
    }
  }

  @Test
  void timeIntervalHedgesToZeroEveryHorizonOverN() {
    // time:30 over a 30-day life: every day
    RebalancingPolicy p = TimeIntervalPolicy.ofCount(30);
    PolicyState s = state().delta(0.4);
    HedgeDecision d = p.decide(s.timeSinceLastHedge(0.5 / 365));
    assertThat(d.hedge()).isFalse();
    assertThat(d.reason()).isEqualTo(DecisionReason.INTERVAL_NOT_ELAPSED);
    assertThat(d.trade()).isZero();
    // 24 steps of an hour add up to one day within rounding: elapsed
    double t = 0;
    for (int i = 0; i < 24; i++) {
      t += 1.0 / 8760;
    }
    d = p.decide(s.timeSinceLastHedge(t));
    assertThat(d.hedge()).isTrue();
    assertThat(d.reason()).isEqualTo(DecisionReason.INTERVAL_ELAPSED);
    assertThat(d.target()).isZero();
    assertThat(d.trade()).isEqualTo(-0.4);
    assertThat(d.lower()).isEqualTo(Double.NEGATIVE_INFINITY);
    // never hedged: hedge now
    d = p.decide(new PolicyState().spot(60_000).delta(-2).horizon(0.1));
    assertThat(d.hedge()).isTrue();
    assertThat(d.reason()).isEqualTo(DecisionReason.INITIAL);
    assertThat(d.trade()).isEqualTo(2.0);
    // every:4h
    RebalancingPolicy every = TimeIntervalPolicy.every(4.0 / 8760);
    assertThat(every.decide(s.timeSinceLastHedge(3.9 / 8760)).hedge()).isFalse();
    assertThat(every.decide(s.timeSinceLastHedge(4.0 / 8760)).hedge()).isTrue();
    // a count needs the horizon
    assertThatThrownBy(() -> p.decide(new PolicyState().spot(60_000).lastHedgeSpot(60_000)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("horizon");
  }

  @Test
  void absoluteDeltaBandAsymmetricWithHedgeRatio() {
    // up 0.5, down 0.3: no trade on [−0.3, 0.5], edges included
    DeltaBandPolicy band = new DeltaBandPolicy(0.5, 0.3, false, 0.0, 1.0, false);
    PolicyState s = state();
    assertThat(band.decide(s.delta(0.5)).hedge()).isFalse();
    assertThat(band.decide(s.delta(-0.3)).hedge()).isFalse();
    HedgeDecision d = band.decide(s.delta(0.6));
    assertThat(d.hedge()).isTrue();
    assertThat(d.lower()).isEqualTo(-0.3);
    assertThat(d.upper()).isEqualTo(0.5);
    assertThat(d.target()).isZero();
    assertThat(d.trade()).isCloseTo(-0.6, within(1e-15));
    assertThat(band.decide(s.delta(-0.31)).trade()).isCloseTo(0.31, within(1e-15));
    // hedge ratio 80%: from 1.0 to 1.0 + 0.8·(0 − 1.0) = 0.2; 150%: to −0.5
    assertThat(band.withRatio(0.8).decide(s.delta(1.0)).target()).isCloseTo(0.2, within(1e-15));
    assertThat(band.withRatio(1.5).decide(s.delta(1.0)).target()).isCloseTo(-0.5, within(1e-15));
    // ratio 0: a rebalance event that trades nothing
    assertThat(band.withRatio(0.0).decide(s.delta(1.0)).trade()).isZero();
    // to the edge: 1.0 → 0.5; −1.0 → −0.3; with ratio 0.5: 1.0 → 0.75
    assertThat(band.withToEdge(true).decide(s.delta(1.0)).target()).isEqualTo(0.5);
    assertThat(band.withToEdge(true).decide(s.delta(-1.0)).target()).isEqualTo(-0.3);
    assertThat(band.withToEdge(true).withRatio(0.5).decide(s.delta(1.0)).target()).isEqualTo(0.75);
    assertThatThrownBy(() -> band.withRatio(1.6)).hasMessageContaining("hedge ratio");
  }

  @Test
  void gammaScaledBandIsTheDeltaOfTheMove() {
    // gamma-band 2%: half-width |Γ|·S·0.02 = 0.0005 · 60,000 · 0.02 = 0.6 coin (Γ = −0.0005 coin/USD)
    DeltaBandPolicy band = DeltaBandPolicy.gammaScaled(0.02);
    PolicyState s = state().gamma(-0.0005);
    HedgeDecision d = band.decide(s.delta(0.59));
    assertThat(d.hedge()).isFalse();
    assertThat(d.upper()).isCloseTo(0.6, within(1e-12));
    assertThat(d.lower()).isCloseTo(-0.6, within(1e-12));
    assertThat(band.decide(s.delta(0.61)).hedge()).isTrue();
    // twice the book, twice the band in coins: the same 2% move
    assertThat(band.decide(s.gamma(-0.001).delta(1.19)).hedge()).isFalse();
    // asymmetric 2% up / 1% down
    HedgeDecision a = new DeltaBandPolicy(0.02, 0.01, true, 0.0, 1.0, false).decide(s.gamma(-0.0005).delta(0));
    assertThat(a.upper()).isCloseTo(0.6, within(1e-12));
    assertThat(a.lower()).isCloseTo(-0.3, within(1e-12));
    // no gamma: the band is [0, 0] (any delta is hedged) unless a minimum is given
    assertThat(band.decide(s.gamma(0).delta(0.01)).hedge()).isTrue();
    assertThat(band.withMinHalfWidth(0.05).decide(s.gamma(0).delta(0.01)).hedge()).isFalse();
  }

  @Test
  void moveFilterSkipsSmallMovesStandaloneAndInFrontOfAnotherPolicy() {
    // move:2 — |S/S_last − 1| = |61,000/60,000 − 1| = 1.67% < 2%: skip; 61,200: exactly 2%: hedge
    MoveFilterPolicy move = MoveFilterPolicy.of(0.02);
    PolicyState s = state().delta(0.8);
    HedgeDecision d = move.decide(s.spot(61_000));
    assertThat(d.hedge()).isFalse();
    assertThat(d.reason()).isEqualTo(DecisionReason.MOVE_BELOW_THRESHOLD);
    d = move.decide(s.spot(58_000)); // −3.33%
    assertThat(d.hedge()).isTrue();
    assertThat(d.reason()).isEqualTo(DecisionReason.MOVE_ABOVE_THRESHOLD);
    assertThat(d.target()).isZero();
    assertThat(move.decide(s.spot(61_200.000001)).hedge()).isTrue();
    // in front of a ±0.5 band: a large move with delta inside the band still does not trade
    MoveFilterPolicy filtered = new MoveFilterPolicy(0.02, DeltaBandPolicy.absolute(0.5));
    assertThat(filtered.decide(s.spot(63_000).delta(0.4)).hedge()).isFalse();
    assertThat(filtered.decide(s.spot(63_000).delta(0.4)).reason()).isEqualTo(DecisionReason.INSIDE_BAND);
    assertThat(filtered.decide(s.spot(60_500).delta(3)).hedge()).isFalse();
    assertThat(filtered.decide(s.spot(63_000).delta(3)).trade()).isEqualTo(-3);
    // first hedge
    assertThat(move.decide(new PolicyState().spot(60_000).delta(1)).reason()).isEqualTo(DecisionReason.INITIAL);
  }

  @Test
  void volAdaptiveBandScalesWithGammaAndRealisedVol() {
    // m = 1, τ = 1 day: h = |Γ|·S·σ·√(1/365) = 0.0005 · 60,000 · 0.6 · 0.05234239 = 0.9421630 coin (implied)
    VolAdaptiveBandPolicy p = VolAdaptiveBandPolicy.of(1.0);
    PolicyState s = state().gamma(0.0005).delta(0.9);
    assertThat(p.halfWidth(s)).isCloseTo(0.9421630, within(1e-7));
    assertThat(p.decide(s).hedge()).isFalse();
    // realised 30% against implied 60%: the band halves, 0.4710815, and 0.9 is outside → to 0
    s.realisedVol(0.3);
    assertThat(p.halfWidth(s)).isCloseTo(0.4710815, within(1e-7));
    HedgeDecision d = p.decide(s);
    assertThat(d.hedge()).isTrue();
    assertThat(d.target()).isZero();
    // m = 2, τ = 4h: 2 · 0.0005 · 60,000 · 0.3 · √(4/8760) = 18 · 0.02136869 = 0.3846365
    assertThat(new VolAdaptiveBandPolicy(2, 4.0 / 8760, 0).halfWidth(s)).isCloseTo(0.3846365, within(1e-7));
    // zero gamma: the minimum
    assertThat(new VolAdaptiveBandPolicy(1, VolAdaptiveBandPolicy.ONE_DAY, 0.1).halfWidth(s.gamma(0)))
        .isEqualTo(0.1);
  }

  @Test
  void whalleyWilmottTradesToTheNearerEdge() {
    // Γ = 0.002, S = 60,000, λ = 5 bp, γ = 1e-4: H = 1.8^(1/3) = 1.2164404 (HedgingBandsTest)
    WhalleyWilmottPolicy ww = new WhalleyWilmottPolicy(1e-4);
    PolicyState s = state().gamma(0.002);
    assertThat(ww.decide(s.delta(1.2)).hedge()).isFalse();
    HedgeDecision d = ww.decide(s.delta(2.0));
    assertThat(d.hedge()).isTrue();
    assertThat(d.target()).isCloseTo(1.2164404, within(1e-7));
    assertThat(d.trade()).isCloseTo(-0.7835596, within(1e-7));
    assertThat(ww.decide(s.delta(-3.0)).target()).isCloseTo(-1.2164404, within(1e-7));
    // no cost: the band is [0, 0], every delta is hedged to 0
    HedgeDecision free = ww.decide(s.costRate(0).delta(0.01));
    assertThat(free.hedge()).isTrue();
    assertThat(free.target()).isZero();
    // with a rate the discount needs the time to expiry
    assertThatThrownBy(() -> ww.decide(new PolicyState().spot(60_000).gamma(0.002).rate(0.05)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("time to expiry");
  }

  @Test
  void zakamoulineCentresTheBandOnTheModifiedDelta() {
    // One short ATM call: F = K = 5,000, τ = 0.25, σ = 0.2, λ = 5 bp, γ = 0.01 /USD.
    CallBook book = new CallBook(-1, 5000, 5000, 0.25, 0.2);
    double gamma = book.greek(Black76.GAMMA); // −Γ_call = −0.000796888 (φ(0.05)/(5000·0.2·0.5))
    assertThat(gamma).isCloseTo(-0.000796888, within(1e-9));
    PolicyState s = new PolicyState().spot(5000).lastHedgeSpot(5000).impliedVol(0.2).timeToExpiry(0.25)
        .costRate(0.0005).gamma(gamma).deltaAtVolatility(book);
    ZakamoulinePolicy z = new ZakamoulinePolicy(0.01);
    // reference, from the formulas: H = H0 + Hw, σm from K (short gamma: σ√(1−K)),
    // centre = Δ_call(σm) − Δ_call(σ) (the hedge holds Δ_call(σm) against the short call)
    double h = 0.0005 / (0.01 * 5000 * 0.04 * 0.25)
        + 1.12 * Math.pow(0.0005, 0.31) * Math.pow(0.25, 0.05) * Math.pow(5.0, 0.25) * Math.sqrt(-gamma / 0.01);
    double k = -4.76 * Math.pow(0.0005, 0.78) / Math.pow(0.25, 0.02) * Math.pow(5.0, 0.25)
        * Math.pow(0.01 * 5000 * 5000 * -gamma, 0.15);
    double sigmaM = 0.2 * Math.sqrt(1 - k);
    double center = -book.delta(sigmaM / 0.2) + book.delta(1.0);
    // the modified vol is higher (short option), so the ATM call delta at σm is higher: centre > 0
    assertThat(center).isPositive();
    // an un-hedged short call (net delta −0.5199) is far below the band: trade to its lower edge
    double delta = book.delta(1.0);
    HedgeDecision d = z.decide(s.delta(delta));
    assertThat(d.hedge()).isTrue();
    assertThat(d.center()).isCloseTo(center, within(1e-14));
    assertThat(d.lower()).isCloseTo(center - h, within(1e-14));
    assertThat(d.upper()).isCloseTo(center + h, within(1e-14));
    assertThat(d.target()).isCloseTo(center - h, within(1e-14));
    // inside the band: no trade
    assertThat(z.decide(s.delta(center + 0.5 * h)).hedge()).isFalse();
    // without the revaluation, the vanna estimate is close (first order in σm − σ)
    double vanna = book.greek(Black76.VANNA);
    PolicyState approx = new PolicyState().spot(5000).lastHedgeSpot(5000).impliedVol(0.2).timeToExpiry(0.25)
        .costRate(0.0005).gamma(gamma).vanna(vanna).delta(delta);
    assertThat(z.decide(approx).center()).isCloseTo(center, within(Math.abs(center) * 0.05));
    // expired: nothing to do
    assertThat(z.decide(s.timeToExpiry(0)).reason()).isEqualTo(DecisionReason.EXPIRED);
    assertThat(z.decide(s).hedge()).isFalse();
    // zero cost: band [0, 0] around 0 (σm = σ), hedge to exactly 0
    HedgeDecision free = z.decide(s.timeToExpiry(0.25).costRate(0).delta(0.1));
    assertThat(free.center()).isZero();
    assertThat(free.target()).isZero();
    // zero gamma: only H0 = λ/(γSσ²τ) = 0.0005/(0.01·5000·0.04·0.25) = 0.001 remains, around 0
    HedgeDecision flat = z.decide(new PolicyState().spot(5000).impliedVol(0.2).timeToExpiry(0.25).costRate(0.0005)
        .delta(0.0009));
    assertThat(flat.hedge()).isFalse();
    assertThat(flat.upper()).isCloseTo(0.001, within(1e-15));
    assertThatThrownBy(() -> z.decide(new PolicyState().spot(5000).impliedVol(0.2)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("time to expiry");
  }

  @Test
  void lelandHedgesToTheDeltaAtLelandsVolatility() {
    // One short ATM call, F = K = 60,000, 30 days, σ = 60%, λ = 5 bp, leland:30 (daily over 30 days):
    // A = √(2/π)·2λ/(σ√δt) = 0.0007978846 / (0.6 · 0.05234239) = 0.0007978846 / 0.03140544 = 0.02540594
    // σ_L = 0.6 · √1.02540594 = 0.6 · 1.0126233 = 0.6075740 (short gamma: higher)
    double life = 30 / 365.0;
    CallBook book = new CallBook(-1, 60_000, 60_000, life, 0.6);
    PolicyState s = new PolicyState().spot(60_000).impliedVol(0.6).horizon(life).timeToExpiry(life)
        .costRate(0.0005).gamma(book.greek(Black76.GAMMA)).deltaAtVolatility(book).delta(book.delta(1.0));
    LelandPolicy leland = new LelandPolicy(30);
    assertThat(leland.adjustedVolatility(s)).isCloseTo(0.6075740, within(1e-7));
    HedgeDecision d = leland.decide(s);
    assertThat(d.hedge()).isTrue();
    assertThat(d.reason()).isEqualTo(DecisionReason.INITIAL);
    // the hedge holds Δ_call(σ_L): target net delta Δ_call(σ_L) − Δ_call(σ)
    double[] out = new double[Black76.SIZE];
    Black76.DEFAULT.priceAndGreeks(1.0, 60_000, 60_000, life, leland.adjustedVolatility(s), 0.0, out);
    double deltaL = out[Black76.DELTA];
    Black76.DEFAULT.priceAndGreeks(1.0, 60_000, 60_000, life, 0.6, 0.0, out);
    assertThat(d.target()).isCloseTo(deltaL - out[Black76.DELTA], within(1e-8));
    assertThat(d.trade()).isCloseTo(deltaL, within(1e-8)); // from −Δ(σ): buy Δ(σ_L) coins
    // between rebalances: nothing; after a day: rebalance
    s.recordHedge(d.target()).timeSinceLastHedge(0.5 / 365);
    assertThat(leland.decide(s).hedge()).isFalse();
    assertThat(leland.decide(s.timeSinceLastHedge(1 / 365.0)).reason()).isEqualTo(DecisionReason.INTERVAL_ELAPSED);
    // no cost: Leland is the plain delta hedge, target 0
    assertThat(leland.decide(s.costRate(0)).target()).isZero();
  }

  @Test
  void gexRegimeWidensInLongGammaAndTightensBelowTheFlip() {
    GexRegimeBandPolicy p = GexRegimeBandPolicy.of(0.4);
    PolicyState s = state().delta(0.5);
    // unknown regime: ±0.4, 0.5 is outside
    assertThat(GexRegimeBandPolicy.regime(s)).isEqualTo(GexRegimeBandPolicy.Regime.UNKNOWN);
    assertThat(p.decide(s).hedge()).isTrue();
    // dealers long gamma (GEX +2 M USD per 1%), spot above the flip at 58,000: ±0.8, no trade
    s.gexTotal(2e6).zeroGammaLevel(58_000);
    assertThat(GexRegimeBandPolicy.regime(s)).isEqualTo(GexRegimeBandPolicy.Regime.LONG_GAMMA);
    HedgeDecision d = p.decide(s);
    assertThat(d.hedge()).isFalse();
    assertThat(d.upper()).isEqualTo(0.8);
    // spot below the flip: ±0.2
    s.spot(57_000);
    assertThat(GexRegimeBandPolicy.regime(s)).isEqualTo(GexRegimeBandPolicy.Regime.SHORT_GAMMA);
    assertThat(p.decide(s.delta(0.3)).hedge()).isTrue();
    assertThat(p.decide(s).upper()).isEqualTo(0.2);
    // negative GEX, no flip known: short gamma
    assertThat(GexRegimeBandPolicy.regime(state().gexTotal(-1e6))).isEqualTo(GexRegimeBandPolicy.Regime.SHORT_GAMMA);
  }

  @Test
  void theRegimeComesFromAGexReport() {
    // the seeded market's BTC options, dealers long calls and short puts
    io.netgamma.core.market.MarketSnapshot m = io.netgamma.core.sim.market.MarketGenerator.DEFAULT.generate(
        io.netgamma.core.sim.market.MarketSpec.btcEth(java.time.Instant.parse("2024-06-17T10:00:00Z")), 7);
    io.netgamma.core.risk.gex.GexReport report = io.netgamma.core.risk.gex.GammaExposure.DEFAULT.compute(
        io.netgamma.core.risk.gex.GexInput.fromSnapshot(m, "BTC"));
    PolicyState s = new PolicyState().spot(report.spot()).gex(report);
    assertThat(s.gexTotal()).isEqualTo(report.totalGex());
    assertThat(s.zeroGammaLevel()).isEqualTo(report.zeroGamma().level().orElse(Double.NaN));
    GexRegimeBandPolicy.Regime expected = report.zeroGamma().found() && report.spot() < s.zeroGammaLevel()
        || report.totalGex() < 0 ? GexRegimeBandPolicy.Regime.SHORT_GAMMA : GexRegimeBandPolicy.Regime.LONG_GAMMA;
    assertThat(GexRegimeBandPolicy.regime(s)).isEqualTo(expected);
  }

  @Test
  void decidingAllocatesNothing() {
    CallBook book = new CallBook(-10, 60_000, 60_000, 30 / 365.0, 0.6);
    RebalancingPolicy[] policies = List.of(TimeIntervalPolicy.ofCount(100), DeltaBandPolicy.absolute(0.5),
        DeltaBandPolicy.gammaScaled(0.01), MoveFilterPolicy.of(0.01), VolAdaptiveBandPolicy.of(1),
        new WhalleyWilmottPolicy(1e-4), new ZakamoulinePolicy(1e-4), new LelandPolicy(100), GexRegimeBandPolicy.of(1),
        new MoveFilterPolicy(0.01, new WhalleyWilmottPolicy(1e-4))).toArray(new RebalancingPolicy[0]);
    PolicyState s = state().gamma(book.greek(Black76.GAMMA)).deltaAtVolatility(book).gexTotal(1e6);
    com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    double sum = 0;
    for (int round = 0; round < 2; round++) { // the first round warms up
      long before = bean.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < 20_000; i++) {
        s.spot(60_000 + (i % 200) * 10).delta((i % 50) * 0.1 - 2.5).timeSinceLastHedge((i % 10) / 8760.0);
        for (int j = 0; j < policies.length; j++) { // indexed: an iterator would allocate
          sum += policies[j].decide(s).trade();
        }
      }
      long allocated = bean.getCurrentThreadAllocatedBytes() - before;
      if (round == 1) {
        // 200,000 decisions: no per-call allocation (a few hundred bytes of noise at most)
        assertThat(allocated).isLessThan(10_000);
      }
    }
    assertThat(sum).isFinite();
  }
}
