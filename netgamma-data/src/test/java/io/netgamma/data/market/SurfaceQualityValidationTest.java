package io.netgamma.data.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.market.surface.FitQuality;
import io.netgamma.core.market.surface.SmileQuote;
import io.netgamma.core.market.surface.SviFit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Per-expiry quality of the volatility surfaces {@link MarketLoader} fits to Deribit's real chains
 * ({@code ../shared/data/chains}, see its README), in vol points and in price terms ({@link FitQuality}). Run with
 * {@code ./mvnw -Pvalidation test}; skipped (JUnit assumption) when {@code -Dnetgamma.sharedData} is not set or the
 * folder is absent.
 *
 * <p>The bounds hold the fixes of issue 3 item 3 in place. Before them: ETH-3MAY24 (6 hours) was fitted through 8%
 * marks sitting below their own 40–55% books (ATM 9.15%, RMSE 171 vol points); BTC-6FEB26 and ETH-6FEB26 of
 * 2026-02-05 (10 hours) were bent by ~40 far-wing quotes capped at 290% or at the tick floor (RMSE 24.5 and 11.5,
 * errors of 10 vol points at 1.3 standard deviations); BTC-22MAY20 (9 hours) missed the marks by 26 vol points at
 * 1.6 standard deviations (RMSE 10.4). The RMSE bounded here is the vega-weighted one reports print; the book bounds
 * say the fitted prices lie within the quotes' own bid/ask.
 */
@Tag("validation")
class SurfaceQualityValidationTest {

  static Path chains;

  @BeforeEach
  void requireData() {
    String property = System.getProperty("netgamma.sharedData");
    assumeTrue(property != null && !property.isBlank(), "netgamma.sharedData is not set (-Dnetgamma.sharedData=DIR, "
        + "the parent pom sets it): real-data validation skipped");
    Path dir = Path.of(property).resolve("chains");
    assumeTrue(Files.isDirectory(dir), () -> "real market data not found at " + dir.toAbsolutePath()
        + ": validation skipped");
    chains = dir;
  }

  /** The fits of a chain file by Deribit expiry name ({@code BTC-22MAY20}), with a printed report. */
  static Map<String, SviFit> fits(String file) {
    LoadedMarket m = MarketLoader.DEFAULT.load(chains.resolve(file));
    Map<String, SviFit> byName = new LinkedHashMap<>();
    StringBuilder report = new StringBuilder(file).append('\n');
    m.fits().forEach((underlying, fit) -> {
      assertThat(fit.arbitrageFree()).as(file + " " + underlying + "\n" + fit.summary()).isTrue();
      for (int i = 0; i < fit.fits().size(); i++) {
        String name = underlying + "-" + Instrument.formatDate(LocalDate.ofInstant(Instant.ofEpochMilli(
            fit.surface().expiry(i)), ZoneOffset.UTC));
        SviFit f = fit.fits().get(i);
        byName.put(name, f);
        report.append(String.format(Locale.ROOT, "  %-12s %7.2f d  %3d used %2d set aside  atm %6.2f%%  %s%n", name,
            f.t() * 365, f.used().size(), f.rejected().size(), 100 * f.volatility(0), f.quality().summary()));
      }
    });
    System.out.print(report);
    return byName;
  }

  /** Every expiry's vega-weighted RMSE below {@code bound} vol points, except those given their own bound. */
  static void rmseBelow(Map<String, SviFit> fits, double bound, Map<String, Double> exceptions) {
    fits.forEach((name, f) -> assertThat(f.rmseVolPoints()).as(name + ": " + f.summary())
        .isLessThan(exceptions.getOrDefault(name, bound)));
  }

  /** Every expiry with a book: at least {@code fraction} of its quotes priced inside their own bid/ask. */
  static void insideBooks(Map<String, SviFit> fits, double fraction) {
    fits.forEach((name, f) -> assertThat(f.quality().insideBookFraction()).as(name + ": " + f.summary())
        .isGreaterThanOrEqualTo(fraction));
  }

