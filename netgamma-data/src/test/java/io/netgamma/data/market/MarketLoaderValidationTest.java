package io.netgamma.data.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.Quote;
import io.netgamma.core.market.VolatilitySurface;
import io.netgamma.core.market.surface.SmileQuote;
import io.netgamma.core.market.surface.SurfaceFit;
import io.netgamma.core.market.surface.SviFit;
import io.netgamma.data.DataFileException;
import io.netgamma.data.snapshot.MarketSnapshotJson;
import io.netgamma.data.tardis.ChainRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MarketLoader} on every file of the real Deribit data in {@code ../shared/data/chains} (see its README). Run
 * with {@code ./mvnw -Pvalidation test}; skipped (JUnit assumption) when {@code -Dnetgamma.sharedData} is not set or
 * the folder is absent.
 *
 * <p>Each {@code .options_chain.csv} must load as a Tardis chain with a volatility surface for every underlying that
 * has enough quotes — an unexpired expiry with mark IVs at 5 or more distinct strikes, counted here from the rows
 * themselves — on the snapshot's own forward curve, the surface giving at each quote used exactly its expiry's
 * fitted SVI smile. The snapshot JSON that {@code netgamma market} writes from the chain must load back with
 * surfaces for the same underlyings. Every other file of the folder (Deribit order-book JSON lines) must be refused
 * with an error naming it.
 */
@Tag("validation")
class MarketLoaderValidationTest {

  static Path chains;

  /** Each test is skipped, with the reason, when the data folder is not given or absent. */
  @BeforeEach
  void requireData() {
    String property = System.getProperty("netgamma.sharedData");
    assumeTrue(property != null && !property.isBlank(), "netgamma.sharedData is not set (-Dnetgamma.sharedData=DIR, "
        + "the parent pom sets it): real-data validation skipped");
    Path dir = Path.of(property).resolve("chains");
    assumeTrue(Files.isDirectory(dir), () -> "real market data not found at " + dir.toAbsolutePath()
        + ": validation skipped");
    chains = dir;
  }

  /** Underlyings with an unexpired expiry whose rows have mark IVs at 5 or more distinct strikes. */
  static Set<String> underlyingsWithEnoughQuotes(Path file, long valuationMillis) {
    Map<String, Map<Long, Set<Double>>> strikes = new LinkedHashMap<>();
    for (ChainRow r : LatestChainRows.read(file, m -> { }).rows()) {
      if (r.markIvFraction() > 0 && r.expiration().toEpochMilli() > valuationMillis) {
        strikes.computeIfAbsent(r.instrument().underlying(), u -> new HashMap<>())
            .computeIfAbsent(r.expiration().toEpochMilli(), e -> new HashSet<>()).add(r.strike());
      }
    }
    Set<String> enough = new HashSet<>();
    strikes.forEach((u, byExpiry) -> {
      if (byExpiry.values().stream().anyMatch(s -> s.size() >= 5)) {
        enough.add(u);
      }
    });
    return enough;
  }

