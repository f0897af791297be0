package io.netgamma.core.risk.explain;

import io.netgamma.core.base.ArgChecker;

/**
 * A P&amp;L split into greek terms, USD, positive when gaining (see {@link PnlExplainer} for the formulas): the actual
 * full-revaluation P&amp;L, the terms predicted from the first snapshot's greeks and the residual, so that
 * {@code actual = delta + gamma + vega + theta + vanna + volga + residual} (up to the rounding of the sum).
 *
 * @param actual full-revaluation P&amp;L, {@code V(to) − V(from)}
 * @param delta {@code Δ·dF}
 * @param gamma {@code ½·Γ·dF²}
 * @param vega {@code vega·dσ} (dσ in vol points)
 * @param theta {@code θ·dt} (dt in calendar days)
 * @param vanna {@code vanna·dF·dσ}
 * @param volga {@code ½·volga·dσ²}
 * @param residual {@code actual − (delta + gamma + vega + theta + vanna + volga)}: the higher-order and unmodelled
 *     part
 */
public record ExplainTerms(double actual, double delta, double gamma, double vega, double theta, double vanna,
    double volga, double residual) {

  /** All zero. */
  public static final ExplainTerms ZERO = new ExplainTerms(0, 0, 0, 0, 0, 0, 0, 0);

  /** Validates: every term finite. */
  public ExplainTerms {
    ArgChecker.finite(actual, "actual P&L");
    ArgChecker.finite(delta, "delta P&L");
    ArgChecker.finite(gamma, "gamma P&L");
    ArgChecker.finite(vega, "vega P&L");
    ArgChecker.finite(theta, "theta P&L");
    ArgChecker.finite(vanna, "vanna P&L");
    ArgChecker.finite(volga, "volga P&L");
    ArgChecker.finite(residual, "residual P&L");
  }

  /** The terms and their residual from the actual P&amp;L and the six predicted terms. */
  public static ExplainTerms of(double actual, double delta, double gamma, double vega, double theta, double vanna,
      double volga) {
    double predicted = delta + gamma + vega + theta + vanna + volga;
    return new ExplainTerms(actual, delta, gamma, vega, theta, vanna, volga, actual - predicted);
  }

  /** The predicted P&amp;L, the sum of the six greek terms. */
  public double predicted() {
    return delta + gamma + vega + theta + vanna + volga;
  }

  /** Term by term sum. */
  public ExplainTerms plus(ExplainTerms o) {
    return new ExplainTerms(actual + o.actual, delta + o.delta, gamma + o.gamma, vega + o.vega, theta + o.theta,
        vanna + o.vanna, volga + o.volga, residual + o.residual);
  }
}
