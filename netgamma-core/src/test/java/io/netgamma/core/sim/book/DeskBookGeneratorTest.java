package io.netgamma.core.sim.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.InstrumentKind;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.portfolio.GreeksAggregator;
import io.netgamma.core.portfolio.NetGreeks;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.core.portfolio.PortfolioValuation;
import io.netgamma.core.portfolio.PortfolioValuer;
import io.netgamma.core.portfolio.Position;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DeskBookGeneratorTest {

  static DemoBook demo;

  @BeforeAll
  static void generate() {
    demo = DemoBook.generate(DemoBook.DEFAULT_SEED, DemoBook.DEFAULT_POSITIONS);
  }

  @Test
  void sameSeedGivesTheSameBookAndAnotherSeedAnother() {
    DemoBook again = DemoBook.generate(DemoBook.DEFAULT_SEED, DemoBook.DEFAULT_POSITIONS);
    assertThat(again.portfolio()).isEqualTo(demo.portfolio());
    assertThat(again.portfolio().collateral()).isEqualTo(demo.portfolio().collateral());
    // the same market generated again and the book on it: equal, position by position
    Portfolio onSameMarket = DeskBookGenerator.DEFAULT.generate(demo.market(),
        DeskBookSpec.of(DemoBook.DEFAULT_POSITIONS), DemoBook.DEFAULT_SEED);
    assertThat(onSameMarket.positions()).containsExactlyElementsOf(demo.portfolio().positions());
    Portfolio other = DeskBookGenerator.DEFAULT.generate(demo.market(), DeskBookSpec.of(DemoBook.DEFAULT_POSITIONS),
        DemoBook.DEFAULT_SEED + 1);
    assertThat(other.positions()).isNotEqualTo(demo.portfolio().positions());
    assertThat(other.size()).isEqualTo(DemoBook.DEFAULT_POSITIONS);
  }

  @Test
  void aMarketMakersInventoryOnBothUnderlyingsWithHedgesAndCollateral() {
    Portfolio book = demo.portfolio();
    MarketSnapshot market = demo.market();
    assertThat(book.size()).isEqualTo(DemoBook.DEFAULT_POSITIONS);
    assertThat(book.name()).isEqualTo(DeskBookSpec.DEFAULT_NAME);
    int longs = 0;
    int shorts = 0;
    Set<Long> expiries = new HashSet<>();
    Set<String> underlyings = new HashSet<>();
    int perpetuals = 0;
    int futures = 0;
    for (Position p : book.positions()) {
      Instrument ins = p.instrument();
      assertThat(market.quote(ins.name())).as(ins.name() + " is listed").isPresent();
      underlyings.add(ins.underlying());
      if (ins.isOption()) {
        assertThat(p.quantity()).isNotZero();
        longs += p.quantity() > 0 ? 1 : 0;
        shorts += p.quantity() < 0 ? 1 : 0;
        expiries.add(ins.expiry().toEpochMilli());
        double lot = ins.underlying().equals("BTC") ? 0.1 : 1.0;
        assertThat(Math.abs(p.quantity() / lot - Math.rint(p.quantity() / lot))).as("whole lots").isLessThan(1e-9);
      } else if (ins.kind() == InstrumentKind.PERPETUAL) {
        perpetuals++;
      } else if (ins.kind() == InstrumentKind.FUTURE) {
        futures++;
      }
    }
    assertThat(underlyings).containsExactlyInAnyOrder("BTC", "ETH");
    assertThat(longs).isGreaterThan(3);
    assertThat(shorts).isGreaterThan(longs); // dealers are net short options
    assertThat(expiries.size()).isGreaterThanOrEqualTo(4);
    assertThat(perpetuals).isEqualTo(2);
    assertThat(futures).isEqualTo(2 * DeskBookGenerator.HEDGE_FUTURES);
    assertThat(book.collateral()).containsOnlyKeys("BTC", "ETH", "USDC");
    assertThat(book.collateral().values()).allSatisfy(v -> assertThat(v).isPositive());
    assertThat(DeskBookGenerator.minimumPositions(market)).isEqualTo(10);
  }

  @Test
  void theHedgesOffsetMostOfTheOptionsCoinDeltaAndNettingOffsetsGamma() {
    PortfolioValuation v = PortfolioValuer.DEFAULT.value(demo.portfolio(), demo.market());
    Map<String, NetGreeks> byUnderlying = GreeksAggregator.byUnderlying(v);
    for (String u : List.of("BTC", "ETH")) {
      double optionsDeltaCoin = 0;
      double hedgeDeltaCoin = 0;
      double grossGamma = 0;
      for (int i = 0; i < v.size(); i++) {
        if (!v.underlying(i).equals(u)) {
          continue;
        }
        if (v.instrument(i).isOption()) {
          optionsDeltaCoin += v.deltaCoin(i);
          grossGamma += Math.abs(v.gamma(i));
        } else {
          hedgeDeltaCoin += v.deltaCoin(i);
        }
      }
      double ratio = -hedgeDeltaCoin / optionsDeltaCoin;
      // the hedge ratio is drawn in 0.85 ± 0.05; contract rounding moves it by less than a contract
      assertThat(ratio).as(u + " hedge ratio").isBetween(0.79, 0.91);
      assertThat(byUnderlying.get(u).deltaCoin()).isCloseTo(optionsDeltaCoin + hedgeDeltaCoin, within(1e-9
          * Math.abs(optionsDeltaCoin)));
      // partially offsetting: the net gamma is a fraction of the gross
      assertThat(Math.abs(byUnderlying.get(u).gamma())).as(u + " net vs gross gamma").isLessThan(0.9 * grossGamma);
    }
  }

  @Test
  void aBookBiggerThanTheListedOptionsTradesInstrumentsSeveralTimes() {
    Portfolio big = DeskBookGenerator.DEFAULT.generate(demo.market(), DeskBookSpec.of(10_000), 7);
    assertThat(big.size()).isEqualTo(10_000);
    assertThat(big.instruments().size()).isLessThan(10_000);
    long listedOptions = demo.market().quotes().stream().filter(q -> q.instrument().isOption()).count();
    assertThat((long) big.instruments().size()).isLessThanOrEqualTo(listedOptions + 6);
    PortfolioValuation v = PortfolioValuer.DEFAULT.value(big, demo.market());
    assertThat(v.size()).isEqualTo(10_000);
  }

  @Test
  void tooSmallABookIsRejectedWithTheMinimum() {
    assertThatThrownBy(() -> DeskBookGenerator.DEFAULT.generate(demo.market(), DeskBookSpec.of(9), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 10 positions")
        .hasMessageContaining("got 9");
    assertThatThrownBy(() -> DeskBookSpec.of(0)).hasMessageContaining("positions must be in [1, 1000000], got 0");
    assertThatThrownBy(() -> new DeskBookSpec("x", 10, 1.5, 0.5, 0.8)).hasMessageContaining("shortPutShare");
    Portfolio smallest = DeskBookGenerator.DEFAULT.generate(demo.market(), DeskBookSpec.of(10), 1);
    assertThat(smallest.size()).isEqualTo(10);
  }

  @Test
  void theDemoMarketMovesWithTheGivenSpotsAndIsTheDemosWithoutMoves() {
    MarketSnapshot same = DemoBook.market(DemoBook.DEFAULT_SEED, DemoBook.DEFAULT_VALUATION, 0, 0);
    // quotes hold order books (no value equality): compare what a valuation reads
    assertThat(same.quotes().stream().map(q -> q.instrument().name() + " " + q.mark() + " " + q.markIv() + " "
        + q.forward()).toList()).containsExactlyElementsOf(demo.market().quotes().stream().map(q ->
            q.instrument().name() + " " + q.mark() + " " + q.markIv() + " " + q.forward()).toList());
    assertThat(same.forwardCurve("BTC").forward(same.forwardCurve("BTC").expiry(3)))
        .isEqualTo(demo.market().forwardCurve("BTC").forward(demo.market().forwardCurve("BTC").expiry(3)));
    MarketSnapshot moved = DemoBook.market(DemoBook.DEFAULT_SEED, DemoBook.DEFAULT_VALUATION.plusSeconds(86_400),
        0.03, -0.04);
    assertThat(moved.index("BTC")).isCloseTo(demo.market().index("BTC") * 1.03, within(1e-9));
    assertThat(moved.index("ETH")).isCloseTo(demo.market().index("ETH") * 0.96, within(1e-9));
    assertThat(moved.timestamp()).isEqualTo(DemoBook.DEFAULT_VALUATION.plusSeconds(86_400));
    assertThatThrownBy(() -> DemoBook.market(1, DemoBook.DEFAULT_VALUATION, -1, 0)).hasMessageContaining("> -1");
  }

  @Test
  void aMarketWithoutOptionsHasNoBook() {
    MarketSnapshot empty = MarketSnapshot.builder(demo.market().timestamp()).index("BTC", 95_000).build();
    assertThatThrownBy(() -> DeskBookGenerator.DEFAULT.generate(empty, DeskBookSpec.of(40), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no tradable option");
  }
}
