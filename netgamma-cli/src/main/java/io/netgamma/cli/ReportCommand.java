package io.netgamma.cli;

import io.netgamma.cli.chart.ReportCharts;
import io.netgamma.core.base.MissingMarketDataException;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.VolatilitySurface;
import io.netgamma.core.portfolio.AssetRisk;
import io.netgamma.core.portfolio.CollateralValue;
import io.netgamma.core.portfolio.EwmaEstimate;
import io.netgamma.core.portfolio.EwmaEstimator;
import io.netgamma.core.portfolio.ExpiryKey;
import io.netgamma.core.portfolio.GreeksAggregator;
import io.netgamma.core.portfolio.Measure;
import io.netgamma.core.portfolio.NetGreeks;
import io.netgamma.core.portfolio.PortfolioValuation;
import io.netgamma.core.portfolio.PortfolioValuer;
import io.netgamma.core.portfolio.ReferenceEquivalent;
import io.netgamma.core.portfolio.VolSource;
import io.netgamma.core.risk.netting.BookMeasure;
import io.netgamma.core.risk.netting.BookNetting;
import io.netgamma.core.risk.netting.CorrelationCase;
import io.netgamma.core.risk.netting.GrossNet;
import io.netgamma.core.risk.netting.HedgeFlow;
import io.netgamma.core.risk.netting.HedgingCost;
import io.netgamma.core.risk.netting.NettingAnalyzer;
import io.netgamma.core.risk.netting.NettingReport;
import io.netgamma.core.risk.netting.NettingSettings;
import io.netgamma.core.risk.netting.UnderlyingHedging;
import io.netgamma.core.risk.netting.UnderlyingNetting;
import io.netgamma.core.risk.scenario.ScenarioEngine;
import io.netgamma.core.risk.scenario.ScenarioGrid;
import io.netgamma.core.risk.scenario.ScenarioSpec;
import io.netgamma.core.sim.book.DemoBook;
import io.netgamma.data.DataFileException;
import io.netgamma.data.portfolio.PortfolioFiles;
import io.netgamma.data.portfolio.PortfolioRead;
import io.netgamma.data.portfolio.PriceHistories;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code netgamma report}: the risk report of a book on a market — every position valued with its greeks, net
 * greeks by underlying and by expiry, the BTC-equivalent delta and gamma, the netting report (gross vs net greeks,
 * netting efficiency, expected hedging flow and cost, correlation stress) and the full-revaluation scenario grid;
 * tables for people, one JSON object for programs, PNG charts on request.
 *
 * <p>Inputs: {@code --portfolio} and {@code --market} files, or {@code --demo} (a generated desk book on a generated
 * BTC and ETH market, {@link DemoBook}). Every greek comes from one valuation ({@link PortfolioValuer}); netting
 * reads it ({@link NettingAnalyzer}); the scenario grid and the gamma profile revalue the book's distinct
 * instruments in full ({@link ScenarioEngine}).
 *
 * <p><b>Volatilities and correlations</b> of the BTC-equivalent and of the hedging flow, per underlying u: σ_u is
 * {@code --vol u=σ} if given, else the ATM implied volatility of the market's surface at {@value #ATM_DAYS} days
 * ({@code k = 0}: the tenor of Deribit's DVOL index); the correlation ρ_u with the reference is
 * {@code --correlation u=ρ} if given, else {@value #DEFAULT_CORRELATION}, the correlation of hourly BTC and ETH
 * returns (Binance spot, 2017-08 to 2025-12: 0.80 over the whole sample, 0.80 to 0.89 year by year), printed as
 * assumed. The same σ feed the betas ({@code β = ρ·σ_u/σ_ref}) and the hedging flow.
 *
 * <p><b>The gamma profile</b> is the book's cash gamma (USD change of delta-dollars per 1% move) at each spot shift
 * x of a {@value #PROFILE_STEP_PCT}% grid, from the full-revaluation P&amp;L V(x) of every underlying (every
 * forward times 1 + x, sticky strike, no roll) by central differences: {@code cash gamma(x) = V''(x)·(1 + x)²/100}
 * with {@code V'' ≈ (V(x + h) − 2V(x) + V(x − h))/h²}. At x = 0 it agrees with the valuation's net cash gamma to
 * O(h²).
 *
 * <p>One instance per command line.
 */
@Command(
    name = "report",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    headerHeading = "%n",
    header = "Risk report of a book: positions, net greeks, netting, scenario grid.",
    descriptionHeading = "%n",
    description = {
        "Values every position of the portfolio on the market (Black-76 on the forward of the option's own expiry, "
            + "the volatility of the market's surface at the option's strike and expiry, rate 0 as on Deribit) and "
            + "prints: the positions with their greeks; net greeks by underlying and by expiry; the BTC-equivalent "
            + "delta and gamma; the netting report (gross vs net greeks, netting efficiency, expected hedging flow "
            + "and cost per day, correlation stress); the full-revaluation P&L grid of spot shift x vol shift.",
        "",
        "Units (as Deribit shows them; each table says them in its header):",
        "  quantity     coins of the underlying, + long, - short (inverse futures: their coin equivalent)",
        "  value        USD: option premium x quantity (futures and perpetuals 0: their P&L is in the balance)",
        "  delta        coins (Black-76 delta); delta_coin = coin-numeraire delta, the inverse-perpetual hedge",
        "  gamma        coins per 1 USD move of the forward; cash_gamma = USD change of delta-dollars per 1%% move",
        "  vega         USD per 1 vol point; std_vega = vega x sqrt(30 / days to expiry)",
        "  theta        USD per calendar day",
        "  vanna        coins per vol point;  volga  USD per vol point per vol point",
        "  P&L          USD, full revaluation, positive = gain; spot shifts in %% of the index (every underlying "
            + "moves by the same %%), vol shifts in vol points (parallel, sticky strike)",
        "",
        "BTC-equivalent: delta_BTC = sum of w_u x delta_u x S_u / S_BTC, gamma_BTC = sum of w_u^2 x gamma_u x "
            + "(S_u / S_BTC)^2, with w_u = beta (rho x sigma_u / sigma_BTC) or rho. sigma_u: --vol, else the "
            + "surface's 30-day ATM implied vol; rho_u: --correlation, else " + ReportCommand.DEFAULT_CORRELATION
            + " (assumed; the long-run BTC-ETH correlation of hourly returns).",
        "Hedging flow (Hoggard-Whalley-Wilmott): a delta hedge rebalanced every dt trades on average "
            + "|gamma| x S^2 x sigma x sqrt(dt) x sqrt(2/pi) USD; netting gamma before hedging trades less.",
        "",
        "JSON (--json): portfolio, timestamp, index, collateral, positions (every greek per position), net (per "
            + "underlying: delta, gamma, vega, theta, delta_coin and every other measure), by_expiry, "
            + "asset_risk, reference_equivalent, netting (gross_gamma, net_gamma, efficiency, per underlying and "
            + "book, hedging), scenarios (spot_shifts and vol_shifts as fractions, pnl_usd[spot][vol]), "
            + "gamma_profile. Numbers in the units above; vols and shifts as fractions."},
    optionListHeading = "%nOptions:%n",
    footerHeading = "%n",
    footer = {
        "Examples:",
        "  netgamma report --demo",
        "  netgamma report --demo --positions 10000 --json > report.json",
        "  netgamma report --portfolio book.json --market snapshot.json",
        "  netgamma report --portfolio positions.csv --market chain.csv --png-dir charts",
        "  netgamma report --demo --horizon 7 --spot-range 30 --correlation ETH=0.9",
        "",
        "Exit codes: 0 success; 1 the portfolio has no position; 2 usage error, bad file, unknown instrument or "
            + "missing market data (each named on stderr); 3 internal error."})
final class ReportCommand implements Callable<Integer> {

  /** Correlation with the reference of an underlying without {@code --correlation}. */
  static final double DEFAULT_CORRELATION = 0.80;
  /** Tenor of the default ATM volatility, days. */
  static final int ATM_DAYS = 30;
  /** Step of the gamma profile's spot grid, percent. */
  static final double PROFILE_STEP_PCT = 0.5;
  /** File names written to {@code --png-dir}. */
  static final String PNL_PNG = "pnl-vs-spot.png";
  static final String GAMMA_PNG = "gamma-profile.png";
  static final String HEATMAP_PNG = "scenario-heatmap.png";

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  BookMarketOptions book;

  @Option(names = "--json", description = "print one JSON object instead of tables")
  boolean json;

  @Option(names = "--png-dir", paramLabel = "DIR", description = "also draw charts into this directory (created "
      + "if needed): " + PNL_PNG + " (P&L vs spot per vol shift), " + GAMMA_PNG + " (the book's cash gamma over "
      + "spot, full revaluation), " + HEATMAP_PNG + " (the scenario grid)")
  Path pngDir;

  @Option(names = "--vol-source", paramLabel = "SOURCE", defaultValue = "surface",
      description = "option volatilities: surface (the market's surface at the option's strike; default) or "
          + "mark_iv (each option's own quote, on its own forward)")
  String volSource;

  @Option(names = "--listed-only", description = "refuse positions on instruments the market does not quote "
      + "(default: value them from the forward curve and surface, and name them on stderr)")
  boolean listedOnly;

  @Option(names = "--reference", paramLabel = "COIN", description = "the reference underlying of the "
      + "equivalent delta and gamma and of the whole-book hedge (default BTC when the book holds BTC, else its "
      + "first underlying)")
  String reference;

  @Option(names = "--weighting", paramLabel = "W", defaultValue = "beta", description = "how other underlyings "
      + "map to the reference: beta (rho x sigma / sigma_ref; default) or correlation (rho)")
  String weighting;

  @Option(names = "--vol", paramLabel = "COIN=SIGMA", description = "volatility of an underlying, a fraction "
      + "(ETH=0.65); default: the surface's 30-day ATM implied volatility. Repeat for several")
  List<String> vols = new ArrayList<>();

  @Option(names = "--correlation", paramLabel = "COIN=RHO", description = "correlation of an underlying with the "
      + "reference, in [-1, 1] (ETH=0.85); default " + DEFAULT_CORRELATION + ". Repeat for several")
  List<String> correlations = new ArrayList<>();

  @Option(names = "--history", paramLabel = "COIN=FILE", description = "an OHLCV price history (CSV "
      + "timestamp,open,high,low,close,volume) of an underlying: volatilities and correlations with the reference "
      + "are then EWMA estimates (lambda " + EwmaEstimator.RISKMETRICS_LAMBDA + ") over the bars common to all "
      + "files; give the reference's too. --vol and --correlation still win. Repeat for several")
  List<String> histories = new ArrayList<>();

  @Option(names = "--spot-range", paramLabel = "PCT", defaultValue = "20", description = "scenario grid: spot "
      + "shifts from -PCT%% to +PCT%% (default ${DEFAULT-VALUE})")
  double spotRange;

  @Option(names = "--spot-points", paramLabel = "N", defaultValue = "21", description = "scenario grid: number of "
      + "spot shifts, evenly spaced (default ${DEFAULT-VALUE}; odd puts 0 on the grid)")
  int spotPoints;

  @Option(names = "--vol-range", paramLabel = "PTS", defaultValue = "10", description = "scenario grid: vol shifts "
      + "from -PTS to +PTS vol points (default ${DEFAULT-VALUE})")
  double volRange;

  @Option(names = "--vol-points", paramLabel = "N", defaultValue = "5", description = "scenario grid: number of "
      + "vol shifts, evenly spaced (default ${DEFAULT-VALUE})")
  int volPoints;

  @Option(names = "--horizon", paramLabel = "DAYS", defaultValue = "0", description = "scenario grid: reprice "
      + "DAYS calendar days later; options expiring by then settle at intrinsic value (default 0: no roll)")
  double horizonDays;

  @Option(names = "--hedge-interval", paramLabel = "DURATION", defaultValue = "1h", description = "hedging flow: "
      + "how often the delta hedge is rebalanced, e.g. 15m, 1h, 4h, 1d (at most 1d; default ${DEFAULT-VALUE})")
  String hedgeInterval;

  @Option(names = "--cost-bp", paramLabel = "BP", defaultValue = "" + NettingSettings.DEFAULT_COST_BP,
      description = "hedging flow: proportional cost of hedge trades, basis points of notional (default "
          + "${DEFAULT-VALUE}: Deribit's taker fee on futures and perpetuals)")
  double costBp;

  @Option(names = "--crisis-correlation", paramLabel = "RHO", defaultValue = ""
      + NettingSettings.DEFAULT_CRISIS_CORRELATION, description = "correlation stress: the correlation every pair "
          + "of underlyings is stressed to (default ${DEFAULT-VALUE}; the base and 0 are always shown)")
  double crisisCorrelation;

  // ------------------------------------------------------------------------------------------------ inputs


  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Settings settings = settings();
    BookMarketOptions.Inputs in = book.resolve(spec.commandLine(), err);
    if (in.book().size() == 0) {
      err.println("netgamma: " + in.bookSource() + ": no position: nothing to report");
      return Main.EXIT_NOTHING_PROCESSED;
    }
    EwmaEstimate ewma = histories(err);
    long start = System.nanoTime();
    PortfolioValuation v = PortfolioValuer.DEFAULT.withPricer(Main.ONE_SHOT_PRICER).withVolSource(settings.volSource())
        .withListedInstrumentsOnly(listedOnly).value(in.book(), in.snapshot());
    Report report = Report.of(v, in.snapshot(), settings, ewma);
    double ms = (System.nanoTime() - start) * 1e-6;
    if (json) {
      out.println(ChainCommand.Json.MAPPER.writeValueAsString(toJson(in, report)));
    } else {
      printTables(out, in, report);
    }
    out.flush();
    List<Instrument> unlisted = v.unlisted();
    if (!unlisted.isEmpty()) {
      err.println("note: " + unlisted.size() + " instrument" + (unlisted.size() == 1 ? " is" : "s are")
          + " not quoted in " + in.marketSource() + " and valued from its forward curve and surface: "
          + names(unlisted, 10));
    }
    if (!report.grid().settled().isEmpty()) {
      err.println("note: " + report.grid().settled().size() + " instrument(s) expire within the "
          + trim(horizonDays) + "-day horizon and are settled at intrinsic value in the grid: "
          + names(report.grid().settled(), 10));
    }
    if (pngDir != null) {
      writeCharts(report, err);
    }
    err.println(String.format(Locale.ROOT, "%s on %s: valued, aggregated, netted and revalued on a %d x %d grid "
        + "in %.1f ms", count(v.size(), "position"), count(v.instrumentCount(), "instrument"),
        settings.grid().spotCount(), settings.grid().volCount(), ms));
    err.flush();
    return Main.EXIT_OK;
  }

  /**
   * The command's parsed settings.
   *
   * @param volSource where option volatilities come from
   * @param weighting beta or correlation
   * @param vols given volatilities (fractions) by underlying
   * @param correlations given correlations with the reference by underlying
   * @param grid the scenario grid's axes and roll
   * @param netting the hedging-flow settings (volatilities are added per book in {@link Report#of})
   * @param reference the reference underlying given, or null for the default
   */
  record Settings(VolSource volSource, AssetRisk.Weighting weighting, Map<String, Double> vols,
      Map<String, Double> correlations, ScenarioSpec grid, NettingSettings netting, String reference) {
  }

  private Settings settings() {
    VolSource source = switch (volSource.trim().toLowerCase(Locale.ROOT).replace('-', '_')) {
      case "surface" -> VolSource.SURFACE;
      case "mark_iv", "markiv" -> VolSource.MARK_IV;
      default -> throw usage("--vol-source must be surface or mark_iv, got '" + volSource + "'");
    };
    AssetRisk.Weighting w = switch (weighting.trim().toLowerCase(Locale.ROOT)) {
      case "beta" -> AssetRisk.Weighting.BETA;
      case "correlation", "rho" -> AssetRisk.Weighting.CORRELATION;
      default -> throw usage("--weighting must be beta or correlation, got '" + weighting + "'");
    };
    Map<String, Double> givenVols = coinValues("--vol", vols, "a volatility as a fraction > 0, e.g. ETH=0.65",
        x -> x > 0 && x < 20);
    Map<String, Double> givenCorrelations = coinValues("--correlation", correlations, "a correlation in [-1, 1], "
        + "e.g. ETH=0.85", x -> x >= -1 && x <= 1);
    if (!(spotRange > 0 && spotRange <= 90)) {
      throw usage("--spot-range must be a percentage in (0, 90], got " + spotRange);
    }
    if (spotPoints < 2 || spotPoints > 1001) {
      throw usage("--spot-points must be 2 to 1001, got " + spotPoints);
    }
    if (!(volRange >= 0 && volRange <= 500)) {
      throw usage("--vol-range must be in [0, 500] vol points, got " + volRange);
    }
    if (volPoints < 1 || volPoints > 101) {
      throw usage("--vol-points must be 1 to 101, got " + volPoints);
    }
    if (!(horizonDays >= 0 && horizonDays <= 3650)) {
      throw usage("--horizon must be 0 to 3650 days, got " + horizonDays);
    }
    if (!(costBp >= 0 && costBp <= 10_000)) {
      throw usage("--cost-bp must be 0 to 10000 basis points, got " + costBp);
    }
    if (!(crisisCorrelation >= -1 && crisisCorrelation <= 1)) {
      throw usage("--crisis-correlation must be in [-1, 1], got " + crisisCorrelation);
    }
    Duration interval = parseDuration(hedgeInterval);
    ScenarioSpec grid = ScenarioSpec.symmetric(spotRange / 100, spotPoints, volRange / 100, volPoints)
        .withHorizonDays(horizonDays);
    NettingSettings netting = NettingSettings.DEFAULT.withRebalanceInterval(interval).withCostBp(costBp)
        .withCrisisCorrelation(crisisCorrelation).withWeighting(w);
    String ref = reference == null ? null : reference.trim().toUpperCase(Locale.ROOT);
    return new Settings(source, w, givenVols, givenCorrelations, grid, netting, ref);
  }

  private Duration parseDuration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    Duration d = null;
    try {
      if (t.startsWith("p")) {
        d = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
      } else if (t.length() > 1) {
        double n = Double.parseDouble(t.substring(0, t.length() - 1));
        double seconds = switch (t.charAt(t.length() - 1)) {
          case 's' -> n;
          case 'm' -> n * 60;
          case 'h' -> n * 3600;
          case 'd' -> n * 86_400;
          default -> Double.NaN;
        };
        if (seconds > 0 && seconds <= 86_400) {
          d = Duration.ofMillis(Math.round(seconds * 1000));
        }
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      d = null;
    }
    if (d == null || d.isZero() || d.isNegative() || d.compareTo(Duration.ofDays(1)) > 0) {
      throw usage("--hedge-interval must be a duration over 0 and at most 1 day, such as 15m, 1h, 4h, 1d or "
          + "PT30M, got '" + text + "'");
    }
    return d;
  }

  private Map<String, Double> coinValues(String option, List<String> texts, String expected,
      java.util.function.DoublePredicate ok) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String text : texts) {
      int eq = text.indexOf('=');
      String coin = eq < 0 ? "" : text.substring(0, eq).trim().toUpperCase(Locale.ROOT);
      double x;
      try {
        x = eq < 0 ? Double.NaN : Double.parseDouble(text.substring(eq + 1).trim());
      } catch (NumberFormatException e) {
        x = Double.NaN;
      }
      if (coin.isEmpty() || !coin.matches("[A-Z0-9]{1,12}") || !ok.test(x)) {
        throw usage(option + " " + text + ": expected COIN=VALUE with " + expected);
      }
      if (out.put(coin, x) != null) {
        throw usage(option + " " + coin + " given twice");
      }
    }
    return out;
  }

  /** Diagnostic lines on stderr, at most {@link ChainCommand#MAX_ROW_MESSAGES}; the rest counted, not printed. */
  static SurfaceCommand.Messages messages(PrintWriter err) {
    return new SurfaceCommand.Messages(err, ChainCommand.MAX_ROW_MESSAGES, SurfaceCommand.Messages.MESSAGES_NOT_LISTED);
  }

  /**
   * Reads a portfolio file of any known format; bad positions are skipped, each on stderr, and counted.
   *
   * @throws DataFileException naming the file when it cannot be read as a whole
   */
  static PortfolioRead readPortfolio(Path file, SurfaceCommand.Messages messages, PrintWriter err) {
    PortfolioRead read = PortfolioFiles.read(file, issue -> messages.add(issue.message()));
    var s = read.summary();
    err.println(file + ": " + s.describe());
    return read;
  }

  /** The EWMA estimate of the {@code --history} files, or null when none is given. */
  private EwmaEstimate histories(PrintWriter err) {
    if (histories.isEmpty()) {
      return null;
    }
    Map<String, Path> files = new LinkedHashMap<>();
    for (String text : histories) {
      int eq = text.indexOf('=');
      String coin = eq < 0 ? "" : text.substring(0, eq).trim().toUpperCase(Locale.ROOT);
      String file = eq < 0 ? "" : text.substring(eq + 1).trim();
      if (!coin.matches("[A-Z0-9]{1,12}") || file.isEmpty()) {
        throw usage("--history " + text + ": expected COIN=FILE, e.g. ETH=eth-1h.csv");
      }
      if (files.put(coin, Path.of(file)) != null) {
        throw usage("--history " + coin + " given twice");
      }
    }
    SurfaceCommand.Messages messages = messages(err);
    EwmaEstimate e = PriceHistories.ewma(files, EwmaEstimator.RISKMETRICS_LAMBDA, i -> messages.add(i.message()));
    err.println("price histories " + files.keySet() + ": EWMA (lambda " + e.lambda() + ") over " + e.returns()
        + " common returns, " + fmt(e.periodsPerYear(), 0) + " a year");
    return e;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  private static String names(List<Instrument> instruments, int max) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(max, instruments.size()); i++) {
      sb.append(i == 0 ? "" : ", ").append(instruments.get(i).name());
    }
    if (instruments.size() > max) {
      sb.append(" and ").append(instruments.size() - max).append(" more");
    }
    return sb.toString();
  }

  // ------------------------------------------------------------------------------------------------ the report

  /**
   * Volatility and correlation with the reference of every underlying, and where each came from.
   *
   * @param risk the asset risk
   * @param volSources per underlying: "--vol" or "surface ATM, 30 days"
   * @param correlationSources per underlying: "--correlation", "assumed" or "reference"
   */
  record Risk(AssetRisk risk, Map<String, String> volSources, Map<String, String> correlationSources) {
  }

  /**
   * The gamma profile: the book's cash gamma over spot shifts, by full revaluation.
   *
   * @param spotShifts relative spot moves (fractions), ascending
   * @param cashGammaUsd per underlying (in name order), then "total": USD per 1% move at each shift
   */
  record GammaProfile(double[] spotShifts, Map<String, double[]> cashGammaUsd) {
  }

  /**
   * Everything the report prints, computed once from the valuation.
   *
   * @param valuation the book valued on the market
   * @param byUnderlying net greeks per underlying, positions only
   * @param withCollateral net greeks per underlying with coin collateral added (value and delta)
   * @param byExpiry net greeks per underlying and expiry
   * @param risk volatilities and correlations
   * @param equivalent the reference-equivalent delta and gamma
   * @param netting the netting analytics
   * @param grid the scenario grid
   * @param profile the gamma profile
   */
  record Report(PortfolioValuation valuation, Map<String, NetGreeks> byUnderlying,
      Map<String, NetGreeks> withCollateral, Map<ExpiryKey, NetGreeks> byExpiry, Risk risk,
      ReferenceEquivalent equivalent, NettingReport netting, ScenarioGrid grid, GammaProfile profile) {

    static Report of(PortfolioValuation v, MarketSnapshot snapshot, Settings s, EwmaEstimate ewma) {
      Risk risk = ReportCommand.risk(v, snapshot, s, ewma);
      NettingReport netting = NettingAnalyzer.analyze(v, snapshot, risk.risk(),
          s.netting().withVolatilities(risk.risk().volatilities()));
      ScenarioGrid grid = ScenarioEngine.DEFAULT.withPricer(Main.ONE_SHOT_PRICER).grid(v, s.grid());
      return new Report(v, GreeksAggregator.byUnderlying(v), GreeksAggregator.byUnderlying(v, true),
          GreeksAggregator.byExpiry(v), risk, GreeksAggregator.referenceEquivalent(v, risk.risk(), s.weighting(),
              false), netting, grid, ReportCommand.profile(v, s.grid()));
    }
  }

  /**
   * σ and ρ of every underlying of the book and of the reference (see the class javadoc).
   *
   * @param ewma the estimate from price histories, or null
   */
  static Risk risk(PortfolioValuation v, MarketSnapshot snapshot, Settings s, EwmaEstimate ewma) {
    List<String> underlyings = v.underlyings().stream().sorted().toList();
    String ref = s.reference() != null ? s.reference() : underlyings.contains("BTC") ? "BTC" : underlyings.get(0);
    if (!snapshot.underlyings().contains(ref)) {
      throw new MissingMarketDataException("--reference " + ref + ": the market has no index price for " + ref
          + " (have: " + snapshot.underlyings() + ")");
    }
    for (String u : s.vols().keySet()) {
      if (!underlyings.contains(u) && !u.equals(ref)) {
        throw new IllegalArgumentException("--vol " + u + ": the book has no position on " + u + " (it holds "
            + underlyings + ")");
      }
    }
    if (ewma != null && ewma.assets().size() > 1 && !ewma.assets().contains(ref)) {
      throw new IllegalArgumentException("--history: correlations are with the reference " + ref + ": give its "
          + "price history too (--history " + ref + "=FILE)");
    }
    for (String u : s.correlations().keySet()) {
      if (!underlyings.contains(u)) {
        throw new IllegalArgumentException("--correlation " + u + ": the book has no position on " + u
            + " (it holds " + underlyings + ")");
      }
      if (u.equals(ref) && s.correlations().get(u) != 1.0) {
        throw new IllegalArgumentException("--correlation " + u + ": " + u + " is the reference; its correlation "
            + "with itself is 1");
      }
    }
    List<String> all = new ArrayList<>(underlyings);
    if (!all.contains(ref)) {
      all.add(0, ref);
    }
    Map<String, Double> sigma = new LinkedHashMap<>();
    Map<String, String> volSources = new LinkedHashMap<>();
    Map<String, Double> rho = new LinkedHashMap<>();
    Map<String, String> rhoSources = new LinkedHashMap<>();
    for (String u : all) {
      Double given = s.vols().get(u);
      if (given != null) {
        sigma.put(u, given);
        volSources.put(u, "--vol");
      } else if (ewma != null && ewma.assets().contains(u)) {
        sigma.put(u, ewma.volatility(u));
        volSources.put(u, "EWMA of --history");
      } else {
        VolatilitySurface surface = snapshot.surface(u).orElseThrow(() -> new MissingMarketDataException(
            "no volatility for " + u + ": the market has no " + u + " volatility surface; give --vol " + u
                + "=SIGMA (a fraction, e.g. 0.6)"));
        double t = ATM_DAYS / 365.0;
        double atm = surface.volatility(0.0, t);
        if (!(atm > 0 && atm < Double.POSITIVE_INFINITY)) {
          throw new MissingMarketDataException("no volatility for " + u + ": its surface gives " + atm + " at the "
              + "money at " + ATM_DAYS + " days from " + snapshot.timestamp() + "; give --vol " + u + "=SIGMA");
        }
        sigma.put(u, atm);
        volSources.put(u, "surface ATM, " + ATM_DAYS + " days");
      }
      if (u.equals(ref)) {
        rhoSources.put(u, "reference");
      } else if (s.correlations().containsKey(u)) {
        rho.put(u, s.correlations().get(u));
        rhoSources.put(u, "--correlation");
      } else if (ewma != null && ewma.assets().contains(u) && ewma.assets().contains(ref)) {
        rho.put(u, ewma.correlation(u, ref));
        rhoSources.put(u, "EWMA of --history");
      } else {
        rho.put(u, DEFAULT_CORRELATION);
        rhoSources.put(u, "assumed");
      }
    }
    return new Risk(new AssetRisk(ref, sigma, rho), volSources, rhoSources);
  }

  /** The gamma profile over the grid's spot range (see the class javadoc). */
  static GammaProfile profile(PortfolioValuation v, ScenarioSpec grid) {
    double range = 0;
    for (double x : grid.spotShifts()) {
      range = Math.max(range, Math.abs(x));
    }
    double h = PROFILE_STEP_PCT / 100;
    int half = (int) Math.ceil(range / h - 1e-9);
    double[] axis = new double[2 * half + 3]; // one more point each side for the differences
    for (int i = 0; i < axis.length; i++) {
      axis[i] = (i - half - 1) * PROFILE_STEP_PCT / 100; // exact 0 in the middle
    }
    ScenarioGrid pnl = ScenarioEngine.DEFAULT.withPricer(Main.ONE_SHOT_PRICER).grid(v, ScenarioSpec.of(axis, new double[] {0.0}));
    double[] shifts = new double[2 * half + 1];
    for (int i = 0; i < shifts.length; i++) {
      shifts[i] = axis[i + 1];
    }
    Map<String, double[]> out = new LinkedHashMap<>();
    double[] total = new double[shifts.length];
    for (String u : pnl.underlyings()) {
      double[] cg = new double[shifts.length];
      for (int i = 0; i < shifts.length; i++) {
        double second = (pnl.pnlUsd(u, i + 2, 0) - 2 * pnl.pnlUsd(u, i + 1, 0) + pnl.pnlUsd(u, i, 0)) / (h * h);
        double x = shifts[i];
        cg[i] = second * (1 + x) * (1 + x) / 100;
        total[i] += cg[i];
      }
      out.put(u, cg);
    }
    out.put("total", total);
    return new GammaProfile(shifts, out);
  }

  // ------------------------------------------------------------------------------------------------ tables

  private static final String POSITION_ROW =
      "%5s  %-26s %11s %11s %7s %13s %10s %10s %11s %11s %11s %11s%n";
  private static final String NET_ROW = "%-10s %9s %13s %11s %11s %11s %11s %11s %11s %11s %12s %12s%n";
  private static final String EXPIRY_ROW = "%-10s %-11s %7s %9s %11s %11s %11s %11s %11s %11s%n";
  private static final String EQUIV_ROW = "%-10s %12s %8s %-22s %6s %-14s %8s %11s %11s %11s %11s%n";
  private static final String NETTING_ROW = "%-12s %9s %10s %10s %6s %11s %11s %6s %11s %11s %6s %11s %11s %6s%n";
  private static final String FLOW_ROW = "%-46s %16s %14s %16s%n";

  private void printTables(PrintWriter w, BookMarketOptions.Inputs in, Report r) {
    PortfolioValuation v = r.valuation();
    w.println("RISK REPORT  " + v.portfolio().name() + ": " + count(v.size(), "position") + " on "
        + count(v.instrumentCount(), "instrument") + " (" + in.bookSource() + ")");
    if (in.skipped() > 0) {
      w.println("WARNING      " + count(in.skipped(), "position") + " of " + in.bookSource() + " skipped as bad "
          + "(reasons on stderr): this report does not include " + (in.skipped() == 1 ? "it" : "them"));
    }
    w.println("market       " + in.marketSource() + ", at " + v.timestamp() + "; index " + indexText(v));
    w.println("model        Black-76 on each expiry's forward, vol from the " + (v.volSource() == VolSource.SURFACE
        ? "surface at the option's strike" : "option's mark IV") + ", rate " + (v.rate() == 0 ? "0"
            : fmt(100 * v.rate(), 2) + "%") + "; greeks in Deribit's units");
    w.println();
    printPositions(w, v);
    w.println();
    printNet(w, r);
    w.println();
    printExpiries(w, r);
    w.println();
    printEquivalent(w, r);
    w.println();
    printNetting(w, r);
    w.println();
    printHedging(w, r);
    w.println();
    printGrid(w, r);
  }

  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String indexText(PortfolioValuation v) {
    StringBuilder sb = new StringBuilder();
    for (String u : v.underlyings()) {
      sb.append(sb.isEmpty() ? "" : ", ").append(u).append(' ').append(fmt(v.indexPrice(u), 2)).append(" USD");
    }
    return sb.toString();
  }

  private static void printPositions(PrintWriter w, PortfolioValuation v) {
    w.println("POSITIONS");
    w.printf(Locale.ROOT, POSITION_ROW, "#", "instrument", "quantity", "forward", "iv", "value", "delta",
        "delta_coin", "gamma", "cash_gamma", "vega", "theta");
    w.printf(Locale.ROOT, POSITION_ROW, "", "", "(coin)", "(USD)", "(%)", "(USD)", "(coin)", "(coin)",
        "(coin/USD)", "(USD/1%)", "(USD/volpt)", "(USD/day)");
    for (int i = 0; i < v.size(); i++) {
      boolean option = v.instrument(i).isOption();
      w.printf(Locale.ROOT, POSITION_ROW, i + 1, v.instrument(i).name(), fmt(v.quantity(i), 4),
          fmt(v.forward(i), 2), option ? fmt(100 * v.vol(i), 2) : "", fmt(v.valueUsd(i), 2), fmt(v.delta(i), 4),
          fmt(v.deltaCoin(i), 4), sci(v.gamma(i)), fmt(v.cashGamma(i), 2), fmt(v.vega(i), 2), fmt(v.theta(i), 2));
    }
  }

  private static void printNet(PrintWriter w, Report r) {
    PortfolioValuation v = r.valuation();
    w.println("NET GREEKS BY UNDERLYING (positions; coin greeks in coins of the underlying)");
    w.printf(Locale.ROOT, NET_ROW, "underlying", "positions", "value", "delta", "delta_coin", "gamma", "cash_gamma",
        "vega", "std_vega", "theta", "vanna", "volga");
    w.printf(Locale.ROOT, NET_ROW, "", "", "(USD)", "(coin)", "(coin)", "(coin/USD)", "(USD/1%)", "(USD/volpt)",
        "(USD/volpt)", "(USD/day)", "(coin/volpt)", "(USD/volpt2)");
    for (Map.Entry<String, NetGreeks> e : r.byUnderlying().entrySet()) {
      NetGreeks g = e.getValue();
      w.printf(Locale.ROOT, NET_ROW, e.getKey(), g.positions(), fmt(g.valueUsd(), 2), fmt(g.delta(), 4),
          fmt(g.deltaCoin(), 4), sci(g.gamma()), fmt(g.cashGamma(), 2), fmt(g.vega(), 2),
          fmt(g.standardisedVega(), 2), fmt(g.theta(), 2), fmt(g.vanna(), 4), fmt(g.volga(), 2));
    }
    if (!v.collateral().isEmpty()) {
      StringBuilder sb = new StringBuilder("collateral: ");
      boolean first = true;
      for (CollateralValue c : v.collateral()) {
        sb.append(first ? "" : ", ").append(c.currency()).append(' ').append(fmt(c.amount(), c.isStablecoin() ? 2
            : 4));
        if (!c.isStablecoin()) {
          sb.append(" (").append(fmt(c.valueUsd(), 2)).append(" USD)");
        }
        first = false;
      }
      sb.append("; total ").append(fmt(v.collateralValueUsd(), 2)).append(" USD");
      w.println(sb);
      StringBuilder d = new StringBuilder("delta with coin collateral (coin): ");
      first = true;
      for (Map.Entry<String, NetGreeks> e : r.withCollateral().entrySet()) {
        d.append(first ? "" : ", ").append(e.getKey()).append(' ').append(signed(e.getValue().delta(), 4));
        first = false;
      }
      w.println(d);
    }
  }

  private static void printExpiries(PrintWriter w, Report r) {
    long now = r.valuation().timestamp().toEpochMilli();
    w.println("NET GREEKS BY EXPIRY");
    w.printf(Locale.ROOT, EXPIRY_ROW, "underlying", "expiry", "days", "positions", "delta", "delta_coin", "gamma",
        "cash_gamma", "vega", "theta");
    w.printf(Locale.ROOT, EXPIRY_ROW, "", "08:00 UTC", "", "", "(coin)", "(coin)", "(coin/USD)", "(USD/1%)",
        "(USD/volpt)", "(USD/day)");
    for (Map.Entry<ExpiryKey, NetGreeks> e : r.byExpiry().entrySet()) {
      ExpiryKey k = e.getKey();
      NetGreeks g = e.getValue();
      String expiry = k.hasExpiry() ? LocalDate.ofInstant(k.expiry(), ZoneOffset.UTC).toString() : "perpetual";
      String days = k.hasExpiry() ? fmt((k.expiryMillis() - now) / 86_400_000.0, 2) : "";
      w.printf(Locale.ROOT, EXPIRY_ROW, k.underlying(), expiry, days, g.positions(), fmt(g.delta(), 4),
          fmt(g.deltaCoin(), 4), sci(g.gamma()), fmt(g.cashGamma(), 2), fmt(g.vega(), 2), fmt(g.theta(), 2));
    }
  }

  private static void printEquivalent(PrintWriter w, Report r) {
    ReferenceEquivalent eq = r.equivalent();
    Risk risk = r.risk();
    String ref = eq.reference();
    w.println(ref + "-EQUIVALENT DELTA AND GAMMA (" + (eq.weighting() == AssetRisk.Weighting.BETA
        ? "beta-weighted: w = rho x sigma / sigma_" + ref : "correlation-weighted: w = rho") + ")");
    w.printf(Locale.ROOT, EQUIV_ROW, "underlying", "index", "vol", "vol source", "corr", "corr source", "weight",
        "delta", "gamma", "delta", "gamma");
    w.printf(Locale.ROOT, EQUIV_ROW, "", "(USD)", "(%)", "", "", "", "", "(coin)", "(coin/USD)", "(" + ref + ")",
        "(" + ref + "/USD)");
    for (ReferenceEquivalent.Contribution c : eq.contributions()) {
      String u = c.underlying();
      w.printf(Locale.ROOT, EQUIV_ROW, u, fmt(c.indexPrice(), 2), fmt(100 * risk.risk().volatility(u), 2),
          risk.volSources().get(u), fmt(risk.risk().correlation(u), 2), risk.correlationSources().get(u),
          fmt(c.weight(), 4), fmt(c.delta(), 4), sci(c.gamma()), fmt(c.deltaEquivalent(), 4),
          sci(c.gammaEquivalent()));
    }
    w.println("book: delta " + signed(eq.delta(), 4) + " " + ref + " (" + signed(eq.deltaUsd(), 2)
        + " USD delta-dollars), gamma " + sci(eq.gamma()) + " " + ref + "/USD (cash gamma " + fmt(eq.cashGamma(), 2)
        + " USD per 1% move of " + ref + ")");
  }

  private static void printNetting(PrintWriter w, Report r) {
    NettingReport n = r.netting();
    w.println("NETTING  gross = sum of |position greek|, net = signed sum (positions on one instrument netted "
        + "first), eff = 1 - |net| / gross");
    w.printf(Locale.ROOT, NETTING_ROW, "underlying", "positions", "delta", "", "", "gamma", "", "", "vega", "", "",
        "theta", "", "");
    w.printf(Locale.ROOT, NETTING_ROW, "", "", "gross", "net", "eff", "gross", "net", "eff", "gross", "net", "eff",
        "gross", "net", "eff");
    w.printf(Locale.ROOT, NETTING_ROW, "", "", "(coin)", "(coin)", "(%)", "(coin/USD)", "(coin/USD)", "(%)",
        "(USD/volpt)", "(USD/volpt)", "(%)", "(USD/day)", "(USD/day)", "(%)");
    for (UnderlyingNetting u : n.underlyings()) {
      w.printf(Locale.ROOT, NETTING_ROW, u.underlying(), u.positions(), fmt(u.delta().gross(), 4),
          fmt(u.delta().net(), 4), pct(u.delta().efficiency()), sci(u.gamma().gross()), sci(u.gamma().net()),
          pct(u.gamma().efficiency()), fmt(u.vega().gross(), 2), fmt(u.vega().net(), 2), pct(u.vega().efficiency()),
          fmt(u.theta().gross(), 2), fmt(u.theta().net(), 2), pct(u.theta().efficiency()));
    }
    BookNetting b = n.book();
    w.printf(Locale.ROOT, NETTING_ROW, "book", r.valuation().size(), fmt(b.delta().gross(), 4),
        fmt(b.delta().net(), 4), pct(b.delta().efficiency()), sci(b.gamma().gross()), sci(b.gamma().net()),
        pct(b.gamma().efficiency()), fmt(b.vega().gross(), 2), fmt(b.vega().net(), 2), pct(b.vega().efficiency()),
        fmt(b.theta().gross(), 2), fmt(b.theta().net(), 2), pct(b.theta().efficiency()));
    w.println("book delta and gamma in " + b.reference() + " (" + b.reference() + "-equivalent); gamma netting: "
        + pct(b.gamma().withinUnderlyingEfficiency()) + "% within underlyings (strikes, expiries, instruments), "
        + pct(b.gamma().crossUnderlyingEfficiency()) + "% across underlyings, " + pct(b.gamma().efficiency())
        + "% in all");
  }

  private static void printHedging(PrintWriter w, Report r) {
    HedgingCost h = r.netting().hedging();
    StringBuilder sigmas = new StringBuilder();
    for (UnderlyingHedging u : h.underlyings()) {
      sigmas.append(sigmas.isEmpty() ? "" : ", ").append(u.underlying()).append(' ')
          .append(u.volatility() > 0 ? fmt(100 * u.volatility(), 2) + "%" : "-");
    }
    w.println("HEDGING FLOW  expected delta-hedge trading, rebalanced every " + durationText(h.rebalanceInterval())
        + " (" + fmt(h.rebalancesPerDay(), 1) + " a day), cost " + fmt(h.costBp(), 2) + " bp of notional; sigma "
        + sigmas);
    w.printf(Locale.ROOT, FLOW_ROW, "hedged", "traded (USD/day)", "cost (USD/day)", "");
    w.printf(Locale.ROOT, FLOW_ROW, "every position on its own", fmt(h.perPosition().usdPerDay(), 0),
        fmt(h.perPosition().costUsdPerDay(), 2), "");
    w.printf(Locale.ROOT, FLOW_ROW, "each underlying's net gamma", fmt(h.perUnderlying().usdPerDay(), 0),
        fmt(h.perUnderlying().costUsdPerDay(), 2), "");
    w.printf(Locale.ROOT, FLOW_ROW, "the whole book in " + h.reference() + " (base correlations)",
        fmt(h.book().usdPerDay(), 0), fmt(h.book().costUsdPerDay(), 2), "");
    double saved = h.savedTotalUsdPerDay();
    double base = h.perPosition().costUsdPerDay();
    w.println("netting saves " + fmt(saved, 2) + " USD a day in hedging costs" + (base > 0 ? " (" + fmt(100 * saved
        / base, 1) + "% of hedging every position on its own): " + fmt(h.savedByUnderlyingNettingUsdPerDay(), 2)
        + " within underlyings, " + fmt(h.savedByCrossAssetNettingUsdPerDay(), 2) + " across them" : ""));
    w.println("correlation stress of the whole-book hedge:");
    w.printf(Locale.ROOT, FLOW_ROW, "correlations", "traded (USD/day)", "cost (USD/day)", "saved vs per-underlying");
    for (CorrelationCase c : h.correlationSensitivity()) {
      HedgeFlow f = c.book();
      w.printf(Locale.ROOT, FLOW_ROW, c.name(), fmt(f.usdPerDay(), 0), fmt(f.costUsdPerDay(), 2),
          fmt(c.savedCostUsdPerDay(), 2) + " USD/day");
    }
  }

  private static void printGrid(PrintWriter w, Report r) {
    ScenarioGrid g = r.grid();
    ScenarioSpec s = g.spec();
    w.println("SCENARIOS  full-revaluation P&L of the book (USD); rows: spot shift of every underlying (% of index), "
        + "columns: parallel vol shift (vol points), sticky strike; " + (s.horizonDays() > 0 ? "repriced "
            + trim(s.horizonDays()) + " days later (expiring options at intrinsic)" : "no time roll"));
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-9s", "spot"));
    for (int k = 0; k < s.volCount(); k++) {
      head.append(String.format(Locale.ROOT, " %14s", "vol " + signedTrim(100 * s.volShift(k))));
    }
    w.println(head);
    for (int i = 0; i < s.spotCount(); i++) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-9s", signedTrim(100 * s.spotShift(i))
          + "%"));
      for (int k = 0; k < s.volCount(); k++) {
        row.append(String.format(Locale.ROOT, " %14s", fmt(g.pnlUsd(i, k), 0)));
      }
      w.println(row);
    }
    w.println("worst cell: " + fmt(g.worstPnlUsd(), 0) + " USD");
  }

  // ------------------------------------------------------------------------------------------------ charts

  private void writeCharts(Report r, PrintWriter err) {
    try {
      Files.createDirectories(pngDir);
    } catch (IOException e) {
      throw new DataFileException(pngDir + ": cannot create the chart directory: " + e.getMessage(), e);
    }
    ScenarioGrid g = r.grid();
    ScenarioSpec s = g.spec();
    double[] spotPct = scaled(s.spotShifts(), 100);
    double[] volPts = scaled(s.volShifts(), 100);
    String book = r.valuation().portfolio().name();
    String roll = s.horizonDays() > 0 ? ", " + trim(s.horizonDays()) + " days later" : "";
    ReportCharts.writePng(ReportCharts.pnlVsSpot(spotPct, volPts, g.pnlUsd(), book + ": P&L vs spot, per vol shift"
        + roll), pngDir.resolve(PNL_PNG));
    ReportCharts.writePng(ReportCharts.gammaProfile(scaled(r.profile().spotShifts(), 100),
        r.profile().cashGammaUsd(), book + ": gamma profile (full revaluation)"), pngDir.resolve(GAMMA_PNG));
    ReportCharts.writePng(ReportCharts.heatmap(spotPct, volPts, g.pnlUsd(), book + ": scenario P&L (thousand USD)"
        + roll), pngDir.resolve(HEATMAP_PNG));
    err.println("charts written to " + pngDir + ": " + PNL_PNG + ", " + GAMMA_PNG + ", " + HEATMAP_PNG);
  }

  private static double[] scaled(double[] x, double factor) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i] * factor;
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------------ JSON

  private ObjectNode toJson(BookMarketOptions.Inputs in, Report r) {
    PortfolioValuation v = r.valuation();
    ObjectNode root = ChainCommand.Json.MAPPER.createObjectNode();
    root.put("portfolio", v.portfolio().name());
    root.put("portfolio_source", in.bookSource());
    root.put("positions_skipped", in.skipped());
    root.put("market_source", in.marketSource());
    root.put("timestamp", v.timestamp().toString());
    root.put("vol_source", v.volSource().name().toLowerCase(Locale.ROOT));
    root.put("rate", v.rate());
    ObjectNode index = root.putObject("index");
    v.underlyings().forEach(u -> index.put(u, v.indexPrice(u)));
    ArrayNode collateral = root.putArray("collateral");
    for (CollateralValue c : v.collateral()) {
      ObjectNode n = collateral.addObject();
      n.put("currency", c.currency());
      n.put("amount", c.amount());
      n.put("price_usd", c.priceUsd());
      n.put("value_usd", c.valueUsd());
      n.put("delta", c.delta());
    }
    root.put("collateral_value_usd", v.collateralValueUsd());
    ArrayNode pos = root.putArray("positions");
    for (int i = 0; i < v.size(); i++) {
      Instrument ins = v.instrument(i);
      ObjectNode n = pos.addObject();
      n.put("instrument", ins.name());
      n.put("underlying", v.underlying(i));
      n.put("kind", ins.kind().name().toLowerCase(Locale.ROOT));
      n.put("quantity", v.quantity(i));
      if (ins.expiry() != null) {
        n.put("expiration", ins.expiry().toString());
        n.put("t", v.t(i));
      }
      if (ins.isOption()) {
        n.put("strike", ins.strike());
        n.put("type", ins.optionType().name().toLowerCase(Locale.ROOT));
        n.put("iv", v.vol(i));
      }
      n.put("forward", v.forward(i));
      n.put("price", v.price(i));
      n.put("price_usd", v.priceUsd(i));
      n.put("listed", v.isListed(v.instrumentIndex(i)));
      for (Measure m : Measure.values()) {
        n.put(m.jsonName(), v.measure(m, i));
      }
    }
    ObjectNode net = root.putObject("net");
    for (Map.Entry<String, NetGreeks> e : r.byUnderlying().entrySet()) {
      ObjectNode n = greeks(net.putObject(e.getKey()), e.getValue());
      NetGreeks with = r.withCollateral().get(e.getKey());
      n.put("delta_with_collateral", with.delta());
      n.put("value_usd_with_collateral", with.valueUsd());
    }
    ArrayNode expiries = root.putArray("by_expiry");
    for (Map.Entry<ExpiryKey, NetGreeks> e : r.byExpiry().entrySet()) {
      ObjectNode n = expiries.addObject();
      n.put("underlying", e.getKey().underlying());
      if (e.getKey().hasExpiry()) {
        n.put("expiration", e.getKey().expiry().toString());
      } else {
        n.putNull("expiration");
      }
      greeks(n, e.getValue());
    }
    riskJson(root.putObject("asset_risk"), r.risk());
    equivalentJson(root.putObject("reference_equivalent"), r.equivalent());
    nettingJson(root.putObject("netting"), r.netting());
    gridJson(root.putObject("scenarios"), r.grid());
    ObjectNode profile = root.putObject("gamma_profile");
    doubles(profile.putArray("spot_shifts"), r.profile().spotShifts());
    ObjectNode cg = profile.putObject("cash_gamma_usd");
    r.profile().cashGammaUsd().forEach((u, y) -> doubles(cg.putArray(u), y));
    return root;
  }

  private static ObjectNode greeks(ObjectNode n, NetGreeks g) {
    n.put("positions", g.positions());
    for (Measure m : Measure.values()) {
      n.put(m.jsonName(), g.get(m));
    }
    return n;
  }

  private static void riskJson(ObjectNode n, Risk risk) {
    n.put("reference", risk.risk().reference());
    ObjectNode vols = n.putObject("volatilities");
    risk.risk().volatilities().forEach(vols::put);
    ObjectNode vs = n.putObject("volatility_sources");
    risk.volSources().forEach(vs::put);
    ObjectNode corr = n.putObject("correlations");
    risk.volSources().keySet().forEach(u -> corr.put(u, risk.risk().correlation(u)));
    ObjectNode cs = n.putObject("correlation_sources");
    risk.correlationSources().forEach(cs::put);
  }

  private static void equivalentJson(ObjectNode n, ReferenceEquivalent eq) {
    n.put("reference", eq.reference());
    n.put("weighting", eq.weighting().name().toLowerCase(Locale.ROOT));
    n.put("index", eq.indexPrice());
    n.put("delta", eq.delta());
    n.put("gamma", eq.gamma());
    n.put("delta_usd", eq.deltaUsd());
    n.put("cash_gamma", eq.cashGamma());
    ArrayNode parts = n.putArray("contributions");
    for (ReferenceEquivalent.Contribution c : eq.contributions()) {
      ObjectNode p = parts.addObject();
      p.put("underlying", c.underlying());
      p.put("weight", c.weight());
      p.put("index", c.indexPrice());
      p.put("delta", c.delta());
      p.put("gamma", c.gamma());
      p.put("delta_equivalent", c.deltaEquivalent());
      p.put("gamma_equivalent", c.gammaEquivalent());
    }
  }

  private static void nettingJson(ObjectNode n, NettingReport report) {
    BookNetting b = report.book();
    n.put("reference", b.reference());
    n.put("gross_gamma", b.gamma().gross());
    n.put("net_gamma", b.gamma().net());
    efficiency(n, "efficiency", b.gamma().efficiency());
    ObjectNode book = n.putObject("book");
    bookMeasure(book.putObject("delta"), b.delta());
    bookMeasure(book.putObject("gamma"), b.gamma());
    bookMeasure(book.putObject("vega"), b.vega());
    bookMeasure(book.putObject("theta"), b.theta());
    ObjectNode per = n.putObject("by_underlying");
    for (UnderlyingNetting u : report.underlyings()) {
      ObjectNode o = per.putObject(u.underlying());
      o.put("positions", u.positions());
      grossNet(o.putObject("delta"), u.delta());
      grossNet(o.putObject("gamma"), u.gamma());
      grossNet(o.putObject("vega"), u.vega());
      grossNet(o.putObject("theta"), u.theta());
    }
    HedgingCost h = report.hedging();
    ObjectNode hedging = n.putObject("hedging");
    hedging.put("rebalance_interval", h.rebalanceInterval().toString());
    hedging.put("rebalances_per_day", h.rebalancesPerDay());
    hedging.put("cost_bp", h.costBp());
    flow(hedging.putObject("per_position"), h.perPosition());
    flow(hedging.putObject("per_underlying"), h.perUnderlying());
    flow(hedging.putObject("book"), h.book());
    hedging.put("book_reference_coins_per_day", h.bookReferenceCoinsPerDay());
    hedging.put("saved_cost_usd_per_day", h.savedTotalUsdPerDay());
    hedging.put("saved_within_underlyings_usd_per_day", h.savedByUnderlyingNettingUsdPerDay());
    hedging.put("saved_across_underlyings_usd_per_day", h.savedByCrossAssetNettingUsdPerDay());
    ObjectNode hu = hedging.putObject("by_underlying");
    for (UnderlyingHedging u : h.underlyings()) {
      ObjectNode o = hu.putObject(u.underlying());
      o.put("volatility", u.volatility());
      o.put("gross_gamma", u.grossGamma());
      o.put("net_gamma", u.netGamma());
      o.put("coins_per_day_positions", u.coinsPerDayPositions());
      o.put("coins_per_day_netted", u.coinsPerDayNetted());
      flow(o.putObject("positions"), u.positions());
      flow(o.putObject("netted"), u.netted());
    }
    ArrayNode cases = hedging.putArray("correlation_sensitivity");
    for (CorrelationCase c : h.correlationSensitivity()) {
      ObjectNode o = cases.addObject();
      o.put("name", c.name());
      flow(o.putObject("book"), c.book());
      o.put("saved_cost_usd_per_day", c.savedCostUsdPerDay());
      o.put("saved_usd_per_day", c.savedUsdPerDay());
    }
  }

  private static void bookMeasure(ObjectNode o, BookMeasure m) {
    o.put("gross", m.gross());
    o.put("per_underlying", m.perUnderlying());
    o.put("net", m.net());
    efficiency(o, "efficiency", m.efficiency());
    efficiency(o, "within_underlying_efficiency", m.withinUnderlyingEfficiency());
    efficiency(o, "cross_underlying_efficiency", m.crossUnderlyingEfficiency());
  }

  private static void grossNet(ObjectNode o, GrossNet g) {
    o.put("gross", g.gross());
    o.put("net", g.net());
    efficiency(o, "efficiency", g.efficiency());
  }

  private static void flow(ObjectNode o, HedgeFlow f) {
    o.put("usd_per_rebalance", f.usdPerRebalance());
    o.put("usd_per_day", f.usdPerDay());
    o.put("cost_usd_per_day", f.costUsdPerDay());
  }

  /** An efficiency, or null when it is undefined (nothing to net: gross 0). */
  private static void efficiency(ObjectNode o, String name, OptionalDouble e) {
    if (e.isPresent()) {
      o.put(name, e.getAsDouble());
    } else {
      o.putNull(name);
    }
  }

  private static void gridJson(ObjectNode n, ScenarioGrid g) {
    ScenarioSpec s = g.spec();
    doubles(n.putArray("spot_shifts"), s.spotShifts());
    doubles(n.putArray("vol_shifts"), s.volShifts());
    n.put("horizon_days", s.horizonDays());
    ArrayNode m = n.putArray("pnl_usd");
    for (double[] row : g.pnlUsd()) {
      doubles(m.addArray(), row);
    }
    ObjectNode by = n.putObject("pnl_usd_by_underlying");
    double[][][] per = g.pnlUsdByUnderlying();
    for (int u = 0; u < per.length; u++) {
      ArrayNode a = by.putArray(g.underlyings().get(u));
      for (double[] row : per[u]) {
        doubles(a.addArray(), row);
      }
    }
    ArrayNode settled = n.putArray("settled");
    g.settled().forEach(i -> settled.add(i.name()));
  }

  private static void doubles(ArrayNode a, double[] values) {
    for (double x : values) {
      a.add(x);
    }
  }

  // ------------------------------------------------------------------------------------------------ formatting

  /** {@code x} with {@code decimals} decimals; a value that rounds to zero prints without a sign. */
  static String fmt(double x, int decimals) {
    return noNegativeZero(String.format(Locale.ROOT, "%." + decimals + "f", x));
  }

  /** {@code x} with an explicit sign and {@code decimals} decimals (no sign when it rounds to zero). */
  static String signed(double x, int decimals) {
    String s = fmt(x, decimals);
    return s.startsWith("-") || isZero(s) ? s : "+" + s;
  }

  /** {@code 1.234e-04}; 0 as {@code 0}. */
  static String sci(double x) {
    return x == 0 ? "0" : String.format(Locale.ROOT, "%.3e", x);
  }

  /** An efficiency in percent with one decimal, or {@code -} when undefined. */
  static String pct(OptionalDouble e) {
    return e.isPresent() ? fmt(100 * e.getAsDouble(), 1) : "-";
  }

  /** {@code 7}, {@code 0.5}: a number with at most 4 decimals and no trailing zeros. */
  static String trim(double x) {
    String s = signedTrim(x);
    return s.startsWith("+") ? s.substring(1) : s;
  }

  /** {@code +5}, {@code -2.5}, {@code 0}: a shift without trailing zeros. */
  static String signedTrim(double x) {
    String s = fmt(x, 4);
    if (s.contains(".")) {
      while (s.endsWith("0")) {
        s = s.substring(0, s.length() - 1);
      }
      if (s.endsWith(".")) {
        s = s.substring(0, s.length() - 1);
      }
    }
    return s.startsWith("-") || s.equals("0") ? s : "+" + s;
  }

  private static String durationText(Duration d) {
    long s = d.toSeconds();
    if (s % 86_400 == 0) {
      return s / 86_400 + " day" + (s == 86_400 ? "" : "s");
    }
    if (s % 3600 == 0) {
      return s / 3600 + " hour" + (s == 3600 ? "" : "s");
    }
    if (s % 60 == 0) {
      return s / 60 + " minutes";
    }
    return d.toString();
  }

  private static boolean isZero(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '0' && c != '.' && c != '-' && c != '+') {
        return false;
      }
    }
    return true;
  }

  private static String noNegativeZero(String s) {
    return s.startsWith("-") && isZero(s) ? s.substring(1) : s;
  }
}
