/** Market data: snapshots of index prices, forward curves, volatility surfaces, quotes and order books. */
package io.netgamma.core.market;
