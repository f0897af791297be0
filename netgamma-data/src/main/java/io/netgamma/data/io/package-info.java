/** Shared reading machinery of every file format: bounded line reading, decimal parsing, skipped-row reports. */
package io.netgamma.data.io;
