package io.netgamma.data.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netgamma.core.instrument.OptionType;
import io.netgamma.core.pricing.Black76;
import io.netgamma.core.pricing.ImpliedVolatility;
import io.netgamma.data.tardis.ChainRow;
import io.netgamma.data.io.ReadSummary;
import io.netgamma.data.tardis.TardisChainReader;
import io.netgamma.data.tardis.TardisChainWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SampleChainGeneratorTest {

  static final List<ChainRow> BTC = SampleChainGenerator.generate(SampleChainGenerator.Spec.defaults("BTC"));

  @Test
  void aDeribitLikeScheduleOfExpiries() {
    // Monday 2 June 2025, 10:00 UTC: that day's 08:00 expiry is gone.
    assertThat(SampleChainGenerator.expiries(SampleChainGenerator.DEFAULT_TIMESTAMP)).containsExactly(
        LocalDate.of(2025, 6, 3), LocalDate.of(2025, 6, 4), LocalDate.of(2025, 6, 5), // dailies
        LocalDate.of(2025, 6, 6), LocalDate.of(2025, 6, 13),                          // weeklies (Fridays)
        LocalDate.of(2025, 6, 27), LocalDate.of(2025, 7, 25),                         // monthlies (last Friday)
        LocalDate.of(2025, 9, 26), LocalDate.of(2025, 12, 26));                       // quarterlies
    // Before 08:00 the same day's expiry is still listed.
    assertThat(SampleChainGenerator.expiries(Instant.parse("2025-06-02T07:59:00Z")).get(0))
        .isEqualTo(LocalDate.of(2025, 6, 2));
    for (LocalDate d : SampleChainGenerator.expiries(Instant.parse("2024-12-20T12:00:00Z"))) {
      assertThat(d).isAfter(LocalDate.of(2024, 12, 20));
    }
  }

  @Test
  void aRealisticCleanChainOfTheIntendedSize() {
    assertThat(BTC.size()).isBetween(150, 300);
    Map<Instant, Long> perExpiry = BTC.stream().collect(Collectors.groupingBy(ChainRow::expiration,
        Collectors.counting()));
    assertThat(perExpiry).hasSize(9);
    assertThat(perExpiry.values()).allSatisfy(n -> assertThat(n).isBetween(10L, 30L));
    for (ChainRow r : BTC) {
      assertThat(r.exchange()).isEqualTo("deribit");
      assertThat(r.instrument().isInverse()).isTrue();
      assertThat(r.timestamp()).isBetween(SampleChainGenerator.DEFAULT_TIMESTAMP,
          SampleChainGenerator.DEFAULT_TIMESTAMP.plusSeconds(2));
      assertThat(r.expiration()).isAfter(r.timestamp());
      boolean friday = LocalDate.ofInstant(r.expiration(), java.time.ZoneOffset.UTC).getDayOfWeek()
          == DayOfWeek.FRIDAY;
      assertThat(r.underlyingIndex().orElseThrow()).startsWith(friday ? "BTC-" : "SYN.BTC-");
      assertThat(r.openInterest().getAsDouble()).isPositive();
      assertThat(r.askPriceCoin().getAsDouble()).isGreaterThanOrEqualTo(r.markPriceCoin());
      if (r.bidPriceCoin().isPresent()) {
        assertThat(r.bidPriceCoin().getAsDouble()).isLessThanOrEqualTo(r.markPriceCoin()).isPositive();
        assertThat(r.bidAmount()).isPresent();
      }
      if (r.bidIvFraction().isPresent()) {
        assertThat(r.bidIvFraction().getAsDouble()).isLessThan(r.markIvFraction() + 0.0001);
      }
      if (r.askIvFraction().isPresent()) {
        assertThat(r.askIvFraction().getAsDouble()).isGreaterThan(r.markIvFraction() - 0.0001);
      }
      assertThat(r.markIvFraction()).isBetween(0.3, 1.5);
    }
    // a smile with put skew: on the quarterly, the lowest strike has a higher IV than the highest
    List<ChainRow> last = BTC.stream().filter(r -> r.expiration().equals(BTC.get(BTC.size() - 1).expiration()))
        .toList();
    assertThat(last.get(0).markIvFraction()).isGreaterThan(last.get(last.size() - 1).markIvFraction());
  }

  @Test
  void marksAndGreeksAreBlack76RoundedAsDeribitRoundsThem() {
    double[] out = new double[Black76.SIZE];
    for (ChainRow r : BTC) {
      double t = r.yearsToExpiry();
      double f = r.underlyingPrice();
      Black76.DEFAULT.priceAndGreeks(r.type().sign(), f, r.strike(), t, r.markIvFraction(), 0.0, out);
      // The mark was priced from the unrounded IV, which lies within 0.005 vol points of the published one: the
      // mark is within the price change over that interval, plus half the last of its 8 decimals.
      double vegaCoinPerVolPoint = out[Black76.VEGA] / f;
      double ivRounding = Math.max(
          Math.abs(Black76.DEFAULT.price(r.type(), f, r.strike(), t, r.markIvFraction() + 0.00005) / f
              - out[Black76.PRICE_COIN]),
          Math.abs(Black76.DEFAULT.price(r.type(), f, r.strike(), t, r.markIvFraction() - 0.00005) / f
              - out[Black76.PRICE_COIN]));
      assertThat(Math.abs(out[Black76.PRICE_COIN] - r.markPriceCoin())).as(r.symbol())
          .isLessThanOrEqualTo(ivRounding + 0.5e-8 + 1e-15);
      // and the mark's implied volatility is the published IV within its 2-decimal rounding (0.005 vol points)
      ImpliedVolatility iv = ImpliedVolatility.of(r.markPriceCoin() * f, f, r.strike(), t, r.type().sign());
      assertThat(iv.isOk()).isTrue();
      double priceRoundingInVol = 0.5e-8 / vegaCoinPerVolPoint / 100.0;
      assertThat(Math.abs(iv.volatility() - r.markIvFraction())).as(r.symbol())
          .isLessThanOrEqualTo(0.00005 + priceRoundingInVol + 1e-12);
      assertThat(r.delta().getAsDouble()).isEqualTo(SampleChainGenerator.round(r.delta().getAsDouble(), 5));
    }
  }

  @Test
  void theSameSpecGivesTheSameRowsAndAnotherSeedOthers() {
    assertThat(SampleChainGenerator.generate(SampleChainGenerator.Spec.defaults("BTC"))).isEqualTo(BTC);
    SampleChainGenerator.Spec other = new SampleChainGenerator.Spec("BTC", 105_000, SampleChainGenerator
        .DEFAULT_TIMESTAMP, 7);
    assertThat(SampleChainGenerator.generate(other)).isNotEqualTo(BTC);
  }

  @Test
  void ethChainsToo() {
    List<ChainRow> eth = SampleChainGenerator.generate(SampleChainGenerator.Spec.defaults("ETH"));
    assertThat(eth.size()).isBetween(150, 300);
    assertThat(eth).allSatisfy(r -> assertThat(r.symbol()).startsWith("ETH-"));
    assertThat(eth.stream().filter(r -> r.type() == OptionType.PUT).count()).isEqualTo(eth.size() / 2);
    assertThatThrownBy(() -> SampleChainGenerator.Spec.defaults("SOL")).hasMessageContaining("BTC or ETH");
  }

  @Test
  void roundStrikeSteps() {
    assertThat(SampleChainGenerator.niceStepAtLeast(620)).isEqualTo(1000);
    assertThat(SampleChainGenerator.niceStepAtLeast(2100)).isEqualTo(2500);
    assertThat(SampleChainGenerator.niceStepAtLeast(2000)).isEqualTo(2000);
    assertThat(SampleChainGenerator.niceStepAtLeast(0.3)).isEqualTo(0.5);
    assertThat(SampleChainGenerator.strikes(100_000, 0.05)).containsExactly(90_000, 92_000, 94_000, 96_000,
        98_000, 100_000, 102_000, 104_000, 106_000, 108_000, 110_000);
  }

  @Test
  void writtenRowsReadBackEqual() {
    StringWriter text = new StringWriter();
    try (TardisChainWriter w = TardisChainWriter.of(text, "memory")) {
      BTC.forEach(w::write);
    }
    List<ChainRow> back = new ArrayList<>();
    ReadSummary s = TardisChainReader.DEFAULT.read(new StringReader(text.toString()), "memory", back::add,
        i -> {
          throw new AssertionError(i.message());
        });
    assertThat(s.rowsAccepted()).isEqualTo(BTC.size());
    for (int i = 0; i < BTC.size(); i++) {
      assertThat(back.get(i).line()).isEqualTo(i + 2);
      assertThat(withLine(back.get(i), 0)).isEqualTo(BTC.get(i));
    }
    assertThat(text.toString()).doesNotContain("E-", "e-", "NaN");
  }

  @Test
  void theCommittedSampleIsWhatTheDocumentedCommandGenerates() throws Exception {
    // samples/README.md: ./netgamma sample-chain --out samples/btc-options-chain.csv (all defaults)
    Path committed = Path.of("..", "samples", "btc-options-chain.csv");
    assertThat(committed).exists();
    StringWriter text = new StringWriter();
    try (TardisChainWriter w = TardisChainWriter.of(text, "memory")) {
      BTC.forEach(w::write);
    }
    assertThat(Files.readString(committed)).isEqualTo(text.toString());
  }

  static ChainRow withLine(ChainRow r, long line) {
    return new ChainRow(line, r.exchange(), r.symbol(), r.instrument(), r.timestamp(), r.localTimestamp(), r.type(),
        r.strike(), r.expiration(), r.openInterest(), r.lastPriceCoin(), r.bidPriceCoin(), r.bidAmount(),
        r.bidIvFraction(), r.askPriceCoin(), r.askAmount(), r.askIvFraction(), r.markPriceCoin(), r.markIvFraction(),
        r.underlyingIndex(), r.underlyingPrice(), r.delta(), r.gamma(), r.vega(), r.theta(), r.rho());
  }
}
