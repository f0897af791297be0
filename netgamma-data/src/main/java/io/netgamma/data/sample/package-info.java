/** Seeded, realistic sample data (a Deribit-style option chain) for demos, the Quickstart and tests. */
package io.netgamma.data.sample;
