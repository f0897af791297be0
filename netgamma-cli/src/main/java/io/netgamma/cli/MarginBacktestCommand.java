package io.netgamma.cli;

import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.margin.MarginModel;
import io.netgamma.core.margin.backtest.BacktestDay;
import io.netgamma.core.margin.backtest.BacktestResult;
import io.netgamma.core.margin.backtest.BacktestSettings;
import io.netgamma.core.margin.backtest.DailyCloses;
import io.netgamma.core.margin.backtest.MarginBacktest;
import io.netgamma.core.margin.backtest.RollingBook;
import io.netgamma.core.margin.generic.GenericMarginParameters;
import io.netgamma.core.margin.predictive.EwmaForecaster;
import io.netgamma.core.margin.predictive.GarchFit;
import io.netgamma.core.margin.predictive.GarchFitter;
import io.netgamma.core.margin.predictive.PredictiveMargin;
import io.netgamma.core.margin.predictive.PredictiveSettings;
import io.netgamma.core.margin.predictive.ScalableMarginModel;
import io.netgamma.core.margin.predictive.VolatilityForecaster;
import io.netgamma.core.margin.predictive.VolatilityPath;
import io.netgamma.core.margin.pm.PmParameters;
import io.netgamma.core.margin.span.SpanParameters;
import io.netgamma.core.margin.standard.DeribitStandardMargin;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.core.sim.book.DemoBook;
import io.netgamma.core.sim.history.GeneratedHistory;
import io.netgamma.core.sim.history.HistoryGenerator;
import io.netgamma.core.sim.history.HistorySpec;
import io.netgamma.data.io.ReadSummary;
import io.netgamma.data.margin.GenericMarginParametersReader;
import io.netgamma.data.margin.PmParametersReader;
import io.netgamma.data.market.LoadedMarket;
import io.netgamma.data.market.MarketLoader;
import io.netgamma.data.portfolio.PortfolioRead;
import io.netgamma.data.timeseries.DvolCsvReader;
import io.netgamma.data.timeseries.DvolSeries;
import io.netgamma.data.timeseries.OhlcvCsvReader;
import io.netgamma.data.timeseries.OhlcvSeries;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code netgamma margin-backtest}: how often a margin model would have failed a book over a price (and DVOL)
 * history ({@link MarginBacktest}), statically or scaled by a volatility forecast ({@link PredictiveMargin}), with
 * Kupiec's proportion-of-failures test. One instance per command line.
 */
