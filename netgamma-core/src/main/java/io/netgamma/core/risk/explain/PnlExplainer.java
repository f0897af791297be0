package io.netgamma.core.risk.explain;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.base.MissingMarketDataException;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.core.portfolio.PortfolioValuation;
import io.netgamma.core.portfolio.PortfolioValuer;
import io.netgamma.core.portfolio.Position;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * P&amp;L explain of a book between two market snapshots M1 (from) and M2 (to): the actual P&amp;L by full revaluation
 * at each snapshot's instant, split into the terms predicted by M1's greeks and a residual. Immutable and
 * thread-safe; use {@link #DEFAULT} or {@link #withValuer}.
 *
 * <p><b>Per position</b> (quantity q, greeks of M1 already times q, USD units of {@link
 * io.netgamma.core.portfolio.Measure}): with F1, F2 the forward the position was valued on in M1 and M2 (its own
 * expiry's forward; the perpetual's mark; the index for spot), P1, P2 its USD price per coin (the Black-76 premium for
 * an option, the forward for anything else), σ1, σ2 its volatility and t1, t2 the snapshot instants:
 * <pre>
 *   actual   = q·(P2 − P1)                       full revaluation, USD
 *   dF       = F2 − F1                           USD per coin
 *   dσ       = (σ2 − σ1)·100                     vol points
 *   dt       = (t2 − t1) in calendar days
 *   delta    = Δ·dF
 *   gamma    = ½·Γ·dF²
 *   vega     = vega·dσ
 *   theta    = θ·dt
 *   vanna    = vanna·dF·dσ
 *   volga    = ½·volga·dσ²
 *   residual = actual − (delta + gamma + vega + theta + vanna + volga)
 * </pre>
 * the second-order Taylor expansion of the Black-76 value in (F, σ) plus the first order in time (the usual greek
 * P&amp;L attribution: Hull, "Options, Futures, and Other Derivatives", chapter "The Greek Letters", Taylor series
 * expansion of a portfolio's value; Taleb, "Dynamic Hedging", 1997, on vanna and volga), so the residual is of third
 * order in a small move (speed·dF³/6, charm·dF·dt, the second order in time, ...; with dF ∝ h, dσ ∝ h and
 * dt ∝ h² the residual scales as h³, which the tests check). Futures,
 * perpetuals and spot have the delta term only ({@code actual = q·dF} exactly, residual 0; funding is not included).
 * The collateral is not part of the explain.
 *
 * <p><b>Expired in between</b>: a position whose option or future expired at or before M2's instant cannot be valued
 * on M2; it is settled at intrinsic value {@code max(θ·(S2 − K), 0)} (a future at S2), S2 being M2's index price of
 * its underlying (the 08:00 UTC settlement index itself is not in the snapshot: M2's index stands in for it), and
 * flagged ({@link PositionExplain#settled()}, {@link PnlExplain#settled()}). Its terms use dF = S2 − F1, dσ = 0 and
 * dt up to its expiry; what the expansion misses over the last hours of an option's life is in its residual.
 *
 * <p><b>Missing market data</b> in M2 (an underlying without an index price, an option the surface cannot value, ...)
 * is a {@link MissingMarketDataException} naming every instrument concerned.
 */
public final class PnlExplainer {

  /** Values both snapshots with {@link PortfolioValuer#DEFAULT} (surface volatilities, rate 0). */
  public static final PnlExplainer DEFAULT = new PnlExplainer(PortfolioValuer.DEFAULT);

  private static final double MILLIS_PER_DAY = 86_400_000.0;

  private final PortfolioValuer valuer;

  private PnlExplainer(PortfolioValuer valuer) {
    this.valuer = ArgChecker.notNull(valuer, "valuer");
  }

  /** This explainer valuing the book with another valuer (e.g. {@code withVolSource(VolSource.MARK_IV)}). */
  public PnlExplainer withValuer(PortfolioValuer newValuer) {
    return new PnlExplainer(newValuer);
  }

  /**
   * Explains the P&amp;L of {@code portfolio} from {@code from} to {@code to}, valuing it on both with this explainer's
   * valuer.
   *
   * @throws MissingMarketDataException naming the instruments that cannot be valued on either snapshot
   * @throws IllegalArgumentException when {@code to} is before {@code from}
   */
  public PnlExplain explain(Portfolio portfolio, MarketSnapshot from, MarketSnapshot to) {
    ArgChecker.notNull(portfolio, "portfolio");
    ArgChecker.notNull(from, "from snapshot");
    ArgChecker.notNull(to, "to snapshot");
    checkOrder(from.timestamp().toEpochMilli(), to.timestamp().toEpochMilli(), from, to);
    return explain(valuer.value(portfolio, from), to);
  }

  /**
   * Explains the P&amp;L of an already valued book (M1 = the valuation's snapshot) to {@code to}, which is valued with
   * this explainer's valuer.
   *
   * @param from the book valued on M1; its volatility source and rate must be this explainer's valuer's
   * @param to M2, at or after M1's instant
   * @throws MissingMarketDataException naming the instruments that cannot be valued or settled on {@code to}
   * @throws IllegalArgumentException when {@code to} is before M1, or the valuation was made with another
   *     volatility source or rate
   */
  public PnlExplain explain(PortfolioValuation from, MarketSnapshot to) {
    ArgChecker.notNull(from, "from valuation");
    ArgChecker.notNull(to, "to snapshot");
    if (from.volSource() != valuer.volSource() || Double.compare(from.rate(), valuer.rate()) != 0) {
      throw new IllegalArgumentException("the 'from' valuation used volatilities from " + from.volSource()
          + " and rate " + from.rate() + "; this explainer values with " + valuer.volSource() + " and rate "
          + valuer.rate() + ": explain with a matching valuer (withValuer)");
    }
    long t1 = from.timestamp().toEpochMilli();
    long t2 = to.timestamp().toEpochMilli();
    if (t2 < t1) {
      throw new IllegalArgumentException("P&L explain: the 'to' snapshot (" + to.timestamp()
          + ") is before the 'from' snapshot (" + from.timestamp() + ")");
    }
    Portfolio portfolio = from.portfolio();
    int n = portfolio.size();

    // Positions still alive at M2 are revalued there; the others settle.
    List<Position> live = new ArrayList<>();
    int[] liveIndex = new int[n];
    Set<String> unsettled = new LinkedHashSet<>();
    for (int i = 0; i < n; i++) {
      Instrument instrument = from.instrument(i);
      if (instrument.expiry() != null && instrument.expiry().toEpochMilli() <= t2) {
        liveIndex[i] = -1;
        if (!to.underlyings().contains(instrument.underlying())) {
          unsettled.add(instrument.name());
        }
      } else {
        liveIndex[i] = live.size();
        live.add(portfolio.position(i));
      }
    }
    PortfolioValuation v2 = null;
    String problem = null;
    if (!live.isEmpty()) {
      try {
        v2 = valuer.value(Portfolio.of(portfolio.name(), live), to);
      } catch (MissingMarketDataException e) {
        problem = e.getMessage();
      }
    }
    if (!unsettled.isEmpty()) {
      String settleProblem = "cannot settle " + String.join(", ", unsettled) + " (expired by " + to.timestamp()
          + "): no index price for their underlying in that snapshot (have: " + to.underlyings() + ")";
      problem = problem == null ? settleProblem : problem + "; " + settleProblem;
    }
    if (problem != null) {
      throw new MissingMarketDataException("P&L explain from " + from.timestamp() + " to " + to.timestamp() + ": "
          + problem);
    }

    List<PositionExplain> rows = new ArrayList<>(n);
    Map<String, ExplainTerms> byUnderlying = new TreeMap<>();
    Map<String, Instrument> settled = new LinkedHashMap<>();
    ExplainTerms total = ExplainTerms.ZERO;
    double elapsedDays = (t2 - t1) / MILLIS_PER_DAY;
    for (int i = 0; i < n; i++) {
      Instrument instrument = from.instrument(i);
      double q = from.quantity(i);
      double f1 = from.forward(i);
      double p1 = from.priceUsd(i);
      boolean isSettled = liveIndex[i] < 0;
      double f2;
      double p2;
      double dVol;
      double days;
      if (isSettled) {
        f2 = to.index(instrument.underlying());
        p2 = instrument.isOption()
            ? Math.max(instrument.optionType().sign() * (f2 - instrument.strike()), 0.0)
            : f2;
        dVol = 0.0;
        days = Math.max(0.0, (instrument.expiry().toEpochMilli() - t1) / MILLIS_PER_DAY);
        settled.putIfAbsent(instrument.name(), instrument);
      } else {
        int k = liveIndex[i];
        f2 = v2.forward(k);
        p2 = v2.priceUsd(k);
        dVol = instrument.isOption() ? (v2.vol(k) - from.vol(i)) * 100.0 : 0.0;
        days = elapsedDays;
      }
      double dF = f2 - f1;
      double actual = q * (p2 - p1);
      ExplainTerms terms;
      if (instrument.isOption()) {
        terms = ExplainTerms.of(actual, from.delta(i) * dF, 0.5 * from.gamma(i) * dF * dF, from.vega(i) * dVol,
            from.theta(i) * days, from.vanna(i) * dF * dVol, 0.5 * from.volga(i) * dVol * dVol);
      } else {
        terms = ExplainTerms.of(actual, from.delta(i) * dF, 0, 0, 0, 0, 0);
      }
      rows.add(new PositionExplain(i, instrument, q, isSettled, f1, f2, dVol, days, terms));
      byUnderlying.merge(instrument.underlying(), terms, ExplainTerms::plus);
      total = total.plus(terms);
    }
    return new PnlExplain(from.timestamp(), to.timestamp(), rows, total, byUnderlying,
        List.copyOf(settled.values()));
  }

  private static void checkOrder(long t1, long t2, MarketSnapshot from, MarketSnapshot to) {
    if (t2 < t1) {
      throw new IllegalArgumentException("P&L explain: the 'to' snapshot (" + to.timestamp()
          + ") is before the 'from' snapshot (" + from.timestamp() + ")");
    }
  }

  @Override
  public String toString() {
    return "PnlExplainer[" + valuer + "]";
  }
}
