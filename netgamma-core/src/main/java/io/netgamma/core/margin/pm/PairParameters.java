package io.netgamma.core.margin.pm;

import io.netgamma.core.base.ArgChecker;

/**
 * The scenario parameters of one currency pair ({@code btc_usd}, {@code eth_usd}, {@code btc_usdc}) in Deribit's
 * portfolio-margin {@code model_params.currency_pair}. Fractions, not percent. JSON field names in brackets.
 *
 * @param priceRange the largest standard price move, ±[{@code price_range}] (0.16 = ±16%)
 * @param volatilityRangeUp relative vol shock up at 30 days [{@code volatility_range_up}]
 * @param volatilityRangeDown relative vol shock down at 30 days [{@code volatility_range_down}]
 * @param minVolatilityForShockUp floor of the shocked-up volatility [{@code min_volatility_for_shock_up}]
 * @param shortTermVegaPower exponent p of (30/DTE)^p below 30 days [{@code short_term_vega_power}]
 * @param longTermVegaPower exponent p from 30 days on [{@code long_term_vega_power}]
 * @param extendedTableFactor multiplier of the extended table's P&amp;L [{@code extended_table_factor}]
 * @param maxDeltaShock the largest delta shock, fraction of the delta [{@code max_delta_shock}]
 * @param deltaTotalLiqShockThreshold USD delta above which the delta shock applies
 *     [{@code delta_total_liq_shock_threshold}]
 * @param marginIncrement size increment per coin [{@code m_inc}] (read, used by standard margin for futures)
 */
public record PairParameters(double priceRange, double volatilityRangeUp, double volatilityRangeDown,
    double minVolatilityForShockUp, double shortTermVegaPower, double longTermVegaPower, double extendedTableFactor,
    double maxDeltaShock, double deltaTotalLiqShockThreshold, double marginIncrement) {

  /** Validates every field: finite, &ge; 0; price range in (0, 1); vol range down &lt; ... at most 1. */
  public PairParameters {
    ArgChecker.inRange(priceRange, Double.MIN_VALUE, 0.99, "price_range");
    ArgChecker.notNegative(volatilityRangeUp, "volatility_range_up");
    ArgChecker.inRange(volatilityRangeDown, 0, 1, "volatility_range_down");
    ArgChecker.notNegative(minVolatilityForShockUp, "min_volatility_for_shock_up");
    ArgChecker.notNegative(shortTermVegaPower, "short_term_vega_power");
    ArgChecker.notNegative(longTermVegaPower, "long_term_vega_power");
    ArgChecker.notNegative(extendedTableFactor, "extended_table_factor");
    ArgChecker.notNegative(maxDeltaShock, "max_delta_shock");
    ArgChecker.notNegative(deltaTotalLiqShockThreshold, "delta_total_liq_shock_threshold");
    ArgChecker.notNegative(marginIncrement, "m_inc");
  }
}
