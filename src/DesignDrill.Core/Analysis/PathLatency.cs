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
            Quantile(shape, rate, 0.50, 0),
            Quantile(shape, rate, 0.95, Z95),
            Quantile(shape, rate, 0.99, Z99));
    }

    /// <summary>Standard normal 95th percentile, 1.6448536… (standard tables).</summary>
    private const double Z95 = 1.6448536269514722;

    /// <summary>Standard normal 99th percentile, 2.3263478… (standard tables).</summary>
    private const double Z99 = 2.3263478740408408;

    /// <summary>Shape above which the Wilson–Hilferty approximation is used directly (its error is far below 0.1% there).</summary>
    private const double WilsonHilfertyShape = 100;

    /// <summary>
    /// The gamma quantile: MathNet.Numerics' inverse CDF, or for large shapes (nearly constant paths, where its
    /// iteration can fail) the Wilson–Hilferty cube-root normal approximation (Wilson and Hilferty, 1931).
    /// </summary>
    private static double Quantile(double shape, double rate, double p, double z)
    {
        if (shape < WilsonHilfertyShape)
        {
            try
            {
                var exact = Gamma.InvCDF(shape, rate, p);
                if (double.IsFinite(exact) && exact >= 0)
                {
                    return exact;
                }
            }
            catch (ArgumentOutOfRangeException)
            {
                // Falls through to the approximation below.
            }
        }

        var c = 1 / (9 * shape);
        var root = 1 - c + (z * Math.Sqrt(c));
        return Math.Max(0, shape / rate * root * root * root);
    }
}