  @Test
  void everyChainFileLoadsWithASurfaceForEachUnderlyingWithEnoughQuotes(@TempDir Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(chains)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    assertThat(files.stream().filter(f -> f.getFileName().toString().endsWith(".options_chain.csv")))
        .hasSizeGreaterThanOrEqualTo(4);
    StringBuilder report = new StringBuilder();
    for (Path file : files) {
      if (!file.getFileName().toString().endsWith(".options_chain.csv")) {
        assertThatThrownBy(() -> MarketLoader.DEFAULT.load(file)).as(file.toString())
            .isInstanceOf(DataFileException.class).hasMessageStartingWith(file.toString());
        report.append(file.getFileName()).append(": refused: ")
            .append(catchMessage(file)).append('\n');
        continue;
      }
      long start = System.nanoTime();
      LoadedMarket m = MarketLoader.DEFAULT.load(file);
      double seconds = (System.nanoTime() - start) * 1e-9;
      assertThat(m.format()).isEqualTo(MarketFormat.TARDIS_CHAIN);
      MarketSnapshot s = m.snapshot();
      Set<String> expected = underlyingsWithEnoughQuotes(file, s.timestamp().toEpochMilli());
      assertThat(expected).as(file.toString()).isNotEmpty();
      assertThat(m.fits().keySet()).as(file + "\n" + m.notes()).containsExactlyInAnyOrderElementsOf(expected);
      for (String u : expected) {
        VolatilitySurface surface = s.surface(u).orElseThrow();
        assertThat(surface.forwardCurve()).isSameAs(s.forwardCurve(u));
        SurfaceFit fit = m.fits().get(u);
        for (int i = 0; i < fit.fits().size(); i++) {
          long expiry = fit.surface().expiry(i);
          SviFit f = fit.fits().get(i);
          double forward = s.forwardCurve(u).forward(expiry);
          for (SmileQuote q : f.used()) {
            // the snapshot's surface at the quote's log-moneyness is the expiry's fitted smile there
            double k = q.logMoneyness();
            assertThat(surface.volatility(forward * Math.exp(k), expiry)).as(file + " " + q.label())
                .isCloseTo(f.volatility(k), within(1e-12));
          }
        }
        report.append(String.format(Locale.ROOT, "%s: %s%n", file.getFileName(),
            m.notes().stream().filter(n -> n.startsWith(u + ": surface")).findFirst().orElseThrow()));
      }

      // the snapshot JSON of the same chain loads back with surfaces for the same underlyings
      ChainSnapshot written = ChainSnapshotBuilder.DEFAULT.build(LatestChainRows.read(file, x -> { }), null, Map.of(),
          null);
      Path json = dir.resolve(file.getFileName() + ".json");
      MarketSnapshotJson.DEFAULT.write(written.snapshot(), json);
      LoadedMarket back = MarketLoader.DEFAULT.load(json);
      assertThat(back.format()).isEqualTo(MarketFormat.SNAPSHOT_JSON);
      assertThat(back.fits().keySet()).as(json + "\n" + back.notes()).containsExactlyInAnyOrderElementsOf(expected);
      double worst = 0;
      String where = "";
      if (sameInstantWithoutBidAskIvs(file)) {
        // the chain gives no bid/ask IVs and one instant for every row: with the bid/ask prices taken out, the JSON
        // holds exactly what the chain path fits from, and the two paths must give the same surfaces
        MarketSnapshot.Builder b = MarketSnapshot.builder(written.snapshot().timestamp());
        for (String u : written.snapshot().underlyings()) {
          b.index(u, written.snapshot().index(u)).forwardCurve(written.snapshot().forwardCurve(u));
        }
        for (Quote q : written.snapshot().quotes()) {
          b.quote(new Quote(q.instrument(), q.mark(), q.markIv(), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
              q.openInterest(), q.forward(), q.funding8h(), q.book()));
        }
        Path bare = dir.resolve(file.getFileName() + ".no-bid-ask.json");
        MarketSnapshotJson.DEFAULT.write(b.build(), bare);
        LoadedMarket same = MarketLoader.DEFAULT.load(bare);
        for (Quote q : s.quotes()) {
          String u = q.instrument().underlying();
          if (m.fits().containsKey(u)) {
            long expiry = q.instrument().expiry().toEpochMilli();
            assertThat(same.snapshot().surface(u).orElseThrow().volatility(q.instrument().strike(), expiry))
                .as(file + " " + q.instrument().name()).isCloseTo(s.surface(u).orElseThrow()
                    .volatility(q.instrument().strike(), expiry), within(1e-12));
          }
        }
        report.append(file.getFileName()).append(": one instant, no bid/ask IVs: its snapshot JSON without bid/ask "
            + "gives the same surfaces\n");
      }
      for (Quote q : s.quotes()) {
        if (m.fits().containsKey(q.instrument().underlying())) {
          long expiry = q.instrument().expiry().toEpochMilli();
          double d = 100 * Math.abs(back.snapshot().surface(q.instrument().underlying()).orElseThrow()
              .volatility(q.instrument().strike(), expiry) - s.surface(q.instrument().underlying()).orElseThrow()
              .volatility(q.instrument().strike(), expiry));
          if (d > worst) {
            worst = d;
            where = q.instrument().name();
          }
        }
      }
      report.append(String.format(Locale.ROOT, "%s: loaded in %.2f s; from its snapshot JSON: %s; surfaces differ "
          + "by at most %.4f vol points (%s)%n", file.getFileName(), seconds, back.notes().stream()
              .filter(n -> n.contains(": surface")).toList(), worst, where));
    }
    System.out.print(report);
  }

  /** True when every row of the chain has the same timestamp and none has a bid or ask IV. */
  static boolean sameInstantWithoutBidAskIvs(Path file) {
    List<ChainRow> rows = List.copyOf(LatestChainRows.read(file, x -> { }).rows());
    return rows.stream().allMatch(r -> r.timestamp().equals(rows.getFirst().timestamp())
        && r.bidIvFraction().isEmpty() && r.askIvFraction().isEmpty());
  }

  private static String catchMessage(Path file) {
    try {
      MarketLoader.DEFAULT.load(file);
      return "(loaded)";
    } catch (DataFileException e) {
      return e.getMessage();
    }
  }
}
