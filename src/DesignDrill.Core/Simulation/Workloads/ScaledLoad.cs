namespace DesignDrill.Core.Simulation.Workloads;

/// <summary>
/// A shape multiplied by a constant: λ(t) = <see cref="Factor"/> × base(t). This is how a load multiplier
/// (<c>drill simulate --load 3x</c>, a "10x traffic" constraint change) applies to every flow's workload.
/// </summary>
public sealed class ScaledLoad : LoadShape
{
    /// <summary>Creates the shape.</summary>
    /// <param name="baseShape">The shape to scale.</param>
    /// <param name="factor">The multiplier; finite and at least 0, with base peak × factor at most <see cref="LoadShape.MaxRatePerSecond"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="baseShape"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factor"/> is out of range.</exception>
    public ScaledLoad(LoadShape baseShape, double factor)
    {
        ArgumentNullException.ThrowIfNull(baseShape);
        CheckFactor(factor, nameof(factor));
        BaseShape = baseShape;
        Factor = factor;
        PeakRatePerSecond = baseShape.PeakRatePerSecond * factor;
        CheckPeak(PeakRatePerSecond, nameof(factor), factor);
    }

    /// <summary>The shape being scaled.</summary>
    public LoadShape BaseShape { get; }

    /// <summary>The multiplier.</summary>
    public double Factor { get; }

    /// <inheritdoc/>
    public override double PeakRatePerSecond { get; }

    /// <inheritdoc/>
    public override double RatePerSecond(long timeNs) => Factor * BaseShape.RatePerSecond(timeNs);

    /// <inheritdoc/>
    public override double RateBound(long fromNs, out long untilNs)
    {
        var bound = BaseShape.RateBound(fromNs, out untilNs);
        if (Factor == 0)
        {
            // No arrivals ever: one interval to the end of time, so arrival generation stops at once.
            untilNs = SimTime.MaxNs;
            return 0;
        }

        return Math.Min(Factor * bound, MaxRatePerSecond);
    }

    /// <inheritdoc/>
    protected internal override double Integrate(long fromNs, long toNs) => Factor * BaseShape.Integrate(fromNs, toNs);
}
