package io.netgamma.data.margin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.margin.MarginResult;
import io.netgamma.core.margin.generic.GenericMarginParameters;
import io.netgamma.core.margin.generic.GenericScenario;
import io.netgamma.core.margin.generic.GenericScenarioMargin;
import io.netgamma.core.portfolio.PortfolioValuation;
import io.netgamma.core.portfolio.PortfolioValuer;
import io.netgamma.core.pricing.BatchPricers;
import io.netgamma.core.sim.book.DemoBook;
import io.netgamma.data.DataFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled generic parameter sets read value by value; malformed files name the file, field and value. */
class GenericMarginParametersReaderTest {

  static final GenericMarginParametersReader R = GenericMarginParametersReader.DEFAULT;

  static final String GOOD = """
      {"format": "netgamma-generic-margin/1", "name": "t", "source": "hand",
       "reference_days": 30, "dte_floor_days": 1, "short_term_vega_power": 0.3, "long_term_vega_power": 0.13,
       "perp_contingency": 0.03, "option_contingency": 0.02, "min_delta_net_rate": 0.02,
       "min_delta_hedged_rate": 0.01, "im_factor": 1, "mm_factor": 0.5,
       "scenarios": [{"spot_shock": 0.1, "vol_shock": 0.4, "weight": 1},
                     {"spot_shock": -0.66, "vol_shock": 0.4, "weight": 0.24}]}
      """;

  @Test
  void bundledParadexSet() {
    GenericMarginParameters p = R.bundled(GenericMarginParametersReader.PARADEX_V1);
    assertThat(p.name()).isEqualTo("paradex-pm-v1");
    assertThat(p.scenarios()).hasSize(24);
    assertThat(p.scenarios().get(0)).isEqualTo(new GenericScenario(0.16, 0.40, 1));
    assertThat(p.scenarios().get(2)).isEqualTo(new GenericScenario(0.12, -0.22, 1));
    assertThat(p.scenarios().get(15)).isEqualTo(new GenericScenario(-0.16, 0.40, 1));
    assertThat(p.scenarios().get(16)).isEqualTo(new GenericScenario(-0.66, 0.40, 0.24));
    assertThat(p.scenarios().get(23)).isEqualTo(new GenericScenario(5.0, 0.40, 0.032));
    // Regular scenarios at 100%: 16 of them; the 8 tail weights are 0.16/|move| as published (rounded).
    assertThat(p.scenarios().stream().filter(s -> s.weight() == 1)).hasSize(16);
    for (GenericScenario s : p.scenarios().subList(16, 24)) {
      assertThat(s.weight()).isCloseTo(0.16 / Math.abs(s.spotShock()), within(0.005));
    }
    assertThat(p.shortTermVegaPower()).isEqualTo(0.30);
    assertThat(p.longTermVegaPower()).isEqualTo(0.13);
    assertThat(p.dteFloorDays()).isEqualTo(1.0);
    assertThat(p.minDeltaNetRate()).isEqualTo(0.02);
    assertThat(p.minDeltaHedgedRate()).isEqualTo(0.01);
    assertThat(p.perpContingency()).isEqualTo(0.0);
    assertThat(p.imFactor()).isEqualTo(1.0);
    assertThat(p.mmFactor()).isEqualTo(0.5);
  }

  @Test
  void bundledDeriveSet() {
    GenericMarginParameters p = R.bundled(GenericMarginParametersReader.DERIVE_V1);
    assertThat(p.name()).isEqualTo("derive-pm-v1");
    assertThat(p.scenarios()).hasSize(23 + 8);
    assertThat(p.scenarios().get(0)).isEqualTo(new GenericScenario(0.18, 0.60, 1));
    assertThat(p.scenarios().get(3)).isEqualTo(new GenericScenario(0.135, -0.25, 1));
    assertThat(p.scenarios().get(11)).isEqualTo(new GenericScenario(0.0, 0.0, 1));
    assertThat(p.scenarios().get(22)).isEqualTo(new GenericScenario(-0.18, 0.60, 1));
    assertThat(p.scenarios().subList(23, 31)).extracting(GenericScenario::weight)
        .containsExactly(0.21, 0.42, 0.27, 0.13, 0.069, 0.046, 0.034, 0.027);
    assertThat(p.perpContingency()).isEqualTo(0.03);
    assertThat(p.optionContingency()).isEqualTo(0.02);
    assertThat(p.minDeltaNetRate()).isEqualTo(0.0);
  }

