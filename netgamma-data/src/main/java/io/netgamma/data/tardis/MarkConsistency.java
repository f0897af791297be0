package io.netgamma.data.tardis;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.pricing.Black76;

/**
 * Checks that a row's mark price is Black-76 of its own mark IV and forward, within what Deribit's rounding and
 * the forward's drift allow. Rows that fail were stitched from values captured at different moments (some
 * collectors join several API calls); their greeks and IVs should not be trusted together.
 *
 * <p>The model (verified on Deribit's own tickers, see the validation suite): {@code mark_price} = Black-76 price
 * in USD at rate 0 / F, with F = {@code underlying_price}, σ = {@code mark_iv}, t = ACT/365 from the row's
 * timestamp to expiry. The tolerance, in coin, is the sum of
 * <ul>
 *   <li>half the last digit of the mark price (Deribit publishes 8 decimals): 0.5e-8;</li>
 *   <li>the price change over the IV's rounding interval (2 decimals in percent): σ ± 0.005 vol points;</li>
 *   <li>the price change over the forward's rounding (2 decimals, ±0.005 USD) plus its drift between the moment
 *       Deribit computed the mark and the moment it stamped {@code underlying_price}: F·(1 ± drift).</li>
 * </ul>
 * Deribit's mark is computed from a forward up to about 2 seconds older or newer than the published one: in the
 * clean BTC chain of 2020-05-21 the largest gap is 0.018% of F, while that file's forwards move up to 0.022%
 * within 2 seconds. {@link #DEFAULT_FORWARD_DRIFT} (0.05%) leaves room for faster markets. Stateless.
 */
public final class MarkConsistency {

  /** Default relative forward drift allowed between the mark's forward and {@code underlying_price}: 0.05%. */
  public static final double DEFAULT_FORWARD_DRIFT = 5e-4;
  /** Half the last published decimal of a Deribit mark price (8 decimals), coin. */
  public static final double MARK_PRICE_ROUNDING = 0.5e-8;
  /** Half the last published decimal of a Deribit IV (2 decimals in percent), as a fraction. */
  public static final double IV_ROUNDING = 0.5e-4;
  /** Half the last published decimal of a Deribit forward (2 decimals), USD. */
  public static final double FORWARD_ROUNDING = 0.005;

  private MarkConsistency() {
  }

  /**
   * The outcome of a check.
   *
   * @param consistent whether {@code |errorCoin| <= toleranceCoin}
   * @param errorCoin our Black-76 price minus the row's mark price, coin per 1-coin option
   * @param toleranceCoin the allowed difference, coin (see the class javadoc)
   */
  public record Result(boolean consistent, double errorCoin, double toleranceCoin) {
  }

  /**
   * Checks a row with a given forward drift.
   *
   * @param row the row
   * @param forwardDrift the relative forward drift allowed, &ge; 0 (e.g. {@link #DEFAULT_FORWARD_DRIFT})
   * @return the outcome
   */
  public static Result check(ChainRow row, double forwardDrift) {
    ArgChecker.notNull(row, "row");
    ArgChecker.notNegative(forwardDrift, "forwardDrift");
    double f = row.underlyingPrice();
    double k = row.strike();
    double t = row.yearsToExpiry();
    double vol = row.markIvFraction();
    double ours = coin(row, f, k, t, vol);
    double volUp = coin(row, f, k, t, vol + IV_ROUNDING);
    double volDown = vol >= IV_ROUNDING ? coin(row, f, k, t, vol - IV_ROUNDING) : coin(row, f, k, t, 0.0);
    double df = f * forwardDrift + FORWARD_ROUNDING;
    double fUp = coin(row, f + df, k, t, vol);
    double fDown = coin(row, Math.max(f - df, f * 1e-6), k, t, vol);
    double tolerance = MARK_PRICE_ROUNDING
        + Math.max(Math.abs(volUp - ours), Math.abs(volDown - ours))
        + Math.max(Math.abs(fUp - ours), Math.abs(fDown - ours));
    double error = ours - row.markPriceCoin();
    return new Result(Math.abs(error) <= tolerance, error, tolerance);
  }

  /**
   * Checks a row with {@link #DEFAULT_FORWARD_DRIFT}.
   *
   * @param row the row
   * @return the outcome
   */
  public static Result check(ChainRow row) {
    return check(row, DEFAULT_FORWARD_DRIFT);
  }

  private static double coin(ChainRow row, double f, double k, double t, double vol) {
    return Black76.DEFAULT.price(row.type(), f, k, t, vol) / f;
  }
}
