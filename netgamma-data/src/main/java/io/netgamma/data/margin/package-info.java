/** Margin parameter files: Deribit portfolio-margin {@code model_params} JSON in, core parameter sets out. */
package io.netgamma.data.margin;
