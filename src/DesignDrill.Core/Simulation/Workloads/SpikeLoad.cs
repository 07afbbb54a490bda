namespace DesignDrill.Core.Simulation.Workloads;

/// <summary>
/// A traffic spike on top of a base shape: λ(t) = base(t) × m(t), where the multiplier m is 1 before
/// <see cref="StartNs"/>, climbs linearly from 1 to <see cref="Factor"/> over <see cref="RampUpNs"/>, stays at
/// <see cref="Factor"/> until <see cref="EndNs"/>, and drops back to 1 at once. A factor below 1 is a dip (0 stops the
/// traffic for the window).
/// </summary>
/// <remarks>
/// Spikes compose: a spike over a spike multiplies both multipliers, and <c>new DiurnalLoad(...).WithSpike(3, ...)</c>
/// triples the daily curve for the window. The abrupt end models a flash crowd that leaves (or a retry storm that is
/// shed); for a gradual end, put a <see cref="RampLoad"/> underneath.
/// </remarks>
public sealed class SpikeLoad : LoadShape
{
    /// <summary>Steps of the thinning bound over the ramp-up: 64 (rule of thumb).</summary>
    private const int BoundPieces = 64;

    /// <summary>Simpson panels used to integrate over the ramp-up: 1,024 (exact when the base is constant or linear).</summary>
    private const int SimpsonPanels = 1_024;

    /// <summary>Creates the shape.</summary>
    /// <param name="baseShape">The shape the spike multiplies.</param>
    /// <param name="factor">The multiplier during the spike; finite and at least 0, with base peak × factor at most <see cref="LoadShape.MaxRatePerSecond"/>.</param>
    /// <param name="startNs">When the spike starts, in nanoseconds; at least 0.</param>
    /// <param name="durationNs">How long the spike lasts, ramp-up included, in nanoseconds; at least 0.</param>
    /// <param name="rampUpNs">How long the multiplier takes to climb from 1 to <paramref name="factor"/>, in nanoseconds; 0 (a step) to <paramref name="durationNs"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="baseShape"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public SpikeLoad(LoadShape baseShape, double factor, long startNs, long durationNs, long rampUpNs = 0)
    {
        ArgumentNullException.ThrowIfNull(baseShape);
        CheckFactor(factor, nameof(factor));
        ArgumentOutOfRangeException.ThrowIfNegative(startNs);
        ArgumentOutOfRangeException.ThrowIfNegative(durationNs);
        ArgumentOutOfRangeException.ThrowIfNegative(rampUpNs);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rampUpNs, durationNs);
        BaseShape = baseShape;
        Factor = factor;
        StartNs = startNs;
        DurationNs = durationNs;
        RampUpNs = rampUpNs;
        EndNs = SimTime.AddSaturating(startNs, durationNs);
        RampEndNs = SimTime.AddSaturating(startNs, rampUpNs);
        PeakRatePerSecond = baseShape.PeakRatePerSecond * Math.Max(1, factor);
        CheckPeak(PeakRatePerSecond, nameof(factor), factor);
    }

    /// <summary>The shape under the spike.</summary>
    public LoadShape BaseShape { get; }

    /// <summary>The multiplier during the spike.</summary>
    public double Factor { get; }

    /// <summary>When the spike starts, in nanoseconds.</summary>
    public long StartNs { get; }

    /// <summary>How long the spike lasts (ramp-up included), in nanoseconds.</summary>
    public long DurationNs { get; }

    /// <summary>How long the multiplier climbs, in nanoseconds.</summary>
    public long RampUpNs { get; }

    /// <summary>When the ramp-up ends, in nanoseconds.</summary>
    public long RampEndNs { get; }

    /// <summary>When the spike ends (exclusive), in nanoseconds.</summary>
    public long EndNs { get; }

    /// <inheritdoc/>
    public override double PeakRatePerSecond { get; }

    /// <summary>The multiplier m(t) at <paramref name="timeNs"/>.</summary>
    /// <param name="timeNs">Simulated time in nanoseconds.</param>
    /// <returns>1 outside the spike, <see cref="Factor"/> after the ramp-up, in between during it.</returns>
    public double MultiplierAt(long timeNs)
    {
        if (timeNs < StartNs || timeNs >= EndNs)
        {
            return 1;
        }

        return timeNs >= RampEndNs ? Factor : RampMultiplier(timeNs);
    }

    /// <inheritdoc/>
    public override double RatePerSecond(long timeNs) => BaseShape.RatePerSecond(timeNs) * MultiplierAt(timeNs);

    /// <inheritdoc/>
    public override double RateBound(long fromNs, out long untilNs)
    {
        var bound = BaseShape.RateBound(fromNs, out var baseUntilNs);
        if (fromNs < StartNs)
        {
            untilNs = Math.Min(baseUntilNs, StartNs);
            return bound;
        }

        if (fromNs >= EndNs)
        {
            untilNs = baseUntilNs;
            return bound;
        }

        if (fromNs >= RampEndNs)
        {
            untilNs = Math.Min(baseUntilNs, EndNs);
            return Math.Min(bound * Factor, MaxRatePerSecond);
        }

        var pieceNs = Math.Max(1, RampUpNs / BoundPieces);
        var pieceStart = StartNs + ((fromNs - StartNs) / pieceNs * pieceNs);
        var pieceEnd = Math.Min(RampEndNs, pieceStart + pieceNs);
        untilNs = Math.Min(baseUntilNs, pieceEnd);
        var multiplier = Math.Max(RampMultiplier(pieceStart), RampMultiplier(pieceEnd));
        return Math.Min(bound * multiplier, MaxRatePerSecond);
    }

    /// <inheritdoc/>
    protected internal override double Integrate(long fromNs, long toNs)
    {
        var total = 0.0;
        var a = fromNs;
        foreach (var edge in (ReadOnlySpan<long>)[StartNs, RampEndNs, EndNs, toNs])
        {
            var b = Math.Min(edge, toNs);
            if (b <= a)
            {
                continue;
            }

            total += a < StartNs || a >= EndNs ? BaseShape.Integrate(a, b)
                : a >= RampEndNs ? Factor * BaseShape.Integrate(a, b)
                : IntegrateRamp(a, b);
            a = b;
        }

        return total;
    }

    /// <summary>The multiplier on the ramp, 1 + (factor − 1)(t − start)/ramp, for t in [start, ramp end].</summary>
    private double RampMultiplier(long timeNs) =>
        RampUpNs == 0 ? Factor : 1 + ((Factor - 1) * (timeNs - StartNs) / RampUpNs);

    /// <summary>Composite Simpson's rule for ∫ base(t) m(t) dt over a piece of the ramp-up.</summary>
    private double IntegrateRamp(long fromNs, long toNs)
    {
        var widthNs = (toNs - fromNs) / (double)SimpsonPanels;
        var sum = 0.0;
        for (var i = 0; i <= SimpsonPanels; i++)
        {
            var t = i == SimpsonPanels ? toNs : fromNs + (long)Math.Round(i * widthNs);
            var weight = i == 0 || i == SimpsonPanels ? 1 : i % 2 == 1 ? 4 : 2;
            sum += weight * BaseShape.RatePerSecond(t) * RampMultiplier(t);
        }

        return sum * SimTime.ToSeconds(toNs - fromNs) / (3.0 * SimpsonPanels);
    }
}
