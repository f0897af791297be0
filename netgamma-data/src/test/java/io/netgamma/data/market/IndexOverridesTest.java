package io.netgamma.data.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IndexOverridesTest {

  @Test
  void coinEqualsPriceAndABarePriceForTheOnlyUnderlying() {
    assertThat(IndexOverrides.resolve(List.of("btc = 9080.12", "ETH=2600"), () -> {
      throw new AssertionError("the underlyings are only asked for a bare price");
    })).containsExactly(Map.entry("BTC", 9080.12), Map.entry("ETH", 2600.0));
    assertThat(IndexOverrides.resolve(List.of(" 9080.12 "), () -> Set.of("BTC"))).containsExactly(
        Map.entry("BTC", 9080.12));
    assertThat(IndexOverrides.resolve(List.of(), Set::of)).isEmpty();
  }

  @Test
  void theTextOfAnOverrideReadsBackToTheSameDouble() {
    double price = 0.1 + 0.2; // 0.30000000000000004: needs all 17 digits
    String text = IndexOverrides.text("BTC", price);
    assertThat(text).isEqualTo("BTC=0.30000000000000004");
    assertThat(IndexOverrides.resolve(List.of(text), Set::of).get("BTC")).isEqualTo(price);
    assertThatThrownBy(() -> IndexOverrides.text("BTC", Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void badValuesAreRefusedWithTheTextAsGiven() {
    for (String bad : List.of("BTC=", "BTC=-1", "BTC=0", "BTC=NaN", "BTC=Infinity", "=100", "BTC=1e999")) {
      assertThatThrownBy(() -> IndexOverrides.resolve(List.of(bad), () -> Set.of("BTC")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("--index " + bad + ": expected COIN=PRICE with a price in USD per coin > 0, e.g. BTC=9080.12");
    }
    assertThatThrownBy(() -> IndexOverrides.resolve(List.of("BTC=1", "btc=2"), Set::of))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("--index BTC given twice");
    Set<String> two = new LinkedHashSet<>(List.of("BTC", "ETH"));
    assertThatThrownBy(() -> IndexOverrides.resolve(List.of("100"), () -> two))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--index 100: the inputs have 2 underlyings [BTC, ETH]; write --index COIN=PRICE");
  }
}
