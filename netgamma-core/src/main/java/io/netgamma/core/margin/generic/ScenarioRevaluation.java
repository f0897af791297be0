package io.netgamma.core.margin.generic;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.margin.pm.PmBook;
import io.netgamma.core.pricing.BatchPricer;
import io.netgamma.core.pricing.GreeksBatch;
import io.netgamma.core.pricing.OptionBatch;
import java.util.List;

/**
 * Full revaluation of a risk group under a list of price-and-volatility scenarios, shared by the scenario margin
 * models ({@link GenericScenarioMargin}, {@code span.SpanMargin}). Stateless.
 *
 * <p><b>Groups.</b> {@link PmBook#groupsOf} splits a valued book as Deribit portfolio margin does: one {@link PmBook} per
 * underlying and settlement currency (inverse {@code BTC-*} in BTC, linear {@code BTC_USDC-*} in USDC), net quantity
 * per distinct instrument, zero quantities and spot left out, forward, volatility and t read from the valuation's
 * columns (never re-priced).
 *
 * <p><b>Scenario P&amp;L</b> (netgamma's sign: positive = gain) of instrument j with net quantity q, forward F,
 * volatility σ and t, under scenario s with price move x<sub>s</sub> (every forward of the group times
 * 1 + x<sub>s</sub>), shocked volatility σ<sub>s</sub> and elapsed time τ (t<sub>s</sub> = max(t − τ, 0)):
 * <ul>
 *   <li>inverse option, coin: {@code q·(V(F(1+x), σ_s, t_s)/(F(1+x)) − V(F, σ, t)/F)};</li>
 *   <li>linear option, USDC: {@code q·(V(F(1+x), σ_s, t_s) − V(F, σ, t))};</li>
 *   <li>inverse future or perpetual, coin: {@code q·x/(1+x)} (its USD P&amp;L {@code q·F·x} at the moved price);</li>
 *   <li>linear future or perpetual, USDC: {@code q·F·x}.</li>
 * </ul>
 * V is the Black-76 USD price (rate 0) from the batch kernel. Each distinct option is priced once for the base and
 * once per scenario on structure-of-arrays buffers; the per-scenario loop allocates nothing. A scenario with no
 * move, no elapsed time and every volatility unchanged reuses the base prices, so its P&amp;L is exactly 0.
 */
public final class ScenarioRevaluation {

  /** Floor of every shocked volatility (a fraction), so that a large down shock never reaches 0 or below. */
  public static final double MIN_VOL = 1e-4;

  /** The shocked volatility of one option in one scenario. */
  @FunctionalInterface
  public interface VolShock {

    /**
     * The option's volatility in scenario {@code s}.
     *
     * @param vol its volatility now, fraction, &gt; 0
     * @param years its time to expiry now, years ACT/365, &gt; 0
     * @param s the scenario, 0-based
     * @return the shocked volatility, fraction; floored at {@link #MIN_VOL} by the caller
     */
    double shocked(double vol, double years, int s);
  }

  private ScenarioRevaluation() {
  }

  /**
   * The P&amp;L of every instrument of a group in every scenario (see the class javadoc), in the group's settlement
   * currency, unweighted.
   *
   * @param book the group
   * @param moves price move of each scenario, fraction, each &gt; −1
   * @param vol the shocked volatility of an option in a scenario
   * @param elapsedYears time that passes in every scenario (SPAN's look-ahead), years, &ge; 0
   * @param pricer the batch kernel
   * @param delta if not null (length &ge; book size), receives each instrument's delta in coins: {@code q·Δ} with
   *     Δ the Black-76 (USD) delta for options, {@code q} for futures and perpetuals
   * @return {@code pnl[j * moves.length + s]}
   */
  public static double[] pnl(PmBook book, double[] moves, VolShock vol, double elapsedYears, BatchPricer pricer,
      double[] delta) {
    ArgChecker.notNull(book, "book");
    ArgChecker.notNull(moves, "moves");
    ArgChecker.notNull(vol, "vol");
    ArgChecker.notNull(pricer, "pricer");
    ArgChecker.notNegative(elapsedYears, "elapsed years");
    for (int s = 0; s < moves.length; s++) {
      ArgChecker.isTrue(moves[s] > -1 && Double.isFinite(moves[s]),
          "scenario " + (s + 1) + " price move must be finite and > -1 (-100%), got " + moves[s]);
    }
    int n = book.size();
    int ns = moves.length;
    boolean inverse = book.isInverse();
    double[] pnl = new double[n * ns];
    int no = 0;
    for (int j = 0; j < n; j++) {
      Instrument ins = book.instruments().get(j);
      double q = book.quantity(j);
      if (ins.isOption()) {
        no++;
        continue;
      }
      double f = book.forward(j);
      for (int s = 0; s < ns; s++) {
        double x = moves[s];
        pnl[j * ns + s] = inverse ? q * x / (1 + x) : q * f * x;
      }
      if (delta != null) {
        delta[j] = q;
      }
    }
    if (no == 0) {
      return pnl;
    }
    int[] optIndex = new int[no];
    double[] baseForward = new double[no];
    double[] strike = new double[no];
    double[] t = new double[no];
    double[] tScenario = new double[no];
    double[] sigma = new double[no];
    double[] rate = new double[no];
    double[] theta = new double[no];
    int o = 0;
    for (int j = 0; j < n; j++) {
      Instrument ins = book.instruments().get(j);
      if (ins.isOption()) {
        optIndex[o] = j;
        baseForward[o] = book.forward(j);
        strike[o] = ins.strike();
        t[o] = book.t(j);
        tScenario[o] = Math.max(0.0, t[o] - elapsedYears);
        sigma[o] = book.vol(j);
        theta[o] = ins.optionType().sign();
        o++;
      }
    }
    GreeksBatch out = GreeksBatch.allocateBasic(no);
    pricer.priceAndGreeks(OptionBatch.of(no, baseForward, strike, t, sigma, rate, theta), out);
    double[] basePrice = out.price.clone();
    double[] baseCoin = new double[no];
    for (int k = 0; k < no; k++) {
      baseCoin[k] = basePrice[k] / baseForward[k];
      if (delta != null) {
        delta[optIndex[k]] = book.quantity(optIndex[k]) * out.delta[k];
      }
    }
    double[] forward = new double[no];
    double[] shockedVol = new double[no];
    OptionBatch scenario = OptionBatch.of(no, forward, strike, tScenario, shockedVol, rate, theta);
    for (int s = 0; s < ns; s++) {
      double lambda = 1 + moves[s];
      boolean unchanged = moves[s] == 0 && elapsedYears == 0;
      for (int k = 0; k < no; k++) {
        forward[k] = baseForward[k] * lambda;
        double v = Math.max(vol.shocked(sigma[k], t[k], s), MIN_VOL);
        if (!(v < Double.POSITIVE_INFINITY)) {
          throw new IllegalArgumentException("scenario " + (s + 1) + ": shocked volatility of "
              + book.instruments().get(optIndex[k]).name() + " is " + v);
        }
        shockedVol[k] = v;
        unchanged &= v == sigma[k];
      }
      double[] price;
      if (unchanged) {
        price = basePrice;
      } else {
        pricer.priceAndGreeks(scenario, out);
        price = out.price;
      }
      for (int k = 0; k < no; k++) {
        int j = optIndex[k];
        double q = book.quantity(j);
        pnl[j * ns + s] = inverse ? q * (price[k] / forward[k] - baseCoin[k]) : q * (price[k] - basePrice[k]);
      }
    }
    return pnl;
  }
}
