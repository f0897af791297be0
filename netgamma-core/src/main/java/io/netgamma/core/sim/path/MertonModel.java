package io.netgamma.core.sim.path;

import io.netgamma.core.base.ArgChecker;
import java.util.List;

/**
 * Merton (1976) jump-diffusion, "Option pricing when underlying stock returns are discontinuous", J. Financial
 * Economics 3. Each step, exactly in distribution:
 * {@code ln(S_{i+1}/S_i) = (μ − σ²/2 − λκ)·dt + σ·√dt·w_i + N_i·m + δ·√N_i·y_i}, with {@code N_i ~ Poisson(λ·dt)}
 * drawn by inversion, {@code y_i} an independent normal (the sum of {@code N_i} normal log jumps), and {@code w}
 * the Cholesky-correlated diffusion normals. Jumps are independent across assets.
 *
 * <p><b>Measure.</b> The drift is jump-compensated, so {@code E[S_t] = S_0·e^{μt}} whatever the jump parameters.
 * With μ = 0 the spot is a martingale: this is the risk-neutral measure of a rate-0 forward under Merton's own
 * assumption that jump risk is diversifiable (not priced), i.e. the jump parameters are the same under both
 * measures. With μ ≠ 0 it is the real-world measure with expected return μ. No implied-volatility path.
 */
public final class MertonModel extends CorrelatedAssets<MertonAsset> {

  /** Safety cap on the jumps of one step (reached only for λ·dt in the hundreds). */
  private static final int MAX_JUMPS_PER_STEP = 10_000;


  private MertonModel(List<MertonAsset> assets, CorrelationMatrix correlation) {
    super(assets, correlation, MertonAsset[]::new, MertonAsset::name);
  }

  /** Several assets; {@code correlation} is that of their diffusion parts. */
  public static MertonModel of(List<MertonAsset> assets, CorrelationMatrix correlation) {
    return new MertonModel(assets, correlation);
  }

  /** One asset. */
  public static MertonModel of(MertonAsset asset) {
    return new MertonModel(List.of(asset), CorrelationMatrix.identity(1));
  }

  @Override
  public boolean hasVol(int asset) {
    return false;
  }

  @Override
  public void checkGrid(TimeGrid grid) {
    super.checkGrid(grid);
    for (MertonAsset a : assets) {
      ArgChecker.isTrue(a.jumpIntensity() * grid.dtYears() <= 50, a.name() + ": lambda*dt = "
          + a.jumpIntensity() * grid.dtYears() + " jumps per step is too many; use a finer grid");
    }
  }

  @Override
  public void generateInto(PathSet out, long seed, int from, int to) {
    int k = assets.length;
    double dt = out.grid().dtYears();
    double[] drift = new double[k];
    double[] diffusion = new double[k];
    double[] lambdaDt = new double[k];
    double[] noJump = new double[k];
    double[][] s = new double[k][];
    for (int a = 0; a < k; a++) {
      MertonAsset m = assets[a];
      drift[a] = (m.drift() - 0.5 * m.vol() * m.vol() - m.jumpIntensity() * m.meanRelativeJump()) * dt;
      diffusion[a] = m.vol() * Math.sqrt(dt);
      lambdaDt[a] = m.jumpIntensity() * dt;
      noJump[a] = StrictMath.exp(-lambdaDt[a]);
      s[a] = out.spots(a);
      for (int p = from; p < to; p++) {
        s[a][p] = m.spot();
      }
    }
    PathRandom rng = PathRandom.forBlock(seed, out, from, to);
    double[] z = new double[k];
    int n = out.pathCount();
    for (int step = 1; step < out.points(); step++) {
      int row = step * n;
      int prev = row - n;
      for (int p = from; p < to; p++) {
        int i = p - from;
        rng.correlatedNormals(i, z, correlation());
        for (int a = 0; a < k; a++) {
          double x = drift[a] + diffusion[a] * z[a];
          if (lambdaDt[a] > 0) {
            int jumps = poisson(rng.uniform(i), lambdaDt[a], noJump[a]);
            if (jumps > 0) {
              x += jumps * assets[a].jumpMean() + assets[a].jumpVol() * Math.sqrt(jumps) * rng.normal(i);
            }
          }
          s[a][row + p] = s[a][prev + p] * StrictMath.exp(x);
        }
      }
    }
  }

  /** Poisson(mean) by inversion of the uniform {@code u}: the smallest k with {@code P(N ≤ k) > u}. */
  static int poisson(double u, double mean, double expMinusMean) {
    double p = expMinusMean;
    double cdf = p;
    int k = 0;
    while (u >= cdf && k < MAX_JUMPS_PER_STEP) {
      k++;
      p *= mean / k;
      double next = cdf + p;
      if (next == cdf) {
        break; // the remaining tail is below the resolution of the uniform
      }
      cdf = next;
    }
    return k;
  }
}
