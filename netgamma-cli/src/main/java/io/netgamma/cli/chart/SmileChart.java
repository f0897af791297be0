package io.netgamma.cli.chart;

import io.netgamma.core.base.ArgChecker;
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
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Volatility smiles, market against fitted, one panel per expiry, as one PNG image (a grid of panels, at most
 * {@value #MAX_COLUMNS} columns, a legend under each). Implied volatilities in percent on the y axis, strikes in USD
 * on the x axis (as on Deribit's smile chart). Rendered off-screen: AWT runs headless (the class sets
 * {@code java.awt.headless=true} before any AWT class is used), so it works on servers without a display.
 * Stateless.
 */
public final class SmileChart {

  static {
    // before XChart or any AWT class initialises the graphics environment
    System.setProperty("java.awt.headless", "true");
  }

  /** Width of one panel, pixels. */
  public static final int PANEL_WIDTH = 600;
  /** Height of one panel, pixels. */
  public static final int PANEL_HEIGHT = 420;
  /** Most panels side by side. */
  public static final int MAX_COLUMNS = 3;

  private static final Color MARKET = new Color(31, 119, 180);
  private static final Color BID_ASK = new Color(150, 150, 150);
  private static final Color REJECTED = new Color(214, 39, 40);
  private static final Color FITTED = new Color(255, 127, 14);

  private SmileChart() {
  }

  /**
   * Points of one series.
   *
   * @param x strikes, USD per coin, &gt; 0
   * @param y implied volatilities, percent, finite
   */
  public record Points(double[] x, double[] y) {

    /** Validates and copies. */
    public Points {
      ArgChecker.sameLength(x.length, "x, y", x, y);
      x = x.clone();
      y = y.clone();
      for (int i = 0; i < x.length; i++) {
        ArgChecker.positive(x[i], "strike #" + i);
        ArgChecker.finite(y[i], "implied volatility #" + i);
      }
    }

    /** Number of points. */
    public int size() {
      return x.length;
    }
  }

  /**
   * One expiry's panel.
   *
   * @param title the panel's title (expiry, fit quality)
   * @param market mark IVs used in the fit (dots)
   * @param bid their bid IVs (upward triangles; drawn only within the panel's IV range)
   * @param ask their ask IVs (downward triangles; drawn only within the panel's IV range)
   * @param rejected quotes set aside (crosses)
   * @param fitted the fitted smile (a line)
   */
  public record Panel(String title, Points market, Points bid, Points ask, Points rejected, Points fitted) {

    /** Checks for nulls. */
    public Panel {
      ArgChecker.notNull(title, "title");
      ArgChecker.notNull(market, "market");
      ArgChecker.notNull(bid, "bid");
      ArgChecker.notNull(ask, "ask");
      ArgChecker.notNull(rejected, "rejected");
      ArgChecker.notNull(fitted, "fitted");
    }
  }

  /**
   * Draws the panels and writes them as one PNG (created or replaced).
   *
   * @param panels at least one panel
   * @param file the PNG file
   * @throws DataFileException naming the file when it cannot be written
   */
  public static void writePng(List<Panel> panels, Path file) {
    ArgChecker.notNull(file, "file");
    BufferedImage image = render(panels);
    try (OutputStream out = Files.newOutputStream(file)) {
      if (!ImageIO.write(image, "png", out)) {
        throw new DataFileException(file + ": cannot write the chart: no PNG writer in this Java runtime");
      }
    } catch (IOException e) {
      throw new DataFileException(file + ": cannot write the chart: " + e, e);
    }
  }

  /**
   * Draws the panels in a grid, row by row.
   *
   * @param panels at least one panel
   * @return the image, {@code columns × PANEL_WIDTH} by {@code rows × PANEL_HEIGHT} pixels
   */
  public static BufferedImage render(List<Panel> panels) {
    ArgChecker.notNull(panels, "panels");
    ArgChecker.isTrue(!panels.isEmpty(), "no smiles to draw");
    int columns = Math.min(MAX_COLUMNS, panels.size());
    int rows = (panels.size() + columns - 1) / columns;
    BufferedImage image = new BufferedImage(columns * PANEL_WIDTH, rows * PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      for (int i = 0; i < panels.size(); i++) {
        BufferedImage panel = BitmapEncoder.getBufferedImage(chart(panels.get(i)));
        g.drawImage(panel, (i % columns) * PANEL_WIDTH, (i / columns) * PANEL_HEIGHT, null);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private static XYChart chart(Panel p) {
    XYChart chart = new XYChart(PANEL_WIDTH, PANEL_HEIGHT);
    chart.setTitle(p.title());
    chart.setXAxisTitle("strike (USD)");
    chart.setYAxisTitle("implied volatility (%)");
    var styler = chart.getStyler();
    styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    ChartStyle.apply(styler, 13, 11, 10);
    styler.setLegendPosition(Styler.LegendPosition.OutsideS);
    styler.setLegendLayout(Styler.LegendLayout.Horizontal);
    styler.setMarkerSize(6);
    styler.setXAxisDecimalPattern("#,##0");
    styler.setYAxisDecimalPattern("0.#");
    // IV range from what matters (marks, rejected marks, fit); bid/ask only where they fall inside it
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    double xLo = Double.POSITIVE_INFINITY;
    double xHi = Double.NEGATIVE_INFINITY;
    for (Points s : new Points[] {p.market(), p.rejected(), p.fitted()}) {
      for (int i = 0; i < s.size(); i++) {
        lo = Math.min(lo, s.y()[i]);
        hi = Math.max(hi, s.y()[i]);
        xLo = Math.min(xLo, s.x()[i]);
        xHi = Math.max(xHi, s.x()[i]);
      }
    }
    if (lo <= hi) {
      double pad = Math.max(0.08 * (hi - lo), 0.5);
      lo = Math.max(0, lo - pad);
      hi = hi + pad;
      styler.setYAxisMin(lo);
      styler.setYAxisMax(hi);
      styler.setXAxisMin(xLo);
      styler.setXAxisMax(xHi);
    }
    add(chart, "fitted SVI", p.fitted(), FITTED, SeriesMarkers.NONE, XYSeries.XYSeriesRenderStyle.Line);
    add(chart, "bid IV", within(p.bid(), lo, hi), BID_ASK, SeriesMarkers.TRIANGLE_UP, null);
    add(chart, "ask IV", within(p.ask(), lo, hi), BID_ASK, SeriesMarkers.TRIANGLE_DOWN, null);
    add(chart, "mark IV (used)", p.market(), MARKET, SeriesMarkers.CIRCLE, null);
    add(chart, "rejected", p.rejected(), REJECTED, SeriesMarkers.CROSS, null);
    return chart;
  }

  private static void add(XYChart chart, String name, Points points, Color color,
      org.knowm.xchart.style.markers.Marker marker, XYSeries.XYSeriesRenderStyle style) {
    if (points.size() == 0) {
      return; // XChart rejects empty series; the legend then omits it
    }
    XYSeries s = chart.addSeries(name, points.x(), points.y());
    s.setMarker(marker);
    s.setMarkerColor(color);
    if (style != null) {
      s.setXYSeriesRenderStyle(style);
      s.setLineColor(color);
      s.setLineStyle(new BasicStroke(2f));
    }
  }

  private static Points within(Points p, double lo, double hi) {
    List<double[]> kept = new ArrayList<>();
    for (int i = 0; i < p.size(); i++) {
      if (p.y()[i] >= lo && p.y()[i] <= hi) {
        kept.add(new double[] {p.x()[i], p.y()[i]});
      }
    }
    double[] x = new double[kept.size()];
    double[] y = new double[kept.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = kept.get(i)[0];
      y[i] = kept.get(i)[1];
    }
    return new Points(x, y);
  }
}
