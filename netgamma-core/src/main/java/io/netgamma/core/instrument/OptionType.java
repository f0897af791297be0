package io.netgamma.core.instrument;

/** Call or put. {@link #sign()} is the θ of the pricing formulas: +1 for a call, -1 for a put. */
public enum OptionType {
  /** Right to buy at the strike. */
  CALL('C', 1.0),
  /** Right to sell at the strike. */
  PUT('P', -1.0);

  private final char code;
  private final double sign;

  OptionType(char code, double sign) {
    this.code = code;
    this.sign = sign;
  }

  /** The letter used in Deribit instrument names: 'C' or 'P'. */
  public char code() {
    return code;
  }

  /** +1 for a call, -1 for a put. */
  public double sign() {
    return sign;
  }

  /** True for {@link #CALL}. */
  public boolean isCall() {
    return this == CALL;
  }

  /**
   * Parses "C"/"P", "call"/"put" (any case), as used in instrument names and in Tardis' {@code type} column.
   *
   * @throws IllegalArgumentException naming the text when it is neither
   */
  public static OptionType parse(String text) {
    if (text != null) {
      switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
        case "c", "call" -> {
          return CALL;
        }
        case "p", "put" -> {
          return PUT;
        }
        default -> {
          // fall through to the error
        }
      }
    }
    throw new IllegalArgumentException("option type must be 'call' or 'put' (or C/P), got '" + text + "'");
  }
}
