package io.netgamma.core.risk.netting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.base.MissingMarketDataException;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.OptionType;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.market.ForwardCurve;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.VolatilitySurface;
import io.netgamma.core.portfolio.AssetRisk;
import io.netgamma.core.portfolio.GreeksAggregator;
import io.netgamma.core.portfolio.NetGreeks;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.core.portfolio.PortfolioValuation;
import io.netgamma.core.portfolio.PortfolioValuer;
import io.netgamma.core.portfolio.Position;
import io.netgamma.core.portfolio.ReferenceEquivalent;
import io.netgamma.core.pricing.Black76;
import io.netgamma.core.pricing.OptionGreeks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class NettingAnalyzerTest {

  private static final Instant NOW = Instant.parse("2026-01-01T08:00:00Z");
  private static final double T30 = YearFraction.act365(NOW, Instant.parse("2026-01-31T08:00:00Z"));
  private static final double DT_HOUR = 1.0 / 8760.0;
  private static final double SQRT_2_PI = Math.sqrt(2 / Math.PI);
  private static final double REL = 1e-12;

  private static OptionGreeks bs(OptionType type, double f, double k, double vol) {
    return Black76.DEFAULT.greeks(type, f, k, T30, vol);
  }

  private static void close(double actual, double expected) {
    assertThat(actual).isCloseTo(expected, within(REL * Math.max(1e-300, Math.abs(expected))));
  }

  // ------------------------------------------------------------------------------------- hand-built books

  @Test
  void grossAndNetOfAHandBuiltBook() {
    MarketSnapshot market = RiskTestMarkets.flat(NOW, "BTC", 100_000, 0.5);
    Portfolio book = Portfolio.of("hand", List.of(Position.of("BTC-31JAN26-100000-C", 10),
        Position.of("BTC-31JAN26-100000-C", -4), Position.of("BTC-31JAN26-90000-P", -6),
        Position.of("BTC-PERPETUAL", 2)));
    PortfolioValuation v = PortfolioValuer.DEFAULT.value(book, market);
    NettingReport r = NettingAnalyzer.analyze(v, market, null);

    OptionGreeks c = bs(OptionType.CALL, 100_000, 100_000, 0.5);
    OptionGreeks p = bs(OptionType.PUT, 100_000, 90_000, 0.5);
    UnderlyingNetting btc = r.underlying("BTC");
    assertThat(btc.positions()).isEqualTo(4);
    close(btc.delta().gross(), 14 * c.delta() + 6 * Math.abs(p.delta()) + 2);
    close(btc.delta().net(), 6 * c.delta() - 6 * p.delta() + 2);
    close(btc.gamma().gross(), 14 * c.gamma() + 6 * p.gamma());
    close(btc.gamma().net(), 6 * c.gamma() - 6 * p.gamma());
    close(btc.vega().gross(), 14 * c.vega() + 6 * p.vega());
    close(btc.vega().net(), 6 * c.vega() - 6 * p.vega());
    close(btc.theta().gross(), 14 * Math.abs(c.theta()) + 6 * Math.abs(p.theta()));
    close(btc.theta().net(), 6 * c.theta() - 6 * p.theta());
    close(btc.gamma().efficiency().orElseThrow(),
        1 - Math.abs(6 * c.gamma() - 6 * p.gamma()) / (14 * c.gamma() + 6 * p.gamma()));

    // One underlying: the book is the underlying, in its own units.
    BookNetting b = r.book();
    assertThat(b.reference()).isEqualTo("BTC");
    close(b.gamma().gross(), btc.gamma().gross());
    close(b.gamma().perUnderlying(), Math.abs(btc.gamma().net()));
    assertThat(b.gamma().net()).isEqualTo(btc.gamma().net());
    assertThat(b.delta().crossUnderlyingEfficiency().orElseThrow()).isEqualTo(0.0);

    // HWW by hand: F = S, so g = Γ; σ = the flat surface's 0.5 (no listed expiry: ATM at 7 days).
    HedgingCost h = r.hedging();
    UnderlyingHedging hb = h.underlyings().get(0);
    assertThat(hb.volatility()).isEqualTo(0.5);
    assertThat(hb.volatilitySource()).contains("7 days");
    double s = 100_000;
    double perUnitGammaUsd = s * s * 0.5 * Math.sqrt(DT_HOUR) * SQRT_2_PI;
    double usdA = (14 * c.gamma() + 6 * p.gamma()) * perUnitGammaUsd;
    double usdB = Math.abs(6 * c.gamma() - 6 * p.gamma()) * perUnitGammaUsd;
    close(h.rebalancesPerDay(), 24);
    close(h.perPosition().usdPerRebalance(), usdA);
    close(h.perPosition().usdPerDay(), 24 * usdA);
    close(h.perPosition().costUsdPerDay(), 24 * usdA * 5e-4);
    close(h.perUnderlying().usdPerDay(), 24 * usdB);
    close(hb.coinsPerDayPositions(), 24 * usdA / s);
    close(hb.coinsPerDayNetted(), 24 * usdB / s);
    // One underlying: the book hedge is the underlying's.
    close(h.book().usdPerDay(), h.perUnderlying().usdPerDay());
    close(h.savedByUnderlyingNettingUsdPerDay(), 24 * (usdA - usdB) * 5e-4);
    close(h.bookReferenceCoinsPerDay(), 24 * usdB / s);
  }

  @Test
  void longAndShortOfTheSameOptionNetToZeroWithEfficiencyOne() {
    MarketSnapshot market = RiskTestMarkets.flat(NOW, "BTC", 97_300, 0.62);
    Portfolio book = Portfolio.of("flat", List.of(Position.of("BTC-31JAN26-100000-C", 7.3),
        Position.of("BTC-31JAN26-90000-P", 3.1), Position.of("BTC-31JAN26-100000-C", -7.3),
        Position.of("BTC-31JAN26-90000-P", -3.1)));
    NettingReport r = NettingAnalyzer.analyze(PortfolioValuer.DEFAULT.value(book, market), market, null);
    UnderlyingNetting btc = r.underlying("BTC");
    for (GrossNet g : List.of(btc.delta(), btc.gamma(), btc.vega(), btc.theta())) {
      assertThat(g.gross()).isPositive();
      assertThat(g.net()).isEqualTo(0.0);
      assertThat(g.efficiency().orElseThrow()).isEqualTo(1.0);
    }
    assertThat(r.book().gamma().efficiency().orElseThrow()).isEqualTo(1.0);
    assertThat(r.hedging().perPosition().usdPerDay()).isPositive();
    assertThat(r.hedging().perUnderlying().usdPerDay()).isEqualTo(0.0);
    assertThat(r.hedging().book().usdPerDay()).isEqualTo(0.0);
    assertThat(r.hedging().savedTotalUsdPerDay()).isEqualTo(r.hedging().perPosition().costUsdPerDay());
  }

  @Test
  void efficiencyIsUndefinedWithoutGross() {
    assertThat(new GrossNet(0, 0).efficiency()).isEmpty();
    assertThat(new GrossNet(2, -2).efficiency().orElseThrow()).isEqualTo(0.0);
    assertThat(new BookMeasure(0, 0, 0).crossUnderlyingEfficiency()).isEmpty();
    // a futures-only book has no gamma to net and needs no volatility
    MarketSnapshot market = MarketSnapshot.builder(NOW).index("BTC", 100_000).build();
    Portfolio book = Portfolio.of("futures", List.of(Position.of("BTC-PERPETUAL", 3), Position.of("BTC-27MAR26", -1)));
    NettingReport r = NettingAnalyzer.analyze(PortfolioValuer.DEFAULT.value(book, market), market, null);
    assertThat(r.underlying("BTC").gamma().efficiency()).isEmpty();
    assertThat(r.underlying("BTC").delta().efficiency().orElseThrow()).isCloseTo(0.5, within(1e-15));
    assertThat(r.hedging().underlyings().get(0).volatilitySource()).isEqualTo("not needed (no gamma)");
    assertThat(r.hedging().perPosition()).isEqualTo(HedgeFlow.ZERO);
  }

  // ----------------------------------------------------------------------------------------- cross-asset

  private static final AssetRisk RISK = new AssetRisk("BTC", Map.of("BTC", 0.5, "ETH", 0.7), Map.of("ETH", 0.8));

  private static PortfolioValuation twoAssetBook(double ethCalls) {
    MarketSnapshot market = RiskTestMarkets.flat2(NOW, 100_000, 0.5, 3_000, 0.7);
    Portfolio book = Portfolio.of("two", List.of(Position.of("BTC-31JAN26-100000-C", 10),
        Position.of("ETH-31JAN26-3000-C", ethCalls), Position.of("ETH-PERPETUAL", 5)));
    return PortfolioValuer.DEFAULT.value(book, market);
  }

  @Test
  void bookLevelDeltaAndGammaInTheReferenceByHand() {
    PortfolioValuation v = twoAssetBook(-200);
    NettingReport r = NettingAnalyzer.analyze(v, null, RISK,
        NettingSettings.DEFAULT.withVolatilities(Map.of("BTC", 0.5, "ETH", 0.7)));
    OptionGreeks b = bs(OptionType.CALL, 100_000, 100_000, 0.5);
    OptionGreeks e = bs(OptionType.CALL, 3_000, 3_000, 0.7);
    double beta = 0.8 * 0.7 / 0.5;
    double ratio = 3_000 / 100_000.0;
    BookNetting book = r.book();
    assertThat(book.weighting()).isEqualTo(AssetRisk.Weighting.BETA);
    close(book.delta().gross(), 10 * b.delta() + beta * ratio * (200 * e.delta() + 5));
    close(book.delta().perUnderlying(), Math.abs(10 * b.delta()) + beta * ratio * Math.abs(-200 * e.delta() + 5));
    close(book.delta().net(), 10 * b.delta() + beta * ratio * (-200 * e.delta() + 5));
    close(book.gamma().gross(), 10 * b.gamma() + beta * beta * ratio * ratio * 200 * e.gamma());
    close(book.gamma().net(), 10 * b.gamma() - beta * beta * ratio * ratio * 200 * e.gamma());
    close(book.vega().net(), 10 * b.vega() - 200 * e.vega());
    close(book.vega().gross(), 10 * b.vega() + 200 * e.vega());
    close(book.theta().perUnderlying(), 10 * Math.abs(b.theta()) + 200 * Math.abs(e.theta()));
    // the net is the portfolio layer's reference equivalent, exactly
    ReferenceEquivalent eq = GreeksAggregator.referenceEquivalent(v, RISK, AssetRisk.Weighting.BETA, false);
    assertThat(book.delta().net()).isEqualTo(eq.delta());
    assertThat(book.gamma().net()).isEqualTo(eq.gamma());

    // (c) by hand: a_u = G_u·S_u²·σ_u, one-factor correlation 0.8 (exact for two underlyings)
    double aB = 10 * b.gamma() * 1e10 * 0.5;
    double aE = -200 * e.gamma() * 9e6 * 0.7;
    double usdC = SQRT_2_PI * Math.sqrt(DT_HOUR * (aB * aB + aE * aE + 2 * 0.8 * aB * aE));
    close(r.hedging().book().usdPerRebalance(), usdC);
    close(r.hedging().perUnderlying().usdPerRebalance(), SQRT_2_PI * Math.sqrt(DT_HOUR) * (Math.abs(aB)
        + Math.abs(aE)));
    close(r.hedging().bookReferenceCoinsPerDay(), 24 * usdC / 100_000);
    assertThat(r.hedging().correlationSensitivity()).extracting(CorrelationCase::name).containsExactly(
        "base (one-factor from asset risk)", "uncorrelated", "crisis (0.95)");
    assertThat(r.hedging().correlationSensitivity().get(0).correlations().get("BTC", "ETH")).isEqualTo(0.8);
  }

  @Test
  void correlationStressIsMonotone() {
    // Opposite gammas (long BTC, short ETH): more correlation, more offset, cheaper book hedge.
    PortfolioValuation opposite = twoAssetBook(-200);
    // Same-sign gammas: more correlation, less diversification, dearer book hedge.
    PortfolioValuation same = twoAssetBook(200);
    NettingSettings settings = NettingSettings.DEFAULT.withVolatilities(Map.of("BTC", 0.5, "ETH", 0.7));
    double[] rhos = {-1, -0.6, -0.2, 0, 0.3, 0.6, 0.9, 1};
    double prevOpposite = Double.POSITIVE_INFINITY;
    double prevSame = Double.NEGATIVE_INFINITY;
    for (double rho : rhos) {
      CorrelationMatrix m = CorrelationMatrix.constant(List.of("BTC", "ETH"), rho);
      HedgingCost o = NettingAnalyzer.analyze(opposite, null, RISK, settings.withCorrelations(m)).hedging();
      HedgingCost s = NettingAnalyzer.analyze(same, null, RISK, settings.withCorrelations(m)).hedging();
      assertThat(o.book().costUsdPerDay()).as("opposite, rho %s", rho).isLessThan(prevOpposite);
      assertThat(s.book().costUsdPerDay()).as("same sign, rho %s", rho).isGreaterThan(prevSame);
      assertThat(o.book().costUsdPerDay()).isLessThanOrEqualTo(o.perUnderlying().costUsdPerDay() * (1 + 1e-15));
      assertThat(s.book().costUsdPerDay()).isLessThanOrEqualTo(s.perUnderlying().costUsdPerDay() * (1 + 1e-15));
      prevOpposite = o.book().costUsdPerDay();
      prevSame = s.book().costUsdPerDay();
    }
    // Same-sign gammas perfectly correlated: nothing left to gain across assets.
    HedgingCost s1 = NettingAnalyzer.analyze(same, null, RISK,
        settings.withCorrelations(CorrelationMatrix.constant(List.of("BTC", "ETH"), 1.0))).hedging();
    assertThat(s1.savedByCrossAssetNettingUsdPerDay()).isCloseTo(0.0, within(1e-12 * s1.perUnderlying()
        .costUsdPerDay()));

    // The built-in sensitivity: uncorrelated < base 0.8 < crisis 0.95 in savings for opposite gammas, reversed else.
    List<CorrelationCase> co = NettingAnalyzer.analyze(opposite, null, RISK, settings).hedging()
        .correlationSensitivity();
    assertThat(co.get(1).savedCostUsdPerDay()).isLessThan(co.get(0).savedCostUsdPerDay());
    assertThat(co.get(0).savedCostUsdPerDay()).isLessThan(co.get(2).savedCostUsdPerDay());
    List<CorrelationCase> cs = NettingAnalyzer.analyze(same, null, RISK, settings).hedging()
        .correlationSensitivity();
    assertThat(cs.get(1).savedCostUsdPerDay()).isGreaterThan(cs.get(0).savedCostUsdPerDay());
    assertThat(cs.get(0).savedCostUsdPerDay()).isGreaterThan(cs.get(2).savedCostUsdPerDay());
    assertThat(cs.get(2).savedCostUsdPerDay()).isPositive();
    // a given matrix becomes the base case
    List<CorrelationCase> given = NettingAnalyzer.analyze(opposite, null, RISK,
        settings.withCorrelations(CorrelationMatrix.constant(List.of("ETH", "BTC"), 0.3))).hedging()
        .correlationSensitivity();
    assertThat(given.get(0).name()).isEqualTo("base (given)");
    assertThat(given.get(0).correlations().underlyings()).containsExactly("BTC", "ETH");
    assertThat(given.get(0).correlations().get("ETH", "BTC")).isEqualTo(0.3);
  }

  // ------------------------------------------------------------------------------------------- Monte Carlo

  /**
   * HWW for one position against a Monte Carlo of the hedge itself: over each hour the index moves by a lognormal
   * step, the option is repriced by Black-76 an hour nearer expiry, and the hedge trades the change of its delta.
   * The mean USD traded matches |Γ|·S²·σ·√δt·√(2/π) within the Monte Carlo error: the terms HWW leaves out (speed,
   * charm, the lognormal drift) change E|δΔ| only at second order.
   */
  @Test
  void hwwFlowMatchesAMonteCarloOfTheHedge() {
    double s = 100_000;
    double sigma = 0.5;
    MarketSnapshot market = RiskTestMarkets.flat(NOW, "BTC", s, sigma);
    Portfolio book = Portfolio.of("one", List.of(Position.of("BTC-31JAN26-100000-C", 10)));
    HedgingCost h = NettingAnalyzer.analyze(PortfolioValuer.DEFAULT.value(book, market), market, null).hedging();

    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20260101L);
    ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
    int paths = 200_000;
    double delta0 = Black76.DEFAULT.greeks(OptionType.CALL, s, 100_000, T30, sigma).delta();
    double sum = 0;
    double sumSq = 0;
    double sd = sigma * Math.sqrt(DT_HOUR);
    for (int p = 0; p < paths; p++) {
      double s1 = s * Math.exp(sd * z.sample() - 0.5 * sd * sd);
      double delta1 = Black76.DEFAULT.greeks(OptionType.CALL, s1, 100_000, T30 - DT_HOUR, sigma).delta();
      double usd = Math.abs(10 * (delta1 - delta0)) * s;
      sum += usd;
      sumSq += usd * usd;
    }
    double mean = sum / paths;
    double stdErr = Math.sqrt((sumSq / paths - mean * mean) / paths);
    assertThat(h.perPosition().usdPerRebalance()).isCloseTo(mean, within(4 * stdErr));
    assertThat(stdErr / mean).isLessThan(0.002);
  }

  /** Hedge (c): E|Σ_u G_u·S_u·δS_u| under correlated normal moves, against the closed form √(2/π)·sd. */
  @Test
  void bookHedgeMatchesAMonteCarloOfCorrelatedMoves() {
    PortfolioValuation v = twoAssetBook(-150);
    HedgingCost h = NettingAnalyzer.analyze(v, null, RISK,
        NettingSettings.DEFAULT.withVolatilities(Map.of("BTC", 0.5, "ETH", 0.7))
            .withRebalanceInterval(Duration.ofMinutes(15))).hedging();
    double gB = 10 * bs(OptionType.CALL, 100_000, 100_000, 0.5).gamma();
    double gE = -150 * bs(OptionType.CALL, 3_000, 3_000, 0.7).gamma();
    double dt = 15.0 / (365 * 24 * 60);
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
    ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
    int paths = 400_000;
    double sum = 0;
    double sumSq = 0;
    double rho = 0.8;
    for (int p = 0; p < paths; p++) {
      double zb = z.sample();
      double ze = rho * zb + Math.sqrt(1 - rho * rho) * z.sample();
      double dSb = 100_000 * 0.5 * Math.sqrt(dt) * zb;
      double dSe = 3_000 * 0.7 * Math.sqrt(dt) * ze;
      double x = Math.abs(gB * 100_000 * dSb + gE * 3_000 * dSe);
      sum += x;
      sumSq += x * x;
    }
    double mean = sum / paths;
    double stdErr = Math.sqrt((sumSq / paths - mean * mean) / paths);
    assertThat(h.book().usdPerRebalance()).isCloseTo(mean, within(4 * stdErr));
    assertThat(h.rebalancesPerDay()).isEqualTo(96.0);
  }

  // ------------------------------------------------------------------------------------ realistic books

  @Test
  void generatedMarketBookAggregatesAndOrdering() {
    MarketSnapshot market = RiskTestMarkets.generated(11);
    Portfolio book = RiskTestMarkets.randomBook(market, 3_000, 0, 5);
    PortfolioValuation v = PortfolioValuer.DEFAULT.value(book, market);
    NettingReport r = NettingAnalyzer.analyze(v, market, RISK);
    Map<String, NetGreeks> net = GreeksAggregator.byUnderlying(v);
    assertThat(r.underlyings()).extracting(UnderlyingNetting::underlying).containsExactly("BTC", "ETH");
    for (UnderlyingNetting u : r.underlyings()) {
      double[] sums = new double[4];
      double[] gross = new double[4];
      int count = 0;
      for (int i = 0; i < v.size(); i++) {
        if (v.underlying(i).equals(u.underlying())) {
          count++;
          double[] x = {v.delta(i), v.gamma(i), v.vega(i), v.theta(i)};
          for (int k = 0; k < 4; k++) {
            sums[k] += x[k];
            gross[k] += Math.abs(x[k]);
          }
        }
      }
      assertThat(u.positions()).isEqualTo(count);
      GrossNet[] g = {u.delta(), u.gamma(), u.vega(), u.theta()};
      for (int k = 0; k < 4; k++) {
        assertThat(g[k].gross()).isCloseTo(gross[k], within(1e-12 * gross[k]));
        // the net equals the sum of the positions' greeks up to rounding of the gross sum
        assertThat(g[k].net()).isCloseTo(sums[k], within(1e-12 * gross[k]));
        assertThat(Math.abs(g[k].net())).isLessThanOrEqualTo(g[k].gross());
        assertThat(g[k].efficiency().orElseThrow()).isBetween(0.0, 1.0);
      }
      assertThat(u.gamma().net()).isEqualTo(net.get(u.underlying()).gamma());
    }
    BookNetting b = r.book();
    for (BookMeasure m : List.of(b.delta(), b.gamma(), b.vega(), b.theta())) {
      assertThat(Math.abs(m.net())).isLessThanOrEqualTo(m.perUnderlying() * (1 + 1e-12));
      assertThat(m.perUnderlying()).isLessThanOrEqualTo(m.gross() * (1 + 1e-12));
    }
    HedgingCost h = r.hedging();
    assertThat(h.book().usdPerDay()).isLessThanOrEqualTo(h.perUnderlying().usdPerDay());
    assertThat(h.perUnderlying().usdPerDay()).isLessThanOrEqualTo(h.perPosition().usdPerDay());
    assertThat(h.savedByUnderlyingNettingUsdPerDay()).isPositive();

    // default σ: the surface's ATM vol at the first expiry at least 7 days out
    long min = market.timestamp().toEpochMilli() + 7 * 86_400_000L;
    for (UnderlyingHedging u : h.underlyings()) {
      VolatilitySurface surface = market.surface(u.underlying()).orElseThrow();
      ForwardCurve curve = market.forwardCurve(u.underlying());
      long expiry = Long.MAX_VALUE;
      for (int i = 0; i < curve.size(); i++) {
        if (curve.expiry(i) >= min) {
          expiry = Math.min(expiry, curve.expiry(i));
        }
      }
      double t = YearFraction.act365(market.timestamp().toEpochMilli(), expiry);
      assertThat(u.volatility()).isEqualTo(surface.volatility(0.0, t));
      assertThat(u.volatilitySource()).contains(Instant.ofEpochMilli(expiry).toString());
      assertThat(u.volatility()).isBetween(0.2, 1.5);
    }
  }

  @Test
  void atmVolatilityIsReadAtTheFirstExpiryAtLeastSevenDaysOut() {
    long now = NOW.toEpochMilli();
    long day = 86_400_000L;
    ForwardCurve curve = ForwardCurve.of("BTC", now, 100_000, new long[] {now + 3 * day, now + 10 * day,
        now + 30 * day}, new double[] {100_100, 100_300, 101_000});
    // volatility rising with time: each expiry reads a different value
    VolatilitySurface surface = new VolatilitySurface() {
      @Override
      public ForwardCurve forwardCurve() {
        return curve;
      }

      @Override
      public double totalVariance(double k, double t) {
        double v = 0.4 + t;
        return v * v * t;
      }
    };
    MarketSnapshot market = MarketSnapshot.builder(NOW).forwardCurve(curve).surface(surface).build();
    Portfolio book = Portfolio.of("one", List.of(Position.of("BTC-31JAN26-100000-C", 1)));
    UnderlyingHedging u = NettingAnalyzer.analyze(PortfolioValuer.DEFAULT.value(book, market), market, null)
        .hedging().underlyings().get(0);
    assertThat(u.volatility()).isCloseTo(0.4 + 10.0 / 365, within(1e-15));
    assertThat(u.volatilitySource()).contains("2026-01-11T08:00:00Z").contains("10.00 days");
    // a given volatility wins
    UnderlyingHedging given = NettingAnalyzer.analyze(PortfolioValuer.DEFAULT.value(book, market), market, null,
        NettingSettings.DEFAULT.withVolatility("BTC", 0.9)).hedging().underlyings().get(0);
    assertThat(given.volatility()).isEqualTo(0.9);
    assertThat(given.volatilitySource()).isEqualTo("given");
  }

  // ------------------------------------------------------------------------------------------------ errors

  @Test
  void errorsNameWhatIsMissing() {
    PortfolioValuation two = twoAssetBook(10);
    assertThatThrownBy(() -> NettingAnalyzer.analyze(two, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[BTC, ETH]")
        .hasMessageContaining("AssetRisk");
    assertThatThrownBy(() -> NettingAnalyzer.analyze(two, null, RISK))
        .isInstanceOf(MissingMarketDataException.class).hasMessageContaining("no volatility for BTC");
    AssetRisk btcOnly = new AssetRisk("BTC", Map.of("BTC", 0.5), Map.of());
    assertThatThrownBy(() -> NettingAnalyzer.analyze(two, null, btcOnly))
        .isInstanceOf(MissingMarketDataException.class).hasMessageContaining("ETH");
    MarketSnapshot noSurface = MarketSnapshot.builder(NOW).index("BTC", 100_000).build();
    PortfolioValuation v = PortfolioValuer.DEFAULT.withVolSource(io.netgamma.core.portfolio.VolSource.SURFACE)
        .value(Portfolio.of("b", List.of(Position.of("BTC-PERPETUAL", 1))), noSurface);
    assertThat(NettingAnalyzer.analyze(v, noSurface, null).hedging().perPosition()).isEqualTo(HedgeFlow.ZERO);
    MarketSnapshot later = MarketSnapshot.builder(NOW.plusSeconds(60)).index("BTC", 100_000).build();
    assertThatThrownBy(() -> NettingAnalyzer.analyze(v, later, null))
        .hasMessageContaining("valued as of " + NOW);
    MarketSnapshot flat = RiskTestMarkets.flat(NOW, "BTC", 100_000, 0.5);
    PortfolioValuation option = PortfolioValuer.DEFAULT.value(Portfolio.of("o",
        List.of(new Position(Instrument.parse("BTC-31JAN26-100000-C"), 1, Double.NaN))), flat);
    assertThatThrownBy(() -> NettingAnalyzer.analyze(option, noSurfaceAt(NOW), null))
        .isInstanceOf(MissingMarketDataException.class).hasMessageContaining("no BTC volatility surface");
  }

  @Test
  void anEmptyBookHasNothingToNet() {
    MarketSnapshot market = RiskTestMarkets.flat2(NOW, 100_000, 0.5, 3_000, 0.7);
    PortfolioValuation empty = PortfolioValuer.DEFAULT.value(Portfolio.of("empty", List.of()), market);
    NettingReport r = NettingAnalyzer.analyze(empty, market, RISK);
    assertThat(r.underlyings()).isEmpty();
    assertThat(r.book().gamma()).isEqualTo(new BookMeasure(0, 0, 0));
    assertThat(r.book().gamma().efficiency()).isEmpty();
    assertThat(r.hedging().book()).isEqualTo(HedgeFlow.ZERO);
    assertThat(r.hedging().correlationSensitivity()).hasSize(3);
    assertThatThrownBy(() -> NettingAnalyzer.analyze(empty, market, null)).hasMessageContaining("no positions");
  }

  private static MarketSnapshot noSurfaceAt(Instant t) {
    return MarketSnapshot.builder(t).index("BTC", 100_000).build();
  }

  @Test
  void correlationMatrixValidation() {
    assertThatThrownBy(() -> CorrelationMatrix.of(List.of("BTC", "ETH"), new double[][] {{1, 0.5}, {0.4, 1}}))
        .hasMessageContaining("not symmetric");
    assertThatThrownBy(() -> CorrelationMatrix.of(List.of("BTC", "ETH"), new double[][] {{1, 1.2}, {1.2, 1}}))
        .hasMessageContaining("[-1, 1]");
    assertThatThrownBy(() -> CorrelationMatrix.of(List.of("A", "B", "C"),
        new double[][] {{1, 0.9, -0.9}, {0.9, 1, 0.9}, {-0.9, 0.9, 1}}))
        .hasMessageContaining("not positive semi-definite");
    // semi-definite (all 1) is fine
    CorrelationMatrix ones = CorrelationMatrix.constant(List.of("A", "B", "C"), 1.0);
    assertThat(ones.get("A", "C")).isEqualTo(1.0);
    assertThatThrownBy(() -> ones.select(List.of("A", "SOL"))).isInstanceOf(MissingMarketDataException.class)
        .hasMessageContaining("SOL");
    AssetRisk three = new AssetRisk("BTC", Map.of("BTC", 0.5, "ETH", 0.7, "SOL", 0.9),
        Map.of("ETH", 0.8, "SOL", 0.6));
    CorrelationMatrix f = CorrelationMatrix.oneFactor(three, List.of("BTC", "ETH", "SOL"));
    assertThat(f.get("BTC", "SOL")).isEqualTo(0.6);
    assertThat(f.get("ETH", "SOL")).isCloseTo(0.48, within(1e-15));
  }
}
