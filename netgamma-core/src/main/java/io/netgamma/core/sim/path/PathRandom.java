package io.netgamma.core.sim.path;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The random streams of a block of paths: for global path {@code g}, Commons RNG's XoRoShiRo128++ with the 128-bit
 * state {@code (mix(base + (2g+1)·γ), mix(base + (2g+2)·γ))}, {@code base = mix(seed)}, γ the golden-ratio
 * increment and {@code mix} the SplitMix64 finaliser (Steele, Lea &amp; Flood 2014): the SplitMix64 sequence of the
 * seed, two words per path, so that every (seed, path) pair gets its own well-mixed, non-zero state. Normals by
 * Commons RNG's Ziggurat sampler (McFarland 2016). Not thread-safe: one per block.
 */
final class PathRandom {

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final UniformRandomProvider[] uniforms;
  private final ContinuousSampler[] normals;

  private PathRandom(UniformRandomProvider[] uniforms, ContinuousSampler[] normals) {
    this.uniforms = uniforms;
    this.normals = normals;
  }

  /** Streams for local paths {@code [from, to)} of {@code set}; index them with {@code p - from}. */
  static PathRandom forBlock(long seed, PathSet set, int from, int to) {
    int n = to - from;
    UniformRandomProvider[] u = new UniformRandomProvider[n];
    ContinuousSampler[] g = new ContinuousSampler[n];
    for (int i = 0; i < n; i++) {
      u[i] = stream(seed, (long) set.firstPath() + from + i);
      g[i] = ZigguratSampler.NormalizedGaussian.of(u[i]);
    }
    return new PathRandom(u, g);
  }

  /** The stream of global path {@code path} for {@code seed}. */
  static UniformRandomProvider stream(long seed, long path) {
    long base = mix(seed);
    long s0 = mix(base + (2 * path + 1) * GOLDEN);
    long s1 = mix(base + (2 * path + 2) * GOLDEN);
    if ((s0 | s1) == 0) {
      s1 = GOLDEN; // the all-zero state is the one XoRoShiRo cannot leave
    }
    return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {s0, s1});
  }

  /** SplitMix64's finaliser (Stafford's Mix13): a bijection of the 64-bit integers that scrambles the bits. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A standard normal from the stream of block path {@code i}. */
  double normal(int i) {
    return normals[i].sample();
  }

  /** A uniform in [0, 1) from the stream of block path {@code i}. */
  double uniform(int i) {
    return uniforms[i].nextDouble();
  }

  /** A uniform integer in [0, n) from the stream of block path {@code i}. */
  int uniformInt(int i, int n) {
    return uniforms[i].nextInt(n);
  }

  /**
   * Fills {@code z[0..k)} with independent normals of block path {@code i} and correlates them with {@code corr}.
   */
  void correlatedNormals(int i, double[] z, CorrelationMatrix corr) {
    int k = corr.size();
    for (int j = 0; j < k; j++) {
      z[j] = normals[i].sample();
    }
    if (k > 1) {
      corr.correlate(z);
    }
  }
}
