package io.netgamma.data.sample;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.OptionType;
import io.netgamma.core.instrument.Settlement;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.pricing.Black76;
import io.netgamma.core.pricing.ImpliedVolatility;
import io.netgamma.data.tardis.ChainRow;
import io.netgamma.data.tardis.TardisChainWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Generates a realistic, reproducible Deribit-style inverse option chain (BTC or ETH) in the shape of a
 * Tardis.dev {@code options_chain} snapshot: the project's sample data for demos and the README's Quickstart.
 *
 * <p><b>What it makes.</b> Expiries as Deribit lists them, all at 08:00 UTC: the next three dailies, the next
 * two Friday weeklies, the next two month-end (last Friday) monthlies and the next two quarterlies (last Friday
 * of March, June, September, December), without duplicates. Each expiry has a forward
 * {@code F = spot·exp(b·t)} (basis {@code b} about 6% a year with a small seeded noise; quoted to 2 decimals for
 * synthetic {@code SYN.} forwards of daily expiries and to the future's tick, 0.5 USD for BTC and 0.05 for ETH,
 * for Friday expiries, which have a future) and a strike grid of 5 to 15 strikes spanning about ±2.2 standard
 * deviations ({@code σ√t}) on round steps (1, 2, 2.5 or 5 times a power of ten). The volatility surface has an
 * upward ATM term structure {@code σ_atm(t) = σ_∞ + (σ_0 − σ_∞)·exp(−t/0.25)} and a smile in standardised
 * moneyness {@code x = ln(K/F)/(σ_atm√t)}: {@code σ = σ_atm·(1 − 0.045·x + 0.035·x²)} (put skew, call wing).
 *
 * <p><b>Prices and rounding</b> are Deribit's: the mark price is Black-76 ({@link Black76#DEFAULT}, rate 0) in
 * coin, rounded to 8 decimals, from the unrounded smile volatility; the mark IV is that volatility in percent
 * rounded to 2 decimals; delta, gamma, vega, theta and rho are Black-76 greeks at the row's own timestamp, in
 * Deribit's units, rounded to 5 decimals (Deribit additionally floors theta at minus the option's USD value; the
 * sample does not). Bid and ask are the Black-76 prices 0.5 to 2.5 vol points either side of the mark, rounded
 * outwards to Deribit's tick (0.0001 coin below 0.005, 0.0005 above), with their implied volatilities; a bid
 * that rounds to zero is absent (empty cells), and so are some wing bids; 70% of options have a last trade price
 * near the mark. Open interest
 * falls off away from the money. Row timestamps lie within 2 seconds after the snapshot time, in whole
 * milliseconds. The same spec always gives the same rows (seeded {@link SplittableRandom}).
 *
 * <p>Every row is clean: the generator writes no bad rows (the reader's tests cover those).
 */
public final class SampleChainGenerator {

  /** Default seed. */
  public static final long DEFAULT_SEED = 42L;
  /** Default snapshot time: a Monday morning, after the 08:00 UTC expiry. */
  public static final Instant DEFAULT_TIMESTAMP = Instant.parse("2025-06-02T10:00:00Z");

  private static final int MIN_STRIKES = 5;
  private static final int MAX_STRIKES = 15;
  private static final double STRIKE_RANGE_STDEVS = 2.2;
  private static final double[] STEP_MANTISSAS = {1.0, 2.0, 2.5, 5.0};

  private SampleChainGenerator() {
  }

  /**
   * What to generate.
   *
   * @param underlying {@code BTC} or {@code ETH}
   * @param spot the index (spot) price in USD, &gt; 0
   * @param timestamp the snapshot time (rows are stamped up to 2 s later)
   * @param seed the random seed
   */
  public record Spec(String underlying, double spot, Instant timestamp, long seed) {

    /** Validates the spec. */
    public Spec {
      ArgChecker.notNull(underlying, "underlying");
      ArgChecker.isTrue(underlying.equals("BTC") || underlying.equals("ETH"),
          "underlying must be BTC or ETH, got '" + underlying + "'");
      ArgChecker.positive(spot, "spot");
      ArgChecker.notNull(timestamp, "timestamp");
      ArgChecker.isTrue(timestamp.isAfter(Instant.parse("2000-01-01T00:00:00Z"))
          && timestamp.isBefore(Instant.parse("2190-01-01T00:00:00Z")), "timestamp must be in 2000-2189, got "
          + timestamp);
    }

    /**
     * The spec with the default spot, timestamp and seed.
     *
     * @param underlying {@code BTC} or {@code ETH}
     * @return the spec
     */
    public static Spec defaults(String underlying) {
      return new Spec(underlying, defaultSpot(underlying), DEFAULT_TIMESTAMP, DEFAULT_SEED);
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
   * Generates the chain.
   *
   * @param spec what to generate
   * @return the rows, by expiry, then strike, call before put
   */
  public static List<ChainRow> generate(Spec spec) {
    ArgChecker.notNull(spec, "spec");
    SplittableRandom random = new SplittableRandom(spec.seed());
    boolean btc = spec.underlying().equals("BTC");
    double sigma0 = btc ? 0.45 : 0.60;
    double sigmaLong = btc ? 0.58 : 0.72;
    double futureTick = btc ? 0.5 : 0.05;
    double amountUnit = btc ? 0.1 : 1.0;
    double oiScale = btc ? 1500.0 : 15000.0;
    long baseMillis = spec.timestamp().toEpochMilli();
    List<ChainRow> rows = new ArrayList<>();
    double[] out = new double[Black76.SIZE];
    for (LocalDate date : expiries(spec.timestamp())) {
      Instant expiry = date.atTime(Instrument.EXPIRY_TIME).toInstant(ZoneOffset.UTC);
      double t = YearFraction.act365(spec.timestamp(), expiry);
      boolean friday = date.getDayOfWeek() == DayOfWeek.FRIDAY;
      double basis = 0.06 + 0.01 * (random.nextDouble() * 2 - 1);
      double rawForward = spec.spot() * Math.exp(basis * t);
      double forward = friday ? roundToTick(rawForward, futureTick) : round(rawForward, 2);
      String index = (friday ? "" : "SYN.") + spec.underlying() + "-" + Instrument.formatDate(date);
      double atm = sigmaLong + (sigma0 - sigmaLong) * Math.exp(-t / 0.25) + 0.01 * (random.nextDouble() * 2 - 1);
      double stdev = atm * Math.sqrt(t);
      double expiryWeight = t < 0.02 ? 0.3 : t < 0.1 ? 0.6 : 1.0;
      for (double strike : strikes(forward, stdev)) {
        double x = Math.log(strike / forward) / stdev;
        double xc = Math.max(-4.0, Math.min(4.0, x));
        double vol = atm * (1.0 - 0.045 * xc + 0.035 * xc * xc);
        for (OptionType type : OptionType.values()) {
          double oi = round(oiScale * expiryWeight * Math.exp(-0.5 * x * x)
              * Math.exp(0.6 * random.nextGaussian()) + amountUnit, btc ? 1 : 0);
          rows.add(row(spec, random, type, date, expiry, strike, forward, index, vol, x, oi, baseMillis, btc,
              amountUnit, out));
        }
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

  /**
   * Deribit's listed expiry dates after {@code now}: three dailies, two weeklies, two monthlies, two quarterlies.
   *
   * @param now the snapshot time
   * @return the expiry dates (each at 08:00 UTC), ascending, without duplicates
   */
  public static List<LocalDate> expiries(Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    // The first date whose 08:00 UTC expiry is still ahead.
    LocalDate first = now.isBefore(today.atTime(Instrument.EXPIRY_TIME).toInstant(ZoneOffset.UTC))
        ? today : today.plusDays(1);
    TreeSet<LocalDate> dates = new TreeSet<>();
    for (int i = 0; i < 3; i++) {
      dates.add(first.plusDays(i));
    }
    LocalDate friday = first.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
    dates.add(friday);
    dates.add(friday.plusWeeks(1));
    int monthlies = 0;
    for (YearMonth m = YearMonth.from(first); monthlies < 2; m = m.plusMonths(1)) {
      LocalDate last = lastFriday(m);
      if (!last.isBefore(first) && !last.isBefore(friday.plusWeeks(2))) {
        dates.add(last);
        monthlies++;
      }
    }
    LocalDate lastMonthly = dates.last();
    int quarterlies = 0;
    for (YearMonth m = YearMonth.from(first); quarterlies < 2; m = m.plusMonths(1)) {
      if (m.getMonthValue() % 3 == 0) {
        LocalDate last = lastFriday(m);
        if (last.isAfter(lastMonthly)) {
          dates.add(last);
          quarterlies++;
        }
      }
    }
    return List.copyOf(dates);
  }

  private static ChainRow row(Spec spec, SplittableRandom random, OptionType type, LocalDate date, Instant expiry,
      double strike, double forward, String index, double vol, double x, double openInterest, long baseMillis,
      boolean btc, double amountUnit, double[] out) {
    Instrument instrument = Instrument.option(spec.underlying(), Settlement.INVERSE, date, strike, type);
    Instant timestamp = Instant.ofEpochMilli(baseMillis + random.nextInt(2000));
    Instant local = timestamp.plusMillis(1 + random.nextInt(40));
    double t = YearFraction.act365(timestamp, expiry);
    double theta = type.sign();
    Black76.DEFAULT.priceAndGreeks(theta, forward, strike, t, vol, 0.0, out);
    double mark = round(out[Black76.PRICE_COIN], 8);
    double markIv = new BigDecimal(vol).movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).movePointLeft(2)
        .doubleValue();
    double wing = Math.min(Math.abs(x), 3.0);
    double halfSpread = (0.5 + 0.5 * wing + 0.3 * random.nextDouble()) / 100.0;
    double bidCoin = roundDownToTick(Black76.DEFAULT.price(type, forward, strike, t, Math.max(vol - halfSpread,
        0.01)) / forward);
    double askCoin = roundUpToTick(Black76.DEFAULT.price(type, forward, strike, t, vol + halfSpread) / forward);
    boolean dropBid = bidCoin <= 0 || (Math.abs(x) > 1.5 && random.nextDouble() < 0.3);
    OptionalDouble bid = dropBid ? OptionalDouble.empty() : OptionalDouble.of(bidCoin);
    OptionalDouble bidAmount = dropBid ? OptionalDouble.empty() : OptionalDouble.of(amount(random, amountUnit));
    OptionalDouble bidIv = dropBid ? OptionalDouble.empty() : impliedIv(bidCoin, forward, strike, t, theta);
    OptionalDouble ask = OptionalDouble.of(askCoin);
    OptionalDouble askAmount = OptionalDouble.of(amount(random, amountUnit));
    OptionalDouble askIv = impliedIv(askCoin, forward, strike, t, theta);
    OptionalDouble last = OptionalDouble.empty();
    if (random.nextDouble() < 0.7) { // a trade some time ago, near today's mark
      double traded = mark * Math.exp(Math.max(-0.5, Math.min(0.5, 0.08 * random.nextGaussian())));
      last = OptionalDouble.of(Math.max(roundToTick(traded, tick(traded)), tick(traded)));
    }
    return new ChainRow(0, "deribit", instrument.name(), instrument, timestamp, local, type, strike, expiry,
        OptionalDouble.of(openInterest), last, bid, bidAmount, bidIv, ask, askAmount, askIv, mark, markIv,
        Optional.of(index), forward,
        OptionalDouble.of(round(out[Black76.DELTA], 5)), OptionalDouble.of(round(out[Black76.GAMMA], 5)),
        OptionalDouble.of(round(out[Black76.VEGA], 5)), OptionalDouble.of(round(out[Black76.THETA], 5)),
        OptionalDouble.of(round(out[Black76.RHO], 5)));
  }

  /** The implied volatility of a coin price, rounded to 2 decimals in percent; absent when there is none. */
  private static OptionalDouble impliedIv(double coin, double forward, double strike, double t, double theta) {
    ImpliedVolatility iv = ImpliedVolatility.of(coin * forward, forward, strike, t, theta);
    if (!iv.isOk()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(new BigDecimal(iv.volatility()).movePointRight(2).setScale(2, RoundingMode.HALF_EVEN)
        .movePointLeft(2).doubleValue());
  }

  private static double amount(SplittableRandom random, double unit) {
    double units = Math.ceil(Math.exp(random.nextDouble() * Math.log(500.0)));
    return round(units * unit, unit < 1 ? 1 : 0);
  }

  /** 5 to 15 strikes on a round step, spanning about ±2.2 standard deviations around the forward. */
  static double[] strikes(double forward, double stdev) {
    double lo = forward * Math.exp(-STRIKE_RANGE_STDEVS * Math.max(stdev, 0.02));
    double hi = forward * Math.exp(STRIKE_RANGE_STDEVS * Math.max(stdev, 0.02));
    double target = (hi - lo) / (MAX_STRIKES - 1);
    double step = niceStepAtLeast(target);
    double first = Math.ceil(lo / step) * step;
    int n = (int) Math.floor((hi - first) / step) + 1;
    if (n < MIN_STRIKES) {
      n = MIN_STRIKES;
      double centre = Math.round(forward / step) * step;
      first = centre - step * (MIN_STRIKES / 2);
    }
    double[] strikes = new double[n];
    for (int i = 0; i < n; i++) {
      strikes[i] = new BigDecimal(first).add(new BigDecimal(step).multiply(BigDecimal.valueOf(i)))
          .round(new java.math.MathContext(12)).doubleValue();
    }
    return strikes;
  }

  /** The smallest of 1, 2, 2.5, 5 times a power of ten that is &ge; {@code target}. */
  static double niceStepAtLeast(double target) {
    double power = Math.pow(10, Math.floor(Math.log10(target)));
    for (double m : STEP_MANTISSAS) {
      if (m * power >= target * (1 - 1e-12)) {
        return BigDecimal.valueOf(m).multiply(BigDecimal.valueOf(power)).doubleValue();
      }
    }
    return 10 * power;
  }

  private static LocalDate lastFriday(YearMonth month) {
    return month.atEndOfMonth().with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY));
  }

  /** Deribit's option tick: 0.0001 coin below 0.005, 0.0005 from there. */
  private static double tick(double coin) {
    return coin < 0.005 ? 0.0001 : 0.0005;
  }

  private static double roundDownToTick(double coin) {
    double tick = tick(coin);
    return round(Math.floor(coin / tick + 1e-9) * tick, 4);
  }

  private static double roundUpToTick(double coin) {
    double up = round(Math.ceil(coin / 0.0001 - 1e-9) * 0.0001, 4);
    double tick = tick(up);
    return round(Math.ceil(coin / tick - 1e-9) * tick, 4);
  }

  private static double roundToTick(double value, double tick) {
    return BigDecimal.valueOf(Math.round(value / tick)).multiply(BigDecimal.valueOf(tick)).doubleValue();
  }

  /** Rounds half-even to {@code decimals} decimal places (exact decimal arithmetic on the double's value). */
  static double round(double value, int decimals) {
    return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
  }
}
