package io.netgamma.cli;

import io.netgamma.core.margin.MarginModel;
import io.netgamma.core.margin.pm.DeribitPortfolioMargin;
import io.netgamma.core.margin.pm.PmParameters;
import io.netgamma.core.margin.standard.DeribitStandardMargin;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.VolatilitySurface;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.portfolio.PortfolioValuation;
import io.netgamma.core.portfolio.PortfolioValuer;
import io.netgamma.core.sim.stress.LiquidationPoint;
import io.netgamma.core.sim.stress.MarketShock;
import io.netgamma.core.sim.stress.StepOutcome;
import io.netgamma.core.sim.stress.StressResult;
import io.netgamma.core.sim.stress.StressScenario;
import io.netgamma.core.sim.stress.StressTester;
import io.netgamma.data.margin.PmParametersReader;
import io.netgamma.data.stress.StressScenarioReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code netgamma stress}: historical replays and hypothetical shocks on a book ({@link StressTester}): P&amp;L per
 * step, the margin on the shocked market, the account's equity, margin calls, liquidation, and the point along the
 * scenario where the account would be liquidated. One instance per command line.
 */
@Command(
    name = "stress",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    headerHeading = "%n",
    header = "Stress tests of a book: historical crash replays and hypothetical spot x vol x correlation shocks, "
        + "with margin and the liquidation point.",
    descriptionHeading = "%n",
    description = {
        "Revalues the book in full on shocked copies of the market: every underlying's index and forwards move by "
            + "the scenario's relative spot move, its volatility surface moves with the spot (sticky moneyness) "
            + "and shifts in parallel by the scenario's vol shift. The clock does not move (no theta, nothing "
            + "expires); the shocked market has no quotes (perpetuals at the index).",
        "",
        "Scenarios (--scenario, repeatable; default: the four historical episodes and the hypothetical grid):",
        "historical        the episodes bundled with netgamma, cumulative from the close before",
        "  2020-03-12      Black Thursday: BTC -39.5%% on the day, -52.3%% at the low (vol shift assumed)",
        "  2021-05-19      China mining ban: BTC -14.4%%, -30.0%% at the low; ETH -44.1%%",
        "  2022-06-13..18  Celsius / Three Arrows: six days, BTC -28.6%%, -33.7%% at the low",
        "  2022-11-07..10  FTX: four days, BTC -23.8%%, -25.4%% at the low",
        "  (Binance hourly closes and lows, Deribit DVOL; netgamma-data resources/stress/README.md)",
        "NAME              one of the episodes above",
        "grid              hypothetical: --lead moves by each of --spot-moves, every other",
        "                  underlying by rho x (its 30-day ATM vol / the lead's) x that move, all",
        "                  vols shift by each of --vol-shifts, for each of --correlations",
        "FILE              a scenario file of format " + StressScenarioReader.FORMAT + " (JSON; see the README)",
        "",
        "Per step: P&L (options full Black-76 revaluation, futures and perpetuals q x (F' - F), coin collateral "
            + "B x (S' - S)), equity = collateral at shocked prices + the positions' P&L (the portfolio's collateral "
            + "is taken as the account's equity now), IM and MM of --model on the shocked market; MARGIN CALL when "
            + "equity < IM, LIQUIDATED when equity < MM. Liquidation point: along the scenario's worst step, the "
            + "smallest multiple lambda in (0, 3] of its shock where equity = MM (Brent's method to 1e-6), with "
            + "the spot levels there. A portfolio without collateral gets P&L and margins only.",
        "",
        "Units: USD; spot moves in %% of the index; vol shifts in vol points (+20 = +0.20 of volatility).",
        "",
        "JSON (--json): portfolio, market, timestamp, model, start {equity_usd, initial_margin_usd, "
            + "maintenance_margin_usd}, scenarios [{name, title, kind, source, steps [{label, spot_moves, "
            + "vol_shifts, pnl_usd, pnl_by_underlying, equity_usd, initial_margin_usd, maintenance_margin_usd, "
            + "margin_call, liquidated}], worst_step, worst_pnl_usd, first_liquidation, liquidation_point {status, "
            + "scale, spot_moves, spot_levels, note}}]; equity is null without collateral."},
    optionListHeading = "%nOptions:%n",
    footerHeading = "%n",
    footer = {
        "Examples:",
        "  netgamma stress --demo",
        "  netgamma stress --demo --scenario 2022-11-07..10 --model deribit-standard",
        "  netgamma stress --demo --scenario grid --spot-moves=-0.5,-0.3 --vol-shifts=0.3 --correlations=0.5,0.95",
        "  netgamma stress --portfolio book.json --market snapshot.json --scenario my-crashes.json --json",
        "",
        "Exit codes: 0 success; 1 the portfolio has no position; 2 usage error, unknown scenario, bad file, missing "
            + "market data or margin parameters (each named on stderr); 3 internal error."})
