package io.netgamma.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.instrument.OptionType;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.pricing.Black76;
import io.netgamma.core.risk.gex.GammaExposure;
import io.netgamma.core.risk.gex.GexInput;
import io.netgamma.core.risk.gex.GexOption;
import io.netgamma.core.risk.gex.GexReport;
import io.netgamma.core.risk.gex.GexSettings;
import io.netgamma.data.tardis.ChainRow;
import io.netgamma.data.tardis.TardisChainReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real-data validation of {@code netgamma gex} on Deribit's own chains ({@code ../shared/data/chains}, see its
 * README). Run with {@code ./mvnw -Pvalidation test}; skipped (JUnit assumption) when the data folder is absent.
 *
 * <p>On the BTC chain of 2020-05-21 (with Deribit's greeks) every option's gamma is Deribit's published gamma within
 * its rounding (5 decimals) once Deribit's convention of valuing greeks at the whole minute nearest the quote is
 * allowed for, and its GEX is {@code ±gamma·OI·F²/100}. On every chain file and underlying the command succeeds, the
 * strikes and expiries add up to the total, the JSON round-trips through the core calculation, and the zero-gamma
 * level (when there is one) is a root of the fully revalued profile.
 */
@Tag("validation")
class GexValidationTest {

  static final String BTC_2020 = "deribit_btc_2020-05-21T2319Z.options_chain.csv";
  static final JsonMapper JSON = JsonMapper.builder().build();
  /** Deribit publishes gamma to 5 decimals. */
  static final double GAMMA_ROUNDING = 0.5e-5;

  static Path chains;

  /** Each test is skipped, with the reason, when the data folder is absent. */
  @BeforeEach
  void requireData() {
    chains = SharedData.require("chains").resolve("chains");
  }

  static JsonNode gexJson(Path file, String underlying) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"gex", "--chain", file.toString(), "--underlying", underlying, "--json"},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isEqualTo(Main.EXIT_OK);
    return JSON.readTree(out.toString());
  }

  static Map<String, ChainRow> rows(Path file) {
    Map<String, ChainRow> rows = new HashMap<>();
    TardisChainReader.DEFAULT.read(file, r -> rows.merge(r.symbol(), r,
        (a, b) -> b.timestamp().isBefore(a.timestamp()) ? a : b), issue -> { });
    return rows;
  }

  @Test
  void btc2020GammaIsDeribitsAndGexIsGammaTimesOpenInterestTimesForwardSquared() {
    Path file = chains.resolve(BTC_2020);
    JsonNode root = gexJson(file, "BTC");
    Map<String, ChainRow> rows = rows(file);
    assertThat(root.get("options")).hasSize(326);
    double worst = 0;
    for (JsonNode o : root.get("options")) {
      ChainRow row = rows.get(o.get("symbol").asString());
      double deribit = row.gamma().orElseThrow();
      // Deribit values greeks at the whole minute nearest the quote: the gamma of that instant differs from the
      // gamma at the quote's own timestamp (which GEX uses) by this much
      Instant minute = Instant.ofEpochSecond(Math.round(row.timestamp().toEpochMilli() / 60_000.0) * 60);
      double atMinute = Black76.DEFAULT.greeks(row.type(), row.underlyingPrice(), row.strike(),
          YearFraction.act365(minute, row.expiration()), row.markIvFraction()).gamma();
      double atTimestamp = Black76.DEFAULT.greeks(row.type(), row.underlyingPrice(), row.strike(),
          row.yearsToExpiry(), row.markIvFraction()).gamma();
      double gamma = o.get("gamma").asDouble();
      assertThat(gamma).isCloseTo(atTimestamp, within(1e-12 * atTimestamp));
      double error = Math.abs(gamma - deribit);
      assertThat(error).as(o.get("symbol").asString()).isLessThanOrEqualTo(GAMMA_ROUNDING
          + Math.abs(atTimestamp - atMinute));
      worst = Math.max(worst, Math.abs(atMinute - deribit) / GAMMA_ROUNDING);
      double f = o.get("forward").asDouble();
      double oi = row.openInterest().orElseThrow();
      double sign = row.type() == OptionType.CALL ? 1 : -1;
      double expected = sign * gamma * oi * f * f / 100;
      assertThat(o.get("gex").asDouble()).isCloseTo(expected, within(1e-12 * Math.abs(expected) + 1e-9));
    }
    // at the whole minute, Deribit's gamma is reproduced within its rounding
    assertThat(worst).isLessThanOrEqualTo(1.0);
  }

  @Test
  void everyChainAndUnderlyingAddsUpAndItsFlipIsARootOfTheRevaluedProfile() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(chains)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".options_chain.csv")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(4);
    int flips = 0;
    for (Path file : files) {
      Map<String, ChainRow> rows = rows(file);
      Set<String> underlyings = new LinkedHashSet<>();
      rows.values().forEach(r -> underlyings.add(r.instrument().underlying()));
      for (String u : underlyings) {
        JsonNode root = gexJson(file, u);
        String what = file.getFileName() + " " + u;
        double gross = 0;
        List<GexOption> options = new ArrayList<>();
        for (JsonNode o : root.get("options")) {
          gross += Math.abs(o.get("gex").asDouble());
          options.add(new GexOption(o.get("symbol").asString(), OptionType.parse(o.get("type").asString()),
              o.get("strike").asDouble(), Instant.parse(o.get("expiration").asString()).toEpochMilli(),
              o.get("open_interest").asDouble(), o.get("iv").asDouble(), o.get("forward").asDouble()));
        }
        double total = root.get("total_gex").asDouble();
        double byStrike = 0;
        for (JsonNode s : root.get("by_strike")) {
          byStrike += s.get("net_gex").asDouble();
        }
        double byExpiry = 0;
        for (JsonNode e : root.get("by_expiry")) {
          byExpiry += e.get("net_gex").asDouble();
        }
        assertThat(byStrike).as(what).isCloseTo(total, within(1e-12 * gross));
        assertThat(byExpiry).as(what).isCloseTo(total, within(1e-12 * gross));
        // the JSON is the core calculation of the same options
        GexInput input = GexInput.of(u, root.get("spot").asDouble(), Instant.parse(root.get("timestamp").asString()),
            options);
        GexReport report = GammaExposure.DEFAULT.compute(input);
        assertThat(report.totalGex()).as(what).isEqualTo(total);
        assertThat(root.get("profile")).hasSize(81);
        for (JsonNode p : root.get("profile")) {
          assertThat(Double.isFinite(p.get("gex").asDouble())).isTrue();
        }
        JsonNode zero = root.get("zero_gamma");
        if (!zero.isNull()) {
          flips++;
          double level = zero.asDouble();
          assertThat(GammaExposure.DEFAULT.totalGexAt(input, GexSettings.DEFAULT, level)).as(what)
              .isCloseTo(0.0, within(1e-9 * gross));
        }
      }
    }
    assertThat(flips).isPositive();
  }
}
