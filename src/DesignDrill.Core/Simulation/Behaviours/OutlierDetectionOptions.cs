namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>
/// Passive health checking (outlier ejection) as Envoy does it for consecutive 5xx: a node that answers
/// <paramref name="Consecutive5xx"/> requests in a row with a server error is ejected from the balancer for
/// <paramref name="BaseEjectionTimeNs"/> × the number of times it has been ejected in a row, at most
/// <paramref name="MaxEjectionTimeNs"/>, and at most <paramref name="MaxEjectionPercent"/> % of the nodes (but always
/// at least one) are ejected at once.
/// </summary>
/// <param name="Consecutive5xx">Consecutive server errors that eject a node; 1 to 1,000,000.</param>
/// <param name="BaseEjectionTimeNs">The first ejection's length in nanoseconds; at least 1.</param>
/// <param name="MaxEjectionTimeNs">The longest ejection in nanoseconds; at least <paramref name="BaseEjectionTimeNs"/>.</param>
/// <param name="MaxEjectionPercent">The most nodes ejected at once, in percent of all nodes; 0 to 100.</param>
public sealed record OutlierDetectionOptions(
    int Consecutive5xx,
    long BaseEjectionTimeNs,
    long MaxEjectionTimeNs,
    int MaxEjectionPercent)
{
    /// <summary>
    /// Envoy's defaults (envoyproxy.io, API v3, config.cluster.v3.OutlierDetection): consecutive_5xx 5,
    /// base_ejection_time 30 s, max_ejection_time 300 s, max_ejection_percent 10 % ("but will eject at least one host
    /// regardless of the value").
    /// </summary>
    public static OutlierDetectionOptions EnvoyDefaults { get; } =
        new(5, 30 * SimTime.NanosecondsPerSecond, 300 * SimTime.NanosecondsPerSecond, 10);

    /// <summary>Checks every field.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A field is out of the range its documentation gives.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Consecutive5xx, 1, nameof(Consecutive5xx));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Consecutive5xx, 1_000_000, nameof(Consecutive5xx));
        ArgumentOutOfRangeException.ThrowIfLessThan(BaseEjectionTimeNs, 1, nameof(BaseEjectionTimeNs));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxEjectionTimeNs, BaseEjectionTimeNs, nameof(MaxEjectionTimeNs));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxEjectionPercent, nameof(MaxEjectionPercent));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxEjectionPercent, 100, nameof(MaxEjectionPercent));
    }
}
