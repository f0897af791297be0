/** Deribit API results in: ticker, order book, book summary and instrument metadata, mapped to netgamma quotes. */
package io.netgamma.data.deribit;
