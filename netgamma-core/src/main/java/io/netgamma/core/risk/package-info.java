/** Risk of a book or a market: exposures, profiles and scenarios built on the pricing layer. */
package io.netgamma.core.risk;
