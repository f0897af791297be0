/** Tardis.dev {@code options_chain} CSV: a streaming reader that skips and reports bad rows, and a writer. */
package io.netgamma.data.tardis;
