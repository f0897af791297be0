package io.netgamma.core.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netgamma.core.base.InvalidInstrumentException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class InstrumentTest {

  @ParameterizedTest
  @ValueSource(strings = {"BTC-27DEC24-60000-C", "ETH-3MAY24-2200-P", "BTC-PERPETUAL", "BTC-27DEC24",
      "BTC_USDC-PERPETUAL", "BTC_USDC-27DEC24-60000-C", "XRP_USDC-30MAY25-2d2-C", "ETH_USDC", "SOL_USDC-7JUN24",
      "BTC-22MAY20-10250-P", "XRP_USDC-30MAY25-0d5625-P"})
  void namesRoundTripIdentically(String name) {
    Instrument instrument = Instrument.parse(name);
    assertThat(instrument.name()).isEqualTo(name);
    assertThat(instrument.toString()).isEqualTo(name);
    assertThat(Instrument.parse(instrument.name())).isEqualTo(instrument);
  }

  @Test
  void inverseOptionParts() {
    Instrument i = Instrument.parse("BTC-27DEC24-60000-C");
    assertThat(i.kind()).isEqualTo(InstrumentKind.OPTION);
    assertThat(i.underlying()).isEqualTo("BTC");
    assertThat(i.settlement()).isEqualTo(Settlement.INVERSE);
    assertThat(i.isInverse()).isTrue();
    assertThat(i.quoteCurrency()).isEqualTo("USD");
    assertThat(i.settlementCurrency()).isEqualTo("BTC");
    assertThat(i.strike()).isEqualTo(60000.0);
    assertThat(i.optionType()).isEqualTo(OptionType.CALL);
    assertThat(i.expiry()).isEqualTo(Instant.parse("2024-12-27T08:00:00Z"));
  }

  @Test
  void linearOptionWithDecimalStrike() {
    Instrument i = Instrument.parse("XRP_USDC-30MAY25-2d2-C");
    assertThat(i.settlement()).isEqualTo(Settlement.LINEAR);
    assertThat(i.underlying()).isEqualTo("XRP");
    assertThat(i.quoteCurrency()).isEqualTo("USDC");
    assertThat(i.settlementCurrency()).isEqualTo("USDC");
    assertThat(i.strike()).isEqualTo(2.2);
    assertThat(i.expiry()).isEqualTo(Instant.parse("2025-05-30T08:00:00Z"));
  }

  @Test
  void singleDigitDayAndOtherKinds() {
    Instrument put = Instrument.parse("ETH-3MAY24-2200-P");
    assertThat(put.expiry()).isEqualTo(Instant.parse("2024-05-03T08:00:00Z"));
    assertThat(put.optionType()).isEqualTo(OptionType.PUT);
    Instrument perp = Instrument.parse("BTC_USDC-PERPETUAL");
    assertThat(perp.kind()).isEqualTo(InstrumentKind.PERPETUAL);
    assertThat(perp.expiry()).isNull();
    assertThat(perp.settlement()).isEqualTo(Settlement.LINEAR);
    Instrument future = Instrument.parse("BTC-27DEC24");
    assertThat(future.kind()).isEqualTo(InstrumentKind.FUTURE);
    assertThat(future.strike()).isZero();
    assertThat(Instrument.parse("ETH_USDC").kind()).isEqualTo(InstrumentKind.SPOT);
  }

  @Test
  void factoriesBuildDeribitNames() {
    assertThat(Instrument.option("XRP", Settlement.LINEAR, LocalDate.of(2025, 5, 30), 2.2, OptionType.CALL).name())
        .isEqualTo("XRP_USDC-30MAY25-2d2-C");
    assertThat(Instrument.option("ETH", Settlement.INVERSE, LocalDate.of(2024, 5, 3), 2200, OptionType.PUT).name())
        .isEqualTo("ETH-3MAY24-2200-P");
    assertThat(Instrument.future("BTC", Settlement.INVERSE, LocalDate.of(2024, 12, 27)).name())
        .isEqualTo("BTC-27DEC24");
    assertThat(Instrument.perpetual("BTC", Settlement.LINEAR).name()).isEqualTo("BTC_USDC-PERPETUAL");
  }

  @Test
  void yearsToExpiryIsAct365ToTheMillisecond() {
    Instrument i = Instrument.parse("BTC-28JUN24-70000-C");
    Instant now = Instant.parse("2024-06-27T08:00:00Z");
    assertThat(i.yearsToExpiry(now)).isEqualTo(1.0 / 365.0);
    assertThat(i.yearsToExpiry(Instant.parse("2024-06-28T09:00:00Z"))).isEqualTo(-1.0 / (365.0 * 24.0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "BTC", "BTC-27DEC24-60000", "BTC-27DEC24-60000-X", "BTC-32DEC24-60000-C",
      "BTC-27DEX24-60000-C", "BTC-27DEC24-abc-C", "btc-27DEC24-60000-C", "BTC-27DEC24--C", "BTC-27DEC24-0-C",
      "BTC-027DEC24", "BTC_-PERPETUAL", "BTC-30FEB24", "BTC-27DEC24-60000-C-X", "BTC-27DEC24-1d-C"})
  void malformedNamesAreRejectedShowingTheName(String name) {
    assertThatThrownBy(() -> Instrument.parse(name))
        .isInstanceOf(InvalidInstrumentException.class)
        .hasMessageContaining(name.isEmpty() ? "empty" : "'" + name + "'");
  }

  @Test
  void errorSaysWhatIsWrong() {
    assertThatThrownBy(() -> Instrument.parse("BTC-27DEX24-60000-C")).hasMessageContaining("unknown month 'DEX'");
    assertThatThrownBy(() -> Instrument.parse("BTC-27DEC24-60000-X")).hasMessageContaining("C or P");
    assertThatThrownBy(() -> Instrument.parse("BTC-03MAY24")).hasMessageContaining("did you mean 'BTC-3MAY24'");
  }

  @Test
  void optionTypeParsesTardisAndNameForms() {
    assertThat(OptionType.parse("call")).isEqualTo(OptionType.CALL);
    assertThat(OptionType.parse("P")).isEqualTo(OptionType.PUT);
    assertThat(OptionType.CALL.sign()).isEqualTo(1.0);
    assertThat(OptionType.PUT.sign()).isEqualTo(-1.0);
    assertThatThrownBy(() -> OptionType.parse("straddle")).hasMessageContaining("'straddle'");
  }
}
