/** Instruments and their Deribit names: options, dated futures, perpetual swaps and spot; time conventions. */
package io.netgamma.core.instrument;
