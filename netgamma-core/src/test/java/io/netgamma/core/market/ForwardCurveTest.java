package io.netgamma.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.base.MissingMarketDataException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ForwardCurveTest {

  private static final long NOW = Instant.parse("2024-06-17T08:00:00Z").toEpochMilli();
  private static final long DAY = 86_400_000L;

  @Test
  void nodesAreExactAndCarryIsConstantBetweenThem() {
    // nodes given out of order: 73 days at 67000, 10 days at 66000; index 65600
    ForwardCurve c = ForwardCurve.of("BTC", NOW, 65600, new long[] {NOW + 73 * DAY, NOW + 10 * DAY},
        new double[] {67000, 66000});
    assertThat(c.forward(NOW + 10 * DAY)).isEqualTo(66000);
    assertThat(c.forward(NOW + 73 * DAY)).isEqualTo(67000);
    assertThat(c.expiry(0)).isEqualTo(NOW + 10 * DAY);
    // halfway (in time) between the nodes the log-forward is halfway
    double mid = c.forward(NOW + (10 + 73) * DAY / 2);
    double tMid = (10 + 73) / 2.0;
    double expected = Math.exp(Math.log(66000) + (Math.log(67000) - Math.log(66000)) * (tMid - 10) / 63);
    assertThat(mid).isCloseTo(expected, within(1e-9));
    // before the first node: from the index at t = 0
    assertThat(c.forward(NOW + 5 * DAY)).isCloseTo(Math.sqrt(65600.0 * 66000.0), within(1e-9));
    // beyond the last node: the last segment's carry continues
    double t136 = Math.exp(Math.log(67000) + (Math.log(67000) - Math.log(66000)) * (136 - 73) / 63.0);
    assertThat(c.forward(NOW + 136 * DAY)).isCloseTo(t136, within(1e-9));
    assertThat(c.forward(NOW)).isEqualTo(65600);
  }

  @Test
  void flatCurveIsTheIndex() {
    ForwardCurve c = ForwardCurve.flat("ETH", NOW, 3000);
    assertThat(c.forward(NOW + 30 * DAY)).isEqualTo(3000);
    assertThat(c.size()).isZero();
  }

  @Test
  void badNodesAreRejected() {
    assertThatThrownBy(() -> ForwardCurve.of("BTC", NOW, 65600, new long[] {NOW - DAY}, new double[] {1}))
        .hasMessageContaining("not after the valuation instant");
    assertThatThrownBy(() -> ForwardCurve.of("BTC", NOW, 65600, new long[] {NOW + DAY, NOW + DAY},
        new double[] {1, 2})).hasMessageContaining("two forwards");
    assertThatThrownBy(() -> ForwardCurve.of("BTC", NOW, 65600, new long[] {NOW + DAY}, new double[] {-1}))
        .hasMessageContaining("BTC forward");
    assertThatThrownBy(() -> ForwardCurve.flat("BTC", NOW, 0)).hasMessageContaining("index price");
    ForwardCurve c = ForwardCurve.flat("BTC", NOW, 1);
    assertThatThrownBy(() -> c.nodeForward(NOW + DAY)).isInstanceOf(MissingMarketDataException.class)
        .hasMessageContaining("no BTC forward");
  }
}
