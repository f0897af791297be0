/**
 * Stress tests of a book: historical replays and hypothetical spot × vol × correlation shocks, revalued in full on a
 * shocked copy of the market, with the P&amp;L, the margin after each step and the point where the account would be
 * liquidated ({@link io.netgamma.core.sim.stress.StressTester}).
 */
package io.netgamma.core.sim.stress;
