package io.netgamma.core.risk.netting;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.base.MissingMarketDataException;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.market.ForwardCurve;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.Quote;
import io.netgamma.core.market.VolatilitySurface;
import io.netgamma.core.portfolio.AssetRisk;
import io.netgamma.core.portfolio.GreeksAggregator;
import io.netgamma.core.portfolio.Measure;
import io.netgamma.core.portfolio.NetGreeks;
import io.netgamma.core.portfolio.PortfolioValuation;
import io.netgamma.core.portfolio.ReferenceEquivalent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Netting analytics of a valued book: how much of its delta, gamma, vega and theta offsets, and what that offset
 * saves in delta-hedging trades and costs. Reads the {@link PortfolioValuation} (nothing is priced) and, for default
 * volatilities, the snapshot's surfaces. Stateless.
 *
 * <p><b>Gross vs net</b> ({@link UnderlyingNetting}, {@link BookNetting}): per underlying, for each greek x,
 * {@code gross = Σ_i |x_i|} over the positions and {@code net = Σ_i x_i} ({@link GreeksAggregator#byUnderlying}:
 * positions on one instrument are netted first, so a long and a short of the same option add exactly 0), and the
 * netting efficiency {@code 1 − |net|/gross} (defined when gross &gt; 0). Units: delta coins, gamma coins per USD,
 * vega USD per vol point, theta USD per calendar day. For the book, vega and theta add across underlyings as they
 * are, delta and gamma in units of the reference (BTC-equivalent) with the weights of {@link ReferenceEquivalent};
 * the book's net delta and gamma are {@link GreeksAggregator#referenceEquivalent} exactly.
 *
 * <p><b>Hedging flow</b> ({@link HedgingCost}), after Hoggard, Whalley &amp; Wilmott (1994, "Hedging option
 * portfolios in the presence of transaction costs", Advances in Futures and Options Research 7: 21–35; also
 * Wilmott, "Paul Wilmott on Quantitative Finance", 2nd ed., ch. 48) and Leland (1985, "Option pricing and
 * replication with transactions costs", Journal of Finance 40: 1283–1301). A delta hedge rebalanced every δt (years)
 * on an underlying with index S (USD) and volatility σ (annualised) sees the index move by
 * {@code δS = S·σ·√δt·Z}, Z ~ N(0, 1), over each interval. A position whose delta changes by g coins per USD of the
 * index — {@code g = Γ·F/S}, its Black-76 gamma Γ (per USD of its forward F) times {@code δF/δS = F/S}, each forward
 * moving in proportion to the index with the carry held — must trade {@code |g·δS|} coins to stay hedged. With
 * {@code E|Z| = √(2/π)} (the mean of a half-normal distribution):
 * <pre>
 *   coins per rebalance   = |g|·S·σ·√δt·√(2/π)
 *   coins per day         = coins per rebalance × (1 day / δt)
 *   USD per day           = coins per day × S
 *   cost per day (USD)    = k × USD per day                  (k: proportional cost, costBp / 10,000)
 * </pre>
 * — HWW's expected cost per step {@code k·S²·|Γ|·σ·√(2δt/π)}. Because the flow is linear in |g| and |·| is
 * subadditive, hedging the net gamma never trades more than hedging the positions one by one:
 * <ul>
 *   <li>(a) every position on its own: {@code Σ_u Σ_{i∈u} |g_i|·S_u²·σ_u·√δt·√(2/π)} USD per rebalance;</li>
 *   <li>(b) each underlying netted: {@code Σ_u |G_u|·S_u²·σ_u·√δt·√(2/π)}, {@code G_u = Σ_{i∈u} g_i};</li>
 *   <li>(c) the whole book hedged in one reference instrument: the change of the book's USD delta over δt is
 *       {@code X = Σ_u G_u·S_u·δS_u = √δt·Σ_u a_u·Z_u} with {@code a_u = G_u·S_u²·σ_u} and {@code corr(Z_u, Z_v) = ρ_uv},
 *       so {@code var X = δt·Σ_uv a_u·a_v·ρ_uv} and the expected USD traded per rebalance is
 *       {@code E|X| = √(2/π)·sd(X)} (X is normal); in coins of the reference {@code E|X|/S_ref}.</li>
 * </ul>
 * {@code (c) ≤ (b) ≤ (a)} for any correlations. Defaults: δt 1 hour, k 5 bp ({@link NettingSettings}); σ_u given, or
 * the <b>ATM implied volatility</b> of the snapshot's surface of u ({@code k = ln(K/F) = 0}) at the nearest expiry
 * at least {@value #ATM_MIN_DAYS} days after the snapshot among the forward curve's nodes and the listed options of
 * u (at exactly {@value #ATM_MIN_DAYS} days when none is that far). σ is looked up only for underlyings with gamma.
 *
 * <p><b>Correlations</b> of (c): the given matrix ({@link NettingSettings#correlations()}), else the one-factor
 * matrix of the {@link AssetRisk} ({@code ρ_uv = ρ_u·ρ_v}, {@link CorrelationMatrix#oneFactor}; exact for two
 * underlyings one of which is the reference). The correlation sensitivity repeats (c) with every pair uncorrelated
 * (ρ = 0) and every pair at the crisis correlation (default 0.95): the cross-asset saving (b) − (c) grows with ρ when
 * the underlyings' net gammas have opposite signs (they offset more) and shrinks when they have the same sign.
 *
 * <p>A book on one underlying needs no {@link AssetRisk} (pass null); a book on several needs one covering them all.
 */
public final class NettingAnalyzer {

  /** The ATM volatility is read at the nearest expiry at least this many days after the snapshot. */
  public static final double ATM_MIN_DAYS = 7.0;

  private static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);

  private NettingAnalyzer() {
  }

  /**
   * Netting analytics of a valued book with the default settings.
   *
   * @see #analyze(PortfolioValuation, MarketSnapshot, AssetRisk, NettingSettings)
   */
  public static NettingReport analyze(PortfolioValuation valuation, MarketSnapshot snapshot, AssetRisk risk) {
    return analyze(valuation, snapshot, risk, NettingSettings.DEFAULT);
  }

  /**
   * Netting analytics of a valued book.
   *
   * @param valuation the book valued on {@code snapshot}
   * @param snapshot the snapshot the book was valued on (its surfaces give the default volatilities); may be null
   *     when every underlying with gamma has a given volatility
   * @param risk volatilities and correlations of the underlyings with a reference (the reference of the book-level
   *     delta and gamma and of hedge (c)); may be null for a book on a single underlying
   * @param settings δt, k, volatilities and correlations
   * @return the report, every number finite
   * @throws MissingMarketDataException naming what is missing: an underlying's volatility (no given σ and no
   *     surface), its correlation with the reference, an index price
   * @throws IllegalArgumentException when the book spans several underlyings and {@code risk} is null, when the
   *     snapshot is not the valuation's, or when the book has no positions and no reference is known
   */
  public static NettingReport analyze(PortfolioValuation valuation, MarketSnapshot snapshot, AssetRisk risk,
      NettingSettings settings) {
    ArgChecker.notNull(valuation, "valuation");
    ArgChecker.notNull(settings, "settings");
    if (snapshot != null && !snapshot.timestamp().equals(valuation.timestamp())) {
      throw new IllegalArgumentException("the market snapshot is as of " + snapshot.timestamp()
          + " but the book was valued as of " + valuation.timestamp());
    }
    List<String> underlyings = valuation.underlyings().stream().sorted().toList();
    String reference = reference(underlyings, risk);
    double sRef = valuation.indexPrice(reference);

    int nu = underlyings.size();
    int[] underlyingOfValuation = new int[valuation.underlyings().size()];
    for (int k = 0; k < underlyingOfValuation.length; k++) {
      underlyingOfValuation[k] = underlyings.indexOf(valuation.underlyings().get(k));
    }
    double[] index = new double[nu];
    double[] weight = new double[nu];
    for (int u = 0; u < nu; u++) {
      index[u] = valuation.indexPrice(underlyings.get(u));
      weight[u] = risk == null ? 1.0 : risk.weight(underlyings.get(u), settings.weighting());
    }

    // Gross sums over positions.
    int n = valuation.size();
    double[][] gross = new double[nu][4];
    int[] count = new int[nu];
    double[] bookGross = new double[4];
    double[] grossG = new double[nu];
    for (int i = 0; i < n; i++) {
      int j = valuation.instrumentIndex(i);
      int u = underlyingOfValuation[valuation.instrumentUnderlyingIndex(j)];
      count[u]++;
      double d = Math.abs(valuation.delta(i));
      double g = Math.abs(valuation.gamma(i));
      double v = Math.abs(valuation.vega(i));
      double t = Math.abs(valuation.theta(i));
      gross[u][0] += d;
      gross[u][1] += g;
      gross[u][2] += v;
      gross[u][3] += t;
      double ratio = index[u] / sRef;
      bookGross[0] += Math.abs(weight[u] * ratio) * d;
      bookGross[1] += weight[u] * weight[u] * ratio * ratio * g;
      bookGross[2] += v;
      bookGross[3] += t;
      grossG[u] += g * valuation.forward(i) / index[u];
    }

    // Net sums per underlying (instrument-netted) and for the book.
    Map<String, NetGreeks> net = GreeksAggregator.byUnderlying(valuation);
    List<UnderlyingNetting> perUnderlying = new ArrayList<>(nu);
    double[] bookPerUnderlying = new double[4];
    for (int u = 0; u < nu; u++) {
      NetGreeks ng = net.getOrDefault(underlyings.get(u), NetGreeks.ZERO);
      perUnderlying.add(new UnderlyingNetting(underlyings.get(u), count[u], index[u],
          new GrossNet(gross[u][0], ng.delta()), new GrossNet(gross[u][1], ng.gamma()),
          new GrossNet(gross[u][2], ng.vega()), new GrossNet(gross[u][3], ng.theta())));
      double ratio = index[u] / sRef;
      bookPerUnderlying[0] += Math.abs(weight[u] * ng.delta() * ratio);
      bookPerUnderlying[1] += Math.abs(weight[u] * weight[u] * ng.gamma() * ratio * ratio);
      bookPerUnderlying[2] += Math.abs(ng.vega());
      bookPerUnderlying[3] += Math.abs(ng.theta());
    }
    double netDelta;
    double netGamma;
    AssetRisk.Weighting weighting = settings.weighting();
    if (risk != null) {
      ReferenceEquivalent eq = GreeksAggregator.referenceEquivalent(valuation, risk, weighting, false);
      netDelta = eq.delta();
      netGamma = eq.gamma();
    } else {
      NetGreeks ng = nu == 0 ? NetGreeks.ZERO : net.getOrDefault(reference, NetGreeks.ZERO);
      netDelta = ng.delta();
      netGamma = ng.gamma();
    }
    NetGreeks total = GreeksAggregator.total(valuation);
    BookNetting book = new BookNetting(reference, weighting, sRef,
        new BookMeasure(bookGross[0], bookPerUnderlying[0], netDelta),
        new BookMeasure(bookGross[1], bookPerUnderlying[1], netGamma),
        new BookMeasure(bookGross[2], bookPerUnderlying[2], total.vega()),
        new BookMeasure(bookGross[3], bookPerUnderlying[3], total.theta()));

    HedgingCost hedging = hedging(valuation, snapshot, risk, settings, underlyings, underlyingOfValuation, index,
        grossG, reference, sRef);
    return new NettingReport(valuation.timestamp(), perUnderlying, book, hedging);
  }

  private static String reference(List<String> underlyings, AssetRisk risk) {
    if (risk != null) {
      return risk.reference();
    }
    if (underlyings.size() == 1) {
      return underlyings.get(0);
    }
    if (underlyings.isEmpty()) {
      throw new IllegalArgumentException("the book has no positions and no reference underlying was given "
          + "(pass an AssetRisk to name one)");
    }
    throw new IllegalArgumentException("the book spans " + underlyings + ": its book-level delta, gamma and "
        + "cross-asset hedge need each underlying's volatility and correlation with a reference (an AssetRisk)");
  }

  /** Hedging flows (a), (b), (c) and the correlation sensitivity of (c). */
  private static HedgingCost hedging(PortfolioValuation valuation, MarketSnapshot snapshot, AssetRisk risk,
      NettingSettings settings, List<String> underlyings, int[] underlyingOfValuation, double[] index,
      double[] grossG, String reference, double sRef) {
    int nu = underlyings.size();
    // Net g per underlying over distinct instruments (net quantity first: offsetting positions vanish exactly).
    double[] forwardOf = new double[valuation.instrumentCount()];
    for (int i = 0; i < valuation.size(); i++) {
      forwardOf[valuation.instrumentIndex(i)] = valuation.forward(i);
    }
    double[] netG = new double[nu];
    for (int j = 0; j < forwardOf.length; j++) {
      double q = valuation.netQuantity(j);
      if (q == 0) {
        continue;
      }
      int u = underlyingOfValuation[valuation.instrumentUnderlyingIndex(j)];
      netG[u] += valuation.unit(Measure.GAMMA, j) * q * forwardOf[j] / index[u];
    }

    double perDay = settings.rebalancesPerDay();
    double k = settings.costFraction();
    double sqrtDt = Math.sqrt(settings.rebalanceYears());
    List<UnderlyingHedging> rows = new ArrayList<>(nu);
    double[] a = new double[nu];
    double usdPositions = 0;
    double usdNetted = 0;
    for (int u = 0; u < nu; u++) {
      String name = underlyings.get(u);
      double s = index[u];
      double sigma = 0;
      String source = "not needed (no gamma)";
      if (grossG[u] > 0) {
        Double given = settings.volatilities().get(name);
        if (given != null) {
          sigma = given;
          source = "given";
        } else {
          AtmVol atm = atmVolatility(snapshot, name);
          sigma = atm.vol;
          source = atm.source;
        }
      }
      // coins per rebalance = |g|·S·σ·√δt·√(2/π)
      double perUnitG = s * sigma * sqrtDt * SQRT_2_OVER_PI;
      double coinsPositions = grossG[u] * perUnitG;
      double coinsNetted = Math.abs(netG[u]) * perUnitG;
      HedgeFlow positions = HedgeFlow.of(coinsPositions * s, perDay, k);
      HedgeFlow netted = HedgeFlow.of(coinsNetted * s, perDay, k);
      rows.add(new UnderlyingHedging(name, s, sigma, source, grossG[u], netG[u] + 0.0, coinsPositions * perDay,
          coinsNetted * perDay, positions, netted));
      usdPositions += positions.usdPerRebalance();
      usdNetted += netted.usdPerRebalance();
      a[u] = netG[u] * s * s * sigma;
    }
    HedgeFlow perPosition = HedgeFlow.of(usdPositions, perDay, k);
    HedgeFlow perUnderlying = HedgeFlow.of(usdNetted, perDay, k);

    CorrelationMatrix base;
    String baseName;
    if (settings.correlations() != null) {
      base = settings.correlations().select(underlyings);
      baseName = "base (given)";
    } else if (risk != null) {
      base = CorrelationMatrix.oneFactor(risk, underlyings);
      baseName = "base (one-factor from asset risk)";
    } else {
      base = CorrelationMatrix.constant(underlyings, 0.0); // one underlying: the 1×1 identity
      baseName = "base (single underlying)";
    }
    List<CorrelationCase> cases = new ArrayList<>(3);
    cases.add(bookCase(baseName, base, a, sqrtDt, perDay, k, perUnderlying));
    cases.add(bookCase("uncorrelated", CorrelationMatrix.constant(underlyings, 0.0), a, sqrtDt, perDay, k,
        perUnderlying));
    cases.add(bookCase(String.format(Locale.ROOT, "crisis (%s)", settings.crisisCorrelation()),
        CorrelationMatrix.constant(underlyings, settings.crisisCorrelation()), a, sqrtDt, perDay, k, perUnderlying));
    HedgeFlow book = cases.get(0).book();
    return new HedgingCost(settings.rebalanceInterval(), perDay, settings.costBp(), rows, perPosition, perUnderlying,
        book, reference, book.usdPerDay() / sRef, cases);
  }

  /** (c) under one correlation matrix: E|X| = √(2/π)·√(δt·aᵀρa). */
  private static CorrelationCase bookCase(String name, CorrelationMatrix rho, double[] a, double sqrtDt,
      double perDay, double k, HedgeFlow perUnderlying) {
    double variance = Math.max(0.0, rho.quadraticForm(a)); // ≥ 0 for a PSD matrix, up to rounding
    HedgeFlow book = HedgeFlow.of(SQRT_2_OVER_PI * Math.sqrt(variance) * sqrtDt, perDay, k);
    return new CorrelationCase(name, rho, book, perUnderlying.costUsdPerDay() - book.costUsdPerDay(),
        perUnderlying.usdPerDay() - book.usdPerDay());
  }

  /** The ATM volatility of an underlying and where it was read. */
  private record AtmVol(double vol, String source) {
  }

  /**
   * The ATM implied volatility ({@code k = 0}) of the snapshot's surface of {@code underlying} at the nearest expiry
   * at least {@link #ATM_MIN_DAYS} days ahead among the curve's nodes and the listed options, else at exactly that
   * many days.
   */
  private static AtmVol atmVolatility(MarketSnapshot snapshot, String underlying) {
    if (snapshot == null) {
      throw new MissingMarketDataException("no volatility for " + underlying + ": no market snapshot was given and "
          + "NettingSettings has no volatility for it");
    }
    VolatilitySurface surface = snapshot.surface(underlying).orElseThrow(() -> new MissingMarketDataException(
        "no volatility for " + underlying + ": the market snapshot of " + snapshot.timestamp() + " has no "
            + underlying + " volatility surface (give its volatility in NettingSettings)"));
    long now = snapshot.timestamp().toEpochMilli();
    long min = now + Math.round(ATM_MIN_DAYS * 86_400_000.0);
    long best = Long.MAX_VALUE;
    ForwardCurve curve = snapshot.forwardCurve(underlying);
    for (int i = 0; i < curve.size(); i++) {
      long e = curve.expiry(i);
      if (e >= min && e < best) {
        best = e;
      }
    }
    for (Quote q : snapshot.quotes()) {
      Instrument instrument = q.instrument();
      if (instrument.isOption() && instrument.underlying().equals(underlying)) {
        long e = instrument.expiry().toEpochMilli();
        if (e >= min && e < best) {
          best = e;
        }
      }
    }
    double t;
    String source;
    if (best == Long.MAX_VALUE) {
      t = ATM_MIN_DAYS / YearFraction.DAYS_PER_YEAR;
      source = String.format(Locale.ROOT, "surface ATM at %.0f days (no listed expiry that far)", ATM_MIN_DAYS);
    } else {
      t = YearFraction.act365(now, best);
      source = String.format(Locale.ROOT, "surface ATM, expiry %s (%.2f days)", Instant.ofEpochMilli(best),
          t * YearFraction.DAYS_PER_YEAR);
    }
    double vol;
    try {
      vol = surface.volatility(0.0, t);
    } catch (IllegalArgumentException e) {
      throw new MissingMarketDataException("no volatility for " + underlying + ": its surface cannot give the ATM "
          + "volatility at t = " + t + " (" + e.getMessage() + ")");
    }
    if (!(vol > 0 && vol < Double.POSITIVE_INFINITY)) {
      throw new MissingMarketDataException("no volatility for " + underlying + ": its surface gives " + vol
          + " at the money at t = " + t + " years (give its volatility in NettingSettings)");
    }
    return new AtmVol(vol, source);
  }
}
