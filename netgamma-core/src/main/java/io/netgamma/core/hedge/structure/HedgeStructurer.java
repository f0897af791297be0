package io.netgamma.core.hedge.structure;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.base.MissingMarketDataException;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.OptionType;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.Quote;
import io.netgamma.core.market.VolatilitySurface;
import io.netgamma.core.pricing.Black76;
import io.netgamma.core.pricing.OptionGreeks;
import io.netgamma.core.math.BrentSolver;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;

/**
 * Builds, sizes and prices a {@link StructureRequest} on a {@link MarketSnapshot}. Stateless; use {@link #DEFAULT}.
 *
 * <p>Pricing: Black-76 on the forward of the expiry from the snapshot's forward curve, rate 0, at the volatility
 * surface's volatility for the strike (the portfolio valuation's rule), or, without a surface, at a listed option's mark
 * IV. Every leg is on the holding's quantity.
 *
 * <p>Choices (each one reported in {@link HedgeStructure#notes()}):
 * <ul>
 *   <li>expiry: the request's, else the listed expiry nearest {@code targetDays} (options of the request's underlying
 *       and settlement in the snapshot), else that day at 08:00 UTC;
 *   <li>a strike given or defaulted (90% of the forward for the put, 75% for a put spread's lower put) becomes the
 *       nearest listed strike of that expiry and type when there is one;
 *   <li>a solved strike (protective put to a budget; the collar's call to the budget, 0 = zero-cost; the put spread's
 *       lower put to the budget): the premium as a function of the strike is continuous and monotone, and Brent's
 *       method ({@link BrentSolver}) finds the strike where the net premium equals the budget to 1e-9 of the forward
 *       on the surface; then, of the two listed strikes around it, the one whose net premium is nearer the budget, or,
 *       with none listed, the root rounded to a cent. Without a surface only listed strikes (mark IV) are tried.
 * </ul>
 */
public final class HedgeStructurer {

  /** The shared instance. */
  public static final HedgeStructurer DEFAULT = new HedgeStructurer();

  /** Default put strike as a fraction of the forward. */
  public static final double DEFAULT_PUT_MONEYNESS = 0.90;
  /** Default lower put strike of a put spread as a fraction of the forward. */
  public static final double DEFAULT_LOWER_PUT_MONEYNESS = 0.75;

  private static final double STRIKE_TOLERANCE = 1e-9;

  private HedgeStructurer() {
  }

