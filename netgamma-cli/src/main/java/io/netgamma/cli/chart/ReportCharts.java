package io.netgamma.cli.chart;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.data.DataFileException;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts of {@code netgamma report --png-dir}, each one PNG: the book's P&amp;L against the spot shift, one line
 * per volatility shift ({@link #pnlVsSpot}); the book's cash gamma against the spot shift ({@link #gammaProfile});
 * the scenario grid as a heatmap ({@link #heatmap}). Spot shifts in percent of the index on the x axis (every
 * underlying moved by the same percentage), P&amp;L and cash gamma in USD. Rendered off-screen (headless AWT, as
 * {@link SmileChart}). Stateless.
 */
public final class ReportCharts {

  static {
    // before XChart or any AWT class initialises the graphics environment
    System.setProperty("java.awt.headless", "true");
  }

  /** Width of a chart, pixels. */
  public static final int WIDTH = 900;
  /** Height of a chart, pixels. */
  public static final int HEIGHT = 560;

  private static final Color ZERO_LINE = new Color(120, 120, 120);
  /** Negative P&amp;L (red), zero (white), positive (green): the heatmap's diverging palette. */
  private static final Color[] DIVERGING = {new Color(178, 24, 43), new Color(239, 138, 98), new Color(253, 219, 199),
      new Color(247, 247, 247), new Color(209, 229, 240), new Color(103, 169, 207), new Color(33, 102, 172)};

  private ReportCharts() {
  }

  /**
   * One line of a chart.
   *
   * @param name the legend entry
   * @param y the values, one per x point, finite
   */
  public record Line(String name, double[] y) {

    /** Validates and copies. */
    public Line {
      ArgChecker.notBlank(name, "name");
      y = y.clone();
      for (int i = 0; i < y.length; i++) {
        ArgChecker.finite(y[i], name + " #" + i);
      }
    }
  }

  /**
   * P&amp;L against the spot shift, one line per volatility shift.
   *
   * @param spotShiftsPct spot shifts, percent of the index, ascending, at least 2
   * @param volShiftsPts volatility shifts, vol points, one per line
   * @param pnlUsd {@code pnlUsd[i][j]}: P&amp;L in USD at spot shift i and vol shift j, finite
   * @param title the chart's title
   * @return the chart image
   */
  public static BufferedImage pnlVsSpot(double[] spotShiftsPct, double[] volShiftsPts, double[][] pnlUsd,
      String title) {
    checkAxis(spotShiftsPct, "spot shifts");
    ArgChecker.isTrue(pnlUsd.length == spotShiftsPct.length, "P&L rows " + pnlUsd.length + " != spot shifts "
        + spotShiftsPct.length);
    List<Line> lines = new ArrayList<>();
    for (int j = 0; j < volShiftsPts.length; j++) {
      double[] y = new double[spotShiftsPct.length];
      for (int i = 0; i < y.length; i++) {
        ArgChecker.isTrue(pnlUsd[i].length == volShiftsPts.length, "P&L row " + i + " has " + pnlUsd[i].length
            + " columns, expected " + volShiftsPts.length);
        y[i] = pnlUsd[i][j];
      }
      lines.add(new Line("vol " + signedNumber(volShiftsPts[j]) + " pts", y));
    }
    return lines(title, "spot shift (% of index, every underlying)", "P&L (USD)", spotShiftsPct, lines);
  }

  /**
   * The book's cash gamma against the spot shift.
   *
   * @param spotShiftsPct spot shifts, percent of the index, ascending, at least 2
   * @param cashGammaUsd lines of cash gamma (USD change of delta-dollars per 1% move) by name (per underlying, and
   *     the total), in legend order, each one value per spot shift
   * @param title the chart's title
   * @return the chart image
   */
  public static BufferedImage gammaProfile(double[] spotShiftsPct, Map<String, double[]> cashGammaUsd,
      String title) {
    checkAxis(spotShiftsPct, "spot shifts");
    List<Line> lines = new ArrayList<>();
    cashGammaUsd.forEach((name, y) -> lines.add(new Line(name, y)));
    return lines(title, "spot shift (% of index, every underlying)", "cash gamma (USD per 1% move)", spotShiftsPct,
        lines);
  }

  /**
   * The scenario grid as a heatmap: spot shifts across, volatility shifts up, each cell coloured by its P&amp;L on
   * a red–white–blue scale symmetric about 0 (red a loss) and labelled with it in thousands of USD.
   *
   * @param spotShiftsPct spot shifts, percent of the index
   * @param volShiftsPts volatility shifts, vol points
   * @param pnlUsd {@code pnlUsd[i][j]}: P&amp;L in USD at spot shift i and vol shift j, finite
   * @param title the chart's title
   * @return the chart image
   */
  public static BufferedImage heatmap(double[] spotShiftsPct, double[] volShiftsPts, double[][] pnlUsd,
      String title) {
    ArgChecker.isTrue(spotShiftsPct.length > 0 && volShiftsPts.length > 0, "the grid is empty");
    ArgChecker.isTrue(pnlUsd.length == spotShiftsPct.length, "P&L rows " + pnlUsd.length + " != spot shifts "
        + spotShiftsPct.length);
    int width = Math.max(WIDTH, 56 * spotShiftsPct.length + 260);
    // the builder initialises the heatmap styles (the plain constructor leaves its colours unset in XChart 3.8)
    HeatMapChart chart = new HeatMapChartBuilder().width(width).height(HEIGHT).build();
    chart.setTitle(title);
    chart.setXAxisTitle("spot shift (% of index)");
    chart.setYAxisTitle("vol shift (vol points)");
    List<String> x = new ArrayList<>();
    for (double s : spotShiftsPct) {
      x.add(signedNumber(s) + "%");
    }
    List<String> y = new ArrayList<>();
    for (double v : volShiftsPts) {
      y.add(signedNumber(v));
    }
    List<Number[]> cells = new ArrayList<>();
    double extreme = 0;
    for (int i = 0; i < spotShiftsPct.length; i++) {
      ArgChecker.isTrue(pnlUsd[i].length == volShiftsPts.length, "P&L row " + i + " has " + pnlUsd[i].length
          + " columns, expected " + volShiftsPts.length);
      for (int j = 0; j < volShiftsPts.length; j++) {
        double p = ArgChecker.finite(pnlUsd[i][j], "P&L at spot shift #" + i + ", vol shift #" + j);
        cells.add(new Number[] {i, j, p / 1000}); // thousands of USD: labels fit the cells
        extreme = Math.max(extreme, Math.abs(p));
      }
    }
    extreme = extreme > 0 ? niceCeil(extreme / 1000) : 1; // the legend's ends: two significant digits
    var styler = chart.getStyler();
    style(styler);
    styler.setRangeColors(DIVERGING);
    styler.setMin(-extreme);
    styler.setMax(extreme);
    styler.setShowValue(true);
    styler.setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    styler.setValueFontColor(Color.BLACK);
    styler.setHeatMapValueDecimalPattern(extreme >= 10 ? "0" : "0.0");
    styler.setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.addSeries("P&L (thousand USD)", x, y, cells);
    return BitmapEncoder.getBufferedImage(chart);
  }

  /**
   * Writes an image as PNG (created or replaced).
   *
   * @throws DataFileException naming the file when it cannot be written
   */
  public static void writePng(BufferedImage image, Path file) {
    ArgChecker.notNull(image, "image");
    ArgChecker.notNull(file, "file");
    try (OutputStream out = Files.newOutputStream(file)) {
      if (!ImageIO.write(image, "png", out)) {
        throw new DataFileException(file + ": cannot write the chart: no PNG writer in this Java runtime");
      }
    } catch (IOException e) {
      throw new DataFileException(file + ": cannot write the chart: " + e, e);
    }
  }

  /** The smallest number with two significant digits &ge; x &gt; 0 (568.65 → 570). */
  static double niceCeil(double x) {
    double scale = Math.pow(10, Math.floor(Math.log10(x)) - 1);
    return Math.ceil(x / scale - 1e-9) * scale;
  }

  private static String signedNumber(double v) {
    String s = v == Math.rint(v) ? String.format(Locale.ROOT, "%d", (long) v)
        : String.format(Locale.ROOT, "%s", stripZeros(v));
    return v > 0 ? "+" + s : s;
  }

  private static String stripZeros(double v) {
    String s = String.format(Locale.ROOT, "%.4f", v);
    while (s.endsWith("0")) {
      s = s.substring(0, s.length() - 1);
    }
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  private static void checkAxis(double[] x, String what) {
    ArgChecker.isTrue(x.length >= 2, what + ": at least 2 points are needed to draw a line, got " + x.length);
    for (int i = 0; i < x.length; i++) {
      ArgChecker.finite(x[i], what + " #" + i);
      if (i > 0 && !(x[i] > x[i - 1])) {
        throw new IllegalArgumentException(what + " must be ascending, got " + x[i - 1] + " then " + x[i]);
      }
    }
  }

  private static BufferedImage lines(String title, String xTitle, String yTitle, double[] x, List<Line> lines) {
    ArgChecker.isTrue(!lines.isEmpty(), "nothing to draw");
    XYChart chart = new XYChart(WIDTH, HEIGHT);
    chart.setTitle(title);
    chart.setXAxisTitle(xTitle);
    chart.setYAxisTitle(yTitle);
    var styler = chart.getStyler();
    style(styler);
    styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    styler.setLegendPosition(Styler.LegendPosition.OutsideS);
    styler.setLegendLayout(Styler.LegendLayout.Horizontal);
    styler.setMarkerSize(4);
    styler.setXAxisDecimalPattern("+0.#;-0.#");
    styler.setYAxisDecimalPattern("#,##0");
    double lo = 0;
    double hi = 0;
    for (Line line : lines) {
      ArgChecker.isTrue(line.y().length == x.length, line.name() + " has " + line.y().length + " points, expected "
          + x.length);
      XYSeries s = chart.addSeries(line.name(), x, line.y());
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setLineStyle(new BasicStroke(2f));
      for (double v : line.y()) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (lo < 0 && hi > 0) {
      XYSeries zero = chart.addSeries("zero", new double[] {x[0], x[x.length - 1]}, new double[] {0, 0});
      zero.setMarker(SeriesMarkers.NONE);
      zero.setLineColor(ZERO_LINE);
      zero.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f},
          0f));
      zero.setShowInLegend(false);
    }
    return BitmapEncoder.getBufferedImage(chart);
  }

  private static void style(AxesChartStyler styler) {
    ChartStyle.apply(styler, 14, 12, 11);
  }
}
