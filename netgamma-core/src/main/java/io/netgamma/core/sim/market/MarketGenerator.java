package io.netgamma.core.sim.market;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.OptionType;
import io.netgamma.core.instrument.Settlement;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.market.ForwardCurve;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.OrderBook;
import io.netgamma.core.market.Quote;
import io.netgamma.core.market.surface.SviParameters;
import io.netgamma.core.market.surface.SviSurface;
import io.netgamma.core.pricing.Black76;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Generates a realistic, seeded, Deribit-like market from a {@link MarketSpec}: the sample data of demos and
 * tests, and markets of any size for benchmarks. Pure computation, no I/O. Stateless and thread-safe; use
 * {@link #DEFAULT}.
 *
 * <p><b>What the snapshot holds</b>, per underlying in the spec's order:
 * <ul>
 *   <li>the index price (the spec's spot) and a {@link ForwardCurve} with a node at every listed expiry (see
 *       {@link UnderlyingSpec} for the forwards);</li>
 *   <li>the generating volatility surface, an {@link SviSurface} with one SSVI smile per expiry ({@link VolSpec}),
 *       free of butterfly and calendar arbitrage by construction;</li>
 *   <li>a perpetual per settlement ({@code BTC-PERPETUAL}, {@code BTC_USDC-PERPETUAL}) with its mark, 8-hour
 *       funding, bid/ask and book; when the inverse chain is listed, a dated future ({@code BTC-27MAR26}) on every
 *       expiry with a future ({@link ExpirySchedule}), marked at its forward;</li>
 *   <li>options: per settlement and expiry, a call and a put at every strike of the {@link StrikeGrid}.</li>
 * </ul>
 *
 * <p><b>Option quotes.</b> The volatility of strike K is the expiry's smile at {@code k = ln(K/F)}; the mark is the
 * Black-76 price ({@link Black76#DEFAULT}, rate 0) on the expiry's forward at the snapshot instant — in coin
 * ({@code USD price / F}) rounded to 8 decimals for inverse options, in USDC rounded to 4 decimals for linear ones
 * — from the unrounded volatility; {@code markIv} is that volatility rounded to 4 decimals (Deribit's {@code mark_iv}
 * to 0.01%). The best bid and ask are the Black-76 prices a half-spread in volatility below and above
 * ({@link LiquiditySpec}), rounded outwards onto the tick grid ({@link ContractSpec}), and always strictly below and
 * above the mark: {@code bid < mark < ask}; a bid that would be below one tick is absent (NaN, as in Deribit's far
 * wings). Each side of the {@link OrderBook} has up to {@link MarketSpec#depthLevels()} levels, 1 to 4 ticks apart,
 * the best level matching the quote's bid/ask; amounts are multiples of the lot with a median of
 * {@link LiquiditySpec#optionDepth()}·0.7^level. Open interest is
 * {@code optionOpenInterest·w·exp(−x²/2)·(1 for out-of-the-money, 0.4 in the money)} times a seeded log-normal
 * noise, rounded down to the lot ({@code x} the strike in ATM standard deviations, {@code w} 1 for quarterlies, 0.6
 * monthlies, 0.25 weeklies, 0.08 dailies): it peaks at the money and on long expiries.
 *
 * <p><b>Futures and perpetuals</b> are quoted 1 to 3 ticks either side of their mark with books of the same depth;
 * amounts in USD (inverse), multiples of the lot.
 *
 * <p><b>Reproducible.</b> The same spec and seed give an equal snapshot, field by field, on every machine: seeded
 * streams per underlying ({@link Draws}), iteration in list order only, no threads. The random draws and the grids
 * are bit-for-bit platform independent ({@link StrictMath}); prices go through {@link Black76}, which uses
 * {@link Math}'s exp and log (correct to 1 ulp on any JVM), so a last-bit difference could in principle change an
 * 8-decimal mark by 1e-8 on another CPU; on one JVM it never does. The surfaces and forwards do not depend on the
 * strike grid, so a benchmark market and the default market of the same seed share them.
 */
public final class MarketGenerator {

  /** The shared instance. */
  public static final MarketGenerator DEFAULT = new MarketGenerator();

  private static final int STRUCTURE_STREAM = 1;
  private static final int QUOTE_STREAM = 2;
  private static final double WEEK = 7.0 / 365.0;
  /** The strike grid of an expiry spans at least two days of ATM variance (see {@link StrikeGrid}). */
  static final double MIN_GRID_YEARS = 2.0 / 365.0;

  private MarketGenerator() {
  }

  /**
   * Generates the market.
   *
   * @param spec what to generate
   * @param seed the random seed: the same seed gives the same market
   * @return the snapshot, at {@code spec.valuation()}, with index, forward curve and surface per underlying and one
   *     quote per instrument (perpetuals, then futures, then options by settlement, expiry, strike, call before put)
   * @throws IllegalArgumentException when a {@link StrikeGrid.TotalOptions} count is below 2 per chain
   */
  public MarketSnapshot generate(MarketSpec spec, long seed) {
    ArgChecker.notNull(spec, "spec");
    Instant now = spec.valuation();
    List<ListedExpiry> listed = spec.schedule().expiries(now);
    int[] allotted = allot(spec, listed.size());
    MarketSnapshot.Builder builder = MarketSnapshot.builder(now);
    int chain = 0;
    for (UnderlyingSpec u : spec.underlyings()) {
      Structure s = structure(u, listed, now.toEpochMilli(), Draws.of(seed, u.coin(), STRUCTURE_STREAM));
      builder.index(u.coin(), u.spot()).forwardCurve(s.curve).surface(s.surface);
      Draws draws = Draws.of(seed, u.coin(), QUOTE_STREAM);
      for (Settlement settlement : u.settlements()) {
        builder.quote(perpetual(u, settlement, spec.depthLevels(), draws));
      }
      if (u.settlements().contains(Settlement.INVERSE)) {
        for (int i = 0; i < listed.size(); i++) {
          if (listed.get(i).hasFuture()) {
            builder.quote(future(u, listed.get(i), s.forwards[i], spec.depthLevels(), draws));
          }
        }
      }
      for (Settlement settlement : u.settlements()) {
        for (int i = 0; i < listed.size(); i++, chain++) {
          // strikes are listed days before expiry and keep their range as it nears: at least two days of variance
          double grid = Math.sqrt(s.thetas[i] * Math.max(1, MIN_GRID_YEARS / s.times[i]));
          double[] strikes = switch (spec.strikeGrid()) {
            case StrikeGrid.DeribitLike d -> StrikeGrid.deribitLikeStrikes(s.forwards[i], grid, u.minStrikeStep());
            case StrikeGrid.PerExpiry p -> StrikeGrid.evenStrikes(s.forwards[i], grid, p.strikes());
            case StrikeGrid.TotalOptions t -> StrikeGrid.evenStrikes(s.forwards[i], grid, allotted[chain]);
          };
          chain(builder, u, settlement, listed.get(i), s.times[i], s.forwards[i], Math.sqrt(s.thetas[i]),
              s.surface.slice(i), strikes, spec.depthLevels(), draws);
        }
      }
    }
    return builder.build();
  }

  /** Strikes per chain for {@link StrikeGrid.TotalOptions}, else null. */
  private static int[] allot(MarketSpec spec, int expiries) {
    if (!(spec.strikeGrid() instanceof StrikeGrid.TotalOptions total)) {
      return null;
    }
    int chains = spec.underlyings().stream().mapToInt(u -> u.settlements().size() * expiries).sum();
    int strikes = total.options() / 2;
    ArgChecker.isTrue(strikes >= chains, "a market of " + total.options() + " options needs at least a call and a "
        + "put per chain: this spec has " + chains + " chains (underlyings x settlements x expiries), so at least "
        + 2 * chains + " options");
    int[] out = new int[chains];
    for (int c = 0; c < chains; c++) {
      out[c] = strikes / chains + (c < strikes % chains ? 1 : 0);
    }
    return out;
  }

  /** Forwards, ATM total variances and the surface of one underlying. */
  private record Structure(double[] times, double[] forwards, double[] thetas, ForwardCurve curve,
      SviSurface surface) {
  }

  private static Structure structure(UnderlyingSpec u, List<ListedExpiry> listed, long nowMillis, Draws draws) {
    int n = listed.size();
    long[] expiries = new long[n];
    double[] times = new double[n];
    double[] forwards = new double[n];
    double[] thetas = new double[n];
    SviParameters[] slices = new SviParameters[n];
    double previousTarget = 0;
    double previousTheta = 0;
    for (int i = 0; i < n; i++) {
      ListedExpiry e = listed.get(i);
      expiries[i] = e.expiryMillis();
      times[i] = YearFraction.act365(nowMillis, expiries[i]);
      double basis = u.basis() * draws.uniform(0.8, 1.2);
      double forward = u.spot() * StrictMath.exp(basis * times[i]);
      forwards[i] = e.hasFuture() ? round(forward, 100) : forward;
      double target = u.vol().atmTotalVariance(times[i]);
      thetas[i] = previousTheta + (target - previousTarget) * draws.lognormal(0.1);
      previousTarget = target;
      previousTheta = thetas[i];
      slices[i] = u.vol().slice(thetas[i]);
    }
    ForwardCurve curve = ForwardCurve.of(u.coin(), nowMillis, u.spot(), expiries, forwards);
    return new Structure(times, forwards, thetas, curve, SviSurface.of(curve, expiries, Arrays.asList(slices)));
  }

  private static Quote perpetual(UnderlyingSpec u, Settlement settlement, int levels, Draws draws) {
    double funding = round(u.funding8h() * draws.uniform(0.5, 1.5), 1e8);
    double mark = round(u.spot() * (1 + funding), 100);
    boolean inverse = settlement == Settlement.INVERSE;
    // inverse perpetuals trade in USD, the linear one in coins
    double lot = inverse ? u.contracts().futureAmountStep() : u.contracts().linearOptionAmountStep();
    double depth = inverse ? u.liquidity().futureDepthUsd() : u.liquidity().futureDepthUsd() / u.spot();
    double oi = 3 * u.liquidity().futureOpenInterestUsd() * (inverse ? 1 : 1 / u.spot());
    return linearBook(Instrument.perpetual(u.coin(), settlement), mark, funding,
        TickRule.single(u.contracts().perpetualTick()), lot, depth, oi, levels, draws);
  }

  private static Quote future(UnderlyingSpec u, ListedExpiry e, double forward, int levels, Draws draws) {
    return linearBook(Instrument.future(u.coin(), Settlement.INVERSE, e.date()), forward, Double.NaN,
        TickRule.single(u.contracts().futureTick()), u.contracts().futureAmountStep(),
        u.liquidity().futureDepthUsd(), u.liquidity().futureOpenInterestUsd() * weight(e), levels, draws);
  }

  /** A future or perpetual quote: bid and ask 1 to 3 ticks around the mark, a book of {@code levels} levels. */
  private static Quote linearBook(Instrument instrument, double mark, double funding, TickRule tick, double lot,
      double depth, double openInterest, int levels, Draws draws) {
    double bid = tick.below(mark);
    for (int j = draws.gap() / 2; j > 0 && tick.below(bid) > 0; j--) {
      bid = tick.below(bid);
    }
    double ask = tick.above(mark);
    for (int j = draws.gap() / 2; j > 0; j--) {
      ask = tick.above(ask);
    }
    TickRule lots = TickRule.single(lot);
    OrderBook book = book(bid, ask, tick, lots, depth, 0.8, levels, draws);
    double oi = lots.floor(openInterest * draws.lognormal(0.3));
    boolean hasBid = book.bidLevels() > 0;
    return new Quote(instrument, mark, Double.NaN, hasBid ? book.bidPrice(0) : Double.NaN,
        hasBid ? book.bidAmount(0) : Double.NaN, book.askPrice(0), book.askAmount(0), oi, Double.NaN, funding, book);
  }

  private static void chain(MarketSnapshot.Builder builder, UnderlyingSpec u, Settlement settlement,
      ListedExpiry expiry, double t, double forward, double stdev, SviParameters smile, double[] strikes,
      int levels, Draws draws) {
    boolean inverse = settlement == Settlement.INVERSE;
    ContractSpec c = u.contracts();
    LiquiditySpec liq = u.liquidity();
    TickRule tick = inverse ? c.inverseOptionTick() : c.linearOptionTick();
    TickRule lots = TickRule.single(inverse ? c.inverseOptionAmountStep() : c.linearOptionAmountStep());
    double unit = inverse ? 1 / forward : 1.0; // quote units per USD
    double markScale = inverse ? 1e8 : 1e4;
    double spreadAtm = liq.halfSpreadLong() + liq.halfSpreadWeek() * Math.sqrt(WEEK / t);
    double oiScale = liq.optionOpenInterest() * weight(expiry);
    for (double strike : strikes) {
      double k = StrictMath.log(strike / forward);
      double vol = Math.sqrt(smile.totalVariance(k) / t);
      double x = k / stdev;
      double markIv = Math.rint(vol * 1e4) / 1e4;
      for (OptionType type : OptionType.values()) {
        double mark = round(Black76.DEFAULT.price(type, forward, strike, t, vol) * unit, markScale);
        double h = Math.min(0.5 * vol, spreadAtm * (1 + 0.25 * Math.min(Math.abs(x), 4))
            * draws.lognormal(0.25, 0.5, 2.0));
        double bidRaw = Black76.DEFAULT.price(type, forward, strike, t, vol - h) * unit;
        double askRaw = Black76.DEFAULT.price(type, forward, strike, t, vol + h) * unit;
        double bid = Math.min(tick.floor(bidRaw), tick.below(mark));
        double ask = Math.max(tick.ceil(askRaw), tick.above(mark));
        OrderBook book = book(bid, ask, tick, lots, liq.optionDepth(), 0.7, levels, draws);
        boolean outOfTheMoney = type == OptionType.CALL ? strike >= forward : strike <= forward;
        double oi = lots.floor(oiScale * StrictMath.exp(-0.5 * x * x) * (outOfTheMoney ? 1.0 : 0.4)
            * draws.lognormal(0.5));
        boolean hasBid = book.bidLevels() > 0;
        builder.quote(new Quote(Instrument.option(u.coin(), settlement, expiry.date(), strike, type), mark, markIv,
            hasBid ? book.bidPrice(0) : Double.NaN, hasBid ? book.bidAmount(0) : Double.NaN, book.askPrice(0),
            book.askAmount(0), oi, forward, Double.NaN, book));
      }
    }
  }

  /**
   * A book from the best bid (0 = no bid side) and best ask: levels 1 to 4 ticks apart, amounts multiples of the
   * lot with median {@code depth·decay^level}.
   */
  private static OrderBook book(double bestBid, double bestAsk, TickRule tick, TickRule lots, double depth,
      double decay, int levels, Draws draws) {
    double[] bidPrices = new double[levels];
    double[] bidAmounts = new double[levels];
    double[] askPrices = new double[levels];
    double[] askAmounts = new double[levels];
    int bids = 0;
    double price = bestBid;
    double median = depth;
    while (price > 0 && bids < levels) {
      bidPrices[bids] = price;
      bidAmounts[bids] = lots.ceil(median * draws.lognormal(0.8));
      bids++;
      median *= decay;
      for (int g = draws.gap(); g > 0 && price > 0; g--) {
        price = tick.below(price);
      }
    }
    price = bestAsk;
    median = depth;
    for (int j = 0; j < levels; j++) {
      askPrices[j] = price;
      askAmounts[j] = lots.ceil(median * draws.lognormal(0.8));
      median *= decay;
      for (int g = draws.gap(); g > 0; g--) {
        price = tick.above(price);
      }
    }
    return OrderBook.of(Arrays.copyOf(bidPrices, bids), Arrays.copyOf(bidAmounts, bids), askPrices, askAmounts);
  }

  /** Open-interest weight of an expiry by its longest kind. */
  private static double weight(ListedExpiry e) {
    return switch (e.longestKind()) {
      case QUARTERLY -> 1.0;
      case MONTHLY -> 0.6;
      case WEEKLY -> 0.25;
      case DAILY -> 0.08;
    };
  }

  /** {@code value} rounded to the nearest multiple of 1/scale (scale a power of ten), as the nearest double. */
  private static double round(double value, double scale) {
    return Math.rint(value * scale) / scale;
  }
}
