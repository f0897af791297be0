package io.netgamma.cli;

import io.netgamma.cli.chart.SmileChart;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.market.surface.CalendarReport;
import io.netgamma.core.market.surface.CalendarViolation;
import io.netgamma.core.market.surface.SkippedExpiry;
import io.netgamma.core.market.surface.SmileQuote;
import io.netgamma.core.market.surface.SurfaceFit;
import io.netgamma.core.market.surface.SviFit;
import io.netgamma.core.market.surface.SviParameters;
import io.netgamma.core.market.surface.SviSurfaceFitter;
import io.netgamma.data.market.ChainSnapshotBuilder;
import io.netgamma.data.market.LatestChainRows;
import io.netgamma.data.market.Reasons;
import io.netgamma.data.market.SurfaceBuild;
import io.netgamma.data.market.SurfaceBuild.SetAside;
import io.netgamma.data.market.SurfaceBuild.UnderlyingFit;
import io.netgamma.data.market.SurfaceBuilder;
import io.netgamma.data.tardis.MarkConsistency;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code netgamma surface}: fits a raw-SVI volatility surface to the mark implied volatilities of an option chain
 * (one smile per expiry, calendar-arbitrage-free across expiries, {@link SviSurfaceFitter#DEFAULT}) and reports per
 * expiry the parameters, the fit error and the arbitrage checks; optionally draws market and fitted smiles to a PNG.
 *
 * <p>How the smiles are built from the chain's rows ({@link #build}: {@link ChainSnapshotBuilder} for the snapshot
 * instant and forward curves, {@link SurfaceBuilder} for the smiles and fits, the same steps as
 * {@link io.netgamma.data.market.MarketLoader}):
 * <ul>
 *   <li>the latest row of each option is used (by timestamp; an earlier row of the same symbol is superseded);
 *       options expired at their row's timestamp, or at the snapshot instant, are set aside;</li>
 *   <li>the <b>snapshot instant</b> is the latest row timestamp of the file; every smile's t is measured from it
 *       (ACT/365 to the 08:00 UTC expiry). A row stamped earlier has its IVs restated at the snapshot instant with
 *       the same total variance, {@code σ' = σ·sqrt(t_row/t)}: the IV that gives the row's own price at the
 *       snapshot instant (the rows of a capture are stamped up to minutes apart; on a 9-hour expiry a minute is
 *       0.2% of t);</li>
 *   <li>the quote's IV is {@code mark_iv}; its bid/ask width from {@code bid_iv}/{@code ask_iv} (0 or empty = that
 *       side absent; a bid IV above the ask IV is crossed: the width is dropped, the quote kept and counted);</li>
 *   <li>log-moneyness {@code k = ln(K/F)} against the row's own {@code underlying_price};</li>
 *   <li>a row whose mark price is not Black-76 of its own mark IV and forward ({@link MarkConsistency}, inverse
 *       options) was stitched from values of different instants and is set aside, as is a row without a mark
 *       IV;</li>
 *   <li>per underlying the forward curve has one node per expiry at the median {@code underlying_price} of its
 *       rows, anchored (t = 0) at the nearest expiry's median forward (the chain has no index price; the anchor
 *       does not enter the fit);</li>
 *   <li>{@link SviSurfaceFitter} then sets aside outliers (with reasons) and skips expiries with fewer than 5
 *       strikes.</li>
 * </ul>
 * Stateless apart from its options; one instance per command line.
 */
