package io.netgamma.data.stress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netgamma.core.sim.stress.StressScenario;
import io.netgamma.data.DataFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StressScenarioReaderTest {

  private static final StressScenarioReader R = StressScenarioReader.DEFAULT;

  @Test
  void theBundledCatalogueHoldsTheFourEpisodes() {
    List<StressScenario> h = R.historical();
    assertThat(h).extracting(StressScenario::name)
        .containsExactly("2020-03-12", "2021-05-19", "2022-06-13..18", "2022-11-07..10");
    assertThat(h).allMatch(s -> s.kind() == StressScenario.Kind.HISTORICAL);
    assertThat(h.get(2).steps()).hasSize(7);
    assertThat(h.get(0).steps().get(0).shock().spotMove("BTC")).isEqualTo(-0.395048);
    assertThat(h.get(0).source()).contains("ASSUMED");
    assertThat(h.get(3).steps().get(2).shock().volShift("ETH")).isEqualTo(0.7326);
  }

  @Test
  void aUserFileWithDefaultsReads(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("mine.json");
    Files.writeString(f, """
        {"format": "netgamma-stress/1", "name": "mine", "source": "desk view",
         "scenarios": [{"name": "eth-only", "title": "ETH -50%", "kind": "hypothetical",
           "steps": [{"label": "shock", "spot": {"ETH": -0.5}}]}]}""");
    List<StressScenario> s = R.read(f);
    assertThat(s).hasSize(1);
    assertThat(s.get(0).kind()).isEqualTo(StressScenario.Kind.HYPOTHETICAL);
    assertThat(s.get(0).source()).isEqualTo("desk view");
    assertThat(s.get(0).steps().get(0).shock().volShifts()).isEmpty();
  }

  @Test
  void badFilesNameTheFieldAndTheValue() {
    String head = "{\"format\": \"netgamma-stress/1\", \"name\": \"x\", \"source\": \"y\", \"scenarios\": ";
    assertThatThrownBy(() -> R.parse(head + "[{\"name\": \"a\", \"title\": \"t\", \"steps\": [{\"label\": \"s\", "
        + "\"spot\": {\"BTC\": -1.2}}]}]}", "f.json"))
        .isInstanceOf(DataFileException.class)
        .hasMessageContaining("f.json: scenarios[0].steps[0].")
        .hasMessageContaining("BTC spot move must be finite and > -1");
    assertThatThrownBy(() -> R.parse(head + "[{\"name\": \"a\", \"title\": \"t\", \"steps\": [{\"label\": \"s\", "
        + "\"spot\": {\"BTC\": \"-20%\"}}]}]}", "f.json"))
        .hasMessage("f.json: field 'scenarios[0].steps[0].spot.BTC' = '-20%': expected a finite number (a relative "
            + "move such as -0.2 for -20%)");
    assertThatThrownBy(() -> R.parse(head + "[{\"name\": \"a\", \"title\": \"t\", \"steps\": [{\"label\": \"s\"}]}]}",
        "f.json")).hasMessageContaining("field 'scenarios[0].steps[0].spot' is missing");
    assertThatThrownBy(() -> R.parse(head + "[{\"name\": \"a\", \"title\": \"t\", \"kind\": \"maybe\", "
        + "\"steps\": [{\"label\": \"s\", \"spot\": {}}]}]}", "f.json"))
        .hasMessage("f.json: field 'scenarios[0].kind' = 'maybe': expected historical or hypothetical");
    assertThatThrownBy(() -> R.parse(head + "[{\"name\": \"a\", \"title\": \"t\", \"steps\": []}]}", "f.json"))
        .hasMessageContaining("field 'scenarios[0].steps' is empty");
    assertThatThrownBy(() -> R.parse("{\"format\": \"other/2\"}", "f.json"))
        .hasMessageContaining("not a stress scenario file this version reads");
    assertThatThrownBy(() -> R.parse("[1]", "f.json")).hasMessageContaining("expected a JSON object");
  }
}
