package io.netgamma.core.sim.market;

import io.netgamma.core.base.ArgChecker;
import java.math.BigDecimal;

/**
 * A venue's price grid: prices are multiples of {@code tick} below {@code stepAbove} and multiples of
 * {@code tickAbove} from {@code stepAbove} up (Deribit's {@code tick_size} and {@code tick_size_steps}). Deribit's
 * BTC and ETH inverse options: 0.0001 coin below 0.005, 0.0005 from there ({@link #deribitInverseOption()}).
 *
 * <p>The grid is exact decimal arithmetic: every price this class returns is the double nearest to a decimal
 * multiple of the tick (an integer number of grid units divided by a power of ten), so it prints as that decimal.
 * Prices are in the instrument's quote unit (coin, USD or USDC); the grid starts at 0 (0 itself is a grid point,
 * never a tradable price). Immutable and thread-safe; the methods are allocation-free.
 */
public final class TickRule {

  /** Slack, in ticks, within which a price counts as on a grid point (absorbs binary rounding). */
  private static final double EPS = 1e-9;

  private final double tick;
  private final double stepAbove;
  private final double tickAbove;
  private final Grid grid;

  private TickRule(double tick, double stepAbove, double tickAbove) {
    ArgChecker.positive(tick, "tick");
    ArgChecker.positive(tickAbove, "tickAbove");
    ArgChecker.isTrue(stepAbove > 0, "stepAbove must be > 0 (or +infinity for a single tick), got " + stepAbove);
    int scale = scale(tick, tickAbove, stepAbove);
    long t = units(tick, scale);
    long ta = units(tickAbove, scale);
    ArgChecker.isTrue(ta % t == 0, "tickAbove " + tickAbove + " must be a multiple of tick " + tick);
    if (stepAbove != Double.POSITIVE_INFINITY) {
      long s = units(stepAbove, scale);
      ArgChecker.isTrue(s % t == 0 && s % ta == 0,
          "stepAbove " + stepAbove + " must be a multiple of tick " + tick + " and of tickAbove " + tickAbove);
    } else {
      ArgChecker.isTrue(tickAbove == tick, "a single-tick rule (stepAbove = infinity) needs tickAbove == tick, got "
          + tick + " and " + tickAbove);
    }
    this.tick = tick;
    this.stepAbove = stepAbove;
    this.tickAbove = tickAbove;
    this.grid = new Grid(t, ta, stepAbove == Double.POSITIVE_INFINITY ? Long.MAX_VALUE : units(stepAbove, scale),
        powerOfTen(scale));
  }

  /**
   * A two-tier rule.
   *
   * @param tick the tick below {@code stepAbove}, &gt; 0, at most 12 decimals
   * @param stepAbove the price from which {@code tickAbove} applies, a multiple of both ticks
   * @param tickAbove the tick from {@code stepAbove} up, a multiple of {@code tick}
   * @return the rule
   */
  public static TickRule of(double tick, double stepAbove, double tickAbove) {
    return new TickRule(tick, stepAbove, tickAbove);
  }

  /** One tick everywhere. */
  public static TickRule single(double tick) {
    return new TickRule(tick, Double.POSITIVE_INFINITY, tick);
  }

  /** The tick below {@link #stepAbove()}. */
  public double tick() {
    return tick;
  }

  /** The price from which {@link #tickAbove()} applies; +infinity for a single tick. */
  public double stepAbove() {
    return stepAbove;
  }

  /** The tick from {@link #stepAbove()} up. */
  public double tickAbove() {
    return tickAbove;
  }

  /** Deribit's BTC and ETH inverse options: 0.0001 coin below 0.005 coin, 0.0005 coin from 0.005 up. */
  public static TickRule deribitInverseOption() {
    return new TickRule(0.0001, 0.005, 0.0005);
  }

  /** The tick that applies at {@code price}: {@code tick} below {@code stepAbove}, else {@code tickAbove}. */
  public double tickAt(double price) {
    return price < stepAbove ? tick : tickAbove;
  }

