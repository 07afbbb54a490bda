using MathNet.Numerics.Distributions;

namespace DesignDrill.Core.Analysis;

/// <summary>
/// Percentiles of a request path's latency. The path's mean and variance are exact (sums over independent hops); its
/// distribution is approximated by the gamma distribution with that mean and variance, whose percentiles are then
/// read off. The gamma is exact for one M/M/1 hop (an exponential) and for sums of equal exponential stages, and is the
/// usual two-moment fit for sums of independent positive delays (see docs/analysis.md, "Latency along a path").
/// </summary>
public static class PathLatency
{
    /// <summary>Median, 95th and 99th percentiles from a path's mean and variance.</summary>
    /// <param name="meanSeconds">Mean latency in seconds, at least 0.</param>
    /// <param name="varianceSecondsSquared">Variance in seconds squared, at least 0.</param>
    /// <returns>The summary; a path with no variance is a constant delay.</returns>
    public static LatencySummary Summarize(double meanSeconds, double varianceSecondsSquared)
    {
        if (!(meanSeconds > 0) || !double.IsFinite(meanSeconds))
        {
            return new LatencySummary(Math.Max(0, meanSeconds), Math.Max(0, meanSeconds), Math.Max(0, meanSeconds), Math.Max(0, meanSeconds));
        }

        if (!(varianceSecondsSquared > meanSeconds * meanSeconds * 1e-12))
        {
            return new LatencySummary(meanSeconds, meanSeconds, meanSeconds, meanSeconds);
        }

        var shape = meanSeconds * meanSeconds / varianceSecondsSquared;
        var rate = meanSeconds / varianceSecondsSquared;
        return new LatencySummary(
            meanSeconds,
            Gamma.InvCDF(shape, rate, 0.50),
            Gamma.InvCDF(shape, rate, 0.95),
            Gamma.InvCDF(shape, rate, 0.99));
    }
}
