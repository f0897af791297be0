/** Dealer gamma exposure (GEX) of an option market: by strike and expiry, spot profile, zero gamma, walls. */
package io.netgamma.core.risk.gex;
