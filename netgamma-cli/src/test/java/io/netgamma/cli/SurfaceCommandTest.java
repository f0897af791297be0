package io.netgamma.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.cli.chart.SmileChart;
import io.netgamma.core.instrument.OptionType;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.pricing.Black76;
import io.netgamma.data.sample.SampleChainGenerator;
import io.netgamma.data.tardis.TardisChainReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SurfaceCommandTest {

  static final Path SAMPLE = Path.of("..", "samples", "btc-options-chain.csv");
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final List<String> COLUMNS = TardisChainReader.TARDIS_COLUMNS;

  record Run(int code, String out, String err) {
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  /** The data lines of a chain file (no header). */
  static List<String> dataLines(Path file) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.removeFirst();
    return lines;
  }

  static String field(String line, String column) {
    return line.split(",", -1)[COLUMNS.indexOf(column)];
  }

  static String with(String line, String column, String value) {
    String[] f = line.split(",", -1);
    f[COLUMNS.indexOf(column)] = value;
    return String.join(",", f);
  }

  static Path write(Path dir, String name, List<String> lines) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, String.join(",", COLUMNS) + "\n" + String.join("\n", lines) + "\n");
    return file;
  }

  static Instant micros(String text) {
    long us = Long.parseLong(text);
    return Instant.ofEpochSecond(us / 1_000_000, (us % 1_000_000) * 1000);
  }

  /** The fitted SVI vol (fraction) of a JSON expiry at log-moneyness k. */
  static double sviVol(JsonNode expiry, double k) {
    JsonNode p = expiry.get("params");
    double x = k - p.get("m").asDouble();
    double s = p.get("sigma").asDouble();
    double w = p.get("a").asDouble() + p.get("b").asDouble() * (p.get("rho").asDouble() * x + Math.sqrt(x * x + s * s));
    return Math.sqrt(w / expiry.get("t").asDouble());
  }

  @Test
  void jsonOfTheSampleChainHasEveryExpiryAndItsRmseIsReproducibleFromItsParameters() throws IOException {
    Run r = run("surface", "--chain", SAMPLE.toString(), "--json");
    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_OK);
    assertThat(r.out().lines().count()).isEqualTo(1);
    JsonNode root = JSON.readTree(r.out());
    List<String> rows = dataLines(SAMPLE);
    assertThat(root.get("rows_read").asLong()).isEqualTo(200);
    assertThat(root.get("rows_rejected").asLong()).isZero();
    assertThat(root.get("rows_superseded").asLong()).isZero();
    assertThat(root.get("quotes_used").asLong()).isEqualTo(200);
    // the snapshot instant is the latest row timestamp
    Instant latest = rows.stream().map(l -> micros(field(l, "timestamp"))).max(Instant::compareTo).orElseThrow();
    Instant valuation = Instant.parse(root.get("timestamp").asString());
    assertThat(valuation).isEqualTo(latest.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    Map<Instant, List<String>> byExpiry = rows.stream().collect(Collectors.groupingBy(
        l -> micros(field(l, "expiration")), LinkedHashMap::new, Collectors.toList()));
    JsonNode expiries = root.get("expiries");
    assertThat(expiries).hasSize(12);
    assertThat(root.get("surfaces")).singleElement().satisfies(s -> {
      assertThat(s.get("underlying").asString()).isEqualTo("BTC");
      assertThat(s.get("calendar_arbitrage").asBoolean()).isFalse();
      assertThat(s.get("calendar_violations")).isEmpty();
      assertThat(s.get("skipped_expiries")).isEmpty();
    });
    for (JsonNode e : expiries) {
      Instant expiration = Instant.parse(e.get("expiration").asString());
      assertThat(expiration.toString()).endsWith("T08:00:00Z");
      List<String> mine = byExpiry.get(expiration);
      assertThat(e.get("quotes").asInt()).isEqualTo(mine.size());
      assertThat(e.get("rejected").asInt()).isZero();
      assertThat(e.get("rejected_quotes")).isEmpty();
      assertThat(e.get("butterfly_arbitrage").isBoolean()).isTrue();
      assertThat(e.get("butterfly_arbitrage").asBoolean()).as(e.toString()).isFalse();
      assertThat(e.get("calendar_arbitrage").asBoolean()).isFalse();
      assertThat(e.get("params").propertyNames()).containsExactly("a", "b", "rho", "m", "sigma");
      double t = e.get("t").asDouble();
      assertThat(t).isEqualTo(YearFraction.act365(valuation, expiration));
      assertThat(e.get("days").asDouble()).isCloseTo(t * 365, within(1e-12));
      // the reported RMSE is the fit's vega-weighted error against the mark IVs, restated at the snapshot instant at
      // equal total variance, each at k = ln(K / its own forward), each weighted by its Black-76 vega at its own IV
      // (SviFit): recompute it from the CSV and the reported parameters
      double sum2 = 0;
      double vsum2 = 0;
      double vsum = 0;
      for (String l : mine) {
        double tRow = YearFraction.act365(micros(field(l, "timestamp")), expiration);
        double iv = Double.parseDouble(field(l, "mark_iv")) / 100 * Math.sqrt(tRow / t);
        double k = Math.log(Double.parseDouble(field(l, "strike_price"))
            / Double.parseDouble(field(l, "underlying_price")));
        double err = sviVol(e, k) - iv;
        double s = iv * Math.sqrt(t);
        double d1 = -k / s + 0.5 * s;
        double vega = Math.sqrt(t) * Math.exp(-0.5 * d1 * d1) / Math.sqrt(2 * Math.PI);
        sum2 += err * err;
        vsum2 += vega * err * err;
        vsum += vega;
      }
      double rmse = 100 * Math.sqrt(sum2 / mine.size());
      assertThat(e.get("rmse_vol_points").asDouble()).isCloseTo(100 * Math.sqrt(vsum2 / vsum), within(1e-9));
      assertThat(e.get("atm_iv").asDouble()).isCloseTo(sviVol(e, 0.0), within(1e-14));
      // the sample is generated from a smooth smile and rounded as Deribit rounds: SVI fits it well within a
      // tenth of a vol point
      assertThat(rmse).isLessThan(0.1);
      // the forward is the median underlying_price of the expiry's rows
      double[] fwd = mine.stream().mapToDouble(l -> Double.parseDouble(field(l, "underlying_price"))).sorted()
          .toArray();
      double median = fwd.length % 2 == 1 ? fwd[fwd.length / 2] : 0.5 * (fwd[fwd.length / 2 - 1] + fwd[fwd.length / 2]);
      assertThat(e.get("forward").asDouble()).isEqualTo(median);
    }
    assertThat(r.err().lines().toList().getLast()).startsWith("200 rows read, 200 quotes used in 12 expiry fits, "
        + "0 rejected; fitted in ");
  }

  @Test
  void tableHasUnitsOneAlignedLinePerExpiryAndTheCalendarCheck(@TempDir Path dir) throws IOException {
    Path png = dir.resolve("smiles.png");
    Run r = run("surface", "--chain", SAMPLE.toString(), "--png", png.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_OK);
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).startsWith("expiry").contains("days", "quotes", "rejected", " a ", " b ", "rho", " m ",
        "sigma", "atm_iv", "rmse", "butterfly", "calendar");
    assertThat(lines.get(1)).contains("08:00 UTC", "used", "(w)", "(w per k)", "(k)", "(%)", "(vol pt)");
    List<String> table = lines.subList(2, 14);
    assertThat(table).allSatisfy(l -> {
      assertThat(l).hasSameSizeAs(lines.get(0)).startsWith("BTC-");
      assertThat(l.trim()).endsWith("ok        ok");
    });
    assertThat(table.get(0)).startsWith("BTC-3JUN25 ");
    assertThat(table.get(11)).startsWith("BTC-27MAR26 ");
    assertThat(lines.get(14)).startsWith("BTC: no calendar arbitrage on k in [");
    assertThat(lines).hasSize(15);
    // the PNG: one 600 x 420 panel per expiry, 3 columns
    assertThat(png).isNotEmptyFile();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(3 * SmileChart.PANEL_WIDTH);
    assertThat(image.getHeight()).isEqualTo(4 * SmileChart.PANEL_HEIGHT);
    assertThat(distinctColours(image)).as("a drawn chart, not a blank image").isGreaterThan(50);
    assertThat(r.err()).contains("smiles drawn to " + png);
  }

  static int distinctColours(BufferedImage image) {
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }

  /**
   * The sample chain with one of each problem: a bad number, an expired option, a mark inconsistent with its own
   * IV, crossed bid/ask IVs, a stale quote 15 vol points above the smile (mark price consistent with it), and an
   * older duplicate row.
   */
  @Test
  void badRowsAreCountedAndEachSetAsideQuoteIsReportedWithItsReason(@TempDir Path dir) throws IOException {
    List<String> lines = dataLines(SAMPLE);
    Map<String, Integer> at = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      at.put(field(lines.get(i), "symbol"), i);
    }
    String badNumber = "BTC-26DEC25-100000-C";
    String expired = "BTC-3JUN25-100000-P";
    String inconsistent = "BTC-27JUN25-110000-C";
    String crossed = "BTC-25JUL25-110000-P";
    String stale = "BTC-26SEP25-150000-P";
    String duplicated = "BTC-13JUN25-105000-C";
    assertThat(at).containsKeys(badNumber, expired, inconsistent, crossed, stale, duplicated);
    lines.set(at.get(badNumber), with(lines.get(at.get(badNumber)), "mark_iv", "abc"));
    String exp = lines.get(at.get(expired));
    String after = Long.toString(Instant.parse("2025-06-03T09:00:00Z").toEpochMilli() * 1000);
    lines.set(at.get(expired), with(with(exp, "timestamp", after), "local_timestamp", after));
    String inc = lines.get(at.get(inconsistent));
    lines.set(at.get(inconsistent), with(inc, "mark_price", String.format(Locale.ROOT, "%.8f",
        1.5 * Double.parseDouble(field(inc, "mark_price")))));
    String cr = lines.get(at.get(crossed));
    lines.set(at.get(crossed), with(with(cr, "bid_iv", field(cr, "ask_iv")), "ask_iv", field(cr, "bid_iv")));
    assertThat(Double.parseDouble(field(lines.get(at.get(crossed)), "bid_iv")))
        .isGreaterThan(Double.parseDouble(field(lines.get(at.get(crossed)), "ask_iv")));
    lines.set(at.get(stale), stale(lines.get(at.get(stale)), 15.0));
    String dup = lines.get(at.get(duplicated));
    long earlier = Long.parseLong(field(dup, "timestamp")) - 60_000_000L;
    lines.add(with(with(dup, "timestamp", Long.toString(earlier)), "local_timestamp", Long.toString(earlier)));
    Path file = write(dir, "chain.csv", lines);

    Run r = run("surface", "--chain", file.toString(), "--json");
    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_OK);
    JsonNode root = JSON.readTree(r.out());
    assertThat(root.get("rows_read").asLong()).isEqualTo(201);
    assertThat(root.get("rows_superseded").asLong()).isEqualTo(1);
    JsonNode reasons = root.get("rejected_by_reason");
    assertThat(reasons.propertyNames()).containsExactlyInAnyOrder("bad number", "expired", "inconsistent mark",
        "outlier");
    reasons.forEach(n -> assertThat(n.asLong()).isEqualTo(1));
    assertThat(root.get("rows_rejected").asLong()).isEqualTo(4);
    // every row is accounted for
    assertThat(root.get("quotes_used").asLong() + root.get("rows_rejected").asLong()
        + root.get("rows_superseded").asLong()).isEqualTo(root.get("rows_read").asLong());
    Map<String, JsonNode> byExpiry = new HashMap<>();
    root.get("expiries").forEach(e -> byExpiry.put(e.get("expiry").asString(), e));
    assertThat(byExpiry).hasSize(12);
    assertThat(byExpiry.get("BTC-27JUN25").get("rejected").asInt()).isEqualTo(1);
    assertThat(byExpiry.get("BTC-27JUN25").get("rejected_quotes")).singleElement().satisfies(q -> {
      assertThat(q.get("symbol").asString()).isEqualTo(inconsistent);
      assertThat(q.get("reason").asString()).isEqualTo("inconsistent mark");
      assertThat(q.get("line").asLong()).isEqualTo(at.get(inconsistent) + 2);
    });
    assertThat(byExpiry.get("BTC-26SEP25").get("rejected_quotes")).singleElement().satisfies(q -> {
      assertThat(q.get("symbol").asString()).isEqualTo(stale);
      assertThat(q.get("reason").asString()).isEqualTo("outlier");
      assertThat(q.get("detail").asString()).contains("residual -1"); // fitted minus quoted: about -15 vol points
    });
    JsonNode jul = byExpiry.get("BTC-25JUL25");
    assertThat(jul.get("crossed_bid_ask").asInt()).isEqualTo(1);
    assertThat(root.get("crossed_bid_ask").asInt()).isEqualTo(1);
    assertThat(jul.get("quotes").asInt()).isEqualTo(16); // the crossed quote is kept
    assertThat(byExpiry.get("BTC-3JUN25").get("quotes").asInt()).isEqualTo(17);
    assertThat(byExpiry.get("BTC-26DEC25").get("quotes").asInt()).isEqualTo(15);
    assertThat(byExpiry.get("BTC-13JUN25").get("quotes").asInt()).isEqualTo(16);
    assertThat(r.err()).contains(file + ":" + (at.get(badNumber) + 2) + ": skipped: field 'mark_iv' = 'abc'");
    assertThat(r.err()).contains(file + ":" + (at.get(expired) + 2) + ": skipped: " + expired + " has expired");
    assertThat(r.err()).contains(file + ":" + (at.get(inconsistent) + 2) + ": set aside: " + inconsistent
        + " (inconsistent mark): mark_price");
    assertThat(r.err()).contains(file + ":" + (at.get(stale) + 2) + ": set aside: " + stale + " (outlier): residual");
    assertThat(r.err().lines().toList().getLast()).startsWith("201 rows read, 196 quotes used in 12 expiry fits, "
        + "4 rejected (1 expired, 1 bad number, 1 inconsistent mark, 1 outlier), 1 superseded by a later row, 1 with "
        + "crossed bid/ask IVs (kept without their width); fitted in ");
  }

  /** The row with its IVs raised by {@code volPoints} and its mark price repriced consistently. */
  static String stale(String line, double volPoints) {
    double f = Double.parseDouble(field(line, "underlying_price"));
    double k = Double.parseDouble(field(line, "strike_price"));
    double t = YearFraction.act365(micros(field(line, "timestamp")), micros(field(line, "expiration")));
    double iv = Double.parseDouble(field(line, "mark_iv")) + volPoints;
    OptionType type = field(line, "type").equals("call") ? OptionType.CALL : OptionType.PUT;
    double mark = Black76.DEFAULT.price(type, f, k, t, iv / 100) / f;
    String out = with(line, "mark_iv", String.format(Locale.ROOT, "%.2f", iv));
    out = with(out, "mark_price", String.format(Locale.ROOT, "%.8f", mark));
    for (String side : new String[] {"bid_iv", "ask_iv"}) {
      String v = field(line, side);
      if (!v.isEmpty() && Double.parseDouble(v) > 0) {
        out = with(out, side, String.format(Locale.ROOT, "%.2f", Double.parseDouble(v) + volPoints));
      }
    }
    return out;
  }

  @Test
  void eachUnderlyingGetsItsOwnSurfaceAndUnderlyingSelectsOne(@TempDir Path dir) throws IOException {
    Path eth = dir.resolve("eth.csv");
    SampleChainGenerator.write(SampleChainGenerator.Spec.defaults("ETH"), eth);
    List<String> lines = dataLines(SAMPLE);
    lines.addAll(dataLines(eth));
    Path both = write(dir, "both.csv", lines);

    JsonNode all = JSON.readTree(run("surface", "--chain", both.toString(), "--json").out());
    assertThat(all.get("surfaces")).extracting(s -> s.get("underlying").asString()).containsExactly("BTC", "ETH");
    assertThat(all.get("expiries")).hasSize(24);
    assertThat(all.get("quotes_used").asLong()).isEqualTo(lines.size());

    Run r = run("surface", "--chain", both.toString(), "--json", "--underlying", "eth");
    assertThat(r.code()).isEqualTo(Main.EXIT_OK);
    JsonNode only = JSON.readTree(r.out());
    assertThat(only.get("expiries")).hasSize(12).allSatisfy(e -> assertThat(e.get("underlying").asString())
        .isEqualTo("ETH"));
    assertThat(only.get("rejected_by_reason").get("other underlying").asLong()).isEqualTo(200);
    // the ETH fits do not depend on the BTC rows
    JsonNode ethAlone = JSON.readTree(run("surface", "--chain", eth.toString(), "--json").out());
    assertThat(only.get("expiries").toString()).isEqualTo(ethAlone.get("expiries").toString());

    Run none = run("surface", "--chain", SAMPLE.toString(), "--underlying", "ETH");
    assertThat(none.code()).isEqualTo(Main.EXIT_NOTHING_PROCESSED);
    assertThat(none.err()).contains("no ETH option in " + SAMPLE + " (have: [BTC])");
  }

  @Test
  void exitCodes(@TempDir Path dir) throws IOException {
    Run missing = run("surface", "--chain", dir.resolve("nope.csv").toString());
    assertThat(missing.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(missing.err()).contains("nope.csv: no such file");

    Run noChain = run("surface", "--json");
    assertThat(noChain.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(noChain.err()).contains("--chain");

    List<String> lines = dataLines(SAMPLE);
    Path allBad = write(dir, "bad.csv", lines.stream().limit(3).map(l -> with(l, "mark_iv", "x")).toList());
    Run bad = run("surface", "--chain", allBad.toString());
    assertThat(bad.code()).isEqualTo(Main.EXIT_NOTHING_PROCESSED);
    assertThat(bad.out()).isEmpty();
    assertThat(bad.err().lines().toList().getLast()).startsWith("3 rows read, 0 quotes used in 0 expiry fits, "
        + "3 rejected (3 bad number)");

    // every expiry has fewer than 5 strikes: nothing can be fitted, and the reason is given
    Path few = write(dir, "few.csv", lines.stream().filter(l -> field(l, "symbol").startsWith("BTC-3JUN25-"))
        .limit(6).toList());
    Path png = dir.resolve("few.png");
    Run r = run("surface", "--chain", few.toString(), "--png", png.toString());
    assertThat(r.code()).isEqualTo(Main.EXIT_NOTHING_PROCESSED);
    assertThat(r.out()).contains("BTC: no surface: no expiry of BTC could be fitted");
    assertThat(r.err()).contains("(expiry not fitted)", "no smile to draw: " + png + " not written");
    assertThat(png).doesNotExist();

    Run unwritable = run("surface", "--chain", SAMPLE.toString(), "--png", dir.resolve("no/such/dir.png")
        .toString());
    assertThat(unwritable.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(unwritable.err()).contains("dir.png: cannot write the chart");
  }
}
