package io.netgamma.data.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.InstrumentKind;
import io.netgamma.core.instrument.OptionType;
import io.netgamma.core.market.ForwardCurve;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.market.Quote;
import io.netgamma.core.market.surface.ExpirySmile;
import io.netgamma.core.market.surface.SmileQuote;
import io.netgamma.core.market.surface.SurfaceFit;
import io.netgamma.core.market.surface.SviFit;
import io.netgamma.core.market.surface.SviSurfaceFitter;
import io.netgamma.core.pricing.Black76;
import io.netgamma.core.pricing.ImpliedVolatility;
import io.netgamma.core.sim.market.MarketGenerator;
import io.netgamma.data.io.ReadSummary;
import io.netgamma.data.io.RowIssue;
import io.netgamma.data.tardis.ChainRow;
import io.netgamma.data.tardis.MarkConsistency;
import io.netgamma.data.tardis.TardisChainReader;
import io.netgamma.data.tardis.TardisChainWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample chain is the market generator's snapshot in Tardis form: every number is checked against the
 * snapshot it came from, against Black-76 repricing from the row's own published values, and by reading the
 * written file back.
 */
class SampleChainGeneratorTest {

  static final SampleChainGenerator.Spec SPEC = SampleChainGenerator.Spec.defaults("BTC");
  static final MarketSnapshot MARKET = MarketGenerator.DEFAULT.generate(SPEC.marketSpec(), SPEC.seed());
  static final List<ChainRow> BTC = SampleChainGenerator.generate(SPEC);
  /** Half the last published decimal: greeks have 5 decimals, IVs 2 decimals in percent, marks 8 (coin). */
  static final double GREEK_HALF = 0.5e-5;
  static final double IV_HALF = 0.5e-4;
  static final double MARK_HALF = 0.5e-8;

  @Test
  void theWrittenChainReadsBackWithoutBadRowsAndEqualToTheRows(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("chain.csv");
    assertThat(SampleChainGenerator.write(SPEC, file)).isEqualTo(BTC.size());
    List<ChainRow> back = new ArrayList<>();
    List<RowIssue> issues = new ArrayList<>();
    ReadSummary summary = TardisChainReader.DEFAULT.read(file, back::add, issues::add);
    assertThat(issues).isEmpty();
    assertThat(summary.rowsRead()).isEqualTo(BTC.size());
    assertThat(summary.rowsAccepted()).isEqualTo(BTC.size());
    assertThat(summary.rowsSkipped()).isZero();
    for (int i = 0; i < BTC.size(); i++) {
      assertThat(back.get(i).line()).isEqualTo(i + 2);
      assertThat(withLine(back.get(i), 0)).isEqualTo(BTC.get(i));
    }
    String text = Files.readString(file);
    assertThat(text).doesNotContain("E-", "e-", "NaN", "Infinity");
    assertThat(text.lines().findFirst().orElseThrow()).isEqualTo(String.join(",", TardisChainReader.TARDIS_COLUMNS));
  }

