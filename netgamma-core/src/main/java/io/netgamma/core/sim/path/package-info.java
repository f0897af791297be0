/**
 * Seeded price-path models for the hedging simulator, structure-of-arrays and step-major: GBM, Merton jump-diffusion,
 * Heston, GARCH(1,1), block bootstrap and historical replay, correlated across assets, parallel over path blocks with
 * one random stream per path so that results do not depend on the thread count.
 */
package io.netgamma.core.sim.path;
