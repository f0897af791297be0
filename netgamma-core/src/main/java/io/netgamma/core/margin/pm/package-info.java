/** Deribit portfolio margin (PME, segregated S:PM): the 27 + 8 scenario risk matrix, its parameters and results. */
package io.netgamma.core.margin.pm;