  @Test
  void bundledSetsMarginADemoBook() {
    DemoBook demo = DemoBook.generate(DemoBook.DEFAULT_SEED, 60);
    PortfolioValuation v = PortfolioValuer.DEFAULT.withPricer(BatchPricers.scalar()).value(demo.portfolio(),
        demo.market());
    for (String set : List.of(GenericMarginParametersReader.PARADEX_V1, GenericMarginParametersReader.DERIVE_V1)) {
      GenericMarginParameters p = R.bundled(set);
      MarginResult r = GenericScenarioMargin.of(p).withPricer(BatchPricers.scalar()).margin(v);
      assertThat(r.model()).isEqualTo(p.name());
      assertThat(r.initialMarginUsd()).as(set).isGreaterThan(0);
      assertThat(r.maintenanceMarginUsd()).as(set).isCloseTo(p.mmFactor() / p.imFactor() * r.initialMarginUsd(),
          within(1e-6 * r.initialMarginUsd()));
      assertThat(r.drivingScenario()).as(set).contains("scenario");
    }
  }

  @Test
  void readsAFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("mine.json");
    Files.writeString(f, GOOD);
    GenericMarginParameters p = R.read(f);
    assertThat(p.scenarios()).containsExactly(new GenericScenario(0.1, 0.4, 1), new GenericScenario(-0.66, 0.4, 0.24));
    assertThat(p.source()).isEqualTo("hand");
  }

  @Test
  void fileLevelErrors(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> R.read(dir.resolve("none.json"))).isInstanceOf(DataFileException.class)
        .hasMessageContaining("none.json").hasMessageContaining("no such file");
    assertThatThrownBy(() -> R.read(dir)).isInstanceOf(DataFileException.class)
        .hasMessageContaining("is a directory");
    Path big = dir.resolve("big.json");
    Files.writeString(big, " ".repeat(GenericMarginParametersReader.MAX_CHARS + 1));
    assertThatThrownBy(() -> R.read(big)).isInstanceOf(DataFileException.class).hasMessageContaining("big.json")
        .hasMessageContaining("larger than");
    assertThatThrownBy(() -> R.parse("{\"format\": \"netgamma-generic-margin/1\",\n \"name\": }", "p.json"))
        .isInstanceOf(DataFileException.class).hasMessageStartingWith("p.json:2:")
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> R.parse("[1, 2]", "p.json")).isInstanceOf(DataFileException.class)
        .hasMessageContaining("expected a JSON object");
    assertThatThrownBy(() -> R.bundled("nope.json")).isInstanceOf(DataFileException.class)
        .hasMessageContaining("nope.json").hasMessageContaining(GenericMarginParametersReader.PARADEX_V1);
  }

  @Test
  void fieldErrorsNameTheFieldAndValue() {
    assertError(GOOD.replace("netgamma-generic-margin/1", "netgamma-generic-margin/9"),
        "p.json: field 'format' = 'netgamma-generic-margin/9'");
    assertError(GOOD.replace("\"mm_factor\": 0.5", "\"mm_factr\": 0.5"), "p.json: field 'mm_factor' is missing");
    assertError(GOOD.replace("\"im_factor\": 1", "\"im_factor\": \"one\""), "p.json: field 'im_factor' = 'one'");
    assertError(GOOD.replace("\"reference_days\": 30", "\"reference_days\": 1e400"),
        "p.json: field 'reference_days' = '1E+400': expected a finite number");
    assertError(GOOD.replace("\"weight\": 0.24", "\"weight\": 1.5"),
        "p.json: scenarios[1]: weight must be in (0, 1], got 1.5");
    assertError(GOOD.replace("\"spot_shock\": -0.66", "\"spot_shock\": -1.2"),
        "p.json: scenarios[1]: spot_shock must be finite and > -1 (-100%), got -1.2");
    assertError(GOOD.replace("{\"spot_shock\": 0.1, \"vol_shock\": 0.4, \"weight\": 1}", "{\"spot_shock\": 0.1}"),
        "p.json: field 'scenarios[0].vol_shock' is missing");
    assertError(GOOD.replace("{\"spot_shock\": 0.1, \"vol_shock\": 0.4, \"weight\": 1}", "7"),
        "p.json: field 'scenarios[0]' = '7'");
    assertError(GOOD.replace("\"mm_factor\": 0.5", "\"mm_factor\": 1.5"),
        "p.json: mm_factor must be in (0, im_factor = 1.0], got 1.5");
    assertError(GOOD.replace("\"perp_contingency\": 0.03", "\"perp_contingency\": -0.03"),
        "p.json: perp_contingency must be finite and >= 0, got -0.03");
    assertError(GOOD.replace("\"name\": \"t\",", "\"name\": \"t\", \"name\": \"u\","),
        "p.json:1:");
    assertError(GOOD.replace("\"name\": \"t\",", "\"name\": \"t\", \"name\": \"u\","),
        "Duplicate");
    assertError(GOOD.substring(0, GOOD.indexOf("\"scenarios\"")) + "\"scenarios\": []}",
        "p.json: scenarios: at least one scenario is needed");
    assertError(GOOD.substring(0, GOOD.indexOf("\"scenarios\"")) + "\"scenarios\": {}}",
        "p.json: field 'scenarios' = '{}': expected an array");
  }

  private static void assertError(String json, String message) {
    assertThatThrownBy(() -> R.parse(json, "p.json")).isInstanceOf(DataFileException.class)
        .hasMessageContaining(message);
  }
}
