/**
 * Stress scenario files: netgamma's {@code netgamma-stress/1} JSON (historical replays and hypothetical shocks) and
 * the catalogue bundled with netgamma ({@link io.netgamma.data.stress.StressScenarioReader#HISTORICAL_V1}).
 */
package io.netgamma.data.stress;
