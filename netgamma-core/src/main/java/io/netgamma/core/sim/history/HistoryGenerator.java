package io.netgamma.core.sim.history;

import io.netgamma.core.base.ArgChecker;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Generates a daily price and implied-volatility history ({@link HistorySpec}) from a seed: the same seed and spec
 * give the same history, bit for bit. Stateless.
 *
 * <p>Log returns {@code r_t = σ_t·z_t} with z standard normal and {@code σ²_{t+1} = ω + α·r_t² + β·σ²_t} (GARCH(1,1),
 * started at its long-run variance), except the foreshock and crash days, whose returns are fixed and feed the same
 * variance recursion (so volatility clusters after them, as after 2020-03-12). Close {@code C_t = C_{t−1}·e^{r_t}};
 * open = the previous close; high and low stretch beyond open and close by {@code σ_t·|z'|/2} in log terms;
 * volume log-normal around 20,000 coins, larger on big moves. Implied volatility (percent) at each close:
 * {@code 100·premium·sqrt(365·σ²_{t+1})·e^{noise·z''}}, the model's forecast for the next day plus a premium and
 * noise; its open is the previous close, high and low the larger and smaller of the two.
 */
public final class HistoryGenerator {

  private HistoryGenerator() {
  }

  /**
   * The history.
   *
   * @param spec what to generate
   * @param seed the seed (XO_RO_SHI_RO_128_PP stream)
   * @return the history
   */
  public static GeneratedHistory generate(HistorySpec spec, long seed) {
    ArgChecker.notNull(spec, "spec");
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
    int n = spec.days();
    double[] open = new double[n];
    double[] high = new double[n];
    double[] low = new double[n];
    double[] close = new double[n];
    double[] volume = new double[n];
    double[] iOpen = new double[n];
    double[] iHigh = new double[n];
    double[] iLow = new double[n];
    double[] iClose = new double[n];
    double omega = spec.garch().omega();
    double alpha = spec.garch().alpha();
    double beta = spec.garch().beta();
    double var = spec.garch().unconditionalVariance();
    double prev = spec.startPrice();
    double prevImplied = implied(spec, var, 0);
    for (int t = 0; t < n; t++) {
      double sigma = Math.sqrt(var);
      double r = sigma * z.sample();
      if (t == spec.crashDay()) {
        r = spec.crashReturn();
      } else if (spec.crashDay() >= 0 && t == spec.crashDay() - 3) {
        r = spec.foreshockReturn();
      }
      double c = round2(prev * Math.exp(r));
      open[t] = prev;
      close[t] = c;
      high[t] = round2(Math.max(prev, c) * Math.exp(0.5 * sigma * Math.abs(z.sample())));
      low[t] = round2(Math.min(prev, c) * Math.exp(-0.5 * sigma * Math.abs(z.sample())));
      volume[t] = Math.round(20_000 * Math.exp(0.3 * z.sample() + 2 * Math.abs(r)) * 100) / 100.0;
      var = omega + alpha * r * r + beta * var;
      double imp = implied(spec, var, z.sample());
      iOpen[t] = prevImplied;
      iClose[t] = imp;
      iHigh[t] = Math.max(prevImplied, imp);
      iLow[t] = Math.min(prevImplied, imp);
      prevImplied = imp;
      prev = c;
    }
    return new GeneratedHistory(spec.start(), open, high, low, close, volume, iOpen, iHigh, iLow, iClose, seed);
  }

  private static double implied(HistorySpec spec, double dailyVariance, double noise) {
    return round2(100 * spec.impliedPremium() * Math.sqrt(365 * dailyVariance)
        * Math.exp(spec.impliedNoise() * noise));
  }

  private static double round2(double x) {
    return Math.round(x * 100) / 100.0;
  }
}
