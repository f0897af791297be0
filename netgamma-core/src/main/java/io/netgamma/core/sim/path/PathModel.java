package io.netgamma.core.sim.path;

import io.netgamma.core.base.ArgChecker;
import java.util.List;
import java.util.function.Consumer;

/**
 * A model of asset price paths that generates into a step-major {@link PathSet}.
 *
 * <p><b>Reproducibility.</b> Path number {@code g} (global, {@code firstPath + local index}) draws only from its own
 * random stream, derived from {@code (seed, g)} (XoRoShiRo128++ seeded through the SplitMix64 finaliser, see
 * {@link PathRandom}). A path's numbers therefore depend on neither the thread count, nor the block split, nor the
 * other paths: generating with 1 or 2 threads, or paths {@code [0, 10k)} at once or in blocks, gives bit-identical
 * results on a given JVM and CPU. (Across platforms: the Ziggurat normal sampler of Commons RNG calls
 * {@link Math#exp} in its rare overhang branch, whose last bit the Java specification leaves to the platform.)
 *
 * <p><b>Parallelism.</b> {@link #generate(TimeGrid, long, int, int, int)} splits the paths into blocks of
 * {@value PathGeneration#BLOCK} and fills them on a private {@link java.util.concurrent.ForkJoinPool} of the given
 * parallelism; each block is filled step by step across its paths, so writes are contiguous.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface PathModel {

  /** Asset names, in the order of the generated set. */
  List<String> assets();

  /** True when generated sets carry an implied-volatility path for {@code asset}. */
  boolean hasVol(int asset);

  /**
   * Checks that the model can generate on {@code grid}, e.g. that a per-step model (GARCH, bootstrap, replay) was
   * calibrated to the grid's step. @throws IllegalArgumentException saying why not
   */
  default void checkGrid(TimeGrid grid) {
    ArgChecker.notNull(grid, "grid");
  }

  /** Largest number of distinct paths the model can generate (1 for a historical replay). */
  default int maxPaths() {
    return Integer.MAX_VALUE;
  }

  /**
   * Fills local paths {@code [from, to)} of {@code out} (all points, all assets, and the vol paths the model has),
   * path {@code p} from the stream of global path {@code out.firstPath() + p}. The building block of
   * {@link #generate}; callers normally use that.
   */
  void generateInto(PathSet out, long seed, int from, int to);

  /** Paths {@code [0, pathCount)} on all available processors. */
  default PathSet generate(TimeGrid grid, long seed, int pathCount) {
    return generate(grid, seed, 0, pathCount, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Global paths {@code [firstPath, firstPath + pathCount)} using {@code parallelism} threads (1 = the calling
   * thread only). The result does not depend on {@code parallelism}.
   */
  default PathSet generate(TimeGrid grid, long seed, int firstPath, int pathCount, int parallelism) {
    checkGrid(grid);
    ArgChecker.positive(parallelism, "parallelism");
    ArgChecker.isTrue((long) firstPath + pathCount <= maxPaths(), "this model has at most " + maxPaths()
        + " distinct path(s); asked for paths [" + firstPath + ", " + ((long) firstPath + pathCount) + ")");
    List<String> assets = assets();
    boolean[] withVol = new boolean[assets.size()];
    for (int a = 0; a < withVol.length; a++) {
      withVol[a] = hasVol(a);
    }
    PathSet out = PathSet.allocate(assets, grid, firstPath, pathCount, withVol);
    PathGeneration.run(this, out, seed, parallelism);
    return out;
  }

  /**
   * Streams paths {@code [0, pathCount)} in blocks: generates global paths {@code [k·blockSize, (k+1)·blockSize)}
   * (the last block may be shorter) into a fresh {@link PathSet} and hands it to {@code action}, on
   * {@code parallelism} threads, so that a simulator can run 10k paths in parallel without holding them all. Each
   * block holds exactly the paths {@link #generate} would (same seed, same global numbers); {@code action} is called
   * once per block, concurrently from several threads when {@code parallelism > 1}, in no particular order: it must
   * write its results by {@link PathSet#firstPath()} + local path, never to shared running totals, to stay
   * independent of the thread count. Returns when every block is done; an exception in {@code action} is rethrown.
   */
  default void forEachBlock(TimeGrid grid, long seed, int pathCount, int blockSize, int parallelism,
      Consumer<PathSet> action) {
    checkGrid(grid);
    ArgChecker.positive(pathCount, "pathCount");
    ArgChecker.positive(blockSize, "blockSize");
    ArgChecker.positive(parallelism, "parallelism");
    ArgChecker.notNull(action, "action");
    ArgChecker.isTrue(pathCount <= maxPaths(), "this model has at most " + maxPaths() + " distinct path(s); asked for "
        + pathCount);
    List<String> assets = assets();
    boolean[] withVol = new boolean[assets.size()];
    for (int a = 0; a < withVol.length; a++) {
      withVol[a] = hasVol(a);
    }
    PathGeneration.forEachBlock(pathCount, blockSize, parallelism, (first, count) -> {
      PathSet block = PathSet.allocate(assets, grid, first, count, withVol);
      generateInto(block, seed, 0, count);
      action.accept(block);
    });
  }
}
