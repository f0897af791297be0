package io.netgamma.core.pricing;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.base.NetgammaException;

/**
 * The Black-76 implied volatility of an option price, or the reason why there is none.
 *
 * <p>{@code volatility} is an annualised fraction (0.65 = 65%) when {@code status} is {@link Status#OK}, and NaN
 * otherwise: callers must check {@link #isOk()} (or use {@link #orElseThrow()}) before using it. {@code reason}
 * is empty for {@code OK} and otherwise a sentence that names the inputs and their values, fit to show to a
 * user. Neither {@code status} nor {@code reason} is ever null.
 *
 * @param volatility the implied volatility as a fraction, &ge; 0 and finite when OK, NaN otherwise
 * @param status whether a volatility exists, and if not, why
 * @param reason empty when OK, otherwise a human-readable explanation showing the numbers
 */
public record ImpliedVolatility(double volatility, Status status, String reason) {

  /** Whether an implied volatility exists, and if not, why. */
  public enum Status {
    /** The price lies strictly between its bounds (or equals the intrinsic value, volatility 0). */
    OK,
    /** The price is below the intrinsic value max(θ(F - K), 0) (this includes negative prices). */
    BELOW_INTRINSIC,
    /** The price is at or above its upper bound: the forward for a call, the strike for a put. */
    ABOVE_MAXIMUM,
    /** The time to expiry is zero or negative: the option has expired and has no volatility. */
    EXPIRED,
    /** An input is not usable (NaN or infinite, forward or strike not &gt; 0, theta not ±1). */
    INVALID_INPUT
  }

  /** Validates the invariants: OK has a finite volatility &ge; 0, anything else NaN and a non-blank reason. */
  public ImpliedVolatility {
    ArgChecker.notNull(status, "status");
    ArgChecker.notNull(reason, "reason");
    if (status == Status.OK) {
      ArgChecker.notNegative(volatility, "volatility");
    } else {
      ArgChecker.isTrue(Double.isNaN(volatility),
          "volatility must be NaN when status is " + status + ", got " + volatility);
      ArgChecker.notBlank(reason, "reason");
    }
  }

  /**
   * A successful result.
   *
   * @param volatility the implied volatility as a fraction, finite and &ge; 0
   * @return the result with status {@link Status#OK} and an empty reason
   */
  public static ImpliedVolatility ok(double volatility) {
    return new ImpliedVolatility(volatility, Status.OK, "");
  }

  /**
   * A result without a volatility.
   *
   * @param status why there is no volatility; not {@link Status#OK}
   * @param reason a non-blank explanation that shows the numbers
   * @return the result, with a NaN volatility
   */
  public static ImpliedVolatility noSolution(Status status, String reason) {
    ArgChecker.isTrue(status != Status.OK, "noSolution needs a status other than OK");
    return new ImpliedVolatility(Double.NaN, status, reason);
  }

  /**
   * Implies the Black-76 volatility of an undiscounted option price, with
   * {@link LetsBeRational#impliedVolatility(double, double, double, double, double)} (machine precision).
   *
   * <p>The checks come in this order: price finite, forward finite and &gt; 0, strike finite and &gt; 0, t finite,
   * theta +1 or -1 (else {@link Status#INVALID_INPUT}); then t &le; 0 gives {@link Status#EXPIRED} <em>always</em>,
   * even when the price equals the intrinsic value: after expiry every volatility reproduces that price, so there
   * is no implied volatility to report; then the price bounds ({@link Status#BELOW_INTRINSIC},
   * {@link Status#ABOVE_MAXIMUM}). A price exactly equal to the intrinsic value before expiry gives
   * {@code ok(0.0)}.
   *
   * @param price the undiscounted option price, USD per 1 unit of underlying (premium / discount factor; for an
   *     inverse option, the coin premium times F)
   * @param forward the forward of the option's expiry, USD
   * @param strike the strike, USD
   * @param t the time to expiry in years (ACT/365)
   * @param theta +1 for a call, -1 for a put
   * @return the volatility as a fraction, or the reason there is none; never throws for bad numbers
   */
  public static ImpliedVolatility of(double price, double forward, double strike, double t, double theta) {
    String option = "(forward " + num(forward) + ", strike " + num(strike) + ", "
        + (theta == 1.0 ? "call" : theta == -1.0 ? "put" : "theta " + num(theta)) + ")";
    if (!Double.isFinite(price)) {
      return noSolution(Status.INVALID_INPUT, "price must be finite, got " + num(price) + " " + option);
    }
    if (!(forward > 0 && forward < Double.POSITIVE_INFINITY)) {
      return noSolution(Status.INVALID_INPUT, "forward must be finite and > 0, got " + num(forward) + " " + option);
    }
    if (!(strike > 0 && strike < Double.POSITIVE_INFINITY)) {
      return noSolution(Status.INVALID_INPUT, "strike must be finite and > 0, got " + num(strike) + " " + option);
    }
    if (!Double.isFinite(t)) {
      return noSolution(Status.INVALID_INPUT, "time to expiry must be finite, got " + num(t) + " " + option);
    }
    if (theta != 1.0 && theta != -1.0) {
      return noSolution(Status.INVALID_INPUT, "theta must be +1 (call) or -1 (put), got " + num(theta) + " "
          + option);
    }
    if (t <= 0) {
      return noSolution(Status.EXPIRED, "the option has expired (time to expiry " + num(t)
          + " years <= 0), so it has no implied volatility; price " + num(price) + " " + option);
    }
    double vol = LetsBeRational.impliedVolatility(price, forward, strike, t, theta);
    if (vol >= 0) {
      return ok(vol);
    }
    if (vol == LetsBeRational.BELOW_INTRINSIC) {
      double intrinsic = Math.max(theta * (forward - strike), 0.0);
      return noSolution(Status.BELOW_INTRINSIC, "price " + num(price) + " is below intrinsic value "
          + num(intrinsic) + " " + option);
    }
    if (vol == LetsBeRational.ABOVE_MAXIMUM) {
      return noSolution(Status.ABOVE_MAXIMUM, "price " + num(price) + " is at or above the maximum value "
          + num(theta > 0 ? forward : strike) + (theta > 0 ? " of a call (its forward) " : " of a put (its strike) ")
          + option);
    }
    // Unreachable after the checks above; kept so that no code value can ever escape as a volatility.
    return noSolution(Status.INVALID_INPUT, "no implied volatility for price " + num(price) + " " + option);
  }

  /**
   * Whether a volatility exists.
   *
   * @return true when {@code status} is {@link Status#OK}
   */
  public boolean isOk() {
    return status == Status.OK;
  }

  /**
   * The volatility, or an exception carrying the reason.
   *
   * @return the implied volatility as a fraction
   * @throws NetgammaException with {@link #reason()} as the message when the status is not OK
   */
  public double orElseThrow() {
    if (status != Status.OK) {
      throw new NetgammaException(reason);
    }
    return volatility;
  }

  /** Shortest exact decimal form of a double; whole numbers below 1e15 without a trailing ".0". */
  private static String num(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }
}
