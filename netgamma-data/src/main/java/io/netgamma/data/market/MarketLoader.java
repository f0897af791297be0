package io.netgamma.data.market;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.market.ForwardCurve;
import io.netgamma.core.market.ForwardCurveBuilder;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.Quote;
import io.netgamma.core.market.surface.SurfaceFit;
import io.netgamma.core.market.surface.SviFit;
import io.netgamma.data.DataFileException;
import io.netgamma.data.io.ReadSummary;
import io.netgamma.data.io.RowIssue;
import io.netgamma.data.snapshot.MarketSnapshotJson;
import io.netgamma.data.market.SurfaceBuild.UnderlyingFit;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Loads a market for valuation from one file — netgamma's market-snapshot JSON or a Tardis {@code options_chain}
 * CSV, recognised from the content — and fits a volatility surface per underlying: what the {@code --market}
 * option of the commands reads.
 *
 * <p><b>Format detection.</b> The file may be plain or gzip-compressed (recognised by its magic bytes). After an
 * optional UTF-8 byte-order mark and white space, a '{' starts a snapshot JSON; otherwise the first line must be a
 * CSV header naming a {@code symbol} column (a Tardis chain; its reader then checks the other required columns).
 * Anything else is a {@link DataFileException} naming the file and showing its first line.
 *
 * <p><b>A Tardis chain</b> becomes a snapshot by {@link ChainSnapshotBuilder} (the latest row of each option; the
 * valuation instant is the latest row timestamp unless given; index prices from {@link Options#index()}, the
 * futures file's tickers or the nearest expiry's median forward; forward curves from futures marks, the options'
 * forwards or put–call parity), exactly as {@code netgamma market} writes it.
 *
 * <p><b>A snapshot JSON</b> is read as written ({@link MarketSnapshotJson}, bad instrument entries skipped and
 * counted). The valuation instant is its {@code timestamp} unless given. Index prices: {@link Options#index()},
 * else the file's, else the median forward of the nearest expiry's options. A forward curve in the file is kept
 * (its nodes after the valuation instant, anchored at its own index unless {@link Options#index()} gives one for
 * that underlying); an underlying without one gets the curve
 * {@link ForwardCurveBuilder#DEFAULT} builds from the file's futures and options. A futures file cannot be merged
 * into a snapshot (its futures are its own instruments): {@link Options#futures()} is refused.
 *
 * <p><b>Surfaces</b> are fitted by {@link SurfaceBuilder} to the option quotes' mark IVs on each underlying's
 * forward curve (the same steps and weights as {@code netgamma surface}); a snapshot JSON stores no surface. An
 * underlying without option quotes, or whose quotes cannot be fitted, has no surface, and a note says why.
 *
 * <p>Reading streams: memory grows with the number of instruments, not of rows. Stateless and thread-safe.
 */
public final class MarketLoader {

  /** The loader, fitting with {@link SurfaceBuilder#DEFAULT}. */
  public static final MarketLoader DEFAULT = new MarketLoader(SurfaceBuilder.DEFAULT);

  /** An expiry whose fit misses the mark IVs by more than this RMSE, in vol points, is flagged in the notes. */
  public static final int POOR_FIT_VOL_POINTS = 5;

  /** Characters looked at to recognise the format. */
  static final int PEEK_CHARS = 8192;

  private final SurfaceBuilder surfaces;

  private MarketLoader(SurfaceBuilder surfaces) {
    this.surfaces = surfaces;
  }

  /**
   * A loader fitting surfaces with the given builder.
   *
   * @param surfaces the surface builder
   * @return the loader
   */
  public static MarketLoader of(SurfaceBuilder surfaces) {
    return new MarketLoader(ArgChecker.notNull(surfaces, "surfaces"));
  }

  /**
   * How to load.
   *
   * @param valuation the valuation instant (millisecond precision), or null for the data's own: the snapshot's
   *     {@code timestamp}, or the chain's latest row timestamp
   * @param futures a Deribit tickers / order-book / book-summary JSON file of futures and perpetuals to merge into a
   *     chain ({@link FuturesFile}), or null
   * @param index index prices as the {@code --index} option takes them: {@code COIN=PRICE}, or a bare
   *     {@code PRICE} when the market has one underlying ({@link IndexOverrides}); USD per coin
   */
  public record Options(Instant valuation, Path futures, List<String> index) {

    /** No valuation instant, futures or index given. */
    public static final Options DEFAULT = new Options(null, null, List.of());

    /** Copies the index list. */
    public Options {
      index = List.copyOf(ArgChecker.notNull(index, "index"));
    }

    /** These options with a valuation instant (null for the data's own). */
    public Options withValuation(Instant newValuation) {
      return new Options(newValuation, futures, index);
    }

    /** These options with a futures file (null for none). */
    public Options withFutures(Path newFutures) {
      return new Options(valuation, newFutures, index);
    }

    /** These options with one more index price, USD per coin. */
    public Options withIndex(String coin, double price) {
      List<String> more = new ArrayList<>(index);
      more.add(IndexOverrides.text(coin, price));
      return new Options(valuation, futures, more);
    }
  }

  /**
   * Loads a market with the default options, discarding the per-row messages (their counts are in the result).
   *
   * @param market the snapshot JSON or Tardis chain file
   * @return the market
   * @throws DataFileException naming the file when it cannot be read as a whole, is neither format, or holds no
   *     usable option row
   */
  public LoadedMarket load(Path market) {
    return load(market, Options.DEFAULT, m -> { });
  }

  /**
   * Loads a market (see the class javadoc).
   *
   * @param market the snapshot JSON or Tardis chain file (plain or gzip)
   * @param options valuation instant, futures file, index prices
   * @param messages receives one line per skipped row or entry ({@code file:line: ...}), in file order
   * @return the market
   * @throws DataFileException naming the file when it (or the futures file) cannot be read as a whole, is neither
   *     format, or holds no usable row
   * @throws IllegalArgumentException when an option does not apply: an index for an underlying the market does not
   *     have, a bare index price with several underlyings, a futures file with a snapshot JSON
   */
  public LoadedMarket load(Path market, Options options, Consumer<String> messages) {
    ArgChecker.notNull(market, "market");
    ArgChecker.notNull(options, "options");
    ArgChecker.notNull(messages, "messages");
    String source = market.toString();
    try (BufferedReader in = open(market)) {
      MarketFormat format = sniff(in, source);
      return format == MarketFormat.SNAPSHOT_JSON ? loadSnapshot(market, in, options, messages)
          : loadChain(market, in, options, messages);
    } catch (IOException e) {
      throw new DataFileException(source + ": cannot read the file: " + e.getMessage(), e);
    }
  }

  /**
   * The format of a file, from its content (see the class javadoc).
   *
   * @param file the file (plain or gzip)
   * @return the format
   * @throws DataFileException naming the file when it cannot be read or is neither format
   */
  public static MarketFormat detect(Path file) {
    ArgChecker.notNull(file, "file");
    try (BufferedReader in = open(file)) {
      return sniff(in, file.toString());
    } catch (IOException e) {
      throw new DataFileException(file + ": cannot read the file: " + e.getMessage(), e);
    }
  }

  // --------------------------------------------------------------------------------------------- reading

  private static BufferedReader open(Path file) {
    String source = file.toString();
    if (Files.isDirectory(file)) {
      throw new DataFileException(source + ": is a directory, expected a market-snapshot JSON or a Tardis "
          + "options_chain CSV file");
    }
    InputStream raw = null;
    try {
      raw = Files.newInputStream(file);
      InputStream in = new BufferedInputStream(raw, 1 << 16);
      in.mark(2);
      int b0 = in.read();
      int b1 = in.read();
      in.reset();
      if (b0 == 0x1f && b1 == 0x8b) {
        in = new GZIPInputStream(in, 1 << 16);
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
    } catch (NoSuchFileException e) {
      throw new DataFileException(source + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new DataFileException(source + ": cannot read the file (permission denied)", e);
    } catch (IOException e) {
      closeQuietly(raw);
      throw new DataFileException(source + ": cannot read the file: " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(InputStream in) {
    if (in != null) {
      try {
        in.close();
      } catch (IOException ignored) {
        // the read failure is what gets reported
      }
    }
  }

  /** Recognises the format from the first characters; the reader is reset to where it was. */
  static MarketFormat sniff(BufferedReader in, String source) throws IOException {
    in.mark(PEEK_CHARS + 1);
    char[] buf = new char[PEEK_CHARS];
    int n = 0;
    int r;
    while (n < buf.length && (r = in.read(buf, n, buf.length - n)) > 0) {
      n += r;
    }
    in.reset();
    int i = 0;
    if (i < n && buf[i] == '\uFEFF') {
      i++;
    }
    while (i < n && Character.isWhitespace(buf[i])) {
      i++;
    }
    int firstLineStart = i; // the first line that is not blank
    if (i == n) {
      throw new DataFileException(source + ": the file is empty; expected a market-snapshot JSON or a Tardis "
          + "options_chain CSV");
    }
    if (buf[i] == '{') {
      return MarketFormat.SNAPSHOT_JSON;
    }
    int end = firstLineStart;
    while (end < n && buf[end] != '\n' && buf[end] != '\r') {
      end++;
    }
    String firstLine = new String(buf, firstLineStart, end - firstLineStart);
    if (firstLine.indexOf(',') >= 0) {
      for (String cell : firstLine.split(",", -1)) {
        if (cell.trim().toLowerCase(Locale.ROOT).equals("symbol")) {
          return MarketFormat.TARDIS_CHAIN;
        }
      }
    }
    throw new DataFileException(source + ": neither a market-snapshot JSON (an object starting with '{') nor a "
        + "Tardis options_chain CSV (a header line with the columns symbol, timestamp, type, strike_price, "
        + "expiration, mark_price, mark_iv, underlying_price, ...); the first line is '" + printable(firstLine)
        + "'");
  }

  /** The text shortened to {@link RowIssue#MAX_VALUE_LENGTH} characters, control characters shown as '?'. */
  private static String printable(String text) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < text.length() && sb.length() < RowIssue.MAX_VALUE_LENGTH + 1; i++) {
      char c = text.charAt(i);
      sb.append(Character.isISOControl(c) || c == '\uFFFD' ? '?' : c);
    }
    return RowIssue.shorten(sb.toString());
  }

  // --------------------------------------------------------------------------------------------- a chain

  private LoadedMarket loadChain(Path market, BufferedReader in, Options options, Consumer<String> messages) {
    String source = market.toString();
    LatestChainRows rows = LatestChainRows.read(in, source, messages);
    FuturesFile futures = options.futures() == null ? null : FuturesFile.read(options.futures(), messages);
    Map<String, Double> index = IndexOverrides.resolve(options.index(), () -> {
      Set<String> all = new LinkedHashSet<>();
      rows.rows().forEach(r -> all.add(r.instrument().underlying()));
      if (futures != null) {
        futures.quotes().values().forEach(q -> all.add(q.instrument().underlying()));
      }
      return all;
    });
    Instant valuation = options.valuation() == null ? null : truncated(options.valuation());
    ChainSnapshot built = ChainSnapshotBuilder.DEFAULT.build(rows, futures, index, valuation);
    if (built.snapshot() == null || built.snapshot().quotes().isEmpty()) {
      throw new DataFileException(source + ": no usable row: " + rows.summary().describe()
          + (built.skipped().containsKey(Reasons.EXPIRED) ? ", " + built.skipped().get(Reasons.EXPIRED)
              + " options expired" : "") + "; no market could be built");
    }
    List<String> notes = new ArrayList<>();
    if (rows.superseded() > 0) {
      notes.add(source + ": " + rows.superseded() + (rows.superseded() == 1 ? " row" : " rows")
          + " superseded by a later row of the same option");
    }
    if (futures != null) {
      ChainSnapshotBuilder.timeGapNote(built.snapshot(), futures).ifPresent(notes::add);
    }
    notes.addAll(built.notes());
    SurfaceBuild fitted = surfaces.fromChain(rows, built.snapshot(), null);
    return finish(market, MarketFormat.TARDIS_CHAIN, built.snapshot(), rows.summary(), built.skipped(), fitted,
        notes);
  }

  private static Instant truncated(Instant valuation) {
    return Instant.ofEpochMilli(valuation.toEpochMilli());
  }

  // --------------------------------------------------------------------------------------------- a snapshot

  private LoadedMarket loadSnapshot(Path market, BufferedReader in, Options options, Consumer<String> messages)
      throws IOException {
    String source = market.toString();
    if (options.futures() != null) {
      throw new IllegalArgumentException("--futures " + options.futures() + ": only a Tardis chain takes a futures "
          + "file; " + source + " is a market-snapshot JSON, whose futures are its own instruments");
    }
    in.mark(1);
    if (in.read() != '\uFEFF') {
      in.reset();
    }
    MarketSnapshotJson.Result read = MarketSnapshotJson.DEFAULT.read(in, source, i -> messages.accept(i.message()));
    MarketSnapshot file = read.snapshot();
    Instant at = options.valuation() == null ? file.timestamp() : truncated(options.valuation());
    long now = at.toEpochMilli();
    Set<String> underlyings = new LinkedHashSet<>(file.underlyings());
    file.quotes().forEach(q -> underlyings.add(q.instrument().underlying()));
    Map<String, Double> override = IndexOverrides.resolve(options.index(), () -> underlyings);
    for (String u : override.keySet()) {
      if (!underlyings.contains(u)) {
        throw new IllegalArgumentException("--index " + u + ": no " + u + " instrument or index price in " + source
            + " (have: " + underlyings + ")");
      }
    }
    List<String> notes = new ArrayList<>();
    MarketSnapshot.Builder b = MarketSnapshot.builder(at);
    for (String u : underlyings) {
      double index;
      String indexSource;
      if (override.containsKey(u)) {
        index = override.get(u);
        indexSource = "--index";
      } else if (file.underlyings().contains(u)) {
        index = file.index(u);
        indexSource = "index in " + source;
      } else {
        Map.Entry<Long, List<Double>> nearest = nearestOptionForwards(file.quotes(), u, now);
        if (nearest == null) {
          notes.add(u + ": no index price (none in " + source + ", no option with a forward): no forward curve, no "
              + "surface; give --index " + u + "=PRICE");
          continue;
        }
        index = CurveNotes.median(nearest.getValue().stream().mapToDouble(Double::doubleValue).toArray());
        indexSource = "median forward of the nearest expiry, " + u + "-" + Instrument.formatDate(LocalDate.ofInstant(
            Instant.ofEpochMilli(nearest.getKey()), ZoneOffset.UTC)) + "; give --index " + u + "=PRICE to set it";
      }
      b.index(u, index);
      ForwardCurve given = file.underlyings().contains(u) ? file.forwardCurve(u) : null;
      if (given != null && given.size() > 0) {
        // the file's curve keeps its own anchor unless --index moves it
        ForwardCurve curve = reanchored(given, now, override.containsKey(u) ? index : given.index());
        b.forwardCurve(curve);
        int dropped = given.size() - curve.size();
        notes.add(u + String.format(Locale.ROOT, ": index %.2f (%s); forward curve %d node%s (from %s%s)", index,
            indexSource, curve.size(), curve.size() == 1 ? "" : "s", source, dropped == 0 ? ""
                : "; " + dropped + " expired at the valuation instant left out"));
      } else {
        ForwardCurveBuilder.Result curve = ForwardCurveBuilder.DEFAULT.build(u, now, index, file.quotes());
        b.forwardCurve(curve.curve());
        notes.add(CurveNotes.line(u, index, indexSource + "; no forward curve in the file, built", curve));
      }
    }
    file.quotes().forEach(b::quote);
    MarketSnapshot snapshot = b.build();
    Map<String, Long> skipped = new LinkedHashMap<>();
    read.summary().skipped().forEach((k, v) -> skipped.put(k.label(), v));
    SurfaceBuild fitted = surfaces.fromQuotes(snapshot, file.timestamp(), null);
    return finish(market, MarketFormat.SNAPSHOT_JSON, snapshot, read.summary(), skipped, fitted, notes);
  }

  /** The curve's nodes after the valuation instant, valued there and anchored at {@code index}. */
  private static ForwardCurve reanchored(ForwardCurve c, long now, double index) {
    if (c.valuationMillis() == now && Double.compare(c.index(), index) == 0) {
      return c;
    }
    List<Long> expiries = new ArrayList<>();
    List<Double> forwards = new ArrayList<>();
    for (int i = 0; i < c.size(); i++) {
      if (c.expiry(i) > now) {
        expiries.add(c.expiry(i));
        forwards.add(c.forwardAt(i));
      }
    }
    return ForwardCurve.of(c.underlying(), now, index, expiries.stream().mapToLong(Long::longValue).toArray(),
        forwards.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** The forwards of the nearest unexpired expiry of an underlying's options that have one, or null. */
  private static Map.Entry<Long, List<Double>> nearestOptionForwards(Collection<Quote> quotes, String underlying,
      long now) {
    TreeMap<Long, List<Double>> byExpiry = new TreeMap<>();
    for (Quote q : quotes) {
      Instrument ins = q.instrument();
      if (ins.isOption() && ins.underlying().equals(underlying) && q.hasForward()
          && ins.expiry().toEpochMilli() > now) {
        byExpiry.computeIfAbsent(ins.expiry().toEpochMilli(), x -> new ArrayList<>()).add(q.forward());
      }
    }
    return byExpiry.firstEntry();
  }

  // --------------------------------------------------------------------------------------------- surfaces

  private static LoadedMarket finish(Path market, MarketFormat format, MarketSnapshot snapshot, ReadSummary summary,
      Map<String, Long> skipped, SurfaceBuild fitted, List<String> notes) {
    MarketSnapshot withSurfaces = SurfaceBuilder.withSurfaces(snapshot, fitted);
    Map<String, SurfaceFit> fits = new LinkedHashMap<>();
    Set<String> withOptions = new LinkedHashSet<>();
    for (UnderlyingFit u : fitted.underlyings()) {
      withOptions.add(u.underlying());
      if (u.fit() != null) {
        fits.put(u.underlying(), u.fit());
      }
      notes.add(surfaceNote(u, fitted));
    }
    Set<String> others = new LinkedHashSet<>(snapshot.underlyings());
    fitted.setAside().forEach(s -> others.add(s.underlying()));
    others.removeAll(withOptions);
    for (String u : others) {
      long expired = fitted.setAside().stream().filter(s -> s.underlying().equals(u)).count();
      notes.add(u + ": no surface (" + (expired == 0 ? "no option quotes" : "no unexpired option quotes: " + expired
          + " expired") + ")");
    }
    return new LoadedMarket(market, format, withSurfaces, fits, summary, skipped, fitted, notes);
  }

  /**
   * {@code BTC: surface of 7 expiries fitted to 319 mark IVs (RMSE 4.602 vol points), 7 set aside (7 outlier); POOR
   * FIT (RMSE over 5 vol points): BTC-22MAY20 10.6}: the RMSE over all quotes used, the set-aside quotes by reason,
   * expiries fitted poorly, expiries not fitted, arbitrage found.
   */
  static String surfaceNote(UnderlyingFit u, SurfaceBuild build) {
    Map<String, Long> reasons = new LinkedHashMap<>();
    build.setAside().stream().filter(s -> s.underlying().equals(u.underlying()))
        .forEach(s -> reasons.merge(s.reason(), 1L, Long::sum));
    long setAside = reasons.values().stream().mapToLong(Long::longValue).sum();
    String aside = setAside == 0 ? "" : ", " + setAside + " set aside (" + String.join(", ", reasons.entrySet()
        .stream().map(e -> e.getValue() + " " + e.getKey()).toList()) + ")";
    if (u.fit() == null) {
      return u.underlying() + ": no surface: " + u.failure() + aside;
    }
    SurfaceFit fit = u.fit();
    long used = 0;
    double sum2 = 0;
    int butterfly = 0;
    for (SviFit f : fit.fits()) {
      used += f.used().size();
      sum2 += f.rmseVolPoints() * f.rmseVolPoints() * f.used().size();
      butterfly += f.butterfly().arbitrageFree() ? 0 : 1;
    }
    StringBuilder sb = new StringBuilder();
    sb.append(u.underlying()).append(String.format(Locale.ROOT, ": surface of %d expir%s fitted to %d mark IVs "
        + "(RMSE %.3f vol points)", fit.fits().size(), fit.fits().size() == 1 ? "y" : "ies", used,
        Math.sqrt(sum2 / used))).append(aside);
    List<String> poor = new ArrayList<>();
    for (int i = 0; i < fit.fits().size(); i++) {
      if (fit.fits().get(i).rmseVolPoints() > POOR_FIT_VOL_POINTS) {
        poor.add(u.underlying() + "-" + Instrument.formatDate(LocalDate.ofInstant(Instant.ofEpochMilli(
            fit.surface().expiry(i)), ZoneOffset.UTC)) + String.format(Locale.ROOT, " %.1f",
            fit.fits().get(i).rmseVolPoints()));
      }
    }
    if (!poor.isEmpty()) {
      sb.append("; POOR FIT (RMSE over ").append(POOR_FIT_VOL_POINTS).append(" vol points): ")
          .append(String.join(", ", poor));
    }
    if (!fit.skipped().isEmpty()) {
      sb.append("; ").append(fit.skipped().size()).append(fit.skipped().size() == 1 ? " expiry" : " expiries")
          .append(" not fitted");
    }
    if (!fit.calendar().arbitrageFree()) {
      sb.append("; CALENDAR ARBITRAGE");
    }
    if (butterfly > 0) {
      sb.append("; BUTTERFLY ARBITRAGE on ").append(butterfly).append(butterfly == 1 ? " expiry" : " expiries");
    }
    return sb.toString();
  }
}