  /** Largest |fitted − quoted| in vol points over the used quotes within {@code sds} ATM standard deviations. */
  static double nearMoneyMaxError(SviFit f, double sds) {
    double sd = Math.sqrt(f.params().totalVariance(0));
    double worst = 0;
    for (SmileQuote q : f.used()) {
      if (Math.abs(q.logMoneyness()) <= sds * sd) {
        worst = Math.max(worst, Math.abs(f.volatility(q.logMoneyness()) - q.iv()));
      }
    }
    return 100 * worst;
  }

  @Test
  void btc2020() {
    Map<String, SviFit> fits = fits("deribit_btc_2020-05-21T2319Z.options_chain.csv");
    assertThat(fits).hasSize(7);
    // 22MAY20 (9 hours): the flat 134% / 107% wings around an 85% dip cannot be followed by SVI, but the fitted
    // prices are inside every book and the marks within 3 standard deviations are met within 12 vol points
    rmseBelow(fits, 2.5, Map.of("BTC-22MAY20", 5.0));
    insideBooks(fits, 0.85);
    SviFit may22 = fits.get("BTC-22MAY20");
    assertThat(may22.quality().insideBook()).isEqualTo(may22.quality().withBook());
    assertThat(nearMoneyMaxError(may22, 1.5)).as(may22.summary()).isLessThan(12);
    fits.forEach((name, f) -> assertThat(f.quality().rmsHalfSpreads()).as(name).isLessThan(1.5));
    for (String longer : new String[] {"BTC-5JUN20", "BTC-25SEP20", "BTC-25DEC20"}) {
      assertThat(fits.get(longer).rmseVolPoints()).as(longer).isLessThan(0.7);
    }
  }

  @Test
  void eth2024WithInconsistentRows() {
    Map<String, SviFit> fits = fits("deribit_eth_2024-05-03T0150Z.options_chain.csv");
    assertThat(fits).hasSize(12);
    // 3MAY24 (6 hours): its at-the-money marks (8%) lie below their books (the 2950 put's 41.10–55.46%, the 2900
    // put's 49.37–65.99%): they are set aside and the fitted at-the-money vol is within 2 vol points of the 2950
    // strike's book (it was 9.15%); the remaining marks are junk (the tick floor, stale 406% rows), so only the
    // books bound the fit
    SviFit may3 = fits.get("ETH-3MAY24");
    assertThat(may3.rejected()).extracting(r -> r.quote().label())
        .contains("ETH-3MAY24-2950-C", "ETH-3MAY24-2950-P", "ETH-3MAY24-2900-P", "ETH-3MAY24-2900-C");
    assertThat(100 * may3.volatility(0)).as(may3.summary()).isBetween(41.10 - 2, 55.46 + 2);
    assertThat(may3.quality().insideBookFraction()).isGreaterThanOrEqualTo(0.9);
    // 5MAY24: its right-wing puts are marked 78% inside wide books while the calls' books say 57–69%
    rmseBelow(fits, 2.0, Map.of("ETH-3MAY24", 100.0, "ETH-5MAY24", 7.0));
    insideBooks(fits, 0.75);
  }

  @Test
  void btcEthBeforeTheSellOff() {
    Map<String, SviFit> fits = fits("deribit_btc_eth_2026-02-04T0424Z.options_chain.csv");
    assertThat(fits).hasSize(24);
    rmseBelow(fits, 1.5, Map.of());
  }

  @Test
  void btcEthAfterTheSellOff() {
    Map<String, SviFit> fits = fits("deribit_btc_eth_2026-02-05T2129Z.options_chain.csv");
    assertThat(fits).hasSize(24);
    // the 10-hour expiries: ~40 far-wing quotes capped at 290% or at the tick floor no longer bend the smile near
    // the money (it was off by 10 vol points at 1.3 standard deviations)
    rmseBelow(fits, 2.5, Map.of("BTC-6FEB26", 6.0, "ETH-6FEB26", 3.0));
    assertThat(nearMoneyMaxError(fits.get("BTC-6FEB26"), 1.5)).isLessThan(6);
    assertThat(nearMoneyMaxError(fits.get("ETH-6FEB26"), 1.5)).isLessThan(6);
  }
}
