namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>
/// Active health checks as a load balancer runs them: a probe to each node every <paramref name="IntervalNs"/>, a probe
/// that gets no answer within <paramref name="TimeoutNs"/> fails, <paramref name="UnhealthyThreshold"/> consecutive
/// failures mark the node down and <paramref name="HealthyThreshold"/> consecutive successes mark it up again.
/// </summary>
/// <param name="IntervalNs">The time between two probes of one node, in nanoseconds; at least 1.</param>
/// <param name="TimeoutNs">
/// How long a probe waits for an answer before it counts as failed, in nanoseconds; at least 0 and below
/// <paramref name="IntervalNs"/> (AWS requires the timeout to be smaller than the interval).
/// </param>
/// <param name="UnhealthyThreshold">Consecutive failed probes that mark a node down; 1 to 1,000.</param>
/// <param name="HealthyThreshold">Consecutive successful probes that mark a down node up; 1 to 1,000.</param>
public sealed record ActiveHealthCheckOptions(
    long IntervalNs,
    long TimeoutNs,
    int UnhealthyThreshold,
    int HealthyThreshold)
{
    /// <summary>
    /// The defaults of an AWS Application Load Balancer target group: interval 30 s, timeout 5 s, unhealthy threshold 2,
    /// healthy threshold 5 (AWS, Elastic Load Balancing User Guide for Application Load Balancers, "Health checks for
    /// your target groups", HealthCheckIntervalSeconds, HealthCheckTimeoutSeconds, UnhealthyThresholdCount and
    /// HealthyThresholdCount). A failure is then noticed after 35–65 s and a recovery after 120–150 s.
    /// </summary>
    public static ActiveHealthCheckOptions AwsAlbDefaults { get; } =
        new(30 * SimTime.NanosecondsPerSecond, 5 * SimTime.NanosecondsPerSecond, 2, 5);

    /// <summary>
    /// The shortest detection delay: (<see cref="UnhealthyThreshold"/> − 1) × interval + timeout + 1 ns, for a node
    /// that fails just before a probe is sent (see <see cref="HealthChecker"/> for the model).
    /// </summary>
    public long MinDetectionDelayNs => SimTime.AddSaturating(
        SimTime.AddSaturating(Times(UnhealthyThreshold - 1, IntervalNs), TimeoutNs), 1);

    /// <summary>
    /// The longest detection delay: <see cref="UnhealthyThreshold"/> × interval + timeout, for a node that fails at the
    /// instant a probe is sent (that probe still sees it up).
    /// </summary>
    public long MaxDetectionDelayNs => SimTime.AddSaturating(Times(UnhealthyThreshold, IntervalNs), TimeoutNs);

    /// <summary>
    /// The shortest delay from a recovery to the node being routable again: (<see cref="HealthyThreshold"/> − 1) ×
    /// interval + 1 ns (successful probes are answered at once).
    /// </summary>
    public long MinRecoveryDelayNs => SimTime.AddSaturating(Times(HealthyThreshold - 1, IntervalNs), 1);

    /// <summary>The longest delay from a recovery to the node being routable again: <see cref="HealthyThreshold"/> × interval.</summary>
    public long MaxRecoveryDelayNs => Times(HealthyThreshold, IntervalNs);

    /// <summary>Checks every field.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A field is out of the range its documentation gives.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(IntervalNs, 1, nameof(IntervalNs));
        ArgumentOutOfRangeException.ThrowIfNegative(TimeoutNs, nameof(TimeoutNs));
        if (TimeoutNs >= IntervalNs)
        {
            throw new ArgumentOutOfRangeException(nameof(TimeoutNs), TimeoutNs,
                $"The health-check timeout must be shorter than the interval ({IntervalNs:N0} ns), as AWS requires; " +
                "for example interval 30 s and timeout 5 s.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(UnhealthyThreshold, 1, nameof(UnhealthyThreshold));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(UnhealthyThreshold, 1_000, nameof(UnhealthyThreshold));
        ArgumentOutOfRangeException.ThrowIfLessThan(HealthyThreshold, 1, nameof(HealthyThreshold));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(HealthyThreshold, 1_000, nameof(HealthyThreshold));
    }

    private static long Times(long count, long intervalNs) =>
        count == 0 ? 0 : intervalNs > SimTime.MaxNs / count ? SimTime.MaxNs : count * intervalNs;
}