  @Test
  void oneRowPerOptionQuoteOfTheGeneratedMarketCarryingItsNumbers() {
    List<Quote> options = MARKET.quotes().stream().filter(q -> q.instrument().kind() == InstrumentKind.OPTION)
        .toList();
    assertThat(BTC).hasSize(options.size()).hasSize(SampleChainGenerator.DEFAULT_OPTIONS);
    assertThat(BTC.size()).isBetween(150, 250);
    ForwardCurve curve = MARKET.forwardCurve("BTC");
    for (int i = 0; i < BTC.size(); i++) {
      ChainRow r = BTC.get(i);
      Quote q = options.get(i);
      Instrument inst = q.instrument();
      assertThat(r.symbol()).isEqualTo(inst.name());
      assertThat(r.instrument()).isEqualTo(inst);
      assertThat(r.exchange()).isEqualTo("deribit");
      assertThat(r.timestamp()).isEqualTo(SampleChainGenerator.DEFAULT_TIMESTAMP);
      assertThat(r.localTimestamp()).isEqualTo(r.timestamp());
      assertThat(r.type()).isEqualTo(inst.optionType());
      assertThat(r.strike()).isEqualTo(inst.strike());
      assertThat(r.expiration()).isEqualTo(inst.expiry());
      assertThat(r.markPriceCoin()).isEqualTo(q.mark());
      assertThat(r.markIvFraction()).isEqualTo(q.markIv());
      assertThat(r.underlyingPrice()).isEqualTo(q.forward())
          .isEqualTo(curve.nodeForward(inst.expiry().toEpochMilli()));
      assertThat(r.openInterest()).isEqualTo(present(q.openInterest()));
      assertThat(r.bidPriceCoin()).isEqualTo(present(q.bid()));
      assertThat(r.bidAmount()).isEqualTo(present(q.bidAmount()));
      assertThat(r.askPriceCoin()).isEqualTo(present(q.ask()));
      assertThat(r.askAmount()).isEqualTo(present(q.askAmount()));
      assertThat(r.lastPriceCoin()).isEmpty();
      LocalDate date = LocalDate.ofInstant(r.expiration(), ZoneOffset.UTC);
      String future = "BTC-" + Instrument.formatDate(date);
      boolean listed = MARKET.quote(future).map(f -> f.instrument().kind() == InstrumentKind.FUTURE).orElse(false);
      assertThat(r.underlyingIndex()).contains(listed ? future : "SYN." + future);
      if (listed) { // the forward of an expiry with a future is that future's mark
        assertThat(r.underlyingPrice()).isEqualTo(MARKET.quoteOrThrow(future).mark());
      }
    }
    // Deribit's schedule as of Monday 2025-06-02 10:00 UTC: dailies 3-6 June, Fridays 6, 13, 20 June, month ends
    // 27 June, 25 July, 29 August, quarter ends 27 June, 26 September, 26 December, 27 March 2026; futures on the
    // first two weeklies, the first monthly and every quarterly
    Map<Instant, String> indexByExpiry = BTC.stream().collect(Collectors.toMap(ChainRow::expiration,
        r -> r.underlyingIndex().orElseThrow(), (a, b) -> a, TreeMap::new));
    assertThat(indexByExpiry.values()).containsExactly("SYN.BTC-3JUN25", "SYN.BTC-4JUN25", "SYN.BTC-5JUN25",
        "BTC-6JUN25", "BTC-13JUN25", "SYN.BTC-20JUN25", "BTC-27JUN25", "SYN.BTC-25JUL25", "SYN.BTC-29AUG25",
        "BTC-26SEP25", "BTC-26DEC25", "BTC-27MAR26");
    assertThat(indexByExpiry.keySet()).allSatisfy(e -> assertThat(e.toString()).endsWith("T08:00:00Z"));
    assertThat(BTC.stream().filter(r -> r.type() == OptionType.PUT).count()).isEqualTo(BTC.size() / 2);
  }

