package io.netgamma.core.hedge.structure;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Settlement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * A priced hedging structure on a spot holding ({@link HedgeStructurer#build}).
 *
 * <p>Money: {@code premiumUsd} is what the options cost, USD, + paid, − received (Black-76 on the expiry's forward at
 * the surface's volatility, rate 0, as the portfolio valuation prices them); {@code premiumCoin} the same in coin
 * ({@code USD/F}), which is what inverse options are quoted and paid in. Linear options are paid in USDC, worth the
 * USD figure.
 *
 * <p>At expiry, the package (holding plus options) is worth {@code V(S) = q·S + Σ legs' payoff(S) − premiumUsd} USD
 * when the underlying settles at S. {@code floorUsd} is its least value over all S &ge; 0, {@code capUsd} its greatest
 * (empty when unbounded); {@code maxLossUsd = q·spot − floorUsd} and {@code maxGainUsd = capUsd − q·spot} are measured
 * against the holding's value now; {@code breakevens} are the S where {@code V(S) = q·spot}. An inverse option pays
 * its USD intrinsic value in coin at S, so these USD figures hold for either settlement; the premium is valued at
 * inception (an inverse premium paid in coin is exposed to the coin price meanwhile, not modelled here).
 *
 * @param kind the structure
 * @param underlying the coin
 * @param settlement inverse or linear options
 * @param holdingCoins q, coins held
 * @param spot the index price now, USD per coin
 * @param forward the forward of the expiry, USD per coin
 * @param expiry the options' expiry
 * @param t years to expiry
 * @param legs the options, put first
 * @param premiumUsd net premium, USD, + paid
 * @param premiumCoin net premium, coin, + paid
 * @param executablePremiumUsd net premium at the quotes (buy at ask, sell at bid), USD; empty unless every leg has one
 * @param budgetUsd the budget asked for, USD; NaN when none
 * @param options net greeks of the options
 * @param withHolding net greeks of the options and the holding
 * @param floorUsd least value of the package at expiry, USD
 * @param capUsd greatest value of the package at expiry, USD; empty when unbounded
 * @param maxLossUsd {@code q·spot − floorUsd}, USD (positive = a loss)
 * @param maxGainUsd {@code capUsd − q·spot}, USD; empty when unbounded
 * @param breakevens spot levels at expiry where the package is worth what the holding is worth now, ascending
 * @param notes how strikes and the expiry were chosen, and anything to know
 */
public record HedgeStructure(StructureKind kind, String underlying, Settlement settlement, double holdingCoins,
    double spot, double forward, Instant expiry, double t, List<StructureLeg> legs, double premiumUsd,
    double premiumCoin, OptionalDouble executablePremiumUsd, double budgetUsd, StructureGreeks options,
    StructureGreeks withHolding, double floorUsd, OptionalDouble capUsd, double maxLossUsd,
    OptionalDouble maxGainUsd, List<Double> breakevens, List<String> notes) {

  /** Validates and copies. */
  public HedgeStructure {
    ArgChecker.notNull(kind, "kind");
    ArgChecker.notBlank(underlying, "underlying");
    ArgChecker.notNull(settlement, "settlement");
    ArgChecker.positive(holdingCoins, "holding");
    ArgChecker.positive(spot, "spot");
    ArgChecker.positive(forward, "forward");
    ArgChecker.notNull(expiry, "expiry");
    legs = List.copyOf(legs);
    ArgChecker.isTrue(!legs.isEmpty(), "a structure has legs");
    ArgChecker.finite(premiumUsd, "premium USD");
    ArgChecker.finite(premiumCoin, "premium coin");
    ArgChecker.notNull(executablePremiumUsd, "executablePremiumUsd");
    ArgChecker.notNull(options, "options");
    ArgChecker.notNull(withHolding, "withHolding");
    ArgChecker.finite(floorUsd, "floor");
    ArgChecker.notNull(capUsd, "capUsd");
    ArgChecker.finite(maxLossUsd, "max loss");
    ArgChecker.notNull(maxGainUsd, "maxGainUsd");
    breakevens = List.copyOf(breakevens);
    notes = List.copyOf(notes);
  }

  /** The package's value at expiry, USD, when the underlying settles at {@code s} (USD per coin, &ge; 0). */
  public double valueAtExpiryUsd(double s) {
    return valueAt(holdingCoins, legs, premiumUsd, s);
  }

  /** The leg at {@code index} (0: the long put). */
  public StructureLeg leg(int index) {
    return legs.get(index);
  }

  static double valueAt(double q, List<StructureLeg> legs, double premiumUsd, double s) {
    double v = q * s - premiumUsd;
    for (StructureLeg leg : legs) {
      v += leg.payoffUsd(s);
    }
    return v;
  }

  /** The payoff analysis of the package: {floor, cap or NaN, breakevens...}; see the class javadoc. */
  static Payoff payoff(double q, List<StructureLeg> legs, double premiumUsd, double spot) {
    // V is piecewise linear in S with kinks at the strikes: look at S = 0, every strike and the slope beyond the last
    TreeSet<Double> kinkSet = new TreeSet<>();
    kinkSet.add(0.0);
    double slopeAtInfinity = q;
    for (StructureLeg leg : legs) {
      kinkSet.add(leg.strike());
      if (leg.instrument().optionType().sign() > 0) {
        slopeAtInfinity += leg.quantity();
      }
    }
    double[] s = kinkSet.stream().mapToDouble(Double::doubleValue).toArray();
    double[] v = new double[s.length];
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < s.length; i++) {
      v[i] = valueAt(q, legs, premiumUsd, s[i]);
      min = Math.min(min, v[i]);
      max = Math.max(max, v[i]);
    }
    if (slopeAtInfinity < 0) {
      min = Double.NEGATIVE_INFINITY;
    }
    double cap = slopeAtInfinity > 0 ? Double.NaN : max;
    // breakevens: V(S) = q·spot on each linear piece
    double level = q * spot;
    List<Double> breakevens = new ArrayList<>();
    for (int i = 0; i + 1 < s.length; i++) {
      double a = v[i] - level;
      double b = v[i + 1] - level;
      if (a == 0) {
        addOnce(breakevens, s[i]);
      } else if ((a < 0) != (b < 0) && b != 0) {
        addOnce(breakevens, s[i] + (s[i + 1] - s[i]) * a / (a - b));
      }
    }
    double last = v[s.length - 1] - level;
    if (last == 0) {
      addOnce(breakevens, s[s.length - 1]);
    } else if (slopeAtInfinity != 0 && (last < 0) == (slopeAtInfinity > 0)) {
      addOnce(breakevens, s[s.length - 1] - last / slopeAtInfinity);
    }
    return new Payoff(min, cap, breakevens);
  }

  private static void addOnce(List<Double> list, double x) {
    if (list.isEmpty() || list.get(list.size() - 1) != x) {
      list.add(x);
    }
  }

  /** Floor (USD), cap (USD, NaN = unbounded) and breakevens (USD per coin, ascending). */
  record Payoff(double floor, double cap, List<Double> breakevens) {
  }
}
