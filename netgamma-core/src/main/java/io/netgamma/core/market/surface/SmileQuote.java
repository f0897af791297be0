package io.netgamma.core.market.surface;

import io.netgamma.core.base.ArgChecker;

/**
 * One market implied volatility of a smile: the input of an SVI fit.
 *
 * <p>Units: volatilities are fractions (0.65 = 65 vol points); {@code logMoneyness} is {@code k = ln(K/F)} against
 * the forward of the quote's expiry (use the forward the venue priced the option with, e.g. Tardis
 * {@code underlying_price}). The bid and ask implied volatilities are optional (NaN when the side is absent; a
 * venue's "0" bid IV for "no bid" must be passed as NaN); when both are present their width sets the quote's
 * weight in the fit and the fitted vol inside [bid, ask] protects the quote from outlier rejection.
 *
 * @param label what the quote is, for reports (e.g. the instrument name {@code BTC-26JUN20-9000-C})
 * @param logMoneyness {@code k = ln(K/F)}, finite
 * @param iv the implied volatility to fit (mark or mid), fraction, finite and &gt; 0
 * @param bidIv implied volatility of the best bid, fraction ≥ 0, or NaN
 * @param askIv implied volatility of the best ask, fraction ≥ bidIv, or NaN
 */
public record SmileQuote(String label, double logMoneyness, double iv, double bidIv, double askIv) {

  /** Validates; messages name the quote's label, the field and the value. */
  public SmileQuote {
    ArgChecker.notNull(label, "label");
    ArgChecker.finite(logMoneyness, label + " log-moneyness");
    ArgChecker.positive(iv, label + " implied volatility");
    if (!Double.isNaN(bidIv)) {
      ArgChecker.notNegative(bidIv, label + " bid implied volatility");
    }
    if (!Double.isNaN(askIv)) {
      ArgChecker.positive(askIv, label + " ask implied volatility");
    }
    if (!Double.isNaN(bidIv) && !Double.isNaN(askIv) && bidIv > askIv) {
      throw new IllegalArgumentException(
          label + ": bid implied volatility " + bidIv + " is above the ask implied volatility " + askIv);
    }
  }

  /** A quote without bid/ask information. */
  public static SmileQuote of(String label, double logMoneyness, double iv) {
    return new SmileQuote(label, logMoneyness, iv, Double.NaN, Double.NaN);
  }

  /** A quote with bid and ask implied volatilities (either may be NaN). */
  public static SmileQuote of(String label, double logMoneyness, double iv, double bidIv, double askIv) {
    return new SmileQuote(label, logMoneyness, iv, bidIv, askIv);
  }

  /**
   * A quote from a strike and the forward of its expiry (both USD per coin, &gt; 0): {@code k = ln(K/F)}.
   */
  public static SmileQuote ofStrike(String label, double strike, double forward, double iv, double bidIv,
      double askIv) {
    ArgChecker.positive(strike, label + " strike");
    ArgChecker.positive(forward, label + " forward");
    return new SmileQuote(label, Math.log(strike / forward), iv, bidIv, askIv);
  }

  /** True when both a bid and an ask implied volatility are present. */
  public boolean hasBidAsk() {
    return !Double.isNaN(bidIv) && !Double.isNaN(askIv);
  }

  /** {@code askIv − bidIv} (fraction), or NaN when either side is absent. */
  public double bidAskWidth() {
    return askIv - bidIv;
  }
}
