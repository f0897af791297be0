package io.netgamma.core.margin;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.core.portfolio.PortfolioValuation;
import io.netgamma.core.portfolio.PortfolioValuer;

/**
 * A margin model: a valued book in, the capital it needs out ({@link MarginResult}).
 *
 * <p>Models read the one {@link PortfolioValuation} of the book (forwards, volatilities, t, option marks and net
 * quantities per distinct instrument) and never re-price what it holds; scenario models revalue each distinct
 * instrument once per scenario in structure-of-arrays form. Implementations are immutable, stateless and
 * thread-safe. Amounts are in each settlement currency (coin for inverse products, USDC for linear ones) and in
 * USD (coins at their index price, USDC at 1); margins are never negative and never NaN.
 *
 * <p>Implementations: {@code margin.standard}, {@code margin.pm}, {@code margin.cross} (on top of portfolio margin),
 * {@code margin.span}, {@code margin.generic} and {@code margin.predictive} (scaling a scenario model's ranges).
 */
public interface MarginModel {

  /** A short identifier of the model, e.g. {@code deribit-standard}, {@code deribit-pm}. */
  String name();

  /**
   * The margin of a valued book.
   *
   * @param valuation the book valued on one market snapshot, not null
   * @return the initial and maintenance margin per settlement currency and in USD, with detail
   * @throws io.netgamma.core.base.MissingMarketDataException naming what the model needs and the valuation lacks
   */
  MarginResult margin(PortfolioValuation valuation);

  /**
   * Values the book with {@link PortfolioValuer#DEFAULT} (surface volatilities, rate 0), then
   * {@link #margin(PortfolioValuation)}.
   */
  default MarginResult margin(Portfolio portfolio, MarketSnapshot market) {
    ArgChecker.notNull(portfolio, "portfolio");
    ArgChecker.notNull(market, "market");
    return margin(PortfolioValuer.DEFAULT.value(portfolio, market));
  }
}
