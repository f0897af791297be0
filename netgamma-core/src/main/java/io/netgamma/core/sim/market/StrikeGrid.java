package io.netgamma.core.sim.market;

import io.netgamma.core.base.ArgChecker;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * How many strikes each expiry lists, and where. Strikes are measured in ATM standard deviations
 * {@code x = ln(K/F)/s} with {@code s = σ_atm·√max(t, 2 days)} the ATM standard deviation of the expiry's log
 * price (an exchange lists the strikes of an expiry days before it expires, so in its last hours they still span
 * about two days of moves); a chain is one (underlying, settlement, expiry) and lists a call and a put at every
 * strike. A chain's strikes lie from {@value #LOWEST_X} to +{@value #HIGHEST_X} standard deviations, within
 * {@value #LOWEST_FRACTION} to {@value #HIGHEST_MULTIPLE} times the forward (the range).
 * <ul>
 *   <li>{@link DeribitLike}: Deribit's shape ({@link #deribitLikeStrikes}): fine steps near the money, coarser ones
 *       in the wings, steps growing with the maturity; about 15–40 strikes per expiry.</li>
 *   <li>{@link PerExpiry}: exactly n strikes per chain, evenly spaced ({@link #evenStrikes}).</li>
 *   <li>{@link TotalOptions}: exactly n options in the whole market, spread as evenly as possible over the chains
 *       (the first chains, in generation order, take one strike more), each chain evenly spaced: the size knob for
 *       benchmarks.</li>
 * </ul>
 */
public sealed interface StrikeGrid permits StrikeGrid.DeribitLike, StrikeGrid.PerExpiry, StrikeGrid.TotalOptions {

  /** Lowest strike of a chain, in ATM standard deviations. */
  double LOWEST_X = -3.0;
  /** Highest strike of a chain, in ATM standard deviations (the call wing reaches further in log price). */
  double HIGHEST_X = 3.5;
  /** No strike below this fraction of the forward (long-dated wings stop there, as on Deribit). */
  double LOWEST_FRACTION = 0.3;
  /** No strike above this multiple of the forward. */
  double HIGHEST_MULTIPLE = 3.0;
  /** The most strikes one chain may have. */
  int MAX_STRIKES_PER_CHAIN = 1_000_000;

  /** Deribit's shape; see {@link #deribitLikeStrikes}. */
  record DeribitLike() implements StrikeGrid {
  }

  /**
   * Exactly {@code strikes} strikes per chain.
   *
   * @param strikes strikes per chain, in [1, {@link #MAX_STRIKES_PER_CHAIN}]
   */
  record PerExpiry(int strikes) implements StrikeGrid {
    /** Validates. */
    public PerExpiry {
      ArgChecker.isTrue(strikes >= 1 && strikes <= MAX_STRIKES_PER_CHAIN,
          "strikes per expiry must be in [1, " + MAX_STRIKES_PER_CHAIN + "], got " + strikes);
    }
  }

  /**
   * Exactly {@code options} options in the market (calls and puts in pairs, so an even number).
   *
   * @param options total number of options, even, in [2, 50,000,000]
   */
  record TotalOptions(int options) implements StrikeGrid {
    /** Validates. */
    public TotalOptions {
      ArgChecker.isTrue(options >= 2 && options <= 50_000_000 && options % 2 == 0,
          "the number of options must be even (a call and a put per strike) and in [2, 50000000], got " + options);
    }
  }

  /** Deribit's shape. */
  static StrikeGrid deribitLike() {
    return new DeribitLike();
  }

  /** Exactly {@code n} strikes per chain. */
  static StrikeGrid perExpiry(int n) {
    return new PerExpiry(n);
  }

  /** Exactly {@code n} options in the market. */
  static StrikeGrid totalOptions(int n) {
    return new TotalOptions(n);
  }

  /**
   * A Deribit-like strike grid. The steps come from the ladder {@code minStep} and then 1, 2, 5 × 10^k above it
   * (BTC with 500: 500, 1000, 2000, 5000, 10000, ...; ETH with 25: 25, 50, 100, 200, 500, ...). The inner step is
   * the largest rung ≤ {@code F·s/6} (at least {@code minStep}); multiples of it are listed within ±1 standard
   * deviation, multiples of the next rung within ±2, and of the rung after to the ends of the range (so a round
   * strike such as 85,000 also sits between 84,000 and 86,000, as on Deribit). At least 5 strikes (multiples of the
   * inner step around the forward when the range holds fewer). With BTC at 95,000 and
   * {@link UnderlyingSpec#btc()}'s volatility: 500 USD steps near the money for a daily, 1,000 for a weekly, 2,000
   * from one to three months, 5,000 from about four months, as Deribit lists them (its 2026-02-04 BTC chain: 1,000
   * up to two weeks, 2,000 at 7 weeks, 5,000 at 5 months and beyond).
   *
   * @param forward the expiry's forward, USD per coin, &gt; 0
   * @param stdev the ATM standard deviation of ln F at expiry, σ_atm·√t, &gt; 0
   * @param minStep the finest step, USD, &gt; 0
   * @return the strikes, ascending, distinct, all &gt; 0 (exact decimal multiples of their step)
   */
  static double[] deribitLikeStrikes(double forward, double stdev, double minStep) {
    ArgChecker.positive(forward, "forward");
    ArgChecker.positive(stdev, "stdev");
    ArgChecker.positive(minStep, "minStep");
    BigDecimal min = BigDecimal.valueOf(minStep);
    // all rungs are integer multiples of this unit, a tenth of minStep's leading power of ten
    BigDecimal unit = BigDecimal.ONE.movePointLeft(1 - (min.precision() - min.scale() - 1));
    long minUnits = min.divide(unit).longValueExact();
    long target = Math.max(minUnits, (long) (forward * stdev / 6 / unit.doubleValue()));
    int inner = rungAtMost(minUnits, target);
    long[] units = new long[1024];
    int n = 0;
    double[][] zones = {{-1, 1}, {-2, 2}, {LOWEST_X, HIGHEST_X}};
    for (int z = 0; z < zones.length; z++) {
      long step = rung(minUnits, inner + z);
      double lo = Math.max(forward * StrictMath.exp(zones[z][0] * stdev), LOWEST_FRACTION * forward)
          / unit.doubleValue();
      double hi = Math.min(forward * StrictMath.exp(zones[z][1] * stdev), HIGHEST_MULTIPLE * forward)
          / unit.doubleValue();
      for (long m = Math.max(1, (long) Math.ceil(lo / step)); m * step <= hi; m++) {
        if (n == units.length) {
          units = Arrays.copyOf(units, 2 * n);
        }
        units[n++] = m * step;
      }
    }
    if (n < 5) {
      long step = rung(minUnits, inner);
      long centre = Math.max(3, Math.round(forward / unit.doubleValue() / step));
      for (long j = -2; j <= 2; j++) {
        if (n == units.length) {
          units = Arrays.copyOf(units, 2 * n);
        }
        units[n++] = (centre + j) * step;
      }
    }
    long[] sorted = Arrays.stream(units, 0, n).sorted().distinct().toArray();
    double[] strikes = new double[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      strikes[i] = unit.multiply(BigDecimal.valueOf(sorted[i])).doubleValue();
    }
    return strikes;
  }

  /**
   * {@code n} evenly spaced strikes: the step is the largest of 1, 2, 2.5, 5 × 10^k (k any integer) with
   * {@code (n − 1)·step} within the range (see the class javadoc), and the strikes are consecutive multiples of it
   * centred on that range (the lowest at least one step). One strike is the forward rounded to a step of about one
   * standard deviation. Strikes with a fraction are written with a {@code d} in instrument names
   * ({@code ETH-6FEB26-3402d5-C}).
   *
   * @param forward the expiry's forward, USD per coin, &gt; 0
   * @param stdev the ATM standard deviation of ln F at expiry, &gt; 0
   * @param n the number of strikes, in [1, {@link #MAX_STRIKES_PER_CHAIN}]
   * @return the strikes, ascending, distinct, all &gt; 0
   * @throws IllegalArgumentException when the step would be finer than 1e-8 of the forward (too many strikes)
   */
  static double[] evenStrikes(double forward, double stdev, int n) {
    ArgChecker.positive(forward, "forward");
    ArgChecker.positive(stdev, "stdev");
    ArgChecker.isTrue(n >= 1 && n <= MAX_STRIKES_PER_CHAIN, "strikes must be in [1, " + MAX_STRIKES_PER_CHAIN
        + "], got " + n);
    double lo = Math.max(forward * StrictMath.exp(LOWEST_X * stdev), LOWEST_FRACTION * forward);
    double hi = Math.min(forward * StrictMath.exp(HIGHEST_X * stdev), HIGHEST_MULTIPLE * forward);
    BigDecimal step = niceAtMost(n == 1 ? forward * stdev : (hi - lo) / (n - 1));
    ArgChecker.isTrue(step.doubleValue() >= forward * 1e-8, n + " strikes are too many for a range of " + lo
        + " to " + hi + ": the step would be " + step.toPlainString());
    double s = step.doubleValue();
    long first = n == 1 ? Math.round(forward / s) : Math.round(0.5 * (lo + hi) / s) - (n - 1) / 2;
    first = Math.max(1, first);
    double[] strikes = new double[n];
    for (int i = 0; i < n; i++) {
      strikes[i] = step.multiply(BigDecimal.valueOf(first + i)).doubleValue();
    }
    return strikes;
  }

  /** The largest 1, 2, 2.5 or 5 × 10^k that is ≤ {@code x} (x &gt; 0). */
  private static BigDecimal niceAtMost(double x) {
    int exp = (int) Math.floor(Math.log10(x));
    BigDecimal best = null;
    for (int e = exp - 1; e <= exp + 1; e++) {
      for (String m : new String[] {"1", "2", "2.5", "5"}) {
        BigDecimal c = new BigDecimal(m).scaleByPowerOfTen(e);
        if (c.doubleValue() <= x && (best == null || c.compareTo(best) > 0)) {
          best = c;
        }
      }
    }
    return best;
  }

  /** Rung {@code i} of the ladder in units: 0 is {@code minUnits}, then 1, 2, 5 × 10^k above it. */
  private static long rung(long minUnits, int i) {
    long r = minUnits;
    for (int j = 0; j < i; j++) {
      r = nextRung(r);
    }
    return r;
  }

  private static long nextRung(long r) {
    long p = 1;
    while (p * 10 <= r) {
      p *= 10;
    }
    // r in [p, 10p): the next of 1, 2, 5 × 10^k strictly above r
    if (r < 2 * p) {
      return 2 * p;
    }
    if (r < 5 * p) {
      return 5 * p;
    }
    return 10 * p;
  }

  private static int rungAtMost(long minUnits, long target) {
    int i = 0;
    long r = minUnits;
    while (nextRung(r) <= target) {
      r = nextRung(r);
      i++;
    }
    return i;
  }
}
