package io.netgamma.data.margin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netgamma.core.margin.pm.PmParameters;
import io.netgamma.data.DataFileException;
import org.junit.jupiter.api.Test;

/** The bundled parameter sets read field by field; malformed files name the field and the value. */
class PmParametersReaderTest {

  static final PmParametersReader R = PmParametersReader.DEFAULT;

  @Test
  void bundledBtcSet() {
    PmParameters p = R.bundled(PmParametersReader.BTC_2024_06);
    assertThat(p.pairs()).containsOnlyKeys("btc_usd");
    assertThat(p.currencies()).containsOnlyKeys("usd", "btc");
    var pair = p.pair("btc_usd");
    assertThat(pair.priceRange()).isEqualTo(0.16);
    assertThat(pair.volatilityRangeUp()).isEqualTo(0.5);
    assertThat(pair.volatilityRangeDown()).isEqualTo(0.25);
    assertThat(pair.minVolatilityForShockUp()).isEqualTo(0.5);
    assertThat(pair.shortTermVegaPower()).isEqualTo(0.3);
    assertThat(pair.longTermVegaPower()).isEqualTo(0.13);
    assertThat(pair.extendedTableFactor()).isEqualTo(1.0);
    assertThat(pair.maxDeltaShock()).isEqualTo(0.1);
    assertThat(pair.deltaTotalLiqShockThreshold()).isEqualTo(20_000_000.0);
    assertThat(pair.marginIncrement()).isEqualTo(5e-5);
    var btc = p.currency("btc");
    assertThat(btc.pnlOffset()).isEqualTo(0.0);
    assertThat(btc.annualisedMoveRisk()).isEqualTo(0.075);
    assertThat(btc.minAnnualisedMove()).isEqualTo(0.01);
    assertThat(btc.extendedDampener()).isEqualTo(100_000.0);
    assertThat(btc.equitySideImpact()).isEqualTo("both");
    assertThat(p.mmFactor()).isEqualTo(0.8);
    assertThat(p.bucketsCount()).isEqualTo(4);
    assertThat(p.timestampMillis()).isEqualTo(1718619740501L);
    assertThat(p.source()).isEqualTo(PmParametersReader.BTC_2024_06);
  }

  @Test
  void bundledEthSetAndMerge() {
    PmParameters eth = R.bundled(PmParametersReader.ETH_2026_02);
    assertThat(eth.currency("eth").pnlOffset()).isEqualTo(0.6);
    assertThat(eth.currency("eth").maxOffsetablePnl()).isEqualTo(20_000_000.0);
    assertThat(eth.pair("eth_usd").priceRange()).isEqualTo(0.18);
    PmParameters both = R.bundled(PmParametersReader.BTC_2024_06).merge(eth);
    assertThat(both.pairs()).containsOnlyKeys("btc_usd", "eth_usd");
    assertThat(both.currencies()).containsOnlyKeys("usd", "btc", "eth");
  }

  @Test
  void acceptsBareAndEnvelopedShapes() {
    String bare = """
        {"currency_pair": {"btc_usd": {"price_range": 0.16, "volatility_range_up": 0.5,
          "volatility_range_down": 0.25, "min_volatility_for_shock_up": 0.5, "short_term_vega_power": 0.3,
          "long_term_vega_power": 0.13, "extended_table_factor": 1, "max_delta_shock": 0.1,
          "delta_total_liq_shock_threshold": 20000000, "m_inc": 5e-05}},
         "currency": {"btc": {"pnl_offset": 0, "max_offsetable_pnl": 0, "annualised_move_risk": 0.075,
          "min_annualised_move": 0.01, "extended_dampener": 100000, "haircut": 0, "equity_side_impact": "both",
          "correlation_set": false}},
         "general": {"mm_factor": 0.8, "buckets_count": 4, "vol_scenarios_count": 3}}""";
    assertThat(R.parse(bare, "bare").pair("btc_usd").priceRange()).isEqualTo(0.16);
    assertThat(R.parse("{\"jsonrpc\": \"2.0\", \"result\": {\"model_params\": " + bare + "}}", "rpc")
        .currency("btc").minAnnualisedMove()).isEqualTo(0.01);
  }

  @Test
  void errorsNameFileFieldAndValue() {
    String text = new String(readBundled(), java.nio.charset.StandardCharsets.UTF_8);
    assertThatThrownBy(() -> R.parse(text.replace("\"price_range\": 0.16", "\"price_range\": \"16%\""), "f.json"))
        .isInstanceOf(DataFileException.class)
        .hasMessage("f.json: model_params.currency_pair.btc_usd.price_range: expected a number, got \"16%\"");
    assertThatThrownBy(() -> R.parse(text.replace("\"mm_factor\": 0.8", "\"mm_factor\": 1.8"), "f.json"))
        .isInstanceOf(DataFileException.class).hasMessageContaining("f.json: model_params.general")
        .hasMessageContaining("mm_factor").hasMessageContaining("1.8");
    assertThatThrownBy(() -> R.parse(text.replace("\"m_inc\"", "\"m_increment\""), "f.json"))
        .hasMessage("f.json: model_params.currency_pair.btc_usd.m_inc: missing");
    assertThatThrownBy(() -> R.parse("[1, 2]", "a.json")).isInstanceOf(DataFileException.class)
        .hasMessageContaining("a.json: expected a JSON object");
    assertThatThrownBy(() -> R.parse("{\"currency_pair\": ", "b.json")).isInstanceOf(DataFileException.class)
        .hasMessageContaining("b.json: not valid JSON");
    assertThatThrownBy(() -> R.bundled("nope.json")).hasMessageContaining("no such bundled parameter set");
    assertThatThrownBy(() -> R.read(java.nio.file.Path.of("/no/such/params.json")))
        .hasMessage("/no/such/params.json: no such file");
  }

  private static byte[] readBundled() {
    try (var in = PmParametersReader.class.getResourceAsStream("/margin/" + PmParametersReader.BTC_2024_06)) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
