package io.netgamma.core.margin.generic;

import io.netgamma.core.base.ArgChecker;
import java.util.List;

/**
 * The parameters of a {@link GenericScenarioMargin}: a scenario table with weights, the term scaling of volatility
 * shocks, contingency and minimum charges, and the initial / maintenance factors. The Paradex and Derive (ex-Lyra)
 * portfolio-margin families are instances; see {@link GenericScenarioMargin} for how each field is used.
 *
 * <p>Charges in "fraction of the index per coin" are in coin for an inverse group (a fraction of one coin) and in
 * USDC for a linear one (the fraction times the index price).
 *
 * @param name a short identifier, used as the model's name ({@code paradex-pm-v1}); not blank
 * @param source where the values come from, for reports; not blank
 * @param scenarios the scenarios (copied), at least one
 * @param referenceDays the tenor at which a vol shock applies as written, days (30), &gt; 0; also the switch
 *     between the short- and long-term vega powers
 * @param dteFloorDays days to expiry below which the term scaling stops growing (Paradex: 1), &ge; 0
 * @param shortTermVegaPower the power p of {@code (referenceDays / max(dteFloor, DTE))^p} below the reference
 *     tenor, &ge; 0
 * @param longTermVegaPower the power at and beyond the reference tenor, &ge; 0
 * @param perpContingency added per coin of futures and perpetuals (absolute net quantity per instrument), fraction
 *     of the index, &ge; 0
 * @param optionContingency added per coin net short per expiry and strike (calls and puts netted), fraction of the
 *     index, &ge; 0
 * @param minDeltaNetRate the minimum-delta charge per coin of absolute net delta, fraction of the index, &ge; 0
 * @param minDeltaHedgedRate the minimum-delta charge per coin of hedged delta, fraction of the index, &ge; 0
 * @param imFactor initial margin = imFactor × requirement, &gt; 0
 * @param mmFactor maintenance margin = mmFactor × requirement, in (0, imFactor]
 */
public record GenericMarginParameters(String name, String source, List<GenericScenario> scenarios,
    double referenceDays, double dteFloorDays, double shortTermVegaPower, double longTermVegaPower,
    double perpContingency, double optionContingency, double minDeltaNetRate, double minDeltaHedgedRate,
    double imFactor, double mmFactor) {

  /** Validates every field, naming it and its value. */
  public GenericMarginParameters {
    ArgChecker.notBlank(name, "name");
    ArgChecker.notBlank(source, "source");
    ArgChecker.notNull(scenarios, "scenarios");
    ArgChecker.isTrue(!scenarios.isEmpty(), "scenarios: at least one scenario is needed");
    for (int s = 0; s < scenarios.size(); s++) {
      ArgChecker.notNull(scenarios.get(s), "scenario " + (s + 1));
    }
    scenarios = List.copyOf(scenarios);
    ArgChecker.positive(referenceDays, "reference_days");
    ArgChecker.notNegative(dteFloorDays, "dte_floor_days");
    ArgChecker.notNegative(shortTermVegaPower, "short_term_vega_power");
    ArgChecker.notNegative(longTermVegaPower, "long_term_vega_power");
    ArgChecker.notNegative(perpContingency, "perp_contingency");
    ArgChecker.notNegative(optionContingency, "option_contingency");
    ArgChecker.notNegative(minDeltaNetRate, "min_delta_net_rate");
    ArgChecker.notNegative(minDeltaHedgedRate, "min_delta_hedged_rate");
    ArgChecker.positive(imFactor, "im_factor");
    ArgChecker.isTrue(mmFactor > 0 && mmFactor <= imFactor,
        "mm_factor must be in (0, im_factor = " + imFactor + "], got " + mmFactor);
  }

  /**
   * The term scaling of a vol shock: {@code (referenceDays / max(dteFloorDays, DTE))^p}, p the short-term power
   * below the reference tenor and the long-term power at or beyond it.
   *
   * @param years the option's time to expiry, years ACT/365, &gt; 0
   * @return the multiplier of the scenario's vol shock
   */
  public double volMultiplier(double years) {
    double dte = 365.0 * years;
    double p = dte < referenceDays ? shortTermVegaPower : longTermVegaPower;
    return Math.pow(referenceDays / Math.max(dteFloorDays, dte), p);
  }
  /**
   * These parameters with every scenario's spot shock scaled by {@code factor} as a log return,
   * {@code x' = (1 + x)^factor − 1} (for a small move about {@code factor·x}; every scaled move stays above −100%,
   * so the extended −66% scenario becomes −96% at factor 3 instead of an impossible −198%), for volatility-scaled
   * (predictive) margin ({@code io.netgamma.core.margin.predictive.PredictiveMargin}). Vol shocks, weights, charges
   * and factors are unchanged. {@code scaled(1)} is this set.
   *
   * @param factor the multiplier of the log moves, finite and &gt; 0
   * @return the scaled parameters (same name; the source says so)
   */
  public GenericMarginParameters scaled(double factor) {
    ArgChecker.positive(factor, "spot shock factor");
    ArgChecker.finite(factor, "spot shock factor");
    if (factor == 1.0) {
      return this;
    }
    List<GenericScenario> s = new java.util.ArrayList<>(scenarios.size());
    for (GenericScenario g : scenarios) {
      s.add(new GenericScenario(Math.expm1(factor * Math.log1p(g.spotShock())), g.volShock(), g.weight()));
    }
    return new GenericMarginParameters(name, source + String.format(java.util.Locale.ROOT,
        ", spot shocks x %.4f in log return", factor), s, referenceDays, dteFloorDays, shortTermVegaPower,
        longTermVegaPower, perpContingency, optionContingency, minDeltaNetRate, minDeltaHedgedRate, imFactor,
        mmFactor);
  }
}
