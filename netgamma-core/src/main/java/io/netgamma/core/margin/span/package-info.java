/** CME SPAN-style margin: 16 price and volatility scenarios, extreme moves at 35%, short-option minimum. */
package io.netgamma.core.margin.span;
