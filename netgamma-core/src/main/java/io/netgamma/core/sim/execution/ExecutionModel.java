package io.netgamma.core.sim.execution;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.market.Quote;

/**
 * How an order fills in the simulator. Prices are USD per coin (for a coin-quoted inverse option pass the premium
 * times the index), amounts coins, costs USD.
 *
 * <p>A <b>taker</b> order of {@code q} coins at mid {@code m} fills at
 * {@code m·(1 + sign(q)·(s + i))}, where {@code s} is either the proportional {@code halfSpread} or, when a
 * {@link DepthProfile} is set, the amount-weighted relative distance of the book levels it walks (spread and depth
 * slippage; only the book's depth fills), and {@code i} is the temporary impact of the {@link ImpactModel}
 * (square-root or linear). It pays the taker fee and {@code fixedCostUsd} (gas, per transaction that fills
 * anything). A <b>maker</b> order is assumed to rest at its own side's best price and fill in full within the step,
 * earning the half-spread, with no temporary impact and the maker fee: an optimistic bound, to compare with taker.
 * Both report the permanent impact as a log shift for the simulator to apply to the path.
 *
 * <p><b>Latency</b>: a decision taken at step {@code k} fills at the mid of step
 * {@link #fillStep(int, int) k + latencySteps} (capped at the last step); the simulator reads that step's price
 * and passes it as the mid.
 *
 * @param halfSpread proportional half-spread (0.0001 = 1 bp) used when {@code depth} is null, ≥ 0
 * @param depth order-book shape to walk instead of {@code halfSpread}, or null
 * @param impact temporary and permanent impact ({@link ImpactModel#NONE} for none)
 * @param fees fee schedule
 * @param fixedCostUsd fixed cost per transaction (gas), USD, ≥ 0
 * @param latencySteps steps between decision and fill, ≥ 0
 */
