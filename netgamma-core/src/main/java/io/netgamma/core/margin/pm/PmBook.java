package io.netgamma.core.margin.pm;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.InstrumentKind;
import io.netgamma.core.portfolio.PortfolioValuation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One portfolio-margin risk group in structure-of-arrays form: the distinct instruments of one underlying settled in
 * one currency (all inverse {@code BTC-*}: settlement BTC, pair {@code btc_usd}; or all linear {@code BTC_USDC-*}:
 * settlement USDC, pair {@code btc_usdc}), with the market inputs the scenarios move. Built from a valuation by
 * {@link DeribitPortfolioMargin}, or directly (e.g. from a venue response's positions and marks).
 *
 * <p>Arrays are indexed by instrument j and copied in; values are validated: quantities finite (signed coins, an
 * inverse future by its coin equivalent), forwards &gt; 0 (USD per coin; the perpetual's mark), option
 * volatilities &gt; 0 (fraction) and t &gt; 0 (years ACT/365), both ignored (may be 0) for futures and perpetuals.
 * Spot instruments are not margined by the risk matrix and are rejected.
 */
public final class PmBook {

  private final String underlying;
  private final String settlementCurrency;
  private final boolean inverse;
  private final double indexPrice;
  private final List<Instrument> instruments;
  private final double[] quantity;
  private final double[] forward;
  private final double[] vol;
  private final double[] t;

  private PmBook(String underlying, String settlementCurrency, boolean inverse, double indexPrice,
      List<Instrument> instruments, double[] quantity, double[] forward, double[] vol, double[] t) {
    this.underlying = underlying;
    this.settlementCurrency = settlementCurrency;
    this.inverse = inverse;
    this.indexPrice = indexPrice;
    this.instruments = instruments;
    this.quantity = quantity;
    this.forward = forward;
    this.vol = vol;
    this.t = t;
  }

  /**
   * A risk group.
   *
   * @param indexPrice the underlying's index price, USD per coin, &gt; 0 (converts USD parameters to coin)
   * @param instruments the distinct instruments, one underlying and one settlement kind, no spot, not empty
   * @param quantity signed net quantities, coins
   * @param forward forwards (perpetual: mark), USD per coin
   * @param vol Black-76 volatilities of options (fraction); anything for other kinds
   * @param t years to expiry of options; anything for other kinds (futures: years to expiry, for the roll shock)
   * @throws IllegalArgumentException naming the instrument and field that is invalid
   */
  public static PmBook of(double indexPrice, List<Instrument> instruments, double[] quantity, double[] forward,
      double[] vol, double[] t) {
    ArgChecker.positive(indexPrice, "index price");
    ArgChecker.notNull(instruments, "instruments");
    int n = instruments.size();
    ArgChecker.isTrue(n > 0, "a portfolio-margin risk group needs at least one instrument");
    ArgChecker.sameLength(n, "quantity, forward, vol, t", quantity, forward, vol, t);
    Instrument first = instruments.get(0);
    for (int j = 0; j < n; j++) {
      Instrument ins = ArgChecker.notNull(instruments.get(j), "instrument " + j);
      if (!ins.underlying().equals(first.underlying()) || ins.settlement() != first.settlement()) {
        throw new IllegalArgumentException(ins.name() + " is not in the risk group of " + first.name()
            + " (one underlying and one settlement currency per group)");
      }
      if (ins.kind() == InstrumentKind.SPOT) {
        throw new IllegalArgumentException(ins.name() + ": spot is not margined by the risk matrix");
      }
      ArgChecker.finite(quantity[j], ins.name() + " quantity");
      ArgChecker.positive(forward[j], ins.name() + " forward");
      if (ins.isOption()) {
        ArgChecker.positive(vol[j], ins.name() + " volatility");
        ArgChecker.positive(t[j], ins.name() + " years to expiry");
      } else if (ins.kind() == InstrumentKind.FUTURE) {
        ArgChecker.notNegative(t[j], ins.name() + " years to expiry");
      }
    }
    return new PmBook(first.underlying(), first.settlementCurrency(), first.isInverse(), indexPrice,
        List.copyOf(instruments), quantity.clone(), forward.clone(), vol.clone(), t.clone());
  }

  /** The underlying ({@code BTC}). */
  public String underlying() {
    return underlying;
  }

  /** The settlement currency: the coin for inverse groups, the stablecoin ({@code USDC}) for linear ones. */
  public String settlementCurrency() {
    return settlementCurrency;
  }

  /** True for a coin-settled group. */
  public boolean isInverse() {
    return inverse;
  }

  /** The key of the pair's parameters: {@code btc_usd} (inverse) or {@code btc_usdc} (linear). */
  public String pairKey() {
    return (underlying + "_" + (inverse ? "usd" : settlementCurrency)).toLowerCase(Locale.ROOT);
  }

  /** The key of the settlement currency's parameters: {@code btc}, or {@code usdc} for a linear group. */
  public String currencyKey() {
    return settlementCurrency.toLowerCase(Locale.ROOT);
  }

  /** USD per unit of the settlement currency: the index price (inverse) or 1 (stablecoin). */
  public double usdPerUnit() {
    return inverse ? indexPrice : 1.0;
  }

  /** The index price, USD per coin. */
  public double indexPrice() {
    return indexPrice;
  }

  /** Number of instruments. */
  public int size() {
    return instruments.size();
  }

  /** The instruments (unmodifiable). */
  public List<Instrument> instruments() {
    return instruments;
  }

  /** Quantity of instrument j, signed coins. */
  public double quantity(int j) {
    return quantity[j];
  }

  /** Forward of instrument j, USD per coin. */
  public double forward(int j) {
    return forward[j];
  }

  /** Volatility of instrument j (options), fraction. */
  public double vol(int j) {
    return vol[j];
  }

  /** Years to expiry of instrument j. */
  public double t(int j) {
    return t[j];
  }

  /**
   * The risk groups of a valued book, in order of first appearance: one per underlying and settlement currency
   * (spot and zero net quantities left out), each holding its instruments' net quantities and the valuation's
   * forward, volatility and time of a position on each; the grouping of every scenario model.
   *
   * @throws io.netgamma.core.base.MissingMarketDataException for an underlying without an index price
   */
  public static List<PmBook> groupsOf(PortfolioValuation valuation) {
    ArgChecker.notNull(valuation, "valuation");
    int m = valuation.instrumentCount();
    int[] representative = new int[m];
    Arrays.fill(representative, -1);
    for (int i = 0; i < valuation.size(); i++) {
      int j = valuation.instrumentIndex(i);
      if (representative[j] < 0) {
        representative[j] = i;
      }
    }
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int j = 0; j < m; j++) {
      Instrument ins = valuation.instrumentAt(j);
      if (ins.kind() == InstrumentKind.SPOT || valuation.netQuantity(j) == 0 || representative[j] < 0) {
        continue;
      }
      groups.computeIfAbsent(ins.underlying() + "/" + ins.settlementCurrency(), key -> new ArrayList<>()).add(j);
    }
    List<PmBook> out = new ArrayList<>(groups.size());
    for (List<Integer> members : groups.values()) {
      int n = members.size();
      List<Instrument> instruments = new ArrayList<>(n);
      double[] q = new double[n];
      double[] f = new double[n];
      double[] vol = new double[n];
      double[] t = new double[n];
      for (int s = 0; s < n; s++) {
        int j = members.get(s);
        int i = representative[j];
        instruments.add(valuation.instrumentAt(j));
        q[s] = valuation.netQuantity(j);
        f[s] = valuation.forward(i);
        vol[s] = valuation.vol(i);
        t[s] = valuation.t(i);
      }
      out.add(PmBook.of(valuation.indexPrice(instruments.get(0).underlying()), instruments, q, f, vol, t));
    }
    return out;
  }
}
