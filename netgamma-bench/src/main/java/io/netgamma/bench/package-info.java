/** Benchmarks: the JMH suites and the side-by-side runner against OpenGamma Strata ({@code ./netgamma bench}). */
package io.netgamma.bench;