  /**
   * Builds the structure.
   *
   * @throws MissingMarketDataException when the snapshot has no index for the underlying, or no volatility for a strike
   * @throws IllegalArgumentException when the request cannot be met (a budget no strike reaches, strikes in the wrong
   *     order after snapping to listed ones), with the numbers
   */
  public HedgeStructure build(StructureRequest request, MarketSnapshot market) {
    ArgChecker.notNull(request, "request");
    ArgChecker.notNull(market, "market");
    Context c = new Context(request, market);
    double q = request.holdingCoins();
    List<StructureLeg> legs = new ArrayList<>();
    switch (request.kind()) {
      case PROTECTIVE_PUT -> {
        double kp;
        if (!Double.isNaN(request.putStrike())) {
          kp = c.given(request.putStrike(), OptionType.PUT, "put strike");
        } else if (request.hasBudget()) {
          kp = c.solveProtectivePut(q, request.budgetUsd());
        } else {
          kp = c.given(DEFAULT_PUT_MONEYNESS * c.forward, OptionType.PUT, "put strike (default 90% of the forward)");
        }
        legs.add(c.leg(OptionType.PUT, kp, q));
      }
      case COLLAR -> {
        double kp = Double.isNaN(request.putStrike())
            ? c.given(DEFAULT_PUT_MONEYNESS * c.forward, OptionType.PUT, "put strike (default 90% of the forward)")
            : c.given(request.putStrike(), OptionType.PUT, "put strike");
        double kc = Double.isNaN(request.callStrike())
            ? c.solveCollarCall(q, kp, request.hasBudget() ? request.budgetUsd() : 0.0)
            : c.given(request.callStrike(), OptionType.CALL, "call strike");
        if (!(kc > kp)) {
          throw new IllegalArgumentException("collar: the call strike " + fmt(kc) + " is not above the put strike "
              + fmt(kp) + " after choosing listed strikes");
        }
        legs.add(c.leg(OptionType.PUT, kp, q));
        legs.add(c.leg(OptionType.CALL, kc, -q));
      }
      case PUT_SPREAD -> {
        double kp = Double.isNaN(request.putStrike())
            ? c.given(DEFAULT_PUT_MONEYNESS * c.forward, OptionType.PUT, "put strike (default 90% of the forward)")
            : c.given(request.putStrike(), OptionType.PUT, "put strike");
        double kl;
        if (!Double.isNaN(request.lowerPutStrike())) {
          kl = c.given(request.lowerPutStrike(), OptionType.PUT, "lower put strike");
        } else if (request.hasBudget()) {
          kl = c.solvePutSpread(q, kp, request.budgetUsd());
        } else {
          kl = c.given(DEFAULT_LOWER_PUT_MONEYNESS * c.forward, OptionType.PUT,
              "lower put strike (default 75% of the forward)");
        }
        if (!(kl < kp)) {
          throw new IllegalArgumentException("put spread: the lower put strike " + fmt(kl) + " is not below the put "
              + "strike " + fmt(kp) + " after choosing listed strikes");
        }
        legs.add(c.leg(OptionType.PUT, kp, q));
        legs.add(c.leg(OptionType.PUT, kl, -q));
      }
      default -> throw new IllegalStateException("unknown kind " + request.kind());
    }
    return c.assemble(legs);
  }

  static String fmt(double usd) {
    return String.format(Locale.ROOT, "%,.2f", usd);
  }

  /** Everything about one build: the market of the expiry, the listed strikes, the notes. */
  private static final class Context {
    final StructureRequest request;
    final MarketSnapshot market;
    final String underlying;
    final double spot;
    final long valuation;
    final long expiry;
    final LocalDate expiryDate;
    final double t;
    final double forward;
    final VolatilitySurface surface;
    final TreeMap<Double, Quote> listedPuts;
    final TreeMap<Double, Quote> listedCalls;
    final List<String> notes = new ArrayList<>();

    Context(StructureRequest request, MarketSnapshot market) {
      this.request = request;
      this.market = market;
      this.underlying = request.underlying();
      this.spot = market.index(underlying);
      this.valuation = market.timestamp().toEpochMilli();
      this.surface = market.surface(underlying).orElse(null);
      Map<Long, TreeMap<Double, Quote>> puts = new HashMap<>();
      Map<Long, TreeMap<Double, Quote>> calls = new HashMap<>();
      for (Quote quote : market.quotes()) {
        Instrument i = quote.instrument();
        if (i.isOption() && i.underlying().equals(underlying) && i.settlement() == request.settlement()
            && i.expiry().toEpochMilli() > valuation) {
          (i.optionType() == OptionType.PUT ? puts : calls)
              .computeIfAbsent(i.expiry().toEpochMilli(), e -> new TreeMap<>()).put(i.strike(), quote);
        }
      }
      this.expiry = chooseExpiry(puts, calls);
      this.expiryDate = LocalDate.ofInstant(Instant.ofEpochMilli(expiry), ZoneOffset.UTC);
      this.t = YearFraction.act365(valuation, expiry);
      this.forward = market.forwardCurve(underlying).forward(expiry);
      this.listedPuts = puts.getOrDefault(expiry, new TreeMap<>());
      this.listedCalls = calls.getOrDefault(expiry, new TreeMap<>());
      if (surface == null) {
        notes.add("no volatility surface for " + underlying + ": options priced at their mark IV, listed strikes only");
      }
    }

