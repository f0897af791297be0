package io.netgamma.core.margin.cross;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.margin.CurrencyMargin;
import io.netgamma.core.margin.MarginModel;
import io.netgamma.core.margin.MarginResult;
import io.netgamma.core.margin.pm.DeribitPortfolioMargin;
import io.netgamma.core.margin.pm.PmGroupResult;
import io.netgamma.core.portfolio.PortfolioValuation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cross-asset margin: one account over BTC, ETH and any other underlying, on top of Deribit portfolio margin per risk
 * group ({@link DeribitPortfolioMargin#riskMatrices}), with a netting credit between groups bounded by the
 * correlation of their underlyings, and cross-collateral with haircuts ({@link CrossCollateral}). Immutable and
 * thread-safe. Nothing here is published by a venue: Deribit's own cross portfolio margin (X:PM) keeps its
 * cross-underlying rules private (its {@code correlation_set} contingency is off in both published parameter sets);
 * the rule below is netgamma's, with its assumptions in {@link CrossMarginParameters}.
 *
 * <p><b>Split.</b> Each group's IM is split into a directional requirement D with a direction (price down or up)
 * and a non-directional remainder N = IM − D that is never offset (vol-only loss, the loss on the other side,
 * the extended table's tail excess, delta and roll shocks): {@link GroupExposure}.
 *
 * <p><b>Pairs.</b> Two groups g, h are <em>eligible</em> when their directions are opposite (one loses when prices
 * fall, the other when they rise) and {@code ρ_used = ρ·(1 − stress) > 0} (ρ of their underlyings; 1 for the
 * same underlying). Eligible pairs are netted greedily, highest credit rate first (ties in the book's order of the
 * groups). For a pair, in USD:
 * <pre>
 *   J_gh      = min( ½ · min_k [ (R_g + P_g(k)) + (R_h + P_h(k)) ],  ½ · min_k Σ_all f (IM_f + P_f(k)) − M )
 *   m_gh      = max(0, min(D_g, D_h, J_gh))                      (D: what is still unmatched)
 *   rate_gh   = min(ρ_used, cap)
 *   credit_gh = rate_gh · 2 · m_gh,  half to each group;  then D_g −= m, D_h −= m, R_g −= m, R_h −= m
 * </pre>
 * where {@code P_g(k)} is g's raw P&amp;L in standard scenario k (its pre-aggregated vector, gains in full, coins
 * at the index), {@code R_g} its IM less the offsets of earlier pairs and M the sum of those offsets over the whole
 * book. Scenario k is the same bucket and vol
 * for both groups: a perfectly correlated move measured in each group's own price range. J is the joint bound:
 * with ρ = 1 and no cap, the two groups' margin after the credit, {@code IM_g + IM_h − 2m}, still covers their
 * combined loss in every such scenario ({@code −P_g(k) − P_h(k) ≤ IM_g + IM_h − 2m ⇔ 2m ≤ (IM_g + P_g(k)) + (IM_h +
 * P_h(k))}); with ρ &lt; 1 the credit is smaller still. So the offset is never more than a perfectly correlated
 * joint move could actually net: a partner that also loses in the first group's scenario lends only what its own
 * margin leaves over. The second term keeps the same true for the whole book when there are three or more
 * groups: with every pair netted at ρ = 1 and no cap, {@code Σ IM − 2·Σ m} still covers the book's loss in every
 * joint scenario (for two groups the two terms are equal).
 *
 * <p>Properties (tested): no credit at ρ ≤ 0 or between same-direction or non-directional groups; the credit grows
 * with ρ and never exceeds {@code cap · 2 · m}; with ρ_used = 1 and no cap two futures of opposite direction are
 * left with {@code |D_g − D_h|} whenever the joint bound does not bind (it binds for a long inverse future
 * against a larger short: its coin P&amp;L, counted at today's index like every portfolio-margin amount, gains
 * less on the way up, {@code x/(1+x)}, than it loses on the way down); a book with one group is plain portfolio
 * margin, bit for bit; with rate 1 the margin after the credit covers every joint standard scenario of the whole
 * book, for any number of groups.
 *
 * <p><b>Margins.</b> Group g's IM after the credit is {@code IM_g − credit_g / usdPerUnit_g} (settlement currency,
 * never below N_g), its MM {@code mm_factor ×} that (unchanged, bit for bit, without a credit); per settlement
 * currency the groups' amounts add up as in portfolio margin, and the USD totals as in every model.
 */
public final class CrossAssetMargin implements MarginModel {

  /** The model's name. */
  public static final String NAME = "deribit-pm-cross";

  private final DeribitPortfolioMargin base;
  private final CrossMarginParameters params;

  private CrossAssetMargin(DeribitPortfolioMargin base, CrossMarginParameters params) {
    this.base = ArgChecker.notNull(base, "base");
    this.params = ArgChecker.notNull(params, "params");
  }

  /** Cross-asset margin on a portfolio-margin model with these parameters. */
  public static CrossAssetMargin of(DeribitPortfolioMargin base, CrossMarginParameters params) {
    return new CrossAssetMargin(base, params);
  }

  /** The per-underlying model. */
  public DeribitPortfolioMargin base() {
    return base;
  }

  /** The parameters. */
  public CrossMarginParameters parameters() {
    return params;
  }

  /** This model with other parameters. */
  public CrossAssetMargin withParameters(CrossMarginParameters newParams) {
    return new CrossAssetMargin(base, newParams);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public MarginResult margin(PortfolioValuation valuation) {
    return evaluate(valuation).margin();
  }

  /**
   * The cross-asset margin of a valued book with everything that explains it.
   *
   * @throws io.netgamma.core.base.MissingMarketDataException naming a pair without a correlation, or what the base
   *     model lacks
   */
  public CrossMarginResult evaluate(PortfolioValuation valuation) {
    ArgChecker.notNull(valuation, "valuation");
    return evaluate(valuation, base.riskMatrices(valuation));
  }

  /**
   * As {@link #evaluate(PortfolioValuation)} from risk matrices already computed by the base model for that
   * valuation (so that a caller showing them does not revalue them twice).
   */
  public CrossMarginResult evaluate(PortfolioValuation valuation, List<PmGroupResult> groups) {
    ArgChecker.notNull(valuation, "valuation");
    return evaluate(valuation.timestamp(), groups, CrossCollateral.Account.of(valuation));
  }

  /**
   * The cross-asset margin of risk groups already computed by the base model, with the account's collateral and
   * position values (e.g. groups built from a venue's positions and marks).
   *
   * @param timestamp the valuation instant the result carries
   * @param groups the base model's risk groups
   * @param account the account's balances and option and spot values, for the equity
   */
  public CrossMarginResult evaluate(Instant timestamp, List<PmGroupResult> groups, CrossCollateral.Account account) {
    ArgChecker.notNull(timestamp, "timestamp");
    ArgChecker.notNull(groups, "groups");
    ArgChecker.notNull(account, "account");
    int n = groups.size();
    List<GroupExposure> exposures = new ArrayList<>(n);
    for (PmGroupResult g : groups) {
      exposures.add(GroupExposure.of(g, base.parameters().pair(g.book().pairKey()).priceRange()));
    }
    double[] creditUsd = new double[n];
    List<PairCredit> pairs = credits(exposures, creditUsd);
    double[] im = new double[n];
    double[] mm = new double[n];
    MarginResult margin = margins(timestamp, groups, exposures, creditUsd, im, mm);
    double imBefore = 0;
    double mmBefore = 0;
    double total = 0;
    for (int i = 0; i < n; i++) {
      PmGroupResult g = groups.get(i);
      imBefore += g.initialMargin() * g.book().usdPerUnit();
      mmBefore += g.maintenanceMargin() * g.book().usdPerUnit();
      total += creditUsd[i];
    }
    CrossCollateral collateral = CrossCollateral.of(account, params, margin.initialMarginUsd(),
        margin.maintenanceMarginUsd());
    return new CrossMarginResult(margin, groups, exposures, pairs, creditUsd, im, mm, imBefore, mmBefore, total,
        collateral, params);
  }

  /**
   * The pairs' credits (the rule of the class javadoc), filling each group's credit in USD.
   *
   * @param exposures the groups' splits
   * @param groupCredit receives each group's credit, USD
   * @return every pair: eligible ones in netting order, then the others
   */
  List<PairCredit> credits(List<GroupExposure> exposures, double[] groupCredit) {
    int n = exposures.size();
    double[] remaining = new double[n];
    double[] margin = new double[n];
    for (int i = 0; i < n; i++) {
      remaining[i] = exposures.get(i).directionalUsd();
      margin[i] = exposures.get(i).initialMarginUsd();
    }
    // the whole book's surplus per joint scenario, Σ_f (IM_f + P_f(k)), when every group has the same grid
    int ns = n == 0 ? 0 : exposures.get(0).scenarioCount();
    double bookBound = Double.POSITIVE_INFINITY;
    for (GroupExposure e : exposures) {
      if (e.scenarioCount() != ns) {
        ns = -1;
      }
    }
    if (ns > 0) {
      for (int k = 0; k < ns; k++) {
        double sum = 0;
        for (GroupExposure e : exposures) {
          sum += e.initialMarginUsd() + e.scenarioPnlUsd(k);
        }
        bookBound = Math.min(bookBound, 0.5 * sum);
      }
    }
    double offsetSoFar = 0;
    List<int[]> eligible = new ArrayList<>();
    List<PairCredit> others = new ArrayList<>();
    Map<Long, Double> rho = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        GroupExposure a = exposures.get(i);
        GroupExposure b = exposures.get(j);
        double r = params.correlation(a.underlying(), b.underlying());
        rho.put(key(i, j), r);
        String reason = null;
        if (a.direction() == 0 || b.direction() == 0) {
          reason = "no directional requirement in " + (a.direction() == 0 ? a.group() : b.group()) + ": no credit";
        } else if (a.direction() == b.direction()) {
          reason = "same direction (both lose when prices go " + a.directionName() + "): no credit";
        } else if (params.creditRate(r) == 0) {
          reason = String.format(Locale.ROOT, "correlation %.4f (stressed %.4f) gives no credit", r,
              params.stressed(r));
        } else if (a.scenarioCount() != b.scenarioCount()) {
          reason = "the two groups' scenario grids differ: no credit";
        }
        if (reason == null) {
          eligible.add(new int[] {i, j});
        } else {
          others.add(new PairCredit(a.group(), b.group(), a.underlying(), b.underlying(), a.direction(),
              b.direction(), r, clamp(params.stressed(r)), 0.0, false, a.directionalUsd(), b.directionalUsd(), 0.0,
              "none", 0.0, 0.0, reason));
        }
      }
    }
    // highest rate first; ties keep the book's order (a stable sort)
    eligible.sort((p, q) -> Double.compare(params.creditRate(rho.get(key(q[0], q[1]))),
        params.creditRate(rho.get(key(p[0], p[1])))));
    List<PairCredit> out = new ArrayList<>();
    for (int[] p : eligible) {
      int i = p[0];
      int j = p[1];
      GroupExposure a = exposures.get(i);
      GroupExposure b = exposures.get(j);
      double r = rho.get(key(i, j));
      double rate = params.creditRate(r);
      boolean capped = params.stressed(r) > params.creditCap();
      double joint = Double.POSITIVE_INFINITY;
      int at = 0;
      for (int k = 0; k < a.scenarioCount(); k++) {
        double slack = margin[i] + a.scenarioPnlUsd(k) + margin[j] + b.scenarioPnlUsd(k);
        if (slack < joint) {
          joint = slack;
          at = k;
        }
      }
      joint = Math.max(0.0, Math.min(0.5 * joint, bookBound - offsetSoFar));
      double smaller = Math.min(remaining[i], remaining[j]);
      double m = Math.max(0.0, Math.min(smaller, joint));
      double credit = rate * 2 * m;
      String scenario = String.format(Locale.ROOT, "%s %s; %s %s", a.group(), a.describeScenario(at), b.group(),
          b.describeScenario(at));
      String reason = m > 0 ? "opposite directions" + (capped ? ", rate capped" : "")
          + (joint < smaller ? ", offset bounded by the joint scenario" : "")
          : "opposite directions, but nothing left to offset (" + (smaller > 0 ? "the joint scenario allows none"
              : "matched by a pair of higher rate") + ")";
      out.add(new PairCredit(a.group(), b.group(), a.underlying(), b.underlying(), a.direction(), b.direction(), r,
          clamp(params.stressed(r)), rate, capped, remaining[i], remaining[j], joint, scenario, m, credit, reason));
      offsetSoFar += m;
      remaining[i] -= m;
      remaining[j] -= m;
      margin[i] -= m;
      margin[j] -= m;
      groupCredit[i] += rate * m;
      groupCredit[j] += rate * m;
    }
    out.addAll(others);
    return out;
  }

  private static double clamp(double rho) {
    return Math.max(-1.0, Math.min(1.0, rho));
  }

  private static long key(int i, int j) {
    return ((long) i << 32) | j;
  }

  /** Per settlement currency, the groups' margins after their credit (portfolio margin's sums without one). */
  private MarginResult margins(Instant timestamp, List<PmGroupResult> groups, List<GroupExposure> exposures,
      double[] creditUsd, double[] groupIm, double[] groupMm) {
    MarginResult pm = base.margin(timestamp, groups);
    double mmFactor = base.parameters().mmFactor();
    Map<String, double[]> sums = new LinkedHashMap<>(); // currency -> {im, mm, usdPerUnit, credit in ccy}
    for (int i = 0; i < groups.size(); i++) {
      PmGroupResult g = groups.get(i);
      GroupExposure e = exposures.get(i);
      double[] s = sums.computeIfAbsent(g.currency(), c -> new double[] {0, 0, g.book().usdPerUnit(), 0});
      double im = g.initialMargin();
      double mm = g.maintenanceMargin();
      if (creditUsd[i] > 0) {
        double credit = creditUsd[i] / g.book().usdPerUnit();
        im = Math.max(e.nonDirectional(), im - credit);
        mm = mmFactor * im;
        s[3] += credit;
      }
      groupIm[i] = im;
      groupMm[i] = mm;
      s[0] += im;
      s[1] += mm;
    }
    List<CurrencyMargin> currencies = new ArrayList<>();
    for (Map.Entry<String, double[]> e : sums.entrySet()) {
      double[] s = e.getValue();
      String driver = pm.currency(e.getKey()).driver();
      if (s[3] > 0) {
        driver += String.format(Locale.ROOT, "; less a cross-asset credit of %.8f %s", s[3], e.getKey());
      }
      currencies.add(new CurrencyMargin(e.getKey(), s[0], s[1], s[2], driver));
    }
    return new MarginResult(NAME, timestamp, currencies, pm.instruments(), pm.drivingInstrument(),
        pm.drivingScenario());
  }

  @Override
  public String toString() {
    return "CrossAssetMargin[" + base + ", correlations " + params.correlationSource() + ", stress "
        + params.stress() + ", cap " + params.creditCap() + "]";
  }
}
