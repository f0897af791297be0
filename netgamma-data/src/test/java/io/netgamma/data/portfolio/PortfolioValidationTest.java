package io.netgamma.data.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.netgamma.data.SharedData;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.OrderBook;
import io.netgamma.core.market.Quote;
import io.netgamma.core.portfolio.EwmaEstimate;
import io.netgamma.core.portfolio.EwmaEstimator;
import io.netgamma.core.portfolio.GreeksAggregator;
import io.netgamma.core.portfolio.NetGreeks;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.core.portfolio.PortfolioValuation;
import io.netgamma.core.portfolio.PortfolioValuer;
import io.netgamma.core.portfolio.Position;
import io.netgamma.core.portfolio.VolSource;
import io.netgamma.core.pricing.Black76;
import io.netgamma.core.pricing.OptionGreeks;
import io.netgamma.data.io.RowIssue;
import io.netgamma.data.tardis.ChainRow;
import io.netgamma.data.tardis.TardisChainReader;
import io.netgamma.data.timeseries.OhlcvCsvReader;
import io.netgamma.data.timeseries.OhlcvSeries;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Real-data validation of the portfolio path ({@code ../shared/data}, see its README): a book of Deribit's own
 * options valued by {@link PortfolioValuer} reproduces Deribit's greeks position by position, and the EWMA
 * estimator runs on the real hourly BTC and ETH histories. Run with {@code ./mvnw -Pvalidation test}; skipped (JUnit
 * assumption) when the data folder is absent.
 *
 * <p><b>The book</b>: every option of {@code deribit_btc_2020-05-21T2319Z} more than 2 days from expiry, held +3 and
 * −2 alternately. Deribit values greeks at the whole minute nearest the quote's timestamp (see
 * {@code DeribitChainValidationTest}), so the rows are grouped by that minute and each group is one snapshot at
 * that minute, valued with {@link VolSource#MARK_IV} (the row's {@code mark_iv} on its {@code underlying_price});
 * rows stamped within 2 s of a half-minute, whose minute is ambiguous, are left out. Deribit floors theta at minus
 * the option's USD value: the test applies that floor to the valuation's theta before comparing.
 *
 * <p><b>Tolerance</b>, per position: |q| times Deribit's rounding of the published greek (5 decimals, ±0.5e-5) plus
 * the largest change of that greek over the rounding box of the inputs (σ ± 0.005 vol points, F ± 0.005 USD,
 * corners and edge midpoints, by {@link Black76}).
 */
@Tag("validation")
class PortfolioValidationTest {

  static final String CHAIN = "deribit_btc_2020-05-21T2319Z.options_chain.csv";
  static final double GREEK_HALF = 0.5e-5;
  static final double IV_HALF = 0.5e-4;
  static final double FORWARD_HALF = 0.005;
  static Path data;

  @BeforeEach
  void requireData() {
    data = SharedData.require("chains", "prices");
  }

  @Test
  void aBookOfDeribitOptionsHasDeribitsGreeksPositionByPosition() {
    List<ChainRow> rows = new ArrayList<>();
    List<RowIssue> issues = new ArrayList<>();
    TardisChainReader.DEFAULT.read(data.resolve("chains").resolve(CHAIN), rows::add, issues::add);
    assertThat(issues).isEmpty();
    Map<Long, List<ChainRow>> byMinute = new TreeMap<>();
    for (ChainRow r : rows) {
      long ms = r.timestamp().toEpochMilli();
      long intoMinute = Math.floorMod(ms, 60_000L);
      if (Math.abs(intoMinute - 30_000) < 2_000) {
        continue; // ambiguous minute
      }
      long minute = Math.round(ms / 60_000.0) * 60_000L;
      if (YearFraction.act365(minute, r.expiration().toEpochMilli()) * YearFraction.DAYS_PER_YEAR <= 2) {
        continue;
      }
      byMinute.computeIfAbsent(minute, m -> new ArrayList<>()).add(r);
    }
    int checked = 0;
    double worst = 0;
    PortfolioValuer valuer = PortfolioValuer.DEFAULT.withVolSource(VolSource.MARK_IV);
    for (Map.Entry<Long, List<ChainRow>> group : byMinute.entrySet()) {
      Instant at = Instant.ofEpochMilli(group.getKey());
      MarketSnapshot.Builder market = MarketSnapshot.builder(at).index("BTC", group.getValue().get(0)
          .underlyingPrice());
      List<Position> positions = new ArrayList<>();
      for (ChainRow r : group.getValue()) {
        market.quote(new Quote(r.instrument(), r.markPriceCoin(), r.markIvFraction(), Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, r.underlyingPrice(), Double.NaN, OrderBook.EMPTY));
        positions.add(Position.of(r.instrument(), positions.size() % 2 == 0 ? 3 : -2));
      }
      PortfolioValuation v = valuer.value(Portfolio.of("deribit " + at, positions), market.build());
      for (int i = 0; i < v.size(); i++) {
        ChainRow r = group.getValue().get(i);
        double q = v.quantity(i);
        double t = v.t(i);
        double priceUsd = v.priceUsd(i);
        worst = Math.max(worst, check(r, "delta", v.delta(i), q, r.delta().orElseThrow(), t, OptionGreeks::delta));
        worst = Math.max(worst, check(r, "gamma", v.gamma(i), q, r.gamma().orElseThrow(), t, OptionGreeks::gamma));
        worst = Math.max(worst, check(r, "vega", v.vega(i), q, r.vega().orElseThrow(), t, OptionGreeks::vega));
        worst = Math.max(worst, check(r, "rho", v.rho(i), q, r.rho().orElseThrow(), t, OptionGreeks::rho));
        double flooredTheta = q * Math.max(v.theta(i) / q, -priceUsd);
        worst = Math.max(worst, check(r, "theta", flooredTheta, q, r.theta().orElseThrow(), t,
            g -> Math.max(g.theta(), -g.priceUsd())));
        checked++;
      }
      // the book's net delta is the sum of q·(Deribit delta) within the summed tolerances
      NetGreeks net = GreeksAggregator.byUnderlying(v).get("BTC");
      double deribit = 0;
      double tol = 0;
      for (int i = 0; i < v.size(); i++) {
        ChainRow r = group.getValue().get(i);
        deribit += v.quantity(i) * r.delta().orElseThrow();
        tol += Math.abs(v.quantity(i)) * (GREEK_HALF + box(r, v.t(i), OptionGreeks::delta));
      }
      assertThat(Math.abs(net.delta() - deribit)).as("net delta at " + at).isLessThanOrEqualTo(tol);
    }
    assertThat(checked).as("positions checked").isGreaterThan(200);
    System.out.printf("portfolio validation: %d positions in %d snapshots, worst error %.2f of the tolerance%n",
        checked, byMinute.size(), worst);
  }

  /** Checks one greek of one position and returns |error| / tolerance. */
  private static double check(ChainRow r, String name, double position, double q, double deribit, double t,
      ToDoubleFunction<OptionGreeks> greek) {
    double tol = Math.abs(q) * (GREEK_HALF + box(r, t, greek));
    double error = Math.abs(position - q * deribit);
    assertThat(error).as("%s %s (q %s): ours %s, Deribit %s × q", r.symbol(), name, q, position, q * deribit)
        .isLessThanOrEqualTo(tol);
    return error / tol;
  }

  /** The largest change of a greek over the rounding box of Deribit's published IV and forward. */
  private static double box(ChainRow r, double t, ToDoubleFunction<OptionGreeks> greek) {
    double f = r.underlyingPrice();
    double s = r.markIvFraction();
    double base = greek.applyAsDouble(Black76.DEFAULT.greeks(r.type(), f, r.strike(), t, s));
    double max = 0;
    for (int a = -1; a <= 1; a++) {
      for (int b = -1; b <= 1; b++) {
        double g = greek.applyAsDouble(Black76.DEFAULT.greeks(r.type(), f + a * FORWARD_HALF, r.strike(), t,
            s + b * IV_HALF));
        max = Math.max(max, Math.abs(g - base));
      }
    }
    return max;
  }

  @Test
  void ewmaOfTheRealHourlyHistoriesMatchesTheExplicitWeightedSums() {
    Map<String, Path> files = new LinkedHashMap<>();
    files.put("BTC", data.resolve("prices").resolve("binance_btcusdt_1h_2017-2025.csv"));
    files.put("ETH", data.resolve("prices").resolve("binance_ethusdt_1h_2017-2025.csv"));
    List<RowIssue> issues = new ArrayList<>();
    EwmaEstimate e = PriceHistories.ewma(files, EwmaEstimator.RISKMETRICS_LAMBDA, issues::add);
    // the same aligned closes, by hand
    OhlcvSeries btc = OhlcvCsvReader.DEFAULT.read(files.get("BTC"), i -> { }).series();
    OhlcvSeries eth = OhlcvCsvReader.DEFAULT.read(files.get("ETH"), i -> { }).series();
    EwmaEstimator.Aligned al = EwmaEstimator.commonInstants(new long[][] {btc.timeMillis(), eth.timeMillis()},
        new double[][] {btc.close(), eth.close()});
    int n = al.times().length;
    assertThat(e.returns()).isEqualTo(n - 1);
    assertThat(e.periodsPerYear()).isEqualTo(8760.0);
    double lambda = EwmaEstimator.RISKMETRICS_LAMBDA;
    double sbb = 0;
    double see = 0;
    double sbe = 0;
    double w = 0;
    for (int t = 1; t < n; t++) {
      double weight = Math.pow(lambda, n - 1 - t);
      double rb = Math.log(al.prices()[0][t] / al.prices()[0][t - 1]);
      double re = Math.log(al.prices()[1][t] / al.prices()[1][t - 1]);
      sbb += weight * rb * rb;
      see += weight * re * re;
      sbe += weight * rb * re;
      w += weight;
    }
    assertThat(e.covariance("BTC", "BTC")).isCloseTo(sbb / w, org.assertj.core.api.Assertions.within(1e-12 * sbb / w));
    assertThat(e.covariance("ETH", "ETH")).isCloseTo(see / w, org.assertj.core.api.Assertions.within(1e-12 * see / w));
    assertThat(e.covariance("BTC", "ETH")).isCloseTo(sbe / w,
        org.assertj.core.api.Assertions.within(1e-12 * Math.abs(sbe / w)));
    double rho = e.correlation("ETH", "BTC");
    assertThat(rho).isBetween(-1.0, 1.0);
    System.out.printf("EWMA (lambda %.2f) on %d hourly returns to %s: vol BTC %.1f%%, ETH %.1f%%, rho %.3f, "
        + "beta ETH/BTC %.3f; %d rows skipped%n", lambda, e.returns(), Instant.ofEpochMilli(al.times()[n - 1]),
        100 * e.volatility("BTC"), 100 * e.volatility("ETH"), rho, e.beta("ETH", "BTC"), issues.size());
  }
}
