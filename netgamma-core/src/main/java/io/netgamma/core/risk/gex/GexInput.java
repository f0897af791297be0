package io.netgamma.core.risk.gex;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.base.MissingMarketDataException;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.market.ForwardCurve;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.Quote;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The options of one underlying's market, with the spot and the valuation instant: what {@link GammaExposure}
 * computes the dealers' gamma exposure of.
 *
 * @param underlying the coin, e.g. {@code BTC}; not blank
 * @param spot the spot (index) price, USD per coin, finite, &gt; 0: the point the GEX is quoted at ("per 1% move of
 *     spot") and the centre of the profile's spot range
 * @param valuationMillis the valuation instant, epoch milliseconds; t = ACT/365 from it to each expiry
 * @param options the option lines (copied; none null); options expired at the valuation instant may be included:
 *     they are left out of the calculation and counted
 * @param excluded options already left out while building the input, with their reasons (copied; carried into the
 *     report's {@link GexReport#excluded()}); empty when none
 */
public record GexInput(String underlying, double spot, long valuationMillis, List<GexOption> options,
    List<GexExclusion> excluded) {

  /** Validates and copies. */
  public GexInput {
    ArgChecker.notBlank(underlying, "underlying");
    ArgChecker.positive(spot, underlying + " spot");
    ArgChecker.notNull(options, "options");
    ArgChecker.notNull(excluded, "excluded");
    options = List.copyOf(options);
    excluded = List.copyOf(excluded);
  }

  /**
   * An input without prior exclusions.
   *
   * @param underlying the coin
   * @param spot spot (index), USD per coin
   * @param valuation the valuation instant
   * @param options the option lines
   * @return the input
   */
  public static GexInput of(String underlying, double spot, Instant valuation, List<GexOption> options) {
    ArgChecker.notNull(valuation, "valuation");
    return new GexInput(underlying, spot, valuation.toEpochMilli(), options, List.of());
  }

  /** The valuation instant. */
  public Instant valuation() {
    return Instant.ofEpochMilli(valuationMillis);
  }

  /**
   * The options of one underlying in a market snapshot, inverse and USDC-linear alike: open interest (coins) and
   * mark IV from each option's quote, the forward the venue quoted with the option or else the forward curve's
   * forward of its expiry, spot = the snapshot's index price, valued at the snapshot's instant. Options without open
   * interest or without a positive mark IV, and options expired at the snapshot's instant, are excluded with their
   * reason ({@link #excluded()}).
   *
   * @param snapshot the market
   * @param underlying the coin, e.g. {@code BTC}
   * @return the input
   * @throws MissingMarketDataException when the snapshot has no index price or no option of the underlying
   */
  public static GexInput fromSnapshot(MarketSnapshot snapshot, String underlying) {
    ArgChecker.notNull(snapshot, "snapshot");
    ArgChecker.notBlank(underlying, "underlying");
    String coin = underlying.trim().toUpperCase(Locale.ROOT);
    double spot = snapshot.index(coin);
    long now = snapshot.timestamp().toEpochMilli();
    ForwardCurve curve = snapshot.forwardCurve(coin);
    List<GexOption> options = new ArrayList<>();
    List<GexExclusion> excluded = new ArrayList<>();
    int seen = 0;
    for (Quote q : snapshot.quotes()) {
      Instrument instrument = q.instrument();
      if (!instrument.isOption() || !instrument.underlying().equals(coin)) {
        continue;
      }
      seen++;
      String name = instrument.name();
      long expiry = instrument.expiry().toEpochMilli();
      if (expiry <= now) {
        excluded.add(new GexExclusion(name, GexExclusion.EXPIRED, "expires at " + instrument.expiry()
            + ", not after the snapshot's instant " + snapshot.timestamp()));
      } else if (!(q.markIv() > 0)) {
        excluded.add(new GexExclusion(name, GexExclusion.NO_VOLATILITY, "mark_iv is " + q.markIv()));
      } else if (Double.isNaN(q.openInterest())) {
        excluded.add(new GexExclusion(name, GexExclusion.NO_OPEN_INTEREST, "the quote has no open_interest"));
      } else {
        double forward = q.hasForward() ? q.forward() : curve.forward(expiry);
        options.add(GexOption.of(instrument, q.openInterest(), q.markIv(), forward));
      }
    }
    if (seen == 0) {
      throw new MissingMarketDataException("no " + coin + " option in the market snapshot of "
          + snapshot.timestamp());
    }
    return new GexInput(coin, spot, now, options, excluded);
  }
}
