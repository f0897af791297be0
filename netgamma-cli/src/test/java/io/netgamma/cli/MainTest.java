package io.netgamma.cli;

import static io.netgamma.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.instrument.OptionType;
import io.netgamma.core.instrument.YearFraction;
import io.netgamma.core.pricing.Black76;
import io.netgamma.core.pricing.OptionGreeks;
import io.netgamma.data.sample.SampleChainGenerator;
import io.netgamma.data.tardis.TardisChainReader;
import io.netgamma.data.tardis.TardisChainWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MainTest {

  static final String HEADER = String.join(",", TardisChainReader.TARDIS_COLUMNS);
  /** Real rows of Deribit's 2020-05-21 BTC chain. */
  static final String CALL = "deribit,BTC-26JUN20-10000-C,1590103263258000,1590103263258000,call,10000.0,"
      + "1593158400000000,2040.2,0.0625,0.062,0.1,80.28,0.0625,16.0,80.69,0.06363556,81.64,BTC-26JUN20,9094.87,"
      + "0.40271,0.00017,10.95574,-12.64658,2.98757";
  static final String PUT = "deribit,BTC-22MAY20-10000-P,1590103348860000,1590103348860000,put,10000.0,"
      + "1590134400000000,302.2,0.108,0.0965,0.5,0.0,0.103,0.5,202.21,0.10112934,106.85,SYN.BTC-22MAY20,9081.62,"
      + "-0.99785,2e-05,0.01931,-1.03159,-0.09836";
  /** The put with a timestamp after its expiry (2020-05-22T08:00Z). */
  static final String EXPIRED = PUT.replace("1590103348860000,1590103348860000", "1590139000000000,1590139000000000");
  static final String BAD_IV = CALL.replace(",81.64,", ",abc,");
  /** A deep in-the-money put whose mark is below its intrinsic value at the published forward. */
  static final String BELOW_INTRINSIC = PUT.replace(",0.10112934,", ",0.09,");

  static Path chain(Path dir, String... rows) throws IOException {
    Path file = dir.resolve("chain.csv");
    Files.writeString(file, HEADER + "\n" + String.join("\n", rows) + "\n");
    return file;
  }

  @Test
  void greeksTableHasUnitsAlignedColumnsAndASummary(@TempDir Path dir) throws IOException {
    Path file = chain(dir, CALL, BAD_IV, EXPIRED, PUT);
    CliRun r = run("greeks", "--chain", file.toString());
    assertThat(r.code()).isEqualTo(Main.EXIT_OK);
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).startsWith("symbol").contains("forward", "price", "delta", "gamma", "vega", "theta",
        "rho", "delta_coin");
    assertThat(lines.get(1)).contains("(years)", "(USD)", "(%)", "(coin)", "(per USD)", "(USD/vol pt)",
        "(USD/day)", "(USD/1%)");
    assertThat(lines).allSatisfy(l -> assertThat(l).hasSameSizeAs(lines.get(0)));
    assertThat(lines.get(2)).startsWith("BTC-26JUN20-10000-C").contains("2020-06-26", "9094.87", "81.64",
        "0.40272"); // Deribit publishes 0.40271 (computed a minute later, see the validation suite)
    assertThat(lines.get(3)).startsWith("BTC-22MAY20-10000-P");
    assertThat(r.err()).contains(file + ":3: skipped: field 'mark_iv' = 'abc': not a decimal number");
    assertThat(r.err()).contains(file + ":4: skipped: BTC-22MAY20-10000-P has expired");
    assertThat(r.err().lines().toList().getLast())
        .isEqualTo("4 rows read, 2 priced, 2 skipped (1 bad number, 1 expired)");
  }

  @Test
  void greeksJsonIsOneCompleteObjectPerLineEqualToBlack76(@TempDir Path dir) throws IOException {
    Path file = chain(dir, CALL, PUT);
    CliRun r = run("greeks", "--chain", file.toString(), "--json");
    assertThat(r.code()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(2);
    JsonMapper json = JsonMapper.builder().build();
    JsonNode call = json.readTree(lines.get(0));
    for (String key : new String[] {"symbol", "type", "strike", "expiration", "timestamp", "forward", "iv", "t",
        "rate", "price_usd", "price_coin", "delta", "gamma", "vega", "theta", "rho", "vanna", "volga", "charm", "speed",
        "delta_coin", "gamma_coin", "line"}) {
      assertThat(call.has(key)).as(key).isTrue();
    }
    assertThat(call.get("symbol").asString()).isEqualTo("BTC-26JUN20-10000-C");
    assertThat(call.get("type").asString()).isEqualTo("call");
    assertThat(call.get("expiration").asString()).isEqualTo("2020-06-26T08:00:00Z");
    assertThat(call.get("iv").asDouble()).isEqualTo(0.8164);
    double t = YearFraction.act365(Instant.parse("2020-05-21T23:21:03.258Z"), Instant.parse("2020-06-26T08:00:00Z"));
    assertThat(call.get("t").asDouble()).isEqualTo(t);
    OptionGreeks g = Black76.DEFAULT.greeks(OptionType.CALL, 9094.87, 10000, t, 0.8164);
    assertThat(call.get("price_usd").asDouble()).isEqualTo(g.priceUsd());
    assertThat(call.get("price_coin").asDouble()).isEqualTo(g.priceCoin());
    assertThat(call.get("vanna").asDouble()).isEqualTo(g.vanna());
    assertThat(call.get("gamma_coin").asDouble()).isEqualTo(g.gammaCoin());
    // and Deribit's own mark for this row, within the rounding of its IV (0.005 vol points x vega) and of the mark
    assertThat(call.get("price_coin").asDouble()).isCloseTo(0.06363556,
        within(0.005 * g.vega() / 9094.87 + 0.5e-8));
    assertThat(r.out()).doesNotContain("NaN", "Infinity");
  }

  @Test
  void ivReportsSolvedAndUnsolvableRowsWithoutInventingNumbers(@TempDir Path dir) throws IOException {
    Path file = chain(dir, CALL, BELOW_INTRINSIC);
    CliRun r = run("iv", "--chain", file.toString(), "--json");
    assertThat(r.code()).isZero();
    JsonMapper json = JsonMapper.builder().build();
    List<JsonNode> rows = r.out().lines().map(json::readTree).toList();
    JsonNode ok = rows.get(0);
    assertThat(ok.get("status").asString()).isEqualTo("OK");
    assertThat(ok.get("iv_venue").asDouble()).isEqualTo(0.8164);
    assertThat(ok.get("iv").asDouble()).isCloseTo(0.8164, within(0.00005 + 0.5e-8 * 9094.87 / 1095.574));
    assertThat(ok.get("diff").asDouble()).isEqualTo(ok.get("iv").asDouble() - 0.8164);
    JsonNode none = rows.get(1);
    assertThat(none.get("status").asString()).isEqualTo("BELOW_INTRINSIC");
    assertThat(none.has("iv")).isFalse();
    assertThat(none.has("diff")).isFalse();
    assertThat(none.get("reason").asString()).contains("below intrinsic value");
    assertThat(r.err().strip()).isEqualTo("2 rows read, 1 solved, 1 without a solution (1 below intrinsic), "
        + "0 skipped");
    CliRun table = run("iv", "--chain", file.toString());
    assertThat(table.out()).contains("BELOW_INTRINSIC: price").contains(" OK");
    assertThat(table.out().lines().skip(2).findFirst().orElseThrow()).contains("81.64");
  }

  @Test
  void exitCodesAndErrorsWithoutStackTraces(@TempDir Path dir) throws IOException {
    CliRun missing = run("greeks", "--chain", dir.resolve("nope.csv").toString());
    assertThat(missing.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(missing.err().strip()).isEqualTo("netgamma: " + dir.resolve("nope.csv") + ": no such file");
    assertThat(missing.out()).isEmpty();

    Path notChain = dir.resolve("prices.csv");
    Files.writeString(notChain, "timestamp,open,high,low,close,volume\n1,2,3,4,5,6\n");
    CliRun broken = run("iv", "--chain", notChain.toString());
    assertThat(broken.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(broken.err()).contains("is not that of a Tardis options_chain CSV file").doesNotContain("\tat ", "Exception");

    CliRun allBad = run("greeks", "--chain", chain(dir, BAD_IV, EXPIRED).toString());
    assertThat(allBad.code()).isEqualTo(Main.EXIT_NOTHING_PROCESSED);
    assertThat(allBad.out()).isEmpty();
    assertThat(allBad.err()).contains("2 rows read, 0 priced, 2 skipped (1 bad number, 1 expired)");

    assertThat(run("greeks").code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(run("greeks", "--chain").code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(run("greeks", "--chain", "x.csv", "--bogus").code()).isEqualTo(Main.EXIT_USAGE);
    CliRun badRate = run("greeks", "--chain", chain(dir, CALL).toString(), "--rate", "NaN");
    assertThat(badRate.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(badRate.err()).contains("--rate must be a fraction");
    CliRun noCommand = run();
    assertThat(noCommand.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(noCommand.err()).contains("missing command");
  }

  @Test
  void helpTeachesUnitsExamplesAndExitCodes() {
    CliRun help = run("--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("USD per 1-coin option", "USD per 1 vol point", "USD per calendar day",
        "USD per 1% of rate", "per 1 USD", "ACT/365", "fraction in JSON");
    assertThat(help.out()).contains("netgamma greeks --chain", "netgamma iv --chain", "netgamma sample-chain --out");
    assertThat(help.out()).contains("Exit codes:", "2  usage error");
    assertThat(help.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    assertThat(run("help", "greeks").out()).contains("--chain=FILE", "--json", "--rate=R", "USD per vol point");
    assertThat(run("iv", "--help").out()).contains("BELOW_INTRINSIC", "vol points");
    CliRun version = run("--version");
    assertThat(version.code()).isZero();
    assertThat(version.out()).startsWith("netgamma ");
  }

  @Test
  void sampleChainWritesTheGeneratorsChainAndTheCommittedSampleMatchesIt(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("sample.csv");
    CliRun r = run("sample-chain", "--out", out.toString());
    assertThat(r.code()).isZero();
    assertThat(r.err()).startsWith("wrote 200 options (12 expiries) of BTC");
    assertThat(Files.readString(out)).isEqualTo(Files.readString(Path.of("..", "samples",
        "btc-options-chain.csv")));
    StringWriter expected = new StringWriter();
    try (TardisChainWriter w = TardisChainWriter.of(expected, "memory")) {
      SampleChainGenerator.generate(SampleChainGenerator.Spec.defaults("BTC")).forEach(w::write);
    }
    assertThat(Files.readString(out)).isEqualTo(expected.toString());

    CliRun eth = run("sample-chain", "--out", "-", "--underlying", "eth", "--spot", "3000", "--seed", "7",
        "--timestamp", "2025-01-10T12:00:00Z");
    assertThat(eth.code()).isZero();
    assertThat(eth.out().lines().skip(1)).allSatisfy(l -> assertThat(l).startsWith("deribit,ETH-"));
    assertThat(run("sample-chain", "--out", "x.csv", "--timestamp", "yesterday").code()).isEqualTo(2);
    assertThat(run("sample-chain", "--out", "x.csv", "--underlying", "SOL").code()).isEqualTo(2);
    CliRun late = run("sample-chain", "--out", dir.resolve("late.csv").toString(),
        "--timestamp", "2100-01-01T00:00:00Z");
    assertThat(late.code()).isEqualTo(2);
    assertThat(late.err()).contains("timestamp must be in 2000-2097", "2100-01-01T00:00:00Z");
    CliRun unwritable = run("sample-chain", "--out", dir.resolve("no/such/dir/x.csv").toString());
    assertThat(unwritable.code()).isEqualTo(2);
    assertThat(unwritable.err()).startsWith("netgamma: ").contains("cannot write");
  }

  @Test
  void theQuickstartSampleIsPricedEntirely() {
    CliRun r = run("greeks", "--chain", Path.of("..", "samples", "btc-options-chain.csv").toString());
    assertThat(r.code()).isZero();
    assertThat(r.err().strip()).isEqualTo("200 rows read, 200 priced, 0 skipped");
    assertThat(r.out().lines().count()).isEqualTo(202);
  }
}
