package io.netgamma.core.portfolio;

import io.netgamma.core.base.ArgChecker;

/**
 * The sum of every {@link Measure} over a set of positions (a bucket), in the units of {@link Measure}.
 *
 * <p>Coin-denominated measures (delta, delta_coin, gamma, gamma_coin, vanna, charm, speed, value_coin) add up only
 * within one underlying: a sum across BTC and ETH is not a number of anything (use
 * {@link GreeksAggregator#referenceEquivalent} for a BTC-equivalent). USD measures (value_usd, cash_gamma, vega,
 * standardised_vega, theta, rho, volga) add up across underlyings.
 *
 * @param positions number of positions in the bucket
 * @param valueUsd {@link Measure#VALUE_USD}
 * @param valueCoin {@link Measure#VALUE_COIN}
 * @param delta {@link Measure#DELTA}
 * @param deltaCoin {@link Measure#DELTA_COIN}
 * @param gamma {@link Measure#GAMMA}
 * @param gammaCoin {@link Measure#GAMMA_COIN}
 * @param cashGamma {@link Measure#CASH_GAMMA}
 * @param vega {@link Measure#VEGA}
 * @param standardisedVega {@link Measure#STANDARDISED_VEGA}
 * @param theta {@link Measure#THETA}
 * @param rho {@link Measure#RHO}
 * @param vanna {@link Measure#VANNA}
 * @param volga {@link Measure#VOLGA}
 * @param charm {@link Measure#CHARM}
 * @param speed {@link Measure#SPEED}
 */
public record NetGreeks(int positions, double valueUsd, double valueCoin, double delta, double deltaCoin,
    double gamma, double gammaCoin, double cashGamma, double vega, double standardisedVega, double theta,
    double rho, double vanna, double volga, double charm, double speed) {

  /** No positions, every measure 0. */
  public static final NetGreeks ZERO = of(0, new double[Measure.COUNT]);

  /** Validates: a count &ge; 0 and finite measures. */
  public NetGreeks {
    ArgChecker.notNegative(positions, "positions");
    double[] all = {valueUsd, valueCoin, delta, deltaCoin, gamma, gammaCoin, cashGamma, vega, standardisedVega,
        theta, rho, vanna, volga, charm, speed};
    for (int k = 0; k < all.length; k++) {
      if (!Double.isFinite(all[k])) {
        throw new IllegalArgumentException("net " + Measure.ALL[k].jsonName() + " must be finite, got " + all[k]);
      }
    }
  }

  /**
   * Net greeks from sums indexed by {@link Measure#ordinal()}.
   *
   * @param positions number of positions
   * @param sums one sum per measure, length &ge; {@link Measure#COUNT}
   */
  public static NetGreeks of(int positions, double[] sums) {
    ArgChecker.isTrue(sums.length >= Measure.COUNT, "sums must have " + Measure.COUNT + " entries, got "
        + sums.length);
    return new NetGreeks(positions, sums[0] + 0.0, sums[1] + 0.0, sums[2] + 0.0, sums[3] + 0.0, sums[4] + 0.0,
        sums[5] + 0.0, sums[6] + 0.0, sums[7] + 0.0, sums[8] + 0.0, sums[9] + 0.0, sums[10] + 0.0, sums[11] + 0.0,
        sums[12] + 0.0, sums[13] + 0.0, sums[14] + 0.0);
  }

  /** One measure. */
  public double get(Measure measure) {
    return switch (measure) {
      case VALUE_USD -> valueUsd;
      case VALUE_COIN -> valueCoin;
      case DELTA -> delta;
      case DELTA_COIN -> deltaCoin;
      case GAMMA -> gamma;
      case GAMMA_COIN -> gammaCoin;
      case CASH_GAMMA -> cashGamma;
      case VEGA -> vega;
      case STANDARDISED_VEGA -> standardisedVega;
      case THETA -> theta;
      case RHO -> rho;
      case VANNA -> vanna;
      case VOLGA -> volga;
      case CHARM -> charm;
      case SPEED -> speed;
    };
  }

  /** The measures as an array indexed by {@link Measure#ordinal()} (a new array). */
  public double[] toArray() {
    double[] out = new double[Measure.COUNT];
    for (Measure m : Measure.ALL) {
      out[m.ordinal()] = get(m);
    }
    return out;
  }

  /** The sum of this and {@code other} (positions and every measure). */
  public NetGreeks plus(NetGreeks other) {
    double[] a = toArray();
    double[] b = other.toArray();
    for (int k = 0; k < a.length; k++) {
      a[k] += b[k];
    }
    return of(positions + other.positions, a);
  }
}