  @Test
  void greeksAreBlack76AtTheRowsOwnMarkIvForwardAndTimestampAsDeribitPublishesThem() {
    double[] out = new double[Black76.SIZE];
    int floored = 0;
    for (ChainRow r : BTC) {
      Black76.DEFAULT.priceAndGreeks(r.type().sign(), r.underlyingPrice(), r.strike(), r.yearsToExpiry(),
          r.markIvFraction(), 0.0, out);
      // Deribit floors theta at minus the option's USD value (see DeribitChainValidationTest)
      double theta = Math.max(out[Black76.THETA], -out[Black76.PRICE]);
      floored += theta != out[Black76.THETA] ? 1 : 0;
      double[] ours = {out[Black76.DELTA], out[Black76.GAMMA], out[Black76.VEGA], theta, out[Black76.RHO]};
      OptionalDouble[] published = {r.delta(), r.gamma(), r.vega(), r.theta(), r.rho()};
      for (int g = 0; g < ours.length; g++) {
        double p = published[g].orElseThrow();
        assertThat(Math.abs(p - ours[g])).as(r.symbol() + " greek " + g).isLessThanOrEqualTo(GREEK_HALF);
        assertThat(BigDecimal.valueOf(p).stripTrailingZeros().scale()).as(r.symbol()).isLessThanOrEqualTo(5);
      }
    }
    // the floor binds on the short-dated out-of-the-money options only
    assertThat(floored).isBetween(1, BTC.size() / 5);
    // call and put of one strike: deltas one apart, equal gamma and vega, within the two roundings
    for (int i = 0; i < BTC.size(); i += 2) {
      ChainRow call = BTC.get(i);
      ChainRow put = BTC.get(i + 1);
      assertThat(call.symbol().replace("-C", "-P")).isEqualTo(put.symbol());
      assertThat(Math.abs(call.delta().orElseThrow() - put.delta().orElseThrow() - 1)).isLessThanOrEqualTo(
          2 * GREEK_HALF);
      assertThat(call.gamma()).isEqualTo(put.gamma());
      assertThat(call.vega()).isEqualTo(put.vega());
      // put-call parity on the marks, in coin: C - P = (F - K) / F within the two 8-decimal roundings
      double parity = (call.underlyingPrice() - call.strike()) / call.underlyingPrice();
      assertThat(Math.abs(call.markPriceCoin() - put.markPriceCoin() - parity)).as(call.symbol())
          .isLessThanOrEqualTo(2 * MARK_HALF + 1e-15);
    }
  }

  @Test
  void everyMarkIsBlack76OfItsOwnMarkIvAndForward() {
    for (ChainRow r : BTC) {
      // no forward drift: the row's forward is the one the mark was priced with
      MarkConsistency.Result check = MarkConsistency.check(r, 0.0);
      assertThat(check.consistent()).as(r.symbol() + " " + check).isTrue();
      // and the mark's own implied volatility rounds to the published mark IV, within the mark's 8 decimals
      double f = r.underlyingPrice();
      ImpliedVolatility iv = Black76.DEFAULT.impliedVolatilityFromCoinPrice(r.type(), r.markPriceCoin(), f,
          r.strike(), r.yearsToExpiry(), 0.0);
      assertThat(iv.isOk()).as(r.symbol() + " " + iv.reason()).isTrue();
      double vegaCoinPerVol = Black76.DEFAULT.greeks(r.type(), f, r.strike(), r.yearsToExpiry(), iv.volatility())
          .vega() * 100 / f;
      assertThat(Math.abs(iv.volatility() - r.markIvFraction())).as(r.symbol())
          .isLessThanOrEqualTo(IV_HALF + MARK_HALF / vegaCoinPerVol + 1e-12);
    }
  }

  @Test
  void bidBelowMarkBelowAskAndTheirIvsAreRecoveredFromThePrices() {
    int withoutBidIv = 0;
    for (ChainRow r : BTC) {
      assertThat(r.bidPriceCoin().isPresent()).isEqualTo(r.bidAmount().isPresent());
      assertThat(r.askPriceCoin()).isPresent();
      assertThat(r.askPriceCoin().getAsDouble()).as(r.symbol()).isGreaterThanOrEqualTo(r.markPriceCoin());
      assertThat(r.askAmount().getAsDouble()).isPositive();
      checkSideIv(r, r.askPriceCoin(), r.askIvFraction());
      assertThat(r.askIvFraction().getAsDouble()).isGreaterThanOrEqualTo(r.markIvFraction());
      if (r.bidPriceCoin().isPresent()) {
        assertThat(r.bidPriceCoin().getAsDouble()).as(r.symbol()).isPositive()
            .isLessThanOrEqualTo(r.markPriceCoin());
        assertThat(r.bidAmount().getAsDouble()).isPositive();
        checkSideIv(r, r.bidPriceCoin(), r.bidIvFraction());
        if (r.bidIvFraction().isPresent()) {
          assertThat(r.bidIvFraction().getAsDouble()).isLessThanOrEqualTo(r.markIvFraction());
        } else {
          withoutBidIv++;
        }
      } else {
        assertThat(r.bidIvFraction()).isEmpty();
      }
    }
    // deep in-the-money bids rounded down to the tick below intrinsic value have no implied volatility
    assertThat(withoutBidIv).isPositive();
  }

