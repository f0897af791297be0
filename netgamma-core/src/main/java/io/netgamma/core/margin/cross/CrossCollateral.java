package io.netgamma.core.margin.cross;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.InstrumentKind;
import io.netgamma.core.portfolio.CollateralValue;
import io.netgamma.core.portfolio.PortfolioValuation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The account's equity against its margin, all currencies together in USD (cross-collateral: any balance backs any
 * position).
 *
 * <p>{@code equity = Σ collateral after haircut + options value + spot value after haircut}, with
 * <ul>
 *   <li>collateral: the portfolio's balances at their index price ({@link PortfolioValuation#collateral()}, the
 *       valuation's {@link CollateralValue}s), each less its haircut ({@link HaircutCollateral});</li>
 *   <li>options value: the Black-76 value of every option position ({@code VALUE_USD}: long options add their
 *       premium, short options subtract it), as Deribit's equity counts the options' mark value;</li>
 *   <li>futures and perpetuals: 0 — they are valued at their mark and their P&amp;L since entry is in the balance
 *       (the valuation's convention);</li>
 *   <li>spot positions: their value at the index, less the haircut of their coin when long.</li>
 * </ul>
 * Excess = equity − margin (negative: a deficit); margin ratio = margin / equity (Deribit's maintenance-margin ratio:
 * at 100% the account is liquidated), undefined when equity &le; 0. Deribit applies cross-collateral haircuts to the
 * initial margin only; netgamma applies them to one equity compared with both IM and MM, which is the conservative
 * reading (the MM excess is never larger than Deribit's).
 *
 * @param balances every collateral balance with its haircut, in the portfolio's order (copied)
 * @param collateralValueUsd Σ balances at the index, USD
 * @param collateralAfterHaircutUsd Σ balances after haircut, USD
 * @param optionsValueUsd Σ option positions' value, USD (negative for a net short book)
 * @param spotValueUsd Σ spot positions after haircut, USD
 * @param equityUsd the equity, USD
 * @param initialMarginUsd the account's initial margin, USD, &ge; 0
 * @param maintenanceMarginUsd the account's maintenance margin, USD, &ge; 0
 */
public record CrossCollateral(List<HaircutCollateral> balances, double collateralValueUsd,
    double collateralAfterHaircutUsd, double optionsValueUsd, double spotValueUsd, double equityUsd,
    double initialMarginUsd, double maintenanceMarginUsd) {

  /** Validates and copies. */
  public CrossCollateral {
    balances = List.copyOf(ArgChecker.notNull(balances, "balances"));
    ArgChecker.finite(collateralValueUsd, "collateralValueUsd");
    ArgChecker.finite(collateralAfterHaircutUsd, "collateralAfterHaircutUsd");
    ArgChecker.finite(optionsValueUsd, "optionsValueUsd");
    ArgChecker.finite(spotValueUsd, "spotValueUsd");
    ArgChecker.finite(equityUsd, "equityUsd");
    ArgChecker.notNegative(initialMarginUsd, "initialMarginUsd");
    ArgChecker.notNegative(maintenanceMarginUsd, "maintenanceMarginUsd");
  }

  /**
   * What an account holds besides its derivatives' margin: collateral balances and the value of its option and spot
   * positions.
   *
   * @param collateral the balances valued at their index (stablecoins at 1) (copied)
   * @param optionsValueUsd Σ option positions' value, USD, finite
   * @param spotValueUsd Σ spot positions' value per coin, USD (before haircut; copied, order kept)
   */
  public record Account(List<CollateralValue> collateral, double optionsValueUsd, Map<String, Double> spotValueUsd) {

    /** Validates and copies. */
    public Account {
      collateral = List.copyOf(ArgChecker.notNull(collateral, "collateral"));
      ArgChecker.finite(optionsValueUsd, "optionsValueUsd");
      ArgChecker.notNull(spotValueUsd, "spotValueUsd");
      Map<String, Double> copy = new LinkedHashMap<>();
      for (Map.Entry<String, Double> e : spotValueUsd.entrySet()) {
        ArgChecker.isTrue(e.getValue() != null && Double.isFinite(e.getValue()), "spot value of " + e.getKey()
            + " must be finite, got " + e.getValue());
        copy.put(ArgChecker.notBlank(e.getKey(), "spot coin"), e.getValue());
      }
      spotValueUsd = Collections.unmodifiableMap(copy);
    }

    /** An account holding only collateral. */
    public static Account ofCollateral(List<CollateralValue> collateral) {
      return new Account(collateral, 0.0, Map.of());
    }

    /** The collateral of a valued book and the value of its options and spot positions. */
    public static Account of(PortfolioValuation valuation) {
      ArgChecker.notNull(valuation, "valuation");
      double options = 0;
      Map<String, Double> spot = new LinkedHashMap<>();
      for (int i = 0; i < valuation.size(); i++) {
        double v = valuation.valueUsd(i);
        if (valuation.instrument(i).isOption()) {
          options += v;
        } else if (valuation.kind(i) == InstrumentKind.SPOT) {
          spot.merge(valuation.underlying(i), v, Double::sum);
        }
      }
      return new Account(valuation.collateral(), options, spot);
    }
  }

  /**
   * The equity of an account against margins.
   *
   * @param account the balances and position values, not null
   * @param params the haircuts, not null
   * @param initialMarginUsd the account's IM, USD
   * @param maintenanceMarginUsd the account's MM, USD
   */
  public static CrossCollateral of(Account account, CrossMarginParameters params, double initialMarginUsd,
      double maintenanceMarginUsd) {
    ArgChecker.notNull(account, "account");
    ArgChecker.notNull(params, "params");
    List<HaircutCollateral> balances = new ArrayList<>();
    double gross = 0;
    double net = 0;
    for (CollateralValue c : account.collateral()) {
      HaircutCollateral h = HaircutCollateral.of(c, params.haircut(c.currency()));
      balances.add(h);
      gross += c.valueUsd();
      net += h.valueAfterHaircutUsd();
    }
    double spot = 0;
    for (Map.Entry<String, Double> e : account.spotValueUsd().entrySet()) {
      double v = e.getValue();
      spot += v > 0 ? v * (1 - params.haircut(e.getKey())) : v;
    }
    double options = account.optionsValueUsd();
    return new CrossCollateral(balances, gross, net, options, spot, net + options + spot, initialMarginUsd,
        maintenanceMarginUsd);
  }

  /** {@link #of(Account, CrossMarginParameters, double, double)} of a valued book's {@link Account#of account}. */
  public static CrossCollateral of(PortfolioValuation valuation, CrossMarginParameters params,
      double initialMarginUsd, double maintenanceMarginUsd) {
    return of(Account.of(valuation), params, initialMarginUsd, maintenanceMarginUsd);
  }

  /** Equity less initial margin, USD (negative: a deficit). */
  public double excessInitialUsd() {
    return equityUsd - initialMarginUsd;
  }

  /** Equity less maintenance margin, USD (negative: the account would be liquidated). */
  public double excessMaintenanceUsd() {
    return equityUsd - maintenanceMarginUsd;
  }

  /** Initial margin / equity, or empty when equity &le; 0. */
  public OptionalDouble initialMarginRatio() {
    return equityUsd > 0 ? OptionalDouble.of(initialMarginUsd / equityUsd) : OptionalDouble.empty();
  }

  /** Maintenance margin / equity (liquidation at 1), or empty when equity &le; 0. */
  public OptionalDouble maintenanceMarginRatio() {
    return equityUsd > 0 ? OptionalDouble.of(maintenanceMarginUsd / equityUsd) : OptionalDouble.empty();
  }

  /** The same balances and equity against other margins (e.g. another model's, for a comparison). */
  public CrossCollateral against(double otherInitialUsd, double otherMaintenanceUsd) {
    return new CrossCollateral(balances, collateralValueUsd, collateralAfterHaircutUsd, optionsValueUsd,
        spotValueUsd, equityUsd, otherInitialUsd, otherMaintenanceUsd);
  }
}
