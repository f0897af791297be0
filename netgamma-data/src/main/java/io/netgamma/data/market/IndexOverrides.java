package io.netgamma.data.market;

import io.netgamma.core.base.ArgChecker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Index prices given by the user, as the {@code --index} option of the commands writes them: {@code COIN=PRICE}
 * ({@code BTC=9080.12}; the coin is upper-cased) or a bare {@code PRICE} when the inputs have a single underlying.
 * Prices in USD per coin, finite and &gt; 0. Messages name the option ({@code --index}) and the text as given.
 * Stateless.
 */
public final class IndexOverrides {

  private IndexOverrides() {
  }

  /**
   * Parses the texts, in order.
   *
   * @param texts the {@code --index} values as given
   * @param underlyings the underlyings of the inputs, asked only when a bare {@code PRICE} is given
   * @return price by coin, in the order given; empty for no texts
   * @throws IllegalArgumentException naming the text when it is not {@code COIN=PRICE} with a price &gt; 0, when a
   *     bare price is given while the inputs have other than one underlying, or when a coin is given twice
   */
  public static Map<String, Double> resolve(List<String> texts, Supplier<Set<String>> underlyings) {
    ArgChecker.notNull(texts, "texts");
    ArgChecker.notNull(underlyings, "underlyings");
    Map<String, Double> result = new LinkedHashMap<>();
    for (String text : texts) {
      ArgChecker.notNull(text, "--index value");
      String coin;
      String number;
      int eq = text.indexOf('=');
      if (eq >= 0) {
        coin = text.substring(0, eq).trim().toUpperCase(Locale.ROOT);
        number = text.substring(eq + 1).trim();
      } else {
        Set<String> all = underlyings.get();
        if (all.size() != 1) {
          throw new IllegalArgumentException("--index " + text + ": the inputs have " + all.size() + " underlyings "
              + all + "; write --index COIN=PRICE");
        }
        coin = all.iterator().next();
        number = text.trim();
      }
      double price;
      try {
        price = Double.parseDouble(number);
      } catch (NumberFormatException e) {
        price = Double.NaN;
      }
      if (coin.isEmpty() || !(price > 0) || price == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("--index " + text + ": expected COIN=PRICE with a price in USD per coin "
            + "> 0, e.g. BTC=9080.12");
      }
      if (result.put(coin, price) != null) {
        throw new IllegalArgumentException("--index " + coin + " given twice");
      }
    }
    return result;
  }

  /**
   * The text of one override, {@code COIN=PRICE}, that {@link #resolve} reads back to the same price.
   *
   * @param coin the underlying, e.g. BTC
   * @param price USD per coin, finite and &gt; 0
   * @return the text
   */
  public static String text(String coin, double price) {
    ArgChecker.notBlank(coin, "coin");
    ArgChecker.positive(price, coin + " index");
    ArgChecker.isTrue(price < Double.POSITIVE_INFINITY, coin + " index must be finite");
    return coin + "=" + price; // Double.toString reads back to the same double
  }
}
