package io.netgamma.cli;

import static io.netgamma.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.cli.chart.GexChart;
import io.netgamma.core.instrument.OptionType;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.pricing.Black76;
import io.netgamma.data.tardis.TardisChainReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GexCommandTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String HEADER = String.join(",", TardisChainReader.TARDIS_COLUMNS);
  /** 2020-05-21T23:21:03.258Z, the valuation instant of the small chains (the latest row timestamp). */
  static final Instant NOW = Instant.parse("2020-05-21T23:21:03.258Z");
  static final Instant JUN26 = Instant.parse("2020-06-26T08:00:00Z");
  static final Instant MAY29 = Instant.parse("2020-05-29T08:00:00Z");
  static final Instant MAY22 = Instant.parse("2020-05-22T08:00:00Z");

  static long micros(Instant i) {
    return i.getEpochSecond() * 1_000_000 + i.getNano() / 1000;
  }

  static String date(Instant expiry) {
    return switch (expiry.toString()) {
      case "2020-06-26T08:00:00Z" -> "26JUN20";
      case "2020-05-29T08:00:00Z" -> "29MAY20";
      case "2020-05-22T08:00:00Z" -> "22MAY20";
      default -> throw new IllegalArgumentException(expiry.toString());
    };
  }

  /**
   * One Tardis row, priced consistently: the mark in coin is Black-76 of the IV and forward at the row's timestamp.
   *
   * @param oi open interest in coins, or null for an empty cell
   * @param ivPercent mark IV in percent
   */
  static String row(String coin, OptionType type, double strike, Instant expiry, Instant timestamp, Double oi,
      double ivPercent, double forward) {
    String symbol = coin + "-" + date(expiry) + "-" + (long) strike + "-" + type.code();
    double t = YearFraction.act365(timestamp, expiry);
    double markCoin = t > 0 ? Black76.DEFAULT.price(type, forward, strike, t, ivPercent / 100) / forward : 0;
    String index = coin + "-" + date(expiry);
    return String.join(",", "deribit", symbol, Long.toString(micros(timestamp)), Long.toString(micros(timestamp)),
        type == OptionType.CALL ? "call" : "put", Double.toString(strike), Long.toString(micros(expiry)),
        oi == null ? "" : Double.toString(oi), "", "", "", "", "", "", "",
        String.format(Locale.ROOT, "%.8f", markCoin), Double.toString(ivPercent), index, Double.toString(forward),
        "", "", "", "", "");
  }

  static Path write(Path dir, String name, List<String> rows) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, HEADER + "\n" + String.join("\n", rows) + "\n");
    return file;
  }

  /** Put-heavy below 9,000, call-heavy above: under the default convention GEX crosses zero between. */
  static List<String> skewedRows() {
    double f = 9_050;
    double f2 = 9_120;
    return new ArrayList<>(List.of(
        row("BTC", OptionType.PUT, 7_500, JUN26, NOW, 900.0, 88, f2),
        row("BTC", OptionType.PUT, 8_000, MAY29, NOW, 1_400.0, 80, f),
        row("BTC", OptionType.PUT, 8_500, MAY29, NOW, 1_600.0, 76, f),
        row("BTC", OptionType.CALL, 9_000, MAY29, NOW, 300.0, 74, f),
        row("BTC", OptionType.PUT, 9_000, MAY29, NOW, 250.0, 74, f),
        row("BTC", OptionType.CALL, 9_500, MAY29, NOW, 1_500.0, 72, f),
        row("BTC", OptionType.CALL, 10_000, MAY29, NOW, 2_000.0, 73, f),
        row("BTC", OptionType.CALL, 11_000, JUN26, NOW, 1_100.0, 78, f2)));
  }

  /** Total GEX at a spot level from Black-76 directly: Γ_F(F')·F'²·OI/100 per option, F' = F·level/spot. */
  static double reference(double level, double spot) {
    double[][] options = {
        {-1, 7_500, 900, 0.88, 9_120}, {-1, 8_000, 1_400, 0.80, 9_050}, {-1, 8_500, 1_600, 0.76, 9_050},
        {1, 9_000, 300, 0.74, 9_050}, {-1, 9_000, 250, 0.74, 9_050}, {1, 9_500, 1_500, 0.72, 9_050},
        {1, 10_000, 2_000, 0.73, 9_050}, {1, 11_000, 1_100, 0.78, 9_120}};
    double sum = 0;
    for (double[] o : options) {
      Instant expiry = o[4] == 9_120 ? JUN26 : MAY29;
      double t = YearFraction.act365(NOW.toEpochMilli(), expiry.toEpochMilli());
      double fwd = o[4] * level / spot;
      double gamma = Black76.DEFAULT.greeks(o[0] > 0 ? OptionType.CALL : OptionType.PUT, fwd, o[1], t, o[3]).gamma();
      sum += o[0] * gamma * fwd * fwd * o[2] / 100;
    }
    return sum;
  }

  @Test
  void jsonHasTheContractKeysAndTheFlipIsTheRootOfTheProfile(@TempDir Path dir) throws IOException {
    Path file = write(dir, "chain.csv", skewedRows());
    CliRun r = run("gex", "--chain", file.toString(), "--json", "--spot", "9000");
    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_OK);
    assertThat(r.out().lines().count()).isEqualTo(1);
    JsonNode root = JSON.readTree(r.out());
    assertThat(root.propertyNames()).contains("by_strike", "profile", "zero_gamma", "call_wall", "put_wall",
        "by_expiry", "total_gex", "dealer", "spot", "options");
    assertThat(root.get("underlying").asString()).isEqualTo("BTC");
    assertThat(root.get("timestamp").asString()).isEqualTo(NOW.toString());
    assertThat(root.get("spot").asDouble()).isEqualTo(9_000);
    assertThat(root.get("spot_source").asString()).isEqualTo("--spot");
    assertThat(root.get("dealer").asString()).isEqualTo("long-calls-short-puts");
    assertThat(root.get("units").asString()).isEqualTo("USD per 1% move of spot");
    // by strike: ascending, and the strikes' net GEX adds up to the total
    JsonNode byStrike = root.get("by_strike");
    assertThat(byStrike).hasSize(7);
    double sum = 0;
    double previous = 0;
    for (JsonNode s : byStrike) {
      assertThat(s.propertyNames()).contains("strike", "call_gex", "put_gex", "net_gex", "call_open_interest",
          "put_open_interest");
      assertThat(s.get("strike").asDouble()).isGreaterThan(previous);
      previous = s.get("strike").asDouble();
      assertThat(s.get("net_gex").asDouble()).isEqualTo(s.get("call_gex").asDouble() + s.get("put_gex").asDouble());
      sum += s.get("net_gex").asDouble();
    }
    double total = root.get("total_gex").asDouble();
    assertThat(sum).isCloseTo(total, within(1e-9 * Math.abs(root.get("call_gex").asDouble())));
    assertThat(total).isCloseTo(reference(9_000, 9_000), within(1e-9 * Math.abs(total)));
    // the profile: 81 levels over ±20%, each the full revaluation
    JsonNode profile = root.get("profile");
    assertThat(profile).hasSize(81);
    assertThat(profile.get(0).get("spot").asDouble()).isCloseTo(7_200, within(1e-9));
    assertThat(profile.get(80).get("spot").asDouble()).isCloseTo(10_800, within(1e-9));
    for (JsonNode p : profile) {
      assertThat(p.propertyNames()).containsExactly("spot", "gex");
      double level = p.get("spot").asDouble();
      double expected = reference(level, 9_000);
      assertThat(p.get("gex").asDouble()).isCloseTo(expected, within(1e-9 * Math.abs(expected) + 1e-3));
    }
    assertThat(profile.get(0).get("gex").asDouble()).isNegative();
    assertThat(profile.get(80).get("gex").asDouble()).isPositive();
    // zero gamma: a number between the put-heavy and call-heavy strikes, where the revalued total is zero
    assertThat(root.get("zero_gamma").isNumber()).isTrue();
    double flip = root.get("zero_gamma").asDouble();
    assertThat(flip).isBetween(8_500.0, 9_500.0);
    double lo = 7_200;
    double hi = 10_800;
    while (hi - lo > 1e-9 * hi) { // bisection on the reference
      double mid = 0.5 * (lo + hi);
      if (reference(mid, 9_000) < 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    assertThat(flip).isCloseTo(lo, within(1e-6 * flip));
    assertThat(root.get("zero_gamma_crossings")).hasSize(1);
    // walls: the strike with the largest call GEX, the one with the most negative put GEX
    double bestCall = 0;
    double bestCallStrike = 0;
    double worstPut = 0;
    double worstPutStrike = 0;
    for (JsonNode s : byStrike) {
      if (s.get("call_gex").asDouble() > bestCall) {
        bestCall = s.get("call_gex").asDouble();
        bestCallStrike = s.get("strike").asDouble();
      }
      if (s.get("put_gex").asDouble() < worstPut) {
        worstPut = s.get("put_gex").asDouble();
        worstPutStrike = s.get("strike").asDouble();
      }
    }
    assertThat(root.get("call_wall").asDouble()).isEqualTo(bestCallStrike);
    assertThat(root.get("call_wall_gex").asDouble()).isEqualTo(bestCall);
    assertThat(root.get("put_wall").asDouble()).isEqualTo(worstPutStrike);
    assertThat(root.get("put_wall_gex").asDouble()).isEqualTo(worstPut);
    assertThat(root.get("options")).hasSize(8);
    assertThat(root.get("options_used").asInt()).isEqualTo(8);
    assertThat(root.get("by_expiry")).extracting(e -> e.get("expiry").asString())
        .containsExactly("BTC-29MAY20", "BTC-26JUN20");
    assertThat(r.err()).isEqualTo("8 rows read, 8 options in the GEX of BTC, 0 skipped\n");
  }

  @Test
  void oneOptionByHandAndSpotFromTheNearestExpiry(@TempDir Path dir) throws IOException {
    Path file = write(dir, "one.csv", List.of(row("BTC", OptionType.CALL, 9_500, MAY29, NOW, 1234.5, 74, 9_050)));
    CliRun r = run("gex", "--chain", file.toString(), "--json");
    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_OK);
    JsonNode root = JSON.readTree(r.out());
    // without --spot: the forward of the nearest expiry
    assertThat(root.get("spot").asDouble()).isEqualTo(9_050);
    assertThat(root.get("spot_source").asString()).isEqualTo("forward of the nearest expiry, BTC-29MAY20");
    double t = YearFraction.act365(NOW.toEpochMilli(), MAY29.toEpochMilli());
    double s = 0.74 * Math.sqrt(t);
    double d1 = Math.log(9_050.0 / 9_500) / s + 0.5 * s;
    double gamma = Math.exp(-0.5 * d1 * d1) / Math.sqrt(2 * Math.PI) / (9_050 * s);
    double gex = gamma * 1234.5 * 9_050 * 9_050 / 100; // Γ·OI·S²/100, with S = F here
    assertThat(root.get("total_gex").asDouble()).isCloseTo(gex, within(1e-12 * gex));
    JsonNode option = root.get("options").get(0);
    assertThat(option.get("gamma").asDouble()).isCloseTo(gamma, within(1e-14 * gamma));
    assertThat(option.get("gex").asDouble()).isCloseTo(gex, within(1e-12 * gex));
    assertThat(option.get("open_interest").asDouble()).isEqualTo(1234.5);
    assertThat(option.get("line").asInt()).isEqualTo(2);
    // a single call: GEX positive everywhere, no flip, no put wall
    assertThat(root.get("zero_gamma").isNull()).isTrue();
    assertThat(root.get("zero_gamma_crossings")).isEmpty();
    assertThat(root.get("zero_gamma_description").asString()).startsWith("none in range: GEX is positive");
    assertThat(root.get("call_wall").asDouble()).isEqualTo(9_500);
    assertThat(root.get("put_wall").isNull()).isTrue();
  }

  @Test
  void zeroGammaIsNullWhenNoneInRangeAndDealerConventionsFlipSigns(@TempDir Path dir) throws IOException {
    Path file = write(dir, "chain.csv", skewedRows());
    JsonNode longAll = JSON.readTree(run("gex", "--chain", file.toString(), "--json", "--dealer", "long-all").out());
    JsonNode shortAll = JSON.readTree(run("gex", "--chain", file.toString(), "--json", "--dealer", "SHORT_ALL").out());
    assertThat(longAll.get("dealer").asString()).isEqualTo("long-all");
    assertThat(shortAll.get("dealer").asString()).isEqualTo("short-all");
    assertThat(longAll.get("zero_gamma").isNull()).isTrue();
    assertThat(shortAll.get("zero_gamma").isNull()).isTrue();
    assertThat(shortAll.get("total_gex").asDouble()).isNegative().isEqualTo(-longAll.get("total_gex").asDouble());
    assertThat(shortAll.get("call_wall").asDouble()).isEqualTo(longAll.get("call_wall").asDouble());
    assertThat(shortAll.get("call_wall_gex").asDouble()).isEqualTo(-longAll.get("call_wall_gex").asDouble());
    // the default convention has a flip; a range that stops short of it has none
    JsonNode def = JSON.readTree(run("gex", "--chain", file.toString(), "--json").out());
    double flip = def.get("zero_gamma").asDouble();
    double spot = def.get("spot").asDouble();
    String range = Double.toString(0.5 * Math.abs(flip / spot - 1));
    CliRun narrow = run("gex", "--chain", file.toString(), "--json", "--range", range, "--points", "21");
    assertThat(narrow.code()).isEqualTo(Main.EXIT_OK);
    JsonNode n = JSON.readTree(narrow.out());
    assertThat(n.get("zero_gamma").isNull()).isTrue();
    assertThat(n.get("profile")).hasSize(21);
    assertThat(n.get("total_gex").asDouble()).isEqualTo(def.get("total_gex").asDouble());
  }

  @Test
  void tablesHaveUnitsWallsFlipAndTotals(@TempDir Path dir) throws IOException {
    Path file = write(dir, "chain.csv", skewedRows());
    CliRun r = run("gex", "--chain", file.toString(), "--spot", "9000", "--top", "3");
    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_OK);
    List<String> lines = r.out().lines().toList();
    assertThat(lines.getFirst()).isEqualTo("BTC dealer gamma exposure (GEX) at 2020-05-21T23:21:03.258Z");
    assertThat(lines.get(1)).isEqualTo("spot 9,000.00 USD (--spot); dealers long-calls-short-puts; volatility "
        + "sticky-strike");
    assertThat(r.out()).contains("by strike", "by expiry", "top 3 options by |GEX|", "profile (full revaluation",
        "(USD/1%)", "(coin)");
    assertThat(lines).anySatisfy(l -> assertThat(l).matches("strike +call OI +put OI +call GEX +put GEX +net GEX"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("call wall    strike "));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("put wall     strike "));
    assertThat(lines).anySatisfy(l -> assertThat(l).matches("zero gamma   [0-9,]+\\.[0-9]{2} \\([-+][0-9.]+% from spot\\): "
        + "GEX is negative below and positive above"));
    assertThat(lines.getLast()).startsWith("total GEX    ").contains("USD per 1% move of spot (calls +");
    assertThat(lines.stream().filter(l -> l.startsWith("BTC-")).count()).isEqualTo(2 + 3); // 2 expiries, top 3
  }

  @Test
  void badRowsAreSkippedWithTheirLineAndReasonAndTheLatestRowOfAnOptionWins(@TempDir Path dir) throws IOException {
    List<String> rows = skewedRows();
    rows.add(row("BTC", OptionType.CALL, 12_000, JUN26, NOW, null, 80, 9_120)); // line 10: no open interest
    rows.add(row("BTC", OptionType.PUT, 7_000, JUN26, NOW, 500.0, 0, 9_120)); // line 11: no mark IV
    // line 12: the 10,000 call again, earlier, with another OI: superseded by line 8
    rows.add(row("BTC", OptionType.CALL, 10_000, MAY29, NOW.minusSeconds(60), 99_999.0, 73, 9_050));
    // line 13: expired at its own timestamp
    rows.add(row("BTC", OptionType.CALL, 9_000, MAY22, MAY22.plusSeconds(1), 10.0, 80, 9_050));
    rows.add("deribit,BTC-29MAY20-9000-C,notanumber"); // line 14: bad row
    Path file = write(dir, "chain.csv", rows);
    CliRun r = run("gex", "--chain", file.toString(), "--json");
    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_OK);
    assertThat(r.err()).contains(file + ":10: skipped: BTC-26JUN20-12000-C (no open interest): the open_interest "
        + "cell is empty");
    assertThat(r.err()).contains(file + ":11: skipped: BTC-26JUN20-7000-P (no mark IV): mark_iv is 0.0%");
    assertThat(r.err()).contains(file + ":13: skipped: BTC-22MAY20-9000-C has expired");
    assertThat(r.err()).contains(file + ":14: skipped:");
    String summary = r.err().lines().toList().getLast();
    assertThat(summary).isEqualTo("13 rows read, 8 options in the GEX of BTC, 4 skipped (1 expired, 1 wrong field "
        + "count, 1 no open interest, 1 no mark IV), 1 superseded by a later row");
    JsonNode root = JSON.readTree(r.out());
    assertThat(root.get("options_used").asInt()).isEqualTo(8);
    assertThat(root.get("rows_superseded").asInt()).isEqualTo(1);
    assertThat(root.get("skipped").get("no open interest").asInt()).isEqualTo(1);
    JsonNode atTenThousand = null;
    for (JsonNode s : root.get("by_strike")) {
      if (s.get("strike").asDouble() == 10_000) {
        atTenThousand = s;
      }
    }
    assertThat(atTenThousand).isNotNull();
    assertThat(atTenThousand.get("call_open_interest").asDouble()).isEqualTo(2_000);
  }

  @Test
  void optionsExpiredAtTheValuationInstantAreLeftOutAndCounted(@TempDir Path dir) throws IOException {
    // a row stamped before the 22MAY20 expiry, in a file whose latest row is after it
    List<String> rows = new ArrayList<>(List.of(
        row("BTC", OptionType.CALL, 9_500, MAY29, MAY22.plusSeconds(3600), 100.0, 70, 9_050),
        row("BTC", OptionType.PUT, 9_000, MAY22, MAY22.minusSeconds(3600), 100.0, 70, 9_050)));
    Path file = write(dir, "chain.csv", rows);
    CliRun r = run("gex", "--chain", file.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_OK);
    assertThat(r.err()).contains(file + ":3: skipped: BTC-22MAY20-9000-P (expired): expires at "
        + "2020-05-22T08:00:00Z, not after the valuation instant 2020-05-22T09:00:00Z");
    assertThat(r.err().lines().toList().getLast()).isEqualTo("2 rows read, 1 option in the GEX of BTC, 1 skipped "
        + "(1 expired)");
  }

  @Test
  void usageErrorsAndEmptyResults(@TempDir Path dir) throws IOException {
    List<String> rows = skewedRows();
    rows.add(row("ETH", OptionType.CALL, 250, MAY29, NOW, 100.0, 90, 205));
    Path both = write(dir, "both.csv", rows);
    CliRun ambiguous = run("gex", "--chain", both.toString());
    assertThat(ambiguous.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(ambiguous.err()).startsWith("--underlying is needed: " + both + " holds options of BTC and ETH");
    CliRun eth = run("gex", "--chain", both.toString(), "--underlying", "eth", "--json");
    assertThat(eth.code()).as(eth.err()).isEqualTo(Main.EXIT_OK);
    assertThat(JSON.readTree(eth.out()).get("options_used").asInt()).isEqualTo(1);
    assertThat(eth.err().lines().toList().getLast()).isEqualTo("9 rows read, 1 option in the GEX of ETH, 8 skipped "
        + "(8 other underlying)");
    CliRun sol = run("gex", "--chain", both.toString(), "--underlying", "SOL");
    assertThat(sol.code()).isEqualTo(Main.EXIT_NOTHING_PROCESSED);
    assertThat(sol.out()).isEmpty();
    assertThat(sol.err()).contains("no SOL option in " + both + " (have: BTC, ETH)");
    Path noOi = write(dir, "nooi.csv", List.of(row("BTC", OptionType.CALL, 9_500, MAY29, NOW, null, 74, 9_050)));
    CliRun none = run("gex", "--chain", noOi.toString());
    assertThat(none.code()).isEqualTo(Main.EXIT_NOTHING_PROCESSED);
    assertThat(none.err()).contains("1 row read, 0 options in the GEX of BTC, 1 skipped (1 no open interest)");
    assertThat(run("gex", "--chain", both.toString(), "--dealer", "dealers-long").err())
        .contains("Invalid value for option '--dealer'")
        .contains("dealer convention must be one of [long-calls-short-puts, short-all, long-all], got 'dealers-long'");
    assertThat(run("gex", "--chain", both.toString(), "--dealer", "dealers-long").code()).isEqualTo(Main.EXIT_USAGE);
    CliRun range = run("gex", "--chain", both.toString(), "--underlying", "BTC", "--range", "1.5");
    assertThat(range.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(range.err()).startsWith("--range must be a fraction of spot in (0, 0.95] (0.2 = +/-20%), got 1.5");
    CliRun points = run("gex", "--chain", both.toString(), "--underlying", "BTC", "--points", "2");
    assertThat(points.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(points.err()).startsWith("--points must be between 3 and 100001, got 2");
    CliRun spot = run("gex", "--chain", both.toString(), "--underlying", "BTC", "--spot", "-5");
    assertThat(spot.code()).isEqualTo(Main.EXIT_USAGE);
    CliRun missing = run("gex", "--chain", dir.resolve("absent.csv").toString());
    assertThat(missing.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(missing.err()).startsWith("netgamma: ").contains("absent.csv");
  }

  @Test
  void pngHasTheProfileAboveTheStrikes(@TempDir Path dir) throws IOException {
    Path file = write(dir, "chain.csv", skewedRows());
    Path png = dir.resolve("gex.png");
    CliRun r = run("gex", "--chain", file.toString(), "--png", png.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_OK);
    assertThat(r.err()).contains("; chart drawn to " + png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(GexChart.WIDTH);
    assertThat(image.getHeight()).isEqualTo(2 * GexChart.PANEL_HEIGHT);
    // both panels have drawn content: more than a handful of distinct colours in each half
    for (int half = 0; half < 2; half++) {
      java.util.Set<Integer> colours = new java.util.HashSet<>();
      for (int y = half * GexChart.PANEL_HEIGHT; y < (half + 1) * GexChart.PANEL_HEIGHT; y += 3) {
        for (int x = 0; x < image.getWidth(); x += 3) {
          colours.add(image.getRGB(x, y));
        }
      }
      assertThat(colours.size()).as("colours in panel %s", half).isGreaterThan(20);
    }
  }

  @Test
  void theBundledSampleChainRuns() {
    CliRun r = run("gex", "--chain", Path.of("..", "samples", "btc-options-chain.csv").toString(), "--json");
    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_OK);
    JsonNode root = JSON.readTree(r.out());
    assertThat(root.get("options_used").asInt()).isPositive();
    assertThat(root.get("profile")).hasSize(81);
    double sum = 0;
    for (JsonNode s : root.get("by_strike")) {
      sum += s.get("net_gex").asDouble();
    }
    assertThat(sum).isCloseTo(root.get("total_gex").asDouble(),
        within(1e-9 * (root.get("call_gex").asDouble() - root.get("put_gex").asDouble())));
  }
}
