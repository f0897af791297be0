package io.netgamma.core.base;

/** An instrument name or definition is malformed; the message shows the name and what is wrong with it. */
public class InvalidInstrumentException extends NetgammaException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public InvalidInstrumentException(String message) {
    super(message);
  }
}
