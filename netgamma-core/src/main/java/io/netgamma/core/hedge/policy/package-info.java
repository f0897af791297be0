/**
 * Rebalancing policies ("gamma scaling"): given a book's greeks, the market and the time since the last hedge, hedge
 * now and to what delta — time interval, delta band, move filter, volatility-adaptive band, Whalley–Wilmott,
 * Zakamouline, Leland, GEX-regime band; {@link io.netgamma.core.hedge.policy.PolicySpecs} parses their spec strings.
 */
package io.netgamma.core.hedge.policy;
