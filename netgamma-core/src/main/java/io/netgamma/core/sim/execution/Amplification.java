package io.netgamma.core.sim.execution;

/**
 * How much a delta hedger's own permanent impact amplified (ratio &gt; 1) or damped (&lt; 1) the price path, from
 * {@link ReflexiveImpact#measure}. "Base" is the path without impact (the input path), "impact" the path the
 * hedger's trades produced. Ratios of two zeros are 1; a positive over zero is +∞.
 *
 * <p>The headline is {@code realisedMoveRatio}: how much farther the price travelled from where it started. The
 * one-step {@code realisedVolRatio} is reported too but is not a direction-of-feedback measure: the hedger reacts
 * one step late, so any feedback, damping (long gamma) or amplifying (short gamma), adds one-step variance
 * ({@code r_{i+1} = p_{i+1} ∓ g·r_i}); only over several steps does a long-gamma hedger's mean reversion show as
 * a ratio below 1 and a short-gamma hedger's momentum as one above 1.
 *
 * @param rmsMoveBase root-mean-square distance of the base path from its start,
 *     {@code √(mean_i ln(S_i/S_0)²)}, i = 1..n (0.05 ≈ 5%)
 * @param rmsMoveImpact the same for the impacted path
 * @param realisedMoveRatio {@code rmsMoveImpact / rmsMoveBase}: &gt; 1 amplified, &lt; 1 damped
 * @param realisedVolBase realised volatility of the base path: {@code √(Σ ln(S_i/S_{i−1})² / horizon)},
 *     annualised fraction
 * @param realisedVolImpact the same for the impacted path
 * @param realisedVolRatio {@code realisedVolImpact / realisedVolBase}
 * @param maxDrawdownBase largest peak-to-trough fall of the base path, fraction of the peak (0.2 = −20%)
 * @param maxDrawdownImpact the same for the impacted path
 * @param drawdownRatio {@code maxDrawdownImpact / maxDrawdownBase}
 * @param maxDrawupBase largest trough-to-peak rise of the base path, fraction of the trough
 * @param maxDrawupImpact the same for the impacted path
 * @param hedgeVolumeCoins total coins the hedger traded on the impacted path
 * @param temporaryCostUsd temporary-impact cost of those trades, USD
 * @param impactedSpots the impacted path, USD per coin, one value per point (a copy)
 */
public record Amplification(
    double rmsMoveBase,
    double rmsMoveImpact,
    double realisedMoveRatio,
    double realisedVolBase,
    double realisedVolImpact,
    double realisedVolRatio,
    double maxDrawdownBase,
    double maxDrawdownImpact,
    double drawdownRatio,
    double maxDrawupBase,
    double maxDrawupImpact,
    double hedgeVolumeCoins,
    double temporaryCostUsd,
    double[] impactedSpots) {
}