final class StressCommand implements Callable<Integer> {

  static final String HISTORICAL = "historical";
  static final String GRID = "grid";

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  BookMarketOptions book;

  @Option(names = "--scenario", paramLabel = "NAME|FILE", description = "historical (the four bundled episodes), "
      + "one episode's name, grid (the hypothetical grid) or a scenario FILE; repeatable (default: historical and "
      + "grid)")
  List<String> scenarios = new ArrayList<>();

  @Option(names = "--model", paramLabel = "MODEL", defaultValue = "deribit-pm", description = "margin model on the "
      + "shocked market: deribit-pm (default; the bundled parameter set of each underlying, or --params) or "
      + "deribit-standard")
  String model;

  @Option(names = "--params", paramLabel = "FILE", description = "deribit-pm: Deribit model_params JSON (repeat to "
      + "merge sets); default: the bundled set of each underlying")
  List<Path> params = new ArrayList<>();

  @Option(names = "--lead", paramLabel = "COIN", defaultValue = "BTC", description = "grid: the underlying whose "
      + "move the grid sets (default ${DEFAULT-VALUE})")
  String lead;

  @Option(names = "--spot-moves", paramLabel = "F,F", split = ",", defaultValue = "-0.5,-0.3,-0.15,0.15,0.3",
      description = "grid: relative moves of the lead, fractions > -1 (default ${DEFAULT-VALUE})")
  double[] spotMoves;

  @Option(names = "--vol-shifts", paramLabel = "F,F", split = ",", defaultValue = "-0.1,0.25",
      description = "grid: vol shifts, fractions (0.25 = +25 vol points) (default ${DEFAULT-VALUE})")
  double[] volShifts;

  @Option(names = "--correlations", paramLabel = "R,R", split = ",", defaultValue = "0.9",
      description = "grid: correlation of the other underlyings with the lead, in [-1, 1] (default "
          + "${DEFAULT-VALUE})")
  double[] correlations;

