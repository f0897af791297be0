package io.netgamma.core.sim.book;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.InstrumentKind;
import io.netgamma.core.instrument.OptionType;
import io.netgamma.core.instrument.Settlement;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.Quote;
import io.netgamma.core.portfolio.GreeksAggregator;
import io.netgamma.core.portfolio.NetGreeks;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.core.portfolio.PortfolioValuation;
import io.netgamma.core.portfolio.PortfolioValuer;
import io.netgamma.core.portfolio.Position;
import io.netgamma.core.portfolio.VolSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Generates a realistic, seeded desk book on a market snapshot (typically a {@link
 * io.netgamma.core.sim.market.MarketGenerator} market): the inventory a crypto options market maker accumulates
 * by quoting customers, with its futures and perpetual hedges and its collateral. Pure computation; stateless and
 * thread-safe; use {@link #DEFAULT}.
 *
 * <p><b>The options.</b> Candidates are the snapshot's options quoted two-sided with a mark IV and open interest
 * &gt; 0, expiring at least {@value #MIN_HOURS_TO_EXPIRY} hours after the snapshot. The option positions are
 * shared among the underlyings in proportion to their open interest in USD ({@code Σ OI·index}; BTC gets about
 * two thirds on a {@code btcEth} market), at least 2 each, and drawn per underlying with probability proportional
 * to open interest (weighted sampling without replacement, Efraimidis–Spirakis), so they cluster at the money and
 * on the long expiries as a real inventory does. A book with more positions than candidates draws the candidates
 * again in further rounds: the same instrument then appears in several positions (trades of several
 * sub-accounts). Each position is short with probability {@link DeskBookSpec#shortPutShare()} for a put,
 * {@link DeskBookSpec#shortCallShare()} for a call, so longs and shorts across strikes and expiries partly offset:
 * the book's net gamma is a fraction of its gross gamma. Sizes are log-normal around a USD notional of
 * {@value #MEDIAN_NOTIONAL_USD} USD (σ = 0.9, clipped to [0.1, 10] times), in whole lots of
 * {@code 10^round(log10(10,000 / index))} coins (Deribit's 0.1 BTC and 1 ETH).
 *
 * <p><b>The hedges.</b> Per underlying the options are valued ({@link PortfolioValuer#DEFAULT}: surface
 * volatilities; the quotes' mark IVs when the snapshot has no surface) and their coin-numeraire delta D
 * ({@code delta_coin}, what inverse futures and perpetuals hedge) is hedged at a ratio drawn uniformly within ±5
 * points of {@link DeskBookSpec#hedgeRatio()}: a hedge of {@code −ratio·D} coins, 60% in the inverse perpetual
 * ({@code BTC-PERPETUAL}) and 40% split evenly over the (at most {@value #HEDGE_FUTURES}) dated inverse futures
 * with the largest open interest among those at least 7 days from expiry (all in the perpetual when none is
 * quoted, all in the futures when no perpetual is). Hedge sizes are whole contracts of
 * {@code 10^round(log10(index / 10,000))} USD (Deribit's 10 USD on BTC, 1 USD on ETH) converted to coins at the
 * instrument's mark, as {@link Position} counts inverse futures.
 *
 * <p><b>Collateral.</b> Per underlying, coins worth 25% of the notional of its short options
 * ({@code 0.25·Σ|q|} over short positions, rounded to 0.01 coin), and USDC for 2% of the gross option notional in
 * USD (rounded to 1,000).
 *
 * <p><b>Order.</b> Underlyings in the snapshot's order; per underlying the options by expiry, strike, call before
 * put, then the futures by expiry, then the perpetual. <b>Reproducible:</b> the same snapshot, spec and seed give
 * an equal {@link Portfolio} (seeded XoRoShiRo128++ streams, {@link StrictMath} transforms, iteration in list order
 * only; hedge sizes go through the valuation, which uses {@link Math}).
 */
public final class DeskBookGenerator {

  /** The shared instance. */
  public static final DeskBookGenerator DEFAULT = new DeskBookGenerator();

  /** Options expiring sooner than this after the snapshot are not traded. */
  public static final int MIN_HOURS_TO_EXPIRY = 12;
  /** Median USD notional of an option position. */
  public static final double MEDIAN_NOTIONAL_USD = 250_000;
  /** Most dated futures used as hedges per underlying. */
  public static final int HEDGE_FUTURES = 2;
  /** Share of an underlying's hedge done in the perpetual when futures are also used. */
  public static final double PERPETUAL_SHARE = 0.6;
  /** Coins of collateral per coin of short options. */
  public static final double COIN_COLLATERAL_PER_SHORT = 0.25;
  /** USDC collateral per USD of gross option notional. */
  public static final double USDC_COLLATERAL_PER_NOTIONAL = 0.02;

  private static final long DAY_MILLIS = 86_400_000L;
  private static final int OPTION_STREAM = 1;
  private static final int HEDGE_STREAM = 2;

  private DeskBookGenerator() {
  }

  /** One underlying's tradable instruments. */
  private record Candidates(String underlying, double index, List<Quote> options, double[] weights,
      List<Quote> futures, Quote perpetual, double openInterestUsd) {

    int hedges() {
      return futures.size() + (perpetual == null ? 0 : 1);
    }
  }

  /**
   * The fewest positions a book on {@code market} can have: per underlying with tradable options, its hedge
   * instruments and 2 options.
   *
   * @throws IllegalArgumentException when the market has no tradable option
   */
  public static int minimumPositions(MarketSnapshot market) {
    List<Candidates> all = candidates(ArgChecker.notNull(market, "market"));
    return all.stream().mapToInt(c -> c.hedges() + 2).sum();
  }

  /**
   * Generates the book.
   *
   * @param market the market the book is traded on (its options, futures, perpetuals, index prices and surfaces)
   * @param spec the size and the desk's habits
   * @param seed the random seed: the same market, spec and seed give an equal portfolio
   * @return the book: {@code spec.positions()} positions and the collateral
   * @throws IllegalArgumentException when the market has no tradable option, or when {@code spec.positions()} is
   *     below {@link #minimumPositions(MarketSnapshot)} (the message gives the minimum)
   */
  public Portfolio generate(MarketSnapshot market, DeskBookSpec spec, long seed) {
    ArgChecker.notNull(market, "market");
    ArgChecker.notNull(spec, "spec");
    List<Candidates> all = candidates(market);
    int hedges = all.stream().mapToInt(Candidates::hedges).sum();
    int minimum = hedges + 2 * all.size();
    ArgChecker.isTrue(spec.positions() >= minimum, "a book on this market needs at least " + minimum
        + " positions (" + hedges + " hedges and 2 options per underlying " + all.stream()
            .map(Candidates::underlying).toList() + "), got " + spec.positions());
    int[] optionCounts = allot(all, spec.positions() - hedges);

    List<Position> positions = new ArrayList<>(spec.positions());
    Map<String, Double> collateral = new LinkedHashMap<>();
    double grossNotionalUsd = 0;
    for (int u = 0; u < all.size(); u++) {
      Candidates c = all.get(u);
      BookDraws rng = BookDraws.of(seed, c.underlying(), OPTION_STREAM);
      List<Position> options = options(c, optionCounts[u], spec, rng);
      double shortCoins = 0;
      for (Position p : options) {
        grossNotionalUsd += Math.abs(p.quantity()) * c.index();
        if (p.quantity() < 0) {
          shortCoins -= p.quantity();
        }
      }
      positions.addAll(options);
      positions.addAll(hedges(market, c, options, spec, BookDraws.of(seed, c.underlying(), HEDGE_STREAM)));
      collateral.put(c.underlying(), Math.rint(COIN_COLLATERAL_PER_SHORT * shortCoins * 100) / 100);
    }
    collateral.put("USDC", Math.rint(USDC_COLLATERAL_PER_NOTIONAL * grossNotionalUsd / 1000) * 1000);
    return Portfolio.of(spec.name(), positions, collateral);
  }

  /** Tradable instruments per underlying, in the snapshot's order; only underlyings with candidate options. */
  private static List<Candidates> candidates(MarketSnapshot market) {
    long now = market.timestamp().toEpochMilli();
    long earliest = now + MIN_HOURS_TO_EXPIRY * 3_600_000L;
    Map<String, List<Quote>> options = new LinkedHashMap<>();
    Map<String, List<Quote>> futures = new LinkedHashMap<>();
    Map<String, Quote> perpetuals = new LinkedHashMap<>();
    for (Quote q : market.quotes()) {
      Instrument ins = q.instrument();
      String u = ins.underlying();
      if (!market.underlyings().contains(u) || ins.settlement() != Settlement.INVERSE) {
        continue;
      }
      switch (ins.kind()) {
        case OPTION -> {
          if (ins.expiry().toEpochMilli() >= earliest && q.hasMarkIv() && q.hasTwoSidedQuote()
              && q.openInterest() > 0) {
            options.computeIfAbsent(u, x -> new ArrayList<>()).add(q);
          }
        }
        case FUTURE -> {
          if (ins.expiry().toEpochMilli() >= now + 7 * DAY_MILLIS && q.hasMark() && q.mark() > 0) {
            futures.computeIfAbsent(u, x -> new ArrayList<>()).add(q);
          }
        }
        case PERPETUAL -> {
          if (q.hasMark() && q.mark() > 0) {
            perpetuals.put(u, q);
          }
        }
        default -> {
        }
      }
    }
    List<Candidates> out = new ArrayList<>();
    for (String u : market.underlyings()) {
      List<Quote> opts = options.get(u);
      if (opts == null || opts.size() < 2) {
        continue;
      }
      double index = market.index(u);
      double[] weights = new double[opts.size()];
      double oi = 0;
      for (int i = 0; i < weights.length; i++) {
        weights[i] = opts.get(i).openInterest();
        oi += weights[i];
      }
      List<Quote> fut = new ArrayList<>(futures.getOrDefault(u, List.of()));
      fut.sort(Comparator.comparingDouble((Quote q) -> q.hasMark() && !Double.isNaN(q.openInterest())
          ? -q.openInterest() : 0.0).thenComparing(q -> q.instrument().expiry()));
      List<Quote> chosen = new ArrayList<>(fut.subList(0, Math.min(HEDGE_FUTURES, fut.size())));
      chosen.sort(Comparator.comparing(q -> q.instrument().expiry()));
      out.add(new Candidates(u, index, opts, weights, chosen, perpetuals.get(u), oi * index));
    }
    ArgChecker.isTrue(!out.isEmpty(), "the market of " + market.timestamp() + " has no tradable option (quoted "
        + "two-sided, with a mark IV and open interest, expiring " + MIN_HOURS_TO_EXPIRY + " hours or more after "
        + "the snapshot) on any underlying with an index price " + market.underlyings());
    return out;
  }

  /** Option positions per underlying: proportional to USD open interest (largest remainder), at least 2 each. */
  private static int[] allot(List<Candidates> all, int options) {
    int n = all.size();
    int[] out = new int[n];
    Arrays.fill(out, 2);
    int rest = options - 2 * n;
    double total = all.stream().mapToDouble(Candidates::openInterestUsd).sum();
    double[] remainder = new double[n];
    int given = 0;
    for (int u = 0; u < n; u++) {
      double share = total > 0 ? rest * all.get(u).openInterestUsd() / total : (double) rest / n;
      int whole = (int) Math.floor(share);
      out[u] += whole;
      given += whole;
      remainder[u] = share - whole;
    }
    for (; given < rest; given++) {
      int best = 0;
      for (int u = 1; u < n; u++) {
        if (remainder[u] > remainder[best]) {
          best = u;
        }
      }
      out[best]++;
      remainder[best] = -1;
    }
    return out;
  }

  /** {@code count} option positions of one underlying, sorted by expiry, strike, call before put. */
  private static List<Position> options(Candidates c, int count, DeskBookSpec spec, BookDraws rng) {
    double lot = StrictMath.pow(10, Math.rint(StrictMath.log10(10_000 / c.index())));
    double medianLots = MEDIAN_NOTIONAL_USD / c.index() / lot;
    List<Position> out = new ArrayList<>(count);
    int m = c.options().size();
    int left = count;
    while (left > 0) {
      int take = Math.min(left, m);
      // Efraimidis–Spirakis: the `take` smallest keys E_i / w_i (E exponential) are a weighted sample without
      // replacement
      double[] keys = new double[m];
      Integer[] order = new Integer[m];
      for (int i = 0; i < m; i++) {
        keys[i] = -StrictMath.log(1 - rng.uniform()) / c.weights()[i];
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparingDouble(i -> keys[i]));
      for (int k = 0; k < take; k++) {
        Instrument ins = c.options().get(order[k]).instrument();
        double shortShare = ins.optionType() == OptionType.PUT ? spec.shortPutShare() : spec.shortCallShare();
        double sign = rng.uniform() < shortShare ? -1 : 1;
        double lots = Math.max(1, Math.rint(medianLots * Math.min(10, Math.max(0.1, rng.lognormal(0.9)))));
        out.add(Position.of(ins, sign * lots * lot));
      }
      left -= take;
    }
    out.sort(Comparator.comparing((Position p) -> p.instrument().expiry())
        .thenComparingDouble(p -> p.instrument().strike())
        .thenComparing(p -> p.instrument().optionType()));
    return out;
  }

  /** The futures (by expiry) and perpetual hedging {@code ratio} of the options' coin delta. */
  private static List<Position> hedges(MarketSnapshot market, Candidates c, List<Position> options,
      DeskBookSpec spec, BookDraws rng) {
    if (c.hedges() == 0) {
      return List.of();
    }
    boolean surface = market.surface(c.underlying()).isPresent();
    PortfolioValuer valuer = surface ? PortfolioValuer.DEFAULT : PortfolioValuer.DEFAULT.withVolSource(
        VolSource.MARK_IV);
    PortfolioValuation v = valuer.value(Portfolio.of("options", options), market);
    NetGreeks net = GreeksAggregator.total(v);
    double ratio = Math.min(1, Math.max(0, spec.hedgeRatio() + rng.uniform() * 0.1 - 0.05));
    double hedge = -ratio * net.deltaCoin();
    double contractUsd = StrictMath.pow(10, Math.rint(StrictMath.log10(c.index() / 10_000)));
    List<Position> out = new ArrayList<>(c.hedges());
    double perpShare = c.perpetual() == null ? 0 : c.futures().isEmpty() ? 1 : PERPETUAL_SHARE;
    for (Quote f : c.futures()) {
      out.add(Position.of(f.instrument(), contracts(hedge * (1 - perpShare) / c.futures().size(), f.mark(),
          contractUsd)));
    }
    if (c.perpetual() != null) {
      out.add(Position.of(c.perpetual().instrument(), contracts(hedge * perpShare, c.perpetual().mark(),
          contractUsd)));
    }
    return out;
  }

  /** {@code coins} rounded to whole contracts of {@code contractUsd} at {@code mark}, in coins. */
  private static double contracts(double coins, double mark, double contractUsd) {
    return Math.rint(coins * mark / contractUsd) * contractUsd / mark + 0.0;
  }

  /** A seeded stream: XoRoShiRo128++ seeded from seed, coin and purpose; {@link StrictMath} transforms. */
  private static final class BookDraws {
    private final UniformRandomProvider rng;

    private BookDraws(UniformRandomProvider rng) {
      this.rng = rng;
    }

    static BookDraws of(long seed, String coin, int purpose) {
      long mixed = mix(mix(seed ^ 0x5DEECE66DL) + coin.hashCode() * 0x9E3779B97F4A7C15L
          + purpose * 0xC2B2AE3D27D4EB4FL);
      return new BookDraws(RandomSource.XO_RO_SHI_RO_128_PP.create(mixed));
    }

    private static long mix(long z) {
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    double uniform() {
      return rng.nextDouble();
    }

    /** {@code exp(sigma·Z)}, Z standard normal (Box–Muller with StrictMath). */
    double lognormal(double sigma) {
      double u1 = 1 - rng.nextDouble();
      double u2 = rng.nextDouble();
      double z = StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
      return StrictMath.exp(sigma * z);
    }
  }
}
