/**
 * Option pricing: Black-76 price and greeks in one pass, batch kernels over structure-of-arrays (scalar and
 * Vector-API SIMD), and implied volatility by Jäckel's "Let's Be Rational".
 */
package io.netgamma.core.pricing;
