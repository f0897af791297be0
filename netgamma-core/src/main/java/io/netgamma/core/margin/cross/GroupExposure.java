package io.netgamma.core.margin.cross;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.margin.pm.PmGroupResult;
import java.util.Locale;

/**
 * One portfolio-margin risk group split into a <em>directional</em> requirement, which a correlated opposite
 * exposure in another group may offset, and a <em>non-directional</em> remainder, which nothing offsets. Amounts in
 * the group's settlement currency unless the name says USD (coins at the index, USDC at 1).
 *
 * <p>From the group's aggregated standard risk vector (P&amp;L per price bucket × vol up/same/down, gains already at
 * {@code pnl_offset}) with the centre bucket c (no price move):
 * <ul>
 *   <li>{@code L_vol} = the largest loss of the centre bucket (vol only), {@code L_down} = the largest loss over the
 *       buckets below c, {@code L_up} over the buckets above c, each floored at 0;</li>
 *   <li>the <b>directional requirement</b> {@code D = L_side − max(L_vol, L_other)} for the side whose loss is
 *       larger (direction −1 when the price falling drives it, +1 when rising, 0 and D = 0 on a tie): only the
 *       asymmetric part of the price risk. A short straddle losing about as much either way has D ≈ 0 — no move of
 *       another coin helps it — while a long future has D = its whole loss at −price_range;</li>
 *   <li>the <b>non-directional remainder</b> {@code N = IM − D}: the vol-only loss or the other side's loss, the
 *       extended table's excess over the standard table (tail), the delta shock and the roll shock.</li>
 * </ul>
 * {@code D ≤ worst case ≤ IM}, so N &ge; 0. The scenario driving D is the worst entry of the losing side (bucket
 * and vol). {@link #scenarioPnl()} keeps the group's raw P&amp;L per standard scenario (the pre-aggregated vector:
 * gains in full), which {@link CrossAssetMargin} adds across groups to bound an offset.
 *
 * @param group the risk group's name: the underlying ({@code BTC}) for an inverse group, {@code BTC_USDC} for a
 *     linear one
 * @param underlying the underlying
 * @param currency the settlement currency
 * @param usdPerUnit USD per unit of the settlement currency (index price for a coin, 1 for USDC), &gt; 0
 * @param priceRange the pair's {@code price_range}, the move of the outer buckets, fraction, &gt; 0
 * @param initialMargin the group's portfolio-margin IM (risk-matrix margin), &ge; 0
 * @param maintenanceMargin the group's portfolio-margin MM, &ge; 0
 * @param volOnlyLoss {@code L_vol}, &ge; 0
 * @param downLoss {@code L_down}, &ge; 0
 * @param upLoss {@code L_up}, &ge; 0
 * @param directional D, &ge; 0
 * @param direction −1 (price down drives D), +1 (up), 0 (no directional requirement)
 * @param drivingBucket 0-based standard bucket of the scenario driving D (bucket 0 = −price_range), or −1 when
 *     D = 0
 * @param drivingMove the price move of that bucket, fraction (0 when D = 0)
 * @param drivingVol {@code up}, {@code same} or {@code down} ({@code none} when D = 0)
 * @param scenarioPnl the group's raw P&amp;L per standard scenario (bucket-major, vol up / same / down; gains in
 *     full, before {@code pnl_offset}), settlement currency (copied)
 */
