package io.netgamma.core.portfolio;

import io.netgamma.core.base.ArgChecker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of {@link EwmaEstimator}: the EWMA covariance of log returns per period, with volatilities annualised,
 * correlations and betas. Immutable.
 */
public final class EwmaEstimate {

  private final List<String> assets;
  private final double lambda;
  private final int returns;
  private final double periodsPerYear;
  private final double[][] covariance;

  EwmaEstimate(List<String> assets, double lambda, int returns, double periodsPerYear, double[][] covariance) {
    this.assets = List.copyOf(assets);
    this.lambda = lambda;
    this.returns = returns;
    this.periodsPerYear = periodsPerYear;
    this.covariance = covariance;
  }

  /** The assets, in the order given. */
  public List<String> assets() {
    return assets;
  }

  /** The decay λ. */
  public double lambda() {
    return lambda;
  }

  /** Number of returns used. */
  public int returns() {
    return returns;
  }

  /** Periods per year used to annualise. */
  public double periodsPerYear() {
    return periodsPerYear;
  }

  /** EWMA covariance of the log returns of two assets, per period. */
  public double covariance(String a, String b) {
    return covariance[index(a)][index(b)];
  }

  /** Annualised volatility of an asset, fraction: {@code sqrt(C_aa·periodsPerYear)}. */
  public double volatility(String asset) {
    return Math.sqrt(covariance(asset, asset) * periodsPerYear);
  }

  /**
   * Correlation of two assets, in [−1, 1].
   *
   * @throws IllegalArgumentException when either had constant prices (no variance)
   */
  public double correlation(String a, String b) {
    double va = variance(a);
    double vb = variance(b);
    double r = covariance(a, b) / Math.sqrt(va * vb);
    return Math.max(-1.0, Math.min(1.0, r));
  }

  /**
   * Beta of {@code asset} on {@code reference}, {@code C_a,ref/C_ref,ref}.
   *
   * @throws IllegalArgumentException when the reference had constant prices
   */
  public double beta(String asset, String reference) {
    return covariance(asset, reference) / variance(reference);
  }

  /**
   * Volatilities of every asset and their correlations with {@code reference}, for
   * {@link GreeksAggregator#referenceEquivalent}.
   *
   * @throws IllegalArgumentException when the reference is not an asset or an asset had constant prices
   */
  public AssetRisk toAssetRisk(String reference) {
    index(reference);
    Map<String, Double> vols = new LinkedHashMap<>();
    Map<String, Double> correlations = new LinkedHashMap<>();
    for (String a : assets) {
      variance(a);
      vols.put(a, volatility(a));
      if (!a.equals(reference)) {
        correlations.put(a, correlation(a, reference));
      }
    }
    return new AssetRisk(reference, vols, correlations);
  }

  private double variance(String asset) {
    double v = covariance(asset, asset);
    if (!(v > 0)) {
      throw new IllegalArgumentException(asset + " has no variance over the " + returns
          + " returns (constant prices): no volatility, correlation or beta");
    }
    return v;
  }

  private int index(String asset) {
    ArgChecker.notNull(asset, "asset");
    int i = assets.indexOf(asset);
    if (i < 0) {
      throw new IllegalArgumentException("no estimate for " + asset + " (assets: " + assets + ")");
    }
    return i;
  }

  @Override
  public String toString() {
    return "EwmaEstimate[" + assets + ", lambda " + lambda + ", " + returns + " returns]";
  }
}
