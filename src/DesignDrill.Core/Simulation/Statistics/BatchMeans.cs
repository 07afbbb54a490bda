using System.Runtime.CompilerServices;
using MathNet.Numerics.Distributions;

namespace DesignDrill.Core.Simulation.Statistics;

/// <summary>
/// Accumulates one output of a simulation run (a wait, a response time, …) after a warm-up and gives its mean, the
/// fraction of positive observations and, optionally, its percentiles, each with a 95% confidence interval by the
/// method of non-overlapping batch means.
/// </summary>
/// <remarks>
/// <para>
/// Successive observations of a queue are correlated, so the textbook σ/√n understates the error. Batch means groups
/// them into k consecutive batches; with batches long enough, the batch values are nearly independent and normal, and
/// their spread gives a Student-t interval with k − 1 degrees of freedom (A. M. Law, <i>Simulation Modeling and
/// Analysis</i>, 5th ed., 2015, §9.5.3; Law and Kelton recommend 10 to 30 batches; the default here is 30, rule of
/// thumb). The point estimate is taken from all observations and only its spread from the batches ("sectioning",
/// Asmussen and Glynn, <i>Stochastic Simulation</i>, 2007, §III.5a), which removes the small-batch bias of percentiles.
/// </para>
/// <para>
/// The number of observations need not be known in advance: the accumulator holds 2k batch slots, starts with
/// batches of one observation and, whenever all 2k are full, merges neighbours pairwise into k batches of twice the
/// size (the doubling scheme of Fishman and Yarberry, "An implementation of the batch means method", INFORMS Journal
/// on Computing 9, 1997). Intervals use every full batch, between k and 2k − 1 of them once there are at least k
/// observations; the last, partial batch counts only toward the point estimate.
/// </para>
/// <para>
/// Memory is bounded whatever the run length: three numbers per slot and, when percentiles are kept, one
/// <see cref="LogHistogram"/> of 8,195 32-bit counts per slot (about 2 MB for k = 30). Percentiles are within 0.39% of
/// the exact sample percentile (the histogram's relative bucket width of 1/128, halved), far below the statistical
/// error of any run that fits in the budget. A batch holds at most <see cref="int.MaxValue"/> observations.
/// </para>
/// <para>Adding an observation allocates nothing. The accumulator is not thread-safe.</para>
/// </remarks>
public sealed class BatchMeans
{
    /// <summary>The default number of batches k, 30 (rule of thumb; Law, 2015, §9.5.3).</summary>
    public const int DefaultBatchCount = 30;

    /// <summary>The confidence level of every interval: 95%.</summary>
    public const double ConfidenceLevel = 0.95;

