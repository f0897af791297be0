package io.netgamma.core.sim.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PathSetTest {

  @Test
  void layoutIsStepMajor() {
    PathSet set = PathSet.allocate(List.of("BTC"), new TimeGrid(3, 0.01), 10, 5, new boolean[] {false});
    assertThat(set.index(2, 4)).isEqualTo(14);
    set.spots(0)[set.index(2, 4)] = 7;
    assertThat(set.spot(0, 2, 4)).isEqualTo(7);
    assertThat(set.spots(0)).hasSize(20);
    assertThat(set.firstPath()).isEqualTo(10);
    assertThatThrownBy(() -> set.vols(0)).hasMessageContaining("no implied-volatility path");
    assertThatThrownBy(() -> set.assetIndex("ETH")).hasMessageContaining("no asset 'ETH'");
  }

  @Test
  void permanentShiftMovesOnePathFromAStepOn() {
    PathSet set = GbmModel.of(new GbmAsset("BTC", 100, 0, 0.5)).generate(new TimeGrid(10, 0.01), 1, 0, 3, 1);
    double[] before = set.spots(0).clone();
    set.applyPermanentShift(0, 1, 4, Math.log(1.02));
    for (int step = 0; step <= 10; step++) {
      for (int p = 0; p < 3; p++) {
        double expected = before[set.index(step, p)] * (p == 1 && step >= 4 ? 1.02 : 1.0);
        assertThat(set.spot(0, step, p)).isCloseTo(expected, within(1e-12 * expected));
      }
    }
  }

  @Test
  void rejectsSetsTooLargeForOneArray() {
    assertThatThrownBy(() -> PathSet.allocate(List.of("BTC"), new TimeGrid(100_000, 1e-5), 0, 100_000,
        new boolean[] {false})).hasMessageContaining("generate the paths in blocks");
    assertThatThrownBy(() -> PathSet.allocate(List.of("BTC", "BTC"), new TimeGrid(1, 1), 0, 1,
        new boolean[] {false, false})).hasMessageContaining("distinct");
  }
}
