/** Margin models (book and market in, initial and maintenance margin per settlement currency and in USD out). */
package io.netgamma.core.margin;
