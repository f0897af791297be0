package io.netgamma.core.market;

/**
 * Black-76 implied volatility of one underlying at any strike and expiry, as of the valuation instant of its
 * {@link #forwardCurve()}. Implementations are immutable and thread-safe.
 *
 * <p>Coordinates: log-moneyness {@code k = ln(K/F(t))} against the forward of the expiry; t in years ACT/365;
 * total implied variance {@code w(k, t) = σ(k, t)²·t}.
 */
public interface VolatilitySurface {

  /** The forward curve the moneyness is measured against. */
  ForwardCurve forwardCurve();

  /** Total implied variance w = σ²·t at log-moneyness {@code k} and time {@code t} (years, &gt; 0). */
  double totalVariance(double k, double t);

  /** Implied volatility (fraction) at log-moneyness {@code k} and time {@code t} (years, &gt; 0). */
  default double volatility(double k, double t) {
    return Math.sqrt(totalVariance(k, t) / t);
  }

  /** Implied volatility (fraction) at a strike (USD per coin) and expiry (epoch milliseconds). */
  default double volatility(double strike, long expiryMillis) {
    ForwardCurve curve = forwardCurve();
    double t = io.netgamma.core.instrument.YearFraction.act365(curve.valuationMillis(), expiryMillis);
    if (!(t > 0)) {
      throw new IllegalArgumentException("expiry " + java.time.Instant.ofEpochMilli(expiryMillis)
          + " is not after the surface's valuation instant " + java.time.Instant.ofEpochMilli(
              curve.valuationMillis()));
    }
    return volatility(Math.log(strike / curve.forward(expiryMillis)), t);
  }
}