  /** A side's IV is there exactly when its price has one, and is that IV rounded to 2 decimals in percent. */
  static void checkSideIv(ChainRow r, OptionalDouble price, OptionalDouble published) {
    ImpliedVolatility iv = Black76.DEFAULT.impliedVolatilityFromCoinPrice(r.type(), price.getAsDouble(),
        r.underlyingPrice(), r.strike(), r.yearsToExpiry(), 0.0);
    assertThat(published.isPresent()).as(r.symbol() + " " + iv.reason()).isEqualTo(iv.isOk());
    if (iv.isOk()) {
      assertThat(Math.abs(published.getAsDouble() - iv.volatility())).as(r.symbol()).isLessThanOrEqualTo(IV_HALF);
      assertThat(BigDecimal.valueOf(published.getAsDouble()).stripTrailingZeros().scale()).isLessThanOrEqualTo(4);
    } else {
      assertThat(iv.status()).isEqualTo(ImpliedVolatility.Status.BELOW_INTRINSIC);
    }
  }

  @Test
  void theSameSeedWritesTheSameBytesAndAnotherSeedAnotherChain(@TempDir Path dir) throws IOException {
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    Path c = dir.resolve("c.csv");
    SampleChainGenerator.write(SPEC, a);
    SampleChainGenerator.write(SampleChainGenerator.Spec.defaults("BTC"), b);
    SampleChainGenerator.write(new SampleChainGenerator.Spec("BTC", 105_000, SampleChainGenerator.DEFAULT_TIMESTAMP,
        7), c);
    assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
    assertThat(Files.readAllBytes(c)).isNotEqualTo(Files.readAllBytes(a));
    List<String> linesA = Files.readAllLines(a);
    List<String> linesC = Files.readAllLines(c);
    assertThat(linesC).hasSameSizeAs(linesA);
    // another seed moves the marks, not just a digit somewhere
    long differentMarks = 0;
    for (int i = 1; i < linesA.size(); i++) {
      differentMarks += field(linesA.get(i), "mark_price").equals(field(linesC.get(i), "mark_price")) ? 0 : 1;
    }
    assertThat(differentMarks).isGreaterThan(linesA.size() / 2);
  }

  @Test
  void theChainFitsASurfaceWithoutButterflyOrCalendarArbitrage() {
    TreeMap<Long, List<ChainRow>> byExpiry = BTC.stream().collect(Collectors.groupingBy(
        r -> r.expiration().toEpochMilli(), TreeMap::new, Collectors.toList()));
    long[] expiries = byExpiry.keySet().stream().mapToLong(Long::longValue).toArray();
    double[] forwards = byExpiry.values().stream().mapToDouble(rows -> rows.get(0).underlyingPrice()).toArray();
    ForwardCurve curve = ForwardCurve.of("BTC", SPEC.timestamp().toEpochMilli(), SPEC.spot(), expiries, forwards);
    List<ExpirySmile> smiles = new ArrayList<>();
    for (Map.Entry<Long, List<ChainRow>> e : byExpiry.entrySet()) {
      List<SmileQuote> quotes = new ArrayList<>();
      for (ChainRow r : e.getValue()) {
        quotes.add(SmileQuote.ofStrike(r.symbol(), r.strike(), r.underlyingPrice(), r.markIvFraction(),
            r.bidIvFraction().orElse(Double.NaN), r.askIvFraction().orElse(Double.NaN)));
      }
      smiles.add(ExpirySmile.of(e.getKey(), quotes));
    }
    SurfaceFit fit = SviSurfaceFitter.DEFAULT.fit(curve, smiles);
    assertThat(fit.skipped()).isEmpty();
    assertThat(fit.fits()).hasSize(12);
    assertThat(fit.calendar().arbitrageFree()).as(fit.summary()).isTrue();
    for (SviFit f : fit.fits()) {
      assertThat(f.butterfly().arbitrageFree()).as(f.summary()).isTrue();
      assertThat(f.rejected()).as(f.summary()).isEmpty();
      // each smile is an SSVI slice, itself an arbitrage-free raw-SVI smile within 0.005 vol points (the mark IVs'
      // rounding) of every quote: a least-squares fit does at least as well in its own (weighted) norm
      assertThat(f.weightedRmseVolPoints()).as(f.summary()).isLessThanOrEqualTo(0.005);
    }
    assertThat(fit.arbitrageFree()).isTrue();
  }

