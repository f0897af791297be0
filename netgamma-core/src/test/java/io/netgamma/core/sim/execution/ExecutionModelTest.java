package io.netgamma.core.sim.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.netgamma.core.base.MissingMarketDataException;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.Settlement;
import io.netgamma.core.market.OrderBook;
import io.netgamma.core.market.Quote;
import org.junit.jupiter.api.Test;

class ExecutionModelTest {

  static final double EPS = 1e-9;

  /** Bids 99.5 x 1, 99 x 2; asks 100.5 x 1, 101 x 2, 102 x 5 (coins); mid 100. */
  static final OrderBook BOOK = OrderBook.of(new double[] {99.5, 99}, new double[] {1, 2},
      new double[] {100.5, 101, 102}, new double[] {1, 2, 5});

  @Test
  void proportionalSpreadFeeAndGasByHand() {
    ExecutionModel model = ExecutionModel.of(0.001, FeeSchedule.ofNotional(0.0005, 0)).withFixedCostUsd(1.5);
    Fill f = new Fill();
    model.fill(f, 2, 100);
    assertThat(f.fillPriceUsd()).isCloseTo(100.1, within(EPS));
    assertThat(f.filledCoins()).isEqualTo(2);
    assertThat(f.spreadCostUsd()).isCloseTo(0.2, within(EPS));
    assertThat(f.impactCostUsd()).isCloseTo(0, within(EPS));
    assertThat(f.feeUsd()).isCloseTo(0.0005 * 2 * 100.1, within(EPS));
    assertThat(f.fixedCostUsd()).isEqualTo(1.5);
    assertThat(f.totalCostUsd()).isCloseTo(0.2 + 0.1001 + 1.5, within(EPS));
    assertThat(f.cashFlowUsd()).isCloseTo(-200.2 - 0.1001 - 1.5, within(EPS));
    // a sale crosses the other way
    model.fill(f, -3, 100);
    assertThat(f.fillPriceUsd()).isCloseTo(99.9, within(EPS));
    assertThat(f.cashFlowUsd()).isCloseTo(3 * 99.9 - 0.0005 * 3 * 99.9 - 1.5, within(EPS));
    // nothing ordered: nothing paid, not even gas
    model.fill(f, 0, 100);
    assertThat(f.totalCostUsd()).isZero();
    assertThat(f.cashFlowUsd()).isZero();
  }

  @Test
  void walksTheBookByHand() {
    ExecutionModel model = ExecutionModel.of(0, FeeSchedule.ofNotional(0.0005, 0))
        .withDepth(DepthProfile.of(BOOK, DepthProfile.AmountUnit.COINS)).withFixedCostUsd(2);
    Fill f = new Fill();
    model.fill(f, 2.5, 100); // 1 @ 100.5 + 1.5 @ 101 = 252 for 2.5 coins
    assertThat(f.fillPriceUsd()).isCloseTo(100.8, within(EPS));
    assertThat(f.spreadCostUsd()).isCloseTo(2.5 * 0.5, within(EPS));
    assertThat(f.impactCostUsd()).isCloseTo(2.5 * 0.3, within(EPS));
    assertThat(f.feeUsd()).isCloseTo(0.0005 * 252, within(EPS));
    assertThat(f.totalCostUsd()).isCloseTo(1.25 + 0.75 + 0.126 + 2, within(EPS));
    assertThat(f.totalCostUsd()).isCloseTo((f.fillPriceUsd() - 100) * 2.5 + f.feeUsd() + 2, within(EPS));
    model.fill(f, -2, 100); // 1 @ 99.5 + 1 @ 99
    assertThat(f.fillPriceUsd()).isCloseTo(99.25, within(EPS));
    assertThat(f.isComplete()).isTrue();
  }

