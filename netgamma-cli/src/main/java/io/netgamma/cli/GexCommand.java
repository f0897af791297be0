package io.netgamma.cli;

import io.netgamma.cli.chart.GexChart;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.risk.gex.DealerConvention;
import io.netgamma.core.risk.gex.ExpiryGex;
import io.netgamma.core.risk.gex.GammaExposure;
import io.netgamma.core.risk.gex.GexExclusion;
import io.netgamma.core.risk.gex.GexInput;
import io.netgamma.core.risk.gex.GexOption;
import io.netgamma.core.risk.gex.GexProfile;
import io.netgamma.core.risk.gex.GexReport;
import io.netgamma.core.risk.gex.GexSettings;
import io.netgamma.core.risk.gex.GexWall;
import io.netgamma.core.risk.gex.OptionGex;
import io.netgamma.core.risk.gex.StrikeGex;
import io.netgamma.data.market.LatestChainRows;
import io.netgamma.data.tardis.ChainRow;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code netgamma gex}: the dealers' gamma exposure of an option chain from its open interest
 * ({@link GammaExposure}): by strike and expiry in USD per 1% move of spot, the total over a spot range by full
 * revaluation, the zero-gamma level and the call and put walls.
 *
 * <p>From the chain's rows: the latest row of each option ({@link LatestChainRows}, as {@code netgamma surface} reads a
 * chain); the valuation instant is the latest
 * row timestamp of the file, and a row stamped earlier has its IV restated there at equal total variance,
 * {@code σ' = σ·sqrt(t_row/t)} (the same price and the same gamma as at its own timestamp); the forward is the
 * row's {@code underlying_price}; the open interest is in coins. Rows without open interest or mark IV are skipped
 * with a reason, options expired at the valuation instant are left out and counted. Spot is {@code --spot} or the
 * forward of the nearest expiry (the median {@code underlying_price} of its rows: a Tardis chain has no index
 * price, and the forward of an expiry a day away is within a few basis points of it). Stateless apart from its
 * options; one instance per command line.
 */
@Command(
    name = "gex",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    headerHeading = "%n",
    header = "Dealer gamma exposure (GEX) of a chain: by strike and expiry, profile over spot, zero gamma, walls.",
    descriptionHeading = "%n",
    description = {
        "GEX of an option = sign x gamma x open interest x spot^2 x 1%%, in USD per 1%% move of spot: the USD value "
            + "of the change in the dealers' delta when spot moves 1%%, what they trade to stay hedged. Positive = "
            + "dealers long gamma (they sell rallies and buy dips, damping moves); negative = short gamma "
            + "(amplifying moves).",
        "",
        "gamma is per 1 USD of spot: Black-76 gamma per USD of the forward (Deribit's gamma) times (F/S)^2, since "
            + "each expiry's forward moves with spot, F = S x F0/S0; so GEX = sign x gamma_F x F^2 x OI x 1%%. Open "
            + "interest in coins (Deribit's unit for options); the forward is the row's underlying_price, the vol "
            + "its mark_iv, t years ACT/365 from the valuation instant (the latest row timestamp; IVs of earlier "
            + "rows restated there at equal total variance).",
        "",
        "sign (--dealer): an assumption, since the data does not say who holds the open interest:",
        "  long-calls-short-puts  calls +, puts -: customers sell calls and buy puts",
        "                         (SqueezeMetrics, SpotGamma); the default",
        "  short-all              calls -, puts -: customers net long every option",
        "  long-all               calls +, puts +: customers net short every option",
        "",
        "Profile: total GEX at --points spot levels over spot x (1 +/- --range), each by full revaluation (every "
            + "forward scaled with spot, t unchanged, each option keeping its IV: sticky strike). Zero gamma: where "
            + "the profile changes sign, refined by Brent's method on the same revaluation; the crossing nearest "
            + "spot, or none in range. Call wall: the strike whose calls "
            + "(all expiries) carry the largest |GEX|; put wall likewise (the largest positive call GEX and the "
            + "most negative put GEX under the default convention).",
        "",
        "Tables (stdout): GEX by strike, by expiry, the top options by |GEX| (gamma there is Deribit's, per USD "
            + "of the forward), the profile every few levels, walls, "
            + "zero gamma and totals; amounts in USD per 1%% move of spot, open interest in coin.",
        "JSON (--json), one object: underlying, timestamp, spot, spot_source, dealer, volatility, units, total_gex, "
            + "call_gex, put_gex, zero_gamma (number or null), zero_gamma_crossings, zero_gamma_description, call_wall "
            + "and put_wall (strike or null) with call_wall_gex, call_wall_open_interest, put_wall_gex, "
            + "put_wall_open_interest, by_strike [{strike, call_gex, put_gex, net_gex, call_open_interest, "
            + "put_open_interest}], by_expiry [{expiry, expiration, days, t, call_gex, put_gex, net_gex, "
            + "call_open_interest, put_open_interest}], profile [{spot, gex}], options [{symbol, type, strike, "
            + "expiration, open_interest, iv, forward, t, gamma (per USD of the forward), gamma_spot (per USD of "
            + "spot), gex, line}], rows_read, options_used, "
            + "rows_superseded, skipped {reason: count}.",
        "",
        "--png draws the profile (with the zero line, spot and the zero-gamma level) above the call and put GEX of "
            + "each strike within the range."},
    optionListHeading = "%nOptions:%n",
    footerHeading = "%n",
    footer = {
        "Examples:",
        "  netgamma gex --chain samples/btc-options-chain.csv",
        "  netgamma gex --chain chain.csv --json > gex.json",
        "  netgamma gex --chain chain.csv --png gex.png --range 0.3 --points 121",
        "  netgamma gex --chain btc_eth.csv --underlying ETH --dealer short-all",
        "",
        "Bad rows are skipped with their line and reason on stderr and counted in the closing summary on stderr.",
        "Exit codes: 0 success; 1 no option could be used; 2 usage error or bad file; 3 internal error."})
final class GexCommand implements Callable<Integer> {

  /** Reason (counted in the summary) for an option expired at its row's timestamp or at the valuation instant. */
  static final String EXPIRED = GexExclusion.EXPIRED;
  /** Reason for a row without open interest. */
  static final String NO_OPEN_INTEREST = GexExclusion.NO_OPEN_INTEREST;
  /** Reason for a row without a mark implied volatility (0). */
  static final String NO_MARK_IV = "no mark IV";
  /** Reason for rows of another underlying than the one computed. */
  static final String OTHER_UNDERLYING = "other underlying";

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--chain", required = true, paramLabel = "FILE",
      description = "Tardis.dev options_chain CSV file (plain or .gz), e.g. samples/btc-options-chain.csv")
  Path chain;

  @Option(names = "--json", description = "print one JSON object instead of tables")
  boolean json;

  @Option(names = "--png", paramLabel = "FILE", description = "also draw the GEX profile and GEX by strike to this "
      + "PNG file")
  Path png;

  @Option(names = "--underlying", paramLabel = "COIN", description = "the underlying (e.g. BTC); needed only when "
      + "the chain holds options of several")
  String underlying;

  @Option(names = "--dealer", paramLabel = "CONVENTION", defaultValue = "long-calls-short-puts",
      converter = DealerConverter.class, description = "who holds the open interest: long-calls-short-puts, short-all "
      + "or long-all (above); default ${DEFAULT-VALUE}")
  DealerConvention dealer;

  @Option(names = "--range", paramLabel = "R", defaultValue = "0.2", description = "half-width of the profile's "
      + "spot range as a fraction of spot (0.2 = +/-20%%), in (0, 0.95]; default ${DEFAULT-VALUE}")
  double range;

  @Option(names = "--points", paramLabel = "N", defaultValue = "81", description = "spot levels of the profile, "
      + "3 to 100001 (odd puts spot on the grid); default ${DEFAULT-VALUE}")
  int points;

  @Option(names = "--spot", paramLabel = "USD", description = "spot (index) price to quote GEX at and centre the "
      + "range on; default: the forward of the nearest expiry")
  Double spot;

  @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "options listed in the table of the "
      + "largest |GEX|; default ${DEFAULT-VALUE}")
  int top;

  /** Parses {@code --dealer} with {@link DealerConvention#parse}. */
  static final class DealerConverter implements CommandLine.ITypeConverter<DealerConvention> {
    @Override
    public DealerConvention convert(String value) {
      try {
        return DealerConvention.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    if (!(range > 0 && range <= 0.95)) {
      throw new CommandLine.ParameterException(cl, "--range must be a fraction of spot in (0, 0.95] (0.2 = +/-20%), "
          + "got " + range);
    }
    if (points < 3 || points > GexSettings.MAX_POINTS) {
      throw new CommandLine.ParameterException(cl, "--points must be between 3 and " + GexSettings.MAX_POINTS
          + ", got " + points);
    }
    if (spot != null && !(spot > 0 && spot < Double.POSITIVE_INFINITY)) {
      throw new CommandLine.ParameterException(cl, "--spot must be a price in USD > 0, got " + spot);
    }
    if (top < 0) {
      throw new CommandLine.ParameterException(cl, "--top must be >= 0, got " + top);
    }
    PrintWriter out = cl.getOut();
    PrintWriter err = cl.getErr();
    SurfaceCommand.Messages messages = new SurfaceCommand.Messages(err, ChainCommand.MAX_ROW_MESSAGES);
    LatestChainRows rows = LatestChainRows.read(chain, messages);
    Map<String, Long> skipped = new LinkedHashMap<>(rows.skipped());

    Set<String> coins = new LinkedHashSet<>();
    for (ChainRow r : rows.rows()) {
      coins.add(r.instrument().underlying());
    }
    String coin;
    if (underlying != null) {
      coin = underlying.trim().toUpperCase(Locale.ROOT);
    } else if (coins.size() > 1) {
      throw new CommandLine.ParameterException(cl, "--underlying is needed: " + chain + " holds options of "
          + String.join(" and ", coins));
    } else {
      coin = coins.isEmpty() ? null : coins.iterator().next();
    }
    Instant latest = rows.latestTimestamp();
    Built built = coin == null || latest == null ? null : build(rows, coin, latest.toEpochMilli(), skipped, messages);

    GexReport report = null;
    if (built != null && !built.input().options().isEmpty()) {
      report = GammaExposure.DEFAULT.compute(built.input(), new GexSettings(dealer, range, points, null));
      for (GexExclusion e : report.excluded()) {
        skipped.merge(e.reason(), 1L, Long::sum);
        ChainRow row = built.bySymbol().get(e.label());
        messages.add(chain + ":" + (row == null ? "?" : row.line()) + ": skipped: " + e.label() + " (" + e.reason()
            + "): " + e.detail());
      }
    }
    int used = report == null ? 0 : report.options().size();
    if (report != null && used > 0) {
      if (json) {
        out.println(ChainCommand.Json.MAPPER.writeValueAsString(toJson(report, built, rows, skipped)));
      } else {
        printTables(out, report, built);
      }
      out.flush();
      if (png != null) {
        GexChart.writePng(report, png);
      }
    }
    summary(err, rows, skipped, used, coin);
    if (coin != null && underlying != null && !coins.contains(coin) && !coins.isEmpty()) {
      err.println("no " + coin + " option in " + chain + " (have: " + String.join(", ", coins) + ")");
    } else if (coin != null && used == 0 && !rows.rows().isEmpty()) {
      err.println("no " + coin + " option with open interest and a mark IV that has not expired: no GEX");
    }
    err.flush();
    return used == 0 ? Main.EXIT_NOTHING_PROCESSED : Main.EXIT_OK;
  }

  private void summary(PrintWriter err, LatestChainRows rows, Map<String, Long> skipped, int used, String coin) {
    StringBuilder text = new StringBuilder();
    text.append(rows.summary().rowsRead()).append(rows.summary().rowsRead() == 1 ? " row" : " rows").append(" read, ")
        .append(used).append(used == 1 ? " option" : " options").append(" in the GEX")
        .append(coin == null ? "" : " of " + coin);
    long total = skipped.values().stream().mapToLong(Long::longValue).sum();
    text.append(", ").append(total).append(" skipped");
    ChainCommand.appendCounts(text, skipped);
    if (rows.superseded() > 0) {
      text.append(", ").append(rows.superseded()).append(" superseded by a later row");
    }
    if (png != null && used > 0) {
      text.append("; chart drawn to ").append(png);
    }
    err.println(text);
  }

  // ------------------------------------------------------------------------------------------------- the input

  /**
   * The GEX input built from a chain, and where it came from.
   *
   * @param input the options of the underlying with open interest and a mark IV
   * @param bySymbol the row of each option in the input, for messages and JSON
   * @param spotSource where the spot came from ({@code --spot}, or the nearest expiry's forward)
   */
  record Built(GexInput input, Map<String, ChainRow> bySymbol, String spotSource) {
  }

  /**
   * The input of one underlying: rows of other underlyings are counted as {@link #OTHER_UNDERLYING}, rows without
   * open interest or mark IV are skipped with a message; IVs are restated at the valuation instant {@code now}.
   */
  Built build(LatestChainRows rows, String coin, long now, Map<String, Long> skipped, SurfaceCommand.Messages messages) {
    List<GexOption> options = new ArrayList<>();
    Map<String, ChainRow> bySymbol = new HashMap<>();
    long nearest = Long.MAX_VALUE; // the nearest unexpired expiry
    long last = Long.MIN_VALUE;
    for (ChainRow r : rows.rows()) {
      if (!r.instrument().underlying().equals(coin)) {
        skipped.merge(OTHER_UNDERLYING, 1L, Long::sum);
        continue;
      }
      long expiry = r.expiration().toEpochMilli();
      last = Math.max(last, expiry);
      if (expiry > now) {
        nearest = Math.min(nearest, expiry);
      }
      if (!(r.markIvFraction() > 0)) {
        skip(skipped, messages, r, NO_MARK_IV, "mark_iv is " + r.markIvFraction() * 100 + "%");
        continue;
      }
      if (r.openInterest().isEmpty()) {
        skip(skipped, messages, r, NO_OPEN_INTEREST, "the open_interest cell is empty");
        continue;
      }
      double t = YearFraction.act365(now, expiry);
      // same total variance σ²·t at the valuation instant, hence the same price and gamma (an option expired at the
      // valuation instant keeps its IV: the calculation leaves it out and counts it)
      double iv = t > 0 ? r.markIvFraction() * Math.sqrt(r.yearsToExpiry() / t) : r.markIvFraction();
      options.add(new GexOption(r.symbol(), r.type(), r.strike(), expiry, r.openInterest().getAsDouble(), iv,
          r.underlyingPrice()));
      bySymbol.put(r.symbol(), r);
    }
    if (last == Long.MIN_VALUE) {
      return null; // no row of this underlying
    }
    double s;
    String source;
    if (spot != null) {
      s = spot;
      source = "--spot";
    } else {
      // every option expired at the valuation instant: any forward will do, the calculation leaves them all out
      long expiry = nearest != Long.MAX_VALUE ? nearest : last;
      s = median(rows.rows().stream().filter(r -> r.instrument().underlying().equals(coin)
          && r.expiration().toEpochMilli() == expiry).mapToDouble(ChainRow::underlyingPrice).toArray());
      source = "forward of the nearest expiry, " + expiryName(coin, expiry);
    }
    return new Built(new GexInput(coin, s, now, options, List.of()), bySymbol, source);
  }

  private void skip(Map<String, Long> skipped, SurfaceCommand.Messages messages, ChainRow r, String reason, String detail) {
    skipped.merge(reason, 1L, Long::sum);
    messages.add(chain + ":" + r.line() + ": skipped: " + r.symbol() + " (" + reason + "): " + detail);
  }

  // ------------------------------------------------------------------------------------------------- output

  private static String usd(double v) {
    return String.format(Locale.ROOT, "%,.0f", v);
  }

  private static String signedUsd(double v) {
    return String.format(Locale.ROOT, "%+,.0f", v);
  }

  private static String price(double v) {
    return String.format(Locale.ROOT, "%,.2f", v);
  }

  private static String coins(double v) {
    return String.format(Locale.ROOT, "%,.1f", v);
  }

  /** Deribit's name of an expiry: {@code BTC-26JUN20}. */
  static String expiryName(String coin, long millis) {
    return coin + "-" + Instrument.formatDate(LocalDate.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
  }

  private static final String STRIKE_ROW = "%-12s %12s %12s %18s %18s %18s%n";
  private static final String EXPIRY_ROW = "%-14s %8s %12s %12s %18s %18s %18s%n";
  private static final String TOP_ROW = "%-26s %-4s %12s %7s %8s %12s %18s%n";
  private static final String PROFILE_ROW = "%14s %8s %18s%n";

  private void printTables(PrintWriter out, GexReport r, Built built) {
    String coin = r.underlying();
    out.printf(Locale.ROOT, "%s dealer gamma exposure (GEX) at %s%n", coin, r.valuation());
    out.printf(Locale.ROOT, "spot %s USD (%s); dealers %s; volatility %s%n", price(r.spot()), built.spotSource(),
        r.dealer().label(), r.volatilityRule().label());
    out.println("GEX = sign x gamma (per USD of spot) x open interest (coin) x spot^2 x 1%, in USD per 1% move of "
        + "spot; positive = dealers long gamma");
    out.println();
    out.println("by strike");
    out.printf(Locale.ROOT, STRIKE_ROW, "strike", "call OI", "put OI", "call GEX", "put GEX", "net GEX");
    out.printf(Locale.ROOT, STRIKE_ROW, "(USD)", "(coin)", "(coin)", "(USD/1%)", "(USD/1%)", "(USD/1%)");
    for (StrikeGex s : r.byStrike()) {
      out.printf(Locale.ROOT, STRIKE_ROW, price(s.strike()), coins(s.callOpenInterest()), coins(s.putOpenInterest()),
          signedUsd(s.callGex()), signedUsd(s.putGex()), signedUsd(s.netGex()));
    }
    out.println();
    out.println("by expiry");
    out.printf(Locale.ROOT, EXPIRY_ROW, "expiry", "days", "call OI", "put OI", "call GEX", "put GEX", "net GEX");
    out.printf(Locale.ROOT, EXPIRY_ROW, "08:00 UTC", "", "(coin)", "(coin)", "(USD/1%)", "(USD/1%)", "(USD/1%)");
    for (ExpiryGex e : r.byExpiry()) {
      out.printf(Locale.ROOT, EXPIRY_ROW, expiryName(coin, e.expiryMillis()),
          String.format(Locale.ROOT, "%.2f", e.t() * YearFraction.DAYS_PER_YEAR), coins(e.callOpenInterest()),
          coins(e.putOpenInterest()), signedUsd(e.callGex()), signedUsd(e.putGex()), signedUsd(e.netGex()));
    }
    List<OptionGex> largest = r.options().stream()
        .sorted(Comparator.comparingDouble((OptionGex o) -> -Math.abs(o.gex()))).limit(top).toList();
    if (!largest.isEmpty()) {
      out.println();
      out.println("top " + largest.size() + " options by |GEX|");
      out.printf(Locale.ROOT, TOP_ROW, "symbol", "type", "OI", "iv", "days", "gamma", "GEX");
      out.printf(Locale.ROOT, TOP_ROW, "", "", "(coin)", "(%)", "", "(per USD F)", "(USD/1%)");
      for (OptionGex o : largest) {
        out.printf(Locale.ROOT, TOP_ROW, o.option().label(), o.option().type().isCall() ? "call" : "put",
            coins(o.option().openInterest()), String.format(Locale.ROOT, "%.2f", 100 * o.vol()),
            String.format(Locale.ROOT, "%.2f", o.t() * YearFraction.DAYS_PER_YEAR),
            String.format(Locale.ROOT, "%.3e", o.gammaForward()), signedUsd(o.gex()));
      }
    }
    out.println();
    GexProfile p = r.profile();
    int step = Math.max(1, (p.size() - 1) / 8);
    out.println("profile (full revaluation; every " + (step == 1 ? "" : step + "th ") + "of " + p.size()
        + " levels)");
    out.printf(Locale.ROOT, PROFILE_ROW, "spot", "change", "GEX");
    out.printf(Locale.ROOT, PROFILE_ROW, "(USD)", "(%)", "(USD/1%)");
    for (int i = 0; i < p.size(); i += step) {
      printProfileRow(out, r, i);
    }
    if ((p.size() - 1) % step != 0) {
      printProfileRow(out, r, p.size() - 1);
    }
    out.println();
    out.printf(Locale.ROOT, "%-12s %s%n", "call wall", wall(r.callWall(), "call"));
    out.printf(Locale.ROOT, "%-12s %s%n", "put wall", wall(r.putWall(), "put"));
    out.printf(Locale.ROOT, "%-12s %s%n", "zero gamma", r.zeroGamma().description());
    out.printf(Locale.ROOT, "%-12s %s USD per 1%% move of spot (calls %s, puts %s)%n", "total GEX",
        signedUsd(r.totalGex()), signedUsd(r.callGex()), signedUsd(r.putGex()));
  }

  private static void printProfileRow(PrintWriter out, GexReport r, int i) {
    GexProfile p = r.profile();
    out.printf(Locale.ROOT, PROFILE_ROW, price(p.spot(i)), String.format(Locale.ROOT, "%+.1f",
        100 * (p.spot(i) / r.spot() - 1)), signedUsd(p.gex(i)));
  }

  private static String wall(Optional<GexWall> wall, String kind) {
    return wall.map(w -> "strike " + price(w.strike()) + " USD: " + kind + " GEX " + signedUsd(w.gex())
        + " USD per 1%, open interest " + coins(w.openInterest()) + " coin").orElse("none (no " + kind
            + " open interest)");
  }

  private ObjectNode toJson(GexReport r, Built built, LatestChainRows rows, Map<String, Long> skipped) {
    ObjectNode root = ChainCommand.Json.MAPPER.createObjectNode();
    root.put("chain", chain.toString());
    root.put("underlying", r.underlying());
    root.put("timestamp", r.valuation().toString());
    root.put("spot", r.spot());
    root.put("spot_source", built.spotSource());
    root.put("dealer", r.dealer().label());
    root.put("volatility", r.volatilityRule().label());
    root.put("units", "USD per 1% move of spot");
    root.put("total_gex", r.totalGex());
    root.put("call_gex", r.callGex());
    root.put("put_gex", r.putGex());
    if (r.zeroGamma().found()) {
      root.put("zero_gamma", r.zeroGamma().level().getAsDouble());
    } else {
      root.putNull("zero_gamma");
    }
    ArrayNode crossings = root.putArray("zero_gamma_crossings");
    r.zeroGamma().crossings().forEach(crossings::add);
    root.put("zero_gamma_description", r.zeroGamma().description());
    putWall(root, "call_wall", r.callWall());
    putWall(root, "put_wall", r.putWall());
    ArrayNode strikes = root.putArray("by_strike");
    for (StrikeGex s : r.byStrike()) {
      ObjectNode o = strikes.addObject();
      o.put("strike", s.strike());
      o.put("call_gex", s.callGex());
      o.put("put_gex", s.putGex());
      o.put("net_gex", s.netGex());
      o.put("call_open_interest", s.callOpenInterest());
      o.put("put_open_interest", s.putOpenInterest());
    }
    ArrayNode expiries = root.putArray("by_expiry");
    for (ExpiryGex e : r.byExpiry()) {
      ObjectNode o = expiries.addObject();
      o.put("expiry", expiryName(r.underlying(), e.expiryMillis()));
      o.put("expiration", e.expiry().toString());
      o.put("days", e.t() * YearFraction.DAYS_PER_YEAR);
      o.put("t", e.t());
      o.put("call_gex", e.callGex());
      o.put("put_gex", e.putGex());
      o.put("net_gex", e.netGex());
      o.put("call_open_interest", e.callOpenInterest());
      o.put("put_open_interest", e.putOpenInterest());
    }
    ArrayNode profile = root.putArray("profile");
    GexProfile p = r.profile();
    for (int i = 0; i < p.size(); i++) {
      ObjectNode o = profile.addObject();
      o.put("spot", p.spot(i));
      o.put("gex", p.gex(i));
    }
    ArrayNode options = root.putArray("options");
    for (OptionGex g : r.options()) {
      ObjectNode o = options.addObject();
      GexOption x = g.option();
      o.put("symbol", x.label());
      o.put("type", x.type().name().toLowerCase(Locale.ROOT));
      o.put("strike", x.strike());
      o.put("expiration", Instant.ofEpochMilli(x.expiryMillis()).toString());
      o.put("open_interest", x.openInterest());
      o.put("iv", g.vol());
      o.put("forward", x.forward());
      o.put("t", g.t());
      o.put("gamma", g.gammaForward());
      o.put("gamma_spot", g.gammaSpot());
      o.put("gex", g.gex());
      ChainRow row = built.bySymbol().get(x.label());
      if (row != null) {
        o.put("line", row.line());
      }
    }
    root.put("rows_read", rows.summary().rowsRead());
    root.put("options_used", r.options().size());
    root.put("rows_superseded", rows.superseded());
    ObjectNode reasons = root.putObject("skipped");
    skipped.forEach(reasons::put);
    return root;
  }

  private static void putWall(ObjectNode root, String name, Optional<GexWall> wall) {
    if (wall.isPresent()) {
      root.put(name, wall.get().strike());
      root.put(name + "_gex", wall.get().gex());
      root.put(name + "_open_interest", wall.get().openInterest());
    } else {
      root.putNull(name);
      root.putNull(name + "_gex");
      root.putNull(name + "_open_interest");
    }
  }
}
