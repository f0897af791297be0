package io.netgamma.core.margin.standard;

import io.netgamma.core.base.ArgChecker;
import java.util.Map;

/**
 * Parameters of Deribit's standard (per-position) margin. Fractions of the underlying's price (0.15 = 15%).
 *
 * <p>Sources: the option rules are Deribit's published standard-margin formulas, as reproduced verbatim by
 * TSLab's Deribit connector documentation
 * (doc.tslab.pro/tslab/eng/data-providers/connection-to-broker/deribit-cryptocurrency-exchange/deribit-margin-requirements-calculation)
 * and, in USD terms for USD-margined options, by bit.com's "Margin Rules for USD Margined Options" and Aevo's
 * "Standard Margin" page (the same 0.15 / 0.10 / 0.075 constants). The futures rule (a base fraction plus a linear
 * increment per coin of position) is Deribit's futures contract specification (test.deribit.com/pages/docs/futures:
 * "Starting with 2.0%, linearly increasing 0.5% per 100 BTC increase in position size"; maintenance "Starting with
 * 1.5%, linearly increasing with 0.5% per 100 BTC"). 0.5% per 100 BTC is 5e-5 per BTC, equal to the
 * {@code m_inc} Deribit publishes for {@code btc_usd} in its portfolio-margin {@code model_params}; for ETH the
 * default increment is the {@code m_inc} of {@code eth_usd} (4e-6 per ETH) — an assumption, Deribit's ETH futures
 * page was not found.
 *
 * @param optionImBase short option initial margin before OTM relief (0.15)
 * @param optionImFloor short option initial margin floor (0.10)
 * @param optionMm short option maintenance margin (0.075)
 * @param futureIm futures and perpetuals initial margin at zero size (0.02)
 * @param futureMm futures and perpetuals maintenance margin at zero size (0.015)
 * @param incrementPerCoin increment of both fractions per coin of |position|, by underlying ({@code BTC → 5e-5})
 * @param defaultIncrementPerCoin the increment for an underlying not in the map
 */
public record StandardMarginParameters(double optionImBase, double optionImFloor, double optionMm, double futureIm,
    double futureMm, Map<String, Double> incrementPerCoin, double defaultIncrementPerCoin) {

  /** Deribit's published values (see the class javadoc for sources). */
  public static final StandardMarginParameters DERIBIT =
      new StandardMarginParameters(0.15, 0.10, 0.075, 0.02, 0.015, Map.of("BTC", 5e-5, "ETH", 4e-6), 5e-5);

  /** Validates every fraction (finite, &ge; 0, floors not above bases) and copies the map. */
  public StandardMarginParameters {
    ArgChecker.notNegative(optionImBase, "optionImBase");
    ArgChecker.notNegative(optionImFloor, "optionImFloor");
    ArgChecker.notNegative(optionMm, "optionMm");
    ArgChecker.notNegative(futureIm, "futureIm");
    ArgChecker.notNegative(futureMm, "futureMm");
    ArgChecker.notNegative(defaultIncrementPerCoin, "defaultIncrementPerCoin");
    if (optionImFloor > optionImBase) {
      throw new IllegalArgumentException("optionImFloor " + optionImFloor + " must not exceed optionImBase "
          + optionImBase);
    }
    incrementPerCoin = Map.copyOf(ArgChecker.notNull(incrementPerCoin, "incrementPerCoin"));
    incrementPerCoin.forEach((u, v) -> ArgChecker.notNegative(v, "increment per coin of " + u));
  }

  /** The size increment per coin of an underlying. */
  public double increment(String underlying) {
    return incrementPerCoin.getOrDefault(underlying, defaultIncrementPerCoin);
  }
}
