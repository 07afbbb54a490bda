namespace DesignDrill.Core.Simulation.Workloads;

/// <summary>
/// A linear ramp: λ(t) = <see cref="FromRatePerSecond"/> before <see cref="StartNs"/>, rising (or falling) linearly to
/// <see cref="ToRatePerSecond"/> over <see cref="DurationNs"/>, and <see cref="ToRatePerSecond"/> from then on. Used
/// for load tests that find the saturation point ("ramp from 1K to 50K requests per second over 10 minutes").
/// </summary>
public sealed class RampLoad : LoadShape
{
    /// <summary>Steps of the thinning bound over the ramp: 64 (rule of thumb; the bound is then within 1/64 of the range of the rate).</summary>
    private const int BoundPieces = 64;

    /// <summary>Creates the shape.</summary>
    /// <param name="fromRatePerSecond">The rate before and at the start of the ramp, in requests per second; 0 to <see cref="LoadShape.MaxRatePerSecond"/>.</param>
    /// <param name="toRatePerSecond">The rate at the end of the ramp and after, in requests per second; 0 to <see cref="LoadShape.MaxRatePerSecond"/>.</param>
    /// <param name="durationNs">The length of the ramp in nanoseconds; at least 1.</param>
    /// <param name="startNs">When the ramp starts, in nanoseconds; at least 0 (default 0: the ramp starts with the run).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public RampLoad(double fromRatePerSecond, double toRatePerSecond, long durationNs, long startNs = 0)
    {
        FromRatePerSecond = CheckRate(fromRatePerSecond, nameof(fromRatePerSecond));
        ToRatePerSecond = CheckRate(toRatePerSecond, nameof(toRatePerSecond));
        ArgumentOutOfRangeException.ThrowIfLessThan(durationNs, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(startNs);
        DurationNs = durationNs;
        StartNs = startNs;
        EndNs = SimTime.AddSaturating(startNs, durationNs);
    }

    /// <summary>The rate before the ramp, in requests per second.</summary>
    public double FromRatePerSecond { get; }

    /// <summary>The rate after the ramp, in requests per second.</summary>
    public double ToRatePerSecond { get; }

    /// <summary>When the ramp starts, in nanoseconds.</summary>
    public long StartNs { get; }

    /// <summary>The length of the ramp, in nanoseconds.</summary>
    public long DurationNs { get; }

    /// <summary>When the ramp ends, in nanoseconds (<see cref="StartNs"/> + <see cref="DurationNs"/>, saturating).</summary>
    public long EndNs { get; }

    /// <inheritdoc/>
    public override double PeakRatePerSecond => Math.Max(FromRatePerSecond, ToRatePerSecond);

    /// <inheritdoc/>
    public override double RatePerSecond(long timeNs)
    {
        if (timeNs <= StartNs)
        {
            return FromRatePerSecond;
        }

        if (timeNs >= EndNs)
        {
            return ToRatePerSecond;
        }

        var progress = (timeNs - StartNs) / (double)(EndNs - StartNs);
        return FromRatePerSecond + ((ToRatePerSecond - FromRatePerSecond) * progress);
    }

    /// <inheritdoc/>
    public override double RateBound(long fromNs, out long untilNs)
    {
        if (fromNs < StartNs)
        {
            untilNs = StartNs;
            return FromRatePerSecond;
        }

        if (fromNs >= EndNs)
        {
            untilNs = SimTime.MaxNs;
            return ToRatePerSecond;
        }

        var pieceNs = Math.Max(1, (EndNs - StartNs) / BoundPieces);
        var pieceStart = StartNs + ((fromNs - StartNs) / pieceNs * pieceNs);
        untilNs = Math.Min(EndNs, pieceStart + pieceNs);
        return Math.Max(RatePerSecond(pieceStart), RatePerSecond(untilNs));
    }

    /// <inheritdoc/>
    protected internal override double Integrate(long fromNs, long toNs)
    {
        // Split at the ramp's ends; each part is linear, so its integral is its length times the mean of its ends.
        var total = 0.0;
        var a = fromNs;
        foreach (var edge in (ReadOnlySpan<long>)[StartNs, EndNs, toNs])
        {
            var b = Math.Min(edge, toNs);
            if (b > a)
            {
                total += SimTime.ToSeconds(b - a) * (RatePerSecond(a) + RatePerSecond(b)) / 2;
                a = b;
            }
        }

        return total;
    }
}
