/** Volatility surfaces: raw-SVI smiles fitted per expiry, an arbitrage-checked surface across expiries, scenarios. */
package io.netgamma.core.market.surface;
