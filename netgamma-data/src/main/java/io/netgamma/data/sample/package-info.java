/** Seeded sample data: option chains of the synthetic market generator as Tardis CSV, for demos and tests. */
package io.netgamma.data.sample;
