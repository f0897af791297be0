/** Scenario margin from a parameter record: weighted spot and vol shocks, contingencies, IM/MM factors. */
package io.netgamma.core.margin.generic;