@Command(
    name = "surface",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    headerHeading = "%n",
    header = "Fit an arbitrage-checked SVI volatility surface to a chain's mark IVs.",
    descriptionHeading = "%n",
    description = {
        "One raw-SVI smile per expiry, w(k) = a + b(rho(k - m) + sqrt((k - m)^2 + sigma^2)) in total variance "
            + "w = iv^2 t against log-moneyness k = ln(K/F), fitted to mark_iv (vega- and bid/ask-weighted, "
            + "outliers set aside), each expiry kept on or below the next one so that the surface is free of "
            + "calendar arbitrage; every smile is checked for butterfly arbitrage (Durrleman's g(k) >= 0, Lee's "
            + "wing bounds).",
        "",
        "Inputs per row: mark_iv, bid_iv/ask_iv (the quote's width; 0 or empty = absent), strike and "
            + "underlying_price (the expiry's forward). The latest row of each option is used; t is measured from "
            + "the latest row timestamp (the snapshot instant) and IVs of earlier rows are restated there at equal "
            + "total variance. Rows whose mark price disagrees with their own IV and forward are set aside, as are "
            + "expired options. The forward curve's nodes are each expiry's median underlying_price.",
        "",
        "Table columns: expiry; days to it; quotes used; quotes rejected (outliers and inconsistent marks); SVI "
            + "a (total variance, years x vol^2), b (total variance per unit k), rho, m and sigma (units of k); "
            + "atm_iv, the fitted IV at the forward (%%); rmse, the fit's root mean square error against the mark "
            + "IVs in vol points (1 vol point = 1%% of IV); butterfly and calendar arbitrage (ok / ARBITRAGE). The "
            + "calendar check and set-aside expiries follow the table; each rejected quote and its reason goes to "
            + "stderr.",
        "JSON (--json), one object: rows_read, rows_rejected (rows not used in a fit: bad, expired, inconsistent, "
            + "outliers, in an unfitted expiry), rows_superseded, quotes_used (rows_read = quotes_used + "
            + "rows_rejected + rows_superseded), crossed_bid_ask, rejected_by_reason, timestamp (the snapshot "
            + "instant), surfaces (per underlying: calendar check and violations, skipped expiries) and expiries, "
            + "each with underlying, expiry (BTC-26JUN20), expiration (ISO-8601), days, t (years), forward (USD), "
            + "quotes (used), rejected, crossed_bid_ask, params {a, b, rho, m, sigma}, atm_iv (fraction), "
            + "rmse_vol_points, weighted_rmse_vol_points (the fit's vega and bid/ask weights), "
            + "max_abs_error_vol_points, butterfly_arbitrage, butterfly_repaired, calendar_arbitrage (this expiry "
            + "is in a calendar violation with a neighbour), calendar_constrained, rejected_quotes [{symbol, line, "
            + "reason, detail}].",
        "",
        "--png draws, per expiry, the mark IVs used (dots), their bid and ask IVs (triangles), the rejected quotes "
            + "(crosses) and the fitted smile (line), IV in %% against strike (USD)."},
    optionListHeading = "%nOptions:%n",
    footerHeading = "%n",
    footer = {
        "Examples:",
        "  netgamma surface --chain samples/btc-options-chain.csv",
        "  netgamma surface --chain chain.csv --json > surface.json",
        "  netgamma surface --chain chain.csv --png smiles.png",
        "  netgamma surface --chain btc_eth.csv --underlying ETH",
        "",
        "Bad rows are skipped with their line and reason on stderr and counted in the closing summary on stderr.",
        "Exit codes: 0 success (arbitrage found is reported, not an error); 1 no expiry could be fitted; 2 usage "
            + "error or bad file; 3 internal error."})
final class SurfaceCommand implements Callable<Integer> {

  /** Reason (counted in summaries) for an option expired at its row's timestamp or at the snapshot instant. */
  static final String EXPIRED = Reasons.EXPIRED;
  /** Reason for a row whose mark price is not Black-76 of its own mark IV and forward. */
  static final String INCONSISTENT_MARK = Reasons.INCONSISTENT_MARK;
  /** Reason for a row without a mark implied volatility (0). */
  static final String NO_MARK_IV = Reasons.NO_MARK_IV;
  /** Reason for a quote the SVI fit set aside as an outlier. */
  static final String OUTLIER = Reasons.OUTLIER;
  /** Reason for the quotes of an expiry that could not be fitted (too few strikes). */
  static final String NOT_FITTED = Reasons.NOT_FITTED;
  /** Reason for rows of another underlying than {@code --underlying}. */
  static final String OTHER_UNDERLYING = Reasons.OTHER_UNDERLYING;

