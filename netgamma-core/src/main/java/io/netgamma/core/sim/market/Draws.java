package io.netgamma.core.sim.market;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * One seeded random stream of the generator: Apache Commons RNG's XoRoShiRo128++ seeded (through SplitMix64) from
 * the user's seed, the coin and a stream number, so that each underlying and purpose has its own stream and adding
 * an underlying or changing the strike grid does not move the others. Uniforms come from the 64-bit integers
 * exactly; the transforms use {@link StrictMath}, so the same seed gives the same numbers on every JVM and CPU
 * (Commons RNG's Gaussian samplers use {@link Math}, whose last bit may differ between platforms). Not thread-safe:
 * one per generation.
 */
final class Draws {

  private final UniformRandomProvider rng;
  private double spare = Double.NaN;

  private Draws(UniformRandomProvider rng) {
    this.rng = rng;
  }

  /** The stream {@code stream} of {@code coin} for {@code seed}. */
  static Draws of(long seed, String coin, int stream) {
    long mixed = mix(mix(seed) + coin.hashCode() * 0x9E3779B97F4A7C15L + stream * 0xC2B2AE3D27D4EB4FL);
    return new Draws(RandomSource.XO_RO_SHI_RO_128_PP.create(mixed));
  }

  /** SplitMix64's finaliser (Stafford's Mix13): a bijection of the 64-bit integers that scrambles the bits. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in [0, 1). */
  double uniform() {
    return rng.nextDouble();
  }

  /** Uniform in [lo, hi). */
  double uniform(double lo, double hi) {
    return lo + (hi - lo) * rng.nextDouble();
  }

  /** Standard normal, by Marsaglia's polar method. */
  double gaussian() {
    if (!Double.isNaN(spare)) {
      double g = spare;
      spare = Double.NaN;
      return g;
    }
    double u;
    double v;
    double s;
    do {
      u = 2 * rng.nextDouble() - 1;
      v = 2 * rng.nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double f = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
    spare = v * f;
    return u * f;
  }

  /** {@code exp(sigma·Z)}, Z standard normal: a multiplicative noise with median 1. */
  double lognormal(double sigma) {
    return StrictMath.exp(sigma * gaussian());
  }

  /** {@code exp(sigma·Z)} clipped to [lo, hi]. */
  double lognormal(double sigma, double lo, double hi) {
    return Math.min(hi, Math.max(lo, lognormal(sigma)));
  }

  /** A gap between order-book levels, in ticks: 1 (55%), 2 (25%), 3 (13%) or 4 (7%). */
  int gap() {
    double u = rng.nextDouble();
    return u < 0.55 ? 1 : u < 0.80 ? 2 : u < 0.93 ? 3 : 4;
  }
}
