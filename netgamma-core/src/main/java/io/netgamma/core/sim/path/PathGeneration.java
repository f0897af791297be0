package io.netgamma.core.sim.path;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/** Splits a generation into blocks of paths and runs them on a private fork/join pool. */
final class PathGeneration {

  /** Paths per block: small enough to balance two threads on 1k paths, large enough to amortise a task. */
  static final int BLOCK = 64;

  private PathGeneration() {
  }

  /** Fills every path of {@code out}, in blocks of {@link #BLOCK} local paths. */
  static void run(PathModel model, PathSet out, long seed, int parallelism) {
    forEachBlock(out.pathCount(), BLOCK, parallelism, (first, count) -> model.generateInto(out, seed, first,
        first + count));
  }

  /** A task over a range of paths: {@code [firstPath, firstPath + count)}. */
  @FunctionalInterface
  interface BlockTask {
    void run(int firstPath, int count);
  }

  /** Runs {@code task} on blocks {@code [k·blockSize, min((k+1)·blockSize, pathCount))} on a private pool. */
  static void forEachBlock(int pathCount, int blockSize, int parallelism, BlockTask task) {
    int blocks = (int) (((long) pathCount + blockSize - 1) / blockSize);
    if (parallelism == 1 || blocks == 1) {
      for (int b = 0; b < blocks; b++) {
        int first = b * blockSize;
        task.run(first, Math.min(blockSize, pathCount - first));
      }
      return;
    }
    ForkJoinPool pool = new ForkJoinPool(parallelism);
    try {
      pool.invoke(new Tasks(task, pathCount, blockSize, 0, blocks));
    } finally {
      pool.shutdown();
    }
  }

  private static final class Tasks extends RecursiveAction {
    private final transient BlockTask task;
    private final int pathCount;
    private final int blockSize;
    private final int lo;
    private final int hi;

    Tasks(BlockTask task, int pathCount, int blockSize, int lo, int hi) {
      this.task = task;
      this.pathCount = pathCount;
      this.blockSize = blockSize;
      this.lo = lo;
      this.hi = hi;
    }

    @Override
    protected void compute() {
      if (hi - lo == 1) {
        int first = lo * blockSize;
        task.run(first, Math.min(blockSize, pathCount - first));
        return;
      }
      int mid = (lo + hi) >>> 1;
      invokeAll(new Tasks(task, pathCount, blockSize, lo, mid), new Tasks(task, pathCount, blockSize, mid, hi));
    }
  }
}
