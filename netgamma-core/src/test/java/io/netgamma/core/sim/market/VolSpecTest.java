package io.netgamma.core.sim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.surface.ButterflyReport;
import io.netgamma.core.market.surface.CalendarReport;
import io.netgamma.core.market.surface.SviParameters;
import io.netgamma.core.market.surface.SviSurface;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VolSpecTest {

  static final VolSpec BTC = UnderlyingSpec.btc().vol();

  /** Gatheral–Jacquier's SSVI total variance, written out independently of the raw-SVI mapping. */
  private static double ssvi(double theta, double phi, double rho, double k) {
    return 0.5 * theta * (1 + rho * phi * k + Math.sqrt((phi * k + rho) * (phi * k + rho) + 1 - rho * rho));
  }

  @Test
  void theRawSviSliceIsTheSsviSmile() {
    for (double theta : new double[] {1e-6, 5.5e-4, 0.01, 0.1, 0.5, 2.0}) {
      SviParameters p = BTC.slice(theta);
      double phi = BTC.phi(theta);
      assertThat(phi).isCloseTo(1.0 / Math.sqrt(theta * (1 + theta)), within(1e-12 * phi));
      assertThat(p.totalVariance(0)).isCloseTo(theta, within(1e-15 * Math.max(1, theta)));
      for (double k = -2; k <= 2; k += 0.05) {
        double w = ssvi(theta, phi, -0.2, k);
        assertThat(p.totalVariance(k)).isCloseTo(w, within(1e-13 * w));
      }
    }
  }

  @Test
  void atmTermStructureRisesFromTheShortToTheLongEnd() {
    assertThat(BTC.atmVolatility(0)).isEqualTo(0.45);
    assertThat(BTC.atmVolatility(0.25)).isCloseTo(0.55 - 0.1 * Math.exp(-1), within(1e-15));
    assertThat(BTC.atmVolatility(50)).isCloseTo(0.55, within(1e-15));
    assertThat(BTC.atmTotalVariance(0.5)).isCloseTo(Math.pow(BTC.atmVolatility(0.5), 2) * 0.5, within(1e-16));
  }

  /** The theorem's conditions at their edges: η(1+|ρ|) = 2, γ = ½, the most inverted term structure allowed. */
  @Test
  void theNoArbitrageConditionsHoldOnTheirBoundary() {
    double atmLong = 0.5;
    double atmShort = atmLong * (1 + 1 / VolSpec.MAX_INVERSION) * (1 - 1e-9);
    VolSpec edge = new VolSpec(atmShort, atmLong, 0.1, -0.6, 2 / 1.6, 0.5);
    double previous = 0;
    double[] ts = new double[400];
    SviParameters[] slices = new SviParameters[ts.length];
    for (int i = 0; i < ts.length; i++) {
      ts[i] = 0.0005 * Math.pow(1.02, i); // 4 hours to 1.4 years
      double theta = edge.atmTotalVariance(ts[i]);
      assertThat(theta).isGreaterThan(previous);
      previous = theta;
      slices[i] = edge.slice(theta);
      ButterflyReport b = slices[i].butterflyReport(-4, 4, 801);
      assertThat(b.arbitrageFree()).as(b.summary()).isTrue();
    }
    for (int i = 1; i < ts.length; i++) {
      for (double k = -4; k <= 4; k += 0.01) {
        assertThat(slices[i].totalVariance(k)).isGreaterThanOrEqualTo(slices[i - 1].totalVariance(k));
      }
      assertThat(slices[i].leftWingSlope()).isGreaterThanOrEqualTo(slices[i - 1].leftWingSlope());
      assertThat(slices[i].rightWingSlope()).isGreaterThanOrEqualTo(slices[i - 1].rightWingSlope());
    }
  }

  /** The surface of every generated market passes the surface package's butterfly and calendar checks. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 1234567})
  void generatedSurfacesAreFreeOfButterflyAndCalendarArbitrage(long seed) {
    for (String at : new String[] {"2026-02-04T04:24:00Z", "2025-06-02T10:00:00Z", "2024-12-31T07:59:59Z"}) {
      MarketSnapshot m = MarketGenerator.DEFAULT.generate(MarketSpec.btcEth(Instant.parse(at)), seed);
      for (String u : List.of("BTC", "ETH")) {
        SviSurface s = (SviSurface) m.surface(u).orElseThrow();
        assertThat(s.size()).isEqualTo(12);
        for (int i = 0; i < s.size(); i++) {
          ButterflyReport b = s.slice(i).butterflyReport(-3, 3, 1201);
          assertThat(b.arbitrageFree()).as("%s %s #%d: %s", at, u, i, b.summary()).isTrue();
          assertThat(b.minG()).isPositive();
          assertThat(s.slice(i).totalVariance(0)).isGreaterThan(i == 0 ? 0 : s.slice(i - 1).totalVariance(0));
        }
        CalendarReport c = s.calendarReport(-3, 3, 1201);
        assertThat(c.arbitrageFree()).as(c.summary()).isTrue();
      }
    }
  }

  @Test
  void rejectsParametersOutsideTheTheorem() {
    assertThatThrownBy(() -> new VolSpec(0.5, 0.5, 0.25, -0.5, 1.5, 0.5)).hasMessageContaining("eta*(1+|rho|)")
        .hasMessageContaining("2.25");
    assertThatThrownBy(() -> new VolSpec(0.5, 0.5, 0.25, -0.2, 1.0, 0.6)).hasMessageContaining("gamma")
        .hasMessageContaining("0.6");
    assertThatThrownBy(() -> new VolSpec(2.0, 0.5, 0.25, -0.2, 1.0, 0.5))
        .hasMessageContaining("must increase with maturity").hasMessageContaining("atmShort 2.0");
    assertThatThrownBy(() -> new VolSpec(0.5, 0.5, 0.25, -1, 1.0, 0.5)).hasMessageContaining("rho");
    assertThatThrownBy(() -> new VolSpec(0.5, 0.5, 0, -0.2, 1.0, 0.5)).hasMessageContaining("termYears");
    assertThatThrownBy(() -> new VolSpec(0, 0.5, 0.25, -0.2, 1.0, 0.5)).hasMessageContaining("atmShort");
  }
}
