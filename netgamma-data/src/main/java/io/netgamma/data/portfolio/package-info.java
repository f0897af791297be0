/** Portfolio files: netgamma portfolio JSON and CSV (read and write), Deribit {@code private/get_positions} results, price histories for EWMA correlations. */
package io.netgamma.data.portfolio;
