package io.netgamma.core.margin.span;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.margin.InstrumentMargin;
import io.netgamma.core.margin.MarginModel;
import io.netgamma.core.margin.MarginResult;
import io.netgamma.core.margin.generic.GroupMargin;
import io.netgamma.core.margin.generic.ScenarioRevaluation;
import io.netgamma.core.margin.pm.PmBook;
import io.netgamma.core.portfolio.PortfolioValuation;
import io.netgamma.core.pricing.BatchPricer;
import io.netgamma.core.pricing.BatchPricers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * CME SPAN-style margin: 16 scenarios over a price scan range and a volatility scan range, the two extreme moves
 * counted at a cover fraction, and a short-option minimum. Immutable and thread-safe.
 *
 * <p><b>Sources.</b> [C1] CME Group, "CME SPAN Methodology Overview" (cmegroup.com/clearing/risk-management/
 * span-overview.html): the requirement is the worst loss a portfolio "might reasonably incur over a specified time
 * period (typically one trading day)", each risk scenario being a "combination of price (or underlying price)
 * change, volatility change, and decrease in time to expiration". [C2] CME, "Components of SPAN"
 * (cme.com/clearing/rmspan/span/components.html): risk arrays per contract over scenarios defined by the price scan
 * range and the volatility scan range; look-ahead time one trading day; SPAN's own arrays show losses as positive
 * values. [T] The standard scenario table, as printed in SPAN course material (e.g. "Financial Derivatives", LPU,
 * table 12.1 "Worst Scenario Loss") and described in CME's SPAN report guide ("Risk Scenarios": paired scenarios
 * with the same price move and opposite volatility moves, "with the exception of scenario #'s 15 and 16", and a
 * weight "by which the scenario is multiplied"): scenarios 1–14 price 0, ±1/3, ±2/3, ±3/3 of the range, each with
 * vol up and vol down, counted at 100%; 15 and 16 price ±2 ranges, vol unchanged, counted at 35%. [S] CME Clearing
 * Advisory 09-332: the short-option minimum "is a charge that is applied only to portfolios concentrated in short
 * options that do not generate a minimum margin requirement level when margins are calculated using the normal 16
 * SPAN scenarios. The SOM charge per short call or short put is a percentage of the outright margin on one underlying
 * futures contract." [M] The SPAN total of a combined commodity as summarised for NSE's SPAN files (marginism,
 * PyPI): {@code max(scan risk + intra-commodity spread charge + delivery charge − inter-commodity credit, short
 * option minimum)}.
 *
 * <p><b>Combined commodity.</b> One risk group per underlying and settlement currency, as the portfolio-margin
 * model groups ({@link PmBook#groupsOf}); amounts in the settlement currency: coin for inverse
 * ({@code BTC-*}) products, USDC for linear ({@code BTC_USDC-*}) ones, and USD in {@link MarginResult}.
 *
 * <p><b>Scenarios</b> [T] ({@link SpanScenario#table}): scenario s moves every forward of the group by
 * {@code x_s = m_s · priceScanRange} (m_s the scenario's multiple; a relative range is netgamma's adaptation of
 * CME's range in currency per contract) and every option's volatility by the vol scan range in the scenario's
 * direction: {@code σ ± volScanRange} ({@link SpanParameters.VolScanType#ABSOLUTE}) or
 * {@code σ·(1 ± volScanRange)} ({@link SpanParameters.VolScanType#RELATIVE}), floored at
 * {@link ScenarioRevaluation#MIN_VOL}; the extreme scenarios keep σ [T]. Every option's time to expiry falls by the
 * look-ahead time [C1, C2] (clamped at 0: an option expiring within it is worth its intrinsic value). Instruments are
 * revalued in full ({@link ScenarioRevaluation#pnl}: Black-76 through the batch kernel for options, the linear or
 * inverse P&amp;L for futures and perpetuals), each distinct instrument once per scenario.
 *
 * <p><b>Scan risk</b>: the group's P&amp;L per scenario times the scenario's weight (1, or the cover fraction for
 * 15 and 16 [T]); the scan risk is the largest weighted loss, floored at 0; the worst scenario is the first in
 * SPAN's order with the largest loss.
 *
 * <p><b>Short-option minimum</b> [S]: {@code shortOptionMinimumRate × priceScanRange × N} coin for an inverse group
 * (× the index price, USDC, for a linear one), N the group's short option quantity in coins (every short call and
 * short put counts; one coin of underlying as the "contract"). Reading "the outright margin on one underlying futures
 * contract" as {@code priceScanRange ×} its notional is netgamma's simplification (an inverse future's coin loss at
 * −range is range/(1 − range)).
 *
 * <p><b>Requirement</b> [M]: {@code max(scan risk, short-option minimum)} = maintenance margin; initial margin =
 * that times {@link SpanParameters#initialToMaintenance()}. Not modelled (stated, not hidden): intra-commodity
 * (calendar) spread charges — every expiry moves by the same fraction, so the scan alone misses basis risk between
 * expiries; delivery (spot-month) charges; inter-commodity credits (each underlying stands alone); and SPAN's
 * deduction of the net option value of premium-paid options, because a Deribit account's equity already carries its
 * options at their mark (as with the portfolio-margin model), so the requirement is compared with that equity.
 */
public final class SpanMargin implements MarginModel {

  private final SpanParameters params;
  private final List<SpanScenario> scenarios;
  private final double[] moves;
  private final BatchPricer pricer;

  private SpanMargin(SpanParameters params, BatchPricer pricer) {
    this.params = ArgChecker.notNull(params, "params");
    this.pricer = ArgChecker.notNull(pricer, "pricer");
    this.scenarios = SpanScenario.table(params.extremeMultiple(), params.extremeCoverFraction());
    this.moves = new double[scenarios.size()];
    for (int s = 0; s < moves.length; s++) {
      moves[s] = scenarios.get(s).move(params.priceScanRange());
    }
  }

  /** A model on these parameters, pricing with {@link BatchPricers#best()}. */
  public static SpanMargin of(SpanParameters params) {
    return new SpanMargin(params, BatchPricers.best());
  }

  /** This model with another batch kernel (e.g. {@link BatchPricers#scalar()} for one-shot processes). */
  public SpanMargin withPricer(BatchPricer newPricer) {
    return new SpanMargin(params, newPricer);
  }

  /** The parameters. */
  public SpanParameters parameters() {
    return params;
  }

  @Override
  public String name() {
    return "span";
  }

  /** The SPAN evaluation of one combined commodity. */
  public SpanGroupResult evaluate(PmBook book) {
    ArgChecker.notNull(book, "book");
    int ns = scenarios.size();
    double range = params.volScanRange();
    boolean relative = params.volScanType() == SpanParameters.VolScanType.RELATIVE;
    int[] direction = new int[ns];
    for (int s = 0; s < ns; s++) {
      direction[s] = scenarios.get(s).volDirection();
    }
    double[] pnl = ScenarioRevaluation.pnl(book, moves, (vol, years, s) -> relative
        ? vol * (1 + direction[s] * range) : vol + direction[s] * range, params.lookAheadYears(), pricer, null);
    int n = book.size();
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
    double shortCoins = 0;
    for (int j = 0; j < n; j++) {
      if (book.instruments().get(j).isOption() && book.quantity(j) < 0) {
        shortCoins -= book.quantity(j);
      }
    }
    double som = params.shortOptionMinimumRate() * params.priceScanRange() * shortCoins
        * (book.isInverse() ? 1.0 : book.indexPrice());
    return new SpanGroupResult(book, params, scenarios, pnl, weighted, worst, scanRisk, shortCoins, som);
  }

  /**
   * The SPAN evaluation of every combined commodity of a valued book.
   *
   * @throws io.netgamma.core.base.MissingMarketDataException for an underlying without an index price
   */
  public List<SpanGroupResult> evaluate(PortfolioValuation valuation) {
    List<SpanGroupResult> out = new ArrayList<>();
    for (PmBook book : PmBook.groupsOf(valuation)) {
      out.add(evaluate(book));
    }
    return out;
  }

  /**
   * The margin of a valued book: per instrument, its weighted loss in its group's worst scenario (initial margin
   * times the initial/maintenance ratio); the driving instrument is the largest of those losses, or the largest short
   * option when the short-option minimum binds.
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
  public MarginResult margin(Instant timestamp, List<SpanGroupResult> evaluated) {
    ArgChecker.notNull(timestamp, "timestamp");
    List<GroupMargin> groups = new ArrayList<>();
    for (SpanGroupResult g : evaluated) {
      PmBook book = g.book();
      List<InstrumentMargin> detail = new ArrayList<>(book.size());
      String driving = "none";
      double largest = 0;
      for (int j = 0; j < book.size(); j++) {
        Instrument ins = book.instruments().get(j);
        double loss = -g.worstScenarioPnl(j) + 0.0;
        detail.add(new InstrumentMargin(ins, book.quantity(j), book.settlementCurrency(),
            loss * params.initialToMaintenance(), loss));
        double key = g.shortOptionMinimumBinds() ? (ins.isOption() ? -book.quantity(j) : 0) : loss;
        if (key > largest) {
          largest = key;
          driving = ins.name();
        }
      }
      groups.add(new GroupMargin(book, g.initialMargin(), g.maintenanceMargin(), g.describe(), detail, driving));
    }
    return GroupMargin.toResult(name(), timestamp, groups);
  }

  @Override
  public String toString() {
    return "SpanMargin[" + params.source() + ", kernel " + pricer.name() + "]";
  }
}
