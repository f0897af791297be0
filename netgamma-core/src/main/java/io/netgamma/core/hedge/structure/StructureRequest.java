package io.netgamma.core.hedge.structure;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Settlement;
import java.time.Instant;

/**
 * What to build: a structure for a long holding of {@code holdingCoins} of {@code underlying}, within a budget.
 *
 * <p>Strikes (USD per coin) are given or NaN; what is NaN is chosen ({@link HedgeStructurer}):
 * <ul>
 *   <li>protective put: {@code putStrike}, else solved so that the premium is the budget, else 90% of the forward;
 *   <li>collar: {@code putStrike}, else 90% of the forward; {@code callStrike}, else solved so that the net premium
 *       (put paid − call received) is the budget, 0 (zero-cost) when there is none;
 *   <li>put spread: {@code putStrike} (the long put), else 90% of the forward; {@code lowerPutStrike} (the short put),
 *       else solved so that the net premium is the budget, else 75% of the forward.
 * </ul>
 *
 * @param kind the structure
 * @param underlying the coin, e.g. "BTC"
 * @param holdingCoins the spot holding to protect, coins, &gt; 0; every leg is on this quantity
 * @param budgetUsd the net premium the holder will pay, USD (negative: a credit wanted); NaN: none
 * @param settlement inverse (coin premiums, Deribit's {@code BTC-...} options) or linear (USDC, {@code BTC_USDC-...})
 * @param expiry the options' expiry, or null: the listed expiry nearest {@code targetDays} from the market's instant
 *     (without listed options: that day at 08:00 UTC)
 * @param targetDays the tenor wanted when no expiry is given, days, &gt; 0
 * @param putStrike the (long) put strike, or NaN
 * @param callStrike the collar's call strike, or NaN; NaN for the other kinds
 * @param lowerPutStrike the put spread's short put strike (below the put strike), or NaN; NaN for the other kinds
 */
public record StructureRequest(StructureKind kind, String underlying, double holdingCoins, double budgetUsd,
    Settlement settlement, Instant expiry, double targetDays, double putStrike, double callStrike,
    double lowerPutStrike) {

  /** The default tenor, days. */
  public static final double DEFAULT_TARGET_DAYS = 30;

  /** Validates. */
  public StructureRequest {
    ArgChecker.notNull(kind, "kind");
    ArgChecker.notBlank(underlying, "underlying");
    ArgChecker.positive(holdingCoins, "holding (coins)");
    if (Double.isInfinite(budgetUsd)) {
      throw new IllegalArgumentException("budget must be finite (or NaN for none), got " + budgetUsd);
    }
    ArgChecker.notNull(settlement, "settlement");
    ArgChecker.positive(targetDays, "target days");
    strike(putStrike, "put strike");
    strike(callStrike, "call strike");
    strike(lowerPutStrike, "lower put strike");
    ArgChecker.isTrue(Double.isNaN(callStrike) || kind == StructureKind.COLLAR,
        "a call strike is for a collar only, got " + callStrike + " for " + kind);
    ArgChecker.isTrue(Double.isNaN(lowerPutStrike) || kind == StructureKind.PUT_SPREAD,
        "a lower put strike is for a put spread only, got " + lowerPutStrike + " for " + kind);
    ArgChecker.isTrue(Double.isNaN(putStrike) || Double.isNaN(callStrike) || callStrike > putStrike,
        "the collar's call strike " + callStrike + " must be above its put strike " + putStrike);
    ArgChecker.isTrue(Double.isNaN(putStrike) || Double.isNaN(lowerPutStrike) || lowerPutStrike < putStrike,
        "the put spread's lower strike " + lowerPutStrike + " must be below its put strike " + putStrike);
  }

  /** A structure of this kind on {@code holdingCoins} of {@code underlying}: inverse options, 30 days, no budget. */
  public static StructureRequest of(StructureKind kind, String underlying, double holdingCoins) {
    return new StructureRequest(kind, underlying, holdingCoins, Double.NaN, Settlement.INVERSE, null,
        DEFAULT_TARGET_DAYS, Double.NaN, Double.NaN, Double.NaN);
  }

  /** This request with a budget, USD (NaN: none). */
  public StructureRequest withBudget(double usd) {
    return new StructureRequest(kind, underlying, holdingCoins, usd, settlement, expiry, targetDays, putStrike,
        callStrike, lowerPutStrike);
  }

  /** This request with a settlement. */
  public StructureRequest withSettlement(Settlement value) {
    return new StructureRequest(kind, underlying, holdingCoins, budgetUsd, value, expiry, targetDays, putStrike,
        callStrike, lowerPutStrike);
  }

  /** This request with an expiry (null: nearest the target tenor). */
  public StructureRequest withExpiry(Instant value) {
    return new StructureRequest(kind, underlying, holdingCoins, budgetUsd, settlement, value, targetDays, putStrike,
        callStrike, lowerPutStrike);
  }

  /** This request with a target tenor, days. */
  public StructureRequest withTargetDays(double days) {
    return new StructureRequest(kind, underlying, holdingCoins, budgetUsd, settlement, expiry, days, putStrike,
        callStrike, lowerPutStrike);
  }

  /** This request with a put strike, USD (NaN: chosen). */
  public StructureRequest withPutStrike(double strike) {
    return new StructureRequest(kind, underlying, holdingCoins, budgetUsd, settlement, expiry, targetDays, strike,
        callStrike, lowerPutStrike);
  }

  /** This request with a call strike, USD (NaN: solved). */
  public StructureRequest withCallStrike(double strike) {
    return new StructureRequest(kind, underlying, holdingCoins, budgetUsd, settlement, expiry, targetDays, putStrike,
        strike, lowerPutStrike);
  }

  /** This request with a lower put strike, USD (NaN: solved or default). */
  public StructureRequest withLowerPutStrike(double strike) {
    return new StructureRequest(kind, underlying, holdingCoins, budgetUsd, settlement, expiry, targetDays, putStrike,
        callStrike, strike);
  }

  /** True when a budget is given. */
  public boolean hasBudget() {
    return !Double.isNaN(budgetUsd);
  }

  private static void strike(double value, String name) {
    if (!Double.isNaN(value)) {
      ArgChecker.positive(value, name);
    }
  }
}
