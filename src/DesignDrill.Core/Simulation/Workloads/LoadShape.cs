namespace DesignDrill.Core.Simulation.Workloads;

/// <summary>
/// A workload shape: the offered arrival rate λ(t) in requests per second at simulated time t (nanoseconds since the
/// start of the run). Shapes are immutable values; an <see cref="ArrivalProcess"/> turns one into arrival times.
/// </summary>
/// <remarks>
/// <para>
/// Every shape keeps its rate finite, non-negative and at most <see cref="MaxRatePerSecond"/>; the constructors check
/// their arguments and throw <see cref="ArgumentOutOfRangeException"/> for anything else (an absurd rate such as
/// 1e15 requests per second is refused with a message rather than simulated).
/// </para>
/// <para>
/// Besides the rate itself a shape gives a piecewise-constant upper bound (<see cref="RateBound"/>), which the thinning
/// algorithm of <see cref="ArrivalProcess"/> needs, and the expected number of arrivals over an interval
/// (<see cref="ExpectedArrivals"/>, the integral of λ), for reports of offered load and for tests.
/// </para>
/// </remarks>
public abstract class LoadShape
{
    /// <summary>
    /// The largest rate any shape may reach: 10^9 requests per second, one arrival per nanosecond on average — the
    /// resolution of simulated time (<see cref="SimTime"/>). Interview-scale designs run at 10^3–10^6 requests per
    /// second, so this bound only refuses inputs that could not be simulated anyway.
    /// </summary>
    public const double MaxRatePerSecond = 1e9;

    /// <summary>The rate at time <paramref name="timeNs"/>.</summary>
    /// <param name="timeNs">Simulated time in nanoseconds; negative times are treated as 0.</param>
    /// <returns>The rate in requests per second, in [0, <see cref="MaxRatePerSecond"/>].</returns>
    public abstract double RatePerSecond(long timeNs);

    /// <summary>An upper bound of the rate over all time (the peak of the shape, or more for compositions).</summary>
    /// <value>Requests per second, in [0, <see cref="MaxRatePerSecond"/>].</value>
    public abstract double PeakRatePerSecond { get; }

    /// <summary>
    /// A bound on the rate that holds from <paramref name="fromNs"/> up to (not including) <paramref name="untilNs"/>:
    /// λ(t) ≤ bound for every t in [fromNs, untilNs). The bound is tight enough for thinning to accept most candidates:
    /// shapes that vary split time into short pieces (a ramp into 64 steps, a day into 48 half-hours).
    /// </summary>
    /// <param name="fromNs">The start of the interval, in nanoseconds; at least 0.</param>
    /// <param name="untilNs">
    /// The end of the interval, in nanoseconds: greater than <paramref name="fromNs"/>, or <see cref="SimTime.MaxNs"/>
    /// when the bound holds forever.
    /// </param>
    /// <returns>The bound in requests per second, in [0, <see cref="MaxRatePerSecond"/>]; 0 means no arrivals at all in the interval.</returns>
    public abstract double RateBound(long fromNs, out long untilNs);

