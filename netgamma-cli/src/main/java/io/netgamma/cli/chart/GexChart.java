package io.netgamma.cli.chart;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.risk.gex.GexProfile;
import io.netgamma.core.risk.gex.GexReport;
import io.netgamma.core.risk.gex.StrikeGex;
import io.netgamma.data.DataFileException;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A GEX report as one PNG image of two panels with the same spot axis (USD): on top the total GEX profile over the
 * spot range with the zero line, the current spot and the zero-gamma level; below, the call and put GEX of every
 * strike inside the range as bars (thin sticks from zero; calls just left of the strike, puts just right), the walls
 * marked. GEX in USD per 1% move of spot, scaled to thousands, millions or billions as the numbers need. Rendered
 * headless, like {@link SmileChart}. Stateless.
 */
public final class GexChart {

  static {
    // before XChart or any AWT class initialises the graphics environment
    System.setProperty("java.awt.headless", "true");
  }

  /** Width of the image, pixels. */
  public static final int WIDTH = 900;
  /** Height of one panel, pixels (the image is two panels high). */
  public static final int PANEL_HEIGHT = 430;

  private static final Color PROFILE = new Color(31, 119, 180);
  private static final Color CALLS = new Color(44, 160, 44);
  private static final Color PUTS = new Color(214, 39, 40);
  private static final Color ZERO = new Color(90, 90, 90);
  private static final Color SPOT = new Color(150, 150, 150);
  private static final Color FLIP = new Color(255, 127, 14);
  private static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
      new float[] {6f, 4f}, 0f);

  private GexChart() {
  }

  /**
   * Draws the report and writes it as a PNG (created or replaced).
   *
   * @param report the GEX report
   * @param file the PNG file
   * @throws DataFileException naming the file when it cannot be written
   */
  public static void writePng(GexReport report, Path file) {
    ArgChecker.notNull(file, "file");
    BufferedImage image = render(report);
    try (OutputStream out = Files.newOutputStream(file)) {
      if (!ImageIO.write(image, "png", out)) {
        throw new DataFileException(file + ": cannot write the chart: no PNG writer in this Java runtime");
      }
    } catch (IOException e) {
      throw new DataFileException(file + ": cannot write the chart: " + e, e);
    }
  }

  /**
   * Draws the two panels, profile above strikes.
   *
   * @param report the GEX report
   * @return the image, {@link #WIDTH} by {@code 2 × PANEL_HEIGHT} pixels
   */
  public static BufferedImage render(GexReport report) {
    ArgChecker.notNull(report, "report");
    Scale scale = Scale.of(report);
    BufferedImage image = new BufferedImage(WIDTH, 2 * PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.drawImage(BitmapEncoder.getBufferedImage(profileChart(report, scale)), 0, 0, null);
      g.drawImage(BitmapEncoder.getBufferedImage(strikeChart(report, scale)), 0, PANEL_HEIGHT, null);
    } finally {
      g.dispose();
    }
    return image;
  }

  /** The unit GEX is drawn in: USD, thousands, millions or billions per 1% move. */
  record Scale(double divisor, String label) {
    static Scale of(GexReport r) {
      double max = 0;
      for (double v : r.profile().gex()) {
        max = Math.max(max, Math.abs(v));
      }
      for (StrikeGex s : r.byStrike()) {
        max = Math.max(max, Math.max(Math.abs(s.callGex()), Math.abs(s.putGex())));
      }
      if (max >= 1e9) {
        return new Scale(1e9, "USD bn");
      } else if (max >= 1e6) {
        return new Scale(1e6, "USD m");
      } else if (max >= 1e3) {
        return new Scale(1e3, "USD k");
      }
      return new Scale(1, "USD");
    }
  }

  private static XYChart profileChart(GexReport r, Scale scale) {
    GexProfile p = r.profile();
    double lo = p.spot(0);
    double hi = p.spot(p.size() - 1);
    double[] y = p.gex();
    double yMin = 0;
    double yMax = 0;
    for (int i = 0; i < y.length; i++) {
      y[i] /= scale.divisor();
      yMin = Math.min(yMin, y[i]);
      yMax = Math.max(yMax, y[i]);
    }
    double pad = yMax > yMin ? 0.06 * (yMax - yMin) : 1;
    yMin -= pad;
    yMax += pad;
    String flip = r.zeroGamma().found()
        ? String.format(Locale.ROOT, "zero gamma %,.2f", r.zeroGamma().level().getAsDouble())
        : "no zero gamma in range";
    XYChart chart = chart(String.format(Locale.ROOT, "%s dealer GEX profile at %s  (dealers %s, %s; %s)",
        r.underlying(), r.valuation(), r.dealer().label(), r.volatilityRule().label(), flip),
        "GEX (" + scale.label() + " per 1% move of spot)", lo, hi);
    chart.getStyler().setYAxisMin(yMin);
    chart.getStyler().setYAxisMax(yMax);
    line(chart, "total GEX", p.spots(), y, PROFILE, new BasicStroke(2.2f));
    line(chart, "zero", new double[] {lo, hi}, new double[] {0, 0}, ZERO, new BasicStroke(1f));
    line(chart, String.format(Locale.ROOT, "spot %,.2f", r.spot()), new double[] {r.spot(), r.spot()},
        new double[] {yMin, yMax}, SPOT, DASHED);
    if (r.zeroGamma().found()) {
      double level = r.zeroGamma().level().getAsDouble();
      line(chart, flip, new double[] {level, level}, new double[] {yMin, yMax}, FLIP, new BasicStroke(1.8f));
    }
    return chart;
  }

  private static XYChart strikeChart(GexReport r, Scale scale) {
    GexProfile p = r.profile();
    double lo = p.spot(0);
    double hi = p.spot(p.size() - 1);
    double offset = 0.0015 * r.spot(); // calls just left of the strike, puts just right
    List<double[]> calls = new ArrayList<>();
    List<double[]> puts = new ArrayList<>();
    int outside = 0;
    for (StrikeGex s : r.byStrike()) {
      if (s.strike() < lo || s.strike() > hi) {
        outside++;
        continue;
      }
      stick(calls, s.strike() - offset, s.callGex() / scale.divisor());
      stick(puts, s.strike() + offset, s.putGex() / scale.divisor());
    }
    String title = "GEX by strike, all expiries" + (outside == 0 ? "" : " (" + outside + " strike"
        + (outside == 1 ? "" : "s") + " outside the range not shown)");
    XYChart chart = chart(title, "GEX (" + scale.label() + " per 1% move of spot)", lo, hi);
    if (!calls.isEmpty()) {
      line(chart, "calls", xs(calls), ys(calls), CALLS, new BasicStroke(3f));
      line(chart, "puts", xs(puts), ys(puts), PUTS, new BasicStroke(3f));
    }
    line(chart, "zero", new double[] {lo, hi}, new double[] {0, 0}, ZERO, new BasicStroke(1f)); // over the sticks' base
    r.callWall().filter(w -> w.strike() >= lo && w.strike() <= hi).ifPresent(w -> marker(chart,
        String.format(Locale.ROOT, "call wall %,.0f", w.strike()), w.strike() - offset, w.gex() / scale.divisor(),
        CALLS));
    r.putWall().filter(w -> w.strike() >= lo && w.strike() <= hi).ifPresent(w -> marker(chart,
        String.format(Locale.ROOT, "put wall %,.0f", w.strike()), w.strike() + offset, w.gex() / scale.divisor(),
        PUTS));
    return chart;
  }

  /** A stick from zero to {@code y} at {@code x}, as three points of one polyline running along the zero line. */
  private static void stick(List<double[]> points, double x, double y) {
    points.add(new double[] {x, 0});
    points.add(new double[] {x, y});
    points.add(new double[] {x, 0});
  }

  private static double[] xs(List<double[]> points) {
    return points.stream().mapToDouble(a -> a[0]).toArray();
  }

  private static double[] ys(List<double[]> points) {
    return points.stream().mapToDouble(a -> a[1]).toArray();
  }

  private static XYChart chart(String title, String yTitle, double lo, double hi) {
    XYChart chart = new XYChart(WIDTH, PANEL_HEIGHT);
    chart.setTitle(title);
    chart.setXAxisTitle("spot / strike (USD)");
    chart.setYAxisTitle(yTitle);
    var styler = chart.getStyler();
    ChartStyle.apply(styler, 12, 11, 10);
    styler.setLegendPosition(Styler.LegendPosition.OutsideS);
    styler.setLegendLayout(Styler.LegendLayout.Horizontal);
    styler.setXAxisDecimalPattern("#,##0");
    styler.setYAxisDecimalPattern("#,##0.##");
    styler.setXAxisMin(lo);
    styler.setXAxisMax(hi);
    styler.setMarkerSize(9);
    return chart;
  }

  private static void line(XYChart chart, String name, double[] x, double[] y, Color color, BasicStroke stroke) {
    XYSeries s = chart.addSeries(name, x, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(color);
    s.setLineStyle(stroke);
  }

  private static void marker(XYChart chart, String name, double x, double y, Color color) {
    XYSeries s = chart.addSeries(name, new double[] {x}, new double[] {y});
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    Marker marker = SeriesMarkers.DIAMOND;
    s.setMarker(marker);
    s.setMarkerColor(color.darker());
  }
}
