/** Foundations shared by every layer: the argument checker and the domain exception hierarchy. */
package io.netgamma.core.base;
