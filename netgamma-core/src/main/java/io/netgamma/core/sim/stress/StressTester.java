package io.netgamma.core.sim.stress;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.InstrumentKind;
import io.netgamma.core.margin.MarginModel;
import io.netgamma.core.margin.MarginResult;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.math.BrentSolver;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.core.portfolio.PortfolioValuation;
import io.netgamma.core.portfolio.PortfolioValuer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs stress scenarios on a book: full revaluation on each shocked market ({@link MarketShock#apply}), the margin
 * a {@link MarginModel} asks for there, the account's equity, and the liquidation point. Immutable and thread-safe.
 *
 * <p><b>P&amp;L</b> of a step, USD, from the unshocked book (valued through the same quote-free path, so a zero
 * shock gives exactly 0): options {@code q·(V' − V)} (Black-76 on the shocked forward and surface), futures and
 * perpetuals {@code q·(F' − F)} (their USD P&amp;L, inverse ones converted at F'), spot {@code q·(S' − S)}, and coin
 * collateral {@code B·(S' − S)} — the same rules as {@link io.netgamma.core.risk.scenario.ScenarioEngine}.
 *
 * <p><b>Equity</b> is the collateral of the portfolio, taken to be the account's equity now (Deribit's
 * {@code equity}: balances with unrealised P&amp;L), plus the step's P&amp;L: {@code E' = Σ collateral·S' + P&L of
 * the positions}. A portfolio without collateral has unknown equity: P&amp;L and margins are reported, margin calls
 * and liquidation are not. A step is a <b>margin call</b> when {@code E' < IM'} and a <b>liquidation</b> when
 * {@code E' < MM'}, both from the model on the shocked market.
 *
 * <p><b>Liquidation point</b>: along the direction of the scenario's worst step W (the step with the lowest
 * P&amp;L), the smallest scale λ in (0, {@value #MAX_SCALE}] with {@code E(λ·W) = MM(λ·W)}: a scan of
 * {@value #SCAN_POINTS} equal steps finds the first λ where equity falls below maintenance margin, then Brent's method
 * locates it to {@value #SCALE_TOLERANCE} (λ is capped so that no spot falls more than {@value #MAX_DROP}).
 */
public final class StressTester {

  /** The largest multiple of the worst step searched for the liquidation point. */
  public static final double MAX_SCALE = 3.0;
  /** No spot is taken below {@code 1 − MAX_DROP} of its level in the search. */
  public static final double MAX_DROP = 0.95;
  /** Steps of the scan for the liquidation point. */
  public static final int SCAN_POINTS = 30;
  /** Tolerance on λ. */
  public static final double SCALE_TOLERANCE = 1e-6;

  private final MarginModel model;
  private final PortfolioValuer valuer;

  private StressTester(MarginModel model, PortfolioValuer valuer) {
    this.model = ArgChecker.notNull(model, "model");
    this.valuer = ArgChecker.notNull(valuer, "valuer");
  }

  /** A tester with {@code model} and {@link PortfolioValuer#DEFAULT} (surface volatilities, rate 0). */
  public static StressTester of(MarginModel model) {
    return new StressTester(model, PortfolioValuer.DEFAULT);
  }

  /** This tester with another valuer (e.g. another batch pricer); its volatility source must be the surface. */
  public StressTester withValuer(PortfolioValuer newValuer) {
    return new StressTester(model, newValuer);
  }

  /**
   * Runs a scenario.
   *
   * @throws io.netgamma.core.base.MissingMarketDataException when the market lacks what the book or the model needs
   */
  public StressResult run(Portfolio portfolio, MarketSnapshot market, StressScenario scenario) {
    ArgChecker.notNull(portfolio, "portfolio");
    ArgChecker.notNull(market, "market");
    ArgChecker.notNull(scenario, "scenario");
    PortfolioValuation base = valuer.value(portfolio, MarketShock.NONE.apply(market));
    StepOutcome start = outcome("start", base, base, MarketShock.NONE);
    List<StepOutcome> steps = new ArrayList<>();
    for (StressStep s : scenario.steps()) {
      steps.add(outcome(s.label(), base, valuer.value(portfolio, s.shock().apply(market)), s.shock()));
    }
    StepOutcome worst = steps.get(0);
    for (StepOutcome s : steps) {
      if (s.pnlUsd() < worst.pnlUsd()) {
        worst = s;
      }
    }
    LiquidationPoint point = liquidation(portfolio, market, base, start, worst);
    return new StressResult(scenario, model.name(), start, steps, point);
  }

  /** The book after one shock: P&amp;L, equity and margins (see the class javadoc). */
  private StepOutcome outcome(String label, PortfolioValuation base, PortfolioValuation shocked, MarketShock shock) {
    Map<String, Double> byUnderlying = new LinkedHashMap<>();
    double positions = 0;
    for (int i = 0; i < base.size(); i++) {
      double pnl = shocked.valueUsd(i) - base.valueUsd(i);
      InstrumentKind kind = base.kind(i);
      if (kind == InstrumentKind.FUTURE || kind == InstrumentKind.PERPETUAL) {
        pnl += base.quantity(i) * (shocked.forward(i) - base.forward(i));
      }
      byUnderlying.merge(base.underlying(i), pnl, Double::sum);
      positions += pnl;
    }
    double collateralPnl = shocked.collateralValueUsd() - base.collateralValueUsd();
    boolean hasCollateral = !base.portfolio().collateral().isEmpty();
    double equity = hasCollateral ? shocked.collateralValueUsd() + positions : Double.NaN;
    MarginResult m = model.margin(shocked);
    return new StepOutcome(label, shock, positions + collateralPnl, byUnderlying, equity, m.initialMarginUsd(),
        m.maintenanceMarginUsd());
  }

  private LiquidationPoint liquidation(Portfolio portfolio, MarketSnapshot market, PortfolioValuation base,
      StepOutcome start, StepOutcome worst) {
    Map<String, Double> none = Map.of();
    if (!start.hasEquity()) {
      return new LiquidationPoint(LiquidationPoint.Status.NO_EQUITY, Double.NaN, none, none,
          "the portfolio holds no collateral: equity, and so the liquidation point, is unknown");
    }
    if (start.liquidated()) {
      return new LiquidationPoint(LiquidationPoint.Status.ALREADY_BELOW, Double.NaN, none, none, String.format(
          Locale.ROOT, "equity %.0f USD is already below the maintenance margin %.0f USD before any shock",
          start.equityUsd(), start.maintenanceMarginUsd()));
    }
    if (worst.pnlUsd() >= 0) {
      return new LiquidationPoint(LiquidationPoint.Status.NO_LOSS, Double.NaN, none, none,
          "no step of the scenario loses money: no direction of loss to follow");
    }
    MarketShock direction = worst.shock();
    double maxScale = Math.min(MAX_SCALE, direction.maxScale(MAX_DROP));
    java.util.function.DoubleUnaryOperator gap = lambda -> {
      MarketShock s = direction.scaled(lambda);
      StepOutcome o = outcome("search", base, valuer.value(portfolio, s.apply(market)), s);
      return o.equityUsd() - o.maintenanceMarginUsd();
    };
    double previous = 0;
    double gPrevious = start.equityUsd() - start.maintenanceMarginUsd();
    for (int k = 1; k <= SCAN_POINTS; k++) {
      double lambda = maxScale * k / SCAN_POINTS;
      double g = gap.applyAsDouble(lambda);
      if (g <= 0) {
        double root = BrentSolver.root(gap, previous, lambda, gPrevious, g, SCALE_TOLERANCE,
            "liquidation point along " + worst.label());
        MarketShock at = direction.scaled(root);
        Map<String, Double> levels = new LinkedHashMap<>();
        for (String u : base.underlyings()) {
          levels.put(u, base.indexPrice(u) * (1 + at.spotMove(u)));
        }
        return new LiquidationPoint(LiquidationPoint.Status.FOUND, root, at.spotMoves(), levels, String.format(
            Locale.ROOT, "equity reaches maintenance margin at %.3f x the worst step (%s): %s", root, worst.label(),
            describe(at, levels)));
      }
      previous = lambda;
      gPrevious = g;
    }
    return new LiquidationPoint(LiquidationPoint.Status.NOT_REACHED, Double.NaN, none, none, String.format(
        Locale.ROOT, "equity stays above maintenance margin up to %.2f x the worst step (%s)", maxScale,
        worst.label()));
  }

  private static String describe(MarketShock at, Map<String, Double> levels) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, Double> e : levels.entrySet()) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(String.format(Locale.ROOT, "%s %+.1f%% (%.2f)", e.getKey(), at.spotMove(e.getKey()) * 100,
          e.getValue()));
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return "StressTester[" + model.name() + "]";
  }
}
