package io.netgamma.data;

import io.netgamma.core.base.NetgammaException;

/**
 * A data file as a whole cannot be read: it is missing, unreadable, empty, has no usable header or exceeds a
 * stated limit. The message always names the file and says what is wrong, in words a user can act on. (A bad
 * <em>row</em> is not an exception: readers skip it and report it to their issue listener.)
 */
public class DataFileException extends NetgammaException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message names the file and what is wrong with it
   */
  public DataFileException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause (typically an {@link java.io.IOException}).
   *
   * @param message names the file and what is wrong with it
   * @param cause the underlying failure
   */
  public DataFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
