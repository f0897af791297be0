package io.netgamma.core.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netgamma.core.base.InvalidInstrumentException;
import io.netgamma.core.instrument.Instrument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Position} and {@link Portfolio}: validation, the instrument index, equality. */
class PortfolioTest {

  @Test
  void indexesDistinctInstrumentsInOrderOfFirstAppearance() {
    Portfolio p = Portfolio.of("desk", List.of(Position.of("BTC-28JUN24-70000-C", -25),
        Position.of("BTC-PERPETUAL", 3), Position.of("BTC-28JUN24-70000-C", 5)),
        new LinkedHashMap<>(Map.of("BTC", 12.5)));
    assertThat(p.size()).isEqualTo(3);
    assertThat(p.instruments()).extracting(Instrument::name).containsExactly("BTC-28JUN24-70000-C", "BTC-PERPETUAL");
    assertThat(p.instrumentIndex(0)).isZero();
    assertThat(p.instrumentIndex(1)).isEqualTo(1);
    assertThat(p.instrumentIndex(2)).isZero();
    assertThat(p.positionCount(0)).isEqualTo(2);
    assertThat(p.quantity(2)).isEqualTo(5);
    assertThat(p.collateral()).containsEntry("BTC", 12.5);
    assertThat(p).isEqualTo(Portfolio.of("desk", p.positions(), Map.of("BTC", 12.5)));
    assertThat(p.withName("other")).isNotEqualTo(p);
    assertThat(p.toString()).isEqualTo("Portfolio[desk: 3 positions on 2 instruments, collateral {BTC=12.5}]");
  }

  @Test
  void positionsStateTheirAveragePriceUnitByKind() {
    Position option = new Position(Instrument.parse("BTC-28JUN24-70000-C"), -2, 0.0);
    assertThat(option.hasAveragePrice()).isTrue();
    assertThat(Position.of("BTC-PERPETUAL", 1).hasAveragePrice()).isFalse();
    assertThatThrownBy(() -> new Position(Instrument.parse("BTC-PERPETUAL"), 1, 0.0))
        .hasMessageContaining("BTC-PERPETUAL: average price must be finite and > 0 (or absent), got 0.0");
    assertThatThrownBy(() -> new Position(Instrument.parse("BTC-28JUN24-70000-C"), 1, -0.01))
        .hasMessageContaining("must be finite and >= 0");
    assertThatThrownBy(() -> Position.of("BTC-28JUN24-70000-C", Double.NaN))
        .hasMessageContaining("BTC-28JUN24-70000-C: quantity must be finite, got NaN");
    assertThatThrownBy(() -> Position.of("BTC-28JUN24-7000O-C", 1)).isInstanceOf(InvalidInstrumentException.class)
        .hasMessageContaining("BTC-28JUN24-7000O-C");
  }

  @Test
  void rejectsBadCollateralAndNames() {
    assertThatThrownBy(() -> Portfolio.of("d", List.of(), Map.of("btc", 1.0)))
        .hasMessageContaining("portfolio 'd': collateral currency must be 1 to 12 upper-case letters or digits");
    assertThatThrownBy(() -> Portfolio.of("d", List.of(), Map.of("BTC", Double.POSITIVE_INFINITY)))
        .hasMessageContaining("portfolio 'd': collateral BTC must be a finite amount, got Infinity");
    assertThatThrownBy(() -> Portfolio.of(" ", List.of())).hasMessageContaining("portfolio name must not be blank");
  }
}
