package io.netgamma.data.portfolio;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.data.io.ReadSummary;

/**
 * A portfolio read leniently: the good positions, and the counts of position entries read, accepted and skipped
 * (each skipped one was reported to the issue listener).
 *
 * @param portfolio the portfolio, without the skipped positions
 * @param summary counts of position entries
 */
public record PortfolioRead(Portfolio portfolio, ReadSummary summary) {

  /** Checks for nulls. */
  public PortfolioRead {
    ArgChecker.notNull(portfolio, "portfolio");
    ArgChecker.notNull(summary, "summary");
  }
}
