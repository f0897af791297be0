package io.netgamma.core.base;

/** A numerical procedure (root finder, fit, optimiser) did not converge within its limits. */
public class ConvergenceException extends NetgammaException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message should say what was solved, the tolerance and the iterations. */
  public ConvergenceException(String message) {
    super(message);
  }
}
