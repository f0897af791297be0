/** Netting analytics of a valued book: gross vs net greeks, netting efficiency, hedging flow and cost saved. */
package io.netgamma.core.risk.netting;
