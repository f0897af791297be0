package io.netgamma.core.portfolio;

import io.netgamma.core.base.MissingMarketDataException;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.InstrumentKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Portfolio} valued on one market snapshot by {@link PortfolioValuer}: the one valuation that aggregation,
 * netting, margin, hedging, GEX and simulation read. Nothing here is priced again.
 *
 * <p><b>Layout</b> (structure of arrays). Each distinct instrument of the portfolio ({@link Portfolio#instruments()},
 * index {@code j}) was priced once; its per-coin results are the <em>unit</em> measures {@link #unit(Measure, int)}
 * and its market inputs (forward, volatility, t). Each position {@code i} holds every {@link Measure} already
 * multiplied by its quantity: {@code measure(m, i) = unit(m, instrumentIndex(i)) · quantity(i)}, one
 * {@code double[]} per measure across positions. The per-position descriptors ({@link #forward(int)},
 * {@link #vol(int)}, {@link #t(int)}, ...) read the instrument's entry. Units and signs of the measures are in
 * {@link Measure}; quantities are signed coins.
 *
 * <p>{@link #netQuantity(int)} is the sum of the quantities of all positions on instrument {@code j} (compensated
 * summation, so a long and a short of the same size cancel to exactly 0); {@link GreeksAggregator} aggregates
 * {@code unit · netQuantity} per instrument, which makes offsetting positions vanish exactly from every aggregate.
 *
 * <p>Immutable and thread-safe: the arrays never leave this object ({@link #column(Measure)} returns a copy).
 * Every value is finite.
 */
public final class PortfolioValuation {

  /** {@link #expiryMillis(int)} of perpetuals and spot, which do not expire. */
  public static final long NO_EXPIRY = Long.MAX_VALUE;

  private final Portfolio portfolio;
  private final Instant timestamp;
  private final VolSource volSource;
  private final double rate;
  private final List<String> underlyings;
  private final Map<String, Double> indexPrices;
  // per distinct instrument
  private final int[] instrumentUnderlying;
  private final long[] expiries;
  private final double[] forwards;
  private final double[] vols;
  private final double[] times;
  private final double[] prices;
  private final double[] pricesUsd;
  private final boolean[] listed;
  private final double[][] unit; // unit[measure][j]
  private final double[] netQuantity;
  // per position
  private final double[][] measures;
  private final List<CollateralValue> collateral;

  PortfolioValuation(Portfolio portfolio, Instant timestamp, VolSource volSource, double rate,
      List<String> underlyings, Map<String, Double> indexPrices, int[] instrumentUnderlying, long[] expiries, double[] forwards,
      double[] vols, double[] times, double[] prices, double[] pricesUsd, boolean[] listed, double[][] unit,
      double[] netQuantity, double[][] measures, List<CollateralValue> collateral) {
    this.portfolio = portfolio;
    this.timestamp = timestamp;
    this.volSource = volSource;
    this.rate = rate;
    this.underlyings = List.copyOf(underlyings);
    this.indexPrices = Collections.unmodifiableMap(new LinkedHashMap<>(indexPrices));
    this.instrumentUnderlying = instrumentUnderlying;
    this.expiries = expiries;
    this.forwards = forwards;
    this.vols = vols;
    this.times = times;
    this.prices = prices;
    this.pricesUsd = pricesUsd;
    this.listed = listed;
    this.unit = unit;
    this.netQuantity = netQuantity;
    this.measures = measures;
    this.collateral = List.copyOf(collateral);
  }

  // ------------------------------------------------------------------------------------------------- the book

  /** The portfolio valued. */
  public Portfolio portfolio() {
    return portfolio;
  }

  /** The instant of the market snapshot. */
  public Instant timestamp() {
    return timestamp;
  }

  /** Where option volatilities came from. */
  public VolSource volSource() {
    return volSource;
  }

  /** The continuously compounded rate the options were priced with (0: Deribit's convention). */
  public double rate() {
    return rate;
  }

  /** Number of positions. */
  public int size() {
    return portfolio.size();
  }

  /** The underlyings of the positions, in order of first appearance (unmodifiable). */
  public List<String> underlyings() {
    return underlyings;
  }

  /**
   * Index price of an underlying of the market snapshot, USD per coin.
   *
   * @throws MissingMarketDataException naming it when the snapshot had no index price for it
   */
  public double indexPrice(String underlying) {
    Double s = indexPrices.get(underlying);
    if (s == null) {
      throw new MissingMarketDataException("no index price for " + underlying + " in the market snapshot of "
          + timestamp + " (have: " + indexPrices.keySet() + ")");
    }
    return s;
  }

  /** Index prices of every underlying of the market snapshot, USD per coin (unmodifiable). */
  public Map<String, Double> indexPrices() {
    return indexPrices;
  }

  /** The collateral balances valued, in the portfolio's order (unmodifiable). */
  public List<CollateralValue> collateral() {
    return collateral;
  }

  /** Total USD value of the collateral. */
  public double collateralValueUsd() {
    double sum = 0;
    for (CollateralValue c : collateral) {
      sum += c.valueUsd();
    }
    return sum;
  }

  // ------------------------------------------------------------------------------------------ per instrument

  /** Number of distinct instruments ({@link Portfolio#instruments()}). */
  public int instrumentCount() {
    return expiries.length;
  }

  /** Distinct instrument {@code j}. */
  public Instrument instrumentAt(int j) {
    return portfolio.instruments().get(j);
  }

  /** Index in {@link #underlyings()} of the underlying of distinct instrument {@code j}. */
  public int instrumentUnderlyingIndex(int j) {
    return instrumentUnderlying[j];
  }

  /** A measure of distinct instrument {@code j} per 1 coin long (see {@link Measure} for units). */
  public double unit(Measure measure, int j) {
    return unit[measure.ordinal()][j];
  }

  /** Sum of the quantities of the positions on distinct instrument {@code j}, coins (compensated sum). */
  public double netQuantity(int j) {
    return netQuantity[j];
  }

  /** Whether distinct instrument {@code j} has a quote in the snapshot (else it was valued from the model only). */
  public boolean isListed(int j) {
    return listed[j];
  }

  /** The distinct instruments without a quote in the snapshot, valued from the curve and surface only. */
  public List<Instrument> unlisted() {
    List<Instrument> out = new ArrayList<>();
    for (int j = 0; j < listed.length; j++) {
      if (!listed[j]) {
        out.add(instrumentAt(j));
      }
    }
    return out;
  }

  // -------------------------------------------------------------------------------------------- per position

  /** The instrument of position {@code i}. */
  public Instrument instrument(int i) {
    return portfolio.instruments().get(portfolio.instrumentIndex(i));
  }

  /** Index in {@link Portfolio#instruments()} of the instrument of position {@code i}. */
  public int instrumentIndex(int i) {
    return portfolio.instrumentIndex(i);
  }

  /** Signed quantity of position {@code i}, coins. */
  public double quantity(int i) {
    return portfolio.quantity(i);
  }

  /** Underlying of position {@code i} ({@code BTC}). */
  public String underlying(int i) {
    return underlyings.get(instrumentUnderlying[portfolio.instrumentIndex(i)]);
  }

  /** Kind of instrument of position {@code i}. */
  public InstrumentKind kind(int i) {
    return instrument(i).kind();
  }

  /** Expiry of position {@code i}, epoch milliseconds; {@link #NO_EXPIRY} for perpetuals and spot. */
  public long expiryMillis(int i) {
    return expiries[portfolio.instrumentIndex(i)];
  }

  /** Strike of position {@code i}, USD per coin; 0 for anything but an option. */
  public double strike(int i) {
    return instrument(i).strike();
  }

  /**
   * Forward of position {@code i}, USD per coin: the forward of the option's or future's expiry (an option's quote
   * forward under {@link VolSource#MARK_IV} when it has one), the perpetual's mark (its index when not quoted),
   * the index for spot.
   */
  public double forward(int i) {
    return forwards[portfolio.instrumentIndex(i)];
  }

  /** Black-76 volatility of position {@code i}, fraction; 0 for anything but an option. */
  public double vol(int i) {
    return vols[portfolio.instrumentIndex(i)];
  }

  /** Years to expiry of position {@code i}, ACT/365 from the snapshot; 0 for perpetuals and spot. */
  public double t(int i) {
    return times[portfolio.instrumentIndex(i)];
  }

  /**
   * Price of 1 coin of the instrument of position {@code i} in its quote unit, as the venue shows it: coin for
   * inverse options, USDC for linear options, USD (USDC) per coin for futures, perpetuals (their forward) and spot
   * (the index).
   */
  public double price(int i) {
    return prices[portfolio.instrumentIndex(i)];
  }

  /** Price of 1 coin of the instrument of position {@code i} in USD: the option premium, else the forward. */
  public double priceUsd(int i) {
    return pricesUsd[portfolio.instrumentIndex(i)];
  }

  /** A measure of position {@code i}, already times its quantity (see {@link Measure} for units and signs). */
  public double measure(Measure measure, int i) {
    return measures[measure.ordinal()][i];
  }

  /** A copy of one measure across all positions. */
  public double[] column(Measure measure) {
    double[] a = measures[measure.ordinal()];
    return Arrays.copyOf(a, a.length);
  }

  /** {@link Measure#VALUE_USD} of position {@code i}. */
  public double valueUsd(int i) {
    return measures[Measure.VALUE_USD.ordinal()][i];
  }

  /** {@link Measure#VALUE_COIN} of position {@code i}. */
  public double valueCoin(int i) {
    return measures[Measure.VALUE_COIN.ordinal()][i];
  }

  /** {@link Measure#DELTA} of position {@code i}. */
  public double delta(int i) {
    return measures[Measure.DELTA.ordinal()][i];
  }

  /** {@link Measure#DELTA_COIN} of position {@code i}. */
  public double deltaCoin(int i) {
    return measures[Measure.DELTA_COIN.ordinal()][i];
  }

  /** {@link Measure#GAMMA} of position {@code i}. */
  public double gamma(int i) {
    return measures[Measure.GAMMA.ordinal()][i];
  }

  /** {@link Measure#GAMMA_COIN} of position {@code i}. */
  public double gammaCoin(int i) {
    return measures[Measure.GAMMA_COIN.ordinal()][i];
  }

  /** {@link Measure#CASH_GAMMA} of position {@code i}. */
  public double cashGamma(int i) {
    return measures[Measure.CASH_GAMMA.ordinal()][i];
  }

  /** {@link Measure#VEGA} of position {@code i}. */
  public double vega(int i) {
    return measures[Measure.VEGA.ordinal()][i];
  }

  /** {@link Measure#STANDARDISED_VEGA} of position {@code i}. */
  public double standardisedVega(int i) {
    return measures[Measure.STANDARDISED_VEGA.ordinal()][i];
  }

  /** {@link Measure#THETA} of position {@code i}. */
  public double theta(int i) {
    return measures[Measure.THETA.ordinal()][i];
  }

  /** {@link Measure#RHO} of position {@code i}. */
  public double rho(int i) {
    return measures[Measure.RHO.ordinal()][i];
  }

  /** {@link Measure#VANNA} of position {@code i}. */
  public double vanna(int i) {
    return measures[Measure.VANNA.ordinal()][i];
  }

  /** {@link Measure#VOLGA} of position {@code i}. */
  public double volga(int i) {
    return measures[Measure.VOLGA.ordinal()][i];
  }

  /** {@link Measure#CHARM} of position {@code i}. */
  public double charm(int i) {
    return measures[Measure.CHARM.ordinal()][i];
  }

  /** {@link Measure#SPEED} of position {@code i}. */
  public double speed(int i) {
    return measures[Measure.SPEED.ordinal()][i];
  }

  /**
   * Unrealised P&amp;L of position {@code i} since it was opened at its average price, in the instrument's
   * settlement currency ({@link Instrument#settlementCurrency()}): coin for inverse instruments, USDC for linear
   * ones. With q the quantity, a the average price, P the current price ({@link #price(int)}) and F the forward:
   * inverse options {@code q·(P − a)} coin; linear options, linear futures, perpetuals and spot {@code q·(P − a)}
   * USDC; inverse futures and perpetuals {@code N·(1/a − 1/F)} coin with the USD notional {@code N = q·F}, i.e.
   * {@code q·(F/a − 1)}.
   *
   * @throws IllegalStateException naming the instrument when the position has no average price
   */
  public double unrealisedPnl(int i) {
    Position p = portfolio.position(i);
    if (!p.hasAveragePrice()) {
      throw new IllegalStateException("position " + i + " (" + p.instrument().name()
          + ") has no average price: its unrealised P&L is unknown");
    }
    Instrument instrument = p.instrument();
    double q = p.quantity();
    double a = p.averagePrice();
    if (instrument.isInverse() && !instrument.isOption() && instrument.kind() != InstrumentKind.SPOT) {
      return q * (forward(i) / a - 1.0);
    }
    return q * (price(i) - a);
  }

  /**
   * {@link #unrealisedPnl(int)} in USD: a coin amount converted at the position's forward.
   *
   * @throws IllegalStateException naming the instrument when the position has no average price
   */
  public double unrealisedPnlUsd(int i) {
    double pnl = unrealisedPnl(i);
    return instrument(i).isInverse() ? pnl * forward(i) : pnl;
  }

  // ------------------------------------------------------------------------------- package access for aggregation

  /** Unit measures, {@code [measure.ordinal()][j]} (internal arrays). */
  double[][] unitArrays() {
    return unit;
  }

  double[] netQuantityArray() {
    return netQuantity;
  }

  double[] forwardArray() {
    return forwards;
  }

  double[] timeArray() {
    return times;
  }
}
