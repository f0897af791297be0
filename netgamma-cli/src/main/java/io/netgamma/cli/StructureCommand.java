package io.netgamma.cli;

import io.netgamma.core.hedge.structure.HedgeStructure;
import io.netgamma.core.hedge.structure.HedgeStructurer;
import io.netgamma.core.hedge.structure.StructureGreeks;
import io.netgamma.core.hedge.structure.StructureKind;
import io.netgamma.core.hedge.structure.StructureLeg;
import io.netgamma.core.hedge.structure.StructureRequest;
import io.netgamma.core.instrument.Settlement;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.sim.book.DemoBook;
import io.netgamma.data.market.LoadedMarket;
import io.netgamma.data.market.MarketLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code netgamma structure}: a protective put, collar or put spread for a spot holding ({@link HedgeStructurer}),
 * priced on a market, with its greeks, floor, cap and breakevens. One instance per command line.
 */
@Command(
    name = "structure",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    headerHeading = "%n",
    header = "A protective put, collar or put spread for a spot holding: strikes, premium, greeks, floor, cap, "
        + "breakevens.",
    descriptionHeading = "%n",
    description = {
        "Every option is on the holding's quantity (--spot-holding coins). Strikes not given are chosen:",
        "  protective-put  put: solved so that the premium is --budget, else 90%% of the forward",
        "  collar          put: 90%% of the forward; call: solved so that put paid - call received = --budget",
        "                  (default 0: a zero-cost collar)",
        "  put-spread      put: 90%% of the forward; lower put: solved to --budget, else 75%% of the forward",
        "Strikes are solved on the volatility surface (Brent's method), then the listed strike of the expiry whose "
            + "premium is nearest is taken; given strikes move to the nearest listed one. Expiry: --expiry, else the "
            + "listed expiry nearest --days. Pricing: Black-76 on the expiry's forward, the surface's volatility at "
            + "the strike, rate 0.",
        "",
        "Units: strikes, spot, premiums, floor and cap in USD (per coin for strikes and spot); premium in coin = "
            + "USD / forward (how inverse BTC-... options are quoted and paid; --linear: BTC_USDC-... options, paid "
            + "in USDC); positive premium = paid. Greeks in Deribit's units: delta coins, gamma per USD, vega USD per "
            + "vol point, theta USD per day. Floor/cap: least/greatest value of holding + options at expiry, net of "
            + "the premium; max loss/gain against the holding's value now; breakevens: where the package is worth "
            + "what the holding is worth now.",
        "",
        "JSON (--json): underlying, kind, settlement, holding, spot, forward, expiry, t, premium_usd, premium_coin, "
            + "executable_premium_usd (null unless every leg is quoted two-sided), budget_usd, legs [{instrument, "
            + "listed, quantity, strike, type, volatility, price_usd, price_coin, premium_usd, premium_coin, delta, "
            + "gamma, vega, theta}], greeks {options, with_holding: {delta, delta_coin, gamma, vega, theta}}, "
            + "floor_usd, cap_usd, max_loss_usd, max_gain_usd (null when unbounded), breakevens, notes."},
    optionListHeading = "%nOptions:%n",
    footerHeading = "%n",
    footer = {
        "Examples:",
        "  netgamma structure --demo --spot-holding 10 --kind collar",
        "  netgamma structure --demo --spot-holding 10 --budget 5000 --kind put-spread --json",
        "  netgamma structure --market snapshot.json --spot-holding 2.5 --kind protective-put --put-strike 55000",
        "",
        "Exit codes: 0 success; 2 usage error, unreadable market, missing market data or a budget no strike meets "
            + "(named on stderr); 3 internal error."})
