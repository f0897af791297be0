/** netgamma's own market-snapshot JSON: a lossless writer and a reader that names every bad field. */
package io.netgamma.data.snapshot;
