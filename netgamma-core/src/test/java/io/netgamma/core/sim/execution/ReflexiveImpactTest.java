package io.netgamma.core.sim.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.instrument.OptionType;
import io.netgamma.core.sim.path.GbmAsset;
import io.netgamma.core.sim.path.GbmModel;
import io.netgamma.core.sim.path.PathSet;
import io.netgamma.core.sim.path.TimeGrid;
import org.junit.jupiter.api.Test;

class ReflexiveImpactTest {

  static final TimeGrid WEEK_HOURLY = TimeGrid.hourly(168, 1);
  static final PathSet PATHS = GbmModel.of(new GbmAsset("BTC", 60_000, 0, 0.6)).generate(WEEK_HOURLY, 2026, 0, 40, 1);
  /** Square-root law on a perpetual trading 5,000 BTC a day at 60% vol; 2/3 of the impact stays in the price. */
  static final ImpactModel IMPACT = ImpactModel.squareRoot(1.0, 0.6 / Math.sqrt(365), 5_000, 2.0 / 3);

  static HedgedOption atmCalls(double coins) {
    return new HedgedOption(OptionType.CALL, 60_000, 8.0 / 365, 0.6, coins);
  }

  @Test
  void aShortGammaHedgerAmplifiesTheMoves() {
    double sum = 0;
    int amplified = 0;
    for (int p = 0; p < PATHS.pathCount(); p++) {
      Amplification a = ReflexiveImpact.measure(PATHS, 0, p, atmCalls(-500), IMPACT);
      sum += a.realisedMoveRatio();
      amplified += a.realisedMoveRatio() > 1 ? 1 : 0;
      assertThat(a.hedgeVolumeCoins()).isPositive();
      assertThat(a.temporaryCostUsd()).isPositive();
    }
    assertThat(sum / PATHS.pathCount()).isGreaterThan(1.1); // 1.21 at this seed
    assertThat(amplified).isEqualTo(PATHS.pathCount());
  }

  @Test
  void aLongGammaHedgerDampsThem() {
    double sum = 0;
    for (int p = 0; p < PATHS.pathCount(); p++) {
      Amplification a = ReflexiveImpact.measure(PATHS, 0, p, atmCalls(500), IMPACT);
      sum += a.realisedMoveRatio();
      assertThat(a.realisedMoveRatio()).isLessThan(1);
    }
    assertThat(sum / PATHS.pathCount()).isLessThan(0.9); // 0.85 at this seed
  }

  @Test
  void noImpactMeansNoAmplification() {
    Amplification a = ReflexiveImpact.measure(PATHS, 0, 3, atmCalls(-500), ImpactModel.NONE);
    assertThat(a.realisedMoveRatio()).isEqualTo(1.0);
    assertThat(a.realisedVolRatio()).isEqualTo(1.0);
    assertThat(a.drawdownRatio()).isEqualTo(1.0);
    assertThat(a.maxDrawupImpact()).isEqualTo(a.maxDrawupBase());
    assertThat(a.temporaryCostUsd()).isZero();
    for (int i = 0; i < PATHS.points(); i++) {
      assertThat(a.impactedSpots()[i]).isEqualTo(PATHS.spot(0, i, 3));
    }
    Amplification none = ReflexiveImpact.measure(PATHS, 0, 3, atmCalls(0), IMPACT);
    assertThat(none.realisedMoveRatio()).isEqualTo(1.0);
    assertThat(none.hedgeVolumeCoins()).isZero();
  }

  @Test
  void theHedgeStopsTradingOnceTheOptionHasExpired() {
    // expires after 3.5 days of a 7-day path: afterwards the delta is the intrinsic step, and an option that
    // expires out of the money leaves no hedge to trade
    double[] flatThenUp = new double[PATHS.points()];
    for (int i = 0; i < flatThenUp.length; i++) {
      flatThenUp[i] = i <= 84 ? 60_000 * (1 - 0.0001 * i) : 70_000 + i;
    }
    HedgedOption expiring = new HedgedOption(OptionType.CALL, 65_000, 3.5 / 365, 0.6, -500);
    Amplification a = ReflexiveImpact.measure(flatThenUp, WEEK_HOURLY.dtYears(), expiring, IMPACT);
    Amplification untilExpiry = ReflexiveImpact.measure(java.util.Arrays.copyOf(flatThenUp, 85),
        WEEK_HOURLY.dtYears(), expiring, IMPACT);
    assertThat(a.hedgeVolumeCoins()).isEqualTo(untilExpiry.hedgeVolumeCoins());
    assertThat(a.temporaryCostUsd()).isEqualTo(untilExpiry.temporaryCostUsd());
  }

  @Test
  void shortPutsDeepenASellOffAndShortCallsARally() {
    int n = 49;
    double[] down = new double[n];
    double[] up = new double[n];
    for (int i = 0; i < n; i++) {
      down[i] = 60_000 * Math.exp(-0.004 * i);
      up[i] = 60_000 * Math.exp(0.004 * i);
    }
    double dt = WEEK_HOURLY.dtYears();
    HedgedOption shortPuts = new HedgedOption(OptionType.PUT, 57_000, 3.0 / 365, 0.6, -500);
    Amplification crash = ReflexiveImpact.measure(down, dt, shortPuts, IMPACT);
    assertThat(crash.maxDrawdownBase()).isCloseTo(1 - Math.exp(-0.004 * 48), within(1e-12));
    assertThat(crash.maxDrawdownImpact()).isGreaterThan(crash.maxDrawdownBase());
    assertThat(crash.drawdownRatio()).isGreaterThan(1.05);
    HedgedOption shortCalls = new HedgedOption(OptionType.CALL, 63_000, 3.0 / 365, 0.6, -500);
    Amplification squeeze = ReflexiveImpact.measure(up, dt, shortCalls, IMPACT);
    assertThat(squeeze.maxDrawupImpact()).isGreaterThan(squeeze.maxDrawupBase());
    assertThat(squeeze.impactedSpots()[n - 1]).isGreaterThan(up[n - 1]);
    // a rising path has no drawdown without impact; with it, none either
    assertThat(squeeze.drawdownRatio()).isEqualTo(1.0);
  }
}
