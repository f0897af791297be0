/** Loading a whole market (snapshot JSON or Tardis chain) with forward curves and fitted volatility surfaces. */
package io.netgamma.data.market;
