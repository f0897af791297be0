/** Seeded synthetic desk books (a market maker's options inventory with its hedges and collateral) for demos. */
package io.netgamma.core.sim.book;
