package io.netgamma.cli;

import static io.netgamma.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.netgamma.core.instrument.InstrumentKind;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.Quote;
import io.netgamma.core.sim.market.MarketGenerator;
import io.netgamma.core.sim.market.MarketSpec;
import io.netgamma.data.snapshot.MarketSnapshotJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleMarketCommandTest {

  static long options(MarketSnapshot m) {
    return m.quotes().stream().filter(q -> q.instrument().kind() == InstrumentKind.OPTION).count();
  }

  @Test
  void writesTheGeneratorsMarketAsSnapshotJson(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("market.json");
    CliRun r = run("sample-market", "--out", file.toString());
    assertThat(r.code()).as(r.err()).isZero();
    MarketSnapshot expected = MarketGenerator.DEFAULT.generate(
        MarketSpec.btcEth(Instant.parse("2025-06-02T10:00:00Z")), 42);
    assertThat(Files.readString(file)).isEqualTo(MarketSnapshotJson.DEFAULT.toJson(expected));
    MarketSnapshot read = MarketSnapshotJson.DEFAULT.read(file);
    assertThat(read.timestamp()).isEqualTo(Instant.parse("2025-06-02T10:00:00Z"));
    assertThat(read.underlyings()).containsExactly("BTC", "ETH");
    assertThat(read.quotes()).hasSameSizeAs(expected.quotes());
    for (Quote q : expected.quotes()) {
      Quote back = read.quoteOrThrow(q.instrument().name());
      // as lists: Double.equals compares the bits, so an absent value (NaN) equals an absent value
      assertThat(List.of(back.mark(), back.markIv(), back.bid(), back.bidAmount(), back.ask(), back.askAmount(),
          back.openInterest(), back.forward(), back.funding8h())).as(q.instrument().name())
          .isEqualTo(List.of(q.mark(), q.markIv(), q.bid(), q.bidAmount(), q.ask(), q.askAmount(),
              q.openInterest(), q.forward(), q.funding8h()));
      assertThat(back.book().askLevels()).isEqualTo(q.book().askLevels());
    }
    assertThat(read.forwardCurve("ETH").size()).isEqualTo(expected.forwardCurve("ETH").size());
    // 2025-06-02 (a Monday): futures on 6JUN25 and 13JUN25 (weeklies), 27JUN25 (monthly and quarterly), 26SEP25,
    // 26DEC25 and 27MAR26, for BTC and ETH
    assertThat(r.err().strip()).isEqualTo("wrote " + options(expected) + " options, 12 futures and 2 perpetuals of "
        + "BTC, ETH (12 expiries) at 2025-06-02T10:00:00Z, seed 42 to " + file);
    assertThat(read.quote("BTC-27MAR26")).isPresent();
    assertThat(options(expected)).isBetween(1_000L, 2_500L);
  }

  @Test
  void theSizeKnobSeedAndTimestampAreHonoured(@TempDir Path dir) throws IOException {
    Path a = dir.resolve("a.json");
    Path b = dir.resolve("b.json");
    Path c = dir.resolve("c.json");
    String[] args = {"--options", "10000", "--seed", "7", "--timestamp", "2026-02-04T04:24:00Z"};
    assertThat(run(concat("sample-market", "--out", a.toString(), args)).code()).isZero();
    assertThat(run(concat("sample-market", "--out", b.toString(), args)).code()).isZero();
    assertThat(run("sample-market", "--out", c.toString(), "--options", "10000", "--seed", "8", "--timestamp",
        "2026-02-04T04:24:00Z").code()).isZero();
    assertThat(Files.readString(b)).isEqualTo(Files.readString(a));
    assertThat(Files.readString(c)).isNotEqualTo(Files.readString(a));
    MarketSnapshot m = MarketSnapshotJson.DEFAULT.read(a);
    assertThat(options(m)).isEqualTo(10_000);
    assertThat(m.timestamp()).isEqualTo(Instant.parse("2026-02-04T04:24:00Z"));
    CliRun stdout = run(concat("sample-market", "--out", "-", args));
    assertThat(stdout.code()).isZero();
    assertThat(stdout.out()).isEqualTo(Files.readString(a));
    assertThat(stdout.err()).contains("10000 options", "to stdout");
  }

  @Test
  void badArgumentsAreUsageErrorsThatSayWhy(@TempDir Path dir) {
    String file = dir.resolve("x.json").toString();
    CliRun odd = run("sample-market", "--out", file, "--options", "999");
    assertThat(odd.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(odd.err()).contains("--options 999", "even");
    CliRun few = run("sample-market", "--out", file, "--options", "10");
    assertThat(few.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(few.err()).contains("--options 10", "24 option chains", "at least 48 options");
    CliRun time = run("sample-market", "--out", file, "--timestamp", "yesterday");
    assertThat(time.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(time.err()).contains("--timestamp", "'yesterday'");
    CliRun late = run("sample-market", "--out", file, "--timestamp", "2099-01-01T00:00:00Z");
    assertThat(late.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(late.err()).contains("2000-2097");
    assertThat(Files.exists(dir.resolve("x.json"))).isFalse();
    CliRun unwritable = run("sample-market", "--out", dir.resolve("no/such/dir/x.json").toString());
    assertThat(unwritable.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(unwritable.err()).startsWith("netgamma: ").contains("cannot write");
    assertThat(run("sample-market").code()).isEqualTo(Main.EXIT_USAGE);
  }

  @Test
  void helpExplainsUnitsAndTheSizeKnob() {
    CliRun help = run("sample-market", "--help");
    assertThat(help.code()).isZero();
    String text = help.out().replaceAll("\\s+", " ");
    assertThat(text).contains("--options=N", "--seed=N", "--timestamp=ISO", "mark_iv a fraction",
        "0.0001 coin below 0.005", "Exit codes");
    assertThat(help.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    assertThat(run("--help").out()).contains("sample-market");
  }

  private static String[] concat(String a, String b, String c, String[] rest) {
    String[] all = new String[3 + rest.length];
    all[0] = a;
    all[1] = b;
    all[2] = c;
    System.arraycopy(rest, 0, all, 3, rest.length);
    return all;
  }
}
