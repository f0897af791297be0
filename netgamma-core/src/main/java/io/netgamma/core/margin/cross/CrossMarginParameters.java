package io.netgamma.core.margin.cross;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.base.MissingMarketDataException;
import io.netgamma.core.risk.netting.CorrelationMatrix;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of {@link CrossAssetMargin}: correlations between underlyings, their stress, the cap on the credit
 * rate and the collateral haircuts. <b>No venue publishes these for a cross-asset options book</b>; the defaults
 * below are netgamma's assumptions, each with its reasoning.
 *
 * <p><b>Correlation and stress.</b> The credit between two risk groups whose directional requirements point in
 * opposite directions uses {@code ρ_used = ρ·(1 − stress)} when ρ &gt; 0, and ρ unchanged (no credit) otherwise.
 * Lowering ρ is the conservative direction for this credit: the credit grows with ρ, and what breaks a long/short
 * pair across underlyings is the two legs moving apart (an idiosyncratic crash of one coin: the 2022 LUNA and FTX
 * weeks, the ETH merge), not a broad sell-off in which correlations rise. Two groups of the same underlying (an
 * inverse and a linear group) have ρ = 1 and are stressed the same way.
 *
 * <p><b>Defaults and their reasoning.</b>
 * <ul>
 *   <li>{@link #DEFAULT_CORRELATION} 0.80 for a pair without an estimate: the correlation of hourly BTC and ETH
 *       returns over 2017–2025 (Binance BTCUSDT/ETHUSDT hourly closes: 0.80; 0.79 for daily returns); also the
 *       {@code report} command's default.</li>
 *   <li>{@link #DEFAULT_STRESS} 0.25: 0.80 becomes 0.60, below every 30-day window's correlation of hourly BTC/ETH
 *       returns since 2019 in the same data (weekly windows: median 0.84, 1% quantile 0.66, minimum 0.65 in June
 *       2020); only the 2017 ICO era went lower (0.16).</li>
 *   <li>{@link #DEFAULT_CREDIT_CAP} 0.70: the credit is never more than 70% of the offsetting amount counted on both
 *       legs, so at least 30% of the smaller directional requirement stays charged even for a perfectly correlated
 *       offset (the two groups' price ranges differ, forwards carry a basis to the index, the scenario grid is
 *       coarse). Exchanges' inter-commodity spread credits (CME SPAN) are of this form — a published rate per
 *       pair — but no crypto venue publishes one for a BTC/ETH options book.</li>
 *   <li>{@link #DEFAULT_HAIRCUTS}: USD, USDC 0 (the settlement stablecoin), USDT 2% (a second stablecoin that is not
 *       the settlement currency), BTC 2%, ETH 3% (the larger volatility), STETH 7.5% (Deribit's cross-collateral
 *       haircut for stETH from 2026-01-13, "Portfolio Margin improvements for stETH and cross-collateral
 *       haircuts", insights.deribit.com); any other currency {@link #DEFAULT_OTHER_HAIRCUT} 10%. Deribit's own
 *       published {@code model_params} (both sets bundled with netgamma) have {@code haircut} 0 for BTC, ETH and
 *       USD: give haircuts of 0 to compare with a Deribit X:PM account.</li>
 * </ul>
 *
 * @param correlations correlations of the underlyings the book may hold, not null (a pair absent from it is an error
 *     at margin time, naming the pair)
 * @param correlationSource where the correlations come from, in words ({@code assumed 0.80}, {@code EWMA of ...}),
 *     not blank
 * @param stress the relative correlation stress, in [0, 1]: {@code ρ_used = ρ·(1 − stress)} for ρ &gt; 0
 * @param creditCap the largest credit rate, in [0, 1]: a pair's credit is {@code min(ρ_used, creditCap)} times
 *     twice its offsetting amount
 * @param haircuts haircut per collateral currency (upper case), each in [0, 1] (copied, order kept)
 * @param otherHaircut haircut of a currency not in {@code haircuts}, in [0, 1]
 */
public record CrossMarginParameters(CorrelationMatrix correlations, String correlationSource, double stress,
    double creditCap, Map<String, Double> haircuts, double otherHaircut) {

  /** Correlation of a pair without an estimate: hourly BTC/ETH returns 2017–2025. */
  public static final double DEFAULT_CORRELATION = 0.80;
  /** Relative correlation stress: 0.80 → 0.60, below every 30-day BTC/ETH correlation since 2019. */
  public static final double DEFAULT_STRESS = 0.25;
  /** The largest credit rate. */
  public static final double DEFAULT_CREDIT_CAP = 0.70;
  /** Haircut of a collateral currency not listed in {@link #DEFAULT_HAIRCUTS}. */
  public static final double DEFAULT_OTHER_HAIRCUT = 0.10;
  /** Default haircuts per currency (assumptions; see the class javadoc). */
  public static final Map<String, Double> DEFAULT_HAIRCUTS = defaultHaircuts();

  private static Map<String, Double> defaultHaircuts() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("USD", 0.0);
    m.put("USDC", 0.0);
    m.put("USDT", 0.02);
    m.put("BTC", 0.02);
    m.put("ETH", 0.03);
    m.put("STETH", 0.075);
    return Collections.unmodifiableMap(m);
  }

  /** Validates and copies. */
  public CrossMarginParameters {
    ArgChecker.notNull(correlations, "correlations");
    ArgChecker.notBlank(correlationSource, "correlationSource");
    ArgChecker.inRange(stress, 0, 1, "correlation stress");
    ArgChecker.inRange(creditCap, 0, 1, "credit cap");
    ArgChecker.notNull(haircuts, "haircuts");
    Map<String, Double> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : haircuts.entrySet()) {
      String ccy = ArgChecker.notBlank(e.getKey(), "haircut currency").toUpperCase(Locale.ROOT);
      Double h = e.getValue();
      ArgChecker.isTrue(h != null, "haircut of " + ccy + " must not be null");
      ArgChecker.inRange(h, 0, 1, "haircut of " + ccy);
      copy.put(ccy, h);
    }
    haircuts = Collections.unmodifiableMap(copy);
    ArgChecker.inRange(otherHaircut, 0, 1, "haircut of other currencies");
  }

  /**
   * The defaults with these correlations: stress {@value #DEFAULT_STRESS}, cap {@value #DEFAULT_CREDIT_CAP},
   * {@link #DEFAULT_HAIRCUTS}, other currencies {@value #DEFAULT_OTHER_HAIRCUT}.
   */
  public static CrossMarginParameters of(CorrelationMatrix correlations, String correlationSource) {
    return new CrossMarginParameters(correlations, correlationSource, DEFAULT_STRESS, DEFAULT_CREDIT_CAP,
        DEFAULT_HAIRCUTS, DEFAULT_OTHER_HAIRCUT);
  }

  /** The defaults with every pair of {@code underlyings} at {@value #DEFAULT_CORRELATION} ("assumed"). */
  public static CrossMarginParameters defaults(List<String> underlyings) {
    return of(CorrelationMatrix.constant(underlyings, DEFAULT_CORRELATION),
        "assumed " + DEFAULT_CORRELATION + " for every pair (hourly BTC/ETH returns 2017-2025)");
  }

  /** These parameters with another stress. */
  public CrossMarginParameters withStress(double newStress) {
    return new CrossMarginParameters(correlations, correlationSource, newStress, creditCap, haircuts, otherHaircut);
  }

  /** These parameters with another credit cap. */
  public CrossMarginParameters withCreditCap(double newCap) {
    return new CrossMarginParameters(correlations, correlationSource, stress, newCap, haircuts, otherHaircut);
  }

  /** These parameters with other correlations. */
  public CrossMarginParameters withCorrelations(CorrelationMatrix newCorrelations, String newSource) {
    return new CrossMarginParameters(newCorrelations, newSource, stress, creditCap, haircuts, otherHaircut);
  }

  /** These parameters with the haircut of one currency set (others kept). */
  public CrossMarginParameters withHaircut(String currency, double haircut) {
    Map<String, Double> m = new LinkedHashMap<>(haircuts);
    m.put(ArgChecker.notBlank(currency, "currency").toUpperCase(Locale.ROOT), haircut);
    return new CrossMarginParameters(correlations, correlationSource, stress, creditCap, m, otherHaircut);
  }

  /**
   * The correlation of two underlyings: 1 for the same underlying, else the matrix entry.
   *
   * @throws MissingMarketDataException naming the pair and the underlyings the matrix has
   */
  public double correlation(String a, String b) {
    if (a.equals(b)) {
      return 1.0;
    }
    List<String> have = correlations.underlyings();
    if (!have.contains(a) || !have.contains(b)) {
      throw new MissingMarketDataException("cross-asset margin: no correlation for " + a + "/" + b
          + " (correlations " + correlationSource + " cover " + have + ")");
    }
    return correlations.get(a, b);
  }

  /** The stressed correlation: {@code ρ·(1 − stress)} for ρ &gt; 0, ρ otherwise. */
  public double stressed(double rho) {
    return rho > 0 ? rho * (1 - stress) : rho;
  }

  /** The credit rate of a correlation: {@code min(max(ρ_used, 0), creditCap)}. */
  public double creditRate(double rho) {
    return Math.min(Math.max(stressed(rho), 0.0), creditCap);
  }

  /** The haircut of a collateral currency: its own, else {@link #otherHaircut()}. */
  public double haircut(String currency) {
    Double h = haircuts.get(currency.toUpperCase(Locale.ROOT));
    return h != null ? h : otherHaircut;
  }
}
