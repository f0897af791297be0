package io.netgamma.core.pricing;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.OptionType;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.math.Normal;

/**
 * Black-76: European options on the forward of the option's own expiry. Stateless; use {@link #DEFAULT}.
 *
 * <p>Model: {@code V = df·θ·(F·N(θ·d1) − K·N(θ·d2))} with {@code df = exp(−r·t)}, {@code d1 = ln(F/K)/s + s/2},
 * {@code d2 = d1 − s}, {@code s = σ·√t}, θ = +1 for a call and −1 for a put. The rate is 0 by default, as on
 * Deribit, where option prices are the undiscounted forward prices.
 *
 * <p>Inputs, everywhere: forward F and strike K in USD per 1 coin (finite, &gt; 0); t in years ACT/365 (finite;
 * t &le; 0 means expired: the option is worth its intrinsic value {@code max(θ(F−K),0)}); σ as a fraction
 * (0.65 = 65%, finite, &ge; 0; σ = 0 gives the discounted intrinsic value); r continuously compounded (finite).
 * Invalid inputs throw {@link IllegalArgumentException} naming the argument and its value. No result is ever
 * NaN for valid inputs, including vol of 500%, 1-day expiries and deep wings.
 *
 * <p>Units of the greeks are Deribit's; see {@link OptionGreeks}. {@link #priceAndGreeks} fills an array in
 * the order of the index constants below, all in one pass.
 */
public final class Black76 {

  /** The shared instance. */
  public static final Black76 DEFAULT = new Black76();

  /** Index of the USD price in the array filled by {@link #priceAndGreeks}. */
  public static final int PRICE = 0;
  /** Index of delta (∂V/∂F, underlying units). */
  public static final int DELTA = 1;
  /** Index of gamma (per 1 USD). */
  public static final int GAMMA = 2;
  /** Index of vega (USD per vol point). */
  public static final int VEGA = 3;
  /** Index of theta (USD per calendar day). */
  public static final int THETA = 4;
  /** Index of rho (USD per 1% rate, spot fixed). */
  public static final int RHO = 5;
  /** Index of vanna (delta per vol point). */
  public static final int VANNA = 6;
  /** Index of volga (vega per vol point). */
  public static final int VOLGA = 7;
  /** Index of charm (delta per calendar day). */
  public static final int CHARM = 8;
  /** Index of speed (gamma per 1 USD). */
  public static final int SPEED = 9;
  /** Index of the coin price ({@code price/F}). */
  public static final int PRICE_COIN = 10;
  /** Index of the coin-numeraire delta ({@code delta − price/F}). */
  public static final int DELTA_COIN = 11;
  /** Index of the coin gamma ({@code gamma − deltaCoin/F}). */
  public static final int GAMMA_COIN = 12;
  /** Length of the array filled by {@link #priceAndGreeks}. */
  public static final int SIZE = 13;

  private Black76() {
  }

  /** Undiscounted (rate 0) price in USD per coin. See the class javadoc for units and limits. */
  public double price(OptionType type, double forward, double strike, double t, double vol) {
    return price(type, forward, strike, t, vol, 0.0);
  }

  /**
   * Price in USD per 1 coin of underlying, discounted at {@code rate}, accurate to a few ulp in relative terms
   * everywhere, far wings and tiny σ√t included (Jäckel's normalised Black function, see
   * {@link LetsBeRational#blackPrice}): the price to use with {@link #impliedVolatility}.
   */
  public double price(OptionType type, double forward, double strike, double t, double vol, double rate) {
    checkInputs(forward, strike, t, vol, rate);
    double df = t > 0 ? Math.exp(-rate * t) : 1.0;
    return df * LetsBeRational.blackPrice(forward, strike, t, vol, type.sign());
  }

  /** Price and all greeks, rate 0. */
  public OptionGreeks greeks(OptionType type, double forward, double strike, double t, double vol) {
    return greeks(type, forward, strike, t, vol, 0.0);
  }

  /** Price and all greeks in one pass. See {@link OptionGreeks} for the units. */
  public OptionGreeks greeks(OptionType type, double forward, double strike, double t, double vol, double rate) {
    double[] out = new double[SIZE];
    priceAndGreeks(type.sign(), forward, strike, t, vol, rate, out);
    return OptionGreeks.fromArray(out);
  }