final class StructureCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--market", paramLabel = "FILE", description = "market snapshot JSON or Tardis options_chain CSV")
  Path market;

  @Option(names = "--demo", description = "use the generated BTC and ETH market of the demo")
  boolean demo;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "" + DemoBook.DEFAULT_SEED,
      description = "--demo: random seed of the market (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--underlying", paramLabel = "COIN", defaultValue = "BTC",
      description = "the coin held (default ${DEFAULT-VALUE})")
  String underlying;

  @Option(names = "--spot-holding", paramLabel = "COINS", required = true,
      description = "the holding to protect, coins (> 0)")
  double holding;

  @Option(names = "--kind", paramLabel = "KIND", defaultValue = "collar",
      description = "protective-put, collar or put-spread (default ${DEFAULT-VALUE})")
  String kind;

  @Option(names = "--budget", paramLabel = "USD", description = "net premium to pay, USD (negative: a credit)")
  Double budget;

  @Option(names = "--expiry", paramLabel = "DATE", description = "expiry date (YYYY-MM-DD, 08:00 UTC)")
  String expiry;

  @Option(names = "--days", paramLabel = "N", defaultValue = "30",
      description = "without --expiry: the listed expiry nearest N days (default ${DEFAULT-VALUE})")
  double days;

  @Option(names = "--put-strike", paramLabel = "USD", description = "the (long) put strike")
  Double putStrike;

  @Option(names = "--call-strike", paramLabel = "USD", description = "collar: the call strike")
  Double callStrike;

  @Option(names = "--lower-put-strike", paramLabel = "USD", description = "put spread: the short put strike")
  Double lowerPutStrike;

  @Option(names = "--linear", description = "USDC-settled options (BTC_USDC-...) instead of inverse ones")
  boolean linear;

  @Option(names = "--json", description = "print one JSON object instead of a table")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    StructureRequest request = request();
    MarketSnapshot snapshot;
    String source;
    if (demo) {
      if (market != null) {
        throw usage("give either --demo or --market FILE");
      }
      snapshot = DemoBook.market(seed, DemoBook.DEFAULT_VALUATION, 0.0, 0.0);
      source = "generated BTC and ETH market, seed " + seed;
    } else {
      if (market == null) {
        throw usage("give --market FILE, or --demo for a generated market");
      }
      if (spec.commandLine().getParseResult().hasMatchedOption("--seed")) {
        throw usage("--seed applies to --demo only");
      }
      SurfaceCommand.Messages messages = ReportCommand.messages(err);
      LoadedMarket loaded = MarketLoader.DEFAULT.load(market, MarketLoader.Options.DEFAULT, messages::add);
      loaded.notes().forEach(err::println);
      snapshot = loaded.snapshot();
      source = market.toString();
    }
    HedgeStructure s = HedgeStructurer.DEFAULT.build(request, snapshot);
    if (json) {
      out.println(ChainCommand.Json.MAPPER.writeValueAsString(json(s, source, snapshot)));
    } else {
      print(out, s, source, snapshot);
    }
    out.flush();
    return Main.EXIT_OK;
  }

  private StructureRequest request() {
    StructureKind k = switch (kind.trim().toLowerCase(Locale.ROOT)) {
      case "protective-put", "put" -> StructureKind.PROTECTIVE_PUT;
      case "collar" -> StructureKind.COLLAR;
      case "put-spread" -> StructureKind.PUT_SPREAD;
      default -> throw usage("--kind must be protective-put, collar or put-spread, got '" + kind + "'");
    };
    if (!(holding > 0) || Double.isInfinite(holding)) {
      throw usage("--spot-holding must be a number of coins > 0, got " + holding);
    }
    if (!(days > 0)) {
      throw usage("--days must be > 0, got " + days);
    }
    Instant expiryInstant = null;
    if (expiry != null) {
      try {
        expiryInstant = LocalDate.parse(expiry.trim()).atTime(8, 0).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw usage("--expiry must be a date YYYY-MM-DD, got '" + expiry + "'");
      }
    }
    try {
      return new StructureRequest(k, underlying.trim().toUpperCase(Locale.ROOT), holding,
          budget == null ? Double.NaN : budget, linear ? Settlement.LINEAR : Settlement.INVERSE, expiryInstant, days,
          putStrike == null ? Double.NaN : putStrike, callStrike == null ? Double.NaN : callStrike,
          lowerPutStrike == null ? Double.NaN : lowerPutStrike);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  private static void print(PrintWriter out, HedgeStructure s, String source, MarketSnapshot m) {
    String coin = s.underlying();
    out.printf(Locale.ROOT, "%s for %s %s held (market: %s, %s)%n", name(s.kind()), num(s.holdingCoins(), 4), coin,
        source, m.timestamp());
    out.printf(Locale.ROOT, "spot %s USD, forward %s USD, expiry %s (%.1f days)%n%n", num(s.spot(), 2),
        num(s.forward(), 2), s.expiry(), s.t() * 365.0);
    out.printf(Locale.ROOT, "%-28s %6s %10s %8s %14s %14s %12s %9s %12s %12s%n", "instrument", "listed", "quantity",
        "iv %", "premium USD", "premium " + coin, "price USD", "delta", "vega", "theta");
    for (StructureLeg l : s.legs()) {
      out.printf(Locale.ROOT, "%-28s %6s %10s %8.2f %14s %14s %12s %9.4f %12.2f %12.2f%n", l.instrument().name(),
          l.listed() ? "yes" : "no", num(l.quantity(), 4), 100 * l.volatility(), num(l.premiumUsd(), 2),
          num(l.premiumCoin(), 6), num(l.perCoin().priceUsd(), 2), l.quantity() * l.perCoin().delta(),
          l.quantity() * l.perCoin().vega(), l.quantity() * l.perCoin().theta());
    }
    out.println();
    out.printf(Locale.ROOT, "net premium: %s USD (%s %s)%s%s%n", num(s.premiumUsd(), 2), num(s.premiumCoin(), 6),
        s.settlement() == Settlement.INVERSE ? coin : "coin-equivalent; paid in USDC",
        s.executablePremiumUsd().isPresent() ? ", at the quotes " + num(s.executablePremiumUsd().getAsDouble(), 2)
            + " USD" : "",
        Double.isNaN(s.budgetUsd()) ? "" : ", budget " + num(s.budgetUsd(), 2) + " USD");
    greeks(out, "options", s.options());
    greeks(out, "with holding", s.withHolding());
    out.printf(Locale.ROOT, "at expiry: floor %s USD, cap %s, max loss %s USD, max gain %s%n", num(s.floorUsd(), 2),
        s.capUsd().isPresent() ? num(s.capUsd().getAsDouble(), 2) + " USD" : "none",
        num(s.maxLossUsd(), 2), s.maxGainUsd().isPresent() ? num(s.maxGainUsd().getAsDouble(), 2) + " USD"
            : "unbounded");
    StringBuilder be = new StringBuilder();
    for (double b : s.breakevens()) {
      be.append(be.length() == 0 ? "" : ", ").append(num(b, 2));
    }
    out.printf(Locale.ROOT, "breakevens (spot at expiry, USD): %s%n", be.length() == 0 ? "none" : be);
    for (String n : s.notes()) {
      out.println("  - " + n);
    }
  }

  private static void greeks(PrintWriter out, String what, StructureGreeks g) {
    out.printf(Locale.ROOT, "greeks, %-12s delta %.4f, delta_coin %.4f, gamma %.6e, vega %.2f, theta %.2f%n",
        what + ":", g.delta(), g.deltaCoin(), g.gamma(), g.vega(), g.theta());
  }

  private static String name(StructureKind k) {
    return switch (k) {
      case PROTECTIVE_PUT -> "Protective put";
      case COLLAR -> "Collar";
      case PUT_SPREAD -> "Put spread";
    };
  }

  private static String num(double v, int decimals) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", v);
  }

  private static ObjectNode json(HedgeStructure s, String source, MarketSnapshot m) {
    ObjectNode o = ChainCommand.Json.MAPPER.createObjectNode();
    o.put("market", source);
    o.put("timestamp", m.timestamp().toString());
    o.put("underlying", s.underlying());
    o.put("kind", s.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    o.put("settlement", s.settlement().name().toLowerCase(Locale.ROOT));
    o.put("holding", s.holdingCoins());
    o.put("spot", s.spot());
    o.put("forward", s.forward());
    o.put("expiry", s.expiry().toString());
    o.put("t", s.t());
    o.put("premium_usd", s.premiumUsd());
    o.put("premium_coin", s.premiumCoin());
    if (s.executablePremiumUsd().isPresent()) {
      o.put("executable_premium_usd", s.executablePremiumUsd().getAsDouble());
    } else {
      o.putNull("executable_premium_usd");
    }
    if (Double.isNaN(s.budgetUsd())) {
      o.putNull("budget_usd");
    } else {
      o.put("budget_usd", s.budgetUsd());
    }
    ArrayNode legs = o.putArray("legs");
    for (StructureLeg l : s.legs()) {
      ObjectNode j = legs.addObject();
      j.put("instrument", l.instrument().name());
      j.put("listed", l.listed());
      j.put("quantity", l.quantity());
      j.put("strike", l.strike());
      j.put("type", l.instrument().optionType().name().toLowerCase(Locale.ROOT));
      j.put("volatility", l.volatility());
      j.put("price_usd", l.perCoin().priceUsd());
      j.put("price_coin", l.perCoin().priceCoin());
      j.put("premium_usd", l.premiumUsd());
      j.put("premium_coin", l.premiumCoin());
      j.put("delta", l.quantity() * l.perCoin().delta());
      j.put("gamma", l.quantity() * l.perCoin().gamma());
      j.put("vega", l.quantity() * l.perCoin().vega());
      j.put("theta", l.quantity() * l.perCoin().theta());
    }
    ObjectNode greeks = o.putObject("greeks");
    greeks(greeks.putObject("options"), s.options());
    greeks(greeks.putObject("with_holding"), s.withHolding());
    o.put("floor_usd", s.floorUsd());
    if (s.capUsd().isPresent()) {
      o.put("cap_usd", s.capUsd().getAsDouble());
      o.put("max_gain_usd", s.maxGainUsd().getAsDouble());
    } else {
      o.putNull("cap_usd");
      o.putNull("max_gain_usd");
    }
    o.put("max_loss_usd", s.maxLossUsd());
    ArrayNode be = o.putArray("breakevens");
    s.breakevens().forEach(be::add);
    ArrayNode notes = o.putArray("notes");
    s.notes().forEach(notes::add);
    return o;
  }

  private static void greeks(ObjectNode o, StructureGreeks g) {
    o.put("delta", g.delta());
    o.put("delta_coin", g.deltaCoin());
    o.put("gamma", g.gamma());
    o.put("vega", g.vega());
    o.put("theta", g.theta());
  }
}
