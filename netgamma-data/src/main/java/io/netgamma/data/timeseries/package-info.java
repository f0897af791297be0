/** Price and volatility-index time series in: OHLCV and Deribit DVOL CSV, read streaming into structure-of-arrays. */
package io.netgamma.data.timeseries;