  /**
   * Price and all greeks in one pass into {@code out} (length &ge; {@link #SIZE}), at the indices
   * {@link #PRICE}, {@link #DELTA}, ... {@link #GAMMA_COIN}. Allocation-free: one logarithm, one square root,
   * two exponentials (one density φ, the other from φ(d2) = φ(d1)·F/K) and two rational Cody evaluations of Φ.
   *
   * <p>The price here is {@code df·θ·(F·Φ(θd1) − K·Φ(θd2))} from the same Φ values as the greeks (never below
   * the intrinsic value): its absolute error is a few ulp of max(F, K), which near the money at very short
   * expiries is up to ~1e-13 in relative terms; {@link #price} is accurate in relative terms everywhere.
   *
   * @param theta +1 for a call, −1 for a put
   */
  public void priceAndGreeks(double theta, double forward, double strike, double t, double vol, double rate,
      double[] out) {
    checkInputs(forward, strike, t, vol, rate);
    if (theta != 1.0 && theta != -1.0) {
      throw new IllegalArgumentException("theta must be +1 (call) or -1 (put), got " + theta);
    }
    double s = vol * Math.sqrt(Math.max(t, 0.0));
    double price;
    if (t <= 0 || !(s > 0)) {
      // Expired, or no volatility left: (discounted) intrinsic value, a step delta, no other greeks.
      double df = t > 0 ? Math.exp(-rate * t) : 1.0;
      double moneyness = theta * (forward - strike);
      double step = moneyness > 0 ? 1.0 : (moneyness == 0 ? 0.5 : 0.0);
      price = df * Math.max(moneyness, 0.0);
      java.util.Arrays.fill(out, 0, SIZE, 0.0);
      out[PRICE] = price;
      out[DELTA] = df * theta * step;
      out[RHO] = t > 0 ? theta * strike * t * df * step / 100.0 : 0.0;
      out[THETA] = t > 0 ? rate * price / YearFraction.DAYS_PER_YEAR : 0.0;
      out[CHARM] = t > 0 ? rate * out[DELTA] / YearFraction.DAYS_PER_YEAR : 0.0;
    } else {
      double df = Math.exp(-rate * t);
      double sqrtT = Math.sqrt(t);
      double d1 = Math.log(forward / strike) / s + 0.5 * s;
      double d2 = d1 - s;
      // φ(d2) = φ(d1)·F/K: one density evaluated at the d nearer zero (no underflow), the other derived from it
      double nd1;
      double nd2;
      if (Math.abs(d1) <= Math.abs(d2)) {
        nd1 = Normal.pdf(d1);
        nd2 = nd1 * (forward / strike);
      } else {
        nd2 = Normal.pdf(d2);
        nd1 = nd2 * (strike / forward);
      }
      double cdf1 = Normal.cdf(theta * d1, nd1);
      double cdf2 = Normal.cdf(theta * d2, nd2);
      // The Black price is never below intrinsic; the max removes the last-ulp cancellation deep in the money.
      price = df * Math.max(theta * (forward * cdf1 - strike * cdf2), Math.max(theta * (forward - strike), 0.0));
      double delta = df * theta * cdf1;
      double gamma = df * nd1 / (forward * s);
      double vegaUnit = df * forward * nd1 * sqrtT; // per 1.00 of vol
      out[PRICE] = price;
      out[DELTA] = delta;
      out[GAMMA] = gamma;
      out[VEGA] = vegaUnit / 100.0;
      out[THETA] = (-vegaUnit * vol / (2.0 * t) + rate * price) / YearFraction.DAYS_PER_YEAR;
      out[RHO] = theta * strike * t * df * cdf2 / 100.0;
      out[VANNA] = -df * nd1 * d2 / vol / 100.0;
      out[VOLGA] = vegaUnit * d1 * d2 / vol / 10_000.0;
      out[CHARM] = (rate * delta + df * nd1 * d2 / (2.0 * t)) / YearFraction.DAYS_PER_YEAR;
      out[SPEED] = -gamma / forward * (1.0 + d1 / s);
    }
    double priceCoin = price / forward;
    out[PRICE_COIN] = priceCoin;
    out[DELTA_COIN] = out[DELTA] - priceCoin;
    out[GAMMA_COIN] = out[GAMMA] - out[DELTA_COIN] / forward;
  }

  /**
   * Implied volatility from a USD price (discounted at {@code rate}), by Jäckel's "Let's Be Rational": full
   * double precision in at most two iterations. A price outside the no-arbitrage bounds gives a result whose
   * status says why there is no implied volatility.
   */
  public ImpliedVolatility impliedVolatility(OptionType type, double priceUsd, double forward, double strike,
      double t, double rate) {
    ArgChecker.finite(rate, "rate");
    double undiscounted = t > 0 ? priceUsd * Math.exp(rate * t) : priceUsd;
    return ImpliedVolatility.of(undiscounted, forward, strike, t, type.sign());
  }

  /** Implied volatility from a price in coin ({@code priceUsd = priceCoin·F}), as inverse options are quoted. */
  public ImpliedVolatility impliedVolatilityFromCoinPrice(OptionType type, double priceCoin, double forward,
      double strike, double t, double rate) {
    ArgChecker.positive(forward, "forward");
    return impliedVolatility(type, priceCoin * forward, forward, strike, t, rate);
  }

  static void checkInputs(double forward, double strike, double t, double vol, double rate) {
    ArgChecker.positive(forward, "forward");
    ArgChecker.positive(strike, "strike");
    ArgChecker.finite(t, "t (years to expiry)");
    ArgChecker.notNegative(vol, "vol");
    ArgChecker.finite(rate, "rate");
  }
}
