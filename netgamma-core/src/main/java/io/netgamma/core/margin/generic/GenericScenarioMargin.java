package io.netgamma.core.margin.generic;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.InstrumentKind;
import io.netgamma.core.margin.InstrumentMargin;
import io.netgamma.core.margin.MarginModel;
import io.netgamma.core.margin.MarginResult;
import io.netgamma.core.margin.pm.PmBook;
import io.netgamma.core.portfolio.PortfolioValuation;
import io.netgamma.core.pricing.BatchPricer;
import io.netgamma.core.pricing.BatchPricers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario margin model configured entirely by a {@link GenericMarginParameters} record: the family of the
 * on-chain venues' portfolio margin (Paradex, Derive). Immutable and thread-safe.
 *
 * <p><b>Sources.</b> [P] Paradex, "Portfolio Margin" (docs.paradex.trade/risk/portfolio-margin): "SCAN Risk equals
 * the maximum weighted loss across all scenarios"; shocked spot {@code Spot × (1 + Spot Shock)}; shocked IV
 * {@code Mark IV × (1 + Vol Shock × (30 / max(DTE floor, DTE))^Vega Power)}, vega power 30% below 30 days, 13% from
 * 30 days; net portfolio IM "the greater of SCAN Risk and Minimum Delta Requirement"; minimum delta
 * {@code (2% × |Net Delta| + 1% × Hedged Delta) × Spot}, hedged delta {@code (gross − |net|) / 2} (its worked
 * example: (2.5 − 0.5) / 2 = 1.0); MMR = 50% × net portfolio IM. [D] Derive (ex-Lyra), "Portfolio Margin
 * Parameters" (docs.derive.xyz): spot × vol scenarios, tail scenarios with a "dampening" factor, and contingency
 * margin: a perp contingency, "simply a small percentage of the spot price", and an option contingency, "a small
 * percentage of the spot price ... per net short contract per strike".
 *
 * <p><b>Groups and P&amp;L</b>: as {@link ScenarioRevaluation} (one group per underlying and settlement currency,
 * full revaluation, each distinct instrument once per scenario; no time passes). Scenario s moves the index and every
 * forward by its spot shock and every option's volatility to
 * {@code σ·(1 + volShock_s · volMultiplier(t))}, floored at {@link ScenarioRevaluation#MIN_VOL} [P]. Moving every
 * forward by the spot shock (rather than the spot alone) is netgamma's reading for dated products. Paradex and
 * Derive margin linear (USDC) books; on an inverse (coin) group the P&amp;L is the coin P&amp;L at the moved price,
 * without the edge-price rescaling Deribit applies to its extended moves, so a −66% tail scenario weighs more in coin
 * than in USD.
 *
 * <p><b>Scan risk</b>: the largest of {@code −weight_s × P&L_s}, floored at 0 [P]; a weight multiplies the whole
 * scenario P&amp;L, gains included (Derive's dampening is read the same way: an assumption).
 *
 * <p><b>Contingencies</b> [D]: {@code perpContingency × Σ|q|} over futures and perpetuals, and
 * {@code optionContingency × Σ max(0, −Σ q)} where the inner sum nets calls and puts of one expiry and strike (how
 * Derive nets "per strike" is not published in the pages read: an assumption); both per coin, in coin for inverse
 * groups, times the index in USDC for linear ones.
 *
 * <p><b>Minimum delta</b> [P]: with Δ_j = q·Δ<sub>Black-76</sub> for options (the USD delta venues publish) and q for
 * futures and perpetuals, net = ΣΔ_j, gross = Σ|Δ_j|, hedged = (gross − |net|)/2: {@code minDeltaNetRate·|net| +
 * minDeltaHedgedRate·hedged} (coin; times the index in USDC). Paradex's fee and funding provisions (account-level)
 * are not modelled.
 *
 * <p><b>Requirement</b>: {@code R = max(scan risk + contingencies, minimum delta)} — Paradex's form with its
 * contingencies at 0, Derive's sum with its minimum-delta rates at 0. Initial margin {@code imFactor·R}, maintenance
 * {@code mmFactor·R}.
 */
public final class GenericScenarioMargin implements MarginModel {

  private final GenericMarginParameters params;
  private final double[] moves;
  private final BatchPricer pricer;

  private GenericScenarioMargin(GenericMarginParameters params, BatchPricer pricer) {
    this.params = ArgChecker.notNull(params, "params");
    this.pricer = ArgChecker.notNull(pricer, "pricer");
    this.moves = new double[params.scenarios().size()];
    for (int s = 0; s < moves.length; s++) {
      moves[s] = params.scenarios().get(s).spotShock();
    }
  }

  /** A model on these parameters, pricing with {@link BatchPricers#best()}. */
  public static GenericScenarioMargin of(GenericMarginParameters params) {
    return new GenericScenarioMargin(params, BatchPricers.best());
  }

  /** This model with another batch kernel. */
  public GenericScenarioMargin withPricer(BatchPricer newPricer) {
    return new GenericScenarioMargin(params, newPricer);
  }

  /** The parameters. */
  public GenericMarginParameters parameters() {
    return params;
  }

  /** The parameter set's name. */
  @Override
  public String name() {
    return params.name();
  }

  /** The evaluation of one risk group. */
  public GenericGroupResult evaluate(PmBook book) {
    ArgChecker.notNull(book, "book");
    List<GenericScenario> scenarios = params.scenarios();
    int ns = scenarios.size();
    double[] volShock = new double[ns];
    for (int s = 0; s < ns; s++) {
      volShock[s] = scenarios.get(s).volShock();
    }
    int n = book.size();
    double[] delta = new double[n];
    double[] pnl = ScenarioRevaluation.pnl(book, moves,
        (vol, years, s) -> volShock[s] == 0 ? vol : vol * (1 + volShock[s] * params.volMultiplier(years)), 0.0,
        pricer, delta);
    double[] weighted = new double[ns];
    for (int j = 0; j < n; j++) {
      for (int s = 0; s < ns; s++) {
        weighted[s] += pnl[j * ns + s];
      }
    }
    int worst = 0;
    for (int s = 0; s < ns; s++) {
      weighted[s] = weighted[s] * scenarios.get(s).weight() + 0.0;
      if (weighted[s] < weighted[worst]) {
        worst = s;
      }
    }
    double scanRisk = Math.max(0.0, -weighted[worst]);

    double unit = book.isInverse() ? 1.0 : book.indexPrice();
    double deltaOne = 0;
    Map<String, Double> netPerStrike = new LinkedHashMap<>();
    double net = 0;
    double gross = 0;
    for (int j = 0; j < n; j++) {
      Instrument ins = book.instruments().get(j);
      double q = book.quantity(j);
      if (ins.kind() == InstrumentKind.FUTURE || ins.kind() == InstrumentKind.PERPETUAL) {
        deltaOne += Math.abs(q);
      } else if (ins.isOption()) {
        netPerStrike.merge(ins.expiry() + "/" + ins.strike(), q, Double::sum);
      }
      net += delta[j];
      gross += Math.abs(delta[j]);
    }
    double netShort = 0;
    for (double q : netPerStrike.values()) {
      netShort += Math.max(0.0, -q);
    }
    double hedged = Math.max(0.0, (gross - Math.abs(net)) / 2);
    double perp = params.perpContingency() * deltaOne * unit;
    double option = params.optionContingency() * netShort * unit;
    double minDelta = (params.minDeltaNetRate() * Math.abs(net) + params.minDeltaHedgedRate() * hedged) * unit;
    return new GenericGroupResult(book, params, pnl, weighted, worst, scanRisk, perp, option, net, hedged,
        minDelta);
  }

  /**
   * The evaluation of every risk group of a valued book.
   *
   * @throws io.netgamma.core.base.MissingMarketDataException for an underlying without an index price
   */
  public List<GenericGroupResult> evaluate(PortfolioValuation valuation) {
    List<GenericGroupResult> out = new ArrayList<>();
    for (PmBook book : PmBook.groupsOf(valuation)) {
      out.add(evaluate(book));
    }
    return out;
  }

  /**
   * The margin of a valued book: per instrument, its weighted loss in its group's worst scenario times the IM and MM
   * factors; the driving instrument is the largest of those losses.
   */
  @Override
  public MarginResult margin(PortfolioValuation valuation) {
    ArgChecker.notNull(valuation, "valuation");
    return margin(valuation.timestamp(), evaluate(valuation));
  }

  /**
   * The margin from groups already evaluated (so that a caller showing the groups does not revalue them twice).
   *
   * @param timestamp the valuation instant the result carries
   * @param evaluated the groups of {@link #evaluate} for that valuation
   */
  public MarginResult margin(Instant timestamp, List<GenericGroupResult> evaluated) {
    ArgChecker.notNull(timestamp, "timestamp");
    List<GroupMargin> groups = new ArrayList<>();
    for (GenericGroupResult g : evaluated) {
      PmBook book = g.book();
      List<InstrumentMargin> detail = new ArrayList<>(book.size());
      String driving = "none";
      double largest = 0;
      for (int j = 0; j < book.size(); j++) {
        double loss = -g.worstScenarioPnl(j) + 0.0;
        detail.add(new InstrumentMargin(book.instruments().get(j), book.quantity(j), book.settlementCurrency(),
            loss * params.imFactor(), loss * params.mmFactor()));
        if (loss > largest) {
          largest = loss;
          driving = book.instruments().get(j).name();
        }
      }
      groups.add(new GroupMargin(book, g.initialMargin(), g.maintenanceMargin(), g.describe(), detail, driving));
    }
    return GroupMargin.toResult(name(), timestamp, groups);
  }

  @Override
  public String toString() {
    return "GenericScenarioMargin[" + params.name() + ", " + params.source() + ", kernel " + pricer.name() + "]";
  }
}
