package io.netgamma.data.market;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.base.NetgammaException;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.OptionType;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.market.ForwardCurve;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.Quote;
import io.netgamma.core.market.surface.ExpirySmile;
import io.netgamma.core.market.surface.RejectedQuote;
import io.netgamma.core.market.surface.SkippedExpiry;
import io.netgamma.core.market.surface.SmileQuote;
import io.netgamma.core.market.surface.SurfaceFit;
import io.netgamma.core.market.surface.SviSurfaceFitter;
import io.netgamma.core.pricing.ImpliedVolatility;
import io.netgamma.data.market.SurfaceBuild.SetAside;
import io.netgamma.data.market.SurfaceBuild.UnderlyingFit;
import io.netgamma.data.tardis.ChainRow;
import io.netgamma.data.tardis.MarkConsistency;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Fits a volatility surface per underlying to the mark implied volatilities of its options
 * ({@link SviSurfaceFitter}: a raw-SVI smile per expiry, weighted by vega and bid/ask width, outliers set aside,
 * free of calendar arbitrage), on the market's forward curve. The one implementation behind {@code netgamma
 * surface} and {@link MarketLoader}, from chain rows or from the quotes of a snapshot.
 *
 * <p>How each option becomes a smile quote:
 * <ul>
 *   <li>the valuation instant is the market's timestamp at millisecond precision; every smile's t is measured
 *       from it (ACT/365 to the 08:00 UTC expiry); options expired at it are set aside
 *       ({@link Reasons#EXPIRED});</li>
 *   <li>a quote observed at another instant (a chain row stamped earlier; a snapshot valued at an instant other
 *       than its own) has its IVs restated at the valuation instant with the same total variance,
 *       {@code σ' = σ·sqrt(t_quote/t)}: the IV that gives the quote's own price there;</li>
 *   <li>the IV fitted is the mark IV (absent or 0: set aside, {@link Reasons#NO_MARK_IV}); the quote's bid/ask
 *       width from its bid and ask IVs (chain: {@code bid_iv}/{@code ask_iv}; snapshot: the implied volatilities
 *       of its bid and ask prices); 0 or absent = that side absent; a bid IV above the ask IV is crossed: the width
 *       is dropped, the quote kept and counted;</li>
 *   <li>log-moneyness {@code k = ln(K/F)} against the option's own forward (Tardis {@code underlying_price}, the
 *       quote's {@code forward}), else the curve's forward of its expiry;</li>
 *   <li>an inverse option whose mark price is not Black-76 of its own mark IV and forward ({@link MarkConsistency},
 *       at the quote's own instant) was stitched from values of different instants and is set aside
 *       ({@link Reasons#INCONSISTENT_MARK});</li>
 *   <li>{@link SviSurfaceFitter} then sets aside outliers ({@link Reasons#OUTLIER}) and skips expiries with fewer
 *       than 5 strikes ({@link Reasons#NOT_FITTED}).</li>
 * </ul>
 * The fitted surface's forward curve is the market's curve of that underlying, so {@code surface.volatility(K,
 * expiry)} measures moneyness against the same forwards a pricer uses. Stateless and thread-safe.
 */
public final class SurfaceBuilder {

  /** Fits with {@link SviSurfaceFitter#DEFAULT}. */
  public static final SurfaceBuilder DEFAULT = new SurfaceBuilder(SviSurfaceFitter.DEFAULT);

  private final SviSurfaceFitter fitter;

  private SurfaceBuilder(SviSurfaceFitter fitter) {
    this.fitter = fitter;
  }

  /**
   * A builder that fits with the given surface fitter.
   *
   * @param fitter the fitter
   * @return the builder
   */
  public static SurfaceBuilder of(SviSurfaceFitter fitter) {
    return new SurfaceBuilder(ArgChecker.notNull(fitter, "fitter"));
  }

  /** One option as the builder sees it, from a chain row or a snapshot quote. */
  private record Mark(String symbol, long line, String underlying, long expiryMillis, Instant expiration,
      boolean inverse, double strike, double forward, double markIv, double bidIv, double askIv,
      double yearsToExpiry, Supplier<String> inconsistency) {
  }

  /**
   * Fits the surfaces of a chain's latest rows.
   *
   * @param rows the rows
   * @param market the snapshot built from them ({@link ChainSnapshotBuilder}): its timestamp is the valuation
   *     instant and its forward curves carry the surfaces; null when the chain had no usable row
   * @param only fit only this underlying (the others are set aside as {@link Reasons#OTHER_UNDERLYING}); null for
   *     all
   * @return the fits and what was set aside
   */
  public SurfaceBuild fromChain(LatestChainRows rows, MarketSnapshot market, String only) {
    ArgChecker.notNull(rows, "rows");
    if (market == null) {
      return new SurfaceBuild(null, List.of(), List.of(), 0);
    }
    Instant latest = rows.latestTimestamp();
    boolean atLatestRow = latest != null && latest.toEpochMilli() == market.timestamp().toEpochMilli();
    List<Mark> marks = new ArrayList<>(rows.rows().size());
    for (ChainRow r : rows.rows()) {
      marks.add(new Mark(r.symbol(), r.line(), r.instrument().underlying(), r.expiration().toEpochMilli(),
          r.expiration(), r.instrument().isInverse(), r.strike(), r.underlyingPrice(), r.markIvFraction(),
          r.bidIvFraction().orElse(0.0), r.askIvFraction().orElse(0.0), r.yearsToExpiry(),
          () -> inconsistency(r)));
    }
    return build(marks, market, only, atLatestRow ? " (the latest row timestamp)" : " (the valuation instant)");
  }

  /**
   * Fits the surfaces of the option quotes of a snapshot.
   *
   * @param market the snapshot: its timestamp is the valuation instant, its forward curves carry the surfaces;
   *     an underlying without an index price gets no surface (its quotes are set aside with the reason)
   * @param quoted the instant the quotes were observed at (the snapshot file's own timestamp; the market's when
   *     the valuation instant was not moved): IVs are restated from there to the valuation instant
   * @param only fit only this underlying; null for all
   * @return the fits and what was set aside
   */
  public SurfaceBuild fromQuotes(MarketSnapshot market, Instant quoted, String only) {
    ArgChecker.notNull(market, "market");
    ArgChecker.notNull(quoted, "quoted");
    long quotedMillis = quoted.toEpochMilli();
    List<Mark> marks = new ArrayList<>();
    for (Quote q : market.quotes()) {
      Instrument ins = q.instrument();
      if (!ins.isOption()) {
        continue;
      }
      String u = ins.underlying();
      long expiry = ins.expiry().toEpochMilli();
      double forward = q.hasForward() ? q.forward() : market.underlyings().contains(u)
          ? market.forwardCurve(u).forward(expiry) : Double.NaN;
      double t = YearFraction.act365(quotedMillis, expiry);
      double bidIv = Double.NaN;
      double askIv = Double.NaN;
      if (!Double.isNaN(forward) && t > 0) {
        bidIv = impliedVolatility(q, q.bid(), forward, t);
        askIv = impliedVolatility(q, q.ask(), forward, t);
      }
      double f = forward;
      marks.add(new Mark(ins.name(), 0, u, expiry, ins.expiry(), ins.isInverse(), ins.strike(), forward,
          q.markIv(), bidIv, askIv, t, () -> inconsistency(q, quoted, f)));
    }
    return build(marks, market, only, " (the valuation instant)");
  }

  /**
   * The snapshot with the fitted surfaces added (each on the snapshot's own forward curve); everything else
   * unchanged.
   *
   * @param market the snapshot the surfaces were fitted on
   * @param build the fits
   * @return a new snapshot
   */
  public static MarketSnapshot withSurfaces(MarketSnapshot market, SurfaceBuild build) {
    ArgChecker.notNull(market, "market");
    ArgChecker.notNull(build, "build");
    MarketSnapshot.Builder b = MarketSnapshot.builder(market.timestamp());
    for (String u : market.underlyings()) {
      b.index(u, market.index(u));
      b.forwardCurve(market.forwardCurve(u));
    }
    market.quotes().forEach(b::quote);
    for (UnderlyingFit u : build.underlyings()) {
      if (u.fit() != null) {
        ForwardCurve fitted = u.fit().surface().forwardCurve();
        ArgChecker.isTrue(sameCurve(fitted, market.forwardCurve(u.underlying())),
            u.underlying() + ": the surface was not fitted on this snapshot's forward curve");
        b.forwardCurve(fitted); // the very curve the surface holds (equal to the snapshot's)
        b.surface(u.fit().surface());
      }
    }
    return b.build();
  }

  /** True when two curves give the same forwards: same underlying, valuation instant, index and nodes. */
  private static boolean sameCurve(ForwardCurve a, ForwardCurve b) {
    if (a == b) {
      return true;
    }
    if (!a.underlying().equals(b.underlying()) || a.valuationMillis() != b.valuationMillis()
        || Double.compare(a.index(), b.index()) != 0 || a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.expiry(i) != b.expiry(i) || Double.compare(a.forwardAt(i), b.forwardAt(i)) != 0) {
        return false;
      }
    }
    return true;
  }

  // ------------------------------------------------------------------------------------------------ the engine

  private SurfaceBuild build(List<Mark> marks, MarketSnapshot market, String only, String valuationNote) {
    List<SetAside> setAside = new ArrayList<>();
    long now = market.timestamp().toEpochMilli(); // millisecond precision, as forward curves and surfaces keep time
    Instant valuation = Instant.ofEpochMilli(now);
    Map<String, TreeMap<Long, List<Mark>>> byUnderlying = new LinkedHashMap<>();
    for (Mark m : marks) {
      String u = m.underlying();
      long expiry = m.expiryMillis();
      if (only != null && !only.equals(u)) {
        setAside.add(new SetAside(u, expiry, m.symbol(), m.line(), Reasons.OTHER_UNDERLYING, "not " + only));
      } else if (expiry <= now) {
        setAside.add(new SetAside(u, expiry, m.symbol(), m.line(), Reasons.EXPIRED, "expires at " + m.expiration()
            + ", not after the snapshot instant " + valuation + valuationNote));
      } else if (!(m.yearsToExpiry() > 0)) {
        setAside.add(new SetAside(u, expiry, m.symbol(), m.line(), Reasons.EXPIRED, "expires at " + m.expiration()
            + ", not after the instant it was quoted at"));
      } else {
        byUnderlying.computeIfAbsent(u, x -> new TreeMap<>()).computeIfAbsent(expiry, x -> new ArrayList<>()).add(m);
      }
    }
    List<UnderlyingFit> fits = new ArrayList<>();
    long used = 0;
    for (Map.Entry<String, TreeMap<Long, List<Mark>>> e : byUnderlying.entrySet()) {
      UnderlyingFit u = fitUnderlying(e.getKey(), market, now, e.getValue(), setAside);
      fits.add(u);
      if (u.fit() != null) {
        used += u.fit().fits().stream().mapToInt(f -> f.used().size()).sum();
      }
    }
    return new SurfaceBuild(valuation, fits, setAside, used);
  }

  private UnderlyingFit fitUnderlying(String underlying, MarketSnapshot market, long now,
      TreeMap<Long, List<Mark>> expiries, List<SetAside> setAside) {
    if (!market.underlyings().contains(underlying)) {
      String failure = "no index price or forward curve for " + underlying + " in the market";
      for (List<Mark> ms : expiries.values()) {
        for (Mark m : ms) {
          setAside.add(new SetAside(underlying, m.expiryMillis(), m.symbol(), m.line(), Reasons.NOT_FITTED,
              failure));
        }
      }
      return new UnderlyingFit(underlying, null, Map.of(), Map.of(), Map.of(), List.of(), null, failure);
    }
    ForwardCurve curve = market.forwardCurve(underlying);
    Map<String, SmileQuote> quotes = new LinkedHashMap<>();
    Map<String, Double> strikes = new HashMap<>();
    Map<String, Mark> bySymbol = new HashMap<>();
    Map<Long, Integer> crossed = new TreeMap<>();
    List<ExpirySmile> smiles = new ArrayList<>();
    for (Map.Entry<Long, List<Mark>> e : expiries.entrySet()) {
      long expiry = e.getKey();
      double t = YearFraction.act365(now, expiry);
      List<SmileQuote> smile = new ArrayList<>();
      for (Mark m : e.getValue()) {
        bySymbol.put(m.symbol(), m);
        strikes.put(m.symbol(), m.strike());
        if (!(m.markIv() > 0)) {
          setAside.add(new SetAside(underlying, expiry, m.symbol(), m.line(), Reasons.NO_MARK_IV, "mark_iv is "
              + (Double.isNaN(m.markIv()) ? "absent" : percent(m.markIv()))));
          continue;
        }
        // restate the IVs at the valuation instant: same total variance σ²·t, hence the same price
        double scale = Math.sqrt(m.yearsToExpiry() / t);
        double bid = sideIv(m.bidIv(), scale);
        double ask = sideIv(m.askIv(), scale);
        if (bid > ask) {
          crossed.merge(expiry, 1, Integer::sum);
          bid = Double.NaN;
          ask = Double.NaN;
        }
        double forward = Double.isNaN(m.forward()) ? curve.forward(expiry) : m.forward();
        SmileQuote q = SmileQuote.ofStrike(m.symbol(), m.strike(), forward, m.markIv() * scale, bid, ask);
        quotes.put(m.symbol(), q);
        if (m.inverse()) {
          String problem = m.inconsistency().get();
          if (!problem.isEmpty()) {
            setAside.add(new SetAside(underlying, expiry, m.symbol(), m.line(), Reasons.INCONSISTENT_MARK, problem));
            continue;
          }
        }
        smile.add(q);
      }
      smiles.add(ExpirySmile.of(expiry, smile));
    }
    SurfaceFit fit;
    try {
      fit = fitter.fit(curve, smiles);
    } catch (NetgammaException ex) {
      for (ExpirySmile s : smiles) {
        for (SmileQuote q : s.quotes()) {
          setAside.add(new SetAside(underlying, s.expiryMillis(), q.label(), bySymbol.get(q.label()).line(),
              Reasons.NOT_FITTED, ex.getMessage()));
        }
      }
      return new UnderlyingFit(underlying, curve, quotes, strikes, crossed, smiles, null, ex.getMessage());
    }
    for (SkippedExpiry s : fit.skipped()) {
      for (ExpirySmile smile : smiles) {
        if (smile.expiryMillis() == s.expiryMillis()) {
          for (SmileQuote q : smile.quotes()) {
            setAside.add(new SetAside(underlying, s.expiryMillis(), q.label(), bySymbol.get(q.label()).line(),
                Reasons.NOT_FITTED, s.reason()));
          }
        }
      }
    }
    for (int i = 0; i < fit.fits().size(); i++) {
      long expiry = fit.surface().expiry(i);
      for (RejectedQuote rq : fit.fits().get(i).rejected()) {
        setAside.add(new SetAside(underlying, expiry, rq.quote().label(), bySymbol.get(rq.quote().label()).line(),
            Reasons.OUTLIER, rq.reason()));
      }
    }
    return new UnderlyingFit(underlying, curve, quotes, strikes, crossed, smiles, fit, "");
  }

  /** A bid or ask IV restated at the valuation instant; NaN when absent (NaN, or Deribit's 0). */
  private static double sideIv(double iv, double scale) {
    return iv > 0 ? iv * scale : Double.NaN;
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
  }

  /** Why a chain row's mark is not Black-76 of its own mark IV and forward, or "" when it is. */
  private static String inconsistency(ChainRow r) {
    MarkConsistency.Result check = MarkConsistency.check(r);
    if (check.consistent()) {
      return "";
    }
    return String.format(Locale.ROOT, "mark_price %s coin is not Black-76 of its own mark_iv %s and "
        + "underlying_price %s (off by %.3g coin, tolerance %.3g)", r.markPriceCoin(), percent(r.markIvFraction()),
        r.underlyingPrice(), check.errorCoin(), check.toleranceCoin());
  }

  /**
   * The same check for an inverse option's snapshot quote, at the instant it was quoted and on its forward; ""
   * when it has no mark to check.
   */
  private static String inconsistency(Quote q, Instant quoted, double forward) {
    if (!q.hasMark()) {
      return "";
    }
    Instrument ins = q.instrument();
    OptionalDouble none = OptionalDouble.empty();
    // MarkConsistency reads a chain row: the quote's fields as one, stamped at the snapshot's instant
    ChainRow row = new ChainRow(0, "", ins.name(), ins, quoted, quoted, ins.optionType(), ins.strike(),
        ins.expiry(), none, none, none, none, none, none, none, none, q.mark(), q.markIv(), Optional.empty(),
        forward, none, none, none, none, none);
    MarkConsistency.Result check = MarkConsistency.check(row);
    if (check.consistent()) {
      return "";
    }
    return String.format(Locale.ROOT, "mark %s coin is not Black-76 of its own mark_iv %s and forward %s (off by "
        + "%.3g coin, tolerance %.3g)", q.mark(), percent(q.markIv()), forward, check.errorCoin(),
        check.toleranceCoin());
  }

  /**
   * The implied volatility of a bid or ask price of an option quote, NaN when the side is absent (NaN or 0) or has
   * no implied volatility (e.g. a bid below intrinsic value).
   */
  private static double impliedVolatility(Quote q, double price, double forward, double t) {
    if (!(price > 0)) {
      return Double.NaN;
    }
    Instrument ins = q.instrument();
    double usd = ins.isInverse() ? price * forward : price; // inverse options are quoted in coin
    ImpliedVolatility iv = ImpliedVolatility.of(usd, forward, ins.strike(), t,
        ins.optionType() == OptionType.CALL ? 1.0 : -1.0);
    return iv.isOk() ? iv.volatility() : Double.NaN;
  }
}
