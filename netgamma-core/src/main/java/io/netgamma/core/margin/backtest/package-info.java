/**
 * Margin backtests: a book's margin each day of a price (and implied-volatility) history against the loss it
 * realised over the liquidation horizon, breaches counted and the Kupiec proportion-of-failures test.
 */
package io.netgamma.core.margin.backtest;