    private long chooseExpiry(Map<Long, TreeMap<Double, Quote>> puts, Map<Long, TreeMap<Double, Quote>> calls) {
      java.util.TreeSet<Long> listed = new java.util.TreeSet<>(puts.keySet());
      listed.addAll(calls.keySet());
      if (request.expiry() != null) {
        long e = request.expiry().toEpochMilli();
        LocalDate date = LocalDate.ofInstant(request.expiry(), ZoneOffset.UTC);
        if (date.atTime(Instrument.EXPIRY_TIME).toInstant(ZoneOffset.UTC).toEpochMilli() != e) {
          throw new IllegalArgumentException("expiry " + request.expiry() + " is not at 08:00 UTC (Deribit's expiry "
              + "time)");
        }
        if (e <= valuation) {
          throw new IllegalArgumentException("expiry " + request.expiry() + " is not after the market's instant "
              + market.timestamp());
        }
        notes.add("expiry " + date + (listed.contains(e) ? " (listed)" : " (not listed: options valued from the "
            + "curve and surface)"));
        return e;
      }
      double targetMillis = valuation + request.targetDays() * 86_400_000.0;
      if (!listed.isEmpty()) {
        long best = listed.first();
        for (long e : listed) {
          if (Math.abs(e - targetMillis) < Math.abs(best - targetMillis)) {
            best = e;
          }
        }
        notes.add(String.format(Locale.ROOT, "expiry %s: the listed expiry nearest %s days (%.1f days)",
            LocalDate.ofInstant(Instant.ofEpochMilli(best), ZoneOffset.UTC), trim(request.targetDays()),
            (best - valuation) / 86_400_000.0));
        return best;
      }
      LocalDate date = LocalDate.ofInstant(Instant.ofEpochMilli((long) targetMillis), ZoneOffset.UTC);
      long e = date.atTime(Instrument.EXPIRY_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
      if (e <= valuation) {
        e = date.plusDays(1).atTime(Instrument.EXPIRY_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
      }
      notes.add("expiry " + LocalDate.ofInstant(Instant.ofEpochMilli(e), ZoneOffset.UTC) + ": " + trim(
          request.targetDays()) + " days ahead at 08:00 UTC (no listed " + underlying + " " + request.settlement()
          .name().toLowerCase(Locale.ROOT) + " options)");
      return e;
    }

    TreeMap<Double, Quote> listed(OptionType type) {
      return type == OptionType.PUT ? listedPuts : listedCalls;
    }

    /** A given (or default) strike, moved to the nearest listed strike of its type when there are listed ones. */
    double given(double strike, OptionType type, String what) {
      TreeMap<Double, Quote> listed = listed(type);
      if (listed.isEmpty()) {
        if (surface == null) {
          throw new MissingMarketDataException("no volatility surface for " + underlying + " and no listed "
              + type.name().toLowerCase(Locale.ROOT) + " at " + expiryDate + " to price the " + what);
        }
        notes.add(what + " " + fmt(strike));
        return strike;
      }
      Double lo = listed.floorKey(strike);
      Double hi = listed.ceilingKey(strike);
      double chosen = lo == null ? hi : hi == null ? lo : (strike - lo <= hi - strike ? lo : hi);
      notes.add(what + " " + fmt(chosen) + (chosen == strike ? " (listed)" : " (the listed strike nearest "
          + fmt(strike) + ")"));
      return chosen;
    }

    /** Black-76 per 1 coin at {@code strike}. */
    OptionGreeks greeks(OptionType type, double strike) {
      return Black76.DEFAULT.greeks(type, forward, strike, t, volatility(type, strike));
    }

    double volatility(OptionType type, double strike) {
      if (surface != null) {
        return surface.volatility(strike, expiry);
      }
      Quote quote = listed(type).get(strike);
      if (quote == null || !quote.hasMarkIv()) {
        throw new MissingMarketDataException("no volatility surface for " + underlying + " and no mark IV for the "
            + type.name().toLowerCase(Locale.ROOT) + " " + fmt(strike) + " at " + expiryDate);
      }
      return quote.markIv();
    }

    double price(OptionType type, double strike) {
      return greeks(type, strike).priceUsd();
    }

    StructureLeg leg(OptionType type, double strike, double quantity) {
      Quote quote = listed(type).get(strike);
      Instrument instrument = quote != null ? quote.instrument()
          : Instrument.option(underlying, request.settlement(), expiryDate, strike, type);
      double vol = volatility(type, strike);
      OptionGreeks g = Black76.DEFAULT.greeks(type, forward, strike, t, vol);
      OptionalDouble executable = OptionalDouble.empty();
      if (quote != null && quote.hasTwoSidedQuote()) {
        double price = quantity > 0 ? quote.ask() : quote.bid();
        double usd = instrument.isInverse() ? price * forward : price;
        executable = OptionalDouble.of(quantity * usd);
      }
      return new StructureLeg(instrument, quote != null, quantity, forward, vol, t, g, quantity * g.priceUsd(),
          quantity * g.priceCoin(), executable);
    }

    // ---- solving strikes

    double solveProtectivePut(double q, double budget) {
      if (!(budget > 0)) {
        throw new IllegalArgumentException("protective put: a budget must be > 0 USD to buy puts with, got "
            + fmt(budget) + " (or give the put strike)");
      }
      DoubleUnaryOperator cost = k -> q * price(OptionType.PUT, k) - budget; // increasing in k
      double lo = 0.2 * forward;
      double hi = 1.5 * forward;
      return solve(cost, lo, hi, OptionType.PUT, "put strike solved for a premium of " + fmt(budget) + " USD",
          "protective put: a budget of " + fmt(budget) + " USD buys no put above 20% of the forward ("
              + fmt(lo) + ")",
          "protective put: a budget of " + fmt(budget) + " USD is more than puts at 150% of the forward cost",
          k -> true);
    }

    double solveCollarCall(double q, double putStrike, double budget) {
      double put = q * price(OptionType.PUT, putStrike);
      DoubleUnaryOperator net = k -> put - q * price(OptionType.CALL, k) - budget; // increasing in k
      double lo = putStrike * (1 + STRIKE_TOLERANCE);
      double hi = 5.0 * forward;
      String target = budget == 0 ? "a zero-cost collar" : "a net premium of " + fmt(budget) + " USD";
      return solve(net, lo, hi, OptionType.CALL, "call strike solved for " + target,
          "collar: a net premium of " + fmt(budget) + " USD needs more than calls at the put strike " + fmt(putStrike)
              + " pay",
          "collar: a budget of " + fmt(budget) + " USD pays for the puts alone (" + fmt(put) + " USD): no call needs "
              + "selling; ask for a protective put",
          k -> k > putStrike);
    }

    double solvePutSpread(double q, double putStrike, double budget) {
      if (!(budget > 0)) {
        throw new IllegalArgumentException("put spread: a budget must be > 0 USD (a put spread costs money), got "
            + fmt(budget) + " (or give the lower put strike)");
      }
      double put = q * price(OptionType.PUT, putStrike);
      // increasing in k when written as budget − net: the net premium falls as the lower strike rises
      DoubleUnaryOperator shortfall = k -> budget - (put - q * price(OptionType.PUT, k));
      double lo = 0.1 * forward;
      double hi = putStrike * (1 - STRIKE_TOLERANCE);
      return solve(shortfall, lo, hi, OptionType.PUT, "lower put strike solved for a net premium of " + fmt(budget)
              + " USD",
          "put spread: a budget of " + fmt(budget) + " USD covers the whole put (" + fmt(put) + " USD): ask for a "
              + "protective put",
          "put spread: no lower strike below " + fmt(putStrike) + " gives a net premium of " + fmt(budget) + " USD",
          k -> k < putStrike);
    }

    /**
     * The strike where {@code f} (increasing) is 0: on the surface by Brent's method, then the listed neighbour with
     * the smaller |f|; without a surface the listed strike with the smallest |f|.
     */
    private double solve(DoubleUnaryOperator f, double lo, double hi, OptionType type, String what,
        String tooLow, String tooHigh, java.util.function.DoublePredicate allowed) {
      TreeMap<Double, Quote> listed = listed(type);
      if (surface == null) {
        double best = Double.NaN;
        double bestAbs = Double.POSITIVE_INFINITY;
        for (double k : listed.keySet()) {
          if (allowed.test(k) && listed.get(k).hasMarkIv()) {
            double v = Math.abs(f.applyAsDouble(k));
            if (v < bestAbs) {
              best = k;
              bestAbs = v;
            }
          }
        }
        if (Double.isNaN(best)) {
          throw new MissingMarketDataException("no volatility surface for " + underlying + " and no listed "
              + type.name().toLowerCase(Locale.ROOT) + " with a mark IV at " + expiryDate + " to solve the " + what);
        }
        notes.add(what + ": the listed strike nearest, " + fmt(best) + " (no surface to solve on)");
        return best;
      }
      double flo = f.applyAsDouble(lo);
      double fhi = f.applyAsDouble(hi);
      if (flo > 0) {
        throw new IllegalArgumentException(tooLow);
      }
      if (fhi < 0) {
        throw new IllegalArgumentException(tooHigh);
      }
      double root = BrentSolver.root(f, lo, hi, flo, fhi, STRIKE_TOLERANCE * forward, what);
      Double below = listed.floorKey(root);
      Double above = listed.ceilingKey(root);
      double best = Double.NaN;
      double bestAbs = Double.POSITIVE_INFINITY;
      for (Double k : new Double[] {below, above}) {
        if (k != null && allowed.test(k)) {
          double v = Math.abs(f.applyAsDouble(k));
          if (v < bestAbs) {
            best = k;
            bestAbs = v;
          }
        }
      }
      if (!Double.isNaN(best)) {
        notes.add(what + ": " + fmt(root) + " on the surface; the listed " + fmt(best) + " is the nearest in premium");
        return best;
      }
      double rounded = Math.round(root * 100.0) / 100.0;
      if (!allowed.test(rounded)) {
        rounded = root;
      }
      notes.add(what + ": " + fmt(rounded));
      return rounded;
    }

    HedgeStructure assemble(List<StructureLeg> legs) {
      double q = request.holdingCoins();
      double premiumUsd = 0;
      double premiumCoin = 0;
      double executable = 0;
      boolean allExecutable = true;
      StructureGreeks greeks = StructureGreeks.ZERO;
      for (StructureLeg leg : legs) {
        premiumUsd += leg.premiumUsd();
        premiumCoin += leg.premiumCoin();
        greeks = greeks.plus(leg.quantity(), leg.perCoin());
        if (leg.executablePremiumUsd().isPresent()) {
          executable += leg.executablePremiumUsd().getAsDouble();
        } else {
          allExecutable = false;
        }
      }
      HedgeStructure.Payoff payoff = HedgeStructure.payoff(q, legs, premiumUsd, spot);
      if (request.hasBudget()) {
        double diff = premiumUsd - request.budgetUsd();
        notes.add(String.format(Locale.ROOT, "premium %s USD against a budget of %s USD (%s %s USD)", fmt(premiumUsd),
            fmt(request.budgetUsd()), diff > 0 ? "over by" : "within by", fmt(Math.abs(diff))));
      }
      double cap = payoff.cap();
      return new HedgeStructure(request.kind(), underlying, request.settlement(), q, spot, forward,
          Instant.ofEpochMilli(expiry), t, legs, premiumUsd, premiumCoin,
          allExecutable ? OptionalDouble.of(executable) : OptionalDouble.empty(),
          request.hasBudget() ? request.budgetUsd() : Double.NaN, greeks, greeks.plusSpot(q), payoff.floor(),
          Double.isNaN(cap) ? OptionalDouble.empty() : OptionalDouble.of(cap), q * spot - payoff.floor(),
          Double.isNaN(cap) ? OptionalDouble.empty() : OptionalDouble.of(cap - q * spot), payoff.breakevens(),
          notes);
    }
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
