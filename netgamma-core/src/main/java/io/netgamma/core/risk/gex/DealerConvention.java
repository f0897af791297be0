package io.netgamma.core.risk.gex;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.OptionType;
import java.util.Arrays;
import java.util.Locale;

/**
 * Who holds the open interest: the sign with which an option's gamma counts in the dealers' (market makers')
 * gamma exposure. Open interest says how many contracts exist, never who is long, so every GEX figure rests on an
 * assumption about the side dealers are on; this enum makes that assumption explicit. A positive GEX means dealers
 * are long gamma (they sell rallies and buy dips to stay hedged, damping moves); a negative GEX means they are short
 * gamma (they buy rallies and sell dips, amplifying moves).
 *
 * <p>Every convention gives all calls one sign and all puts one sign, so it scales call and put exposures by ±1 and
 * never changes which strike is a wall ({@link GexReport#callWall()}).
 */
public enum DealerConvention {

  /**
   * Dealers long calls, short puts: customers sell calls (overwriting, yield products) and buy puts (protection).
   * The assumption of SqueezeMetrics' GEX white paper (2017) and of most public GEX dashboards (e.g. SpotGamma);
   * the default. Calls +1, puts −1.
   */
  LONG_CALLS_SHORT_PUTS("long-calls-short-puts", 1.0, -1.0),

  /** Dealers short every option: customers are net buyers of calls and puts. Calls −1, puts −1. */
  SHORT_ALL("short-all", -1.0, -1.0),

  /** Dealers long every option: customers are net sellers (e.g. vaults writing options). Calls +1, puts +1. */
  LONG_ALL("long-all", 1.0, 1.0);

  private final String label;
  private final double callSign;
  private final double putSign;

  DealerConvention(String label, double callSign, double putSign) {
    this.label = label;
    this.callSign = callSign;
    this.putSign = putSign;
  }

  /** The name used on the command line and in JSON, e.g. {@code long-calls-short-puts}. */
  public String label() {
    return label;
  }

  /** The dealers' sign of a call's gamma: +1 when dealers are assumed long calls, −1 when short. */
  public double callSign() {
    return callSign;
  }

  /** The dealers' sign of a put's gamma: +1 when dealers are assumed long puts, −1 when short. */
  public double putSign() {
    return putSign;
  }

  /**
   * The dealers' sign of an option's gamma.
   *
   * @param type call or put
   * @return +1 (dealers long) or −1 (dealers short)
   */
  public double sign(OptionType type) {
    return ArgChecker.notNull(type, "option type").isCall() ? callSign : putSign;
  }

  /**
   * Parses a convention by its {@link #label()} or its enum name, any case, {@code _} and {@code -} alike
   * ({@code long-calls-short-puts}, {@code LONG_CALLS_SHORT_PUTS}, {@code short-all}).
   *
   * @throws IllegalArgumentException naming the text and the choices when it is none of them
   */
  public static DealerConvention parse(String text) {
    if (text != null) {
      String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
      for (DealerConvention c : values()) {
        if (c.label.equals(t)) {
          return c;
        }
      }
    }
    throw new IllegalArgumentException("dealer convention must be one of "
        + Arrays.stream(values()).map(DealerConvention::label).toList() + ", got '" + text + "'");
  }
}
