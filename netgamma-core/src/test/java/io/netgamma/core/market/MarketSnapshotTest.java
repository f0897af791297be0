package io.netgamma.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netgamma.core.base.MissingMarketDataException;
import io.netgamma.core.instrument.Instrument;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MarketSnapshotTest {

  private static final Instant NOW = Instant.parse("2024-06-17T10:22:20.501Z");

  @Test
  void holdsIndexCurvesAndQuotes() {
    Instrument call = Instrument.parse("BTC-28JUN24-70000-C");
    Quote q = new Quote(call, 0.0123, 0.52, 0.012, 5, 0.013, 7, 1200, 67371.75, Double.NaN,
        OrderBook.of(new double[] {0.012, 0.0115}, new double[] {5, 10}, new double[] {0.013}, new double[] {7}));
    MarketSnapshot m = MarketSnapshot.builder(NOW)
        .index("BTC", 65666.19)
        .forwardCurve(ForwardCurve.of("BTC", NOW.toEpochMilli(), 65666.19,
            new long[] {call.expiry().toEpochMilli()}, new double[] {67371.75}))
        .quote(q)
        .build();
    assertThat(m.index("BTC")).isEqualTo(65666.19);
    assertThat(m.forwardCurve("BTC").forward(call.expiry().toEpochMilli())).isEqualTo(67371.75);
    assertThat(m.quoteOrThrow("BTC-28JUN24-70000-C").midOrThrow()).isEqualTo(0.0125);
    assertThat(m.quoteOrThrow("BTC-28JUN24-70000-C").book().bidDepth()).isEqualTo(15);
    assertThat(m.quote("ETH-28JUN24-3000-C")).isEmpty();
    assertThat(m.surface("BTC")).isEmpty();
  }

  @Test
  void missingDataIsNamed() {
    MarketSnapshot m = MarketSnapshot.builder(NOW).index("BTC", 65000).build();
    assertThatThrownBy(() -> m.index("ETH")).isInstanceOf(MissingMarketDataException.class)
        .hasMessageContaining("ETH").hasMessageContaining("[BTC]");
    assertThatThrownBy(() -> m.quoteOrThrow("BTC-PERPETUAL")).hasMessageContaining("BTC-PERPETUAL");
    assertThat(m.forwardCurve("BTC").forward(NOW.toEpochMilli() + 86_400_000L)).isEqualTo(65000);
    Quote markOnly = Quote.ofMark(Instrument.parse("BTC-PERPETUAL"), 65100);
    assertThatThrownBy(markOnly::midOrThrow).hasMessageContaining("BTC-PERPETUAL: no bid");
  }

  @Test
  void badQuotesAndBooksAreRejected() {
    Instrument perp = Instrument.parse("BTC-PERPETUAL");
    assertThatThrownBy(() -> Quote.ofMark(perp, -1)).hasMessageContaining("BTC-PERPETUAL: mark");
    assertThatThrownBy(() -> OrderBook.of(new double[] {10, 11}, new double[] {1, 1}, new double[0],
        new double[0])).hasMessageContaining("descending");
    assertThatThrownBy(() -> OrderBook.of(new double[] {10}, new double[] {1}, new double[] {9},
        new double[] {1})).hasMessageContaining("crossed");
    assertThatThrownBy(() -> MarketSnapshot.builder(NOW).forwardCurve(
        ForwardCurve.flat("BTC", NOW.toEpochMilli() - 1, 1))).hasMessageContaining("as of");
  }
}
