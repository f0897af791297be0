/** Seeded synthetic markets: Deribit-like BTC/ETH expiries, strikes, SSVI smiles, futures, perpetuals and books. */
package io.netgamma.core.sim.market;
