/**
 * Execution model of the hedging simulator: fills with spread, order-book depth or square-root impact, fees, fixed
 * (gas) cost and latency; perpetual funding; inverse and linear P&amp;L; reflexive (temporary and permanent) market
 * impact of the hedger's own trades and its amplification of price moves.
 */
package io.netgamma.core.sim.execution;
