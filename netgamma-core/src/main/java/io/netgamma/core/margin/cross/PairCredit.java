package io.netgamma.core.margin.cross;

import io.netgamma.core.base.ArgChecker;

/**
 * The netting credit between two risk groups (see {@link CrossAssetMargin} for the rule). Amounts in USD.
 *
 * @param first the first group's name ({@code BTC})
 * @param second the second group's name ({@code ETH})
 * @param firstUnderlying the first group's underlying
 * @param secondUnderlying the second group's underlying
 * @param firstDirection direction of the first group's directional requirement (−1 down, +1 up, 0 none)
 * @param secondDirection direction of the second's
 * @param correlation the correlation estimate ρ of the two underlyings (1 for the same underlying), in [−1, 1]
 * @param correlationUsed the stressed correlation {@code ρ·(1 − stress)} (ρ when ρ &le; 0)
 * @param creditRate {@code min(max(ρ_used, 0), cap)}; 0 when the pair is not eligible
 * @param capBinding true when the cap, not the stressed correlation, sets the rate of an eligible pair
 * @param firstDirectionalUsd the first group's directional requirement still unmatched when the pair was netted,
 *     USD, &ge; 0
 * @param secondDirectionalUsd the second's, USD, &ge; 0
 * @param jointBoundUsd the largest offset that perfectly correlated moves allow: half the smallest, over the
 *     standard scenarios, of the two groups' remaining margins plus their raw P&amp;L in that scenario (and no more
 *     than the whole book's surplus left by earlier pairs), USD; 0 for a pair that is not eligible
 * @param jointScenario the standard scenario setting {@code jointBoundUsd} ({@code bucket 9 (BTC +16.00%, ETH
 *     +18.00%), vol up}), or {@code none}
 * @param offsetUsd the offsetting amount m: the smallest of the two directional amounts and the joint bound for an
 *     eligible pair, else 0
 * @param creditUsd {@code creditRate · 2 · m}, USD, &ge; 0, shared equally between the two groups
 * @param reason why the pair gets its credit, in words ({@code opposite directions}, {@code same direction: no
 *     credit}, ...)
 */
public record PairCredit(String first, String second, String firstUnderlying, String secondUnderlying,
    int firstDirection, int secondDirection, double correlation, double correlationUsed, double creditRate,
    boolean capBinding, double firstDirectionalUsd, double secondDirectionalUsd, double jointBoundUsd,
    String jointScenario, double offsetUsd, double creditUsd, String reason) {

  /** Validates. */
  public PairCredit {
    ArgChecker.notBlank(first, "first");
    ArgChecker.notBlank(second, "second");
    ArgChecker.notBlank(firstUnderlying, "firstUnderlying");
    ArgChecker.notBlank(secondUnderlying, "secondUnderlying");
    ArgChecker.inRange(correlation, -1, 1, first + "/" + second + " correlation");
    ArgChecker.inRange(correlationUsed, -1, 1, first + "/" + second + " correlation used");
    ArgChecker.inRange(creditRate, 0, 1, first + "/" + second + " credit rate");
    ArgChecker.notNegative(firstDirectionalUsd, "firstDirectionalUsd");
    ArgChecker.notNegative(secondDirectionalUsd, "secondDirectionalUsd");
    ArgChecker.notNegative(jointBoundUsd, "jointBoundUsd");
    ArgChecker.notBlank(jointScenario, "jointScenario");
    ArgChecker.notNegative(offsetUsd, "offsetUsd");
    ArgChecker.notNegative(creditUsd, "creditUsd");
    ArgChecker.notBlank(reason, "reason");
  }

  /** {@code BTC/ETH}. */
  public String pairName() {
    return first + "/" + second;
  }

  /** True when the pair earned a credit. */
  public boolean hasCredit() {
    return creditUsd > 0;
  }
}
