package io.netgamma.core.risk.scenario;

import io.netgamma.core.base.ArgChecker;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The axes of a scenario grid ({@link ScenarioEngine}): spot shifts × volatility shifts, and an optional time roll.
 * Immutable (arrays are copied in and out); start from {@link #DEFAULT} or {@link #of}.
 *
 * <ul>
 *   <li><b>Spot shifts</b> are relative moves of the underlying, fractions ({@code 0.05} = +5%), each finite and
 *       &gt; −1: shift x multiplies the underlying's index and every forward by {@code 1 + x}. By default
 *       <b>every underlying moves by the same percentage</b> (a BTC + ETH book sees BTC and ETH both up 5% in the
 *       +5% row); {@link #withUnderlyingShifts} gives an underlying its own moves, one per row (e.g. ETH at 1.2× the
 *       axis for a beta of 1.2: {@link #withBeta}).</li>
 *   <li><b>Vol shifts</b> are parallel, absolute, in volatility as a fraction ({@code 0.05} = +5 vol points), each
 *       finite: every option's volatility σ becomes {@code max(σ + shift, min(σ, }{@value #MIN_VOL}{@code ))} — a
 *       downward shift stops at a tiny positive floor of {@value #MIN_VOL} (0.01 vol point) and never raises a
 *       volatility already below it, so a shift of 0 leaves σ unchanged.</li>
 *   <li><b>Horizon</b> (days, finite, &ge; 0; 0 = no roll): every option is repriced {@code horizonDays} calendar days
 *       later; one expiring before that settles at intrinsic value.</li>
 * </ul>
 *
 * @param spotShifts the relative spot moves of the rows, at least one
 * @param volShifts the volatility shifts of the columns, fractions, at least one
 * @param horizonDays the time roll, calendar days
 * @param underlyingShifts per underlying, its own relative move for each row (same length as {@code spotShifts},
 *     each &gt; −1), replacing the axis for that underlying
 */
public record ScenarioSpec(double[] spotShifts, double[] volShifts, double horizonDays,
    Map<String, double[]> underlyingShifts) {

  /** The floor of a shifted volatility, 0.0001 (0.01 vol point). */
  public static final double MIN_VOL = 1e-4;
  /** The largest grid dimension along either axis. */
  public static final int MAX_POINTS = 10_001;

  /** 21 spot shifts −20% … +20% in steps of 2%, and vol shifts −10, −5, 0, +5, +10 vol points; no roll. */
  public static final ScenarioSpec DEFAULT = new ScenarioSpec(steps(-10, 10, 50.0), steps(-2, 2, 20.0), 0.0,
      Map.of());

  /** Validates and copies. */
  public ScenarioSpec {
    ArgChecker.notNull(spotShifts, "spotShifts");
    ArgChecker.notNull(volShifts, "volShifts");
    ArgChecker.notNull(underlyingShifts, "underlyingShifts");
    ArgChecker.isTrue(spotShifts.length >= 1 && spotShifts.length <= MAX_POINTS,
        "a scenario grid needs 1 to " + MAX_POINTS + " spot shifts, got " + spotShifts.length);
    ArgChecker.isTrue(volShifts.length >= 1 && volShifts.length <= MAX_POINTS,
        "a scenario grid needs 1 to " + MAX_POINTS + " vol shifts, got " + volShifts.length);
    spotShifts = spotShifts.clone();
    volShifts = volShifts.clone();
    for (int i = 0; i < spotShifts.length; i++) {
      checkSpot(spotShifts[i], "spot shift #" + i);
    }
    for (int k = 0; k < volShifts.length; k++) {
      ArgChecker.isTrue(Double.isFinite(volShifts[k]), "vol shift #" + k + " must be finite (a fraction: 0.05 = +5 "
          + "vol points), got " + volShifts[k]);
    }
    ArgChecker.isTrue(horizonDays >= 0 && horizonDays <= 36_500, "horizon must be between 0 and 36,500 days, got "
        + horizonDays);
    Map<String, double[]> copy = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> e : underlyingShifts.entrySet()) {
      String u = ArgChecker.notBlank(e.getKey(), "underlying");
      double[] s = ArgChecker.notNull(e.getValue(), "spot shifts of " + u);
      ArgChecker.isTrue(s.length == spotShifts.length, "spot shifts of " + u + ": one per row (" + spotShifts.length
          + "), got " + s.length);
      for (int i = 0; i < s.length; i++) {
        checkSpot(s[i], "spot shift #" + i + " of " + u);
      }
      copy.put(u, s.clone());
    }
    underlyingShifts = Collections.unmodifiableMap(copy);
  }

  private static void checkSpot(double x, String what) {
    ArgChecker.isTrue(x > -1 && x < Double.POSITIVE_INFINITY, what + " must be a finite relative move > -1 (0.05 = "
        + "+5%), got " + x);
  }

  /** {@code i/divisor} for i = from … to: exact multiples, so the middle of a symmetric axis is exactly 0. */
  private static double[] steps(int from, int to, double divisor) {
    double[] out = new double[to - from + 1];
    for (int i = from; i <= to; i++) {
      out[i - from] = i / divisor;
    }
    return out;
  }

  /** A grid of these spot and vol shifts (see the class javadoc for units), no roll. */
  public static ScenarioSpec of(double[] spotShifts, double[] volShifts) {
    return new ScenarioSpec(spotShifts, volShifts, 0.0, Map.of());
  }

  /**
   * Evenly spaced axes symmetric about 0: {@code spotPoints} spot shifts from {@code −spotRange} to
   * {@code +spotRange} and {@code volPoints} vol shifts from {@code −volRange} to {@code +volRange} (an odd count puts
   * 0 exactly on the axis; one point gives 0). {@code symmetric(0.2, 21, 0.1, 5)} gives the axes of {@link #DEFAULT}
   * (to the last bit of rounding).
   */
  public static ScenarioSpec symmetric(double spotRange, int spotPoints, double volRange, int volPoints) {
    return of(axis(spotRange, spotPoints, "spot"), axis(volRange, volPoints, "vol"));
  }

  private static double[] axis(double range, int points, String name) {
    ArgChecker.notNegative(range, name + " range");
    ArgChecker.isTrue(points >= 1 && points <= MAX_POINTS, name + " points must be 1 to " + MAX_POINTS + ", got "
        + points);
    double[] out = new double[points];
    if (points == 1) {
      return out;
    }
    int half = points - 1;
    for (int i = 0; i < points; i++) {
      out[i] = range * (2 * i - half) / half; // exact 0 in the middle of an odd count
    }
    return out;
  }

  /** These axes with a time roll of {@code days} calendar days (0: none). */
  public ScenarioSpec withHorizonDays(double days) {
    return new ScenarioSpec(spotShifts, volShifts, days, underlyingShifts);
  }

  /** These axes with {@code underlying} moving by its own {@code shifts} (one per row) instead of the axis. */
  public ScenarioSpec withUnderlyingShifts(String underlying, double[] shifts) {
    Map<String, double[]> m = new LinkedHashMap<>(underlyingShifts);
    m.put(underlying, shifts);
    return new ScenarioSpec(spotShifts, volShifts, horizonDays, m);
  }

  /** These axes with {@code underlying} moving by {@code beta} times the axis (each move must stay &gt; −1). */
  public ScenarioSpec withBeta(String underlying, double beta) {
    ArgChecker.finite(beta, "beta of " + underlying);
    double[] s = new double[spotShifts.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = beta * spotShifts[i];
    }
    return withUnderlyingShifts(underlying, s);
  }

  /** The relative move of {@code underlying} in row {@code i}: its own shifts if given, else the axis. */
  public double spotShift(String underlying, int i) {
    double[] own = underlyingShifts.get(underlying);
    return own != null ? own[i] : spotShifts[i];
  }

  /** The spot shifts (a copy). */
  @Override
  public double[] spotShifts() {
    return spotShifts.clone();
  }

  /** The vol shifts (a copy). */
  @Override
  public double[] volShifts() {
    return volShifts.clone();
  }

  /** Per-underlying shifts (unmodifiable map of copies). */
  @Override
  public Map<String, double[]> underlyingShifts() {
    Map<String, double[]> m = new LinkedHashMap<>();
    underlyingShifts.forEach((u, s) -> m.put(u, s.clone()));
    return Collections.unmodifiableMap(m);
  }

  /** Number of rows (spot shifts). */
  public int spotCount() {
    return spotShifts.length;
  }

  /** Number of columns (vol shifts). */
  public int volCount() {
    return volShifts.length;
  }

  /** Spot shift {@code i} of the axis. */
  public double spotShift(int i) {
    return spotShifts[i];
  }

  /** Vol shift {@code k}, fraction. */
  public double volShift(int k) {
    return volShifts[k];
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ScenarioSpec s) || !Arrays.equals(spotShifts, s.spotShifts)
        || !Arrays.equals(volShifts, s.volShifts) || Double.compare(horizonDays, s.horizonDays) != 0
        || !underlyingShifts.keySet().equals(s.underlyingShifts.keySet())) {
      return false;
    }
    for (Map.Entry<String, double[]> e : underlyingShifts.entrySet()) {
      if (!Arrays.equals(e.getValue(), s.underlyingShifts.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = Arrays.hashCode(spotShifts) * 31 + Arrays.hashCode(volShifts);
    h = h * 31 + Double.hashCode(horizonDays);
    for (Map.Entry<String, double[]> e : underlyingShifts.entrySet()) {
      h = h * 31 + e.getKey().hashCode() * 17 + Arrays.hashCode(e.getValue());
    }
    return h;
  }

  @Override
  public String toString() {
    return "ScenarioSpec[spot " + Arrays.toString(spotShifts) + ", vol " + Arrays.toString(volShifts) + ", horizon "
        + horizonDays + " days" + (underlyingShifts.isEmpty() ? "" : ", own shifts for " + underlyingShifts.keySet())
        + "]";
  }
}
