/** Deribit standard margin: per instrument, no offsets, coin for inverse products and USDC for linear ones. */
package io.netgamma.core.margin.standard;