  @Test
  void theBookShapeFollowsTheMidAndOnlyItsDepthFills() {
    ExecutionModel model = ExecutionModel.FRICTIONLESS.withDepth(DepthProfile.of(BOOK,
        DepthProfile.AmountUnit.COINS));
    Fill f = new Fill();
    model.fill(f, 2.5, 200); // the same relative levels around a mid of 200
    assertThat(f.fillPriceUsd()).isCloseTo(201.6, within(EPS));
    model.fill(f, 10, 100); // 8 coins on the asks
    assertThat(f.filledCoins()).isCloseTo(8, within(EPS));
    assertThat(f.unfilledCoins()).isCloseTo(2, within(EPS));
    assertThat(f.isComplete()).isFalse();
    assertThat(f.fillPriceUsd()).isCloseTo((100.5 + 202 + 510) / 8, within(EPS));
    model.fill(f, -5, 100);
    assertThat(f.filledCoins()).isCloseTo(-3, within(EPS));
  }

  @Test
  void inversePerpetualBooksAreInUsdContracts() {
    OrderBook usd = OrderBook.of(new double[] {59_990}, new double[] {59_990}, new double[] {60_010, 60_020},
        new double[] {60_010, 120_040});
    Quote quote = new Quote(Instrument.perpetual("BTC", Settlement.INVERSE), 60_000, Double.NaN, 59_990, 59_990,
        60_010, 60_010, Double.NaN, Double.NaN, 0.0001, usd);
    DepthProfile depth = DepthProfile.of(quote);
    assertThat(depth.askDepthCoins()).isCloseTo(3, within(EPS));
    assertThat(depth.bidDepthCoins()).isCloseTo(1, within(EPS));
    Fill f = new Fill();
    ExecutionModel.FRICTIONLESS.withDepth(depth).fill(f, 2, 60_000);
    assertThat(f.fillPriceUsd()).isCloseTo((60_010 + 60_020) / 2.0, within(EPS));
    assertThat(ExecutionModel.halfSpreadOf(quote)).isCloseTo(10.0 / 60_000, within(1e-15));
  }

  @Test
  void fromAQuoteUsesItsBookOrElseItsSpread() {
    Instrument perp = Instrument.perpetual("BTC", Settlement.LINEAR);
    Quote withBook = new Quote(perp, 100, Double.NaN, 99.5, 1, 100.5, 1, Double.NaN, Double.NaN, Double.NaN, BOOK);
    Fill f = new Fill();
    ExecutionModel.fromQuote(withBook, FeeSchedule.NONE).fill(f, 2.5, 100);
    assertThat(f.fillPriceUsd()).isCloseTo(100.8, within(EPS));
    Quote topOnly = new Quote(perp, 100, Double.NaN, 99.9, 1, 100.1, 1, Double.NaN, Double.NaN, Double.NaN,
        OrderBook.EMPTY);
    ExecutionModel.fromQuote(topOnly, FeeSchedule.NONE).fill(f, 50, 200);
    assertThat(f.fillPriceUsd()).isCloseTo(200.2, within(EPS));
    assertThatThrownBy(() -> ExecutionModel.fromQuote(Quote.ofMark(perp, 100), FeeSchedule.NONE))
        .isInstanceOf(MissingMarketDataException.class).hasMessageContaining("no bid");
  }

  @Test
  void fillingAllocatesNothing() {
    ExecutionModel model = ExecutionModel.of(0.0002, FeeSchedule.deribitPerpetual())
        .withDepth(DepthProfile.of(BOOK, DepthProfile.AmountUnit.COINS))
        .withImpact(ImpactModel.squareRoot(0.8, 0.03, 20_000, 0.6)).withFixedCostUsd(0.5);
    Fill f = new Fill();
    double sink = 0;
    for (int i = 0; i < 200_000; i++) { // warm up: let the JIT compile fill()
      model.fill(f, (i % 7) - 3.2, 100 + i % 11);
      sink += f.totalCostUsd();
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().threadId();
    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < 100_000; i++) {
      model.fill(f, (i % 7) - 3.2, 100 + i % 11);
      sink += f.totalCostUsd();
    }
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    assertThat(sink).isFinite();
    assertThat(allocated).as("bytes allocated by 100k fills").isLessThan(1_000);
  }

