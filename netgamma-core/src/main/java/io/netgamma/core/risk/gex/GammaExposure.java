package io.netgamma.core.risk.gex;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.base.NetgammaException;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.market.VolatilitySurface;
import io.netgamma.core.math.BrentSolver;
import io.netgamma.core.math.Normal;
import io.netgamma.core.pricing.Black76;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Dealer gamma exposure (GEX) of an option market from its open interest. Stateless; use {@link #DEFAULT}.
 *
 * <p><b>Per option</b>, at spot S (USD per coin), with the option's forward F, strike K, t years to expiry (ACT/365
 * from the valuation instant) and implied volatility σ:
 * <pre>
 *   Γ_F   = Black-76 gamma per 1 USD of the forward, rate 0 (Deribit's gamma)  = φ(d1) / (F·σ·√t)
 *   Γ_S   = Γ_F · (F/S)²     gamma per 1 USD of spot
 *   GEX   = sign · Γ_S · OI · S² · 0.01  =  sign · Γ_F · F² · OI · 0.01    [USD per 1% move of spot]
 * </pre>
 * with OI the open interest in coins and sign = ±1 from the {@link DealerConvention} (+1 where dealers are assumed
 * long). GEX is the USD value of the change in the dealers' delta (coins × S) when spot moves 1%: what they must
 * trade to stay delta-neutral, selling into a rise when GEX is positive, buying into it when negative.
 *
 * <p><b>Gamma with respect to spot, not the forward.</b> Each expiry's forward moves in proportion to spot,
 * {@code F = S·F₀/S₀} (the carry is held), so ∂²V/∂S² = Γ_F·(F/S)². At rate 0 and zero basis F = S and the two
 * gammas agree; with a basis they differ by (F/S)². The formula {@code Γ_F·OI·S²·0.01} that many public GEX scripts
 * apply to Deribit's gamma (per USD of the forward) understates a 6-month option in a 10%-a-year contango by about
 * 10%; here the exposure is {@code Γ_F·F²·OI·0.01}, the same number as {@code Γ_S·S²·OI·0.01}. Inverse
 * (coin-settled) options count with the Black-76 USD gamma, the gamma of the USD delta Deribit publishes and dealers
 * hedge; the coin-numeraire gamma ({@link Black76#GAMMA_COIN}) is not used.
 *
 * <p><b>Aggregates</b>: by strike (calls and puts of all expiries at that strike), by expiry, calls, puts, total.
 * Options expired at the valuation instant (t &le; 0) are left out and counted ({@link GexReport#excluded()}).
 *
 * <p><b>Profile</b>: the total GEX at {@code points} spot levels evenly spaced over {@code S·(1 ± range)}, each by
 * full revaluation: at level S' every option's forward is {@code F·S'/S}, t is unchanged (no time passes), and the
 * volatility follows {@link GexSettings#volatilityRule()}: sticky strike (each option keeps its own σ; the default)
 * or the surface's volatility at the moved log-moneyness {@code ln(K/F')} (sticky moneyness). GEX at S' is per 1%
 * move at S'.
 *
 * <p><b>Zero gamma</b> (the "flip"): every sign change between neighbouring levels of the profile is refined by
 * Brent's method on the same full revaluation to 1e-13 of spot (levels where the total is exactly 0, because no
 * option has any gamma left there, are passed over: a crossing is a change of sign between non-zero totals). The
 * reported level is the crossing nearest the current spot; with no sign change on the grid there is
 * none in range ({@link ZeroGamma#found()} false, and the description says which sign GEX keeps). Two crossings
 * closer together than a grid step can be missed: refine the grid ({@code points}) to resolve them.
 *
 * <p><b>Walls</b>: with {@code callGex(K)} the GEX of all calls struck at K (every expiry), the call wall is the
 * strike with the largest {@code |callGex(K)|}, and the put wall likewise with the puts; ties go to the lower strike.
 * Under the default convention (dealers long calls, short puts) the call wall is the strike with the largest positive
 * call GEX and the put wall the one with the most negative put GEX. A convention flips the sign of all calls (or all
 * puts) together, so the walls' strikes do not depend on it; the walls do not depend on the spot range either.
 *
 * <p>The profile and the root finder run over structure-of-arrays state built once per calculation and allocate
 * nothing per spot level; under sticky strike a level costs one exponential per option (the density
 * {@code exp(−d1²/2)} directly: its relative error, about d1²·1e-16, is below 1e-13 wherever a term is not
 * negligible), and a surface lookup and a square root more with a surface.
 */
public final class GammaExposure {

  /** The shared instance. */
  public static final GammaExposure DEFAULT = new GammaExposure();

  /** A 1% move: GEX is in USD per this fraction of spot. */
  public static final double ONE_PERCENT = 0.01;

  /** Tolerance of the zero-gamma root, as a fraction of spot. */
  public static final double ROOT_TOLERANCE = 1e-13;

  private GammaExposure() {
  }

  /**
   * The GEX report with the default settings ({@link GexSettings#DEFAULT}).
   *
   * @param input the market
   * @return the report
   */
  public GexReport compute(GexInput input) {
    return compute(input, GexSettings.DEFAULT);
  }

  /**
   * The GEX report: per option, by strike, by expiry, totals, profile, zero gamma and walls (see the class
   * javadoc).
   *
   * @param input the market
   * @param settings the dealer convention, spot range and volatility rule
   * @return the report
   * @throws IllegalArgumentException when a surface is set that is not of the input's underlying or valuation
   *     instant, or gives no positive variance for an option
   */
  public GexReport compute(GexInput input, GexSettings settings) {
    ArgChecker.notNull(input, "input");
    ArgChecker.notNull(settings, "settings");
    checkSurface(input, settings.surface());
    List<GexExclusion> excluded = new ArrayList<>(input.excluded());
    Book book = Book.of(input, settings, excluded);
    double spot = input.spot();

    // per option at the current spot, from Black-76's own gamma
    List<OptionGex> options = new ArrayList<>(book.n);
    double[] greeks = new double[Black76.SIZE];
    TreeMap<Double, double[]> strikes = new TreeMap<>();
    TreeMap<Long, double[]> expiries = new TreeMap<>();
    double callGex = 0;
    double putGex = 0;
    for (int i = 0; i < book.n; i++) {
      GexOption o = book.options[i];
      double vol = book.surface == null ? o.iv() : book.sdev(i, book.lnForwardOverStrike[i]) / book.sqrtT[i];
      Black76.DEFAULT.priceAndGreeks(o.type().sign(), o.forward(), o.strike(), book.t[i], vol, 0.0, greeks);
      double gammaForward = greeks[Black76.GAMMA];
      double ratio = o.forward() / spot;
      double gammaSpot = gammaForward * ratio * ratio;
      double gex = book.sign[i] * gammaSpot * o.openInterest() * spot * spot * ONE_PERCENT;
      options.add(new OptionGex(o, book.t[i], vol, gammaForward, gammaSpot, gex));
      int column = o.type().isCall() ? 0 : 1;
      double[] s = strikes.computeIfAbsent(o.strike(), k -> new double[4]);
      s[column] += gex;
      s[2 + column] += o.openInterest();
      double[] e = expiries.computeIfAbsent(o.expiryMillis(), k -> new double[4]);
      e[column] += gex;
      e[2 + column] += o.openInterest();
      if (column == 0) {
        callGex += gex;
      } else {
        putGex += gex;
      }
    }
    List<StrikeGex> byStrike = new ArrayList<>(strikes.size());
    for (Map.Entry<Double, double[]> e : strikes.entrySet()) {
      double[] v = e.getValue();
      byStrike.add(new StrikeGex(e.getKey(), v[0], v[1], v[2], v[3]));
    }
    List<ExpiryGex> byExpiry = new ArrayList<>(expiries.size());
    for (Map.Entry<Long, double[]> e : expiries.entrySet()) {
      double[] v = e.getValue();
      byExpiry.add(new ExpiryGex(e.getKey(), YearFraction.act365(input.valuationMillis(), e.getKey()), v[0], v[1],
          v[2], v[3]));
    }

    // profile by full revaluation
    int m = settings.points();
    double[] ratios = new double[m];
    double[] levels = new double[m];
    double[] profile = new double[m];
    for (int j = 0; j < m; j++) {
      ratios[j] = 1.0 + settings.range() * (2.0 * j - (m - 1)) / (m - 1);
      levels[j] = spot * ratios[j];
      profile[j] = book.totalGex(ratios[j]);
    }
    ZeroGamma zero = zeroGamma(book, spot, ratios, profile, settings.range());

    return new GexReport(input.underlying(), spot, input.valuationMillis(), settings.dealer(),
        settings.volatilityRule(), options, excluded, byStrike, byExpiry, callGex, putGex,
        new GexProfile(levels, profile), zero, wall(byStrike, true), wall(byStrike, false));
  }

  /**
   * Total GEX at one spot level by full revaluation (forwards {@code F·level/S}, volatilities by the settings'
   * rule): the function whose root is the zero-gamma level. Options expired at the valuation instant are left out.
   *
   * @param input the market
   * @param settings the dealer convention and volatility rule (range and points are not used)
   * @param level the spot level, USD per coin, &gt; 0
   * @return total GEX at that level, USD per 1% move of spot at that level
   */
  public double totalGexAt(GexInput input, GexSettings settings, double level) {
    ArgChecker.notNull(input, "input");
    ArgChecker.notNull(settings, "settings");
    ArgChecker.positive(level, "spot level");
    checkSurface(input, settings.surface());
    return Book.of(input, settings, new ArrayList<>()).totalGex(level / input.spot());
  }

  private static void checkSurface(GexInput input, VolatilitySurface surface) {
    if (surface == null) {
      return;
    }
    String underlying = surface.forwardCurve().underlying();
    ArgChecker.isTrue(underlying.equals(input.underlying()), "the volatility surface is of " + underlying
        + ", the options are of " + input.underlying());
    long valuation = surface.forwardCurve().valuationMillis();
    ArgChecker.isTrue(valuation == input.valuationMillis(), "the volatility surface is as of "
        + Instant.ofEpochMilli(valuation) + ", the options are valued at " + input.valuation());
  }

  private static ZeroGamma zeroGamma(Book book, double spot, double[] ratios, double[] profile, double range) {
    int m = ratios.length;
    boolean allZero = true;
    for (double g : profile) {
      allZero &= g == 0;
    }
    String from = String.format(Locale.ROOT, "%,.2f to %,.2f (%.0f%% to +%.0f%% of spot %,.2f)", spot * ratios[0],
        spot * ratios[m - 1], -100 * range, 100 * range, spot);
    if (allZero) {
      return new ZeroGamma(OptionalDouble.empty(), List.of(), "none in range: no gamma exposure at all from " + from
          + " (no unexpired option with open interest)");
    }
    List<Double> crossings = new ArrayList<>();
    List<Boolean> rising = new ArrayList<>();
    int previous = -1; // the last level with a non-zero total
    for (int j = 0; j < m; j++) {
      if (profile[j] == 0) {
        continue; // no option has gamma left here (the densities underflowed): not a sign by itself
      }
      if (previous >= 0 && (profile[previous] > 0) != (profile[j] > 0)) {
        double r = BrentSolver.root(book::totalGex, ratios[previous], ratios[j], profile[previous], profile[j],
            ROOT_TOLERANCE, "zero-gamma level of " + book.underlying + " between spot " + spot * ratios[previous]
                + " and " + spot * ratios[j]);
        crossings.add(spot * r);
        rising.add(profile[j] > 0);
      }
      previous = j;
    }
    if (crossings.isEmpty()) {
      boolean positive = profile[previous] > 0;
      return new ZeroGamma(OptionalDouble.empty(), List.of(), "none in range: GEX is "
          + (positive ? "positive (dealers long gamma)" : "negative (dealers short gamma)") + " from " + from);
    }
    int nearest = 0;
    for (int i = 1; i < crossings.size(); i++) {
      if (Math.abs(crossings.get(i) - spot) < Math.abs(crossings.get(nearest) - spot)) {
        nearest = i;
      }
    }
    double level = crossings.get(nearest);
    String text = String.format(Locale.ROOT, "%,.2f (%+.2f%% from spot): GEX is %s below and %s above", level,
        100 * (level / spot - 1), rising.get(nearest) ? "negative" : "positive",
        rising.get(nearest) ? "positive" : "negative");
    if (crossings.size() > 1) {
      StringBuilder all = new StringBuilder();
      for (double c : crossings) {
        all.append(all.isEmpty() ? "" : "; ").append(String.format(Locale.ROOT, "%,.2f", c));
      }
      text += "; " + crossings.size() + " crossings in range: " + all;
    }
    return new ZeroGamma(OptionalDouble.of(level), crossings, text);
  }

  private static Optional<GexWall> wall(List<StrikeGex> byStrike, boolean calls) {
    StrikeGex best = null;
    double bestSize = 0;
    for (StrikeGex s : byStrike) {
      double size = Math.abs(calls ? s.callGex() : s.putGex());
      if (size > bestSize) {
        best = s;
        bestSize = size;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    return Optional.of(calls ? new GexWall(best.strike(), best.callGex(), best.callOpenInterest())
        : new GexWall(best.strike(), best.putGex(), best.putOpenInterest()));
  }

  /**
   * The unexpired options in structure-of-arrays form, with what the full revaluation needs precomputed; built once
   * per calculation, then {@link #totalGex} allocates nothing.
   */
  static final class Book {
    final String underlying;
    final int n;
    final GexOption[] options;
    final double[] sign;
    final double[] weight;
    final double[] forward;
    final double[] t;
    final double[] sqrtT;
    final double[] lnForwardOverStrike;
    final double[] stickySdev;
    final double[] stickyInvSdev;
    final double[] stickyHalfSdev;
    final double[] stickyScale;
    final VolatilitySurface surface;

    private Book(String underlying, int n, VolatilitySurface surface) {
      this.underlying = underlying;
      this.n = n;
      this.surface = surface;
      options = new GexOption[n];
      sign = new double[n];
      weight = new double[n];
      forward = new double[n];
      t = new double[n];
      sqrtT = new double[n];
      lnForwardOverStrike = new double[n];
      stickySdev = new double[n];
      stickyInvSdev = new double[n];
      stickyHalfSdev = new double[n];
      stickyScale = new double[n];
    }

    /** The unexpired options of the input; expired ones are added to {@code excluded}. */
    static Book of(GexInput input, GexSettings settings, List<GexExclusion> excluded) {
      List<GexOption> live = new ArrayList<>(input.options().size());
      for (GexOption o : input.options()) {
        if (o.expiryMillis() <= input.valuationMillis()) {
          excluded.add(new GexExclusion(o.label(), GexExclusion.EXPIRED, "expires at "
              + Instant.ofEpochMilli(o.expiryMillis()) + ", not after the valuation instant " + input.valuation()));
        } else {
          live.add(o);
        }
      }
      Book b = new Book(input.underlying(), live.size(), settings.surface());
      for (int i = 0; i < b.n; i++) {
        GexOption o = live.get(i);
        b.options[i] = o;
        b.sign[i] = settings.dealer().sign(o.type());
        b.weight[i] = b.sign[i] * o.openInterest() * ONE_PERCENT;
        b.forward[i] = o.forward();
        b.t[i] = YearFraction.act365(input.valuationMillis(), o.expiryMillis());
        b.sqrtT[i] = Math.sqrt(b.t[i]);
        b.lnForwardOverStrike[i] = Math.log(o.forward() / o.strike());
        b.stickySdev[i] = o.iv() * b.sqrtT[i];
        b.stickyInvSdev[i] = 1.0 / b.stickySdev[i];
        b.stickyHalfSdev[i] = 0.5 * b.stickySdev[i];
        b.stickyScale[i] = b.weight[i] * o.forward() * Normal.INV_SQRT_2PI / b.stickySdev[i];
      }
      return b;
    }

    /**
     * σ·√t of option {@code i} when its log forward-over-strike is {@code lnFk}: the option's own under sticky
     * strike, else the surface's at {@code k = −lnFk}.
     */
    double sdev(int i, double lnFk) {
      if (surface == null) {
        return stickySdev[i];
      }
      double w = surface.totalVariance(-lnFk, t[i]);
      if (!(w > 0 && w < Double.POSITIVE_INFINITY)) {
        throw new NetgammaException(options[i].label() + ": the volatility surface gives total variance " + w
            + " at log-moneyness " + (-lnFk) + ", t " + t[i] + " years: no gamma can be computed");
      }
      return Math.sqrt(w);
    }

    /**
     * Total GEX, USD per 1% move, with spot at {@code ratio} times the input's spot: {@code Σ sign·OI·0.01·F'·φ(d1)
     * /(σ√t)} with {@code F' = F·ratio} (which is {@code Σ sign·Γ_F(F')·F'²·OI·0.01}). Allocation-free.
     */
    double totalGex(double ratio) {
      double lnRatio = Math.log(ratio);
      double sum = 0;
      if (surface == null) {
        // sticky strike: σ√t is fixed, so w·F·φ(d1)/(σ√t) = stickyScale·exp(−d1²/2), one exponential per option
        for (int i = 0; i < n; i++) {
          double d1 = (lnForwardOverStrike[i] + lnRatio) * stickyInvSdev[i] + stickyHalfSdev[i];
          sum += stickyScale[i] * Math.exp(-0.5 * d1 * d1);
        }
        return sum * ratio;
      }
      for (int i = 0; i < n; i++) {
        double lnFk = lnForwardOverStrike[i] + lnRatio;
        double s = sdev(i, lnFk);
        double d1 = lnFk / s + 0.5 * s;
        sum += weight[i] * forward[i] * Normal.pdf(d1) / s;
      }
      return sum * ratio;
    }
  }
}
