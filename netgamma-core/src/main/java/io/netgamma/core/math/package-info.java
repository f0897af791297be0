/** Special functions and numerical building blocks (error function, normal distribution) used by the pricers. */
package io.netgamma.core.math;