@Command(
    name = "margin-backtest",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    headerHeading = "%n",
    header = "Margin backtest: a book's margin each day of a price history against the loss it realised over the "
        + "liquidation horizon; breaches, Kupiec test; static or predictive (volatility-scaled) margin.",
    descriptionHeading = "%n",
    description = {
        "Walks the daily closes of --prices (hourly bars are resampled to the close of each UTC day). Each day D:",
        "  market   index = every forward = D's close (zero carry, rate 0); one flat",
        "           volatility: DVOL/100 of D (--vol), else the EWMA (--lambda) of the",
        "           daily log returns up to D; no smile",
        "  book     the book re-anchored to D: each option keeps its moneyness K/F and",
        "           its time to expiry as of the book's own market (--market, or the",
        "           demo's); futures keep their time to expiry; quantities in coins;",
        "           positions on other underlyings than --underlying are left out",
        "  margin   --margin mm (maintenance, the liquidation threshold; default) or im",
        "           of --model, in USD (coins at D's close)",
        "  loss     the same instruments revalued --horizon-days later at that day's",
        "           close and DVOL (vol unchanged without DVOL); time to expiry",
        "           shortened, options expiring meanwhile at intrinsic; P&L per",
        "           settlement currency (coin for inverse, USDC for linear) in USD at D",
        "  breach   loss > margin",
        "",
        "Summary: days, breaches, breach rate against the expected 1 - --confidence (no venue states a confidence "
            + "for its margin: 99%% is netgamma's assumption), Kupiec's POF likelihood ratio LR = -2 ln[(1-p)^(n-x) "
            + "p^x] + 2 ln[(1-x/n)^(n-x) (x/n)^x] and its chi-square(1) p-value (rejected at 5%% when LR > 3.84), "
            + "coverage (share of days covered), the breach dates, the largest shortfall (loss - margin).",
        "",
        "Models (--model): deribit-pm (default; bundled parameters of the underlying, or --params), "
            + "deribit-standard, span (netgamma's illustrative set of 'margin --model span'), paradex-v1, derive-v1 "
            + "or a generic parameter FILE.",
        "",
        "Predictive margin (--predictive): the scenario model's price ranges x factor, factor = clamp(forecast / "
            + "reference, --floor, --cap) at each day's close:",
        "  ewma   the EWMA volatility (--lambda, 0.94) of the daily closes up to D",
        "  garch  GARCH(1,1) (Gaussian maximum likelihood, variance targeting) fitted",
        "         on the daily returns before --from (at least 250; else on the whole",
        "         history, said on stderr: in-sample), forecasting from the closes up to D",
        "  dvol   DVOL/100 of D (needs --vol; days before it are skipped)",
        "  --reference-vol defaults to the realised volatility of the last 365 daily returns up to the first day "
            + "of the window (sqrt(365 mean r^2)): the level the static ranges are taken to suit. What scales: Deribit PM's price_range "
            + "(and the extended table's weight), SPAN's price scan, the generic model's spot shocks (as log "
            + "returns); vol shocks do not. deribit-standard has no scenario ranges and cannot be predictive.",
        "",
        "Units: prices USD per coin; vols annualised, percent in tables, fractions in JSON; margins, losses and "
            + "shortfalls USD.",
        "",
        "JSON (--json): model, portfolio, underlying, measure, horizon_days, confidence, days, breaches, "
            + "breach_rate, expected_rate, kupiec_lr, kupiec_p_value, kupiec_rejected_95, coverage, breach_dates, "
            + "max_shortfall_usd, max_shortfall_date, mean_margin_usd, skipped ({reason: days}), predictive (null "
            + "or {forecast, reference_vol, floor, cap}), series ([{date, spot, vol, vol_source, factor, "
            + "margin_usd, spot_after, vol_after, loss_usd, breach}])."},
    optionListHeading = "%nOptions:%n",
    footerHeading = "%n",
    footer = {
        "Examples:",
        "  netgamma margin-backtest --demo",
        "  netgamma margin-backtest --demo --predictive ewma",
        "  netgamma margin-backtest --demo --prices samples/btc-daily-history.csv --vol samples/btc-dvol-history.csv"
            + " --predictive dvol",
        "  netgamma margin-backtest --portfolio b.json --market m.json --prices btcusd_1d.csv --vol dvol.csv "
            + "--from 2020-01-01 --to 2022-12-31 --model deribit-pm --predictive garch --json",
        "",
        "Exit codes: 0 success; 1 no day could be backtested (reasons on stderr); 2 usage error, bad or "
            + "unreadable file, missing market data or parameters; 3 internal error."})
final class MarginBacktestCommand implements Callable<Integer> {

