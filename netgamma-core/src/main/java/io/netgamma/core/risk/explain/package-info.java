/** P&amp;L explain between two market snapshots: full-revaluation P&amp;L split into greek terms and a residual. */
package io.netgamma.core.risk.explain;
