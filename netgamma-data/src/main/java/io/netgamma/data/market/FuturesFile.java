package io.netgamma.data.market;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.market.Quote;
import io.netgamma.data.deribit.DeribitBookSummary;
import io.netgamma.data.deribit.DeribitJsonReader;
import io.netgamma.data.deribit.DeribitTicker;
import io.netgamma.data.io.ReadSummary;
import io.netgamma.data.io.RowIssue;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The latest quote of each instrument of a Deribit JSON file of tickers ({@code public/ticker},
 * {@code get_order_book}) or of book summaries ({@code get_book_summary_by_currency}), and the latest
 * {@code index_price} per underlying (tickers only; an inverse instrument's preferred). The kind is recognised from
 * the content: tickers when any record reads as a ticker, else book summaries.
 *
 * @param file the file
 * @param kind "tickers" or "book summaries"
 * @param summary the reader's counts
 * @param quotes latest quote per instrument name, in order of first appearance; unmodifiable
 * @param index latest index price per underlying, USD per coin; unmodifiable
 * @param latest latest timestamp of the results, or null when there are none
 */
public record FuturesFile(Path file, String kind, ReadSummary summary, Map<String, Quote> quotes,
    Map<String, Double> index, Instant latest) {

  /** Validates and copies. */
  public FuturesFile {
    ArgChecker.notNull(file, "file");
    ArgChecker.notBlank(kind, "kind");
    ArgChecker.notNull(summary, "summary");
    quotes = Collections.unmodifiableMap(new LinkedHashMap<>(ArgChecker.notNull(quotes, "quotes")));
    index = Collections.unmodifiableMap(new LinkedHashMap<>(ArgChecker.notNull(index, "index")));
  }

  /**
   * Reads the file as tickers; when no record is a ticker, as book summaries. Bad records are reported.
   *
   * @param file the file (plain or .gz)
   * @param messages receives one line per bad record
   * @return the file's latest quotes
   * @throws io.netgamma.data.DataFileException naming the file when it cannot be read as a whole
   */
  public static FuturesFile read(Path file, Consumer<String> messages) {
    ArgChecker.notNull(file, "file");
    ArgChecker.notNull(messages, "messages");
    List<RowIssue> tickerIssues = new ArrayList<>();
    Map<String, DeribitTicker> tickers = new LinkedHashMap<>();
    Map<String, DeribitTicker> indexFrom = new LinkedHashMap<>();
    ReadSummary ts = DeribitJsonReader.DEFAULT.readTickers(file, t -> {
      tickers.merge(t.instrument().name(), t, (a, c) -> c.timestampMillis() >= a.timestampMillis() ? c : a);
      if (!Double.isNaN(t.indexPrice())) {
        indexFrom.merge(t.instrument().underlying(), t, FuturesFile::betterIndex);
      }
    }, tickerIssues::add);
    if (ts.rowsAccepted() > 0 || ts.rowsRead() == 0) {
      tickerIssues.forEach(i -> messages.accept(i.message()));
      Map<String, Quote> quotes = new LinkedHashMap<>();
      Instant latest = null;
      for (DeribitTicker t : tickers.values()) {
        quotes.put(t.instrument().name(), t.toQuote());
        Instant when = Instant.ofEpochMilli(t.timestampMillis());
        latest = latest == null || when.isAfter(latest) ? when : latest;
      }
      Map<String, Double> index = new LinkedHashMap<>();
      indexFrom.forEach((u, t) -> index.put(u, t.indexPrice()));
      return new FuturesFile(file, "tickers", ts, quotes, index, latest);
    }
    List<RowIssue> summaryIssues = new ArrayList<>();
    Map<String, DeribitBookSummary> summaries = new LinkedHashMap<>();
    ReadSummary ss = DeribitJsonReader.DEFAULT.readBookSummaries(file, s -> summaries.merge(s.instrument().name(),
        s, (a, c) -> c.creationTimestampMillis() >= a.creationTimestampMillis() ? c : a), summaryIssues::add);
    if (ss.rowsAccepted() == 0) {
      // neither: report what the ticker reading found (the more common kind)
      tickerIssues.forEach(i -> messages.accept(i.message()));
      return new FuturesFile(file, "tickers", ts, Map.of(), Map.of(), null);
    }
    summaryIssues.forEach(i -> messages.accept(i.message()));
    Map<String, Quote> quotes = new LinkedHashMap<>();
    Instant latest = null;
    for (DeribitBookSummary s : summaries.values()) {
      quotes.put(s.instrument().name(), s.toQuote());
      Instant when = Instant.ofEpochMilli(s.creationTimestampMillis());
      latest = latest == null || when.isAfter(latest) ? when : latest;
    }
    return new FuturesFile(file, "book summaries", ss, quotes, Map.of(), latest);
  }

  private static DeribitTicker betterIndex(DeribitTicker a, DeribitTicker b) {
    if (a.instrument().isInverse() != b.instrument().isInverse()) {
      return a.instrument().isInverse() ? a : b;
    }
    return b.timestampMillis() >= a.timestampMillis() ? b : a;
  }
}
