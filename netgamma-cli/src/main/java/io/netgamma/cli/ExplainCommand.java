package io.netgamma.cli;

import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.core.portfolio.PortfolioValuer;
import io.netgamma.core.portfolio.VolSource;
import io.netgamma.core.risk.explain.ExplainTerms;
import io.netgamma.core.risk.explain.PnlExplain;
import io.netgamma.core.risk.explain.PnlExplainer;
import io.netgamma.core.risk.explain.PositionExplain;
import io.netgamma.core.sim.book.DemoBook;
import io.netgamma.data.market.LoadedMarket;
import io.netgamma.data.market.MarketLoader;
import io.netgamma.data.portfolio.PortfolioRead;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code netgamma explain}: the P&amp;L of a book between two market snapshots, by full revaluation, split per
 * position into the terms predicted by the first snapshot's greeks (delta, gamma, vega, theta, vanna, volga) and a
 * residual ({@link PnlExplainer}). One instance per command line.
 */
@Command(
    name = "explain",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    headerHeading = "%n",
    header = "P&L explain of a book between two market snapshots.",
    descriptionHeading = "%n",
    description = {
        "Values the portfolio on both markets (as report does: Black-76 on each expiry's forward, surface "
            + "volatilities, rate 0) and splits each position's actual P&L into the terms of the first market's "
            + "greeks:",
        "  delta    delta x dF                 dF: change of the position's forward, USD",
        "  gamma    1/2 x gamma x dF^2",
        "  vega     vega x dvol                dvol: change of its volatility, vol points",
        "  theta    theta x dt                 dt: calendar days between the markets",
        "  vanna    vanna x dF x dvol",
        "  volga    1/2 x volga x dvol^2",
        "  residual actual - the six terms     third order and unmodelled moves (small for small moves)",
        "Futures and perpetuals have a delta term only (their residual is 0). An option or future that expires "
            + "between the markets is settled at intrinsic value against the second market's index and flagged "
            + "(settled = yes); its theta runs to its expiry.",
        "",
        "All P&L in USD, positive = gain. Collateral is not part of the explain.",
        "JSON (--json): portfolio, from, to, days, positions [{instrument, quantity, settled, forward_from, "
            + "forward_to (USD), vol_change_points, days, actual, delta, gamma, vega, theta, vanna, volga, "
            + "residual}], by_underlying, total, settled."},
    optionListHeading = "%nOptions:%n",
    footerHeading = "%n",
    footer = {
        "Examples:",
        "  netgamma explain --demo",
        "  netgamma explain --portfolio book.json --from monday.json --to tuesday.json",
        "  netgamma explain --portfolio positions.csv --from chain-0800.csv --to chain-0900.csv --json",
        "",
        "Exit codes: 0 success; 1 the portfolio has no position; 2 usage error, bad file, unknown instrument or "
            + "missing market data in either market (each named on stderr); 3 internal error."})
final class ExplainCommand implements Callable<Integer> {