  /** Points of each fitted smile in the chart. */
  static final int CHART_POINTS = 241;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--chain", required = true, paramLabel = "FILE",
      description = "Tardis.dev options_chain CSV file (plain or .gz), e.g. samples/btc-options-chain.csv")
  Path chain;

  @Option(names = "--json", description = "print one JSON object instead of a table")
  boolean json;

  @Option(names = "--png", paramLabel = "FILE", description = "also draw market and fitted smiles of every expiry "
      + "to this PNG file")
  Path png;

  @Option(names = "--underlying", paramLabel = "COIN", description = "fit only this underlying (e.g. BTC); default: "
      + "every underlying in the chain, one surface each")
  String underlying;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Messages messages = new Messages(err, ChainCommand.MAX_ROW_MESSAGES);
    LatestChainRows rows = LatestChainRows.read(chain, messages);
    long start = System.nanoTime();
    SurfaceBuild result = build(rows, underlying == null ? null : underlying.trim().toUpperCase(Locale.ROOT));
    double fitSeconds = (System.nanoTime() - start) * 1e-9;
    if (json) {
      out.println(ChainCommand.Json.MAPPER.writeValueAsString(toJson(rows, result)));
    } else {
      printTable(out, result);
    }
    out.flush();
    for (SetAside s : result.setAside()) {
      if (!s.reason().equals(OTHER_UNDERLYING)) {
        messages.add(s.message(chain.toString()));
      }
    }
    if (png != null && result.fittedExpiries() > 0) {
      SmileChart.writePng(panels(result), png);
    }
    StringBuilder text = new StringBuilder();
    text.append(rows.summary().rowsRead()).append(rows.summary().rowsRead() == 1 ? " row" : " rows")
        .append(" read, ").append(result.used()).append(" quotes used in ").append(result.fittedExpiries())
        .append(result.fittedExpiries() == 1 ? " expiry fit" : " expiry fits");
    Map<String, Long> rejected = rejectedByReason(rows, result);
    long rejectedTotal = rejected.values().stream().mapToLong(Long::longValue).sum();
    text.append(", ").append(rejectedTotal).append(" rejected");
    ChainCommand.appendCounts(text, rejected);
    if (rows.superseded() > 0) {
      text.append(", ").append(rows.superseded()).append(" superseded by a later row");
    }
    if (result.crossed() > 0) {
      text.append(", ").append(result.crossed()).append(" with crossed bid/ask IVs (kept without their width)");
    }
    text.append(String.format(Locale.ROOT, "; fitted in %.2f s", fitSeconds));
    if (png != null && result.fittedExpiries() > 0) {
      text.append("; smiles drawn to ").append(png);
    }
    err.println(text);
    for (UnderlyingFit u : result.underlyings()) {
      if (u.fit() == null) {
        err.println(u.underlying() + ": no surface: " + u.failure());
      }
    }
    if (underlying != null && result.underlyings().isEmpty() && !rows.rows().isEmpty()) {
      err.println("no " + underlying.trim().toUpperCase(Locale.ROOT) + " option in " + chain + " (have: "
          + rows.rows().stream().map(r -> r.instrument().underlying()).distinct().toList() + ")");
    }
    if (png != null && result.fittedExpiries() == 0) {
      err.println("no smile to draw: " + png + " not written");
    }
    err.flush();
    return result.fittedExpiries() == 0 ? Main.EXIT_NOTHING_PROCESSED : Main.EXIT_OK;
  }

  // ------------------------------------------------------------------------------------------------- the model

  /**
   * Builds the smiles of every underlying from the latest rows and fits their surfaces (see the class javadoc): the
   * snapshot of the chain ({@link ChainSnapshotBuilder}: snapshot instant, forward curves) and the fits on it
   * ({@link SurfaceBuilder}).
   *
   * @param rows the chain's rows
   * @param only fit only this underlying (others are set aside as {@link #OTHER_UNDERLYING}); null for all
   * @return the fits and what was set aside
   */
  static SurfaceBuild build(LatestChainRows rows, String only) {
    return SurfaceBuilder.DEFAULT.fromChain(rows, ChainSnapshotBuilder.DEFAULT.build(rows, null, Map.of(), null)
        .snapshot(), only);
  }

  /** Rows not used in a fit by reason: bad rows, expired at their timestamp, then everything set aside. */
  static Map<String, Long> rejectedByReason(LatestChainRows rows, SurfaceBuild result) {
    return result.countsByReason(rows.skipped());
  }

  /** True when the expiry takes part in a calendar violation with a neighbour. */
  static boolean calendarArbitrage(CalendarReport report, long expiryMillis) {
    return report.violations().stream().anyMatch(v -> v.earlierExpiryMillis() == expiryMillis
        || v.laterExpiryMillis() == expiryMillis);
  }

  /** Deribit's name of an expiry: {@code BTC-26JUN20}. */
  static String expiryName(String underlying, long expiryMillis) {
    return underlying + "-" + Instrument.formatDate(LocalDate.ofInstant(Instant.ofEpochMilli(expiryMillis),
        ZoneOffset.UTC));
  }

  // ------------------------------------------------------------------------------------------------- output

  private static final String ROW = "%-14s %7s %6s %8s %11s %10s %8s %9s %9s %7s %8s %-9s %-9s%n";

  private static void printTable(PrintWriter out, SurfaceBuild result) {
    boolean header = false;
    for (UnderlyingFit u : result.underlyings()) {
      if (u.fit() == null) {
        continue;
      }
      if (!header) {
        out.printf(Locale.ROOT, ROW, "expiry", "days", "quotes", "rejected", "a", "b", "rho", "m", "sigma", "atm_iv",
            "rmse", "butterfly", "calendar");
        out.printf(Locale.ROOT, ROW, "08:00 UTC", "", "used", "", "(w)", "(w per k)", "", "(k)", "(k)", "(%)",
            "(vol pt)", "", "");
        header = true;
      }
      SurfaceFit fit = u.fit();
      for (int i = 0; i < fit.fits().size(); i++) {
        long expiry = fit.surface().expiry(i);
        SviFit f = fit.fits().get(i);
        SviParameters p = f.params();
        out.printf(Locale.ROOT, ROW, expiryName(u.underlying(), expiry),
            String.format(Locale.ROOT, "%.2f", f.t() * YearFraction.DAYS_PER_YEAR), f.used().size(),
            result.rejectedOf(u.underlying(), expiry).size(), String.format(Locale.ROOT, "%.4e", p.a()),
            String.format(Locale.ROOT, "%.5f", p.b()), String.format(Locale.ROOT, "%.4f", p.rho()),
            String.format(Locale.ROOT, "%.5f", p.m()), String.format(Locale.ROOT, "%.5f", p.sigma()),
            String.format(Locale.ROOT, "%.2f", 100 * f.volatility(0.0)),
            String.format(Locale.ROOT, "%.3f", f.rmseVolPoints()),
            f.butterfly().arbitrageFree() ? "ok" : "ARBITRAGE",
            calendarArbitrage(fit.calendar(), expiry) ? "ARBITRAGE" : "ok");
      }
    }
    for (UnderlyingFit u : result.underlyings()) {
      if (u.fit() == null) {
        out.println(u.underlying() + ": no surface: " + u.failure());
        continue;
      }
      for (SkippedExpiry s : u.fit().skipped()) {
        out.println(expiryName(u.underlying(), s.expiryMillis()) + " not fitted (" + s.quotes() + " quotes): "
            + s.reason());
      }
      out.println(u.underlying() + ": " + u.fit().calendar().summary().replace("\n", "\n  "));
    }
  }

  private ObjectNode toJson(LatestChainRows rows, SurfaceBuild result) {
    ObjectNode root = ChainCommand.Json.MAPPER.createObjectNode();
    root.put("chain", chain.toString());
    if (result.valuation() != null) {
      root.put("timestamp", result.valuation().toString());
    }
    root.put("rows_read", rows.summary().rowsRead());
    Map<String, Long> rejected = rejectedByReason(rows, result);
    root.put("rows_rejected", rejected.values().stream().mapToLong(Long::longValue).sum());
    root.put("rows_superseded", rows.superseded());
    root.put("quotes_used", result.used());
    root.put("crossed_bid_ask", result.crossed());
    ObjectNode reasons = root.putObject("rejected_by_reason");
    rejected.forEach(reasons::put);
    ArrayNode surfaces = root.putArray("surfaces");
    ArrayNode expiries = root.putArray("expiries");
    for (UnderlyingFit u : result.underlyings()) {
      ObjectNode s = surfaces.addObject();
      s.put("underlying", u.underlying());
      s.put("fitted", u.fit() != null);
      if (u.fit() == null) {
        s.put("failure", u.failure());
        continue;
      }
      CalendarReport cal = u.fit().calendar();
      s.put("calendar_arbitrage", !cal.arbitrageFree());
      s.put("butterfly_arbitrage", !u.fit().fits().stream().allMatch(f -> f.butterfly().arbitrageFree()));
      ObjectNode check = s.putObject("calendar_check");
      check.put("k_lo", cal.kLo());
      check.put("k_hi", cal.kHi());
      check.put("points", cal.points());
      ArrayNode violations = s.putArray("calendar_violations");
      for (CalendarViolation v : cal.violations()) {
        ObjectNode o = violations.addObject();
        o.put("kind", v.kind().name().toLowerCase(Locale.ROOT));
        o.put("earlier", Instant.ofEpochMilli(v.earlierExpiryMillis()).toString());
        o.put("later", Instant.ofEpochMilli(v.laterExpiryMillis()).toString());
        o.put("worst_difference", v.worstDifference());
        if (v.kind() == CalendarViolation.Kind.GRID) {
          o.put("k_from", v.kFrom());
          o.put("k_to", v.kTo());
          o.put("k_at_worst", v.kAtWorst());
        }
        o.put("summary", v.summary());
      }
      ArrayNode skipped = s.putArray("skipped_expiries");
      for (SkippedExpiry k : u.fit().skipped()) {
        ObjectNode o = skipped.addObject();
        o.put("expiration", Instant.ofEpochMilli(k.expiryMillis()).toString());
        o.put("quotes", k.quotes());
        o.put("reason", k.reason());
      }
      SurfaceFit fit = u.fit();
      for (int i = 0; i < fit.fits().size(); i++) {
        long expiry = fit.surface().expiry(i);
        SviFit f = fit.fits().get(i);
        SviParameters p = f.params();
        List<SetAside> rej = result.rejectedOf(u.underlying(), expiry);
        ObjectNode o = expiries.addObject();
        o.put("underlying", u.underlying());
        o.put("expiry", expiryName(u.underlying(), expiry));
        o.put("expiration", Instant.ofEpochMilli(expiry).toString());
        o.put("days", f.t() * YearFraction.DAYS_PER_YEAR);
        o.put("t", f.t());
        o.put("forward", u.curve().forward(expiry));
        o.put("quotes", f.used().size());
        o.put("rejected", rej.size());
        o.put("crossed_bid_ask", u.crossed().getOrDefault(expiry, 0));
        ObjectNode params = o.putObject("params");
        params.put("a", p.a());
        params.put("b", p.b());
        params.put("rho", p.rho());
        params.put("m", p.m());
        params.put("sigma", p.sigma());
        o.put("atm_iv", f.volatility(0.0));
        o.put("rmse_vol_points", f.rmseVolPoints());
        o.put("weighted_rmse_vol_points", f.weightedRmseVolPoints());
        o.put("max_abs_error_vol_points", f.maxAbsErrorVolPoints());
        o.put("butterfly_arbitrage", !f.butterfly().arbitrageFree());
        o.put("butterfly_repaired", f.butterflyRepaired());
        o.put("calendar_arbitrage", calendarArbitrage(fit.calendar(), expiry));
        o.put("calendar_constrained", f.calendarConstrained());
        ArrayNode rq = o.putArray("rejected_quotes");
        for (SetAside a : rej) {
          ObjectNode q = rq.addObject();
          q.put("symbol", a.symbol());
          q.put("line", a.line());
          q.put("reason", a.reason());
          q.put("detail", a.detail());
        }
      }
    }
    return root;
  }

  /** One chart panel per fitted expiry: market IVs used, bid/ask, rejected, fitted smile; IV in percent. */
  static List<SmileChart.Panel> panels(SurfaceBuild result) {
    List<SmileChart.Panel> panels = new ArrayList<>();
    for (UnderlyingFit u : result.underlyings()) {
      if (u.fit() == null) {
        continue;
      }
      SurfaceFit fit = u.fit();
      for (int i = 0; i < fit.fits().size(); i++) {
        long expiry = fit.surface().expiry(i);
        SviFit f = fit.fits().get(i);
        List<SetAside> rej = result.rejectedOf(u.underlying(), expiry);
        List<SmileQuote> rejectedQuotes = new ArrayList<>();
        for (SetAside s : rej) {
          SmileQuote q = u.quotes().get(s.symbol());
          if (q != null) {
            rejectedQuotes.add(q);
          }
        }
        double kLo = Double.POSITIVE_INFINITY;
        double kHi = Double.NEGATIVE_INFINITY;
        for (SmileQuote q : f.used()) {
          kLo = Math.min(kLo, q.logMoneyness());
          kHi = Math.max(kHi, q.logMoneyness());
        }
        for (SmileQuote q : rejectedQuotes) {
          kLo = Math.min(kLo, q.logMoneyness());
          kHi = Math.max(kHi, q.logMoneyness());
        }
        double pad = 0.05 * (kHi - kLo);
        double forward = u.curve().forward(expiry);
        double[] fitK = new double[CHART_POINTS];
        double[] fitIv = new double[CHART_POINTS];
        for (int j = 0; j < CHART_POINTS; j++) {
          double k = kLo - pad + (kHi - kLo + 2 * pad) * j / (CHART_POINTS - 1);
          fitK[j] = forward * Math.exp(k);
          fitIv[j] = 100 * f.volatility(k);
        }
        String title = String.format(Locale.ROOT, "%s  %.2f d  rmse %.2f vp%s%s", expiryName(u.underlying(), expiry),
            f.t() * YearFraction.DAYS_PER_YEAR, f.rmseVolPoints(),
            f.butterfly().arbitrageFree() ? "" : "  BUTTERFLY ARB",
            calendarArbitrage(fit.calendar(), expiry) ? "  CALENDAR ARB" : "");
        panels.add(new SmileChart.Panel(title, series(f.used(), u.strikes(), Side.MARK),
            series(f.used(), u.strikes(), Side.BID), series(f.used(), u.strikes(), Side.ASK),
            series(rejectedQuotes, u.strikes(), Side.MARK), new SmileChart.Points(fitK, fitIv)));
      }
    }
    return panels;
  }

  private enum Side {
    MARK, BID, ASK
  }

  private static SmileChart.Points series(Collection<SmileQuote> quotes, Map<String, Double> strikes, Side side) {
    double[] x = new double[quotes.size()];
    double[] y = new double[quotes.size()];
    int n = 0;
    for (SmileQuote q : quotes) {
      double iv = switch (side) {
        case MARK -> q.iv();
        case BID -> q.bidIv();
        case ASK -> q.askIv();
      };
      if (!Double.isNaN(iv)) {
        x[n] = strikes.get(q.label());
        y[n++] = 100 * iv;
      }
    }
    return new SmileChart.Points(Arrays.copyOf(x, n), Arrays.copyOf(y, n));
  }

  // ------------------------------------------------------------------------------------------- messages

  /**
   * Diagnostic lines on stderr, at most {@code max} of them; the rest are counted, not printed, and the first of
   * them is replaced by one note.
   */
  static final class Messages implements Consumer<String> {
    /** The note of the row-reading commands, whose summary counts the rows. */
    static final String ROWS_NOT_LISTED = "(further rows are not listed; the summary counts them)";
    /** The note of the commands that report other things than rows. */
    static final String MESSAGES_NOT_LISTED = "(further messages are not listed)";

    private final PrintWriter err;
    private final int max;
    private final String overflowNote;
    private long count;

    /** Lines about rows, noting {@link #ROWS_NOT_LISTED} past {@code max}. */
    Messages(PrintWriter err, int max) {
      this(err, max, ROWS_NOT_LISTED);
    }

    Messages(PrintWriter err, int max, String overflowNote) {
      this.err = err;
      this.max = max;
      this.overflowNote = overflowNote;
    }

    void add(String message) {
      count++;
      if (count <= max) {
        err.println(message);
      } else if (count == max + 1) {
        err.println(overflowNote);
      }
    }

    /** Same as {@link #add}: lets the readers of netgamma-data report to it. */
    @Override
    public void accept(String message) {
      add(message);
    }
  }
}
