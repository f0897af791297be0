package io.netgamma.core.sim.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every stochastic model gives bit-identical paths whatever the thread count or the block split. */
class ReproducibilityTest {

  static final TimeGrid GRID = TimeGrid.hourly(50, 1);
  static final CorrelationMatrix RHO = CorrelationMatrix.of2(0.8);

  static Stream<PathModel> models() {
    double dt = GRID.dtYears();
    double[] btc = new double[97];
    double[] eth = new double[97];
    for (int i = 0; i < btc.length; i++) {
      btc[i] = 0.01 * Math.sin(i * 1.7);
      eth[i] = 0.012 * Math.cos(i * 0.9);
    }
    return Stream.of(
        GbmModel.of(List.of(new GbmAsset("BTC", 60_000, 0, 0.6), new GbmAsset("ETH", 3000, 0.1, 0.8)), RHO),
        MertonModel.of(List.of(new MertonAsset("BTC", 60_000, 0, 0.5, 200, -0.02, 0.03),
            new MertonAsset("ETH", 3000, 0, 0.7, 300, -0.03, 0.04)), RHO),
        HestonModel.of(List.of(new HestonAsset("BTC", 60_000, 0, 0.36, 3, 0.4, 1.0, -0.2),
            new HestonAsset("ETH", 3000, 0, 0.5, 2, 0.6, 1.2, 0.1)), RHO),
        GarchModel.of(List.of(GarchAsset.ofAnnualVol("BTC", 60_000, 0, 0.6, 0.08, 0.9, dt),
            GarchAsset.ofAnnualVol("ETH", 3000, 0, 0.8, 0.1, 0.85, dt)), RHO, dt),
        BootstrapModel.of(List.of("BTC", "ETH"), new double[] {60_000, 3000}, new double[][] {btc, eth}, 6, dt));
  }

  @ParameterizedTest
  @MethodSource("models")
  void oneAndTwoThreadsGiveBitIdenticalPaths(PathModel model) {
    int paths = 5 * PathGeneration.BLOCK + 17; // several blocks and a ragged last one
    PathSet one = model.generate(GRID, 99, 0, paths, 1);
    PathSet two = model.generate(GRID, 99, 0, paths, 2);
    for (int a = 0; a < one.assetCount(); a++) {
      assertThat(two.spots(a)).isEqualTo(one.spots(a));
      if (one.hasVol(a)) {
        assertThat(two.vols(a)).isEqualTo(one.vols(a));
      }
    }
    PathSet otherSeed = model.generate(GRID, 100, 0, paths, 2);
    assertThat(otherSeed.spots(0)).isNotEqualTo(one.spots(0));
  }

  @ParameterizedTest
  @MethodSource("models")
  void aPathDependsOnlyOnTheSeedAndItsNumber(PathModel model) {
    PathSet all = model.generate(GRID, 7, 0, 150, 2);
    PathSet tail = model.generate(GRID, 7, 100, 50, 1);
    assertThat(tail.firstPath()).isEqualTo(100);
    for (int a = 0; a < all.assetCount(); a++) {
      for (int step = 0; step < GRID.points(); step++) {
        for (int p = 0; p < 50; p++) {
          assertThat(tail.spot(a, step, p)).isEqualTo(all.spot(a, step, 100 + p));
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void streamingBlocksHoldTheSamePathsAsOneSet(PathModel model) {
    PathSet all = model.generate(GRID, 5, 0, 130, 1);
    double[][] seen = new double[all.assetCount()][all.spots(0).length];
    java.util.concurrent.atomic.AtomicInteger blocks = new java.util.concurrent.atomic.AtomicInteger();
    model.forEachBlock(GRID, 5, 130, 40, 2, block -> {
      blocks.incrementAndGet();
      assertThat(block.pathCount()).isEqualTo(block.firstPath() == 120 ? 10 : 40);
      for (int a = 0; a < block.assetCount(); a++) {
        for (int step = 0; step < GRID.points(); step++) {
          for (int p = 0; p < block.pathCount(); p++) {
            seen[a][all.index(step, block.firstPath() + p)] = block.spot(a, step, p);
          }
        }
      }
    });
    assertThat(blocks.get()).isEqualTo(4);
    for (int a = 0; a < all.assetCount(); a++) {
      assertThat(seen[a]).isEqualTo(all.spots(a));
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void everySpotIsFiniteAndPositive(PathModel model) {
    PathSet set = model.generate(GRID, 3, 0, 200, 2);
    for (int a = 0; a < set.assetCount(); a++) {
      for (double s : set.spots(a)) {
        assertThat(s).isFinite().isPositive();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void badArgumentsAreRejected(PathModel model) {
    assertThatThrownBy(() -> model.generate(GRID, 1, 0, 10, 0)).hasMessageContaining("parallelism");
    assertThatThrownBy(() -> model.generate(GRID, 1, 0, 0, 1)).hasMessageContaining("pathCount");
  }
}