public record ExecutionModel(double halfSpread, DepthProfile depth, ImpactModel impact, FeeSchedule fees,
    double fixedCostUsd, int latencySteps) {

  /** Fills at the mid, no cost. */
  public static final ExecutionModel FRICTIONLESS = new ExecutionModel(0, null, ImpactModel.NONE,
      FeeSchedule.NONE, 0, 0);

  /** Validates the parameters. */
  public ExecutionModel {
    ArgChecker.notNegative(halfSpread, "halfSpread");
    ArgChecker.notNull(impact, "impact");
    ArgChecker.notNull(fees, "fees");
    ArgChecker.notNegative(fixedCostUsd, "fixedCostUsd");
    ArgChecker.notNegative(latencySteps, "latencySteps");
  }

  /** A proportional half-spread and fees, nothing else. */
  public static ExecutionModel of(double halfSpread, FeeSchedule fees) {
    return new ExecutionModel(halfSpread, null, ImpactModel.NONE, fees, 0, 0);
  }

  /**
   * Execution against a quote: its order book's shape when both sides have levels ({@link DepthProfile#of(Quote)}),
   * otherwise its relative half-spread ({@link #halfSpreadOf}); no impact, no fixed cost, no latency.
   *
   * @throws io.netgamma.core.base.MissingMarketDataException when the quote has neither a two-sided book nor a bid
   *     and an ask
   */
  public static ExecutionModel fromQuote(Quote quote, FeeSchedule fees) {
    ArgChecker.notNull(quote, "quote");
    if (quote.book().bidLevels() > 0 && quote.book().askLevels() > 0) {
      return new ExecutionModel(0, DepthProfile.of(quote), ImpactModel.NONE, fees, 0, 0);
    }
    return of(halfSpreadOf(quote), fees);
  }

  /**
   * The relative half-spread of a quote, {@code (ask − bid)/(ask + bid)}.
   *
   * @throws io.netgamma.core.base.MissingMarketDataException when the quote lacks a bid or an ask
   */
  public static double halfSpreadOf(Quote quote) {
    ArgChecker.notNull(quote, "quote");
    double mid = quote.midOrThrow();
    return (quote.ask() - quote.bid()) / (2 * mid);
  }

  /** This model with a proportional half-spread (and no depth walk). */
  public ExecutionModel withHalfSpread(double newHalfSpread) {
    return new ExecutionModel(newHalfSpread, null, impact, fees, fixedCostUsd, latencySteps);
  }

  /** This model walking {@code newDepth} (null for the proportional half-spread). */
  public ExecutionModel withDepth(DepthProfile newDepth) {
    return new ExecutionModel(halfSpread, newDepth, impact, fees, fixedCostUsd, latencySteps);
  }

  /** This model with {@code newImpact}. */
  public ExecutionModel withImpact(ImpactModel newImpact) {
    return new ExecutionModel(halfSpread, depth, newImpact, fees, fixedCostUsd, latencySteps);
  }

  /** This model with {@code newFees}. */
  public ExecutionModel withFees(FeeSchedule newFees) {
    return new ExecutionModel(halfSpread, depth, impact, newFees, fixedCostUsd, latencySteps);
  }

  /** This model with a fixed cost per transaction, USD. */
  public ExecutionModel withFixedCostUsd(double newFixedCostUsd) {
    return new ExecutionModel(halfSpread, depth, impact, fees, newFixedCostUsd, latencySteps);
  }

  /** This model with a latency in steps. */
  public ExecutionModel withLatencySteps(int newLatencySteps) {
    return new ExecutionModel(halfSpread, depth, impact, fees, fixedCostUsd, newLatencySteps);
  }

  /** The step whose price fills a decision taken at {@code decisionStep}: {@code min(k + latency, lastStep)}. */
  public int fillStep(int decisionStep, int lastStep) {
    return Math.min(decisionStep + latencySteps, lastStep);
  }

  /** A taker order on a delta-one instrument (the underlying price is the mid). Allocation-free. */
  public void fill(Fill out, double coins, double midUsd) {
    fill(out, coins, midUsd, midUsd, false);
  }

  /**
   * Fills an order into {@code out}. Allocation-free.
   *
   * @param out the holder to overwrite
   * @param coins signed order amount, coins (positive buys)
   * @param midUsd mid price at the fill step, USD per coin, &gt; 0
   * @param underlyingUsd underlying price, USD per coin (for {@link FeeBasis#UNDERLYING} fees), &gt; 0
   * @param maker true for a resting order (see the class javadoc), false for a market order
   */
  public void fill(Fill out, double coins, double midUsd, double underlyingUsd, boolean maker) {
    if (!(midUsd > 0 && midUsd < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("mid must be finite and > 0, got " + midUsd);
    }
    if (!Double.isFinite(coins)) {
      throw new IllegalArgumentException("order amount must be finite, got " + coins);
    }
    if (coins == 0) {
      out.set(0, 0, midUsd, midUsd, 0, 0, 0, 0, 0);
      return;
    }
    double side = Math.signum(coins);
    double q = Math.abs(coins);
    if (maker) {
      double s = depth == null ? halfSpread : side > 0 ? depth.bestBidOffset() : depth.bestAskOffset();
      double price = midUsd * (1 - side * s);
      double fee = fees.feeUsd(q, price, underlyingUsd, true);
      out.set(coins, coins, midUsd, price, -q * midUsd * s, 0, fee, fixedCostUsd, impact.permanentLogShift(coins));
      return;
    }
    double filled;
    double best;
    double walked;
    if (depth == null) {
      filled = q;
      best = halfSpread;
      walked = halfSpread;
    } else {
      double[] w = out.scratch;
      depth.walk(coins, w);
      filled = w[0];
      best = side > 0 ? depth.bestAskOffset() : depth.bestBidOffset();
      walked = w[1];
    }
    if (filled == 0) {
      out.set(coins, 0, midUsd, midUsd, 0, 0, 0, 0, 0);
      return;
    }
    double temporary = impact.temporaryRelative(filled);
    double price = midUsd * (1 + side * (walked + temporary));
    double spreadCost = filled * midUsd * best;
    double impactCost = filled * midUsd * (walked - best + temporary);
    double fee = fees.feeUsd(filled, price, underlyingUsd, false);
    double signedFilled = filled == q ? coins : side * filled;
    out.set(coins, signedFilled, midUsd, price, spreadCost, impactCost, fee, fixedCostUsd,
        impact.permanentLogShift(signedFilled));
  }
}
