package io.netgamma.cli;

import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.margin.CurrencyMargin;
import io.netgamma.core.margin.InstrumentMargin;
import io.netgamma.core.margin.MarginResult;
import io.netgamma.core.margin.cross.CrossAssetMargin;
import io.netgamma.core.margin.cross.CrossCollateral;
import io.netgamma.core.margin.cross.CrossMarginParameters;
import io.netgamma.core.margin.cross.CrossMarginResult;
import io.netgamma.core.margin.cross.GroupExposure;
import io.netgamma.core.margin.cross.HaircutCollateral;
import io.netgamma.core.margin.cross.PairCredit;
import io.netgamma.core.margin.generic.GenericGroupResult;
import io.netgamma.core.margin.generic.GenericMarginParameters;
import io.netgamma.core.margin.generic.GenericScenario;
import io.netgamma.core.margin.generic.GenericScenarioMargin;
import io.netgamma.core.margin.pm.DeribitPortfolioMargin;
import io.netgamma.core.margin.pm.PmBook;
import io.netgamma.core.margin.pm.PmGroupResult;
import io.netgamma.core.margin.pm.PmParameters;
import io.netgamma.core.margin.pm.WorstScenario;
import io.netgamma.core.margin.span.SpanGroupResult;
import io.netgamma.core.margin.span.SpanMargin;
import io.netgamma.core.margin.span.SpanParameters;
import io.netgamma.core.margin.span.SpanScenario;
import io.netgamma.core.margin.standard.DeribitStandardMargin;
import io.netgamma.core.portfolio.EwmaEstimate;
import io.netgamma.core.portfolio.EwmaEstimator;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.core.portfolio.PortfolioValuation;
import io.netgamma.core.portfolio.PortfolioValuer;
import io.netgamma.core.portfolio.VolSource;
import io.netgamma.core.risk.netting.CorrelationMatrix;
import io.netgamma.data.DataFileException;
import io.netgamma.data.margin.GenericMarginParametersReader;
import io.netgamma.data.margin.PmParametersReader;
import io.netgamma.data.portfolio.PriceHistories;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * {@code netgamma margin}: the capital a book needs under Deribit's standard margin
 * ({@link DeribitStandardMargin}), Deribit's portfolio margin ({@link DeribitPortfolioMargin}), a SPAN-style
 * 16-scenario model ({@link SpanMargin}) or a generic scenario model configured by a parameter file
 * ({@link GenericScenarioMargin}: the bundled Paradex- and Derive-like sets, or any file), or cross-asset margin
 * ({@link CrossAssetMargin}: a correlation-bounded netting credit between the portfolio-margin risk groups, and
 * cross-collateral with haircuts), per settlement currency (coin for inverse products, USDC for linear ones) and in
 * USD, with what drives it; {@code --compare} puts standard, portfolio and cross-asset margin side by side with the
 * saving of each (capital efficiency).
 *
 * <p>Inputs as {@code report}: {@code --portfolio} and {@code --market} files, or {@code --demo}. The book is valued
 * once ({@link PortfolioValuer} with {@link Main#ONE_SHOT_PRICER}) and every model reads that valuation. Portfolio
 * margin parameters: {@code --params FILE} (Deribit's {@code model_params} JSON; several are merged), else the set
 * bundled with netgamma for each underlying of the book ({@link #BUNDLED}). One instance per command line.
 */
@Command(
    name = "margin",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    headerHeading = "%n",
    header = "Margin of a book: Deribit standard, portfolio or cross-asset margin (or the three compared), "
        + "SPAN-style or a generic scenario model.",
    descriptionHeading = "%n",
    description = {
        "Values the portfolio on the market as report does (Black-76 on each expiry's forward, surface "
            + "volatilities, rate 0) and computes the margin a Deribit account would need for it. Positions on one "
            + "instrument are netted first (Deribit holds one position per instrument). Each settlement currency is "
            + "margined on its own: inverse products (BTC-..., ETH-...) in their coin, linear ones (BTC_USDC-...) in "
            + "USDC; USD totals convert coins at their index price.",
        "",
        "Models (--model):",
        "deribit-standard  Deribit standard margin: per instrument, no offsets.",
        "  long option      IM = premium, MM = 0",
        "  short call       IM = max(0.15 - OTM/F, 0.10) + mark,  MM = 0.075 + mark",
        "  short put        IM = max(max(0.15 - OTM/F, 0.10) + mark, MM)",
        "                   MM = max(0.075, 0.075 x mark) + mark",
        "                   (coin per coin; linear options: every fraction x F, USDC)",
        "  future, perp     IM = 2%% + 0.005%% x |coins|, MM = 1.5%% + 0.005%% x |coins|",
        "                   of the notional (ETH: 0.0004%% per coin, an assumption)",
        "  sources: Deribit's published formulas and futures specification",
        "  (javadoc of StandardMarginParameters).",
        "deribit-pm        Deribit portfolio margin (PME), per settlement currency,",
        "  from Deribit's published model_params. Each risk group (one underlying in",
        "  one settlement currency) is revalued in full:",
        "  standard table   9 price buckets over +-price_range x vol up/same/down =",
        "                   27 scenarios; vol shocks x (30/DTE)^power, up floored",
        "  extended table   8 moves -66%% ... +500%%, vol up, P&L x price_range/|move|,",
        "                   losses less the dampener",
        "  gains            credited at pnl_offset",
        "  worst_case       the largest aggregated loss (its worst_scenario)",
        "  roll_shock       futures and perpetuals: |q| x max(min_annualised_move,",
        "                   annualised_move_risk x t)",
        "  delta_shock      above delta_total_liq_shock_threshold USD of delta",
        "  IM = worst_case + delta_shock + roll_shock;  MM = mm_factor x IM",
        "  Reproduces Deribit's private/pme/simulate examples to 1e-9 (they hold",
        "  futures and perpetuals; option scenarios are Black-76 revaluation).",
        "  Deribit's own initial_margin also adds open orders and MMP.",
        "span              SPAN-style (CME's 16 scenarios), per risk group (one",
        "  underlying in one settlement currency): price 0, +-1/3, +-2/3, +-3/3 of",
        "  --price-scan (a fraction of every forward) x vol up/down by --vol-scan",
        "  (vol points), and +-2 x --price-scan with vol unchanged counted at 35%%;",
        "  one day of look-ahead. scan risk = the worst weighted loss; short-option",
        "  minimum = --short-option-minimum x --price-scan x short option coins",
        "  (x index for USDC); MM = IM = max(scan risk, short-option minimum).",
        "  No venue publishes a SPAN set for crypto options: the defaults (price scan",
        "  " + MarginCommand.DEFAULT_PRICE_SCAN + ", vol scan " + MarginCommand.DEFAULT_VOL_SCAN
            + ", short-option minimum " + MarginCommand.DEFAULT_SHORT_OPTION_MINIMUM
            + ") are illustrative, not a venue's.",
        "paradex-v1, derive-v1, or FILE",
        "                  the generic scenario model: spot x vol scenarios with",
        "  weights, vol shocks x (30/max(floor, DTE))^power, perpetual and option",
        "  contingencies, minimum delta; R = max(scan risk + contingencies, minimum",
        "  delta), IM = im_factor x R, MM = mm_factor x R. paradex-v1 and derive-v1",
        "  are the Paradex- and Derive-like sets bundled with netgamma",
        "  (" + GenericMarginParametersReader.PARADEX_V1 + ",",
        "  " + GenericMarginParametersReader.DERIVE_V1 + "; sources and assumptions in",
        "  the files; not checked against a venue's margin). FILE: a parameter",
        "  file of format " + GenericMarginParametersReader.FORMAT + " (JSON).",
        "deribit-pm-cross  cross-asset margin (alias: cross): one account over every",
        "  underlying, on deribit-pm's risk groups. Each group's IM = D + N:",
        "  directional D  the worst standard loss on one side (price down or up)",
        "                 beyond the vol-only loss and the other side's loss",
        "  non-direct. N  everything else (vol only, tail, delta and roll shocks),",
        "                 never offset",
        "  Two groups whose D point in opposite directions (one loses when prices",
        "  fall, the other when they rise) earn",
        "    credit = min(rho x (1 - stress), cap) x 2 x offset,",
        "    offset = min(D_1, D_2, joint bound)  (USD, half the credit to each)",
        "  joint bound: half the smallest, over the 27 standard scenarios taken by",
        "  both groups at once (same bucket, same vol), of both groups' IM plus their",
        "  P&L there: with rho 1 the book after the credit still covers every joint",
        "  scenario. No credit at rho <= 0, between same-direction groups or for a",
        "  group without D; one group: exactly deribit-pm. Pairs are netted highest",
        "  rate first. Correlations: --correlation A/B=RHO, else the EWMA of",
        "  --prices files, else " + CrossMarginParameters.DEFAULT_CORRELATION + " (assumed: hourly BTC/ETH returns "
            + "2017-2025).",
        "  Stress (default " + CrossMarginParameters.DEFAULT_STRESS + ") lowers rho: what breaks a long/short pair "
            + "is the",
        "  legs moving apart; since 2019 every 30-day BTC/ETH correlation was",
        "  >= 0.65 (0.80 -> 0.60). Cap (default " + CrossMarginParameters.DEFAULT_CREDIT_CAP + "): at least 30%% of "
            + "the smaller",
        "  D stays even at rho 1.",
        "  Collateral: every balance at its index less a haircut (--haircut;",
        "  defaults USDC 0, USDT 2%%, BTC 2%%, ETH 3%%, STETH 7.5%%, other 10%%), plus",
        "  the options' value = equity; excess = equity - margin; margin ratio =",
        "  margin / equity. No venue publishes these parameters: they are",
        "  netgamma's assumptions (Deribit's model_params give BTC/ETH haircut 0).",
        "all, or --compare  the three side by side per settlement currency and in",
        "  USD: the saving of portfolio and of cross-asset margin over standard",
        "  margin, and what drives each (the standard instrument, the portfolio worst",
        "  scenario and position, the cross-asset pair and its correlation).",
        "",
        "Portfolio-margin parameters: --params FILE (the model_params object of a private/pme/simulate response, "
            + "or the whole response; repeat to merge sets for several underlyings), else the set bundled for "
            + "each underlying: BTC " + PmParametersReader.BTC_2024_06 + " (Deribit's API documentation example, "
            + "2024-06-17), ETH " + PmParametersReader.ETH_2026_02 + " (a real ETH response, 2026-02-15). No "
            + "set is bundled for linear (USDC) products or other coins: give --params.",
        "",
        "Units (in every table header): margins in the settlement currency (BTC, ETH: coins; USDC) and in USD; "
            + "quantities in coins, + long, - short; risk vectors are P&L per scenario in the settlement currency, "
            + "negative = loss; price moves in %% of the index, every forward moving with it.",
        "",
        "JSON (--json): model, portfolio, timestamp, index, initial_margin and maintenance_margin ({currency: "
            + "amount, ..., USD: total}), currencies (per settlement currency: amounts, USD, driver), "
            + "driving_instrument, driving_scenario, instruments (per instrument: initial_margin, "
            + "maintenance_margin; for deribit-pm the loss in the worst scenario). deribit-pm adds, keyed by risk "
            + "group (BTC, ETH, BTC_USDC): worst_case, worst_scenario, roll_shock, delta_shock, groups (all of it "
            + "with the aggregated vectors), and risk_vectors per instrument (standard: 27 values, extended: 8); "
            + "under deribit-standard these are null. span and the generic model: worst_case (scan risk) and "
            + "worst_scenario keyed by risk group, groups (charges, weighted P&L per scenario), risk_vectors per "
            + "instrument (scenarios: its unweighted P&L in each scenario); roll_shock and delta_shock are null. "
            + "deribit-pm-cross: the deribit-pm keys (initial_margin and maintenance_margin after the credit) and "
            + "cross_asset: parameters (stress, credit_cap, correlation_source, haircuts), groups (directional, "
            + "non_directional, direction, driving_scenario, credit_usd, initial_margin_after), pairs (underlyings, "
            + "correlation, correlation_source, correlation_used, credit_rate, cap_binding, directional_usd, "
            + "joint_bound_usd, joint_scenario, offset_usd, credit_usd, reason), credit_usd, initial_margin_usd and "
            + "maintenance_margin_usd {before, after}, collateral (balances with haircut and "
            + "value_after_haircut_usd), equity_usd, excess_usd {initial, maintenance}, margin_ratio. "
            + "--compare: currencies with deribit-standard, deribit-pm, deribit-pm-cross, saving and saving_cross; "
            + "total_usd (the three models, saving, saving_cross, equity_usd, excess_initial_usd); cross_asset."},
    optionListHeading = "%nOptions:%n",
    footerHeading = "%n",
    footer = {
        "Examples:",
        "  netgamma margin --demo",
        "  netgamma margin --demo --model deribit-standard",
        "  netgamma margin --demo --compare",
        "  netgamma margin --demo --model cross --correlation BTC/ETH=0.9 --stress 0.3",
        "  netgamma margin --portfolio book.json --market snapshot.json --model cross \\",
        "      --prices BTC=btc-1h.csv --prices ETH=eth-1h.csv --haircut BTC=0 --json",
        "  netgamma margin --demo --model span --price-scan 0.20",
        "  netgamma margin --demo --model paradex-v1 --json",
        "  netgamma margin --portfolio b.csv --market chain.csv --model my-venue.json",
        "  netgamma margin --portfolio book.json --market snapshot.json --json",
        "  netgamma margin --portfolio b.csv --market chain.csv --params params.json",
        "",
        "Exit codes: 0 success; 1 the portfolio has no position; 2 usage error, unknown model, bad file or "
            + "parameter file, unknown instrument, missing market data or parameters (each named on stderr); "
            + "3 internal error."})
final class MarginCommand implements Callable<Integer> {

  /** Model names accepted by {@code --model}. */
  static final String STANDARD = "deribit-standard";
  static final String PM = "deribit-pm";
  static final String ALL = "all";
  static final String SPAN = "span";
  static final String PARADEX = "paradex-v1";
  static final String DERIVE = "derive-v1";
  /** Cross-asset margin on Deribit portfolio margin ({@link CrossAssetMargin#NAME}), and its short alias. */
  static final String CROSS = CrossAssetMargin.NAME;
  static final String CROSS_ALIAS = "cross";
  /** The options of the cross-asset model. */
  static final List<String> CROSS_OPTIONS = List.of("--correlation", "--prices", "--stress", "--credit-cap",
      "--haircut");
  /** The generic parameter sets bundled with netgamma, by model name. */
  static final Map<String, String> GENERIC_BUNDLED = Map.of(PARADEX, GenericMarginParametersReader.PARADEX_V1,
      DERIVE, GenericMarginParametersReader.DERIVE_V1);
  /** Illustrative SPAN price scan range, fraction of the forward (no venue publishes a crypto SPAN set). */
  static final double DEFAULT_PRICE_SCAN = 0.15;
  /** Illustrative SPAN vol scan range, vol points as a fraction (0.10 = 10 points). */
  static final double DEFAULT_VOL_SCAN = 0.10;
  /** Illustrative SPAN short-option minimum rate, fraction of the outright scan charge on one coin. */
  static final double DEFAULT_SHORT_OPTION_MINIMUM = 0.10;
  /** The portfolio-margin parameter set bundled for each inverse underlying. */
  static final Map<String, String> BUNDLED = PmParametersReader.BUNDLED;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  BookMarketOptions book;

  @Option(names = "--model", paramLabel = "MODEL", defaultValue = PM, description = "deribit-pm (portfolio "
      + "margin; default), deribit-standard (per instrument), deribit-pm-cross or cross (cross-asset), all (= "
      + "--compare), span (SPAN-style), paradex-v1 or derive-v1 (bundled generic sets), or FILE (a generic "
      + "parameter JSON)")
  String model;

  @Option(names = "--price-scan", paramLabel = "FRACTION", defaultValue = "" + DEFAULT_PRICE_SCAN,
      description = "span: price scan range, a fraction of every forward, in (0, 0.5) (default ${DEFAULT-VALUE}: "
          + "+-15%%; illustrative)")
  double priceScan;

  @Option(names = "--vol-scan", paramLabel = "FRACTION", defaultValue = "" + DEFAULT_VOL_SCAN,
      description = "span: vol scan range, vol points as a fraction, added to and taken from every option's "
          + "volatility (default ${DEFAULT-VALUE}: 10 points; illustrative)")
  double volScan;

  @Option(names = "--short-option-minimum", paramLabel = "RATE", defaultValue = "" + DEFAULT_SHORT_OPTION_MINIMUM,
      description = "span: short-option minimum per coin of short option, a fraction of the outright scan charge "
          + "on one coin (price scan x its notional) (default ${DEFAULT-VALUE}; illustrative)")
  double shortOptionMinimum;

  @Option(names = "--params", paramLabel = "FILE", description = "deribit-pm: Deribit model_params JSON "
      + "(repeat to merge sets for several underlyings); default: the bundled set of each underlying")
  List<Path> params = new ArrayList<>();

  @Option(names = "--compare", description = "standard vs portfolio vs cross-asset margin side by side, with the "
      + "saving of each and what drives each (capital efficiency)")
  boolean compare;

  @Option(names = "--correlation", paramLabel = "A/B=RHO", description = "deribit-pm-cross: the correlation of "
      + "two underlyings, in [-1, 1] (BTC/ETH=0.85); wins over --prices; default for a pair without one: "
      + CrossMarginParameters.DEFAULT_CORRELATION + " (assumed). Repeat for several pairs")
  List<String> correlations = new ArrayList<>();

  @Option(names = "--prices", paramLabel = "COIN=FILE", description = "deribit-pm-cross: an OHLCV price history "
      + "(CSV timestamp,open,high,low,close,volume) of an underlying; correlations are then EWMA estimates (lambda "
      + EwmaEstimator.RISKMETRICS_LAMBDA + ") over the bars common to all files. Repeat for each underlying")
  List<String> prices = new ArrayList<>();

  @Option(names = "--stress", paramLabel = "FRACTION", defaultValue = "" + CrossMarginParameters.DEFAULT_STRESS,
      description = "deribit-pm-cross: relative correlation stress in [0, 1]: the credit uses rho x (1 - stress) "
          + "(default ${DEFAULT-VALUE}: 0.80 -> 0.60)")
  double stress;

  @Option(names = "--credit-cap", paramLabel = "FRACTION", defaultValue = ""
      + CrossMarginParameters.DEFAULT_CREDIT_CAP, description = "deribit-pm-cross: the largest credit rate, in "
          + "[0, 1] (default ${DEFAULT-VALUE})")
  double creditCap;

  @Option(names = "--haircut", paramLabel = "CCY=FRACTION", description = "deribit-pm-cross: collateral haircut "
      + "of a currency, in [0, 1] (BTC=0.05); defaults USD, USDC 0, USDT 0.02, BTC 0.02, ETH 0.03, STETH 0.075, "
      + "other " + CrossMarginParameters.DEFAULT_OTHER_HAIRCUT + ". Repeat for several")
  List<String> haircuts = new ArrayList<>();

  @Option(names = "--json", description = "print one JSON object instead of tables")
  boolean json;

  @Option(names = "--vol-source", paramLabel = "SOURCE", defaultValue = "surface",
      description = "option volatilities: surface (the market's surface at the option's strike; default) or "
          + "mark_iv (each option's own quote, as Deribit marks it)")
  String volSource;

  @Option(names = "--listed-only", description = "refuse positions on instruments the market does not quote")
  boolean listedOnly;

  /**
   * The portfolio margin of a book with its risk groups.
   *
   * @param result the model's result
   * @param groups the risk groups, as {@link DeribitPortfolioMargin#riskMatrices} gives them
   * @param params the parameters used
   */
  record PmOutcome(MarginResult result, List<PmGroupResult> groups, PmParameters params) {
  }

  /**
   * The cross-asset margin of a book.
   *
   * @param result the model's result (with the portfolio-margin groups it started from)
   * @param correlationSources per pair ({@code BTC/ETH}), where its correlation comes from
   */
  record CrossOutcome(CrossMarginResult result, Map<String, String> correlationSources) {
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String chosen = model.trim().toLowerCase(Locale.ROOT);
    if (chosen.equals(CROSS_ALIAS)) {
      chosen = CROSS;
    }
    boolean crossModel = chosen.equals(CROSS);
    boolean scenarioModel = !chosen.equals(STANDARD) && !chosen.equals(PM) && !chosen.equals(ALL) && !crossModel;
    ScenarioModel scenario = scenarioModel ? scenarioModel() : null; // before the market: a bad file fails fast
    if (scenario == null) {
      for (String option : List.of("--price-scan", "--vol-scan", "--short-option-minimum")) {
        if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
          throw usage(option + " is a parameter of --model " + SPAN + ", not of " + (compare ? "--compare" : chosen));
        }
      }
    } else if (!params.isEmpty()) {
      throw usage("--params is the parameter file of deribit-pm; --model " + model + " takes "
          + (chosen.equals(SPAN) ? "--price-scan, --vol-scan and --short-option-minimum" : "its own file"));
    }
    if (compare && spec.commandLine().getParseResult().hasMatchedOption("--model") && !chosen.equals(ALL)) {
      throw usage("--compare computes every model: drop --model " + model);
    }
    boolean both = compare || chosen.equals(ALL);
    if (!crossModel && !both) {
      for (String option : CROSS_OPTIONS) {
        if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
          throw usage(option + " is a parameter of --model " + CROSS + " (or --compare), not of " + chosen);
        }
      }
    }
    CrossMarginParameters crossDefaults = crossModel || both ? crossParameters() : null; // fail fast on bad values
    if (!params.isEmpty() && chosen.equals(STANDARD) && !both) {
      throw usage("--params is the parameter file of deribit-pm; deribit-standard uses Deribit's published "
          + "constants");
    }
    VolSource source = switch (volSource.trim().toLowerCase(Locale.ROOT).replace('-', '_')) {
      case "surface" -> VolSource.SURFACE;
      case "mark_iv", "markiv" -> VolSource.MARK_IV;
      default -> throw usage("--vol-source must be surface or mark_iv, got '" + volSource + "'");
    };
    PmParameters given = readParams(); // before the market: a bad file fails fast
    BookMarketOptions.Inputs in = book.resolve(spec.commandLine(), err);
    if (in.book().size() == 0) {
      err.println("netgamma: " + in.bookSource() + ": no position: nothing to margin");
      return Main.EXIT_NOTHING_PROCESSED;
    }
    long start = System.nanoTime();
    PortfolioValuation v = PortfolioValuer.DEFAULT.withPricer(Main.ONE_SHOT_PRICER).withVolSource(source)
        .withListedInstrumentsOnly(listedOnly).value(in.book(), in.snapshot());
    MarginResult standard = both || chosen.equals(STANDARD) ? DeribitStandardMargin.DEFAULT.margin(v) : null;
    PmOutcome pm = both || chosen.equals(PM) || crossModel ? portfolioMargin(v, given) : null;
    CrossOutcome cross = crossDefaults == null ? null : crossMargin(v, pm, crossDefaults, err);
    ScenarioOutcome so = scenario == null ? null : scenario.margin(v);
    double ms = (System.nanoTime() - start) * 1e-6;
    if (json) {
      ObjectNode root = both ? compareJson(in, v, standard, pm, cross) : standard != null
          ? standardJson(in, v, standard) : cross != null ? crossJson(in, v, pm, cross) : pm != null
              ? pmJson(in, v, pm) : scenarioJson(in, v, so);
      out.println(ChainCommand.Json.MAPPER.writeValueAsString(root));
    } else {
      header(out, in, v, both ? "deribit-standard vs deribit-pm vs " + CROSS : so != null ? so.model() : chosen,
          pm != null ? pm.params().source() : so != null ? so.source() : null, cross);
      if (both) {
        printCompare(out, standard, pm, cross);
      } else if (standard != null) {
        printStandard(out, v, standard);
      } else if (cross != null) {
        printCross(out, pm, cross);
      } else if (pm != null) {
        printPm(out, pm);
      } else {
        printScenario(out, so);
      }
    }
    out.flush();
    List<Instrument> unlisted = v.unlisted();
    if (!unlisted.isEmpty()) {
      err.println("note: " + ReportCommand.count(unlisted.size(), "instrument") + " not quoted in "
          + in.marketSource() + ", valued from its forward curve and surface: " + String.join(", ",
              unlisted.stream().limit(10).map(Instrument::name).toList()) + (unlisted.size() > 10 ? " and "
                  + (unlisted.size() - 10) + " more" : ""));
    }
    err.println(String.format(Locale.ROOT, "%s on %s: valued and margined (%s) in %.1f ms",
        ReportCommand.count(v.size(), "position"), ReportCommand.count(v.instrumentCount(), "instrument"),
        both ? STANDARD + ", " + PM + " and " + CROSS : so != null ? so.model() : chosen, ms));
    err.flush();
    return Main.EXIT_OK;
  }

  // ------------------------------------------------------------------------------------------------ inputs

  /** The merged {@code --params} files, or null when none is given. */
  private PmParameters readParams() {
    PmParameters merged = null;
    for (Path file : params) {
      PmParameters p = PmParametersReader.DEFAULT.read(file);
      try {
        merged = merged == null ? p : merged.merge(p);
      } catch (IllegalArgumentException e) {
        throw usage("--params " + file + ": " + e.getMessage());
      }
    }
    return merged;
  }

  /**
   * The portfolio margin of the valued book: with the given parameters, else the bundled set of every underlying
   * the book holds in a risk group.
   *
   * @throws CommandLine.ParameterException naming the risk group no bundled set covers
   */
  private PmOutcome portfolioMargin(PortfolioValuation v, PmParameters given) {
    PmParameters p = given;
    if (p == null) {
      try {
        p = PmParametersReader.DEFAULT.bundledFor(v);
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage().replace("give a parameter file", "give --params FILE"));
      }
    }
    DeribitPortfolioMargin model = DeribitPortfolioMargin.of(p).withPricer(Main.ONE_SHOT_PRICER);
    List<PmGroupResult> groups = model.riskMatrices(v);
    return new PmOutcome(model.margin(v.timestamp(), groups), groups, p);
  }

  // ------------------------------------------------------------------------------------------------ cross-asset

  /**
   * The cross-asset parameters of the options (stress, cap, haircuts) with correlations still to be set for the
   * book ({@link #crossMargin}); checked before the market is read.
   *
   * @throws CommandLine.ParameterException naming the option and value that is wrong
   */
  private CrossMarginParameters crossParameters() {
    if (!(stress >= 0 && stress <= 1)) {
      throw usage("--stress must be a fraction in [0, 1], got " + stress);
    }
    if (!(creditCap >= 0 && creditCap <= 1)) {
      throw usage("--credit-cap must be a fraction in [0, 1], got " + creditCap);
    }
    CrossMarginParameters p = CrossMarginParameters.defaults(List.of()).withStress(stress).withCreditCap(creditCap);
    for (String text : haircuts) {
      int eq = text.indexOf('=');
      String ccy = eq < 0 ? "" : text.substring(0, eq).trim().toUpperCase(Locale.ROOT);
      double x = eq < 0 ? Double.NaN : parseDouble(text.substring(eq + 1));
      if (!ccy.matches("[A-Z0-9]{1,12}") || !(x >= 0 && x <= 1)) {
        throw usage("--haircut " + text + ": expected CCY=FRACTION with a fraction in [0, 1], e.g. BTC=0.05");
      }
      p = p.withHaircut(ccy, x);
    }
    correlationsGiven(); // syntax first
    return p;
  }

  private static double parseDouble(String text) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** The {@code --correlation} pairs, keyed {@code A/B} with A before B alphabetically. */
  private Map<String, Double> correlationsGiven() {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String text : correlations) {
      int eq = text.indexOf('=');
      String pair = eq < 0 ? "" : text.substring(0, eq).trim().toUpperCase(Locale.ROOT);
      String[] coins = pair.split("/");
      double x = eq < 0 ? Double.NaN : parseDouble(text.substring(eq + 1));
      if (coins.length != 2 || !coins[0].matches("[A-Z0-9]{1,12}") || !coins[1].matches("[A-Z0-9]{1,12}")
          || coins[0].equals(coins[1]) || !(x >= -1 && x <= 1)) {
        throw usage("--correlation " + text + ": expected A/B=RHO with two different coins and a correlation in "
            + "[-1, 1], e.g. BTC/ETH=0.85");
      }
      if (out.put(pairKey(coins[0], coins[1]), x) != null) {
        throw usage("--correlation " + pairKey(coins[0], coins[1]) + " given twice");
      }
    }
    return out;
  }

  private static String pairKey(String a, String b) {
    return a.compareTo(b) <= 0 ? a + "/" + b : b + "/" + a;
  }

  /**
   * The cross-asset margin of the valued book on its portfolio-margin groups: correlations of every pair of the
   * groups' underlyings from {@code --correlation}, else the EWMA of {@code --prices}, else the default (assumed).
   */
  private CrossOutcome crossMargin(PortfolioValuation v, PmOutcome pm, CrossMarginParameters defaults,
      PrintWriter err) {
    List<String> underlyings = new ArrayList<>();
    for (PmGroupResult g : pm.groups()) {
      if (!underlyings.contains(g.book().underlying())) {
        underlyings.add(g.book().underlying());
      }
    }
    Map<String, Double> given = correlationsGiven();
    for (String pair : given.keySet()) {
      for (String coin : pair.split("/")) {
        if (!underlyings.contains(coin)) {
          throw usage("--correlation " + pair + ": the book has no risk group on " + coin + " (it has "
              + underlyings + ")");
        }
      }
    }
    EwmaEstimate ewma = histories(err);
    int n = underlyings.size();
    double[][] rho = new double[n][n];
    Map<String, String> sources = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      rho[i][i] = 1.0;
      for (int j = i + 1; j < n; j++) {
        String a = underlyings.get(i);
        String b = underlyings.get(j);
        String key = pairKey(a, b);
        double r;
        String source;
        if (given.containsKey(key)) {
          r = given.get(key);
          source = "--correlation";
        } else if (ewma != null && ewma.assets().contains(a) && ewma.assets().contains(b)) {
          r = ewma.correlation(a, b);
          source = String.format(Locale.ROOT, "EWMA of --prices (lambda %s, %d returns)", ewma.lambda(),
              ewma.returns());
        } else {
          r = CrossMarginParameters.DEFAULT_CORRELATION;
          source = "assumed, hourly BTC/ETH returns 2017-2025";
        }
        rho[i][j] = r;
        rho[j][i] = r;
        sources.put(a + "/" + b, source);
      }
    }
    CorrelationMatrix matrix;
    try {
      matrix = CorrelationMatrix.of(underlyings, rho);
    } catch (IllegalArgumentException e) {
      throw usage("--correlation " + given + ": " + e.getMessage());
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        String key = underlyings.get(i) + "/" + underlyings.get(j);
        text.append(text.isEmpty() ? "" : "; ").append(key).append(' ')
            .append(ReportCommand.fmt(rho[i][j], 4)).append(' ').append(sources.get(key));
      }
    }
    CrossMarginParameters p = defaults.withCorrelations(matrix, text.isEmpty() ? "none needed (one underlying)"
        : text.toString());
    DeribitPortfolioMargin base = DeribitPortfolioMargin.of(pm.params()).withPricer(Main.ONE_SHOT_PRICER);
    return new CrossOutcome(CrossAssetMargin.of(base, p).evaluate(v, pm.groups()), sources);
  }

  /** The EWMA estimate of the {@code --prices} files, or null when none is given. */
  private EwmaEstimate histories(PrintWriter err) {
    if (prices.isEmpty()) {
      return null;
    }
    Map<String, Path> files = new LinkedHashMap<>();
    for (String text : prices) {
      int eq = text.indexOf('=');
      String coin = eq < 0 ? "" : text.substring(0, eq).trim().toUpperCase(Locale.ROOT);
      String file = eq < 0 ? "" : text.substring(eq + 1).trim();
      if (!coin.matches("[A-Z0-9]{1,12}") || file.isEmpty()) {
        throw usage("--prices " + text + ": expected COIN=FILE, e.g. ETH=eth-1h.csv");
      }
      if (files.put(coin, Path.of(file)) != null) {
        throw usage("--prices " + coin + " given twice");
      }
    }
    if (files.size() < 2) {
      throw usage("--prices needs the price histories of at least two underlyings to estimate a correlation, got "
          + files.keySet());
    }
    SurfaceCommand.Messages messages = ReportCommand.messages(err);
    EwmaEstimate e = PriceHistories.ewma(files, EwmaEstimator.RISKMETRICS_LAMBDA, i -> messages.add(i.message()));
    err.println("price histories " + files.keySet() + ": EWMA (lambda " + e.lambda() + ") over " + e.returns()
        + " common returns");
    return e;
  }

  // ------------------------------------------------------------------------------------------------ scenario models

  /**
   * A SPAN-style or generic scenario model as chosen by {@code --model}, with its name and parameter source.
   *
   * @param name the model as reported ({@code span}, the generic set's name)
   * @param source where its parameters come from
   * @param span the SPAN model, or null
   * @param generic the generic model, or null
   */
  record ScenarioModel(String name, String source, SpanMargin span, GenericScenarioMargin generic) {

    /** The margin of a valued book and the evaluation of each risk group. */
    ScenarioOutcome margin(PortfolioValuation v) {
      List<ScenarioGroup> groups = new ArrayList<>();
      if (span != null) {
        List<SpanGroupResult> evaluated = span.evaluate(v);
        for (SpanGroupResult g : evaluated) {
          groups.add(ScenarioGroup.of(g, span.parameters()));
        }
        return new ScenarioOutcome(name, source, span.margin(v.timestamp(), evaluated), groups);
      }
      List<GenericGroupResult> evaluated = generic.evaluate(v);
      for (GenericGroupResult g : evaluated) {
        groups.add(ScenarioGroup.of(g, generic.parameters()));
      }
      return new ScenarioOutcome(name, source, generic.margin(v.timestamp(), evaluated), groups);
    }
  }

  /**
   * The margin of a book under a scenario model.
   *
   * @param model the model's name
   * @param source its parameter source
   * @param result the model's result
   * @param groups its risk groups
   */
  record ScenarioOutcome(String model, String source, MarginResult result, List<ScenarioGroup> groups) {
  }

  /**
   * One risk group under a scenario model, in the group's settlement currency (P&amp;L negative = loss).
   *
   * @param book the group
   * @param scanRisk the largest weighted loss, floored at 0 (the model's worst case)
   * @param worst 0-based index of the worst scenario
   * @param scenarios each scenario as JSON (number, moves, weight, description)
   * @param weighted the group's weighted P&amp;L per scenario
   * @param charges the model's other charges by JSON key (short-option minimum; contingencies, minimum delta)
   * @param initialMargin IM
   * @param maintenanceMargin MM
   * @param driver what drives the requirement, in words
   * @param pnl per instrument, its unweighted P&amp;L per scenario
   * @param worstPnl per instrument, its weighted P&amp;L in the worst scenario
   */
  record ScenarioGroup(PmBook book, double scanRisk, int worst, List<ObjectNode> scenarios, double[] weighted,
      Map<String, Double> charges, double initialMargin, double maintenanceMargin, String driver, double[][] pnl,
      double[] worstPnl) {

    static ScenarioGroup of(SpanGroupResult g, SpanParameters p) {
      List<ObjectNode> scenarios = new ArrayList<>();
      int worst = 0;
      for (SpanScenario s : g.scenarios()) {
        ObjectNode n = ChainCommand.Json.MAPPER.createObjectNode();
        n.put("number", s.number());
        n.put("price_move", s.move(p.priceScanRange()));
        n.put("vol", s.volDirection() > 0 ? "up" : s.volDirection() < 0 ? "down" : "unchanged");
        n.put("vol_shift", s.volDirection() * p.volScanRange());
        n.put("weight", s.weight());
        n.put("description", s.describe(p.priceScanRange()));
        if (s.equals(g.worstScenario())) {
          worst = scenarios.size();
        }
        scenarios.add(n);
      }
      Map<String, Double> charges = new LinkedHashMap<>();
      charges.put("short_option_coins", g.shortOptionCoins());
      charges.put("short_option_minimum", g.shortOptionMinimum());
      charges.put("requirement", g.riskRequirement());
      return new ScenarioGroup(g.book(), g.scanRisk(), worst, scenarios, g.weightedPnl(), charges,
          g.initialMargin(), g.maintenanceMargin(), g.describe(), vectors(g.book(), g::scenarioPnl),
          worstPnl(g.book(), g::worstScenarioPnl));
    }

    static ScenarioGroup of(GenericGroupResult g, GenericMarginParameters p) {
      List<ObjectNode> scenarios = new ArrayList<>();
      for (int k = 0; k < p.scenarios().size(); k++) {
        GenericScenario s = p.scenarios().get(k);
        ObjectNode n = ChainCommand.Json.MAPPER.createObjectNode();
        n.put("number", k + 1);
        n.put("price_move", s.spotShock());
        n.put("vol_shock", s.volShock());
        n.put("weight", s.weight());
        n.put("description", String.format(Locale.ROOT, "scenario %d of %d (%s)", k + 1, p.scenarios().size(),
            s.describe()));
        scenarios.add(n);
      }
      Map<String, Double> charges = new LinkedHashMap<>();
      charges.put("perp_contingency", g.perpContingency());
      charges.put("option_contingency", g.optionContingency());
      charges.put("net_delta", g.netDelta());
      charges.put("hedged_delta", g.hedgedDelta());
      charges.put("minimum_delta", g.minimumDelta());
      charges.put("requirement", g.requirement());
      return new ScenarioGroup(g.book(), g.scanRisk(), g.worstScenarioIndex(), scenarios, g.weightedPnl(), charges,
          g.initialMargin(), g.maintenanceMargin(), g.describe(), vectors(g.book(), g::scenarioPnl),
          worstPnl(g.book(), g::worstScenarioPnl));
    }

    private static double[][] vectors(PmBook book, java.util.function.IntFunction<double[]> f) {
      double[][] out = new double[book.size()][];
      for (int j = 0; j < out.length; j++) {
        out[j] = f.apply(j);
      }
      return out;
    }

    private static double[] worstPnl(PmBook book, java.util.function.IntToDoubleFunction f) {
      double[] out = new double[book.size()];
      for (int j = 0; j < out.length; j++) {
        out[j] = f.applyAsDouble(j);
      }
      return out;
    }

    /** The group's name: the underlying for an inverse group, {@code BTC_USDC} for a linear one. */
    String name() {
      return book.isInverse() ? book.underlying() : book.underlying() + "_" + book.settlementCurrency();
    }

    /** The instrument losing most in the worst scenario, or null when none loses. */
    String drivingInstrument() {
      String name = null;
      double largest = 0;
      for (int j = 0; j < worstPnl.length; j++) {
        if (-worstPnl[j] > largest) {
          largest = -worstPnl[j];
          name = book.instruments().get(j).name();
        }
      }
      return name;
    }
  }

  /**
   * The scenario model {@code --model} names: {@code span} on the SPAN options, a bundled generic set, or a generic
   * parameter file.
   *
   * @throws CommandLine.ParameterException naming the model, the option or the file that is wrong
   */
  private ScenarioModel scenarioModel() {
    String chosen = model.trim().toLowerCase(Locale.ROOT);
    if (chosen.equals(SPAN)) {
      boolean given = List.of("--price-scan", "--vol-scan", "--short-option-minimum").stream()
          .anyMatch(o -> spec.commandLine().getParseResult().hasMatchedOption(o));
      String source = String.format(Locale.ROOT, "%s: price scan %s, vol scan %s (vol points), short-option "
          + "minimum %s", given ? "--price-scan, --vol-scan, --short-option-minimum" : "netgamma's illustrative "
              + "defaults (no venue SPAN set for crypto options is bundled)", priceScan, volScan, shortOptionMinimum);
      try {
        SpanParameters p = SpanParameters.of(priceScan, volScan, SpanParameters.VolScanType.ABSOLUTE,
            shortOptionMinimum, source);
        return new ScenarioModel(SPAN, source, SpanMargin.of(p).withPricer(Main.ONE_SHOT_PRICER), null);
      } catch (IllegalArgumentException e) {
        throw usage("--price-scan " + priceScan + ", --vol-scan " + volScan + ", --short-option-minimum "
            + shortOptionMinimum + ": " + e.getMessage());
      }
    }
    GenericMarginParameters p;
    if (GENERIC_BUNDLED.containsKey(chosen)) {
      p = GenericMarginParametersReader.DEFAULT.bundled(GENERIC_BUNDLED.get(chosen));
    } else {
      String text = model.trim();
      boolean file = text.endsWith(".json") || text.contains("/") || text.contains("\\");
      Path path = null;
      try {
        path = Path.of(text);
      } catch (InvalidPathException e) {
        file = false;
      }
      if (!file && (path == null || !java.nio.file.Files.exists(path))) {
        throw usage("--model '" + model + "': unknown margin model; choose " + STANDARD + ", " + PM + ", " + CROSS
            + ", " + ALL
            + ", " + SPAN + ", " + PARADEX + ", " + DERIVE + " or a generic parameter FILE (JSON, format "
            + GenericMarginParametersReader.FORMAT + ")");
      }
      try {
        p = GenericMarginParametersReader.DEFAULT.read(path);
      } catch (DataFileException e) {
        throw usage("--model " + e.getMessage());
      }
    }
    return new ScenarioModel(p.name(), p.source(), null, GenericScenarioMargin.of(p).withPricer(Main.ONE_SHOT_PRICER));
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  // ------------------------------------------------------------------------------------------------ helpers

  /** The name of a risk group: the underlying for an inverse group, {@code BTC_USDC} for a linear one. */
  static String groupName(PmGroupResult g) {
    return g.book().isInverse() ? g.book().underlying() : g.book().underlying() + "_" + g.currency();
  }

  /** Decimals of an amount: 8 for coins (Deribit's precision), 2 for USD and stablecoins. */
  private static int decimals(String currency) {
    return currency.equals("USD") || currency.equals("USDC") || currency.equals("USDT") ? 2 : 8;
  }

  private static String amount(double x, String currency) {
    return ReportCommand.fmt(x, decimals(currency));
  }

  private static String pct(double fraction) {
    return ReportCommand.signed(100 * fraction, 2) + "%";
  }

  /** The standard-table price moves of a group, fractions, bucket 1 first. */
  private static double[] priceMoves(PmGroupResult g, PmParameters p) {
    int b = p.bucketsCount();
    double range = p.pair(g.book().pairKey()).priceRange();
    double[] x = new double[2 * b + 1];
    for (int i = 0; i < x.length; i++) {
      x[i] = range * (i - b) / b;
    }
    return x;
  }

  /** The instrument with the largest loss in its group's worst scenario, or null when none loses. */
  private static String drivingInstrument(PmGroupResult g) {
    String name = null;
    double worst = 0;
    for (int j = 0; j < g.book().size(); j++) {
      double loss = -g.worstScenarioPnl(j);
      if (loss > worst) {
        worst = loss;
        name = g.instruments().get(j).name();
      }
    }
    return name;
  }

  /** For each settlement currency, its PM group with the largest initial margin (the one its driver names). */
  private static Map<String, PmGroupResult> largestGroups(PmOutcome pm) {
    Map<String, PmGroupResult> out = new LinkedHashMap<>();
    for (PmGroupResult g : pm.groups()) {
      PmGroupResult d = out.get(g.currency());
      if (d == null || g.initialMargin() > d.initialMargin()) {
        out.put(g.currency(), g);
      }
    }
    return out;
  }

  private static InstrumentMargin instrumentMargin(MarginResult r, String name) {
    for (InstrumentMargin m : r.instruments()) {
      if (m.instrument().name().equals(name)) {
        return m;
      }
    }
    return null;
  }

  // ------------------------------------------------------------------------------------------------ tables

  private static final String CCY_ROW = "%-9s %18s %18s %16s %16s  %s%n";
  private static final String STD_ROW = "%5s  %-28s %12s %-5s %12s %12s %16s %16s %14s %14s%n";
  private static final String GROUP_ROW = "%-9s %-5s %16s %16s %16s %16s %16s %16s %14s  %s%n";
  private static final String CMP_ROW = "%-9s %18s %18s %18s %8s %18s %18s %18s %8s%n";

  private static void header(PrintWriter w, BookMarketOptions.Inputs in,
      PortfolioValuation v, String model, String parameters,
      CrossOutcome cross) {
    w.println("MARGIN       " + v.portfolio().name() + ": " + ReportCommand.count(v.size(), "position") + " on "
        + ReportCommand.count(v.instrumentCount(), "instrument") + " (" + in.bookSource() + ")");
    if (in.skipped() > 0) {
      w.println("WARNING      " + ReportCommand.count(in.skipped(), "position") + " of " + in.bookSource()
          + " skipped as bad (reasons on stderr): this margin does not include " + (in.skipped() == 1 ? "it"
              : "them"));
    }
    StringBuilder index = new StringBuilder();
    for (String u : v.underlyings()) {
      index.append(index.isEmpty() ? "" : ", ").append(u).append(' ').append(ReportCommand.fmt(v.indexPrice(u), 2))
          .append(" USD");
    }
    w.println("market       " + in.marketSource() + ", at " + v.timestamp() + "; index " + index);
    w.println("model        " + model + "; options valued with Black-76 on each expiry's forward, vol from the "
        + (v.volSource() == VolSource.SURFACE ? "surface at the option's strike" : "option's mark IV") + ", rate 0");
    if (parameters != null) {
      w.println("parameters   " + parameters);
    }
    if (cross == null) {
      w.println("note         each settlement currency margined on its own (cross-asset: --model " + CROSS + ")");
    } else {
      CrossMarginParameters p = cross.result().parameters();
      w.println("cross-asset  one account: a netting credit between risk groups of opposite direction, rate "
          + "min(rho x (1 - stress), cap) with stress " + p.stress() + ", cap " + p.creditCap() + "; correlations: "
          + p.correlationSource());
      w.println("             (netgamma's rule and assumptions: no venue publishes a cross-asset options credit)");
    }
    w.println();
  }

  private static void printCurrencies(PrintWriter w, MarginResult r) {
    w.println("MARGIN BY SETTLEMENT CURRENCY  (" + r.model() + ")");
    w.printf(Locale.ROOT, CCY_ROW, "currency", "initial", "maintenance", "initial", "maintenance", "driver");
    w.printf(Locale.ROOT, CCY_ROW, "", "(coin/USDC)", "(coin/USDC)", "(USD)", "(USD)", "");
    for (CurrencyMargin c : r.currencies()) {
      w.printf(Locale.ROOT, CCY_ROW, c.currency(), amount(c.initialMargin(), c.currency()),
          amount(c.maintenanceMargin(), c.currency()), amount(c.initialMarginUsd(), "USD"),
          amount(c.maintenanceMarginUsd(), "USD"), c.driver());
    }
    w.printf(Locale.ROOT, CCY_ROW, "total", "", "", amount(r.initialMarginUsd(), "USD"),
        amount(r.maintenanceMarginUsd(), "USD"), "");
  }

  private static void printStandard(PrintWriter w, PortfolioValuation v, MarginResult r) {
    printCurrencies(w, r);
    w.println();
    w.println("POSITIONS  per instrument (positions on one instrument netted), no offsets; mark: option premium in "
        + "its quote unit (coin for inverse, USDC for linear)");
    w.printf(Locale.ROOT, STD_ROW, "#", "instrument", "quantity", "ccy", "forward", "mark", "initial",
        "maintenance", "initial", "maintenance");
    w.printf(Locale.ROOT, STD_ROW, "", "", "(coin)", "", "(USD)", "(quote)", "(ccy)", "(ccy)", "(USD)", "(USD)");
    int[] representative = representatives(v);
    int row = 0;
    for (InstrumentMargin m : r.instruments()) {
      int j = indexOf(v, m.instrument());
      int i = representative[j];
      double usd = m.instrument().isInverse() ? v.indexPrice(m.instrument().underlying()) : 1.0;
      w.printf(Locale.ROOT, STD_ROW, ++row, m.instrument().name(), ReportCommand.fmt(m.quantity(), 4),
          m.currency(), ReportCommand.fmt(v.forward(i), 2), m.instrument().isOption()
              ? amount(v.price(i), m.currency()) : "", amount(m.initialMargin(), m.currency()),
          amount(m.maintenanceMargin(), m.currency()), amount(m.initialMargin() * usd, "USD"),
          amount(m.maintenanceMargin() * usd, "USD"));
    }
    w.println();
    w.println("driving instrument: " + r.drivingInstrument());
  }

  private static int[] representatives(PortfolioValuation v) {
    int[] representative = new int[v.instrumentCount()];
    Arrays.fill(representative, -1);
    for (int i = 0; i < v.size(); i++) {
      int j = v.instrumentIndex(i);
      if (representative[j] < 0) {
        representative[j] = i;
      }
    }
    return representative;
  }

  private static int indexOf(PortfolioValuation v, Instrument instrument) {
    for (int j = 0; j < v.instrumentCount(); j++) {
      if (v.instrumentAt(j).equals(instrument)) {
        return j;
      }
    }
    throw new IllegalStateException(instrument.name() + " is not in the valuation");
  }

  private static void printPm(PrintWriter w, PmOutcome pm) {
    MarginResult r = pm.result();
    printCurrencies(w, r);
    w.println();
    printGroups(w, pm);
    for (PmGroupResult g : pm.groups()) {
      w.println();
      printVectors(w, g, pm.params());
    }
  }

  private static void printGroups(PrintWriter w, PmOutcome pm) {
    MarginResult r = pm.result();
    w.println("RISK GROUPS  amounts in the group's settlement currency; IM = risk-matrix margin = worst case + delta "
        + "shock + roll shock; MM = mm_factor (" + pm.params().mmFactor() + ") x IM");
    w.printf(Locale.ROOT, GROUP_ROW, "group", "ccy", "worst case", "delta shock", "roll shock", "initial",
        "maintenance", "delta total", "initial", "worst scenario");
    w.printf(Locale.ROOT, GROUP_ROW, "", "", "(ccy)", "(ccy)", "(ccy)", "(ccy)", "(ccy)", "(coin)", "(USD)", "");
    for (PmGroupResult g : pm.groups()) {
      String c = g.currency();
      w.printf(Locale.ROOT, GROUP_ROW, groupName(g), c, amount(g.worstCase(), c), amount(g.deltaShock(), c),
          amount(g.rollShock(), c), amount(g.initialMargin(), c), amount(g.maintenanceMargin(), c),
          ReportCommand.fmt(g.deltaTotal(), 4), amount(g.initialMargin() * g.book().usdPerUnit(), "USD"),
          g.worstScenario().describe());
    }
    w.println("driving scenario: " + r.drivingScenario() + "; driving instrument: " + r.drivingInstrument());
  }

  private static final String XG_ROW = "%-9s %-5s %16s %16s %-5s %16s %16s %16s %16s  %s%n";
  private static final String XP_ROW = "%-9s %-9s %8s %8s %6s %5s %16s %16s %16s %16s %16s  %s%n";
  private static final String XC_ROW = "%-9s %18s %16s %8s %18s %18s%n";

  private static void printCross(PrintWriter w, PmOutcome pm, CrossOutcome cross) {
    CrossMarginResult r = cross.result();
    printCurrencies(w, r.margin());
    w.println();
    printGroups(w, pm);
    w.println();
    printCrossCredit(w, cross);
    w.println();
    printCollateral(w, r.collateral());
  }

  /** The groups' split, the pairs' credits and the totals before and after. */
  private static void printCrossCredit(PrintWriter w, CrossOutcome cross) {
    CrossMarginResult r = cross.result();
    w.println("DIRECTIONAL SPLIT  per risk group, in its settlement currency: directional = the price-move part of the "
        + "worst case beyond the vol-only and other-side losses (offsettable); non-directional = IM - directional "
        + "(vol-only, other side, extended tail, delta and roll shocks: never offset)");
    w.printf(Locale.ROOT, XG_ROW, "group", "ccy", "initial", "directional", "dir", "non-direct.", "credit",
        "initial after", "initial after", "driving scenario of the directional part");
    w.printf(Locale.ROOT, XG_ROW, "", "", "(ccy)", "(ccy)", "", "(ccy)", "(USD)", "(ccy)", "(USD)", "");
    double[] credit = r.groupCreditUsd();
    for (int i = 0; i < r.exposures().size(); i++) {
      GroupExposure e = r.exposures().get(i);
      String c = e.currency();
      double after = r.groupInitialMargin()[i];
      w.printf(Locale.ROOT, XG_ROW, e.group(), c, amount(e.initialMargin(), c), amount(e.directional(), c),
          e.directionName(), amount(e.nonDirectional(), c), amount(credit[i], "USD"), amount(after, c),
          amount(after * e.usdPerUnit(), "USD"), e.drivingScenario());
    }
    w.println();
    w.println("PAIR CREDITS  credit = rate x 2 x offset, rate = min(rho x (1 - stress), cap); offset = min(both "
        + "directional amounts left, joint bound); joint bound = half the smallest, over the standard scenarios "
        + "(same bucket and vol for both), of both groups' margins plus their P&L: with rho 1 the book stays covered");
    w.printf(Locale.ROOT, XP_ROW, "pair", "dirs", "rho", "used", "rate", "cap", "directional 1", "directional 2",
        "joint bound", "offset", "credit", "correlation source; reason");
    w.printf(Locale.ROOT, XP_ROW, "", "", "", "", "", "", "(USD)", "(USD)", "(USD)", "(USD)", "(USD)", "");
    if (r.pairs().isEmpty()) {
      w.println("(one risk group: no pair, no credit; the margin is portfolio margin)");
    }
    for (PairCredit p : r.pairs()) {
      w.printf(Locale.ROOT, XP_ROW, p.pairName(), dir(p.firstDirection()) + "/" + dir(p.secondDirection()),
          ReportCommand.fmt(p.correlation(), 4), ReportCommand.fmt(p.correlationUsed(), 4),
          ReportCommand.fmt(p.creditRate(), 4), p.capBinding() ? "yes" : "no", amount(p.firstDirectionalUsd(), "USD"),
          amount(p.secondDirectionalUsd(), "USD"), amount(p.jointBoundUsd(), "USD"), amount(p.offsetUsd(), "USD"),
          amount(p.creditUsd(), "USD"), cross.correlationSources().getOrDefault(p.firstUnderlying() + "/"
              + p.secondUnderlying(), "same underlying (rho 1)") + "; " + p.reason());
    }
    PairCredit largest = r.largestCredit();
    if (largest != null) {
      w.println("largest credit: " + largest.pairName() + "; its tightest joint scenario " + largest.jointScenario()
          + (largest.offsetUsd() < Math.min(largest.firstDirectionalUsd(), largest.secondDirectionalUsd())
              ? " (binding: it sets the offset)" : " (not binding: the smaller directional amount sets the offset)"));
    }
    w.println();
    w.printf(Locale.ROOT, "%-34s %18s %18s%n", "", "initial (USD)", "maintenance (USD)");
    w.printf(Locale.ROOT, "%-34s %18s %18s%n", "before credit (sum of groups' PM)",
        amount(r.initialMarginBeforeUsd(), "USD"), amount(r.maintenanceMarginBeforeUsd(), "USD"));
    w.printf(Locale.ROOT, "%-34s %18s %18s%n", "cross-asset credit", amount(-r.creditUsd(), "USD"),
        amount(r.maintenanceMarginUsd() - r.maintenanceMarginBeforeUsd(), "USD"));
    w.printf(Locale.ROOT, "%-34s %18s %18s%n", "after credit", amount(r.initialMarginUsd(), "USD"),
        amount(r.maintenanceMarginUsd(), "USD"));
  }

  private static String dir(int direction) {
    return direction < 0 ? "down" : direction > 0 ? "up" : "none";
  }

  /** Collateral with haircuts, equity, excess and margin ratios. */
  private static void printCollateral(PrintWriter w, CrossCollateral c) {
    w.println("COLLATERAL  every balance backs every position (cross-collateral), at its index price less a haircut "
        + "(netgamma's assumptions; Deribit's published model_params give BTC, ETH, USD 0)");
    w.printf(Locale.ROOT, XC_ROW, "currency", "amount", "value", "haircut", "after haircut", "");
    w.printf(Locale.ROOT, XC_ROW, "", "(ccy)", "(USD)", "(%)", "(USD)", "");
    for (HaircutCollateral h : c.balances()) {
      w.printf(Locale.ROOT, XC_ROW, h.currency(), amount(h.value().amount(), h.currency()),
          amount(h.value().valueUsd(), "USD"), ReportCommand.fmt(100 * h.haircut(), 2),
          amount(h.valueAfterHaircutUsd(), "USD"), "");
    }
    if (c.balances().isEmpty()) {
      w.println("(no collateral in the portfolio)");
    }
    w.printf(Locale.ROOT, XC_ROW, "total", "", amount(c.collateralValueUsd(), "USD"), "",
        amount(c.collateralAfterHaircutUsd(), "USD"), "");
    w.println("options value " + amount(c.optionsValueUsd(), "USD") + " USD, spot positions "
        + amount(c.spotValueUsd(), "USD") + " USD (after haircut); futures and perpetuals 0 (P&L in the balance)");
    w.println("equity " + amount(c.equityUsd(), "USD") + " USD; initial margin " + amount(c.initialMarginUsd(), "USD")
        + " USD, excess " + amount(c.excessInitialUsd(), "USD") + " USD" + ratio(c.initialMarginRatio())
        + "; maintenance margin " + amount(c.maintenanceMarginUsd(), "USD") + " USD, excess "
        + amount(c.excessMaintenanceUsd(), "USD") + " USD" + ratio(c.maintenanceMarginRatio())
        + (c.excessMaintenanceUsd() < 0 ? "  LIQUIDATION: equity below maintenance margin"
            : c.excessInitialUsd() < 0 ? "  DEFICIT: equity below initial margin" : ""));
  }

  private static String ratio(java.util.OptionalDouble r) {
    return r.isPresent() ? " (ratio " + ReportCommand.fmt(100 * r.getAsDouble(), 2) + "%)" : " (no equity: no ratio)";
  }

  private static final String SCN_GROUP_ROW = "%-9s %-5s %16s %16s %16s %16s %16s  %s%n";
  private static final String SCN_ROW = "%4s  %-76s %16s%n";

  private static void printScenario(PrintWriter w, ScenarioOutcome so) {
    MarginResult r = so.result();
    printCurrencies(w, r);
    w.println();
    boolean span = so.model().equals(SPAN);
    w.println("RISK GROUPS  amounts in the group's settlement currency; " + (span
        ? "IM = MM = max(scan risk, short-option minimum)"
        : "requirement = max(scan risk + contingencies, minimum delta); IM and MM = im_factor and mm_factor x it"));
    w.printf(Locale.ROOT, SCN_GROUP_ROW, "group", "ccy", "scan risk", span ? "short-opt min" : "contingencies",
        span ? "" : "min delta", "initial", "maintenance", "driver");
    w.printf(Locale.ROOT, SCN_GROUP_ROW, "", "", "(ccy)", "(ccy)", span ? "" : "(ccy)", "(ccy)", "(ccy)", "");
    for (ScenarioGroup g : so.groups()) {
      String c = g.book().settlementCurrency();
      Map<String, Double> ch = g.charges();
      w.printf(Locale.ROOT, SCN_GROUP_ROW, g.name(), c, amount(g.scanRisk(), c), amount(span
          ? ch.get("short_option_minimum") : ch.get("perp_contingency") + ch.get("option_contingency"), c),
          span ? "" : amount(ch.get("minimum_delta"), c), amount(g.initialMargin(), c),
          amount(g.maintenanceMargin(), c), g.driver());
    }
    w.println("driving scenario: " + r.drivingScenario() + "; driving instrument: " + r.drivingInstrument());
    for (ScenarioGroup g : so.groups()) {
      String c = g.book().settlementCurrency();
      w.println();
      w.println("SCENARIOS  " + g.name() + ": the group's P&L in " + c + " times the scenario's weight, negative = "
          + "loss (every instrument's own P&L per scenario: --json risk_vectors)");
      w.printf(Locale.ROOT, SCN_ROW, "#", "scenario", "P&L (" + c + ")");
      for (int k = 0; k < g.scenarios().size(); k++) {
        w.printf(Locale.ROOT, SCN_ROW, (k + 1) + (k == g.worst() ? "*" : ""),
            g.scenarios().get(k).get("description").asString(), amount(g.weighted()[k], c));
      }
      String d = g.drivingInstrument();
      w.println("* worst" + (d == null ? "" : "; largest loss there " + d));
    }
  }

  private static void printVectors(PrintWriter w, PmGroupResult g, PmParameters p) {
    String c = g.currency();
    double[] moves = priceMoves(g, p);
    int nb = moves.length;
    String cell = "%13s";
    w.println("RISK VECTORS  " + groupName(g) + ": P&L in " + c + " per scenario, negative = loss; standard: price "
        + "move of the bucket x vol up / same / down (" + nb * 3 + " entries); aggregated: gains x pnl_offset; "
        + "worst: " + g.worstScenario().describe());
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-28s %12s %-5s", "instrument",
        "quantity", "vol"));
    for (double x : moves) {
      head.append(' ').append(String.format(Locale.ROOT, cell, pct(x)));
    }
    w.println(head);
    String[] vols = {"up", "same", "down"};
    for (int j = 0; j < g.book().size(); j++) {
      double[] s = g.standard(j);
      for (int vol = 0; vol < 3; vol++) {
        w.println(vectorRow(vol == 0 ? g.instruments().get(j).name() : "", vol == 0
            ? ReportCommand.fmt(g.book().quantity(j), 4) : "", vols[vol], s, vol, nb, c, cell));
      }
    }
    double[] agg = g.aggregatedStandard();
    for (int vol = 0; vol < 3; vol++) {
      w.println(vectorRow(vol == 0 ? "aggregated" : "", "", vols[vol], agg, vol, nb, c, cell));
    }
    double[] ext = DeribitPortfolioMargin.extendedMoves();
    w.println("extended: vol up; the fraction price_range/|move| of the P&L" + (g.book().isInverse()
        ? ", counted at the edge price of the standard range" : "")
        + "; aggregated: losses less the dampener, gains 0");
    StringBuilder eh = new StringBuilder(String.format(Locale.ROOT, "%-28s %12s %-5s", "instrument", "quantity",
        ""));
    for (double x : ext) {
      eh.append(' ').append(String.format(Locale.ROOT, cell, pct(x)));
    }
    w.println(eh);
    for (int j = 0; j < g.book().size(); j++) {
      w.println(extRow(g.instruments().get(j).name(), ReportCommand.fmt(g.book().quantity(j), 4), g.extended(j),
          c, cell));
    }
    w.println(extRow("aggregated", "", g.aggregatedExtended(), c, cell));
  }

  private static String vectorRow(String name, String quantity, String vol, double[] v, int offset, int nb,
      String currency, String cell) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-28s %12s %-5s", name, quantity, vol));
    for (int b = 0; b < nb; b++) {
      sb.append(' ').append(String.format(Locale.ROOT, cell, amount(v[3 * b + offset], currency)));
    }
    return sb.toString();
  }

  private static String extRow(String name, String quantity, double[] v, String currency, String cell) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-28s %12s %-5s", name, quantity, "up"));
    for (double x : v) {
      sb.append(' ').append(String.format(Locale.ROOT, cell, amount(x, currency)));
    }
    return sb.toString();
  }

  private static final String CMP3_ROW = "%-9s %18s %18s %18s %18s %7s %18s %7s%n";

  private static void printCompare(PrintWriter w, MarginResult standard, PmOutcome pm, CrossOutcome cross) {
    MarginResult p = pm.result();
    MarginResult x = cross.result().margin();
    List<String> currencies = currencies(standard, p);
    w.println("CAPITAL EFFICIENCY  Deribit standard margin (per instrument) vs Deribit portfolio margin (risk matrix "
        + "per settlement currency) vs cross-asset margin (portfolio margin less the netting credit between risk "
        + "groups); saving = standard - model");
    String[] labels = {"initial margin", "maintenance margin"};
    for (int m = 0; m < 2; m++) {
      w.println(labels[m].toUpperCase(Locale.ROOT));
      w.printf(Locale.ROOT, CMP3_ROW, "currency", "standard", "portfolio", "cross-asset", "PM saving", "(%)",
          "cross saving", "(%)");
      w.printf(Locale.ROOT, CMP3_ROW, "", "(ccy)", "(ccy)", "(ccy)", "(ccy)", "", "(ccy)", "");
      for (String c : currencies) {
        double s0 = amounts(standard, c)[m];
        double q = amounts(p, c)[m];
        double y = amounts(x, c)[m];
        w.printf(Locale.ROOT, CMP3_ROW, c, amount(s0, c), amount(q, c), amount(y, c), amount(s0 - q, c),
            savingPct(s0, q), amount(s0 - y, c), savingPct(s0, y));
      }
      double su = m == 0 ? standard.initialMarginUsd() : standard.maintenanceMarginUsd();
      double pu = m == 0 ? p.initialMarginUsd() : p.maintenanceMarginUsd();
      double xu = m == 0 ? x.initialMarginUsd() : x.maintenanceMarginUsd();
      w.printf(Locale.ROOT, CMP3_ROW, "total USD", amount(su, "USD"), amount(pu, "USD"), amount(xu, "USD"),
          amount(su - pu, "USD"), savingPct(su, pu), amount(su - xu, "USD"), savingPct(su, xu));
      w.println();
    }
    CrossCollateral c = cross.result().collateral();
    w.println("equity " + amount(c.equityUsd(), "USD") + " USD (collateral after haircuts and options value); excess "
        + "over initial margin: standard " + amount(c.equityUsd() - standard.initialMarginUsd(), "USD")
        + ", portfolio " + amount(c.equityUsd() - p.initialMarginUsd(), "USD") + ", cross-asset "
        + amount(c.excessInitialUsd(), "USD") + " USD");
    w.println();
    w.println("WHAT DRIVES EACH");
    Map<String, PmGroupResult> largest = largestGroups(pm);
    for (String ccy : currencies) {
      w.println(ccy + "  standard:    " + standardDriver(standard, ccy));
      w.println(" ".repeat(ccy.length()) + "  portfolio:   " + pmDriver(pm, largest.get(ccy), ccy));
    }
    w.println("cross-asset: " + crossDriver(cross));
  }

  /** The pair giving the largest credit, with its correlation, offset and binding scenario, or why there is none. */
  private static String crossDriver(CrossOutcome cross) {
    CrossMarginResult r = cross.result();
    PairCredit p = r.largestCredit();
    if (p == null) {
      if (r.pairs().isEmpty()) {
        return "one risk group: no credit, the margin is portfolio margin";
      }
      return "no credit: " + r.pairs().get(0).pairName() + " " + r.pairs().get(0).reason();
    }
    return String.format(Locale.ROOT, "%s credit %s USD (of %s USD in all): %s loses when prices go %s, %s when "
        + "they go %s; rho %s (%s), used %s, rate %s%s; offset %s USD of directional %s and %s USD; joint scenario "
        + "(tightest) %s", p.pairName(), amount(p.creditUsd(), "USD"), amount(r.creditUsd(), "USD"), p.first(),
        dir(p.firstDirection()), p.second(), dir(p.secondDirection()), ReportCommand.fmt(p.correlation(), 4),
        cross.correlationSources().getOrDefault(p.firstUnderlying() + "/" + p.secondUnderlying(), "same underlying"),
        ReportCommand.fmt(p.correlationUsed(), 4), ReportCommand.fmt(p.creditRate(), 4), p.capBinding()
            ? " (cap binding)" : "", amount(p.offsetUsd(), "USD"), amount(p.firstDirectionalUsd(), "USD"),
        amount(p.secondDirectionalUsd(), "USD"), p.jointScenario());
  }

  private static List<String> currencies(MarginResult a, MarginResult b) {
    List<String> out = new ArrayList<>();
    for (CurrencyMargin c : a.currencies()) {
      out.add(c.currency());
    }
    for (CurrencyMargin c : b.currencies()) {
      if (!out.contains(c.currency())) {
        out.add(c.currency());
      }
    }
    return out;
  }

  /** {im, mm, usdPerUnit} of a currency, zeros when the result has none in it. */
  private static double[] amounts(MarginResult r, String currency) {
    for (CurrencyMargin c : r.currencies()) {
      if (c.currency().equals(currency)) {
        return new double[] {c.initialMargin(), c.maintenanceMargin(), c.usdPerUnit()};
      }
    }
    return new double[] {0, 0, 0};
  }

  private static String savingPct(double standard, double portfolio) {
    return standard > 0 ? ReportCommand.fmt(100 * (standard - portfolio) / standard, 1) : "-";
  }

  private static String standardDriver(MarginResult standard, String c) {
    double[] s = amounts(standard, c);
    for (CurrencyMargin m : standard.currencies()) {
      if (m.currency().equals(c)) {
        InstrumentMargin d = instrumentMargin(standard, m.driver());
        if (d == null) {
          return m.driver();
        }
        return d.instrument().name() + " (quantity " + ReportCommand.fmt(d.quantity(), 4) + "), IM "
            + amount(d.initialMargin(), c) + " " + c + (s[0] > 0 ? ", " + ReportCommand.fmt(100 * d.initialMargin()
                / s[0], 1) + "% of the currency's standard IM" : "");
      }
    }
    return "no position settled in " + c;
  }

  private static String pmDriver(PmOutcome pm, PmGroupResult g, String c) {
    if (g == null) {
      return "no risk group settled in " + c;
    }
    String instrument = drivingInstrument(g);
    return groupName(g) + " " + g.worstScenario().describe() + ", worst case " + amount(g.worstCase(), c) + " " + c
        + (instrument == null ? "" : "; largest loss there " + instrument + " (" + amount(-worstPnl(g, instrument), c)
            + " " + c + ")") + "; delta shock " + amount(g.deltaShock(), c) + ", roll shock "
        + amount(g.rollShock(), c);
  }

  private static double worstPnl(PmGroupResult g, String instrument) {
    for (int j = 0; j < g.book().size(); j++) {
      if (g.instruments().get(j).name().equals(instrument)) {
        return g.worstScenarioPnl(j);
      }
    }
    return 0;
  }

  // ------------------------------------------------------------------------------------------------ JSON

  private static ObjectNode base(BookMarketOptions.Inputs in, PortfolioValuation v, String model) {
    ObjectNode root = ChainCommand.Json.MAPPER.createObjectNode();
    root.put("model", model);
    root.put("portfolio", v.portfolio().name());
    root.put("positions_skipped", in.skipped());
    root.put("timestamp", v.timestamp().toString());
    ObjectNode index = root.putObject("index");
    for (String u : v.underlyings()) {
      index.put(u, v.indexPrice(u));
    }
    root.put("cross_asset_margin", model.equals(CROSS) || model.equals("compare")
        ? "applied: see cross_asset (a netting credit between risk groups, cross-collateral with haircuts)"
        : "not applied: each settlement currency is margined on its own (--model " + CROSS + " applies it)");
    return root;
  }

  /** The common part of one model's result: totals per currency and in USD, drivers, per-instrument margins. */
  private static void result(ObjectNode root, MarginResult r) {
    ObjectNode im = root.putObject("initial_margin");
    ObjectNode mm = root.putObject("maintenance_margin");
    ArrayNode currencies = root.putArray("currencies");
    for (CurrencyMargin c : r.currencies()) {
      im.put(c.currency(), c.initialMargin());
      mm.put(c.currency(), c.maintenanceMargin());
      currencies.add(currencyJson(c));
    }
    im.put("USD", r.initialMarginUsd());
    mm.put("USD", r.maintenanceMarginUsd());
    root.put("driving_instrument", r.drivingInstrument());
    root.put("driving_scenario", r.drivingScenario());
    ArrayNode instruments = root.putArray("instruments");
    for (InstrumentMargin m : r.instruments()) {
      double usd = amounts(r, m.currency())[2];
      ObjectNode n = instruments.addObject();
      n.put("instrument", m.instrument().name());
      n.put("quantity", m.quantity());
      n.put("currency", m.currency());
      n.put("initial_margin", m.initialMargin());
      n.put("maintenance_margin", m.maintenanceMargin());
      n.put("initial_margin_usd", m.initialMargin() * usd);
      n.put("maintenance_margin_usd", m.maintenanceMargin() * usd);
    }
  }

  private static ObjectNode currencyJson(CurrencyMargin c) {
    ObjectNode n = ChainCommand.Json.MAPPER.createObjectNode();
    n.put("currency", c.currency());
    n.put("usd_per_unit", c.usdPerUnit());
    n.put("initial_margin", c.initialMargin());
    n.put("maintenance_margin", c.maintenanceMargin());
    n.put("initial_margin_usd", c.initialMarginUsd());
    n.put("maintenance_margin_usd", c.maintenanceMarginUsd());
    n.put("driver", c.driver());
    return n;
  }

  private static ObjectNode standardJson(BookMarketOptions.Inputs in, PortfolioValuation v, MarginResult r) {
    ObjectNode root = base(in, v, STANDARD);
    result(root, r);
    for (String key : List.of("worst_case", "worst_scenario", "roll_shock", "delta_shock", "risk_vectors")) {
      root.putNull(key); // a per-instrument model has no scenarios
    }
    return root;
  }

  private static ObjectNode pmJson(BookMarketOptions.Inputs in, PortfolioValuation v, PmOutcome pm) {
    return pmJson(in, v, pm, PM, pm.result());
  }

  /**
   * Cross-asset margin: the portfolio-margin keys of its groups (worst case, shocks, vectors), the margins after the
   * credit under the common keys, and {@code cross_asset}.
   */
  private static ObjectNode crossJson(BookMarketOptions.Inputs in,
      PortfolioValuation v, PmOutcome pm, CrossOutcome cross) {
    ObjectNode root = pmJson(in, v, pm, CROSS, cross.result().margin());
    root.set("cross_asset", crossAssetJson(cross));
    return root;
  }

  private static ObjectNode pmJson(BookMarketOptions.Inputs in,
      PortfolioValuation v, PmOutcome pm, String model, MarginResult r) {
    ObjectNode root = base(in, v, model);
    root.put("parameters", pm.params().source());
    result(root, r);
    ObjectNode worstCase = root.putObject("worst_case");
    ObjectNode worstScenario = root.putObject("worst_scenario");
    ObjectNode roll = root.putObject("roll_shock");
    ObjectNode delta = root.putObject("delta_shock");
    ArrayNode groups = root.putArray("groups");
    ObjectNode vectors = root.putObject("risk_vectors");
    double[] ext = DeribitPortfolioMargin.extendedMoves();
    for (PmGroupResult g : pm.groups()) {
      String name = groupName(g);
      worstCase.put(name, g.worstCase());
      worstScenario.set(name, scenarioJson(g.worstScenario()));
      roll.put(name, g.rollShock());
      delta.put(name, g.deltaShock());
      ObjectNode n = groups.addObject();
      n.put("group", name);
      n.put("underlying", g.book().underlying());
      n.put("currency", g.currency());
      n.put("pair", g.book().pairKey());
      n.put("index_price", g.book().indexPrice());
      n.put("usd_per_unit", g.book().usdPerUnit());
      n.put("worst_case", g.worstCase());
      n.set("worst_scenario", scenarioJson(g.worstScenario()));
      n.put("delta_total", g.deltaTotal());
      n.put("delta_shock", g.deltaShock());
      n.put("roll_shock", g.rollShock());
      n.put("risk_matrix_margin", g.riskMatrixMargin());
      n.put("initial_margin", g.initialMargin());
      n.put("maintenance_margin", g.maintenanceMargin());
      n.put("initial_margin_usd", g.initialMargin() * g.book().usdPerUnit());
      n.put("maintenance_margin_usd", g.maintenanceMargin() * g.book().usdPerUnit());
      String driver = drivingInstrument(g);
      if (driver == null) {
        n.putNull("driving_instrument");
      } else {
        n.put("driving_instrument", driver);
      }
      array(n.putArray("price_moves"), priceMoves(g, pm.params()));
      array(n.putArray("extended_moves"), ext);
      ObjectNode pre = n.putObject("pre_aggregated_risk_vector");
      array(pre.putArray("standard"), g.preAggregatedStandard());
      array(pre.putArray("extended"), g.preAggregatedExtended());
      ObjectNode agg = n.putObject("aggregated_risk_vector");
      array(agg.putArray("standard"), g.aggregatedStandard());
      array(agg.putArray("extended"), g.aggregatedExtended());
      for (int j = 0; j < g.book().size(); j++) {
        ObjectNode iv = vectors.putObject(g.instruments().get(j).name());
        iv.put("group", name);
        iv.put("currency", g.currency());
        iv.put("quantity", g.book().quantity(j));
        iv.put("worst_scenario_pnl", g.worstScenarioPnl(j));
        array(iv.putArray("standard"), g.standard(j));
        array(iv.putArray("extended"), g.extended(j));
      }
    }
    return root;
  }

  /**
   * A SPAN-style or generic scenario model: the common keys, {@code worst_case} (scan risk) and
   * {@code worst_scenario} by risk group, the groups, and every instrument's P&amp;L per scenario; {@code roll_shock}
   * and {@code delta_shock} are Deribit's and null here.
   */
  private static ObjectNode scenarioJson(BookMarketOptions.Inputs in, PortfolioValuation v, ScenarioOutcome so) {
    ObjectNode root = base(in, v, so.model());
    root.put("parameters", so.source());
    result(root, so.result());
    ObjectNode worstCase = root.putObject("worst_case");
    ObjectNode worstScenario = root.putObject("worst_scenario");
    root.putNull("roll_shock");
    root.putNull("delta_shock");
    ArrayNode groups = root.putArray("groups");
    ObjectNode vectors = root.putObject("risk_vectors");
    for (ScenarioGroup g : so.groups()) {
      String name = g.name();
      worstCase.put(name, g.scanRisk());
      worstScenario.set(name, g.scenarios().get(g.worst()).deepCopy());
      ObjectNode n = groups.addObject();
      n.put("group", name);
      n.put("underlying", g.book().underlying());
      n.put("currency", g.book().settlementCurrency());
      n.put("index_price", g.book().indexPrice());
      n.put("usd_per_unit", g.book().usdPerUnit());
      n.put("worst_case", g.scanRisk());
      n.put("scan_risk", g.scanRisk());
      n.set("worst_scenario", g.scenarios().get(g.worst()).deepCopy());
      for (Map.Entry<String, Double> c : g.charges().entrySet()) {
        n.put(c.getKey(), c.getValue());
      }
      n.put("initial_margin", g.initialMargin());
      n.put("maintenance_margin", g.maintenanceMargin());
      n.put("initial_margin_usd", g.initialMargin() * g.book().usdPerUnit());
      n.put("maintenance_margin_usd", g.maintenanceMargin() * g.book().usdPerUnit());
      n.put("driver", g.driver());
      String driver = g.drivingInstrument();
      if (driver == null) {
        n.putNull("driving_instrument");
      } else {
        n.put("driving_instrument", driver);
      }
      ArrayNode scenarios = n.putArray("scenarios");
      for (ObjectNode sc : g.scenarios()) {
        scenarios.add(sc.deepCopy());
      }
      array(n.putArray("weighted_pnl"), g.weighted());
      for (int j = 0; j < g.book().size(); j++) {
        ObjectNode iv = vectors.putObject(g.book().instruments().get(j).name());
        iv.put("group", name);
        iv.put("currency", g.book().settlementCurrency());
        iv.put("quantity", g.book().quantity(j));
        iv.put("worst_scenario_pnl", g.worstPnl()[j]);
        array(iv.putArray("scenarios"), g.pnl()[j]);
      }
    }
    return root;
  }

  private static ObjectNode scenarioJson(WorstScenario s) {
    ObjectNode n = ChainCommand.Json.MAPPER.createObjectNode();
    n.put("source", s.source());
    n.put("index", s.index());
    n.put("bucket", s.bucket());
    n.put("side", s.side());
    n.put("price_move", s.priceMove());
    n.put("vol", s.vol());
    n.put("description", s.describe());
    return n;
  }

  private static void array(ArrayNode a, double[] values) {
    for (double x : values) {
      a.add(x);
    }
  }

  private static ObjectNode compareJson(BookMarketOptions.Inputs in,
      PortfolioValuation v, MarginResult standard, PmOutcome pm,
      CrossOutcome cross) {
    ObjectNode root = base(in, v, "compare");
    root.put("parameters", pm.params().source());
    ArrayNode models = root.putArray("models");
    models.add(STANDARD);
    models.add(PM);
    models.add(CROSS);
    MarginResult p = pm.result();
    MarginResult x = cross.result().margin();
    Map<String, PmGroupResult> largest = largestGroups(pm);
    ArrayNode currencies = root.putArray("currencies");
    for (String c : currencies(standard, p)) {
      double[] s = amounts(standard, c);
      double[] q = amounts(p, c);
      ObjectNode n = currencies.addObject();
      n.put("currency", c);
      n.put("usd_per_unit", s[2] > 0 ? s[2] : q[2]);
      ObjectNode sn = n.putObject(STANDARD);
      amountsJson(sn, s);
      String sd = standard.currencies().stream().filter(m -> m.currency().equals(c)).map(CurrencyMargin::driver)
          .findFirst().orElse("none");
      sn.put("driving_instrument", sd);
      ObjectNode pn = n.putObject(PM);
      amountsJson(pn, q);
      PmGroupResult g = largest.get(c);
      if (g == null) {
        pn.putNull("worst_scenario");
        pn.putNull("driving_instrument");
      } else {
        pn.put("group", groupName(g));
        pn.set("worst_scenario", scenarioJson(g.worstScenario()));
        pn.put("worst_case", g.worstCase());
        pn.put("delta_shock", g.deltaShock());
        pn.put("roll_shock", g.rollShock());
        String d = drivingInstrument(g);
        if (d == null) {
          pn.putNull("driving_instrument");
        } else {
          pn.put("driving_instrument", d);
        }
      }
      ObjectNode saving = n.putObject("saving");
      double usd = s[2] > 0 ? s[2] : q[2];
      saving.put("initial_margin", s[0] - q[0]);
      saving.put("maintenance_margin", s[1] - q[1]);
      saving.put("initial_margin_usd", (s[0] - q[0]) * usd);
      saving.put("maintenance_margin_usd", (s[1] - q[1]) * usd);
      fraction(saving, "initial_margin_fraction", s[0], q[0]);
      fraction(saving, "maintenance_margin_fraction", s[1], q[1]);
      double[] y = amounts(x, c);
      ObjectNode xn = n.putObject(CROSS);
      amountsJson(xn, y);
      xn.put("credit", q[0] - y[0]);
      xn.put("credit_usd", (q[0] - y[0]) * usd);
      ObjectNode xs = n.putObject("saving_cross");
      xs.put("initial_margin", s[0] - y[0]);
      xs.put("maintenance_margin", s[1] - y[1]);
      xs.put("initial_margin_usd", (s[0] - y[0]) * usd);
      xs.put("maintenance_margin_usd", (s[1] - y[1]) * usd);
      fraction(xs, "initial_margin_fraction", s[0], y[0]);
      fraction(xs, "maintenance_margin_fraction", s[1], y[1]);
    }
    ObjectNode total = root.putObject("total_usd");
    total.putObject(STANDARD).put("initial_margin", standard.initialMarginUsd())
        .put("maintenance_margin", standard.maintenanceMarginUsd());
    total.putObject(PM).put("initial_margin", p.initialMarginUsd()).put("maintenance_margin",
        p.maintenanceMarginUsd());
    ObjectNode saving = total.putObject("saving");
    saving.put("initial_margin", standard.initialMarginUsd() - p.initialMarginUsd());
    saving.put("maintenance_margin", standard.maintenanceMarginUsd() - p.maintenanceMarginUsd());
    fraction(saving, "initial_margin_fraction", standard.initialMarginUsd(), p.initialMarginUsd());
    fraction(saving, "maintenance_margin_fraction", standard.maintenanceMarginUsd(), p.maintenanceMarginUsd());
    CrossMarginResult cr = cross.result();
    ObjectNode xt = total.putObject(CROSS);
    xt.put("initial_margin", x.initialMarginUsd()).put("maintenance_margin", x.maintenanceMarginUsd())
        .put("credit", cr.creditUsd());
    PairCredit driver = cr.largestCredit();
    if (driver == null) {
      xt.putNull("driving_pair");
    } else {
      xt.put("driving_pair", driver.pairName());
      xt.put("driving_joint_scenario", driver.jointScenario());
    }
    ObjectNode xs = total.putObject("saving_cross");
    xs.put("initial_margin", standard.initialMarginUsd() - x.initialMarginUsd());
    xs.put("maintenance_margin", standard.maintenanceMarginUsd() - x.maintenanceMarginUsd());
    fraction(xs, "initial_margin_fraction", standard.initialMarginUsd(), x.initialMarginUsd());
    fraction(xs, "maintenance_margin_fraction", standard.maintenanceMarginUsd(), x.maintenanceMarginUsd());
    double equity = cr.collateral().equityUsd();
    total.put("equity_usd", equity);
    ObjectNode excess = total.putObject("excess_initial_usd");
    excess.put(STANDARD, equity - standard.initialMarginUsd());
    excess.put(PM, equity - p.initialMarginUsd());
    excess.put(CROSS, equity - x.initialMarginUsd());
    root.set("cross_asset", crossAssetJson(cross));
    return root;
  }

  /**
   * The {@code cross_asset} object: parameters, each group's split and credit, each pair's correlation (estimate,
   * source, stressed), offset and credit, the totals before and after, and the collateral with haircuts, equity,
   * excess and margin ratios.
   */
  private static ObjectNode crossAssetJson(CrossOutcome cross) {
    CrossMarginResult r = cross.result();
    CrossMarginParameters p = r.parameters();
    ObjectNode n = ChainCommand.Json.MAPPER.createObjectNode();
    n.put("model", CROSS);
    n.put("base_model", PM);
    ObjectNode params = n.putObject("parameters");
    params.put("stress", p.stress());
    params.put("credit_cap", p.creditCap());
    params.put("correlation_source", p.correlationSource());
    ObjectNode hc = params.putObject("haircuts");
    p.haircuts().forEach(hc::put);
    params.put("other_haircut", p.otherHaircut());
    ArrayNode groups = n.putArray("groups");
    double[] credit = r.groupCreditUsd();
    double[] imAfter = r.groupInitialMargin();
    double[] mmAfter = r.groupMaintenanceMargin();
    for (int i = 0; i < r.exposures().size(); i++) {
      GroupExposure e = r.exposures().get(i);
      ObjectNode g = groups.addObject();
      g.put("group", e.group());
      g.put("underlying", e.underlying());
      g.put("currency", e.currency());
      g.put("usd_per_unit", e.usdPerUnit());
      g.put("initial_margin", e.initialMargin());
      g.put("maintenance_margin", e.maintenanceMargin());
      g.put("vol_only_loss", e.volOnlyLoss());
      g.put("down_loss", e.downLoss());
      g.put("up_loss", e.upLoss());
      g.put("directional", e.directional());
      g.put("directional_usd", e.directionalUsd());
      g.put("direction", e.directionName());
      g.put("driving_scenario", e.drivingScenario());
      g.put("non_directional", e.nonDirectional());
      g.put("credit_usd", credit[i]);
      g.put("credit", credit[i] / e.usdPerUnit());
      g.put("initial_margin_after", imAfter[i]);
      g.put("maintenance_margin_after", mmAfter[i]);
      g.put("initial_margin_after_usd", imAfter[i] * e.usdPerUnit());
    }
    ArrayNode pairs = n.putArray("pairs");
    for (PairCredit c : r.pairs()) {
      ObjectNode q = pairs.addObject();
      q.putArray("underlyings").add(c.firstUnderlying()).add(c.secondUnderlying());
      q.putArray("groups").add(c.first()).add(c.second());
      q.putArray("directions").add(dir(c.firstDirection())).add(dir(c.secondDirection()));
      q.put("correlation", c.correlation());
      q.put("correlation_source", cross.correlationSources().getOrDefault(c.firstUnderlying() + "/"
          + c.secondUnderlying(), "same underlying"));
      q.put("correlation_used", c.correlationUsed());
      q.put("credit_rate", c.creditRate());
      q.put("cap_binding", c.capBinding());
      q.putArray("directional_usd").add(c.firstDirectionalUsd()).add(c.secondDirectionalUsd());
      q.put("joint_bound_usd", c.jointBoundUsd());
      q.put("joint_scenario", c.jointScenario());
      q.put("offset_usd", c.offsetUsd());
      q.put("credit_usd", c.creditUsd());
      q.put("reason", c.reason());
    }
    n.put("credit_usd", r.creditUsd());
    n.put("cap_binding", r.capBinding());
    n.putObject("initial_margin_usd").put("before", r.initialMarginBeforeUsd()).put("after", r.initialMarginUsd());
    n.putObject("maintenance_margin_usd").put("before", r.maintenanceMarginBeforeUsd())
        .put("after", r.maintenanceMarginUsd());
    CrossCollateral c = r.collateral();
    ObjectNode col = n.putObject("collateral");
    ArrayNode balances = col.putArray("balances");
    for (HaircutCollateral h : c.balances()) {
      ObjectNode b = balances.addObject();
      b.put("currency", h.currency());
      b.put("amount", h.value().amount());
      b.put("price_usd", h.value().priceUsd());
      b.put("value_usd", h.value().valueUsd());
      b.put("haircut", h.haircut());
      b.put("value_after_haircut_usd", h.valueAfterHaircutUsd());
    }
    col.put("value_usd", c.collateralValueUsd());
    col.put("value_after_haircut_usd", c.collateralAfterHaircutUsd());
    col.put("options_value_usd", c.optionsValueUsd());
    col.put("spot_value_usd", c.spotValueUsd());
    n.put("equity_usd", c.equityUsd());
    n.putObject("excess_usd").put("initial", c.excessInitialUsd()).put("maintenance", c.excessMaintenanceUsd());
    ObjectNode ratio = n.putObject("margin_ratio");
    if (c.initialMarginRatio().isPresent()) {
      ratio.put("initial", c.initialMarginRatio().getAsDouble());
      ratio.put("maintenance", c.maintenanceMarginRatio().getAsDouble());
    } else {
      ratio.putNull("initial");
      ratio.putNull("maintenance");
    }
    return n;
  }

  private static void amountsJson(ObjectNode n, double[] a) {
    n.put("initial_margin", a[0]);
    n.put("maintenance_margin", a[1]);
    n.put("initial_margin_usd", a[0] * a[2]);
    n.put("maintenance_margin_usd", a[1] * a[2]);
  }

  /** (standard − portfolio) / standard, or null when the standard margin is 0. */
  private static void fraction(ObjectNode n, String key, double standard, double portfolio) {
    if (standard > 0) {
      n.put(key, (standard - portfolio) / standard);
    } else {
      n.putNull(key);
    }
  }
}
