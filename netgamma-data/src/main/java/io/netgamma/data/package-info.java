/** File and venue formats in and out of netgamma: readers, writers and sample data; Jackson lives here. */
package io.netgamma.data;
