/**
 * Cross-asset margin: one account over several underlyings, a directional netting credit between risk groups bounded
 * by their (stressed) correlation, and cross-collateral valued with haircuts.
 */
package io.netgamma.core.margin.cross;