public record GroupExposure(String group, String underlying, String currency, double usdPerUnit,
    double priceRange, double initialMargin, double maintenanceMargin, double volOnlyLoss, double downLoss, double upLoss,
    double directional, int direction, int drivingBucket, double drivingMove, String drivingVol,
    double[] scenarioPnl) {

  private static final String[] VOLS = {"up", "same", "down"};

  /** Validates and copies. */
  public GroupExposure {
    ArgChecker.notBlank(group, "group");
    ArgChecker.notBlank(underlying, "underlying");
    ArgChecker.notBlank(currency, "currency");
    ArgChecker.positive(usdPerUnit, group + " usdPerUnit");
    ArgChecker.positive(priceRange, group + " price range");
    ArgChecker.notNegative(initialMargin, group + " initial margin");
    ArgChecker.notNegative(maintenanceMargin, group + " maintenance margin");
    ArgChecker.notNegative(volOnlyLoss, group + " vol-only loss");
    ArgChecker.notNegative(downLoss, group + " down loss");
    ArgChecker.notNegative(upLoss, group + " up loss");
    ArgChecker.notNegative(directional, group + " directional requirement");
    ArgChecker.isTrue(directional <= initialMargin, group + ": directional requirement " + directional
        + " exceeds the initial margin " + initialMargin);
    ArgChecker.isTrue(direction >= -1 && direction <= 1, "direction must be -1, 0 or 1, got " + direction);
    ArgChecker.isTrue((direction == 0) == (directional == 0), group + ": direction " + direction
        + " with directional requirement " + directional);
    ArgChecker.finite(drivingMove, group + " driving move");
    ArgChecker.notBlank(drivingVol, "drivingVol");
    scenarioPnl = ArgChecker.notNull(scenarioPnl, "scenarioPnl").clone();
    for (double x : scenarioPnl) {
      ArgChecker.finite(x, group + " scenario P&L");
    }
  }

  /**
   * The split of a portfolio-margin group (see the class javadoc).
   *
   * @param g the group's risk matrix, not null
   * @param priceRange the pair's {@code price_range} (for {@link #drivingMove()}), &gt; 0
   */
  public static GroupExposure of(PmGroupResult g, double priceRange) {
    ArgChecker.notNull(g, "group");
    ArgChecker.positive(priceRange, "priceRange");
    double[] agg = g.aggregatedStandard();
    double[] pre = g.preAggregatedStandard();
    int nb = agg.length / 3;
    int c = (nb - 1) / 2;
    int[] volOrder = {1, 0, 2}; // same, up, down: the search order of the worst case
    double lVol = 0;
    double lDown = 0;
    double lUp = 0;
    int downAt = -1;
    int upAt = -1;
    for (int b = 0; b < nb; b++) {
      for (int v : volOrder) {
        int k = 3 * b + v;
        double loss = -agg[k];
        if (b == c) {
          lVol = Math.max(lVol, loss);
        } else if (b < c && loss > lDown) {
          lDown = loss;
          downAt = k;
        } else if (b > c && loss > lUp) {
          lUp = loss;
          upAt = k;
        }
      }
    }
    int direction = 0;
    double d = 0;
    int at = -1;
    if (lDown > lUp) {
      d = lDown - Math.max(lVol, lUp);
      direction = -1;
      at = downAt;
    } else if (lUp > lDown) {
      d = lUp - Math.max(lVol, lDown);
      direction = 1;
      at = upAt;
    }
    double im = g.initialMargin();
    if (!(d > 0)) {
      d = 0;
      direction = 0;
      at = -1;
    }
    d = Math.min(d, im);
    String name = g.book().isInverse() ? g.book().underlying() : g.book().underlying() + "_" + g.currency();
    int bucket = at < 0 ? -1 : at / 3;
    double move = at < 0 ? 0.0 : priceRange * (bucket - c) / c;
    return new GroupExposure(name, g.book().underlying(), g.currency(), g.book().usdPerUnit(), priceRange, im,
        g.maintenanceMargin(), lVol, lDown, lUp, d, direction, bucket, move, at < 0 ? "none" : VOLS[at % 3],
        pre);
  }

  /** The raw P&amp;L per standard scenario, settlement currency, a copy. */
  @Override
  public double[] scenarioPnl() {
    return scenarioPnl.clone();
  }

  /** Number of standard scenarios (3 per price bucket). */
  public int scenarioCount() {
    return scenarioPnl.length;
  }

  /**
   * Standard scenario k in words for this group: {@code bucket 1 (-16.00%), vol same}.
   */
  public String describeScenario(int k) {
    int c = (scenarioPnl.length / 3 - 1) / 2;
    int b = k / 3;
    return String.format(Locale.ROOT, "bucket %d (%+.2f%%), vol %s", b + 1, 100 * priceRange * (b - c) / c,
        VOLS[k % 3]);
  }

  /** The raw P&amp;L of standard scenario k, USD. */
  public double scenarioPnlUsd(int k) {
    return scenarioPnl[k] * usdPerUnit;
  }

  /** The non-directional remainder {@code IM − D}, settlement currency, &ge; 0. */
  public double nonDirectional() {
    return Math.max(0.0, initialMargin - directional);
  }

  /** D in USD. */
  public double directionalUsd() {
    return directional * usdPerUnit;
  }

  /** IM in USD. */
  public double initialMarginUsd() {
    return initialMargin * usdPerUnit;
  }

  /** {@code down}, {@code up} or {@code none}. */
  public String directionName() {
    return direction < 0 ? "down" : direction > 0 ? "up" : "none";
  }

  /** The scenario driving D, in words: {@code price -16.00% (bucket 1), vol same}, or {@code none}. */
  public String drivingScenario() {
    return drivingBucket < 0 ? "none" : String.format(Locale.ROOT, "price %+.2f%% (bucket %d), vol %s",
        100 * drivingMove, drivingBucket + 1, drivingVol);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GroupExposure e && group.equals(e.group) && currency.equals(e.currency)
        && Double.compare(initialMargin, e.initialMargin) == 0 && Double.compare(directional, e.directional) == 0
        && direction == e.direction && java.util.Arrays.equals(scenarioPnl, e.scenarioPnl);
  }

  @Override
  public int hashCode() {
    return group.hashCode() * 31 + Double.hashCode(directional);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "GroupExposure[%s: IM %s %s, directional %s (%s), non-directional %s]", group,
        initialMargin, currency, directional, directionName(), nonDirectional());
  }
}