  @Test
  void squareRootImpactScalesWithTheSquareRootOfSize() {
    ImpactModel impact = ImpactModel.squareRoot(1.0, 0.04, 1000, 2.0 / 3);
    ExecutionModel model = ExecutionModel.FRICTIONLESS.withImpact(impact);
    Fill f = new Fill();
    model.fill(f, 10, 100); // Y·σ·√(Q/V) = 0.04·√0.01 = 0.004
    assertThat(f.fillPriceUsd()).isCloseTo(100.4, within(EPS));
    double perCoinSmall = f.impactCostUsd() / 10;
    assertThat(f.permanentLogShift()).isCloseTo(0.004 * 2 / 3, within(1e-15));
    model.fill(f, 40, 100);
    assertThat(f.impactCostUsd() / 40 / perCoinSmall).isCloseTo(2.0, within(1e-12));
    model.fill(f, -40, 100);
    assertThat(f.fillPriceUsd()).isCloseTo(99.2, within(EPS));
    assertThat(f.permanentLogShift()).isCloseTo(-0.008 * 2 / 3, within(1e-15));
    ImpactModel linear = ImpactModel.linear(0.1, 0.05, 1000);
    assertThat(linear.temporaryRelative(40) / linear.temporaryRelative(10)).isCloseTo(4, within(1e-12));
  }

  @Test
  void makerOrdersEarnTheSpreadAndPayTheMakerFee() {
    ExecutionModel model = ExecutionModel.of(0.001, FeeSchedule.ofNotional(0.0005, -0.0001));
    Fill f = new Fill();
    model.fill(f, 2, 100, 100, true);
    assertThat(f.fillPriceUsd()).isCloseTo(99.9, within(EPS));
    assertThat(f.spreadCostUsd()).isCloseTo(-0.2, within(EPS));
    assertThat(f.feeUsd()).isCloseTo(-0.0001 * 2 * 99.9, within(EPS));
    ExecutionModel.FRICTIONLESS.withDepth(DepthProfile.of(BOOK, DepthProfile.AmountUnit.COINS))
        .fill(f, -1, 100, 100, true);
    assertThat(f.fillPriceUsd()).isCloseTo(100.5, within(EPS));
  }

  @Test
  void deribitOptionFeesAreCappedAtAShareOfThePremium() {
    FeeSchedule fees = FeeSchedule.deribitOptions();
    assertThat(fees.feeUsd(2, 500, 60_000, false)).isCloseTo(2 * 18, within(EPS)); // 0.03% of 60k = 18 < 62.5
    assertThat(fees.feeUsd(-2, 50, 60_000, false)).isCloseTo(2 * 6.25, within(EPS)); // capped at 12.5% of 50
    assertThat(FeeSchedule.deribitPerpetual().feeUsd(1, 60_000, 60_000, false)).isCloseTo(30, within(EPS));
  }

  @Test
  void latencyFillsLaterButNotBeyondThePath() {
    ExecutionModel model = ExecutionModel.FRICTIONLESS.withLatencySteps(3);
    assertThat(model.fillStep(10, 100)).isEqualTo(13);
    assertThat(model.fillStep(99, 100)).isEqualTo(100);
    assertThat(ExecutionModel.FRICTIONLESS.fillStep(10, 100)).isEqualTo(10);
  }

  @Test
  void rejectsBadInput() {
    Fill f = new Fill();
    assertThatThrownBy(() -> ExecutionModel.FRICTIONLESS.fill(f, 1, Double.NaN)).hasMessageContaining("mid");
    assertThatThrownBy(() -> ExecutionModel.FRICTIONLESS.fill(f, Double.NaN, 1)).hasMessageContaining("amount");
    assertThatThrownBy(() -> ExecutionModel.of(-0.1, FeeSchedule.NONE)).hasMessageContaining("halfSpread");
    assertThatThrownBy(() -> FeeSchedule.ofNotional(0.0005, -0.001)).hasMessageContaining("rebate");
    assertThatThrownBy(() -> DepthProfile.of(OrderBook.EMPTY, DepthProfile.AmountUnit.COINS))
        .hasMessageContaining("both sides");
  }
}
