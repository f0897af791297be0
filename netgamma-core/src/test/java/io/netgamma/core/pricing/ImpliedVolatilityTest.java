package io.netgamma.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.base.NetgammaException;
import io.netgamma.core.pricing.ImpliedVolatility.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImpliedVolatilityTest {

  @Test
  void okRoundTripsThroughTheBlackPrice() {
    double price = LetsBeRational.blackPrice(60000.0, 65000.0, 30.0 / 365.0, 0.62, 1.0);
    ImpliedVolatility result = ImpliedVolatility.of(price, 60000.0, 65000.0, 30.0 / 365.0, 1.0);
    assertThat(result.isOk()).isTrue();
    assertThat(result.status()).isEqualTo(Status.OK);
    assertThat(result.reason()).isEmpty();
    assertThat(result.volatility()).isCloseTo(0.62, within(1e-14));
    assertThat(result.orElseThrow()).isEqualTo(result.volatility());
  }

  @Test
  void priceEqualToIntrinsicValueIsZeroVolatility() {
    assertThat(ImpliedVolatility.of(20.0, 120.0, 100.0, 1.0, 1.0)).isEqualTo(ImpliedVolatility.ok(0.0));
    assertThat(ImpliedVolatility.of(0.0, 120.0, 100.0, 1.0, -1.0)).isEqualTo(ImpliedVolatility.ok(0.0));
  }

  @Test
  void belowIntrinsicShowsTheNumbers() {
    ImpliedVolatility result = ImpliedVolatility.of(12.5, 120.0, 100.0, 1.0, 1.0);
    assertThat(result.status()).isEqualTo(Status.BELOW_INTRINSIC);
    assertThat(result.volatility()).isNaN();
    assertThat(result.isOk()).isFalse();
    assertThat(result.reason()).isEqualTo("price 12.5 is below intrinsic value 20 (forward 120, strike 100, call)");
    assertThat(ImpliedVolatility.of(-0.01, 90.0, 100.0, 1.0, 1.0).reason())
        .isEqualTo("price -0.01 is below intrinsic value 0 (forward 90, strike 100, call)");
  }

  @Test
  void aboveMaximumShowsTheNumbers() {
    ImpliedVolatility put = ImpliedVolatility.of(100.5, 90.0, 100.0, 1.0, -1.0);
    assertThat(put.status()).isEqualTo(Status.ABOVE_MAXIMUM);
    assertThat(put.reason())
        .isEqualTo("price 100.5 is at or above the maximum value 100 of a put (its strike)"
            + " (forward 90, strike 100, put)");
    ImpliedVolatility call = ImpliedVolatility.of(90.0, 90.0, 100.0, 1.0, 1.0);
    assertThat(call.status()).isEqualTo(Status.ABOVE_MAXIMUM);
    assertThat(call.reason()).contains("maximum value 90 of a call (its forward)");
  }

  @Test
  void expiredAlwaysReportsExpiredEvenAtIntrinsicValue() {
    ImpliedVolatility atIntrinsic = ImpliedVolatility.of(20.0, 120.0, 100.0, 0.0, 1.0);
    assertThat(atIntrinsic.status()).isEqualTo(Status.EXPIRED);
    assertThat(atIntrinsic.reason()).isEqualTo("the option has expired (time to expiry 0 years <= 0), so it has no"
        + " implied volatility; price 20 (forward 120, strike 100, call)");
    assertThat(ImpliedVolatility.of(25.0, 120.0, 100.0, -0.5, 1.0).status()).isEqualTo(Status.EXPIRED);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "NaN; 100; 100; 1; 1; price must be finite, got NaN (forward 100, strike 100, call)",
      "Infinity; 100; 100; 1; -1; price must be finite, got Infinity (forward 100, strike 100, put)",
      "1; 0; 100; 1; 1; forward must be finite and > 0, got 0 (forward 0, strike 100, call)",
      "1; -Infinity; 100; 1; 1; forward must be finite and > 0, got -Infinity (forward -Infinity, strike 100, call)",
      "1; 100; -5; 1; 1; strike must be finite and > 0, got -5 (forward 100, strike -5, call)",
      "1; 100; NaN; 1; 1; strike must be finite and > 0, got NaN (forward 100, strike NaN, call)",
      "1; 100; 100; NaN; 1; time to expiry must be finite, got NaN (forward 100, strike 100, call)",
      "1; 100; 100; 1; 0.5; theta must be +1 (call) or -1 (put), got 0.5 (forward 100, strike 100, theta 0.5)"})
  void invalidInputNamesTheFieldAndTheValue(
      double price, double forward, double strike, double t, double theta, String reason) {
    ImpliedVolatility result = ImpliedVolatility.of(price, forward, strike, t, theta);
    assertThat(result.status()).isEqualTo(Status.INVALID_INPUT);
    assertThat(result.volatility()).isNaN();
    assertThat(result.reason()).isEqualTo(reason);
  }

  @Test
  void orElseThrowCarriesTheReason() {
    ImpliedVolatility result = ImpliedVolatility.of(12.5, 120.0, 100.0, 1.0, 1.0);
    assertThatThrownBy(result::orElseThrow)
        .isInstanceOf(NetgammaException.class)
        .hasMessage("price 12.5 is below intrinsic value 20 (forward 120, strike 100, call)");
  }

  @Test
  void factoriesAndConstructorEnforceTheInvariants() {
    assertThat(ImpliedVolatility.ok(0.65).volatility()).isEqualTo(0.65);
    assertThat(ImpliedVolatility.noSolution(Status.EXPIRED, "expired").volatility()).isNaN();
    assertThatThrownBy(() -> ImpliedVolatility.ok(-0.1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("volatility");
    assertThatThrownBy(() -> ImpliedVolatility.ok(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ImpliedVolatility.ok(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ImpliedVolatility.noSolution(Status.OK, "fine"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ImpliedVolatility.noSolution(Status.EXPIRED, " "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ImpliedVolatility(0.5, Status.BELOW_INTRINSIC, "why"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be NaN");
    assertThatThrownBy(() -> new ImpliedVolatility(0.5, null, ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("status");
    assertThatThrownBy(() -> new ImpliedVolatility(0.5, Status.OK, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
  }
}