  @Option(names = "--json", description = "print one JSON object instead of tables")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String chosen = model.trim().toLowerCase(Locale.ROOT);
    if (!chosen.equals("deribit-pm") && !chosen.equals("deribit-standard")) {
      throw usage("--model must be deribit-pm or deribit-standard, got '" + model + "'");
    }
    if (!params.isEmpty() && !chosen.equals("deribit-pm")) {
      throw usage("--params is the parameter file of deribit-pm");
    }
    List<String> asked = scenarios.isEmpty() ? List.of(HISTORICAL, GRID) : scenarios;
    scenarioSelection(asked, null); // an unknown name or a bad file fails before the market is read
    BookMarketOptions.Inputs in = book.resolve(spec.commandLine(), err);
    if (in.book().size() == 0) {
      err.println("netgamma: " + in.bookSource() + ": no position: nothing to stress");
      return Main.EXIT_NOTHING_PROCESSED;
    }
    long start = System.nanoTime();
    PortfolioValuer valuer = PortfolioValuer.DEFAULT.withPricer(Main.ONE_SHOT_PRICER);
    PortfolioValuation base = valuer.value(in.book(), MarketShock.NONE.apply(in.snapshot()));
    MarginModel margin = marginModel(chosen, base);
    List<StressScenario> selected = scenarioSelection(asked, in.snapshot());
    StressTester tester = StressTester.of(margin).withValuer(valuer);
    List<StressResult> results = new ArrayList<>();
    for (StressScenario s : selected) {
      results.add(tester.run(in.book(), in.snapshot(), s));
    }
    double ms = (System.nanoTime() - start) * 1e-6;
    if (json) {
      out.println(ChainCommand.Json.MAPPER.writeValueAsString(json(in, margin.name(), results)));
    } else {
      print(out, in, margin.name(), results);
    }
    out.flush();
    err.println(String.format(Locale.ROOT, "%s: %s on %s stressed (%s) in %.0f ms",
        ReportCommand.count(results.size(), "scenario"), ReportCommand.count(base.size(), "position"),
        ReportCommand.count(base.instrumentCount(), "instrument"), margin.name(), ms));
    err.flush();
    return Main.EXIT_OK;
  }

  /**
   * The scenarios asked for, in order. With {@code market} null the grid is left out (it needs the market's
   * volatilities); names and files are checked either way.
   */
  private List<StressScenario> scenarioSelection(List<String> asked, MarketSnapshot market) {
    List<StressScenario> historical = StressScenarioReader.DEFAULT.historical();
    List<StressScenario> out = new ArrayList<>();
    for (String a : asked) {
      String s = a.trim();
      if (s.equals(HISTORICAL)) {
        out.addAll(historical);
      } else if (s.equals(GRID)) {
        if (market != null) {
          out.addAll(grid(market));
        }
      } else {
        StressScenario named = historical.stream().filter(h -> h.name().equals(s)).findFirst().orElse(null);
        if (named != null) {
          out.add(named);
        } else if (isFile(s)) {
          out.addAll(StressScenarioReader.DEFAULT.read(Path.of(s)));
        } else {
          throw usage("--scenario '" + s + "': not historical, grid, a bundled episode ("
              + String.join(", ", historical.stream().map(StressScenario::name).toList()) + ") or an existing file");
        }
      }
    }
    return out;
  }

  private static boolean isFile(String s) {
    try {
      return Files.exists(Path.of(s));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  /** The hypothetical grid on the market's 30-day ATM volatilities. */
  private List<StressScenario> grid(MarketSnapshot market) {
    if (!market.underlyings().contains(lead)) {
      throw usage("--lead " + lead + ": not in the market (have: " + market.underlyings() + ")");
    }
    Map<String, Double> vols = new LinkedHashMap<>();
    for (String u : market.underlyings()) {
      VolatilitySurface s = market.surface(u).orElse(null);
      if (s != null) {
        vols.put(u, s.volatility(0.0, 30 / YearFraction.DAYS_PER_YEAR));
      }
    }
    if (!vols.containsKey(lead)) {
      throw usage("--lead " + lead + ": the market has no volatility surface for it");
    }
    List<StressScenario> out = new ArrayList<>();
    try {
      for (double rho : correlations) {
        for (double move : spotMoves) {
          for (double vol : volShifts) {
            out.add(StressScenario.hypothetical(lead, move, vol, rho, vols));
          }
        }
      }
    } catch (IllegalArgumentException e) {
      throw usage("grid: " + e.getMessage());
    }
    return out;
  }

  private MarginModel marginModel(String chosen, PortfolioValuation base) {
    if (chosen.equals("deribit-standard")) {
      return DeribitStandardMargin.DEFAULT;
    }
    PmParameters p = null;
    for (Path file : params) {
      PmParameters read = PmParametersReader.DEFAULT.read(file);
      try {
        p = p == null ? read : p.merge(read);
      } catch (IllegalArgumentException e) {
        throw usage("--params " + file + ": " + e.getMessage());
      }
    }
    if (p == null) {
      try {
        p = PmParametersReader.DEFAULT.bundledFor(base);
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage() + " (--params FILE)");
      }
    }
    return DeribitPortfolioMargin.of(p).withPricer(Main.ONE_SHOT_PRICER);
  }

  // ------------------------------------------------------------------------------------------------ output

  private static final String ROW = "%-28s %-5s %-26s %14s %14s %14s %14s  %-11s %s%n";
  private static final String STEP_ROW = "    %-26s %-36s %14s %14s %14s %14s  %s%n";

  private static void print(PrintWriter w, BookMarketOptions.Inputs in, String model, List<StressResult> results) {
    StepOutcome s0 = results.get(0).start();
    w.printf("Stress test of %s on %s, margin model %s%n", in.bookSource(), in.marketSource(), model);
    w.printf("Now: equity %s USD (the portfolio's collateral), IM %s USD, MM %s USD%n%n",
        s0.hasEquity() ? usd(s0.equityUsd()) : "unknown", usd(s0.initialMarginUsd()), usd(s0.maintenanceMarginUsd()));
    w.printf(ROW, "scenario", "kind", "worst step", "P&L USD", "equity USD", "IM USD", "MM USD", "status",
        "liquidation point");
    for (StressResult r : results) {
      StepOutcome worst = r.worst();
      StepOutcome first = r.firstLiquidation();
      String status = first != null ? "LIQUIDATED" : anyCall(r) ? "MARGIN CALL" : worst.hasEquity() ? "ok" : "-";
      w.printf(ROW, r.scenario().name(), r.scenario().kind() == StressScenario.Kind.HISTORICAL ? "hist" : "hyp",
          worst.label(), usd(worst.pnlUsd()), worst.hasEquity() ? usd(worst.equityUsd()) : "-",
          usd(worst.initialMarginUsd()), usd(worst.maintenanceMarginUsd()), status, point(r.liquidation()));
    }
    for (StressResult r : results) {
      if (r.steps().size() < 2) {
        continue;
      }
      w.printf("%n%s: %s%n", r.scenario().name(), r.scenario().title());
      w.printf(STEP_ROW, "step", "spot, vol", "P&L USD", "equity USD", "IM USD", "MM USD", "status");
      for (StepOutcome s : r.steps()) {
        w.printf(STEP_ROW, s.label(), moves(s.shock()), usd(s.pnlUsd()), s.hasEquity() ? usd(s.equityUsd()) : "-",
            usd(s.initialMarginUsd()), usd(s.maintenanceMarginUsd()),
            s.liquidated() ? "LIQUIDATED" : s.marginCall() ? "MARGIN CALL" : s.hasEquity() ? "ok" : "-");
      }
    }
    w.printf("%nLiquidation points:%n");
    for (StressResult r : results) {
      w.printf("  %-28s %s%n", r.scenario().name(), r.liquidation().note());
    }
  }

  private static boolean anyCall(StressResult r) {
    return r.steps().stream().anyMatch(StepOutcome::marginCall);
  }

  private static String point(LiquidationPoint p) {
    return switch (p.status()) {
      case FOUND -> {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%.2fx:", p.scale()));
        p.spotMoves().forEach((u, m) -> b.append(String.format(Locale.ROOT, " %s %+.1f%%", u, m * 100)));
        yield b.toString();
      }
      case ALREADY_BELOW -> "already below MM";
      case NOT_REACHED -> "beyond 3x";
      case NO_EQUITY -> "no collateral";
      case NO_LOSS -> "no loss";
    };
  }

  private static String moves(MarketShock s) {
    StringBuilder b = new StringBuilder();
    s.spotMoves().forEach((u, m) -> b.append(String.format(Locale.ROOT, "%s %+.1f%% %+.0fv ", u, m * 100,
        s.volShift(u) * 100)));
    return b.toString().trim();
  }

  private static String usd(double x) {
    return String.format(Locale.ROOT, "%,.0f", x);
  }

  private static ObjectNode json(BookMarketOptions.Inputs in, String model, List<StressResult> results) {
    ObjectNode root = ChainCommand.Json.MAPPER.createObjectNode();
    root.put("portfolio", in.bookSource());
    root.put("market", in.marketSource());
    root.put("timestamp", in.snapshot().timestamp().toString());
    root.put("model", model);
    StepOutcome s0 = results.get(0).start();
    ObjectNode start = root.putObject("start");
    putEquity(start, s0);
    start.put("initial_margin_usd", s0.initialMarginUsd());
    start.put("maintenance_margin_usd", s0.maintenanceMarginUsd());
    ArrayNode list = root.putArray("scenarios");
    for (StressResult r : results) {
      ObjectNode n = list.addObject();
      n.put("name", r.scenario().name());
      n.put("title", r.scenario().title());
      n.put("kind", r.scenario().kind().name().toLowerCase(Locale.ROOT));
      n.put("source", r.scenario().source());
      ArrayNode steps = n.putArray("steps");
      for (StepOutcome s : r.steps()) {
        ObjectNode o = steps.addObject();
        o.put("label", s.label());
        ObjectNode sm = o.putObject("spot_moves");
        s.shock().spotMoves().forEach(sm::put);
        ObjectNode vs = o.putObject("vol_shifts");
        s.shock().volShifts().forEach(vs::put);
        o.put("pnl_usd", s.pnlUsd());
        ObjectNode bu = o.putObject("pnl_by_underlying");
        s.pnlByUnderlying().forEach(bu::put);
        putEquity(o, s);
        o.put("initial_margin_usd", s.initialMarginUsd());
        o.put("maintenance_margin_usd", s.maintenanceMarginUsd());
        o.put("margin_call", s.marginCall());
        o.put("liquidated", s.liquidated());
      }
      n.put("worst_step", r.worst().label());
      n.put("worst_pnl_usd", r.worst().pnlUsd());
      StepOutcome first = r.firstLiquidation();
      if (first == null) {
        n.putNull("first_liquidation");
      } else {
        n.put("first_liquidation", first.label());
      }
      LiquidationPoint p = r.liquidation();
      ObjectNode lp = n.putObject("liquidation_point");
      lp.put("status", p.status().name().toLowerCase(Locale.ROOT));
      if (Double.isNaN(p.scale())) {
        lp.putNull("scale");
      } else {
        lp.put("scale", p.scale());
      }
      ObjectNode pm = lp.putObject("spot_moves");
      p.spotMoves().forEach(pm::put);
      ObjectNode pl = lp.putObject("spot_levels");
      p.spotLevels().forEach(pl::put);
      lp.put("note", p.note());
    }
    return root;
  }

  private static void putEquity(ObjectNode n, StepOutcome s) {
    if (s.hasEquity()) {
      n.put("equity_usd", s.equityUsd());
    } else {
      n.putNull("equity_usd");
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
