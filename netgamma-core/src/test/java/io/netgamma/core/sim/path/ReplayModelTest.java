package io.netgamma.core.sim.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayModelTest {

  static final double DT = 1.0 / 8760;
  static final double[] BTC = {30_000, 29_500, 27_000, 28_100, 31_000};
  static final double[] ETH = {2_000, 1_950, 1_700, 1_800, 2_050};
  static final double[] DVOL = {0.55, 0.60, 0.85, 0.80, 0.70};

  @Test
  void replayEqualsTheInput() {
    ReplayModel model = ReplayModel.of(List.of("BTC", "ETH"), new double[][] {BTC, ETH},
        new double[][] {DVOL, null}, DT);
    PathSet set = model.generate(model.grid(), 123, 0, 1, 2);
    assertThat(set.spots(0)).containsExactly(BTC);
    assertThat(set.spots(1)).containsExactly(ETH);
    assertThat(set.vols(0)).containsExactly(DVOL);
    assertThat(set.hasVol(1)).isFalse();
    PathSet shorter = model.generate(TimeGrid.hourly(2, 1), 0, 0, 1, 1);
    assertThat(shorter.spots(0)).containsExactly(Arrays.copyOf(BTC, 3));
  }

  @Test
  void theInputIsCopied() {
    double[] prices = BTC.clone();
    ReplayModel model = ReplayModel.of("BTC", prices, null, DT);
    prices[2] = 1;
    assertThat(model.generate(model.grid(), 0, 0, 1, 1).spots(0)).containsExactly(BTC);
  }

  @Test
  void rejectsWhatItCannotReplay() {
    ReplayModel model = ReplayModel.of("BTC", BTC, DVOL, DT);
    assertThatThrownBy(() -> model.generate(model.grid(), 0, 0, 2, 1)).hasMessageContaining("at most 1");
    assertThatThrownBy(() -> model.generate(TimeGrid.hourly(5, 1), 0, 0, 1, 1))
        .hasMessageContaining("only 4");
    assertThatThrownBy(() -> model.generate(TimeGrid.hourly(2, 24), 0, 0, 1, 1))
        .hasMessageContaining("price every 1.0 h");
    assertThatThrownBy(() -> ReplayModel.of("BTC", new double[] {1, -2}, null, DT))
        .hasMessageContaining("BTC price #1");
    assertThatThrownBy(() -> ReplayModel.of("BTC", BTC, new double[] {0.5}, DT))
        .hasMessageContaining("1 implied vols for 5 prices");
  }
}
