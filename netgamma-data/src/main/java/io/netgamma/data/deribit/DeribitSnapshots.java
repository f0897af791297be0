package io.netgamma.data.deribit;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.market.ForwardCurveBuilder;
import io.netgamma.core.market.MarketSnapshot;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Assembles a {@link MarketSnapshot} from Deribit tickers or order books (e.g. everything
 * {@link DeribitJsonReader#readTickers} read from one capture).
 *
 * <p>Rules: the snapshot's instant is the latest ticker timestamp; each instrument's quote is
 * {@link DeribitTicker#toQuote()} of its latest ticker (an earlier one of the same instrument is dropped); each
 * underlying's index price is the {@code index_price} of its latest ticker that has one, taken from an inverse
 * instrument ({@code btc_usd}) when there is one, else from a linear one ({@code btc_usdc}); each underlying with
 * an index gets the forward curve {@link ForwardCurveBuilder#DEFAULT} builds from the quotes (futures marks, then
 * the options' {@code underlying_price}, then put–call parity), kept with its report. Stateless.
 */
public final class DeribitSnapshots {

  private DeribitSnapshots() {
  }

  /**
   * A snapshot and how its forward curves were built.
   *
   * @param snapshot the market
   * @param forwardReports per underlying (insertion order), the forward-curve builder's result; unmodifiable
   */
  public record Built(MarketSnapshot snapshot, Map<String, ForwardCurveBuilder.Result> forwardReports) {

    /** Checks and copies. */
    public Built {
      ArgChecker.notNull(snapshot, "snapshot");
      forwardReports = Collections.unmodifiableMap(new LinkedHashMap<>(forwardReports));
    }
  }

  /**
   * Builds the snapshot.
   *
   * @param tickers the tickers, at least one
   * @return the snapshot and the forward-curve reports
   */
  public static Built fromTickers(Iterable<DeribitTicker> tickers) {
    ArgChecker.notNull(tickers, "tickers");
    Map<String, DeribitTicker> latest = new LinkedHashMap<>();
    Map<String, DeribitTicker> indexFrom = new LinkedHashMap<>();
    long now = Long.MIN_VALUE;
    for (DeribitTicker t : tickers) {
      now = Math.max(now, t.timestampMillis());
      latest.merge(t.instrument().name(), t, (a, b) -> b.timestampMillis() >= a.timestampMillis() ? b : a);
      if (!Double.isNaN(t.indexPrice())) {
        indexFrom.merge(t.instrument().underlying(), t, DeribitSnapshots::betterIndex);
      }
    }
    ArgChecker.isTrue(now != Long.MIN_VALUE, "no tickers to build a snapshot from");
    MarketSnapshot.Builder b = MarketSnapshot.builder(Instant.ofEpochMilli(now));
    indexFrom.forEach((u, t) -> b.index(u, t.indexPrice()));
    latest.values().forEach(t -> b.quote(t.toQuote()));
    Map<String, ForwardCurveBuilder.Result> reports = ForwardCurveBuilder.DEFAULT.buildAll(b.build());
    reports.values().forEach(r -> b.forwardCurve(r.curve()));
    return new Built(b.build(), reports);
  }

  private static DeribitTicker betterIndex(DeribitTicker a, DeribitTicker b) {
    boolean aInverse = a.instrument().isInverse();
    boolean bInverse = b.instrument().isInverse();
    if (aInverse != bInverse) {
      return aInverse ? a : b;
    }
    return b.timestampMillis() >= a.timestampMillis() ? b : a;
  }
}
