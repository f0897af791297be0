package io.netgamma.core.sim.path;

import io.netgamma.core.base.ArgChecker;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * What the parametric path models (GBM, Merton, Heston, GARCH) share: their assets, in order, with the correlation
 * of the assets' normal shocks, validated once.
 *
 * @param <A> the model's asset record
 */
abstract class CorrelatedAssets<A> implements PathModel {

  /** The assets, in order (a copy of the caller's list). */
  final A[] assets;
  private final List<String> names;
  private final CorrelationMatrix correlation;

  /**
   * Validates and copies.
   *
   * @param assets the assets, at least one
   * @param correlation the correlation of the assets' normal shocks, one row per asset
   * @param newArray makes an array of the asset type
   * @param name the asset's name
   */
  CorrelatedAssets(List<A> assets, CorrelationMatrix correlation, IntFunction<A[]> newArray, Function<A, String> name) {
    ArgChecker.notNull(assets, "assets");
    ArgChecker.notNull(correlation, "correlation");
    ArgChecker.isTrue(!assets.isEmpty(), "at least one asset is needed");
    ArgChecker.isTrue(correlation.size() == assets.size(), "correlation is " + correlation.size() + "x"
        + correlation.size() + " for " + assets.size() + " assets");
    this.assets = assets.toArray(newArray);
    this.names = assets.stream().map(name).toList();
    this.correlation = correlation;
  }

  @Override
  public final List<String> assets() {
    return names;
  }

  /** The correlation of the assets' normal shocks. */
  public final CorrelationMatrix correlation() {
    return correlation;
  }
}
