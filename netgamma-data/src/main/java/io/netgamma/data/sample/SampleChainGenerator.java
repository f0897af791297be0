package io.netgamma.data.sample;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.base.MissingMarketDataException;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.OptionType;
import io.netgamma.core.instrument.Settlement;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.Quote;
import io.netgamma.core.pricing.Black76;
import io.netgamma.core.pricing.ImpliedVolatility;
import io.netgamma.core.sim.market.MarketGenerator;
import io.netgamma.core.sim.market.MarketSpec;
import io.netgamma.core.sim.market.UnderlyingSpec;
import io.netgamma.data.tardis.ChainRow;
import io.netgamma.data.tardis.TardisChainWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The project's sample option chain (the README's Quickstart data and the tests' chain): one underlying's inverse
 * options from the seeded synthetic market of {@link MarketGenerator}, written as Tardis.dev {@code options_chain}
 * rows. The market model lives in {@link MarketGenerator} alone; this class only adapts its {@link MarketSnapshot}
 * to the Tardis format. Stateless.
 *
 * <p><b>The market.</b> {@link Spec#marketSpec()}: {@link MarketSpec#btcEth(Instant)} restricted to the one
 * underlying ({@link UnderlyingSpec#btc()} or {@link UnderlyingSpec#eth()} at the spec's spot), Deribit's expiry
 * schedule as of the spec's timestamp (4 dailies, 3 weeklies, 3 monthlies, 4 quarterlies at 08:00 UTC, with dated
 * futures on 2 weeklies, 1 monthly and every quarterly), SSVI smiles free of static arbitrage, and exactly
 * {@link Spec#options()} options spread evenly over the expiries on evenly spaced strikes
 * ({@link MarketSpec#withOptionCount(int)}; the first expiries take one strike more when the count does not divide
 * evenly). The default is {@value #DEFAULT_OPTIONS} options (rows).
 *
 * <p><b>One row per option quote</b> (by expiry, strike, call before put, as the generator lists them):
 * <ul>
 *   <li>{@code exchange} {@code deribit}; {@code symbol} the Deribit name; {@code timestamp} and
 *       {@code local_timestamp} the snapshot instant (the generator prices every quote at that instant; some
 *       Tardis captures of Deribit's chain stamp every row alike too); {@code type}, {@code strike_price},
 *       {@code expiration} (08:00 UTC) from the instrument;</li>
 *   <li>{@code open_interest}, {@code bid_price}/{@code bid_amount}, {@code ask_price}/{@code ask_amount} (coin
 *       and coins) from the quote; a side the generator leaves empty (a far-wing bid below one tick) is an empty
 *       cell;</li>
 *   <li>{@code bid_iv}/{@code ask_iv}: the Black-76 implied volatility of the bid/ask coin price at the row's
 *       forward and time ({@link Black76#impliedVolatilityFromCoinPrice}, rate 0), in percent rounded to 2
 *       decimals as Deribit publishes them; empty when the side is absent or its price has no implied volatility
 *       (a bid rounded down to the tick below the intrinsic value);</li>
 *   <li>{@code mark_price} (coin, 8 decimals) and {@code mark_iv} (percent, 2 decimals) from the quote: the mark
 *       is Black-76 at the unrounded smile volatility, so it agrees with {@code mark_iv} and the forward within
 *       Deribit's rounding ({@link io.netgamma.data.tardis.MarkConsistency});</li>
 *   <li>{@code underlying_index}: the dated future of the expiry when the snapshot lists one
 *       ({@code BTC-27JUN25}), else the synthetic forward {@code SYN.BTC-3JUN25}, as Deribit names them;
 *       {@code underlying_price}: the forward of the expiry, exactly the generator's (the future's mark, to 0.01
 *       USD, or the unrounded synthetic forward), USD per coin;</li>
 *   <li>{@code delta}, {@code gamma}, {@code vega}, {@code theta}, {@code rho}: Black-76 ({@link Black76#DEFAULT},
 *       rate 0) at the row's {@code mark_iv}, {@code underlying_price} and time from {@code timestamp} to expiry,
 *       as Deribit publishes them: its units (delta in coin, gamma per USD, vega USD per vol point, theta USD per
 *       calendar day, rho USD per 1% of rate), rounded half-even to 5 decimals, theta floored at minus the
 *       option's USD value (Deribit's convention, see the validation suite);</li>
 *   <li>{@code last_price} is empty: the generator makes quotes, not trades.</li>
 * </ul>
 *
 * <p>The same spec gives the same rows, and the same file, on every run ({@link MarketGenerator} is seeded and
 * deterministic).
 */
public final class SampleChainGenerator {

  /** Default seed. */
  public static final long DEFAULT_SEED = 42L;
  /** Default snapshot time: a Monday morning, after the 08:00 UTC expiry. */
  public static final Instant DEFAULT_TIMESTAMP = Instant.parse("2025-06-02T10:00:00Z");
  /** Default number of options (calls and puts) in the chain. */
  public static final int DEFAULT_OPTIONS = 200;

  private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2098-01-01T00:00:00Z");
  private static final String EXCHANGE = "deribit";
  private static final int GREEK_DECIMALS = 5;
  /** Deribit's IVs have 2 decimals in percent: 4 as a fraction. */
  private static final int IV_DECIMALS = 4;

  private SampleChainGenerator() {
  }

  /**
   * What to generate.
   *
   * @param underlying {@code BTC} or {@code ETH}
   * @param spot the index (spot) price, USD per coin, in (0, 1e12)
   * @param timestamp the snapshot time, in 2000–2097 (Deribit names carry two-digit years)
   * @param seed the random seed of {@link MarketGenerator}
   * @param options the number of options in the chain: even, at least 2 per listed expiry (the default schedule
   *     lists 11 to 13 distinct expiry dates; the message says how many when there are too few options)
   */
  public record Spec(String underlying, double spot, Instant timestamp, long seed, int options) {

    /** Validates the spec; the message names the field and its value. */
    public Spec {
      ArgChecker.notNull(underlying, "underlying");
      ArgChecker.isTrue(underlying.equals("BTC") || underlying.equals("ETH"),
          "underlying must be BTC or ETH, got '" + underlying + "'");
      ArgChecker.isTrue(spot > 0 && spot < 1e12, "spot must be in (0, 1e12) USD, got " + spot);
      ArgChecker.notNull(timestamp, "timestamp");
      ArgChecker.isTrue(!timestamp.isBefore(EARLIEST) && timestamp.isBefore(LATEST), "timestamp must be in "
          + "2000-2097 (Deribit names carry two-digit years), got " + timestamp);
      int expiries = marketSpec(underlying, spot, timestamp, options).schedule().expiries(timestamp).size();
      ArgChecker.isTrue(options >= 2 * expiries, "options must be at least 2 per expiry: " + expiries
          + " expiries are listed at " + timestamp + ", so at least " + 2 * expiries + " options, got " + options);
    }

    /**
     * A spec with {@link #DEFAULT_OPTIONS} options.
     *
     * @param underlying {@code BTC} or {@code ETH}
     * @param spot the index price, USD per coin
     * @param timestamp the snapshot time
     * @param seed the random seed
     */
    public Spec(String underlying, double spot, Instant timestamp, long seed) {
      this(underlying, spot, timestamp, seed, DEFAULT_OPTIONS);
    }

    /**
     * The spec with the default spot, timestamp, seed and option count.
     *
     * @param underlying {@code BTC} or {@code ETH}
     * @return the spec
     */
    public static Spec defaults(String underlying) {
      return new Spec(underlying, defaultSpot(underlying), DEFAULT_TIMESTAMP, DEFAULT_SEED);
    }

    /**
     * The market this spec generates: {@link MarketSpec#btcEth(Instant)} at {@link #timestamp()} with only this
     * underlying, at {@link #spot()}, and exactly {@link #options()} options.
     *
     * @return the market spec
     */
    public MarketSpec marketSpec() {
      return marketSpec(underlying, spot, timestamp, options);
    }

    private static MarketSpec marketSpec(String underlying, double spot, Instant timestamp, int options) {
      UnderlyingSpec u = underlying.equals("BTC") ? UnderlyingSpec.btc() : UnderlyingSpec.eth();
      return MarketSpec.btcEth(timestamp).withUnderlyings(List.of(u.withSpot(spot))).withOptionCount(options);
    }
  }

  /**
   * The default spot of an underlying (about its level at {@link #DEFAULT_TIMESTAMP}).
   *
   * @param underlying {@code BTC} or {@code ETH}
   * @return 105,000 for BTC, 2,600 for ETH (USD)
   */
  public static double defaultSpot(String underlying) {
    return switch (underlying) {
      case "BTC" -> 105_000.0;
      case "ETH" -> 2_600.0;
      default -> throw new IllegalArgumentException("underlying must be BTC or ETH, got '" + underlying + "'");
    };
  }

  /**
   * Generates the market of the spec and turns its options into chain rows.
   *
   * @param spec what to generate
   * @return the rows, by expiry, then strike, call before put
   */
  public static List<ChainRow> generate(Spec spec) {
    ArgChecker.notNull(spec, "spec");
    return rows(MarketGenerator.DEFAULT.generate(spec.marketSpec(), spec.seed()), spec.underlying());
  }

  /**
   * The Tardis rows of the inverse options of one underlying in a snapshot, stamped at the snapshot's instant (see
   * the class javadoc for each column).
   *
   * @param snapshot a snapshot whose option quotes of {@code underlying} each have a mark, a mark IV and a forward
   *     (as {@link MarketGenerator}'s do)
   * @param underlying the coin, e.g. {@code BTC}
   * @return the rows, in the snapshot's quote order; empty when the snapshot has no inverse option of the coin
   * @throws MissingMarketDataException naming the instrument when a quote lacks one of them
   */
  public static List<ChainRow> rows(MarketSnapshot snapshot, String underlying) {
    ArgChecker.notNull(snapshot, "snapshot");
    ArgChecker.notBlank(underlying, "underlying");
    Instant at = snapshot.timestamp();
    double[] out = new double[Black76.SIZE];
    List<ChainRow> rows = new ArrayList<>();
    for (Quote q : snapshot.quotes()) {
      Instrument i = q.instrument();
      if (i.isOption() && i.settlement() == Settlement.INVERSE && i.underlying().equals(underlying)) {
        rows.add(row(snapshot, q, at, out));
      }
    }
    return List.copyOf(rows);
  }

  /**
   * Generates the chain and writes it as a Tardis {@code options_chain} CSV.
   *
   * @param spec what to generate
   * @param file the file to create or replace
   * @return the number of rows written
   * @throws io.netgamma.data.DataFileException naming the file when it cannot be written
   */
  public static int write(Spec spec, Path file) {
    List<ChainRow> rows = generate(spec);
    try (TardisChainWriter writer = TardisChainWriter.create(file)) {
      rows.forEach(writer::write);
    }
    return rows.size();
  }

  private static ChainRow row(MarketSnapshot snapshot, Quote q, Instant at, double[] out) {
    Instrument i = q.instrument();
    OptionType type = i.optionType();
    double strike = i.strike();
    double forward = present(q.forward(), i, "forward");
    double mark = q.markOrThrow();
    double markIv = q.markIvOrThrow();
    LocalDate date = LocalDate.ofInstant(i.expiry(), ZoneOffset.UTC);
    String future = Instrument.future(i.underlying(), Settlement.INVERSE, date).name();
    String index = snapshot.quote(future).isPresent() ? future
        : "SYN." + i.underlying() + "-" + Instrument.formatDate(date);
    double t = YearFraction.act365(at, i.expiry()); // = ChainRow.yearsToExpiry()
    Black76.DEFAULT.priceAndGreeks(type.sign(), forward, strike, t, markIv, 0.0, out);
    OptionalDouble bid = optional(q.bid());
    OptionalDouble ask = optional(q.ask());
    return new ChainRow(0, EXCHANGE, i.name(), i, at, at, type, strike, i.expiry(), optional(q.openInterest()),
        OptionalDouble.empty(), bid, optional(q.bidAmount()), impliedIv(type, bid, forward, strike, t), ask,
        optional(q.askAmount()), impliedIv(type, ask, forward, strike, t), mark, markIv, Optional.of(index),
        forward, greek(out[Black76.DELTA]), greek(out[Black76.GAMMA]), greek(out[Black76.VEGA]),
        greek(Math.max(out[Black76.THETA], -out[Black76.PRICE])), greek(out[Black76.RHO]));
  }

  /** The implied volatility of a coin price, rounded to 2 decimals in percent; empty without price or solution. */
  private static OptionalDouble impliedIv(OptionType type, OptionalDouble coin, double forward, double strike,
      double t) {
    if (coin.isEmpty()) {
      return OptionalDouble.empty();
    }
    ImpliedVolatility iv = Black76.DEFAULT.impliedVolatilityFromCoinPrice(type, coin.getAsDouble(), forward, strike,
        t, 0.0);
    return iv.isOk() ? OptionalDouble.of(round(iv.volatility(), IV_DECIMALS)) : OptionalDouble.empty();
  }

  private static OptionalDouble greek(double value) {
    return OptionalDouble.of(round(value, GREEK_DECIMALS));
  }

  private static OptionalDouble optional(double value) {
    return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  private static double present(double value, Instrument instrument, String field) {
    if (Double.isNaN(value)) {
      throw new MissingMarketDataException(instrument.name() + ": no " + field + " in the market data");
    }
    return value;
  }

  /**
   * Rounds half-even to {@code decimals} decimal places, by exact decimal arithmetic on the double's value (no
   * negative zero).
   *
   * @param value a finite number
   * @param decimals the number of decimal places, &ge; 0
   * @return the double nearest to the rounded decimal
   */
  static double round(double value, int decimals) {
    return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
  }
}
