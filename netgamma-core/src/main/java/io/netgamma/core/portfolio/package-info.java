/** Portfolios (positions and collateral), their valuation in structure-of-arrays form, and aggregation of greeks. */
package io.netgamma.core.portfolio;
