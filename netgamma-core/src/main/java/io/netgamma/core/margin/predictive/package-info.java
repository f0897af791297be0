/**
 * Predictive (volatility-scaled) margin: volatility forecasters on log returns (EWMA, GARCH(1,1) fitted by maximum
 * likelihood) and implied-volatility paths (DVOL), and a margin model that widens a scenario model's price ranges by
 * the forecast volatility over a reference volatility.
 */
package io.netgamma.core.margin.predictive;
