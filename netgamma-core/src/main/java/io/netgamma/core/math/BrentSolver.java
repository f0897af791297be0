package io.netgamma.core.math;

import io.netgamma.core.base.ConvergenceException;
import java.util.function.DoubleUnaryOperator;

/**
 * Brent's method (Brent 1973, "Algorithms for Minimization without Derivatives", ch. 4; the {@code zbrent} form of
 * Numerical Recipes): inverse quadratic interpolation and secant steps, falling back to bisection whenever they do
 * not shrink the bracket fast enough, so it converges at least as surely as bisection. Stateless.
 */
public final class BrentSolver {

  /** Iteration limit; bisection alone would reach 1e-300 of the bracket in 1,000 steps. */
  public static final int MAX_ITERATIONS = 200;

  private BrentSolver() {
  }

  /**
   * A root of {@code f} in {@code [a, b]}, where f changes sign.
   *
   * @param f the function, evaluated only inside the bracket
   * @param a one end of the bracket
   * @param b the other end
   * @param fa {@code f(a)}
   * @param fb {@code f(b)}, of the opposite sign to {@code fa} (or one of them 0)
   * @param tolerance absolute tolerance on the root, &gt; 0 (the root is also located to ~2 ulp of itself)
   * @param what what is solved, for the error message
   * @return x with f(x) = 0, or the end of a bracket narrower than the tolerance
   * @throws ConvergenceException when the limit of iterations is reached
   */
  public static double root(DoubleUnaryOperator f, double a, double b, double fa, double fb, double tolerance, String what) {
    if (fa == 0) {
      return a;
    }
    if (fb == 0) {
      return b;
    }
    if (fa > 0 == fb > 0) {
      throw new IllegalArgumentException(what + ": no sign change between " + a + " (" + fa + ") and " + b + " ("
          + fb + ")");
    }
    double c = b;
    double fc = fb;
    double d = b - a;
    double e = d;
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
        // the root lies between a and b: c takes a's place
        c = a;
        fc = fa;
        d = b - a;
        e = d;
      }
      if (Math.abs(fc) < Math.abs(fb)) {
        // b is always the best estimate
        a = b;
        b = c;
        c = a;
        fa = fb;
        fb = fc;
        fc = fa;
      }
      double tol1 = 2.0 * Math.ulp(1.0) * Math.abs(b) + 0.5 * tolerance;
      double xm = 0.5 * (c - b);
      if (Math.abs(xm) <= tol1 || fb == 0) {
        return b;
      }
      if (Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
        double s = fb / fa;
        double p;
        double q;
        if (a == c) {
          p = 2.0 * xm * s; // secant
          q = 1.0 - s;
        } else {
          double qq = fa / fc; // inverse quadratic interpolation
          double r = fb / fc;
          p = s * (2.0 * xm * qq * (qq - r) - (b - a) * (r - 1.0));
          q = (qq - 1.0) * (r - 1.0) * (s - 1.0);
        }
        if (p > 0) {
          q = -q;
        }
        p = Math.abs(p);
        double min1 = 3.0 * xm * q - Math.abs(tol1 * q);
        double min2 = Math.abs(e * q);
        if (2.0 * p < Math.min(min1, min2)) {
          e = d; // accept the interpolation
          d = p / q;
        } else {
          d = xm; // bisect
          e = d;
        }
      } else {
        d = xm;
        e = d;
      }
      a = b;
      fa = fb;
      b += Math.abs(d) > tol1 ? d : Math.copySign(tol1, xm);
      fb = f.applyAsDouble(b);
    }
    throw new ConvergenceException(what + ": Brent's method did not converge to " + tolerance + " in "
        + MAX_ITERATIONS + " iterations (last bracket " + b + " .. " + c + ")");
  }
}