  @Test
  void ethAndOtherSpotsToo() {
    List<ChainRow> eth = SampleChainGenerator.generate(SampleChainGenerator.Spec.defaults("ETH"));
    assertThat(eth).hasSize(SampleChainGenerator.DEFAULT_OPTIONS);
    assertThat(eth).allSatisfy(r -> {
      assertThat(r.symbol()).startsWith("ETH-");
      assertThat(r.underlyingIndex().orElseThrow()).matches("(SYN\\.)?ETH-\\d{1,2}[A-Z]{3}\\d{2}");
      assertThat(MarkConsistency.check(r, 0.0).consistent()).as(r.symbol()).isTrue();
    });
    // the chain is centred on the spot it is given
    SampleChainGenerator.Spec low = new SampleChainGenerator.Spec("BTC", 20_000, Instant.parse("2023-01-09T12:00:00Z"),
        3, 100);
    List<ChainRow> rows = SampleChainGenerator.generate(low);
    assertThat(rows).hasSize(100);
    assertThat(rows).allSatisfy(r -> {
      assertThat(r.underlyingPrice()).isBetween(20_000.0, 20_000 * 1.1);
      assertThat(r.strike()).isBetween(r.underlyingPrice() * 0.3, r.underlyingPrice() * 3.0);
      assertThat(r.expiration()).isAfter(low.timestamp());
    });
  }

  @Test
  void aBadSpecIsRejectedWithTheFieldAndValue() {
    Instant at = SampleChainGenerator.DEFAULT_TIMESTAMP;
    assertThatThrownBy(() -> SampleChainGenerator.Spec.defaults("SOL")).hasMessageContaining("BTC or ETH")
        .hasMessageContaining("SOL");
    assertThatThrownBy(() -> new SampleChainGenerator.Spec("BTC", -1, at, 1)).hasMessageContaining("spot")
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> new SampleChainGenerator.Spec("BTC", 1e5, Instant.parse("2100-01-01T00:00:00Z"), 1))
        .hasMessageContaining("timestamp must be in 2000-2097").hasMessageContaining("2100-01-01");
    assertThatThrownBy(() -> new SampleChainGenerator.Spec("BTC", 1e5, at, 1, 201))
        .hasMessageContaining("even").hasMessageContaining("201");
    assertThatThrownBy(() -> new SampleChainGenerator.Spec("BTC", 1e5, at, 1, 10))
        .hasMessageContaining("12 expiries").hasMessageContaining("at least 24 options, got 10");
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

  static OptionalDouble present(double v) {
    return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  static String field(String line, String column) {
    return line.split(",", -1)[TardisChainReader.TARDIS_COLUMNS.indexOf(column)];
  }

  static ChainRow withLine(ChainRow r, long line) {
    return new ChainRow(line, r.exchange(), r.symbol(), r.instrument(), r.timestamp(), r.localTimestamp(), r.type(),
        r.strike(), r.expiration(), r.openInterest(), r.lastPriceCoin(), r.bidPriceCoin(), r.bidAmount(),
        r.bidIvFraction(), r.askPriceCoin(), r.askAmount(), r.askIvFraction(), r.markPriceCoin(), r.markIvFraction(),
        r.underlyingIndex(), r.underlyingPrice(), r.delta(), r.gamma(), r.vega(), r.theta(), r.rho());
  }
}
