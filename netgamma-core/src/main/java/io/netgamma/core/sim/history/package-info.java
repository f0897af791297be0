/** Seeded synthetic price and implied-volatility histories (GARCH-like, with a crash) for demos and tests. */
package io.netgamma.core.sim.history;