    /// <summary>The expected number of arrivals in [<paramref name="fromNs"/>, <paramref name="toNs"/>): ∫ λ(t) dt.</summary>
    /// <param name="fromNs">The start of the interval in nanoseconds; at least 0.</param>
    /// <param name="toNs">The end of the interval in nanoseconds; at least <paramref name="fromNs"/>.</param>
    /// <returns>The expected count (requests); exact for every shape except the ramp-up of a <see cref="SpikeLoad"/>
    /// (integrated by Simpson's rule).</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="fromNs"/> is negative or <paramref name="toNs"/> is before it.
    /// </exception>
    public double ExpectedArrivals(long fromNs, long toNs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fromNs);
        ArgumentOutOfRangeException.ThrowIfLessThan(toNs, fromNs);
        return toNs == fromNs ? 0 : Integrate(fromNs, toNs);
    }

    /// <summary>The mean rate over [<paramref name="fromNs"/>, <paramref name="toNs"/>): the expected arrivals divided by the length.</summary>
    /// <param name="fromNs">The start of the interval in nanoseconds; at least 0.</param>
    /// <param name="toNs">The end of the interval in nanoseconds; after <paramref name="fromNs"/>.</param>
    /// <returns>The mean rate in requests per second.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="fromNs"/> is negative or <paramref name="toNs"/> is not after it.
    /// </exception>
    public double AverageRatePerSecond(long fromNs, long toNs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fromNs);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(toNs, fromNs);
        return Integrate(fromNs, toNs) / SimTime.ToSeconds(toNs - fromNs);
    }

    /// <summary>This shape with every rate multiplied by <paramref name="factor"/> (the <c>--load 3x</c> of the CLI).</summary>
    /// <param name="factor">The multiplier; finite and at least 0.</param>
    /// <returns>The scaled shape.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="factor"/> is negative or not finite, or the scaled peak exceeds <see cref="MaxRatePerSecond"/>.
    /// </exception>
    public LoadShape Scale(double factor) => new ScaledLoad(this, factor);

    /// <summary>This shape with a traffic spike on top (a composition: base × spike multiplier); see <see cref="SpikeLoad"/>.</summary>
    /// <param name="factor">The multiplier during the spike; finite and at least 0.</param>
    /// <param name="startNs">When the spike starts, in nanoseconds; at least 0.</param>
    /// <param name="durationNs">How long it lasts, ramp-up included, in nanoseconds; at least 0.</param>
    /// <param name="rampUpNs">How long the multiplier takes to climb linearly from 1 to <paramref name="factor"/>; 0 to <paramref name="durationNs"/>.</param>
    /// <returns>The composed shape.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range (see <see cref="SpikeLoad"/>).</exception>
    public LoadShape WithSpike(double factor, long startNs, long durationNs, long rampUpNs = 0) =>
        new SpikeLoad(this, factor, startNs, durationNs, rampUpNs);

    /// <summary>∫ λ(t) dt over [fromNs, toNs), in requests; called with 0 ≤ fromNs &lt; toNs.</summary>
    /// <param name="fromNs">The start, in nanoseconds.</param>
    /// <param name="toNs">The end, in nanoseconds.</param>
    /// <returns>The integral.</returns>
    protected internal abstract double Integrate(long fromNs, long toNs);

    /// <summary>Checks that a rate is finite, non-negative and at most <see cref="MaxRatePerSecond"/>.</summary>
    /// <param name="ratePerSecond">The rate.</param>
    /// <param name="parameter">The parameter name for the exception.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The rate is out of range.</exception>
    protected static double CheckRate(double ratePerSecond, string parameter)
    {
        if (!(ratePerSecond >= 0 && ratePerSecond <= MaxRatePerSecond))
        {
            throw new ArgumentOutOfRangeException(parameter, ratePerSecond,
                "The rate must be a finite number of requests per second between 0 and 10^9 " +
                "(one arrival per nanosecond, the resolution of simulated time).");
        }

        return ratePerSecond;
    }

    /// <summary>Checks that a multiplier is finite and non-negative.</summary>
    /// <param name="factor">The multiplier.</param>
    /// <param name="parameter">The parameter name for the exception.</param>
    /// <returns>The multiplier.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The multiplier is negative, NaN or infinite.</exception>
    protected static double CheckFactor(double factor, string parameter)
    {
        if (!(factor >= 0) || double.IsPositiveInfinity(factor))
        {
            throw new ArgumentOutOfRangeException(parameter, factor, "The factor must be a finite number, at least 0.");
        }

        return factor;
    }

    /// <summary>Checks that a composed peak rate stays within <see cref="MaxRatePerSecond"/>.</summary>
    /// <param name="peakRatePerSecond">The composed peak.</param>
    /// <param name="parameter">The parameter name for the exception (the factor that raised it).</param>
    /// <param name="factor">The factor, reported in the exception.</param>
    /// <exception cref="ArgumentOutOfRangeException">The peak is above <see cref="MaxRatePerSecond"/>.</exception>
    protected static void CheckPeak(double peakRatePerSecond, string parameter, double factor)
    {
        if (!(peakRatePerSecond <= MaxRatePerSecond))
        {
            throw new ArgumentOutOfRangeException(parameter, factor,
                FormattableString.Invariant($"The factor takes the peak rate to {peakRatePerSecond:E3} requests per second, above the limit of ") +
                "10^9 (one arrival per nanosecond, the resolution of simulated time).");
        }
    }
}
