package io.netgamma.cli.chart;

import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.style.AxesChartStyler;

/** The look shared by netgamma's PNG charts: white background, light grid, sans-serif fonts. Stateless. */
final class ChartStyle {

  private ChartStyle() {
  }

  /**
   * White chart and plot background, a light grey grid, a bold title and plain axis, tick and legend fonts, and no
   * legend border.
   *
   * @param styler the chart's styler
   * @param titleSize the title's font size, points
   * @param axisTitleSize the axis titles' font size, points
   * @param tickSize the tick labels' and legend's font size, points
   */
  static void apply(AxesChartStyler styler, int titleSize, int axisTitleSize, int tickSize) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotGridLinesColor(new Color(225, 225, 225));
    styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, titleSize));
    styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, axisTitleSize));
    styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, tickSize));
    styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, tickSize));
    styler.setLegendBorderColor(Color.WHITE);
  }
}
