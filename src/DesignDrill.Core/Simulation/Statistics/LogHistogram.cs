using System.Runtime.CompilerServices;

namespace DesignDrill.Core.Simulation.Statistics;

/// <summary>
/// The layout of the log-bucketed histograms <see cref="BatchMeans"/> keeps per batch to estimate percentiles: a bucket
/// for exact zeros, one for values below 2^-32, 128 equal buckets in every octave [2^e, 2^(e+1)) for e = −32 … 31, and one
/// for values of 2^32 and above. In seconds that spans 0.23 ns to 136 years.
/// </summary>
/// <remarks>
/// The bucket of a positive double is read from its bits: the exponent picks the octave and the top 7 bits of the
/// mantissa the bucket, as in HdrHistogram (G. Tene) and DDSketch (Masson, Rim and Lee, VLDB 2019). A bucket spans a
/// relative width of at most 1/128 = 0.78%, so a percentile taken at the bucket's midpoint is within 0.39% of the value
/// it stands for; <see cref="Percentile"/> interpolates linearly inside the bucket, which is exact for values spread
/// evenly within it. Values outside the range are clamped to its edges.
/// </remarks>
internal static class LogHistogram
{
    /// <summary>Buckets per octave, 2^7 = 128: relative bucket width 1/128 (rule of thumb: below 1% error).</summary>
    public const int SubBucketBits = 7;

    /// <summary>The smallest octave's exponent: 2^-32 ≈ 2.3 × 10^-10.</summary>
    public const int MinExponent = -32;

    /// <summary>The largest octave's exponent: values up to 2^32 ≈ 4.3 × 10^9.</summary>
    public const int MaxExponent = 31;

    /// <summary>The bucket of exact zeros.</summary>
    public const int ZeroBucket = 0;

    /// <summary>The bucket of values in (0, 2^-32).</summary>
    public const int UnderflowBucket = 1;

    /// <summary>The number of buckets: zero, underflow, 64 octaves of 128, overflow = 8,195.</summary>
    public const int BucketCount = 2 + ((MaxExponent - MinExponent + 1) << SubBucketBits) + 1;

    /// <summary>The bucket of values of 2^32 and above (and +∞).</summary>
    public const int OverflowBucket = BucketCount - 1;

    private const int SubBuckets = 1 << SubBucketBits;

    /// <summary>The bucket of a value.</summary>
    /// <param name="value">The value; at least 0 (not NaN).</param>
    /// <returns>The bucket index in [0, <see cref="BucketCount"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative or NaN.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int BucketOf(double value)
    {
        if (value > 0)
        {
            var bits = BitConverter.DoubleToInt64Bits(value);
            var exponent = (int)(bits >> 52) - 1023;
            if (exponent < MinExponent)
            {
                return UnderflowBucket;
            }

            if (exponent > MaxExponent)
            {
                return OverflowBucket;
            }

            return 2 + ((exponent - MinExponent) << SubBucketBits) + (int)((bits >> (52 - SubBucketBits)) & (SubBuckets - 1));
        }

        return value == 0 ? ZeroBucket : throw NegativeValue(value);
    }

    /// <summary>The smallest value a bucket holds.</summary>
    /// <param name="bucket">The bucket index.</param>
    /// <returns>The lower edge (0 for the zero and underflow buckets, 2^32 for the overflow bucket).</returns>
    public static double LowerEdge(int bucket) => bucket switch
    {
        ZeroBucket or UnderflowBucket => 0,
        OverflowBucket => Math.ScaleB(1, MaxExponent + 1),
        _ => Math.ScaleB(1 + (((bucket - 2) & (SubBuckets - 1)) / (double)SubBuckets), ((bucket - 2) >> SubBucketBits) + MinExponent),
    };

    /// <summary>The upper edge of a bucket (exclusive).</summary>
    /// <param name="bucket">The bucket index.</param>
    /// <returns>The upper edge (0 for the zero bucket, 2^-32 for underflow, 2^32 for overflow).</returns>
    public static double UpperEdge(int bucket) => bucket switch
    {
        ZeroBucket => 0,
        UnderflowBucket => Math.ScaleB(1, MinExponent),
        OverflowBucket => Math.ScaleB(1, MaxExponent + 1),
        _ => LowerEdge(bucket + 1),
    };

    /// <summary>The <paramref name="quantile"/> of the observations counted in one histogram.</summary>
    /// <param name="counts">The histogram, <see cref="BucketCount"/> entries.</param>
    /// <param name="total">The sum of <paramref name="counts"/>; above 0.</param>
    /// <param name="quantile">The quantile in [0, 1] (0.99 for p99).</param>
    /// <returns>
    /// The value below which a fraction <paramref name="quantile"/> of the observations lies, interpolated linearly within
    /// its bucket; NaN when <paramref name="total"/> is 0.
    /// </returns>
    public static double Percentile(ReadOnlySpan<long> counts, long total, double quantile)
    {
        if (total <= 0)
        {
            return double.NaN;
        }

        var rank = quantile * total;
        long before = 0;
        for (var b = 0; b < counts.Length; b++)
        {
            var count = counts[b];
            if (count == 0)
            {
                continue;
            }

            if (before + count >= rank)
            {
                var lower = LowerEdge(b);
                var fraction = Math.Clamp((rank - before) / count, 0, 1);
                return lower + (fraction * (UpperEdge(b) - lower));
            }

            before += count;
        }

        return UpperEdge(OverflowBucket);
    }

    private static ArgumentOutOfRangeException NegativeValue(double value) =>
        new(nameof(value), value, "Percentiles are kept only for observations at or above 0 (times, lengths); the value was negative or NaN.");
}
