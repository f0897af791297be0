package io.netgamma.core.base;

/**
 * Root of netgamma's small domain exception hierarchy. It extends {@link IllegalArgumentException} so that
 * every domain failure is an unchecked "bad input" failure; subclasses say which kind.
 */
public class NetgammaException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that a user can act on (name the input, the value, the reason). */
  public NetgammaException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the underlying cause. */
  public NetgammaException(String message, Throwable cause) {
    super(message, cause);
  }
}