  /** {@code --demo}: the second market is one day later, BTC up 3%, ETH down 4%. */
  static final double DEMO_BTC_MOVE = 0.03;
  static final double DEMO_ETH_MOVE = -0.04;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--demo", description = "the demo book of 'report --demo' from its generated market to the same "
      + "seed's market one day later, BTC +3%%, ETH -4%% (smiles drawn afresh)")
  boolean demo;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "" + DemoBook.DEFAULT_SEED,
      description = "--demo: random seed of the markets and the book (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--positions", paramLabel = "N", defaultValue = "" + DemoBook.DEFAULT_POSITIONS,
      description = "--demo: number of positions (default ${DEFAULT-VALUE}, at least 10)")
  int positions;

  @Option(names = "--portfolio", paramLabel = "FILE", description = "the book: netgamma portfolio JSON, CSV "
      + "(instrument,quantity[,average_price]) or Deribit private/get_positions JSON")
  Path portfolio;

  @Option(names = "--from", paramLabel = "FILE", description = "the first market (market-snapshot JSON or Tardis "
      + "options_chain CSV): the greeks of the explain")
  Path from;

  @Option(names = "--to", paramLabel = "FILE", description = "the second market, at or after the first")
  Path to;

  @Option(names = "--json", description = "print one JSON object instead of a table")
  boolean json;

  @Option(names = "--vol-source", paramLabel = "SOURCE", defaultValue = "surface",
      description = "option volatilities: surface (default) or mark_iv (each option's own quote)")
  String volSource;

  private static final String ROW = "%5s  %-26s %11s %11s %11s %7s %7s %11s %11s %11s %11s %11s %10s %10s %11s%n";

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    VolSource source = switch (volSource.trim().toLowerCase(Locale.ROOT).replace('-', '_')) {
      case "surface" -> VolSource.SURFACE;
      case "mark_iv", "markiv" -> VolSource.MARK_IV;
      default -> throw usage("--vol-source must be surface or mark_iv, got '" + volSource + "'");
    };
    Portfolio book;
    MarketSnapshot m1;
    MarketSnapshot m2;
    String label1;
    String label2;
    long skipped = 0;
    if (demo) {
      if (portfolio != null || from != null || to != null) {
        throw usage("--demo generates its own book and markets: give either --demo or --portfolio, --from and --to");
      }
      DemoBook d;
      try {
        d = DemoBook.generate(seed, positions);
      } catch (IllegalArgumentException e) {
        throw usage("--positions " + positions + ": " + e.getMessage());
      }
      book = d.portfolio();
      m1 = d.market();
      m2 = DemoBook.market(seed, DemoBook.DEFAULT_VALUATION.plus(Duration.ofDays(1)), DEMO_BTC_MOVE, DEMO_ETH_MOVE);
      label1 = "generated market, seed " + seed;
      label2 = "the same seed's market a day later, BTC +3%, ETH -4%";
    } else {
      if (portfolio == null || from == null || to == null) {
        throw usage("give --portfolio FILE, --from FILE and --to FILE, or --demo");
      }
      if (spec.commandLine().getParseResult().hasMatchedOption("--seed")
          || spec.commandLine().getParseResult().hasMatchedOption("--positions")) {
        throw usage("--seed and --positions apply to --demo only");
      }
      SurfaceCommand.Messages messages = ReportCommand.messages(err);
      PortfolioRead read = ReportCommand.readPortfolio(portfolio, messages, err);
      book = read.portfolio();
      skipped = read.summary().rowsSkipped();
      m1 = load(from, messages, err);
      m2 = load(to, messages, err);
      label1 = from.toString();
      label2 = to.toString();
    }
    if (book.size() == 0) {
      err.println("netgamma: " + (portfolio == null ? "the book" : portfolio) + ": no position: nothing to explain");
      return Main.EXIT_NOTHING_PROCESSED;
    }
    PnlExplain explain = PnlExplainer.DEFAULT.withValuer(PortfolioValuer.DEFAULT.withPricer(Main.ONE_SHOT_PRICER).withVolSource(source))
        .explain(book, m1, m2);
    if (json) {
      out.println(ChainCommand.Json.MAPPER.writeValueAsString(toJson(book, explain, skipped)));
    } else {
      if (skipped > 0) {
        out.println("WARNING      " + ReportCommand.count(skipped, "position") + " of " + portfolio + " skipped as "
            + "bad (reasons on stderr): this explain does not include " + (skipped == 1 ? "it" : "them"));
      }
      print(out, book, explain, label1, label2);
    }
    out.flush();
    if (!explain.settled().isEmpty()) {
      err.println("note: " + explain.settled().size() + " instrument(s) expired between the markets and were settled "
          + "at intrinsic value against the second market's index: " + String.join(", ", explain.settled().stream()
              .map(i -> i.name()).toList()));
    }
    err.println(book.size() + (book.size() == 1 ? " position" : " positions") + " explained from "
        + explain.from() + " to " + explain.to());
    err.flush();
    return Main.EXIT_OK;
  }

  private static MarketSnapshot load(Path file, SurfaceCommand.Messages messages, PrintWriter err) {
    LoadedMarket loaded = MarketLoader.DEFAULT.load(file, MarketLoader.Options.DEFAULT, messages::add);
    for (String note : loaded.notes()) {
      err.println(file + ": " + note);
    }
    return loaded.snapshot();
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  private static double days(PnlExplain e) {
    return (e.to().toEpochMilli() - e.from().toEpochMilli()) / 86_400_000.0;
  }

  private static void print(PrintWriter w, Portfolio book, PnlExplain e, String label1, String label2) {
    w.println("P&L EXPLAIN  " + book.name() + ": " + book.size() + (book.size() == 1 ? " position" : " positions")
        + ", USD, positive = gain; greeks of the first market");
    w.println("from         " + e.from() + " (" + label1 + ")");
    w.println("to           " + e.to() + " (" + label2 + "), " + ReportCommand.fmt(days(e), 4) + " days later");
    w.println();
    w.printf(Locale.ROOT, ROW, "#", "instrument", "quantity", "forward", "forward", "dvol", "settled", "actual",
        "delta", "gamma", "vega", "theta", "vanna", "volga", "residual");
    w.printf(Locale.ROOT, ROW, "", "", "(coin)", "from (USD)", "to (USD)", "(pts)", "", "(USD)", "(USD)", "(USD)",
        "(USD)", "(USD)", "(USD)", "(USD)", "(USD)");
    for (PositionExplain p : e.positions()) {
      ExplainTerms t = p.terms();
      w.printf(Locale.ROOT, ROW, p.position() + 1, p.instrument().name(), ReportCommand.fmt(p.quantity(), 4),
          ReportCommand.fmt(p.forwardFrom(), 2), ReportCommand.fmt(p.forwardTo(), 2), p.instrument().isOption()
              ? ReportCommand.fmt(p.volChangePoints(), 2) : "", p.settled() ? "yes" : "", usd(t.actual()),
          usd(t.delta()), usd(t.gamma()), usd(t.vega()), usd(t.theta()), usd(t.vanna()), usd(t.volga()),
          usd(t.residual()));
    }
    w.println();
    w.println("BY UNDERLYING");
    for (Map.Entry<String, ExplainTerms> u : e.byUnderlying().entrySet()) {
      terms(w, u.getKey(), u.getValue());
    }
    terms(w, "total", e.total());
    ExplainTerms t = e.total();
    double predicted = t.predicted();
    w.println("predicted by the greeks " + usd(predicted) + " USD of an actual " + usd(t.actual())
        + " USD; residual " + usd(t.residual()) + " USD" + (t.actual() != 0 ? " (" + ReportCommand.fmt(100
            * Math.abs(t.residual()) / Math.abs(t.actual()), 1) + "% of |actual|)" : ""));
  }

  private static void terms(PrintWriter w, String name, ExplainTerms t) {
    w.printf(Locale.ROOT, ROW, "", name, "", "", "", "", "", usd(t.actual()), usd(t.delta()), usd(t.gamma()),
        usd(t.vega()), usd(t.theta()), usd(t.vanna()), usd(t.volga()), usd(t.residual()));
  }

  private static String usd(double x) {
    return ReportCommand.fmt(x, 2);
  }

  private static ObjectNode toJson(Portfolio book, PnlExplain e, long skipped) {
    ObjectNode root = ChainCommand.Json.MAPPER.createObjectNode();
    root.put("portfolio", book.name());
    root.put("positions_skipped", skipped);
    root.put("from", e.from().toString());
    root.put("to", e.to().toString());
    root.put("days", days(e));
    ArrayNode rows = root.putArray("positions");
    for (PositionExplain p : e.positions()) {
      ObjectNode n = rows.addObject();
      n.put("instrument", p.instrument().name());
      n.put("quantity", p.quantity());
      n.put("settled", p.settled());
      n.put("forward_from", p.forwardFrom());
      n.put("forward_to", p.forwardTo());
      n.put("vol_change_points", p.volChangePoints());
      n.put("days", p.days());
      terms(n, p.terms());
    }
    ObjectNode by = root.putObject("by_underlying");
    e.byUnderlying().forEach((u, t) -> terms(by.putObject(u), t));
    terms(root.putObject("total"), e.total());
    ArrayNode settled = root.putArray("settled");
    e.settled().forEach(i -> settled.add(i.name()));
    return root;
  }

  private static void terms(ObjectNode n, ExplainTerms t) {
    n.put("actual", t.actual());
    n.put("delta", t.delta());
    n.put("gamma", t.gamma());
    n.put("vega", t.vega());
    n.put("theta", t.theta());
    n.put("vanna", t.vanna());
    n.put("volga", t.volga());
    n.put("residual", t.residual());
  }
}