    private readonly int _batchCount;
    private readonly WarmUp _warmUp;
    private readonly double[] _sums;
    private readonly long[] _positives;
    private readonly int[]? _histograms;
    private long _batchSize = 1;
    private int _current;
    private long _currentCount;
    private long _discarded;
    private long _observations;
    private double _total;
    private long _totalPositives;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="batchCount">The number of batches k; at least 2.</param>
    /// <param name="warmUp">The observations to discard first; <see cref="WarmUp.None"/> by default.</param>
    /// <param name="trackPercentiles">Whether to keep histograms for <see cref="Percentile"/> (about 66 KB per batch slot).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchCount"/> is below 2 or above 1,000, or the warm-up is negative.</exception>
    public BatchMeans(int batchCount = DefaultBatchCount, WarmUp warmUp = default, bool trackPercentiles = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchCount, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batchCount, 1_000);
        ArgumentOutOfRangeException.ThrowIfNegative(warmUp.Observations, nameof(warmUp));
        _batchCount = batchCount;
        _warmUp = warmUp;
        _sums = new double[2 * batchCount];
        _positives = new long[2 * batchCount];
        _histograms = trackPercentiles ? new int[2 * batchCount * LogHistogram.BucketCount] : null;
    }

    /// <summary>The number of batches k the intervals aim for.</summary>
    public int BatchCount => _batchCount;

    /// <summary>The number of observations counted (after the warm-up).</summary>
    public long Count => _observations;

    /// <summary>The number of observations discarded by the warm-up.</summary>
    public long Discarded => _discarded;

    /// <summary>The current number of observations per batch (a power of 2).</summary>
    public long BatchSize => _batchSize;

    /// <summary>The number of full batches the intervals are computed from.</summary>
    public int FullBatches => _current;

    /// <summary>Whether percentiles are kept.</summary>
    public bool TracksPercentiles => _histograms is not null;

    /// <summary>Adds an observation, unless it falls in the count-based warm-up.</summary>
    /// <param name="value">The observation (seconds for a time); finite, and at least 0 when percentiles are kept.</param>
    /// <exception cref="ArgumentOutOfRangeException">Percentiles are kept and <paramref name="value"/> is negative or NaN.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double value)
    {
        if (_discarded < _warmUp.Observations)
        {
            _discarded++;
            return;
        }

        Record(value);
    }

    /// <summary>Adds an observation made at a simulated time, unless it falls in the count- or time-based warm-up.</summary>
    /// <param name="value">The observation; finite, and at least 0 when percentiles are kept.</param>
    /// <param name="timeNs">The simulated time of the observation, in nanoseconds.</param>
    /// <exception cref="ArgumentOutOfRangeException">Percentiles are kept and <paramref name="value"/> is negative or NaN.</exception>
    public void Add(double value, long timeNs)
    {
        if (timeNs < _warmUp.UntilNs || _discarded < _warmUp.Observations)
        {
            _discarded++;
            return;
        }

        Record(value);
    }

    /// <summary>The mean of the observations with its 95% confidence interval.</summary>
    /// <returns>The estimate; its value is NaN when there are no observations.</returns>
    public BatchEstimate Mean()
    {
        Span<double> values = stackalloc double[_current];
        for (var b = 0; b < _current; b++)
        {
            values[b] = _sums[b] / _batchSize;
        }

        return Interval(_observations > 0 ? _total / _observations : double.NaN, values);
    }

    /// <summary>The fraction of observations above 0 (for waits, P(wait &gt; 0)) with its 95% confidence interval.</summary>
    /// <returns>The estimate, in [0, 1]; its value is NaN when there are no observations.</returns>
    public BatchEstimate FractionPositive()
    {
        Span<double> values = stackalloc double[_current];
        for (var b = 0; b < _current; b++)
        {
            values[b] = _positives[b] / (double)_batchSize;
        }

        return Interval(_observations > 0 ? _totalPositives / (double)_observations : double.NaN, values);
    }

    /// <summary>
    /// A percentile of the observations with its 95% confidence interval: the point estimate from all observations, the
    /// interval from the spread of the per-batch percentiles.
    /// </summary>
    /// <param name="quantile">The quantile in (0, 1): 0.5 for the median, 0.99 for p99.</param>
    /// <returns>The estimate; its value is NaN when there are no observations.</returns>
    /// <exception cref="InvalidOperationException">The accumulator was created without <c>trackPercentiles</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantile"/> is not in (0, 1).</exception>
    public BatchEstimate Percentile(double quantile)
    {
        var histograms = _histograms ?? throw new InvalidOperationException("This accumulator does not keep percentiles; create it with trackPercentiles: true.");
        if (!(quantile > 0 && quantile < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(quantile), quantile, "The quantile must be between 0 and 1 exclusive (0.99 for p99).");
        }

        const int Buckets = LogHistogram.BucketCount;
        var batch = new long[Buckets];
        var all = new long[Buckets];
        var values = new double[_current];
        var used = Math.Min(_current + 1, 2 * _batchCount);
        for (var b = 0; b < used; b++)
        {
            var slice = histograms.AsSpan(b * Buckets, Buckets);
            for (var i = 0; i < Buckets; i++)
            {
                batch[i] = slice[i];
                all[i] += slice[i];
            }

            if (b < _current)
            {
                values[b] = LogHistogram.Percentile(batch, _batchSize, quantile);
            }
        }

        return Interval(LogHistogram.Percentile(all, _observations, quantile), values);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Record(double value)
    {
        var slot = _current;
        if (_histograms is { } histograms)
        {
            histograms[(slot * LogHistogram.BucketCount) + LogHistogram.BucketOf(value)]++;
        }

        _sums[slot] += value;
        var positive = value > 0 ? 1 : 0;
        _positives[slot] += positive;
        _totalPositives += positive;
        _total += value;
        _observations++;
        if (++_currentCount == _batchSize)
        {
            CloseBatch();
        }
    }

    private void CloseBatch()
    {
        _currentCount = 0;
        if (++_current < 2 * _batchCount)
        {
            return;
        }

        // All 2k slots are full: merge neighbours into k batches of twice the size and empty the upper k slots.
        var k = _batchCount;
        for (var b = 0; b < k; b++)
        {
            _sums[b] = _sums[2 * b] + _sums[(2 * b) + 1];
            _positives[b] = _positives[2 * b] + _positives[(2 * b) + 1];
        }

        Array.Clear(_sums, k, k);
        Array.Clear(_positives, k, k);
        if (_histograms is { } histograms)
        {
            const int Buckets = LogHistogram.BucketCount;
            for (var b = 0; b < k; b++)
            {
                var target = histograms.AsSpan(b * Buckets, Buckets);
                var left = histograms.AsSpan(2 * b * Buckets, Buckets);
                var right = histograms.AsSpan(((2 * b) + 1) * Buckets, Buckets);
                for (var i = 0; i < Buckets; i++)
                {
                    target[i] = left[i] + right[i];
                }
            }

            Array.Clear(histograms, k * Buckets, k * Buckets);
        }

        _current = k;
        _batchSize *= 2;
    }

    private BatchEstimate Interval(double pointEstimate, ReadOnlySpan<double> batchValues)
    {
        var m = batchValues.Length;
        if (m < 2)
        {
            return new BatchEstimate(pointEstimate, double.PositiveInfinity, double.PositiveInfinity, m, _observations);
        }

        double mean = 0;
        foreach (var v in batchValues)
        {
            mean += v;
        }

        mean /= m;
        double squares = 0;
        foreach (var v in batchValues)
        {
            squares += (v - mean) * (v - mean);
        }

        var standardError = Math.Sqrt(squares / (m - 1) / m);
        var t = StudentT.InvCDF(0, 1, m - 1, 1 - ((1 - ConfidenceLevel) / 2));
        return new BatchEstimate(pointEstimate, t * standardError, standardError, m, _observations);
    }
}
