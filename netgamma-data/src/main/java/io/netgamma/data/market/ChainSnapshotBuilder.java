package io.netgamma.data.market;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.InstrumentKind;
import io.netgamma.core.market.ForwardCurveBuilder;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.OrderBook;
import io.netgamma.core.market.Quote;
import io.netgamma.data.tardis.ChainRow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the latest rows of a Tardis {@code options_chain} file — plus, optionally, Deribit futures and perpetual
 * quotes ({@link FuturesFile}) and index prices given by the user — into a {@link MarketSnapshot} (without
 * volatility surfaces; {@link SurfaceBuilder} fits those). The one implementation behind {@code netgamma market}
 * and {@link MarketLoader}.
 *
 * <p>Rules:
 * <ul>
 *   <li>the snapshot instant is the given valuation instant, else the latest row timestamp of the chain, at
 *       millisecond precision (as forward curves keep time); each option's quote comes from its latest row (mark,
 *       mark IV, best bid/ask with amounts, open interest, and its forward {@code underlying_price}, see
 *       {@link #quote}); options expired at their row's timestamp or at the snapshot instant are left out and
 *       counted;</li>
 *   <li>futures and perpetuals of the futures file are added (options there are ignored: the chain's are used;
 *       expired ones too), counted by reason;</li>
 *   <li>the index price of each underlying, in order of preference: the override; the {@code index_price} of the
 *       latest ticker of that underlying in the futures file; else the median {@code underlying_price} of the
 *       chain's nearest unexpired expiry (a Tardis chain has no index column; that forward is within the carry of
 *       a few hours of the index). Which one was used is in the notes;</li>
 *   <li>each underlying with an index gets the forward curve {@link ForwardCurveBuilder#DEFAULT} builds from all
 *       quotes: a dated future's mark where there is one, else the median forward of the expiry's options, else
 *       put–call parity.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class ChainSnapshotBuilder {

  /** A futures file stamped further than this from the chain's snapshot instant gets a note. */
  public static final Duration TIME_GAP_NOTE = Duration.ofMinutes(5);

  /** The builder (it has no settings). */
  public static final ChainSnapshotBuilder DEFAULT = new ChainSnapshotBuilder();

  private ChainSnapshotBuilder() {
  }

  /**
   * Builds the snapshot (see the class javadoc).
   *
   * @param rows the chain's latest rows
   * @param futures the futures file, or null
   * @param indexOverride index prices given by the user, USD per coin, by underlying (empty for none)
   * @param valuation the snapshot instant, or null for the latest row timestamp
   * @return the snapshot (null inside when no row is usable and no valuation is given) and what happened
   * @throws IllegalArgumentException when an override names an underlying with no instrument in the inputs
   */
  public ChainSnapshot build(LatestChainRows rows, FuturesFile futures, Map<String, Double> indexOverride,
      Instant valuation) {
    ArgChecker.notNull(rows, "rows");
    ArgChecker.notNull(indexOverride, "indexOverride");
    Map<String, Long> skipped = new LinkedHashMap<>(rows.skipped());
    Map<String, Long> ignored = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    Instant latest = valuation != null ? valuation : rows.latestTimestamp();
    if (latest == null) {
      return new ChainSnapshot(null, 0, skipped, 0, ignored, notes);
    }
    long now = latest.toEpochMilli(); // millisecond precision, as forward curves keep time
    Instant at = Instant.ofEpochMilli(now);
    List<Quote> quotes = new ArrayList<>();
    Set<String> underlyings = new LinkedHashSet<>();
    // nearest expiry's forwards per underlying, for the default index
    Map<String, TreeMap<Long, List<Double>>> forwards = new LinkedHashMap<>();
    for (ChainRow r : rows.rows()) {
      long expiry = r.expiration().toEpochMilli();
      if (expiry <= now) {
        skipped.merge(Reasons.EXPIRED, 1L, Long::sum);
        continue;
      }
      String u = r.instrument().underlying();
      underlyings.add(u);
      forwards.computeIfAbsent(u, x -> new TreeMap<>()).computeIfAbsent(expiry, x -> new ArrayList<>())
          .add(r.underlyingPrice());
      quotes.add(quote(r));
    }
    int optionQuotes = quotes.size();
    int merged = 0;
    Map<String, Double> tickerIndex = new LinkedHashMap<>();
    if (futures != null) {
      for (Quote q : futures.quotes().values()) {
        Instrument ins = q.instrument();
        if (ins.kind() != InstrumentKind.FUTURE && ins.kind() != InstrumentKind.PERPETUAL) {
          ignored.merge(ins.kind() == InstrumentKind.OPTION ? "options (the chain's are used)"
              : ins.kind().name().toLowerCase(Locale.ROOT), 1L, Long::sum);
          continue;
        }
        if (ins.expiry() != null && ins.expiry().toEpochMilli() <= now) {
          ignored.merge("expired", 1L, Long::sum);
          continue;
        }
        underlyings.add(ins.underlying());
        quotes.add(q);
        merged++;
      }
      tickerIndex.putAll(futures.index());
    }
    MarketSnapshot.Builder b = MarketSnapshot.builder(at);
    for (String u : indexOverride.keySet()) {
      if (!underlyings.contains(u)) {
        throw new IllegalArgumentException("--index " + u + ": no " + u + " instrument in " + rows.source()
            + (futures == null ? "" : " or " + futures.file()) + " (have: " + underlyings + ")");
      }
    }
    for (String u : underlyings) {
      double index;
      String source;
      if (indexOverride.containsKey(u)) {
        index = indexOverride.get(u);
        source = "--index";
      } else if (tickerIndex.containsKey(u)) {
        index = tickerIndex.get(u);
        source = "index_price of the latest " + u + " ticker in " + futures.file();
      } else if (forwards.containsKey(u)) {
        Map.Entry<Long, List<Double>> nearest = forwards.get(u).firstEntry();
        index = CurveNotes.median(nearest.getValue().stream().mapToDouble(Double::doubleValue).toArray());
        source = "median forward of the nearest expiry, " + u + "-" + Instrument.formatDate(LocalDate.ofInstant(
            Instant.ofEpochMilli(nearest.getKey()), ZoneOffset.UTC)) + "; give --index " + u + "=PRICE to set it";
      } else {
        notes.add(u + ": no index price (no option in the chain, no index_price in " + futures.file() + "): no "
            + "forward curve; give --index " + u + "=PRICE");
        continue;
      }
      b.index(u, index);
      ForwardCurveBuilder.Result curve = ForwardCurveBuilder.DEFAULT.build(u, now, index, quotes);
      b.forwardCurve(curve.curve());
      notes.add(CurveNotes.line(u, index, source, curve));
    }
    quotes.forEach(b::quote);
    return new ChainSnapshot(b.build(), optionQuotes, skipped, merged, ignored, notes);
  }

  /**
   * A note when the futures file is stamped further than {@link #TIME_GAP_NOTE} from the snapshot instant:
   * {@code note: FILE is stamped T, N minutes from the chain's snapshot instant S}.
   *
   * @param snapshot the snapshot built
   * @param futures the futures file
   * @return the note, or empty when the gap is small or unknown
   */
  public static Optional<String> timeGapNote(MarketSnapshot snapshot, FuturesFile futures) {
    ArgChecker.notNull(snapshot, "snapshot");
    ArgChecker.notNull(futures, "futures");
    if (futures.latest() == null) {
      return Optional.empty();
    }
    Duration gap = Duration.between(snapshot.timestamp(), futures.latest()).abs();
    if (gap.compareTo(TIME_GAP_NOTE) <= 0) {
      return Optional.empty();
    }
    return Optional.of("note: " + futures.file() + " is stamped " + futures.latest() + ", " + gap.toMinutes()
        + " minutes from the chain's snapshot instant " + snapshot.timestamp());
  }

  /**
   * The quote of a chain row: mark and bid/ask in coin, mark IV a fraction, amounts and open interest in
   * contracts, forward {@code underlying_price}; a best price of 0 is Deribit's "none": that side is absent (NaN),
   * with its amount.
   *
   * @param r the row
   * @return the quote (no book depth)
   */
  public static Quote quote(ChainRow r) {
    double bid = price(r.bidPriceCoin());
    double ask = price(r.askPriceCoin());
    return new Quote(r.instrument(), r.markPriceCoin(), r.markIvFraction(), bid,
        Double.isNaN(bid) ? Double.NaN : value(r.bidAmount()), ask, Double.isNaN(ask) ? Double.NaN
            : value(r.askAmount()), value(r.openInterest()), r.underlyingPrice(), Double.NaN, OrderBook.EMPTY);
  }

  private static double price(OptionalDouble p) {
    return p.isPresent() && p.getAsDouble() > 0 ? p.getAsDouble() : Double.NaN;
  }

  private static double value(OptionalDouble v) {
    return v.isPresent() ? v.getAsDouble() : Double.NaN;
  }
}
