package io.netgamma.core.margin.backtest;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.InstrumentKind;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.market.ForwardCurve;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.core.portfolio.Position;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A book re-anchored to any day of a history (a "rolling" book): the same risk shape every day, whatever the price
 * level, so that a margin backtest over years measures the margin model, not the accident of which strikes a book
 * held.
 *
 * <p>From the book's own anchor market (its valuation instant T₀ and the forward F₀ of each option's expiry), each
 * distinct instrument of one underlying keeps, with its net quantity in coins:
 * <ul>
 *   <li>options: the moneyness {@code m = K/F₀} and the time to expiry {@code τ = expiry − T₀} (to the
 *       millisecond); on a day valued at instant T with forward F the option is the one struck at {@code m·F}
 *       expiring at {@code T + τ} (its name is built in Deribit's form from that strike and date; the expiry is
 *       {@code T + τ}, not necessarily 08:00 UTC);</li>
 *   <li>futures: the time to expiry τ likewise (it only matters for the roll shock);</li>
 *   <li>perpetuals and spot: as they are.</li>
 * </ul>
 * Quantities stay in coins (an inverse future's USD notional moves with the price). Positions on other underlyings
 * are left out ({@link #dropped()}), and positions netting to 0 on an instrument too. Collateral is not kept (no
 * margin model reads it). Immutable.
 */
public final class RollingBook {

  private final String name;
  private final String underlying;
  private final Instant anchor;
  private final List<Instrument> anchorInstruments;
  private final double[] quantity;
  private final double[] moneyness;
  private final long[] tenorMillis;
  private final List<String> dropped;

  private RollingBook(String name, String underlying, Instant anchor, List<Instrument> instruments,
      double[] quantity, double[] moneyness, long[] tenorMillis, List<String> dropped) {
    this.name = name;
    this.underlying = underlying;
    this.anchor = anchor;
    this.anchorInstruments = List.copyOf(instruments);
    this.quantity = quantity;
    this.moneyness = moneyness;
    this.tenorMillis = tenorMillis;
    this.dropped = List.copyOf(dropped);
  }

  /**
   * The rolling version of a book's positions on one underlying.
   *
   * @param book the book
   * @param anchorMarket the market the book is held on (its instant and forward curve give each option's
   *     moneyness and time to expiry)
   * @param underlying the underlying to keep, e.g. {@code BTC}
   * @return the rolling book
   * @throws IllegalArgumentException naming an option or future already expired at the anchor
   * @throws io.netgamma.core.base.MissingMarketDataException when the market has no index for the underlying and
   *     the book holds an option on it
   */
  public static RollingBook of(Portfolio book, MarketSnapshot anchorMarket, String underlying) {
    ArgChecker.notNull(book, "book");
    ArgChecker.notNull(anchorMarket, "anchorMarket");
    ArgChecker.notBlank(underlying, "underlying");
    Instant t0 = anchorMarket.timestamp();
    Map<String, double[]> net = new LinkedHashMap<>();
    Map<String, Instrument> byName = new LinkedHashMap<>();
    List<String> dropped = new ArrayList<>();
    for (Position p : book.positions()) {
      Instrument ins = p.instrument();
      if (!ins.underlying().equals(underlying)) {
        dropped.add(ins.name());
        continue;
      }
      byName.putIfAbsent(ins.name(), ins);
      net.computeIfAbsent(ins.name(), k -> new double[1])[0] += p.quantity();
    }
    List<Instrument> kept = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    ForwardCurve curve = null;
    for (Map.Entry<String, double[]> e : net.entrySet()) {
      double q = e.getValue()[0];
      if (q == 0) {
        continue;
      }
      Instrument ins = byName.get(e.getKey());
      double m = 0;
      long tenor = -1;
      if (ins.expiry() != null) {
        tenor = ins.expiry().toEpochMilli() - t0.toEpochMilli();
        if (tenor <= 0) {
          throw new IllegalArgumentException(ins.name() + " expired at " + ins.expiry() + ", before the book's "
              + "market instant " + t0 + ": it cannot be rolled");
        }
      }
      if (ins.isOption()) {
        if (curve == null) {
          curve = anchorMarket.forwardCurve(underlying);
        }
        m = ins.strike() / curve.forward(ins.expiry().toEpochMilli());
      }
      kept.add(ins);
      rows.add(new double[] {q, m, tenor});
    }
    int n = kept.size();
    double[] q = new double[n];
    double[] m = new double[n];
    long[] tenor = new long[n];
    for (int j = 0; j < n; j++) {
      q[j] = rows.get(j)[0];
      m[j] = rows.get(j)[1];
      tenor[j] = (long) rows.get(j)[2];
    }
    return new RollingBook(book.name(), underlying, t0, kept, q, m, tenor, dropped);
  }

  /** The book's name. */
  public String name() {
    return name;
  }

  /** The underlying. */
  public String underlying() {
    return underlying;
  }

  /** The anchor market's instant. */
  public Instant anchor() {
    return anchor;
  }

  /** Number of distinct instruments kept. */
  public int size() {
    return quantity.length;
  }

  /** The instruments as held at the anchor. */
  public List<Instrument> anchorInstruments() {
    return anchorInstruments;
  }

  /** Net quantity of instrument {@code j}, coins. */
  public double quantity(int j) {
    return quantity[j];
  }

  /** Moneyness {@code K/F₀} of option {@code j} (0 for other kinds). */
  public double moneyness(int j) {
    return moneyness[j];
  }

  /** Time to expiry of instrument {@code j} in milliseconds (−1 for perpetuals and spot). */
  public long tenorMillis(int j) {
    return tenorMillis[j];
  }

  /** Names of the positions left out (other underlyings), in book order. */
  public List<String> dropped() {
    return dropped;
  }

  /**
   * The book on a day.
   *
   * @param valuation the instant the day is valued at
   * @param forward the forward every option is struck against (the backtest's zero-carry forward: spot), &gt; 0
   * @return the instruments of that day, in the order of {@link #anchorInstruments()}
   */
  public Instrument[] instrumentsAt(Instant valuation, double forward) {
    ArgChecker.notNull(valuation, "valuation");
    ArgChecker.positive(forward, "forward");
    Instrument[] out = new Instrument[size()];
    for (int j = 0; j < out.length; j++) {
      Instrument a = anchorInstruments.get(j);
      if (a.expiry() == null) {
        out[j] = a;
        continue;
      }
      Instant expiry = valuation.plusMillis(tenorMillis[j]);
      LocalDate date = LocalDate.ofInstant(expiry, ZoneOffset.UTC);
      String prefix = a.isInverse() ? a.underlying() : a.underlying() + "_" + a.quoteCurrency();
      if (a.kind() == InstrumentKind.OPTION) {
        double k = moneyness[j] * forward;
        String n = prefix + "-" + Instrument.formatDate(date) + "-" + Instrument.formatStrike(k) + "-"
            + a.optionType().code();
        out[j] = new Instrument(n, InstrumentKind.OPTION, a.underlying(), a.quoteCurrency(), a.settlement(), expiry,
            k, a.optionType());
      } else {
        out[j] = new Instrument(prefix + "-" + Instrument.formatDate(date), InstrumentKind.FUTURE, a.underlying(),
            a.quoteCurrency(), a.settlement(), expiry, 0.0, null);
      }
    }
    return out;
  }

  /** The book on a day as a portfolio (no collateral), for {@link io.netgamma.core.portfolio.PortfolioValuer}. */
  public Portfolio portfolioAt(Instant valuation, double forward) {
    Instrument[] ins = instrumentsAt(valuation, forward);
    List<Position> positions = new ArrayList<>(ins.length);
    for (int j = 0; j < ins.length; j++) {
      positions.add(Position.of(ins[j], quantity[j]));
    }
    return Portfolio.of(name + " rolled to " + valuation, positions);
  }

  /** Years to expiry of instrument {@code j} on any day (ACT/365), 0 for perpetuals and spot. */
  public double years(int j) {
    return tenorMillis[j] < 0 ? 0.0 : YearFraction.act365(0L, tenorMillis[j]);
  }
}
