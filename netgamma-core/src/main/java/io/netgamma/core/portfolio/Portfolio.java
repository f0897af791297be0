package io.netgamma.core.portfolio;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Instrument;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A book: a name, positions and collateral balances. Immutable and thread-safe.
 *
 * <p>The same instrument may appear in several positions (trades, sub-accounts, a long and a short); the portfolio
 * keeps them as given and also indexes them by instrument: {@link #instruments()} lists each distinct instrument once
 * (in order of first appearance) and {@link #instrumentIndex(int)} maps position {@code i} to its instrument. The
 * {@link PortfolioValuer} prices each distinct instrument once and scatters the results to the positions.
 *
 * <p><b>Collateral</b> is a balance per currency (coin or stablecoin: {@code BTC → 12.5}, {@code USDC → 50000}), in
 * that currency's units, finite, of either sign (a negative balance is a debt). Currencies are upper-case letters and
 * digits. {@link #STABLECOINS} are worth 1 USD each; any other currency is a coin valued at its index price.
 */
public final class Portfolio {

  /** Currencies valued at 1 USD per unit (no delta). */
  public static final Set<String> STABLECOINS = Set.of("USD", "USDC", "USDT");

  private final String name;
  private final List<Position> positions;
  private final Map<String, Double> collateral;
  private final List<Instrument> instruments;
  private final int[] instrumentIndex;
  private final double[] quantity;
  private final int[] positionsPerInstrument;

  private Portfolio(String name, List<Position> positions, Map<String, Double> collateral) {
    this.name = ArgChecker.notBlank(name, "portfolio name");
    ArgChecker.notNull(positions, "positions");
    ArgChecker.notNull(collateral, "collateral");
    this.positions = List.copyOf(positions);
    Map<String, Double> c = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : collateral.entrySet()) {
      String ccy = checkCurrency(e.getKey());
      Double amount = e.getValue();
      if (amount == null || !Double.isFinite(amount)) {
        throw new IllegalArgumentException("portfolio '" + name + "': collateral " + ccy
            + " must be a finite amount, got " + amount);
      }
      c.put(ccy, amount);
    }
    this.collateral = Collections.unmodifiableMap(c);
    int n = this.positions.size();
    Map<String, Integer> seen = new HashMap<>();
    List<Instrument> distinct = new ArrayList<>();
    this.instrumentIndex = new int[n];
    this.quantity = new double[n];
    for (int i = 0; i < n; i++) {
      Position p = this.positions.get(i);
      Instrument instrument = p.instrument();
      Integer j = seen.get(instrument.name());
      if (j == null) {
        j = distinct.size();
        seen.put(instrument.name(), j);
        distinct.add(instrument);
      }
      instrumentIndex[i] = j;
      quantity[i] = p.quantity();
    }
    this.instruments = List.copyOf(distinct);
    this.positionsPerInstrument = new int[distinct.size()];
    for (int j : instrumentIndex) {
      positionsPerInstrument[j]++;
    }
  }

  /**
   * A portfolio.
   *
   * @param name the name, not blank
   * @param positions the positions (copied; none null; instruments may repeat)
   * @param collateral balance per currency (copied, order kept); currencies upper-case letters and digits, amounts
   *     finite
   * @throws IllegalArgumentException naming the portfolio and the bad entry
   */
  public static Portfolio of(String name, List<Position> positions, Map<String, Double> collateral) {
    return new Portfolio(name, positions, collateral);
  }

  /** A portfolio without collateral. */
  public static Portfolio of(String name, List<Position> positions) {
    return new Portfolio(name, positions, Map.of());
  }

  private String checkCurrency(String ccy) {
    if (ccy == null || ccy.isEmpty() || ccy.length() > 12
        || !ccy.chars().allMatch(ch -> (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'))) {
      throw new IllegalArgumentException("portfolio '" + name + "': collateral currency must be 1 to 12 upper-case "
          + "letters or digits (BTC, USDC), got " + (ccy == null ? "null" : "'" + ccy + "'"));
    }
    return ccy;
  }

  /** The name. */
  public String name() {
    return name;
  }

  /** The positions, in the order given (unmodifiable). */
  public List<Position> positions() {
    return positions;
  }

  /** Number of positions. */
  public int size() {
    return positions.size();
  }

  /** Position {@code i}. */
  public Position position(int i) {
    return positions.get(i);
  }

  /** Signed quantity of position {@code i}, coins. */
  public double quantity(int i) {
    return quantity[i];
  }

  /** Collateral balance per currency, in the order given (unmodifiable). */
  public Map<String, Double> collateral() {
    return collateral;
  }

  /** The distinct instruments, in order of first appearance (unmodifiable). */
  public List<Instrument> instruments() {
    return instruments;
  }

  /** Index in {@link #instruments()} of the instrument of position {@code i}. */
  public int instrumentIndex(int i) {
    return instrumentIndex[i];
  }

  /** Number of positions on instrument {@code j} of {@link #instruments()}. */
  public int positionCount(int j) {
    return positionsPerInstrument[j];
  }

  /** The instrument index of every position (internal array: the valuer reads it without copying). */
  int[] instrumentIndexArray() {
    return instrumentIndex;
  }

  /** The quantity of every position (internal array). */
  double[] quantityArray() {
    return quantity;
  }

  /** This portfolio with another name. */
  public Portfolio withName(String newName) {
    return new Portfolio(newName, positions, collateral);
  }

  /** This portfolio with other collateral. */
  public Portfolio withCollateral(Map<String, Double> newCollateral) {
    return new Portfolio(name, positions, newCollateral);
  }

  /** Equal name, positions (in order) and collateral. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Portfolio p && name.equals(p.name) && positions.equals(p.positions)
        && collateral.equals(p.collateral);
  }

  @Override
  public int hashCode() {
    return (name.hashCode() * 31 + positions.hashCode()) * 31 + collateral.hashCode();
  }

  /** Name, number of positions and of distinct instruments, collateral. */
  @Override
  public String toString() {
    return "Portfolio[" + name + ": " + positions.size() + " positions on " + instruments.size()
        + " instruments, collateral " + collateral + "]";
  }
}
