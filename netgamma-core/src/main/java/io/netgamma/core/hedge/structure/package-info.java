/**
 * Hedging structures for a spot holding: protective put, collar (zero-cost or budgeted), put spread — strikes chosen
 * or solved, sized to the holding, priced on a market snapshot with their net greeks, floor, cap and breakevens.
 */
package io.netgamma.core.hedge.structure;
