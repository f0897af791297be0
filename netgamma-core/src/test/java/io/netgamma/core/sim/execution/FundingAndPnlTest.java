package io.netgamma.core.sim.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FundingAndPnlTest {

  @Test
  void longsPayPositiveFundingByHand() {
    // 2 BTC long at 60,000 with +1 bp per 8 h: 120,000 USD · 0.0001 = 12 USD paid per 8 h
    assertThat(Funding.paymentUsd(2, 60_000, 0.0001, 8)).isCloseTo(-12, within(1e-9));
    assertThat(Funding.paymentUsd(-2, 60_000, 0.0001, 8)).isCloseTo(12, within(1e-9));
    assertThat(Funding.paymentUsd(2, 60_000, -0.0001, 8)).isCloseTo(12, within(1e-9));
    assertThat(Funding.paymentUsd(2, 60_000, 0.0001, 1)).isCloseTo(-1.5, within(1e-9));
    assertThat(Funding.paymentCoin(2, 60_000, 0.0001, 8)).isCloseTo(-0.0002, within(1e-15));
  }

  @Test
  void inversePnlByHand() {
    // long 10,000 USD of BTC-PERPETUAL from 50,000 to 55,000: 10,000·(1/50,000 − 1/55,000) = 0.0181818 BTC
    assertThat(ContractPnl.inverseCoin(10_000, 50_000, 55_000)).isCloseTo(10_000.0 / 550_000, within(1e-15));
    assertThat(ContractPnl.inverseUsd(10_000, 50_000, 55_000)).isCloseTo(1_000, within(1e-9));
    // the same fall costs more coin than the rise earned (inverse convexity), the same USD
    assertThat(ContractPnl.inverseCoin(10_000, 50_000, 45_000)).isCloseTo(-10_000.0 / 450_000, within(1e-15));
    assertThat(ContractPnl.inverseUsd(10_000, 50_000, 45_000)).isCloseTo(-1_000, within(1e-9));
    assertThat(ContractPnl.inverseCoin(-10_000, 50_000, 55_000)).isCloseTo(-10_000.0 / 550_000, within(1e-15));
    // linear: 0.2 BTC from 50,000 to 55,000 = the USD P&L of the inverse position of 0.2 BTC at entry
    assertThat(ContractPnl.linearUsd(0.2, 50_000, 55_000)).isCloseTo(1_000, within(1e-9));
    assertThat(ContractPnl.contractsUsd(0.2, 50_000)).isCloseTo(10_000, within(1e-9));
  }
}
