/** Full-revaluation scenario grids of a valued book: P&amp;L over spot shift × vol shift, with an optional time roll. */
package io.netgamma.core.risk.scenario;
