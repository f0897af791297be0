package io.netgamma.cli.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportChartsTest {

  static final double[] SPOT = {-10, -5, 0, 5, 10};
  static final double[] VOL = {-5, 0, 5};
  static final double[][] PNL = {{-900, -1200, -1500}, {-100, -300, -500}, {400, 0, -400}, {-100, -300, -500},
      {-900, -1200, -1500}};

  @Test
  void theThreeChartsRender() {
    BufferedImage pnl = ReportCharts.pnlVsSpot(SPOT, VOL, PNL, "P&L");
    assertThat(pnl.getWidth()).isEqualTo(ReportCharts.WIDTH);
    assertThat(pnl.getHeight()).isEqualTo(ReportCharts.HEIGHT);
    Map<String, double[]> gamma = new LinkedHashMap<>();
    gamma.put("BTC", new double[] {-1, -2, -3, -2, -1});
    gamma.put("total", new double[] {-1, -2, -3, -2, -1});
    assertThat(ReportCharts.gammaProfile(SPOT, gamma, "gamma").getWidth()).isEqualTo(ReportCharts.WIDTH);
    BufferedImage heat = ReportCharts.heatmap(SPOT, VOL, PNL, "grid");
    assertThat(heat.getWidth()).isGreaterThanOrEqualTo(ReportCharts.WIDTH);
    // not blank: the cells are painted in more than a handful of colours
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int x = 0; x < heat.getWidth(); x += 7) {
      for (int y = 0; y < heat.getHeight(); y += 7) {
        colours.add(heat.getRGB(x, y));
      }
    }
    assertThat(colours.size()).isGreaterThan(10);
  }

  @Test
  void badInputIsRefusedWithItsName() {
    assertThatThrownBy(() -> ReportCharts.pnlVsSpot(new double[] {0, -1}, VOL, new double[2][3], "x"))
        .hasMessageContaining("spot shifts must be ascending, got 0.0 then -1.0");
    assertThatThrownBy(() -> ReportCharts.pnlVsSpot(SPOT, VOL, new double[4][3], "x"))
        .hasMessageContaining("P&L rows 4 != spot shifts 5");
    double[][] nan = {{0, 0, 0}, {0, Double.NaN, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}};
    assertThatThrownBy(() -> ReportCharts.heatmap(SPOT, VOL, nan, "x"))
        .hasMessageContaining("P&L at spot shift #1, vol shift #1");
    assertThatThrownBy(() -> ReportCharts.pnlVsSpot(new double[] {0}, VOL, new double[1][3], "x"))
        .hasMessageContaining("at least 2 points");
  }

  @Test
  void theHeatmapScaleEndsOnTwoSignificantDigits() {
    assertThat(ReportCharts.niceCeil(568.65)).isEqualTo(570.0);
    assertThat(ReportCharts.niceCeil(0.5)).isEqualTo(0.5);
    assertThat(ReportCharts.niceCeil(12.0)).isEqualTo(12.0);
    assertThat(ReportCharts.niceCeil(1234.0)).isEqualTo(1300.0);
  }
}
