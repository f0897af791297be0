package io.netgamma.core.base;

/** Market data needed for a calculation is missing (an index price, a forward, a volatility, a quote). */
public class MissingMarketDataException extends NetgammaException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message should name the instrument or curve and the missing quantity. */
  public MissingMarketDataException(String message) {
    super(message);
  }
}