  /** The seed of the demo's generated history (and of the committed sample files). */
  static final long DEMO_HISTORY_SEED = 2020_03_12L;
  /** Fewest daily returns before the window for a GARCH fit without look-ahead. */
  static final int GARCH_MIN_PRIOR = 250;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--demo", description = "the demo desk book of 'report --demo' (its BTC positions), and, "
      + "unless --prices is given, a generated 3-year BTC price and DVOL history with a crash on 2024-05-15 (seed "
      + DEMO_HISTORY_SEED + "), backtested from its second year (--from 2023-01-01) by default")
  boolean demo;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "" + DemoBook.DEFAULT_SEED,
      description = "--demo: seed of the book and its market (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--portfolio", paramLabel = "FILE", description = "the book: netgamma portfolio JSON, CSV or "
      + "Deribit private/get_positions JSON")
  Path portfolio;

  @Option(names = "--market", paramLabel = "FILE", description = "the book's own market (snapshot JSON or Tardis "
      + "chain): its instant and forwards give each option's moneyness and time to expiry")
  Path market;

  @Option(names = "--prices", paramLabel = "FILE", description = "OHLCV CSV of the underlying "
      + "(timestamp,open,high,low,close,volume), daily or hourly")
  Path prices;

  @Option(names = "--vol", paramLabel = "FILE", description = "Deribit DVOL CSV (timestamp,open,high,low,close; "
      + "percent), daily")
  Path vol;

  @Option(names = "--underlying", paramLabel = "COIN", description = "the coin of --prices (default: the book's "
      + "only underlying; BTC for --demo)")
  String underlying;

  @Option(names = "--model", paramLabel = "MODEL", defaultValue = MarginCommand.PM, description = "deribit-pm "
      + "(default), deribit-standard, span, paradex-v1, derive-v1 or a generic parameter FILE")
  String model;

  @Option(names = "--params", paramLabel = "FILE", description = "deribit-pm: Deribit model_params JSON "
      + "(default: the bundled set of the underlying)")
  Path params;

  @Option(names = "--predictive", paramLabel = "KIND", defaultValue = "none", description = "none (default), "
      + "ewma, garch or dvol: scale the model's price ranges by the forecast volatility")
  String predictive;

  @Option(names = "--reference-vol", paramLabel = "FRACTION", description = "predictive: the reference "
      + "volatility, annualised fraction (default: the realised volatility of the year up to the first day of the window)")
  Double referenceVol;

  @Option(names = "--floor", paramLabel = "F", defaultValue = "" + PredictiveSettings.DEFAULT_FLOOR,
      description = "predictive: the smallest factor (default ${DEFAULT-VALUE}: never below the static ranges)")
  double floor;

  @Option(names = "--cap", paramLabel = "F", defaultValue = "" + PredictiveSettings.DEFAULT_CAP,
      description = "predictive: the largest factor (default ${DEFAULT-VALUE})")
  double cap;

  @Option(names = "--lambda", paramLabel = "L", defaultValue = "0.94", description = "EWMA decay of the daily "
      + "volatility (days without DVOL, --predictive ewma) (default ${DEFAULT-VALUE}, RiskMetrics)")
  double lambda;

  @Option(names = "--from", paramLabel = "DATE", description = "first day, YYYY-MM-DD (default: after 30 days of "
      + "warm-up)")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "last day, YYYY-MM-DD (default: the last with a close "
      + "--horizon-days later)")
  String to;

  @Option(names = "--horizon-days", paramLabel = "N", defaultValue = "" + BacktestSettings.DEFAULT_HORIZON_DAYS,
      description = "liquidation horizon, days (default ${DEFAULT-VALUE})")
  int horizonDays;

  @Option(names = "--confidence", paramLabel = "C", defaultValue = "" + BacktestSettings.DEFAULT_CONFIDENCE,
      description = "the confidence the margin is taken to claim (default ${DEFAULT-VALUE}; expected breach rate "
          + "1 - C)")
  double confidence;

  @Option(names = "--margin", paramLabel = "mm|im", defaultValue = "mm", description = "the margin compared with "
      + "the loss: mm (maintenance, default) or im (initial)")
  String measure;

  @Option(names = "--json", description = "print one JSON object instead of tables")
  boolean json;

  /** The book, its market and where they come from. */
  private record Book(Portfolio portfolio, MarketSnapshot market, String source) {
  }

  /** A price (and implied vol) history and where it comes from. */
  private record History(DailyCloses closes, DailyCloses implied, String pricesSource, String impliedSource) {
  }

  /** The model and what the report says about it. */
  private record Model(MarginModel model, String description, String predictiveText, ObjectNode predictiveJson) {
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    BacktestSettings.Measure m = switch (measure.trim().toLowerCase(Locale.ROOT)) {
      case "mm", "maintenance" -> BacktestSettings.Measure.MAINTENANCE;
      case "im", "initial" -> BacktestSettings.Measure.INITIAL;
      default -> throw usage("--margin must be mm or im, got '" + measure + "'");
    };
    String kind = predictive.trim().toLowerCase(Locale.ROOT);
    if (!Set.of("none", "ewma", "garch", "dvol").contains(kind)) {
      throw usage("--predictive must be none, ewma, garch or dvol, got '" + predictive + "'");
    }
    if (kind.equals("none")) {
      for (String o : List.of("--reference-vol", "--floor", "--cap")) {
        if (spec.commandLine().getParseResult().hasMatchedOption(o)) {
          throw usage(o + " applies to --predictive ewma, garch or dvol");
        }
      }
    }
    LocalDate first = date("--from", from);
    if (first == null && demo && prices == null) {
      first = HistorySpec.btcDemo().start().plusYears(1); // a year of history for the reference vol and GARCH
    }
    LocalDate last = date("--to", to);
    BacktestSettings settings;
    try {
      settings = BacktestSettings.DEFAULT.withPricer(Main.ONE_SHOT_PRICER).withHorizonDays(horizonDays)
          .withConfidence(confidence).withMeasure(m).withWindow(first, last);
      new EwmaForecaster(lambda);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    Book book = book(err);
    String coin = underlying(book);
    RollingBook rolling = RollingBook.of(book.portfolio(), book.market(), coin);
    if (!rolling.dropped().isEmpty()) {
      err.println("note: " + ReportCommand.count(rolling.dropped().size(), "position") + " on other underlyings "
          + "than " + coin + " left out: " + String.join(", ", rolling.dropped().stream().limit(8).toList())
          + (rolling.dropped().size() > 8 ? " and " + (rolling.dropped().size() - 8) + " more" : ""));
    }
    if (rolling.size() == 0) {
      err.println("netgamma: " + book.source() + ": no " + coin + " position: nothing to backtest");
      return Main.EXIT_NOTHING_PROCESSED;
    }
    History h = history(err, coin);
    if (kind.equals("dvol") && h.implied() == null) {
      throw usage("--predictive dvol needs --vol FILE (a DVOL history)");
    }
    if (h.closes().size() < 2) {
      err.println("netgamma: " + h.pricesSource() + ": fewer than 2 daily closes: nothing to backtest");
      return Main.EXIT_NOTHING_PROCESSED;
    }
    VolatilityPath fallback = MarginBacktest.forecastPath("ewma(" + lambda + ")", h.closes(),
        new EwmaForecaster(lambda));
    Model chosen = model(err, kind, coin, h, settings, fallback);
    long start = System.nanoTime();
    BacktestResult r = MarginBacktest.run(rolling, h.closes(), h.implied(), fallback, chosen.model(), settings);
    double ms = (System.nanoTime() - start) * 1e-6;
    for (Map.Entry<String, Integer> e : r.skipped().entrySet()) {
      err.println("skipped " + ReportCommand.count(e.getValue(), "day") + ": " + e.getKey());
    }
    if (r.dayCount() == 0) {
      err.println("netgamma: no day could be backtested" + (first != null || last != null ? " in the window "
          + (first == null ? "" : first) + ".." + (last == null ? "" : last) : "") + " (history "
          + h.closes() + ")");
      return Main.EXIT_NOTHING_PROCESSED;
    }
    if (json) {
      out.println(ChainCommand.Json.MAPPER.writeValueAsString(json(r, coin, chosen)));
    } else {
      print(out, r, book, coin, h, chosen, fallback);
    }
    out.flush();
    err.println(String.format(Locale.ROOT, "%s backtested (%s, %s) in %.0f ms", ReportCommand.count(r.dayCount(),
        "day"), r.model(), ReportCommand.count(rolling.size(), "instrument"), ms));
    err.flush();
    return Main.EXIT_OK;
  }

  // ------------------------------------------------------------------------------------------------ inputs

  private Book book(PrintWriter err) {
    if (demo) {
      if (portfolio != null || market != null) {
        throw usage("--demo uses the demo desk book and its market: give either --demo or --portfolio and --market");
      }
      DemoBook d = DemoBook.generate(seed, DemoBook.DEFAULT_POSITIONS);
      return new Book(d.portfolio(), d.market(), "demo desk book, seed " + seed);
    }
    if (portfolio == null || market == null) {
      throw usage("give --portfolio FILE and --market FILE (the book's own market: moneyness and time to expiry "
          + "are taken from it), or --demo");
    }
    if (prices == null) {
      throw usage("give --prices FILE (an OHLCV CSV of the underlying); only --demo generates a history");
    }
    if (spec.commandLine().getParseResult().hasMatchedOption("--seed")) {
      throw usage("--seed applies to --demo only");
    }
    SurfaceCommand.Messages messages = ReportCommand.messages(err);
    PortfolioRead read = ReportCommand.readPortfolio(portfolio, messages, err);
    LoadedMarket loaded = MarketLoader.DEFAULT.load(market, MarketLoader.Options.DEFAULT, messages::add);
    return new Book(read.portfolio(), loaded.snapshot(), portfolio.toString());
  }

  private String underlying(Book book) {
    if (underlying != null) {
      String u = underlying.trim().toUpperCase(Locale.ROOT);
      if (u.isEmpty()) {
        throw usage("--underlying must not be empty");
      }
      return u;
    }
    if (demo) {
      return "BTC";
    }
    Set<String> coins = new LinkedHashSet<>();
    for (Instrument i : book.portfolio().instruments()) {
      coins.add(i.underlying());
    }
    if (coins.size() == 1) {
      return coins.iterator().next();
    }
    throw usage("the book holds " + (coins.isEmpty() ? "no position" : coins) + ": give --underlying COIN, the coin "
        + "of --prices");
  }

  private History history(PrintWriter err, String coin) {
    if (prices == null) {
      if (vol != null) {
        throw usage("--vol needs --prices (the demo generates both)");
      }
      GeneratedHistory g = HistoryGenerator.generate(HistorySpec.btcDemo(), DEMO_HISTORY_SEED);
      long[] t = new long[g.size()];
      for (int i = 0; i < t.length; i++) {
        t[i] = g.date(i).toEpochDay() * DailyCloses.DAY_MILLIS;
      }
      double[] implied = new double[g.size()];
      for (int i = 0; i < implied.length; i++) {
        implied[i] = g.impliedClose()[i] / 100.0;
      }
      String s = "generated " + coin + " history, seed " + DEMO_HISTORY_SEED + " (" + g.date(0) + " .. "
          + g.date(g.size() - 1) + ", crash on " + g.date(HistorySpec.btcDemo().crashDay()) + ")";
      return new History(DailyCloses.of(t, g.close()), DailyCloses.of(t, implied), s, "generated DVOL-like index");
    }
    SurfaceCommand.Messages messages = ReportCommand.messages(err);
    OhlcvCsvReader.Result read = OhlcvCsvReader.DEFAULT.read(prices, issue -> messages.add(issue.message()));
    ReadSummary s = read.summary();
    err.println(prices + ": " + s.describe());
    OhlcvSeries series = read.series();
    DailyCloses closes = DailyCloses.of(series.timeMillis(), series.close());
    String pricesSource = prices.toString();
    if (closes.size() < series.size()) {
      int incomplete = closes.incompleteDays(24);
      err.println(prices + ": " + series.size() + " bars resampled to " + closes.size() + " daily closes (UTC)"
          + (incomplete > 0 ? ", " + incomplete + " of them from fewer than 24 bars" : ""));
      pricesSource += " (" + series.size() + " bars resampled to daily closes)";
    }
    DailyCloses implied = null;
    String impliedSource = null;
    if (vol != null) {
      DvolCsvReader.Result v = DvolCsvReader.DEFAULT.read(vol, issue -> messages.add(issue.message()));
      err.println(vol + ": " + v.summary().describe());
      DvolSeries d = v.series();
      if (d.size() > 0) {
        implied = DailyCloses.of(d.timeMillis(), d.close());
        impliedSource = vol.toString();
      }
    }
    return new History(closes, implied, pricesSource, impliedSource);
  }

  private Model model(PrintWriter err, String kind, String coin, History h, BacktestSettings settings,
      VolatilityPath fallback) {
    String chosen = model.trim().toLowerCase(Locale.ROOT);
    if (params != null && !chosen.equals(MarginCommand.PM)) {
      throw usage("--params is the parameter file of deribit-pm, not of --model " + model);
    }
    ScalableMarginModel scalable;
    String source;
    if (chosen.equals(MarginCommand.STANDARD)) {
      if (!kind.equals("none")) {
        throw usage("deribit-standard has no scenario ranges to scale: --predictive needs deribit-pm, span or a "
            + "generic model");
      }
      return new Model(DeribitStandardMargin.DEFAULT, "deribit-standard (Deribit's published constants)", null,
          null);
    } else if (chosen.equals(MarginCommand.PM)) {
      PmParameters p;
      if (params != null) {
        p = PmParametersReader.DEFAULT.read(params);
      } else if (MarginCommand.BUNDLED.containsKey(coin)) {
        p = PmParametersReader.DEFAULT.bundled(MarginCommand.BUNDLED.get(coin));
      } else {
        throw usage("no Deribit portfolio-margin parameters are bundled for " + coin + " (bundled: BTC, ETH): give "
            + "--params FILE");
      }
      scalable = ScalableMarginModel.deribitPm(p, Main.ONE_SHOT_PRICER);
      source = p.source();
    } else if (chosen.equals(MarginCommand.SPAN)) {
      SpanParameters p = SpanParameters.of(MarginCommand.DEFAULT_PRICE_SCAN, MarginCommand.DEFAULT_VOL_SCAN,
          SpanParameters.VolScanType.ABSOLUTE, MarginCommand.DEFAULT_SHORT_OPTION_MINIMUM,
          "netgamma's illustrative SPAN set (price scan " + MarginCommand.DEFAULT_PRICE_SCAN + ", vol scan "
              + MarginCommand.DEFAULT_VOL_SCAN + ", short-option minimum "
              + MarginCommand.DEFAULT_SHORT_OPTION_MINIMUM + ")");
      scalable = ScalableMarginModel.span(p, Main.ONE_SHOT_PRICER);
      source = p.source();
    } else {
      GenericMarginParameters p = genericParameters(chosen);
      scalable = ScalableMarginModel.generic(p, Main.ONE_SHOT_PRICER);
      source = p.source();
    }
    String description = scalable.name() + " (" + source + ")";
    if (kind.equals("none")) {
      return new Model(scalable.at(1.0), description, null, null);
    }
    VolatilityPath forecast = switch (kind) {
      case "ewma" -> fallback;
      case "dvol" -> new VolatilityPath("DVOL/100", h.implied().closeMillis(), h.implied().closes());
      default -> garch(err, h.closes(), settings.from());
    };
    LocalDate windowStart = settings.from() != null ? settings.from()
        : h.closes().date(Math.min(settings.warmupDays(), h.closes().size() - 1));
    double ref;
    String refText;
    if (referenceVol != null) {
      ref = referenceVol;
      refText = "--reference-vol";
    } else {
      try {
        ref = MarginBacktest.realisedVolUntil(h.closes(), windowStart);
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage() + "; give --reference-vol");
      }
      refText = "realised vol of the last " + MarginBacktest.REFERENCE_RETURNS + " daily returns up to " + windowStart;
    }
    PredictiveSettings ps;
    try {
      ps = new PredictiveSettings(ref, floor, cap);
      scalable.at(cap); // fails now, not on the first stormy day, if the cap makes a range impossible
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    PredictiveMargin pm = PredictiveMargin.of(scalable, forecast, ps);
    String text = String.format(Locale.ROOT, "ranges x clamp(%s / reference %.2f%% (%s), %s, %s)", forecast.name(),
        100 * ref, refText, fmt(floor), fmt(cap));
    ObjectNode j = ChainCommand.Json.MAPPER.createObjectNode();
    j.put("forecast", forecast.name());
    j.put("reference_vol", ref);
    j.put("reference_source", refText);
    j.put("floor", floor);
    j.put("cap", cap);
    return new Model(pm, description, text, j);
  }

  private VolatilityPath garch(PrintWriter err, DailyCloses closes, LocalDate windowStart) {
    LocalDate start = windowStart != null ? windowStart : closes.date(Math.min(BacktestSettings.DEFAULT_WARMUP_DAYS,
        closes.size() - 1));
    int end = closes.firstOnOrAfter(start);
    double[] all = closes.closes();
    double[] r;
    boolean inSample = end - 1 < GARCH_MIN_PRIOR;
    if (inSample) {
      r = VolatilityForecaster.logReturns(all);
      err.println("note: only " + Math.max(0, end - 1) + " daily returns before " + start + " (fewer than "
          + GARCH_MIN_PRIOR + "): GARCH(1,1) fitted on the whole history (in-sample parameters: look-ahead)");
    } else {
      r = VolatilityForecaster.logReturns(java.util.Arrays.copyOf(all, end));
    }
    GarchFit fit;
    try {
      fit = GarchFitter.fit(r);
    } catch (IllegalArgumentException e) {
      throw usage("cannot fit GARCH(1,1) to " + r.length + " daily returns: " + e.getMessage());
    }
    err.println(String.format(Locale.ROOT, "GARCH(1,1) on %d daily returns%s: alpha %.4f, beta %.4f, long-run vol "
        + "%.1f%%, half-life %.1f days", fit.returns(), inSample ? " (in-sample)" : " before " + start,
        fit.parameters().alpha(), fit.parameters().beta(),
        100 * Math.sqrt(365 * fit.parameters().unconditionalVariance()), fit.parameters().halfLife()));
    return VolatilityPath.fromPrices(String.format(Locale.ROOT, "garch(1,1) a=%.3f b=%.3f", fit.parameters().alpha(),
        fit.parameters().beta()), closes.closeMillis(), all, fit.forecaster(),
        fit.parameters().unconditionalVariance(), 365.0);
  }

  private GenericMarginParameters genericParameters(String chosen) {
    if (MarginCommand.GENERIC_BUNDLED.containsKey(chosen)) {
      return GenericMarginParametersReader.DEFAULT.bundled(MarginCommand.GENERIC_BUNDLED.get(chosen));
    }
    String text = model.trim();
    Path path;
    try {
      path = Path.of(text);
    } catch (InvalidPathException e) {
      path = null;
    }
    if (path == null || !Files.exists(path)) {
      throw usage("--model '" + model + "': unknown margin model; choose " + MarginCommand.PM + ", "
          + MarginCommand.STANDARD + ", " + MarginCommand.SPAN + ", " + MarginCommand.PARADEX + ", "
          + MarginCommand.DERIVE + " or a generic parameter FILE (JSON, format "
          + GenericMarginParametersReader.FORMAT + ")");
    }
    return GenericMarginParametersReader.DEFAULT.read(path);
  }

  private LocalDate date(String option, String text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw usage(option + " must be a date YYYY-MM-DD, got '" + text + "'");
    }
  }

  // ------------------------------------------------------------------------------------------------ output

  private static final String BREACH_ROW = "%-12s %12s %12s %8s %7s %7s %14s %14s %14s%n";

  private void print(PrintWriter w, BacktestResult r, Book book, String coin, History h, Model m,
      VolatilityPath fallback) {
    BacktestSettings s = r.settings();
    String measureText = s.measure() == BacktestSettings.Measure.MAINTENANCE ? "maintenance margin"
        : "initial margin";
    w.println("MARGIN BACKTEST  " + r.book() + " under " + r.model() + " " + measureText);
    w.println("book       " + book.source() + ", re-anchored every day (moneyness and time to expiry as of "
        + book.market().timestamp() + ")");
    w.println("prices     " + h.pricesSource() + ": " + h.closes().size() + " daily closes " + h.closes().date(0)
        + " .. " + h.closes().date(h.closes().size() - 1));
    int dvolDays = 0;
    for (BacktestDay d : r.days()) {
      dvolDays += d.volSource().equals("dvol") ? 1 : 0;
    }
    w.println("vol        " + (h.implied() != null ? "DVOL/100 (" + h.impliedSource() + ") on " + dvolDays
        + " days, " : "") + fallback.name() + " of the daily closes on " + (r.dayCount() - dvolDays)
        + " days; flat (no smile)");
    w.println("model      " + m.description());
    if (m.predictiveText() != null) {
      w.println("predictive " + m.predictiveText());
    }
    w.println("horizon    " + ReportCommand.count(s.horizonDays(), "day") + "; breach = loss over the horizon > "
        + measureText + "; market: index = forward = close, rate 0");
    w.println();
    w.println("SUMMARY");
    var k = r.kupiec();
    row(w, "days", Integer.toString(r.dayCount()), r.days().get(0).date() + " .. "
        + r.days().get(r.dayCount() - 1).date());
    row(w, "breaches", Integer.toString(r.breaches()), "");
    row(w, "breach rate", pct(r.breachRate()), "");
    row(w, "expected rate", pct(r.expectedRate()), String.format(Locale.ROOT, "(%s confidence assumed)",
        pct(s.confidence())));
    row(w, "Kupiec LR", String.format(Locale.ROOT, "%.3f", k.lr()), String.format(Locale.ROOT,
        "p-value %.4f: %s at 5%%", k.pValue(), k.rejectedAt95() ? "rejected" : "not rejected"));
    row(w, "coverage", pct(r.coverage()), "share of days the margin covered the loss");
    row(w, "mean margin (USD)", ReportCommand.fmt(r.meanMarginUsd(), 0), "");
    row(w, "max shortfall (USD)", ReportCommand.fmt(r.maxShortfallUsd(), 0), r.maxShortfallDate() == null ? ""
        : "on " + r.maxShortfallDate());
    if (r.skippedCount() > 0) {
      row(w, "skipped days", Integer.toString(r.skippedCount()), "reasons on stderr");
    }
    w.println();
    w.println("BREACHES  loss > margin; move = spot_after / spot - 1; vol annualised; factor = predictive scaling");
    w.printf(Locale.ROOT, BREACH_ROW, "date", "spot", "spot_after", "move", "vol", "factor", "margin", "loss",
        "shortfall");
    w.printf(Locale.ROOT, BREACH_ROW, "", "(USD)", "(USD)", "(%)", "(%)", "", "(USD)", "(USD)", "(USD)");
    for (BacktestDay d : r.days()) {
      if (d.breach()) {
        w.printf(Locale.ROOT, BREACH_ROW, d.date(), ReportCommand.fmt(d.spot(), 2), ReportCommand.fmt(d.spotAfter(),
            2), String.format(Locale.ROOT, "%+.2f", 100 * (d.spotAfter() / d.spot() - 1)),
            String.format(Locale.ROOT, "%.2f", 100 * d.vol()), String.format(Locale.ROOT, "%.3f", d.factor()),
            ReportCommand.fmt(d.marginUsd(), 0), ReportCommand.fmt(d.lossUsd(), 0),
            ReportCommand.fmt(d.shortfallUsd(), 0));
      }
    }
    if (r.breaches() == 0) {
      w.println("(none)");
    }
  }

  private static void row(PrintWriter w, String name, String value, String note) {
    w.printf(Locale.ROOT, "%-22s %14s  %s%n", name, value, note);
  }

  private static String pct(double x) {
    return String.format(Locale.ROOT, "%.2f%%", 100 * x);
  }

  private static String fmt(double x) {
    return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
  }

  private ObjectNode json(BacktestResult r, String coin, Model m) {
    ObjectNode o = ChainCommand.Json.MAPPER.createObjectNode();
    o.put("model", r.model());
    o.put("portfolio", r.book());
    o.put("underlying", coin);
    o.put("measure", r.settings().measure() == BacktestSettings.Measure.MAINTENANCE ? "maintenance" : "initial");
    o.put("horizon_days", r.settings().horizonDays());
    o.put("confidence", r.settings().confidence());
    o.put("days", r.dayCount());
    o.put("breaches", r.breaches());
    o.put("breach_rate", r.breachRate());
    o.put("expected_rate", r.expectedRate());
    o.put("kupiec_lr", r.kupiec().lr());
    o.put("kupiec_p_value", r.kupiec().pValue());
    o.put("kupiec_rejected_95", r.kupiec().rejectedAt95());
    o.put("coverage", r.coverage());
    ArrayNode dates = o.putArray("breach_dates");
    for (LocalDate d : r.breachDates()) {
      dates.add(d.toString());
    }
    o.put("max_shortfall_usd", r.maxShortfallUsd());
    if (r.maxShortfallDate() == null) {
      o.putNull("max_shortfall_date");
    } else {
      o.put("max_shortfall_date", r.maxShortfallDate().toString());
    }
    o.put("mean_margin_usd", r.meanMarginUsd());
    ObjectNode skipped = o.putObject("skipped");
    r.skipped().forEach(skipped::put);
    if (m.predictiveJson() == null) {
      o.putNull("predictive");
    } else {
      o.set("predictive", m.predictiveJson());
    }
    ArrayNode series = o.putArray("series");
    for (BacktestDay d : r.days()) {
      ObjectNode n = series.addObject();
      n.put("date", d.date().toString());
      n.put("spot", d.spot());
      n.put("vol", d.vol());
      n.put("vol_source", d.volSource());
      n.put("factor", d.factor());
      n.put("margin_usd", d.marginUsd());
      n.put("spot_after", d.spotAfter());
      n.put("vol_after", d.volAfter());
      n.put("loss_usd", d.lossUsd());
      n.put("breach", d.breach());
    }
    return o;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