  /** True when {@code price} is exactly (as a double) a positive grid price. */
  public boolean onGrid(double price) {
    if (!(price > 0) || !Double.isFinite(price)) {
      return false;
    }
    Grid g = grid();
    long n = Math.round(price * g.pow);
    return n > 0 && g.isGridPoint(n) && g.value(n) == price;
  }

  /**
   * The largest grid price ≤ {@code price} (0 when {@code price} is below one tick); a price within 1e-9 of a tick
   * below a grid point counts as that grid point (binary rounding of a decimal).
   */
  public double floor(double price) {
    Grid g = grid();
    return g.value(g.floorUnits(checked(price) * g.pow));
  }

  /** The smallest grid price ≥ {@code price} (at least one tick), with the same 1e-9 tick slack as {@link #floor}. */
  public double ceil(double price) {
    Grid g = grid();
    return g.value(Math.max(g.tickU, g.ceilUnits(checked(price) * g.pow)));
  }

  /** The largest grid price strictly below {@code price}; 0 when there is none (price ≤ one tick). */
  public double below(double price) {
    Grid g = grid();
    long n = g.floorUnits(checked(price) * g.pow);
    while (n > 0 && g.value(n) >= price) {
      n = g.previous(n);
    }
    return g.value(Math.max(n, 0));
  }

  /** The smallest grid price strictly above {@code price}. */
  public double above(double price) {
    Grid g = grid();
    long n = Math.max(g.tickU, g.ceilUnits(checked(price) * g.pow));
    while (g.value(n) <= price) {
      n = g.next(n);
    }
    return g.value(n);
  }

  private static double checked(double price) {
    if (!(price >= 0) || price == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("price must be finite and >= 0, got " + price);
    }
    return price;
  }

  private Grid grid() {
    return grid;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TickRule r && Double.compare(r.tick, tick) == 0 && Double.compare(r.stepAbove, stepAbove) == 0
        && Double.compare(r.tickAbove, tickAbove) == 0;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(tick, stepAbove, tickAbove);
  }

  @Override
  public String toString() {
    return stepAbove == Double.POSITIVE_INFINITY ? "TickRule[" + tick + "]"
        : "TickRule[" + tick + " below " + stepAbove + ", " + tickAbove + " above]";
  }

  /** The grid in integer units of 10^-scale: ticks {@code tickU} below {@code stepU}, {@code aboveU} from it. */
  private record Grid(long tickU, long aboveU, long stepU, double pow) {

    double value(long units) {
      return units / pow;
    }

    boolean isGridPoint(long n) {
      return n < stepU ? n % tickU == 0 : (n - stepU) % aboveU == 0;
    }

    long floorUnits(double q) {
      if (q >= stepU * (1 - EPS)) {
        return stepU + (long) Math.floor(Math.max(0, q - stepU) / aboveU + EPS) * aboveU;
      }
      return (long) Math.floor(q / tickU + EPS) * tickU;
    }

    long ceilUnits(double q) {
      if (q <= stepU) {
        return (long) Math.ceil(q / tickU - EPS) * tickU;
      }
      return stepU + (long) Math.ceil((q - stepU) / aboveU - EPS) * aboveU;
    }

    long previous(long n) {
      return n > stepU ? n - aboveU : n - tickU;
    }

    long next(long n) {
      return n >= stepU ? n + aboveU : n + tickU;
    }
  }

  /** Decimal places needed to write every finite argument exactly (at most 12). */
  private static int scale(double... values) {
    int scale = 0;
    for (double v : values) {
      if (v != Double.POSITIVE_INFINITY) {
        scale = Math.max(scale, BigDecimal.valueOf(v).stripTrailingZeros().scale());
      }
    }
    ArgChecker.isTrue(scale <= 12, "ticks must have at most 12 decimals, got " + java.util.Arrays.toString(values));
    return scale;
  }

  /** 10^scale, exactly (scale ≤ 12). */
  private static double powerOfTen(int scale) {
    double p = 1;
    for (int i = 0; i < scale; i++) {
      p *= 10;
    }
    return p;
  }

  private static long units(double v, int scale) {
    return BigDecimal.valueOf(v).movePointRight(scale).longValueExact();
  }
}
