package io.netgamma.core.margin.standard;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.InstrumentKind;
import io.netgamma.core.instrument.OptionType;
import io.netgamma.core.margin.CurrencyMargin;
import io.netgamma.core.margin.InstrumentMargin;
import io.netgamma.core.margin.MarginModel;
import io.netgamma.core.margin.MarginResult;
import io.netgamma.core.portfolio.PortfolioValuation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deribit standard margin: every instrument on its own, no offsets between instruments (the positions of the book
 * on one instrument are netted first, as Deribit holds one position per instrument). Stateless; use
 * {@link #DEFAULT}. Parameters and sources: {@link StandardMarginParameters}.
 *
 * <p>Per distinct instrument, with q its net quantity (coins), F the forward of its expiry (the option's underlying
 * mark price; the perpetual's mark), K the strike, m the option mark (the valuation's Black-76 premium: coin per
 * coin for inverse options, USDC per coin for linear ones):
 * <table>
 *   <caption>rules</caption>
 *   <tr><th>position</th><th>initial margin</th><th>maintenance margin</th></tr>
 *   <tr><td>long option</td><td>the premium |q|·m</td><td>0</td></tr>
 *   <tr><td>short call, inverse (coin)</td><td>|q|·(max(0.15 − OTM/F, 0.10) + m), OTM = max(K − F, 0)</td>
 *       <td>|q|·(0.075 + m)</td></tr>
 *   <tr><td>short put, inverse (coin)</td><td>|q|·max(max(0.15 − OTM/F, 0.10) + m, MM/|q|), OTM = max(F − K, 0)</td>
 *       <td>|q|·(max(0.075, 0.075·m) + m)</td></tr>
 *   <tr><td>short call / put, linear (USDC)</td><td>the same with every fraction times F: |q|·(max(0.15·F − OTM,
 *       0.10·F) + m), puts floored at MM</td><td>call |q|·(0.075·F + m); put |q|·(max(0.075·F, 0.075·m) + m)</td></tr>
 *   <tr><td>future, perpetual, inverse (coin)</td><td>|q|·(0.02 + inc·|q|)</td><td>|q|·(0.015 + inc·|q|)</td></tr>
 *   <tr><td>future, perpetual, linear (USDC)</td><td>|q|·F·(0.02 + inc·|q|)</td><td>|q|·F·(0.015 + inc·|q|)</td></tr>
 *   <tr><td>spot</td><td>0 (a balance, not a margined position)</td><td>0</td></tr>
 * </table>
 * For an inverse future q is its coin equivalent at the mark ({@link io.netgamma.core.portfolio.Position}), so its
 * USD notional is |q|·F and the coin margin is the fraction of it converted at F. Sums per settlement currency;
 * USD at the underlying's index price (USDC at 1). The driver of a currency is its instrument with the largest
 * initial margin.
 */
public final class DeribitStandardMargin implements MarginModel {

  /** Deribit's published parameters. */
  public static final DeribitStandardMargin DEFAULT = new DeribitStandardMargin(StandardMarginParameters.DERIBIT);

  private final StandardMarginParameters params;

  private DeribitStandardMargin(StandardMarginParameters params) {
    this.params = ArgChecker.notNull(params, "params");
  }

  /** This model with other parameters. */
  public static DeribitStandardMargin of(StandardMarginParameters params) {
    return new DeribitStandardMargin(params);
  }

  /** The parameters. */
  public StandardMarginParameters parameters() {
    return params;
  }

  @Override
  public String name() {
    return "deribit-standard";
  }

  /**
   * Initial and maintenance margin of one position, in its settlement currency.
   *
   * @param instrument the instrument
   * @param quantity signed net quantity, coins
   * @param forward F, USD (USDC) per coin, &gt; 0
   * @param mark the option mark in the option's quote unit (coin for inverse, USDC for linear), &ge; 0; ignored for
   *     other kinds
   * @return {initial, maintenance}, each &ge; 0
   */
  public double[] positionMargin(Instrument instrument, double quantity, double forward, double mark) {
    ArgChecker.notNull(instrument, "instrument");
    ArgChecker.finite(quantity, "quantity");
    ArgChecker.positive(forward, instrument.name() + " forward");
    double a = Math.abs(quantity);
    if (a == 0 || instrument.kind() == InstrumentKind.SPOT) {
      return new double[] {0.0, 0.0};
    }
    if (instrument.kind() != InstrumentKind.OPTION) {
      double inc = params.increment(instrument.underlying()) * a;
      double notional = instrument.isInverse() ? a : a * forward;
      return new double[] {notional * (params.futureIm() + inc), notional * (params.futureMm() + inc)};
    }
    ArgChecker.notNegative(mark, instrument.name() + " mark");
    if (quantity > 0) {
      return new double[] {a * mark, 0.0};
    }
    double k = instrument.strike();
    boolean call = instrument.optionType() == OptionType.CALL;
    double otm = call ? Math.max(k - forward, 0) : Math.max(forward - k, 0);
    // Fractions of the underlying price; inverse options are quoted in coin, so the price unit is 1.
    double unit = instrument.isInverse() ? 1.0 : forward;
    double otmFraction = otm / forward;
    double im = Math.max(params.optionImBase() - otmFraction, params.optionImFloor()) * unit + mark;
    double mm = call ? params.optionMm() * unit + mark
        : Math.max(params.optionMm() * unit, params.optionMm() * mark) + mark;
    if (!call) {
      im = Math.max(im, mm);
    }
    return new double[] {a * im, a * mm};
  }

  @Override
  public MarginResult margin(PortfolioValuation valuation) {
    ArgChecker.notNull(valuation, "valuation");
    int m = valuation.instrumentCount();
    int[] representative = new int[m];
    java.util.Arrays.fill(representative, -1);
    for (int i = 0; i < valuation.size(); i++) {
      int j = valuation.instrumentIndex(i);
      if (representative[j] < 0) {
        representative[j] = i;
      }
    }
    Map<String, double[]> sums = new LinkedHashMap<>(); // currency -> {im, mm, usdPerUnit}
    Map<String, InstrumentMargin> drivers = new LinkedHashMap<>();
    List<InstrumentMargin> detail = new ArrayList<>(m);
    for (int j = 0; j < m; j++) {
      Instrument instrument = valuation.instrumentAt(j);
      int i = representative[j];
      double q = valuation.netQuantity(j);
      double[] im = positionMargin(instrument, q, valuation.forward(i), valuation.price(i));
      String ccy = instrument.settlementCurrency();
      double usd = instrument.isInverse() ? valuation.indexPrice(instrument.underlying()) : 1.0;
      double[] s = sums.computeIfAbsent(ccy, c -> new double[] {0, 0, usd});
      s[0] += im[0];
      s[1] += im[1];
      InstrumentMargin row = new InstrumentMargin(instrument, q, ccy, im[0], im[1]);
      detail.add(row);
      InstrumentMargin d = drivers.get(ccy);
      if (d == null || row.initialMargin() > d.initialMargin()) {
        drivers.put(ccy, row);
      }
    }
    List<CurrencyMargin> currencies = new ArrayList<>();
    CurrencyMargin largest = null;
    for (Map.Entry<String, double[]> e : sums.entrySet()) {
      InstrumentMargin d = drivers.get(e.getKey());
      String driver = d.initialMargin() > 0 ? d.instrument().name() : "none";
      CurrencyMargin c = new CurrencyMargin(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], driver);
      currencies.add(c);
      if (largest == null || c.initialMarginUsd() > largest.initialMarginUsd()) {
        largest = c;
      }
    }
    return new MarginResult(name(), valuation.timestamp(), currencies, detail,
        largest == null ? "none" : largest.driver(), "none");
  }

  @Override
  public String toString() {
    return "DeribitStandardMargin[" + params + "]";
  }
}
