package io.netgamma.core.market;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.InstrumentKind;
import io.netgamma.core.instrument.OptionType;
import io.netgamma.core.instrument.Settlement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the {@link ForwardCurve} of one underlying from the quotes of its dated futures and options, with a report
 * of where each node came from and what was set aside.
 *
 * <p><b>Priority per expiry</b> (the first source that gives a forward wins; the others are computed too and
 * reported as set aside, with their value, so that sources can be compared):
 * <ol>
 *   <li>{@link Source#FUTURE_MARK}: the mark of the dated future of that expiry (USD per coin). With several
 *       futures of one expiry (inverse {@code BTC-28JUN24} and linear {@code BTC_USDC-28JUN24}) the median of
 *       their marks.</li>
 *   <li>{@link Source#OPTION_FORWARD}: the {@link Quote#forward()} of the expiry's options, i.e. the forward the
 *       venue prices them with (Deribit's {@code underlying_price}: the future, or the synthetic {@code SYN.}
 *       forward where no future lists). The median across the expiry's options: their values differ slightly
 *       because each option's ticker is stamped at its own instant.</li>
 *   <li>{@link Source#PUT_CALL_PARITY} on mid quotes (mid = (bid + ask)/2 of the best bid and ask) of a call and a
 *       put of the same strike, expiry and settlement, at rate 0 (Deribit's convention, as in Black-76 here):
 *       <ul>
 *         <li>linear (USDC) options: {@code C − P = F − K}, so {@code F = K + (C − P)};</li>
 *         <li>inverse (coin) options, prices in coin per 1-coin option: the payoffs at expiry are
 *             {@code max(S−K,0)/S} and {@code max(K−S,0)/S} coin, whose difference is {@code (S−K)/S = 1 − K/S} coin
 *             in every state; valued in coin at rate 0 (a coin premium is the USD value divided by F) this is
 *             {@code C − P = (F − K)/F = 1 − K/F}, so {@code F = K / (1 − (C − P))}, defined for
 *             {@code C − P < 1}.</li>
 *       </ul>
 *       Each usable pair gives an estimate F<sub>i</sub> with an uncertainty u<sub>i</sub> (USD) from its quoted
 *       spreads: the sum h of the call's and the put's half-spreads, times {@code dF/d(C−P)}, which is 1 for linear
 *       and {@code K/(1−(C−P))² = F²/K} for inverse options. The node's forward is the weighted median of the
 *       F<sub>i</sub> with weights 1/u<sub>i</sub> (the lower weighted median: the smallest F<sub>i</sub> at which
 *       the cumulative weight reaches half the total), robust to a pair with a stale quote.</li>
 * </ol>
 * Only options and dated futures of the requested underlying are considered (by {@link Instrument#underlying()},
 * so {@code BTC} and {@code BTC_USDC} instruments both count for BTC); perpetuals and spot are ignored. Instruments
 * that expire at or before the valuation instant are set aside. A pair is set aside when either leg lacks a
 * two-sided quote with a bid &gt; 0, is crossed (bid &gt; ask), or gives no positive forward. An expiry for which no
 * source gives a forward gets no node and is reported.
 *
 * <p>Between and beyond nodes the curve interpolates as {@link ForwardCurve} does (constant carry). Units: USD per
 * coin (USDC taken as USD), epoch milliseconds. Stateless and thread-safe.
 */
public final class ForwardCurveBuilder {

  /** The builder (it has no settings). */
  public static final ForwardCurveBuilder DEFAULT = new ForwardCurveBuilder();

  private static final double MIN_RELATIVE_UNCERTAINTY = 1e-12;

  private ForwardCurveBuilder() {
  }

  /** Where a forward came from, in order of priority. */
  public enum Source {
    /** The mark of a dated future of the expiry. */
    FUTURE_MARK,
    /** The venue's own forward of the expiry's options ({@link Quote#forward()}; Deribit's SYN. or future). */
    OPTION_FORWARD,
    /** Put–call parity on mid quotes of same-strike call/put pairs. */
    PUT_CALL_PARITY
  }

  /**
   * One node of the built curve.
   *
   * @param expiryMillis the expiry, epoch milliseconds
   * @param forward the forward, USD per coin, &gt; 0
   * @param source where it came from
   * @param inputs how many quotes (futures, options) or pairs (parity) it was computed from, &gt;= 1
   * @param uncertainty USD, &gt;= 0: for futures and option forwards half the range (max − min) of the inputs; for
   *     parity the spread-implied uncertainty u of the chosen pair's estimate
   */
  public record Node(long expiryMillis, double forward, Source source, int inputs, double uncertainty) {

    /** Validates the fields. */
    public Node {
      ArgChecker.positive(forward, "forward");
      ArgChecker.notNull(source, "source");
      ArgChecker.positive(inputs, "inputs");
      ArgChecker.notNegative(uncertainty, "uncertainty");
    }
  }

  /**
   * Something not used for the curve, and why.
   *
   * @param item an instrument name, a call/put pair ({@code BTC-28JUN24-70000-C/P}) or an expiry
   *     ({@code BTC-28JUN24})
   * @param expiryMillis the expiry it belongs to, epoch milliseconds
   * @param source the source it would have fed
   * @param forward the forward it gives, USD per coin, when it gives one (a lower-priority candidate); else empty
   * @param reason why it was set aside
   */
  public record SetAside(String item, long expiryMillis, Source source, OptionalDouble forward, String reason) {

    /** Validates the fields. */
    public SetAside {
      ArgChecker.notBlank(item, "item");
      ArgChecker.notNull(source, "source");
      ArgChecker.notNull(forward, "forward");
      ArgChecker.notBlank(reason, "reason");
    }

    /** The entry as one line for people. */
    @Override
    public String toString() {
      return item + " (" + source + (forward.isPresent() ? " " + forward.getAsDouble() : "") + "): " + reason;
    }
  }

  /**
   * The built curve and its report.
   *
   * @param curve the curve (no nodes, i.e. flat at the index, when no expiry had a forward)
   * @param nodes the nodes, by ascending expiry (the curve's nodes, with their provenance); unmodifiable
   * @param setAside what was not used, by ascending expiry then item; unmodifiable
   */
  public record Result(ForwardCurve curve, List<Node> nodes, List<SetAside> setAside) {

    /** Validates and copies the lists. */
    public Result {
      ArgChecker.notNull(curve, "curve");
      nodes = List.copyOf(nodes);
      setAside = List.copyOf(setAside);
      ArgChecker.isTrue(nodes.size() == curve.size(),
          "the curve has " + curve.size() + " nodes but the report " + nodes.size());
    }

    /** The node of an expiry (epoch milliseconds), if the curve has one there. */
    public Optional<Node> node(long expiryMillis) {
      for (Node n : nodes) {
        if (n.expiryMillis() == expiryMillis) {
          return Optional.of(n);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * Builds the curve of one underlying of a snapshot from all its quotes, at the snapshot's instant and index.
   *
   * @param snapshot the market
   * @param underlying the coin, e.g. BTC
   * @return the curve and its report
   * @throws io.netgamma.core.base.MissingMarketDataException when the snapshot has no index price for it
   */
  public Result build(MarketSnapshot snapshot, String underlying) {
    ArgChecker.notNull(snapshot, "snapshot");
    return build(underlying, snapshot.timestamp().toEpochMilli(), snapshot.index(underlying), snapshot.quotes());
  }

  /**
   * Builds the curve of every underlying of a snapshot that has an index price.
   *
   * @param snapshot the market
   * @return per underlying, in the snapshot's order, the curve and its report; unmodifiable
   */
  public Map<String, Result> buildAll(MarketSnapshot snapshot) {
    ArgChecker.notNull(snapshot, "snapshot");
    Map<String, Result> all = new LinkedHashMap<>();
    for (String u : snapshot.underlyings()) {
      all.put(u, build(snapshot, u));
    }
    return Collections.unmodifiableMap(all);
  }

  /**
   * Builds the curve of one underlying from quotes (any order; quotes of other underlyings are ignored). When the
   * same instrument is quoted twice, the first quote is used and the second set aside.
   *
   * @param underlying the coin, e.g. BTC
   * @param valuationMillis the valuation instant, epoch milliseconds
   * @param index the index (spot) price, USD per coin, &gt; 0 (the curve's anchor at t = 0)
   * @param quotes the quotes
   * @return the curve and its report
   */
  public Result build(String underlying, long valuationMillis, double index, Iterable<Quote> quotes) {
    ArgChecker.notBlank(underlying, "underlying");
    ArgChecker.positive(index, underlying + " index");
    ArgChecker.notNull(quotes, "quotes");
    List<SetAside> setAside = new ArrayList<>();
    TreeMap<Long, Expiry> expiries = new TreeMap<>();
    Set<String> seen = new HashSet<>();
    for (Quote q : quotes) {
      Instrument ins = q.instrument();
      if (!ins.underlying().equals(underlying)
          || (ins.kind() != InstrumentKind.OPTION && ins.kind() != InstrumentKind.FUTURE)) {
        continue;
      }
      long expiry = ins.expiry().toEpochMilli();
      Source source = ins.isOption() ? Source.OPTION_FORWARD : Source.FUTURE_MARK;
      if (!seen.add(ins.name())) {
        setAside.add(new SetAside(ins.name(), expiry, source, OptionalDouble.empty(),
            "quoted more than once; the first quote is used"));
        continue;
      }
      if (expiry <= valuationMillis) {
        setAside.add(new SetAside(ins.name(), expiry, source, OptionalDouble.empty(),
            "expired: expiry " + Instant.ofEpochMilli(expiry) + " is not after the valuation instant "
                + Instant.ofEpochMilli(valuationMillis)));
        continue;
      }
      Expiry e = expiries.computeIfAbsent(expiry, Expiry::new);
      if (ins.kind() == InstrumentKind.FUTURE) {
        if (q.hasMark() && q.mark() > 0) {
          e.futureMarks.add(q.mark());
        } else {
          setAside.add(new SetAside(ins.name(), expiry, Source.FUTURE_MARK, OptionalDouble.empty(),
              q.hasMark() ? "mark is not > 0: " + q.mark() : "no mark"));
        }
      } else {
        if (q.hasForward()) {
          e.optionForwards.add(q.forward());
        }
        Quote[] pair = e.pairs.computeIfAbsent(new PairKey(ins.settlement(), ins.strike()), k -> new Quote[2]);
        pair[ins.optionType() == OptionType.CALL ? 0 : 1] = q;
      }
    }

    List<Node> nodes = new ArrayList<>();
    for (Expiry e : expiries.values()) {
      String label = underlying + "-" + Instrument.formatDate(
          LocalDate.ofInstant(Instant.ofEpochMilli(e.expiryMillis), ZoneOffset.UTC));
      List<Node> candidates = new ArrayList<>(3);
      if (!e.futureMarks.isEmpty()) {
        candidates.add(medianNode(e.expiryMillis, Source.FUTURE_MARK, e.futureMarks));
      }
      if (!e.optionForwards.isEmpty()) {
        candidates.add(medianNode(e.expiryMillis, Source.OPTION_FORWARD, e.optionForwards));
      }
      Node parity = parityNode(e, setAside);
      if (parity != null) {
        candidates.add(parity);
      }
      if (candidates.isEmpty()) {
        setAside.add(new SetAside(label, e.expiryMillis, Source.PUT_CALL_PARITY, OptionalDouble.empty(),
            "no forward for this expiry: no future mark, no option forward and no usable call/put pair"));
        continue;
      }
      Node chosen = candidates.get(0);
      nodes.add(chosen);
      for (int i = 1; i < candidates.size(); i++) {
        Node other = candidates.get(i);
        setAside.add(new SetAside(label, e.expiryMillis, other.source(), OptionalDouble.of(other.forward()),
            chosen.source() + " takes precedence (" + chosen.forward() + " from " + chosen.inputs() + " input"
                + (chosen.inputs() == 1 ? "" : "s") + ")"));
      }
    }
    setAside.sort(Comparator.comparingLong(SetAside::expiryMillis).thenComparing(SetAside::item)
        .thenComparing(SetAside::source));

    long[] ex = new long[nodes.size()];
    double[] fw = new double[nodes.size()];
    for (int i = 0; i < ex.length; i++) {
      ex[i] = nodes.get(i).expiryMillis();
      fw[i] = nodes.get(i).forward();
    }
    ForwardCurve curve = ForwardCurve.of(underlying, valuationMillis, index, ex, fw);
    return new Result(curve, Collections.unmodifiableList(nodes), setAside);
  }

  private static Node medianNode(long expiry, Source source, DoubleList values) {
    double[] v = values.sorted();
    int n = v.length;
    double median = (n % 2 == 1) ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    return new Node(expiry, median, source, n, 0.5 * (v[n - 1] - v[0]));
  }

  /** The parity node of an expiry, or null when no pair is usable; unusable pairs are reported. */
  private static Node parityNode(Expiry e, List<SetAside> setAside) {
    int n = 0;
    double[] f = new double[e.pairs.size()];
    double[] u = new double[e.pairs.size()];
    for (Map.Entry<PairKey, Quote[]> entry : e.pairs.entrySet()) {
      Quote call = entry.getValue()[0];
      Quote put = entry.getValue()[1];
      if (call == null || put == null) {
        continue; // a strike listed on one side only is not a pair
      }
      String item = call.instrument().name() + "/P";
      String problem = quoteProblem(call, "call");
      if (problem == null) {
        problem = quoteProblem(put, "put");
      }
      if (problem != null) {
        setAside.add(new SetAside(item, e.expiryMillis, Source.PUT_CALL_PARITY, OptionalDouble.empty(), problem));
        continue;
      }
      double k = entry.getKey().strike();
      double x = 0.5 * (call.bid() + call.ask()) - 0.5 * (put.bid() + put.ask());
      double halfSpreads = 0.5 * (call.ask() - call.bid()) + 0.5 * (put.ask() - put.bid());
      double forward;
      double dForward;
      if (entry.getKey().settlement() == Settlement.INVERSE) {
        if (!(x < 1)) {
          setAside.add(new SetAside(item, e.expiryMillis, Source.PUT_CALL_PARITY, OptionalDouble.empty(),
              "mid call − mid put = " + x + " coin is not < 1: no positive forward F = K/(1 − (C − P))"));
          continue;
        }
        forward = k / (1 - x);
        dForward = forward * forward / k;
      } else {
        forward = k + x;
        dForward = 1;
        if (!(forward > 0)) {
          setAside.add(new SetAside(item, e.expiryMillis, Source.PUT_CALL_PARITY, OptionalDouble.empty(),
              "K + (mid call − mid put) = " + forward + " is not a positive forward"));
          continue;
        }
      }
      f[n] = forward;
      u[n] = halfSpreads * dForward;
      n++;
    }
    if (n == 0) {
      return null;
    }
    Integer[] order = new Integer[n];
    double total = 0;
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
      w[i] = 1.0 / Math.max(u[i], f[i] * MIN_RELATIVE_UNCERTAINTY);
      total += w[i];
    }
    final double[] fs = f;
    Arrays.sort(order, Comparator.comparingDouble(i -> fs[i]));
    double cumulative = 0;
    int chosen = order[n - 1];
    for (int j = 0; j < n; j++) {
      cumulative += w[order[j]];
      if (cumulative >= 0.5 * total) {
        chosen = order[j];
        break;
      }
    }
    return new Node(e.expiryMillis, f[chosen], Source.PUT_CALL_PARITY, n, u[chosen]);
  }

  /** Why a leg cannot be used for parity, or null when it can. */
  private static String quoteProblem(Quote q, String leg) {
    String name = q.instrument().name();
    if (Double.isNaN(q.bid()) || !(q.bid() > 0)) {
      return leg + " " + name + " has no bid";
    }
    if (Double.isNaN(q.ask())) {
      return leg + " " + name + " has no ask";
    }
    if (q.bid() > q.ask()) {
      return leg + " " + name + " is crossed: bid " + q.bid() + " > ask " + q.ask();
    }
    return null;
  }

  private record PairKey(Settlement settlement, double strike) {
  }

  /** What one expiry has. */
  private static final class Expiry {
    final long expiryMillis;
    final DoubleList futureMarks = new DoubleList();
    final DoubleList optionForwards = new DoubleList();
    final Map<PairKey, Quote[]> pairs = new LinkedHashMap<>();

    Expiry(long expiryMillis) {
      this.expiryMillis = expiryMillis;
    }
  }

  /** A growable list of doubles. */
  private static final class DoubleList {
    private double[] values = new double[8];
    private int size;

    void add(double v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    boolean isEmpty() {
      return size == 0;
    }

    double[] sorted() {
      double[] copy = Arrays.copyOf(values, size);
      Arrays.sort(copy);
      return copy;
    }
  }
}
