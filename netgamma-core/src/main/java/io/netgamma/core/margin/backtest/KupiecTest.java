package io.netgamma.core.margin.backtest;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.math.Normal;

/**
 * Kupiec's proportion-of-failures (POF) test of a risk measure's coverage (P. Kupiec, "Techniques for verifying the
 * accuracy of risk measurement models", J. Derivatives 3(2), 1995): with n days, x breaches and the breach
 * probability p the measure claims (1 − its confidence), the likelihood ratio
 * <pre>
 *   LR = −2·ln[(1 − p)^(n−x)·p^x] + 2·ln[(1 − x/n)^(n−x)·(x/n)^x]        (0·ln 0 = 0)
 * </pre>
 * is asymptotically chi-square with one degree of freedom under the hypothesis that the true breach probability is
 * p; the p-value is {@code P(χ²₁ > LR) = erfc(sqrt(LR/2))} (the χ²₁ tail is the two-sided normal tail of
 * {@code sqrt(LR)}). At the 5% level the model is rejected when LR &gt; 3.841. Kupiec's Table 1 (p = 1%: no rejection
 * for x &lt; 7 in 255 days, 1 &lt; x &lt; 11 in 510 days, 4 &lt; x &lt; 17 in 1,000 days) is reproduced by
 * {@code KupiecTestTest}. It tests the number of breaches only, not their clustering; with a horizon of h &gt; 1
 * days the daily observations overlap and are not independent, which the test ignores. Stateless.
 */
public final class KupiecTest {

  /** The 95% quantile of chi-square with 1 degree of freedom (1.959964²). */
  public static final double CRITICAL_95 = 3.841458820694124;

  private KupiecTest() {
  }

  /**
   * The test.
   *
   * @param days n, &ge; 1
   * @param breaches x, in [0, n]
   * @param breachProbability p the model claims, in (0, 1)
   * @return LR and its p-value
   */
  public static KupiecResult pof(int days, int breaches, double breachProbability) {
    ArgChecker.positive(days, "days");
    ArgChecker.isTrue(breaches >= 0 && breaches <= days, "breaches must be in [0, " + days + "], got " + breaches);
    ArgChecker.isTrue(breachProbability > 0 && breachProbability < 1,
        "breach probability must be in (0, 1), got " + breachProbability);
    int n = days;
    int x = breaches;
    double p = breachProbability;
    double q = (double) x / n;
    double null0 = (n - x) * Math.log1p(-p) + x * Math.log(p);
    double alt = (x == n ? 0 : (n - x) * Math.log1p(-q)) + (x == 0 ? 0 : x * Math.log(q));
    double lr = Math.max(0.0, -2 * (null0 - alt));
    double pValue = Normal.erfc(Math.sqrt(lr / 2));
    return new KupiecResult(n, x, p, lr, pValue);
  }

  /**
   * The outcome of {@link #pof}.
   *
   * @param days n
   * @param breaches x
   * @param breachProbability p
   * @param lr the likelihood ratio, &ge; 0
   * @param pValue {@code P(χ²₁ > LR)}, in [0, 1]
   */
  public record KupiecResult(int days, int breaches, double breachProbability, double lr, double pValue) {

    /** Validates. */
    public KupiecResult {
      ArgChecker.notNegative(lr, "LR");
      ArgChecker.inRange(pValue, 0, 1, "p-value");
    }

    /** True when the model is rejected at the 5% level (LR &gt; 3.841). */
    public boolean rejectedAt95() {
      return lr > CRITICAL_95;
    }
  }
}
