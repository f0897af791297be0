package io.netgamma.data.market;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.market.ForwardCurve;
import io.netgamma.core.market.surface.ExpirySmile;
import io.netgamma.core.market.surface.SmileQuote;
import io.netgamma.core.market.surface.SurfaceFit;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link SurfaceBuilder} did: one surface fit per underlying and every option quote not used in a fit, with
 * the reason.
 *
 * @param valuation the valuation instant the surfaces are fitted at (millisecond precision), or null when there was
 *     nothing to fit (an empty chain)
 * @param underlyings one entry per underlying with options, in order of first appearance; unmodifiable
 * @param setAside every quote not used in a fit (expired, no mark IV, inconsistent mark, outlier, expiry not fitted,
 *     other underlying), in order: first those set aside before grouping, then per underlying and expiry;
 *     unmodifiable
 * @param used quotes used in the fits, all underlyings
 */
public record SurfaceBuild(Instant valuation, List<UnderlyingFit> underlyings, List<SetAside> setAside, long used) {

  /** Validates and copies. */
  public SurfaceBuild {
    underlyings = List.copyOf(underlyings);
    setAside = List.copyOf(setAside);
    ArgChecker.isTrue(used >= 0, "used must be >= 0, got " + used);
  }

  /** Quotes whose bid IV was above their ask IV (kept without their width), all underlyings. */
  public int crossed() {
    return underlyings.stream().flatMap(u -> u.crossed().values().stream()).mapToInt(Integer::intValue).sum();
  }

  /** Number of expiries fitted, all underlyings. */
  public int fittedExpiries() {
    return underlyings.stream().mapToInt(u -> u.fit() == null ? 0 : u.fit().fits().size()).sum();
  }

  /**
   * The set-aside quotes of one expiry that count as its rejected quotes (not expired, not "expiry not fitted").
   *
   * @param underlying the coin
   * @param expiryMillis the expiry, epoch milliseconds
   * @return the quotes, in order
   */
  public List<SetAside> rejectedOf(String underlying, long expiryMillis) {
    return setAside.stream().filter(s -> s.underlying().equals(underlying) && s.expiryMillis() == expiryMillis
        && !s.reason().equals(Reasons.EXPIRED) && !s.reason().equals(Reasons.NOT_FITTED)).toList();
  }

  /**
   * Set-aside quotes counted by reason, after the given counts (e.g. rows skipped while reading).
   *
   * @param before counts to start from, in order; not changed
   * @return counts by reason, in order of first occurrence; a new modifiable map
   */
  public Map<String, Long> countsByReason(Map<String, Long> before) {
    Map<String, Long> counts = new LinkedHashMap<>(before);
    for (SetAside s : setAside) {
      counts.merge(s.reason(), 1L, Long::sum);
    }
    return counts;
  }

  /** The fit of one underlying, if it was fitted. */
  public java.util.Optional<SurfaceFit> fit(String underlying) {
    return underlyings.stream().filter(u -> u.underlying().equals(underlying) && u.fit() != null)
        .map(UnderlyingFit::fit).findFirst();
  }

  /**
   * A quote (or chain row) not used in a fit, and why.
   *
   * @param underlying the coin
   * @param expiryMillis the option's expiry, epoch milliseconds
   * @param symbol the option's Deribit name
   * @param line the row's line in the chain file; 0 when unknown (quotes of a snapshot JSON)
   * @param reason the short reason counted in summaries ({@link Reasons})
   * @param detail what was found, with the numbers
   */
  public record SetAside(String underlying, long expiryMillis, String symbol, long line, String reason,
      String detail) {

    /** Validates. */
    public SetAside {
      ArgChecker.notBlank(underlying, "underlying");
      ArgChecker.notBlank(symbol, "symbol");
      ArgChecker.isTrue(line >= 0, "line must be >= 0, got " + line);
      ArgChecker.notBlank(reason, "reason");
      ArgChecker.notNull(detail, "detail");
    }

    /**
     * One line for people: {@code SOURCE:LINE: set aside: SYMBOL (REASON): DETAIL} (no {@code :LINE} when the line
     * is unknown).
     *
     * @param source the file name
     * @return the line
     */
    public String message(String source) {
      return source + (line > 0 ? ":" + line : "") + ": set aside: " + symbol + " (" + reason + "): " + detail;
    }
  }

  /**
   * The surface of one underlying.
   *
   * @param underlying the coin
   * @param curve the forward curve the surface is fitted on (the market's), or null when the market has none for
   *     this underlying (then {@code fit} is null)
   * @param quotes every smile quote built, by symbol: the smiles' quotes and those set aside before the fit (IV
   *     restated at the valuation instant); unmodifiable
   * @param strikes the strike of every quote, by symbol, USD per coin; unmodifiable
   * @param crossed per expiry (epoch milliseconds), quotes whose bid IV was above their ask IV (width dropped);
   *     unmodifiable
   * @param smiles the smiles given to the fitter, by ascending expiry
   * @param fit the surface fit, or null when no expiry could be fitted
   * @param failure why there is no fit, or "" when there is one
   */
  public record UnderlyingFit(String underlying, ForwardCurve curve, Map<String, SmileQuote> quotes,
      Map<String, Double> strikes, Map<Long, Integer> crossed, List<ExpirySmile> smiles, SurfaceFit fit,
      String failure) {

    /** Validates and copies. */
    public UnderlyingFit {
      ArgChecker.notBlank(underlying, "underlying");
      quotes = Collections.unmodifiableMap(new LinkedHashMap<>(quotes));
      strikes = Collections.unmodifiableMap(new LinkedHashMap<>(strikes));
      crossed = Collections.unmodifiableMap(new LinkedHashMap<>(crossed));
      smiles = List.copyOf(smiles);
      ArgChecker.notNull(failure, "failure");
      ArgChecker.isTrue(fit == null || curve != null, underlying + ": a fit needs its forward curve");
      ArgChecker.isTrue((fit == null) != failure.isEmpty(), underlying + ": give a fit or a failure, not both");
    }
  }
}
