package io.netgamma.data.margin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.margin.pm.DeribitPortfolioMargin;
import io.netgamma.core.margin.pm.PmBook;
import io.netgamma.core.margin.pm.PmGroupResult;
import io.netgamma.core.margin.pm.PmParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deribit portfolio margin against Deribit's own {@code private/pme/simulate} responses in
 * {@code ../shared/data/margin/deribit_pme_simulate_examples.json}: the parameters are read from each response's
 * {@code model_params} with {@link PmParametersReader}, the positions, index and marks from the response, and every
 * number Deribit reports for the risk group — per-instrument and aggregated vectors (27 + 8), worst case and its
 * bucket, delta and roll shock, risk-matrix, initial (less the account's MMP and open-order margins) and maintenance
 * margin — must agree to 1e-9.
 */
@Tag("validation")
class DeribitPmValidationTest {

  static final double TOL = 1e-9;

  @ParameterizedTest
  @ValueSource(strings = {"example_A_docs_btc", "example_B_real_eth"})
  void reproducesDeribit(String key) throws Exception {
    String shared = System.getProperty("netgamma.sharedData");
    assumeTrue(shared != null && !shared.isBlank(),
        "-Dnetgamma.sharedData is not set: the Deribit PME validation is skipped");
    Path file = Path.of(shared, "margin", "deribit_pme_simulate_examples.json");
    assumeTrue(Files.isRegularFile(file), () -> "Deribit PME examples not found at " + file.toAbsolutePath()
        + " (set -Dnetgamma.sharedData=DIR): validation skipped");
    JsonNode ex = JsonMapper.builder().build().readTree(Files.readString(file)).get(key);
    PmParameters params = PmParametersReader.DEFAULT.parse(
        "{\"model_params\": " + ex.get("model_params") + "}", file.getFileName() + "#" + key);
    Instant now = Instant.ofEpochMilli(params.timestampMillis());
    Map.Entry<String, JsonNode> index = ex.get("index_price").properties().iterator().next();
    List<Instrument> instruments = new ArrayList<>();
    List<Double> qs = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : ex.get("portfolio_position_base_ccy").properties()) {
      instruments.add(Instrument.parse(e.getKey()));
      qs.add(e.getValue().doubleValue());
    }
    int n = instruments.size();
    double[] q = new double[n];
    double[] f = new double[n];
    double[] t = new double[n];
    for (int j = 0; j < n; j++) {
      Instrument ins = instruments.get(j);
      q[j] = qs.get(j);
      f[j] = ex.get("ticker_mark").get(ins.name()).doubleValue();
      t[j] = ins.expiry() == null ? 0 : YearFraction.act365(now, ins.expiry());
    }
    PmGroupResult r = DeribitPortfolioMargin.of(params).riskMatrix(PmBook.of(index.getValue().doubleValue(),
        instruments, q, f, new double[n], t));

    JsonNode perInstrument = ex.get("initial_risk_vectors");
    for (int j = 0; j < n; j++) {
      JsonNode v = perInstrument == null ? ex.get(preKey(ex)) : perInstrument.get(instruments.get(j).name());
      assertPerBucket(r.standard(j), v.get("standard_per_bucket"));
      assertVector(r.extended(j), v.get("extended"));
    }
    JsonNode agg = ex.get(aggKey(ex));
    assertPerBucket(r.aggregatedStandard(), agg.get("standard_per_bucket"));
    assertVector(r.aggregatedExtended(), agg.get("extended"));
    JsonNode m = ex.get(marginKey(ex));
    assertThat(r.worstCase()).isCloseTo(m.get("worst_case").doubleValue(), within(TOL));
    JsonNode wb = m.get("worst_case_bucket");
    assertThat(r.worstScenario().index()).isEqualTo(wb.get("index").intValue());
    assertThat(r.worstScenario().bucket()).isEqualTo(wb.get("bucket").intValue());
    assertThat(r.worstScenario().side()).isEqualTo(wb.get("side").stringValue());
    assertThat(r.worstScenario().source()).isEqualTo(wb.get("source").stringValue());
    assertThat(r.deltaShock()).isCloseTo(m.get("delta_shock").doubleValue(), within(TOL));
    assertThat(r.rollShock()).isCloseTo(m.get("roll_shock").doubleValue(), within(TOL));
    assertThat(r.riskMatrixMargin()).isCloseTo(m.get("risk_matrix_margin").doubleValue(), within(TOL));
    assertThat(r.maintenanceMargin()).isCloseTo(m.get("maintenance_margin").doubleValue(), within(TOL));
    double accountExtras = m.get("mmp_margin").doubleValue() + m.get("open_orders_margin").doubleValue()
        + m.get("spot_margin").doubleValue() + m.get("correlation_contingency").doubleValue();
    assertThat(r.initialMargin() + accountExtras).isCloseTo(m.get("initial_margin").doubleValue(), within(TOL));
  }

  static String preKey(JsonNode ex) {
    return find(ex, "pre_aggregated_risk_vector_");
  }

  static String aggKey(JsonNode ex) {
    return find(ex, "aggregated_risk_vector_");
  }

  static String marginKey(JsonNode ex) {
    return find(ex, "margins_");
  }

  static String find(JsonNode ex, String prefix) {
    for (String name : ex.propertyNames()) {
      if (name.startsWith(prefix)) {
        return name;
      }
    }
    throw new AssertionError("no field " + prefix + "* in the example");
  }

  static void assertPerBucket(double[] vector, JsonNode perBucket) {
    assertThat(vector).hasSize(3 * perBucket.size());
    for (int b = 0; b < perBucket.size(); b++) {
      for (int v = 0; v < 3; v++) {
        assertThat(vector[3 * b + v]).as("bucket %d vol %d", b + 1, v)
            .isCloseTo(perBucket.get(b).doubleValue(), within(TOL));
      }
    }
  }

  static void assertVector(double[] vector, JsonNode expected) {
    assertThat(vector).hasSize(expected.size());
    for (int k = 0; k < expected.size(); k++) {
      assertThat(vector[k]).as("extended %d", k).isCloseTo(expected.get(k).doubleValue(), within(TOL));
    }
  }
}
