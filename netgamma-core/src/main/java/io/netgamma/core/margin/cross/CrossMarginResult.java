package io.netgamma.core.margin.cross;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.margin.MarginResult;
import io.netgamma.core.margin.pm.PmGroupResult;
import java.util.List;

/**
 * What {@link CrossAssetMargin} says a book needs, and why: the per-underlying portfolio margin it starts from, each
 * group's directional / non-directional split, every pair's credit with the correlation it used, the margin after
 * the credit, and the account's equity against it.
 *
 * @param margin the margin after the credit: per settlement currency and in USD (the {@link MarginResult} every
 *     model returns)
 * @param groups the base model's risk groups, in the book's order (copied)
 * @param exposures each group's split, in the same order (copied)
 * @param pairs every pair of groups: the eligible ones in the order they were netted (highest credit rate
 *     first), then the others (copied)
 * @param groupCreditUsd the credit each group received, USD, in the order of {@code groups} (copied)
 * @param groupInitialMargin each group's IM after its credit, settlement currency (copied)
 * @param groupMaintenanceMargin each group's MM after its credit, settlement currency (copied)
 * @param initialMarginBeforeUsd Σ of the groups' portfolio-margin IM, USD (the plain sum of segregated margins)
 * @param maintenanceMarginBeforeUsd Σ of their MM, USD
 * @param creditUsd the total credit, USD, &ge; 0
 * @param collateral the account's equity against the margin after the credit
 * @param parameters the parameters used
 */
public record CrossMarginResult(MarginResult margin, List<PmGroupResult> groups, List<GroupExposure> exposures,
    List<PairCredit> pairs, double[] groupCreditUsd, double[] groupInitialMargin, double[] groupMaintenanceMargin,
    double initialMarginBeforeUsd,
    double maintenanceMarginBeforeUsd, double creditUsd, CrossCollateral collateral,
    CrossMarginParameters parameters) {

  /** Validates and copies. */
  public CrossMarginResult {
    ArgChecker.notNull(margin, "margin");
    groups = List.copyOf(ArgChecker.notNull(groups, "groups"));
    exposures = List.copyOf(ArgChecker.notNull(exposures, "exposures"));
    pairs = List.copyOf(ArgChecker.notNull(pairs, "pairs"));
    groupCreditUsd = ArgChecker.notNull(groupCreditUsd, "groupCreditUsd").clone();
    groupInitialMargin = ArgChecker.notNull(groupInitialMargin, "groupInitialMargin").clone();
    groupMaintenanceMargin = ArgChecker.notNull(groupMaintenanceMargin, "groupMaintenanceMargin").clone();
    ArgChecker.isTrue(groups.size() == exposures.size() && groups.size() == groupCreditUsd.length
        && groups.size() == groupInitialMargin.length && groups.size() == groupMaintenanceMargin.length,
        "groups, exposures, credits and margins must have the same length");
    ArgChecker.notNegative(initialMarginBeforeUsd, "initialMarginBeforeUsd");
    ArgChecker.notNegative(maintenanceMarginBeforeUsd, "maintenanceMarginBeforeUsd");
    ArgChecker.notNegative(creditUsd, "creditUsd");
    ArgChecker.notNull(collateral, "collateral");
    ArgChecker.notNull(parameters, "parameters");
  }

  /** The credit of each group, USD (a copy). */
  @Override
  public double[] groupCreditUsd() {
    return groupCreditUsd.clone();
  }

  /** Each group's IM after its credit, settlement currency (a copy). */
  @Override
  public double[] groupInitialMargin() {
    return groupInitialMargin.clone();
  }

  /** Each group's MM after its credit, settlement currency (a copy). */
  @Override
  public double[] groupMaintenanceMargin() {
    return groupMaintenanceMargin.clone();
  }

  /** The account's initial margin after the credit, USD. */
  public double initialMarginUsd() {
    return margin.initialMarginUsd();
  }

  /** The account's maintenance margin after the credit, USD. */
  public double maintenanceMarginUsd() {
    return margin.maintenanceMarginUsd();
  }

  /** The pair with the largest credit, or null when no pair earned one. */
  public PairCredit largestCredit() {
    PairCredit best = null;
    for (PairCredit p : pairs) {
      if (p.hasCredit() && (best == null || p.creditUsd() > best.creditUsd())) {
        best = p;
      }
    }
    return best;
  }

  /** True when some pair's rate was set by the cap. */
  public boolean capBinding() {
    for (PairCredit p : pairs) {
      if (p.capBinding() && p.hasCredit()) {
        return true;
      }
    }
    return false;
  }
}
