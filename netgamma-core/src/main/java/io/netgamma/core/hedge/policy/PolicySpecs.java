package io.netgamma.core.hedge.policy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Spec strings for rebalancing policies, as the hedging simulator and the command line take them. Stateless.
 *
 * <table>
 *   <caption>Forms</caption>
 *   <tr><th>spec</th><th>policy</th></tr>
 *   <tr><td>{@code time:N}</td><td>{@link TimeIntervalPolicy}: N equally spaced rebalances over the option's life</td></tr>
 *   <tr><td>{@code every:4h} ({@code s m h d w y})</td><td>{@link TimeIntervalPolicy}: a fixed interval</td></tr>
 *   <tr><td>{@code delta-band:X}, {@code delta-band:UP/DOWN}</td><td>{@link DeltaBandPolicy}: ±X coins (up X, down
 *       Y)</td></tr>
 *   <tr><td>{@code gamma-band:PCT}, {@code gamma-band:UP/DOWN}</td><td>{@link DeltaBandPolicy} gamma-scaled: the delta of
 *       a PCT% spot move, {@code |Γ|·S·PCT/100}</td></tr>
 *   <tr><td>both bands: {@code ,ratio=R} (0–1.5), {@code ,to=edge|zero}; gamma-band: {@code ,min=COINS}</td>
 *       <td></td></tr>
 *   <tr><td>{@code move:PCT}</td><td>{@link MoveFilterPolicy}: hedge to 0 once spot has moved PCT% since the last
 *       hedge</td></tr>
 *   <tr><td>{@code move:PCT+SPEC}</td><td>{@link MoveFilterPolicy} in front of another policy</td></tr>
 *   <tr><td>{@code vol-band:M[,tau=1d][,min=COINS]}</td><td>{@link VolAdaptiveBandPolicy}: M standard deviations of the
 *       delta change over tau</td></tr>
 *   <tr><td>{@code ww:RISK_AVERSION}</td><td>{@link WhalleyWilmottPolicy}; γ per USD</td></tr>
 *   <tr><td>{@code zakamouline:RISK_AVERSION}</td><td>{@link ZakamoulinePolicy}; γ per USD</td></tr>
 *   <tr><td>{@code leland:N}</td><td>{@link LelandPolicy}: N rebalances at Leland's volatility</td></tr>
 *   <tr><td>{@code gex-band:X[,wide=2][,tight=0.5]}</td><td>{@link GexRegimeBandPolicy}: ±X coins, × wide when dealers
 *       are long gamma, × tight when short or below the flip</td></tr>
 * </table>
 *
 * <p>Numbers are plain decimals or scientific ({@code 1e-4}); names are case-insensitive; spaces around parts are
 * ignored. {@link RebalancingPolicy#spec()} writes the canonical form, which parses back to an equal policy.
 */
public final class PolicySpecs {

  /** The forms, for error messages and help texts. */
  public static final String FORMS = "time:N, every:4h, delta-band:X[/DOWN][,ratio=R][,to=edge], "
      + "gamma-band:PCT[/DOWN][,min=COINS][,ratio=R][,to=edge], move:PCT[+SPEC], vol-band:M[,tau=1d][,min=COINS], "
      + "ww:RISK_AVERSION, zakamouline:RISK_AVERSION, leland:N, gex-band:X[,wide=2][,tight=0.5]";

  private static final MathContext DIGITS = new MathContext(12);
  private static final double HOURS_PER_YEAR = 365.0 * 24.0;

  private PolicySpecs() {
  }

  /**
   * Parses a spec string.
   *
   * @throws IllegalArgumentException naming the spec, the part that is wrong and the valid forms
   */
  public static RebalancingPolicy parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("empty rebalancing policy spec; forms: " + FORMS);
    }
    String[] chain = spec.split("\\+", -1);
    RebalancingPolicy policy = parseOne(spec, chain[chain.length - 1].trim(), null);
    for (int i = chain.length - 2; i >= 0; i--) {
      String part = chain[i].trim();
      if (!part.toLowerCase(java.util.Locale.ROOT).startsWith("move:")) {
        throw error(spec, "only move:PCT can stand in front of another policy ('+'), got '" + part + "'");
      }
      policy = parseOne(spec, part, policy);
    }
    return policy;
  }

  private static RebalancingPolicy parseOne(String spec, String part, RebalancingPolicy inner) {
    if (part.isEmpty()) {
      throw error(spec, "a part is empty");
    }
    int colon = part.indexOf(':');
    if (colon < 0) {
      throw error(spec, "'" + part + "' has no ':' (write name:value)");
    }
    String name = part.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
    String[] args = part.substring(colon + 1).split(",", -1);
    String first = args[0].trim();
    if (first.isEmpty()) {
      throw error(spec, "'" + name + "' needs a value after ':'");
    }
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      String option = args[i].trim();
      int eq = option.indexOf('=');
      if (eq <= 0) {
        throw error(spec, "option '" + option + "' of " + name + " is not key=value");
      }
      String key = option.substring(0, eq).trim().toLowerCase(java.util.Locale.ROOT);
      if (options.put(key, option.substring(eq + 1).trim()) != null) {
        throw error(spec, "option '" + key + "' of " + name + " is given twice");
      }
    }
    RebalancingPolicy policy;
    try {
      policy = build(spec, name, first, options, inner);
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("rebalancing policy '")) {
        throw e;
      }
      throw error(spec, e.getMessage()); // a policy's own validation
    }
    if (!options.isEmpty()) {
      throw error(spec, name + " does not take option(s) " + options.keySet());
    }
    return policy;
  }

  private static RebalancingPolicy build(String spec, String name, String first, Map<String, String> options,
      RebalancingPolicy inner) {
    return switch (name) {
      case "time" -> TimeIntervalPolicy.ofCount(positiveInt(spec, name, first));
      case "every" -> TimeIntervalPolicy.every(duration(spec, name, first));
      case "delta-band", "gamma-band" -> band(spec, name, first, options);
      case "move" -> new MoveFilterPolicy(percent(spec, name, first), inner);
      case "vol-band" -> new VolAdaptiveBandPolicy(positive(spec, name, first),
          options.containsKey("tau") ? duration(spec, name + " tau", options.remove("tau"))
              : VolAdaptiveBandPolicy.ONE_DAY,
          options.containsKey("min") ? notNegative(spec, name + " min", options.remove("min")) : 0.0);
      case "ww" -> new WhalleyWilmottPolicy(positive(spec, name, first));
      case "zakamouline" -> new ZakamoulinePolicy(positive(spec, name, first));
      case "leland" -> new LelandPolicy(positiveInt(spec, name, first));
      case "gex-band" -> new GexRegimeBandPolicy(notNegative(spec, name, first),
          options.containsKey("wide") ? positive(spec, name + " wide", options.remove("wide"))
              : GexRegimeBandPolicy.DEFAULT_WIDE,
          options.containsKey("tight") ? positive(spec, name + " tight", options.remove("tight"))
              : GexRegimeBandPolicy.DEFAULT_TIGHT);
      default -> throw error(spec, "unknown policy '" + name + "'");
    };
  }

  private static DeltaBandPolicy band(String spec, String name, String first, Map<String, String> options) {
    boolean gamma = name.equals("gamma-band");
    String[] updown = first.split("/", -1);
    if (updown.length > 2) {
      throw error(spec, name + " takes UP or UP/DOWN, got '" + first + "'");
    }
    double up = gamma ? percentOrZero(spec, name, updown[0]) : notNegative(spec, name, updown[0]);
    double down = updown.length == 1 ? up
        : gamma ? percentOrZero(spec, name, updown[1]) : notNegative(spec, name, updown[1]);
    double min = 0.0;
    if (options.containsKey("min")) {
      if (!gamma) {
        throw error(spec, "min= is for gamma-band only");
      }
      min = notNegative(spec, name + " min", options.remove("min"));
    }
    double ratio = options.containsKey("ratio") ? number(spec, name + " ratio", options.remove("ratio")) : 1.0;
    if (!(ratio >= 0 && ratio <= DeltaBandPolicy.MAX_RATIO)) {
      throw error(spec, name + " ratio must be in [0, 1.5], got " + ratio);
    }
    boolean toEdge = false;
    if (options.containsKey("to")) {
      String to = options.remove("to").toLowerCase(java.util.Locale.ROOT);
      switch (to) {
        case "edge" -> toEdge = true;
        case "zero", "0" -> toEdge = false;
        default -> throw error(spec, name + " to= takes edge or zero, got '" + to + "'");
      }
    }
    return new DeltaBandPolicy(up, down, gamma, min, ratio, toEdge);
  }

  // ---- numbers

  private static double number(String spec, String what, String text) {
    try {
      double v = Double.parseDouble(text.trim());
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(spec, what + " must be a number, got '" + text + "'");
  }

  private static double positive(String spec, String what, String text) {
    double v = number(spec, what, text);
    if (!(v > 0)) {
      throw error(spec, what + " must be > 0, got " + text);
    }
    return v;
  }

  private static double notNegative(String spec, String what, String text) {
    double v = number(spec, what, text);
    if (!(v >= 0)) {
      throw error(spec, what + " must be >= 0, got " + text);
    }
    return v;
  }

  private static double percent(String spec, String what, String text) {
    double v = positive(spec, what + " (percent)", text);
    if (!(v < 100)) {
      throw error(spec, what + " is a percentage below 100, got " + text);
    }
    return v / 100.0;
  }

  private static double percentOrZero(String spec, String what, String text) {
    return notNegative(spec, what + " (percent)", text) / 100.0;
  }

  private static int positiveInt(String spec, String what, String text) {
    try {
      int n = Integer.parseInt(text.trim());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(spec, what + " needs a whole number > 0, got '" + text + "'");
  }

  /** A duration such as {@code 30s}, {@code 15m}, {@code 4h}, {@code 1d}, {@code 1w}, {@code 0.5y}, in years. */
  static double duration(String spec, String what, String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    if (t.length() >= 2) {
      double perYear = switch (t.charAt(t.length() - 1)) {
        case 's' -> HOURS_PER_YEAR * 3600.0;
        case 'm' -> HOURS_PER_YEAR * 60.0;
        case 'h' -> HOURS_PER_YEAR;
        case 'd' -> 365.0;
        case 'w' -> 365.0 / 7.0;
        case 'y' -> 1.0;
        default -> Double.NaN;
      };
      if (!Double.isNaN(perYear)) {
        try {
          double v = Double.parseDouble(t.substring(0, t.length() - 1));
          if (v > 0 && Double.isFinite(v)) {
            return v / perYear;
          }
        } catch (NumberFormatException e) {
          // reported below
        }
      }
    }
    throw error(spec, what + " must be a duration > 0 with a unit s, m, h, d, w or y (4h, 1d), got '" + text + "'");
  }

  // ---- formatting (used by the policies' spec())

  /** A number in its shortest plain form, 12 significant digits ({@code 2}, {@code 0.0001}, {@code 1.5}). */
  static String formatNumber(double v) {
    BigDecimal d = new BigDecimal(v).round(DIGITS).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }

  /** A duration in years as the largest whole unit that states it: {@code 1d}, {@code 4h}, {@code 90m}, ... */
  static String formatDuration(double years) {
    double[] perYear = {1.0, 365.0, HOURS_PER_YEAR, HOURS_PER_YEAR * 60.0, HOURS_PER_YEAR * 3600.0};
    String[] unit = {"y", "d", "h", "m", "s"};
    for (int i = 0; i < unit.length; i++) {
      double v = new BigDecimal(years * perYear[i]).round(DIGITS).doubleValue();
      if (v >= 1 && v == Math.rint(v)) {
        return formatNumber(v) + unit[i];
      }
    }
    return formatNumber(years * 365.0) + "d";
  }

  private static IllegalArgumentException error(String spec, String problem) {
    return new IllegalArgumentException("rebalancing policy '" + spec + "': " + problem + "; forms: " + FORMS);
  }
}
