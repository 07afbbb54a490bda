namespace DesignDrill.Core.Simulation.Statistics;

/// <summary>
/// The initial transient a statistic discards: a simulation starts empty and idle, which biases early observations
/// (Law, <i>Simulation Modeling and Analysis</i>, 5th ed., 2015, §9.5.1, "the problem of the initial transient").
/// An observation is discarded while either bound applies.
/// </summary>
/// <param name="Observations">How many of the first observations to discard; at least 0.</param>
/// <param name="UntilNs">
/// Observations made before this simulated time (nanoseconds) are discarded; only checked by
/// <see cref="BatchMeans.Add(double, long)"/>. 0 for no time-based warm-up.
/// </param>
public readonly record struct WarmUp(long Observations, long UntilNs)
{
    /// <summary>No warm-up: every observation counts.</summary>
    public static WarmUp None => default;

    /// <summary>Discards the first <paramref name="observations"/> observations.</summary>
    /// <param name="observations">How many; at least 0.</param>
    /// <returns>The warm-up.</returns>
    public static WarmUp FirstObservations(long observations) => new(observations, 0);

    /// <summary>Discards observations made before a simulated time.</summary>
    /// <param name="timeNs">The end of the warm-up, in simulated nanoseconds.</param>
    /// <returns>The warm-up.</returns>
    public static WarmUp UntilTime(long timeNs) => new(0, timeNs);
}
