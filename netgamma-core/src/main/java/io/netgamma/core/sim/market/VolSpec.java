package io.netgamma.core.sim.market;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.market.surface.SviParameters;

/**
 * The volatility surface of one underlying, as an SSVI surface (Gatheral–Jacquier 2014, "Arbitrage-free SVI
 * volatility surfaces"): at each expiry the total implied variance at log-moneyness {@code k = ln(K/F)} is
 * <pre>
 *   w(k) = θ/2 · (1 + ρφk + sqrt((φk + ρ)² + 1 − ρ²)),   φ(θ) = η / (θ^γ · (1 + θ)^(1−γ))
 * </pre>
 * with θ the ATM total variance of the expiry, the raw-SVI smile {@link #slice(double)}.
 *
 * <p><b>ATM term structure.</b> {@code σ_atm(t) = atmLong + (atmShort − atmLong)·exp(−t/termYears)} and
 * {@code θ(t) = σ_atm(t)²·t} (the generator adds a small seeded noise to the increments of θ between expiries, which
 * keeps θ increasing).
 *
 * <p><b>No static arbitrage by construction</b> (GJ 2014, Theorem 4.1 and Corollary 4.1, and Remark 4.4 for the
 * power law): the surface is free of calendar arbitrage when θ(t) is non-decreasing and
 * {@code 0 ≤ ∂θ(θφ(θ)) ≤ (1 + sqrt(1 − ρ²))/ρ² · φ(θ)} — both hold for the power law with γ ∈ (0, 1]; each slice is
 * free of butterfly arbitrage when {@code θφ(1 + |ρ|) < 4} and {@code θφ²(1 + |ρ|) ≤ 4} — with γ ∈ (0, ½] both
 * follow from {@code η(1 + |ρ|) ≤ 2}, since then {@code θφ < η} and {@code θφ² ≤ η²}. The constructor enforces
 * γ ∈ (0, ½], {@code η(1 + |ρ|) ≤ 2}, and a θ(t) that increases for every t ({@link #MAX_INVERSION}).
 *
 * <p>Units: volatilities are fractions (0.55 = 55%), times in years ACT/365, θ in years·vol².
 *
 * @param atmShort ATM volatility at t → 0, in (0, 5]
 * @param atmLong ATM volatility for long maturities, in (0, 5]
 * @param termYears time scale of the ATM term structure, years, &gt; 0
 * @param rho SSVI correlation: the skew (negative = put skew), in (−1, 1)
 * @param eta SSVI curvature level, &gt; 0, with η(1 + |ρ|) ≤ 2
 * @param gamma SSVI power-law exponent, in (0, 0.5]
 */
public record VolSpec(double atmShort, double atmLong, double termYears, double rho, double eta, double gamma) {

  /**
   * θ(t) = σ_atm(t)²t increases for all t iff {@code atmLong − MAX_INVERSION·(atmShort − atmLong) > 0}: with
   * u = t/termYears, {@code dθ/dt = σ_atm·(atmLong + (atmShort − atmLong)·e^(−u)(1 − 2u))} and the minimum of
   * {@code e^(−u)(1 − 2u)} is {@code −2e^(−3/2)} at u = 3/2. So an inverted term structure may start at most
   * {@code 1 + 1/MAX_INVERSION ≈ 3.24} times above its long end.
   */
  public static final double MAX_INVERSION = 2.0 * Math.exp(-1.5);

  /** Validates the parameters; the message names the offending one and its value. */
  public VolSpec {
    ArgChecker.inRange(atmShort, 1e-4, 5.0, "atmShort volatility");
    ArgChecker.inRange(atmLong, 1e-4, 5.0, "atmLong volatility");
    ArgChecker.positive(termYears, "termYears");
    if (!(Math.abs(rho) < 1.0)) {
      throw new IllegalArgumentException("SSVI rho must be in (-1, 1), got " + rho);
    }
    ArgChecker.positive(eta, "SSVI eta");
    ArgChecker.isTrue(gamma > 0 && gamma <= 0.5, "SSVI gamma must be in (0, 0.5], got " + gamma);
    ArgChecker.isTrue(eta * (1 + Math.abs(rho)) <= 2.0, "SSVI eta*(1+|rho|) must be <= 2 (no butterfly "
        + "arbitrage), got eta=" + eta + ", rho=" + rho + ": " + eta * (1 + Math.abs(rho)));
    ArgChecker.isTrue(atmLong - MAX_INVERSION * (atmShort - atmLong) > 0, "the ATM total variance must increase with"
        + " maturity: atmShort " + atmShort + " may be at most " + (atmLong * (1 + 1 / MAX_INVERSION))
        + " for atmLong " + atmLong);
  }

  /** ATM volatility at t years (fraction). */
  public double atmVolatility(double t) {
    return atmLong + (atmShort - atmLong) * StrictMath.exp(-t / termYears);
  }

  /** ATM total variance θ(t) = σ_atm(t)²·t; increasing in t. */
  public double atmTotalVariance(double t) {
    double s = atmVolatility(t);
    return s * s * t;
  }

  /** The SSVI curvature φ(θ) = η / (θ^γ (1 + θ)^(1−γ)) for an ATM total variance θ &gt; 0. */
  public double phi(double theta) {
    ArgChecker.positive(theta, "theta");
    return eta / (StrictMath.pow(theta, gamma) * StrictMath.pow(1 + theta, 1 - gamma));
  }

  /**
   * The SSVI smile of ATM total variance θ as raw SVI (GJ 2014, Lemma 3.3): {@code a = θ(1 − ρ²)/2},
   * {@code b = θφ/2}, ρ, {@code m = −ρ/φ}, {@code σ = sqrt(1 − ρ²)/φ}. Its total variance at k = 0 is θ.
   *
   * @param theta ATM total variance, &gt; 0
   * @return the raw-SVI parameters
   */
  public SviParameters slice(double theta) {
    double phi = phi(theta);
    double r = Math.sqrt(1 - rho * rho);
    return SviParameters.of(0.5 * theta * (1 - rho * rho), 0.5 * theta * phi, rho, -rho / phi, r / phi);
  }
}
