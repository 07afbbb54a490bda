namespace DesignDrill.Core.Simulation.Workloads;

/// <summary>A constant rate: λ(t) = <see cref="ConstantRatePerSecond"/> at every t.</summary>
public sealed class ConstantLoad : LoadShape
{
    /// <summary>Creates the shape.</summary>
    /// <param name="ratePerSecond">The rate in requests per second; 0 to <see cref="LoadShape.MaxRatePerSecond"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ratePerSecond"/> is negative, NaN, infinite or above the limit.</exception>
    public ConstantLoad(double ratePerSecond)
    {
        ConstantRatePerSecond = CheckRate(ratePerSecond, nameof(ratePerSecond));
    }

    /// <summary>The rate, in requests per second.</summary>
    public double ConstantRatePerSecond { get; }

    /// <inheritdoc/>
    public override double PeakRatePerSecond => ConstantRatePerSecond;

    /// <inheritdoc/>
    public override double RatePerSecond(long timeNs) => ConstantRatePerSecond;

    /// <inheritdoc/>
    public override double RateBound(long fromNs, out long untilNs)
    {
        untilNs = SimTime.MaxNs;
        return ConstantRatePerSecond;
    }

    /// <inheritdoc/>
    protected internal override double Integrate(long fromNs, long toNs) =>
        ConstantRatePerSecond * SimTime.ToSeconds(toNs - fromNs);
}
