package io.netgamma.core.market;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.base.MissingMarketDataException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything known about the market at one instant: per underlying the index price, the forward curve, an
 * optional volatility surface and the perpetual funding; per instrument the venue's {@link Quote}. Immutable and
 * thread-safe; build with {@link #builder(Instant)}.
 *
 * <p>Units as in {@link Quote} and {@link ForwardCurve}: index and forwards in USD per coin.
 */
public final class MarketSnapshot {

  private final Instant timestamp;
  private final Map<String, Double> index;
  private final Map<String, ForwardCurve> forwards;
  private final Map<String, VolatilitySurface> surfaces;
  private final Map<String, Quote> quotes;

  private MarketSnapshot(Builder b) {
    this.timestamp = b.timestamp;
    this.index = Collections.unmodifiableMap(new LinkedHashMap<>(b.index));
    this.forwards = Collections.unmodifiableMap(new LinkedHashMap<>(b.forwards));
    this.surfaces = Collections.unmodifiableMap(new LinkedHashMap<>(b.surfaces));
    this.quotes = Collections.unmodifiableMap(new LinkedHashMap<>(b.quotes));
  }

  /** A builder for a snapshot taken at {@code timestamp}. */
  public static Builder builder(Instant timestamp) {
    return new Builder(timestamp);
  }

  /** The instant of the snapshot. */
  public Instant timestamp() {
    return timestamp;
  }

  /** Underlyings with an index price, in insertion order. */
  public Set<String> underlyings() {
    return index.keySet();
  }

  /** Index price of an underlying, USD per coin. @throws MissingMarketDataException naming it when absent */
  public double index(String underlying) {
    Double v = index.get(underlying);
    if (v == null) {
      throw new MissingMarketDataException("no index price for " + underlying + " in the market snapshot of "
          + timestamp + " (have: " + index.keySet() + ")");
    }
    return v;
  }

  /**
   * The forward curve of an underlying; a flat curve at the index when none was given.
   *
   * @throws MissingMarketDataException when there is neither a curve nor an index price
   */
  public ForwardCurve forwardCurve(String underlying) {
    ForwardCurve c = forwards.get(underlying);
    return c != null ? c : ForwardCurve.flat(underlying, timestamp.toEpochMilli(), index(underlying));
  }

  /** The volatility surface of an underlying, if one was built. */
  public Optional<VolatilitySurface> surface(String underlying) {
    return Optional.ofNullable(surfaces.get(underlying));
  }

  /** The quote of an instrument by its Deribit name, if present. */
  public Optional<Quote> quote(String instrument) {
    return Optional.ofNullable(quotes.get(instrument));
  }

  /** The quote of an instrument. @throws MissingMarketDataException naming the instrument when absent */
  public Quote quoteOrThrow(String instrument) {
    Quote q = quotes.get(instrument);
    if (q == null) {
      throw new MissingMarketDataException("no quote for " + instrument + " in the market snapshot of " + timestamp);
    }
    return q;
  }

  /** All quotes, in insertion order. */
  public Collection<Quote> quotes() {
    return quotes.values();
  }

  /** Builds a {@link MarketSnapshot}. Not thread-safe. */
  public static final class Builder {
    private final Instant timestamp;
    private final Map<String, Double> index = new LinkedHashMap<>();
    private final Map<String, ForwardCurve> forwards = new LinkedHashMap<>();
    private final Map<String, VolatilitySurface> surfaces = new LinkedHashMap<>();
    private final Map<String, Quote> quotes = new LinkedHashMap<>();

    private Builder(Instant timestamp) {
      this.timestamp = ArgChecker.notNull(timestamp, "timestamp");
    }

    /** Sets the index price of an underlying, USD per coin (&gt; 0). */
    public Builder index(String underlying, double price) {
      index.put(ArgChecker.notBlank(underlying, "underlying"), ArgChecker.positive(price, underlying + " index"));
      return this;
    }

    /** Sets the forward curve of its underlying; its valuation instant must be this snapshot's. */
    public Builder forwardCurve(ForwardCurve curve) {
      ArgChecker.isTrue(curve.valuationMillis() == timestamp.toEpochMilli(),
          curve.underlying() + " forward curve is as of " + Instant.ofEpochMilli(curve.valuationMillis())
              + ", the snapshot is as of " + timestamp);
      forwards.put(curve.underlying(), curve);
      index.putIfAbsent(curve.underlying(), curve.index());
      return this;
    }

    /** Sets the volatility surface of its underlying (the underlying of its forward curve). */
    public Builder surface(VolatilitySurface surface) {
      surfaces.put(surface.forwardCurve().underlying(), surface);
      return this;
    }

    /** Adds (or replaces) the quote of an instrument. */
    public Builder quote(Quote quote) {
      quotes.put(quote.instrument().name(), ArgChecker.notNull(quote, "quote"));
      return this;
    }

    /** The snapshot. */
    public MarketSnapshot build() {
      return new MarketSnapshot(this);
    }
  }
}
