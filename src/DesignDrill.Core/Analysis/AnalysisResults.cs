using DesignDrill.Core.Analysis.Queueing;
using DesignDrill.Core.Architecture;

namespace DesignDrill.Core.Analysis;

/// <summary>The analytic model's result for a whole architecture (see docs/analysis.md).</summary>
/// <param name="Components">One entry per declared component, in document order.</param>
/// <param name="Flows">One entry per flow, in document order.</param>
/// <param name="Headroom">The load multiple at which the first component saturates, or <see langword="null"/> when nothing carries load.</param>
/// <param name="SinglePointsOfFailure">Components on a request path with one replica, in document order.</param>
/// <param name="MonthlyCostUsd">Estimated monthly cost in US dollars, or <see langword="null"/> when no component has a cost figure.</param>
public sealed record ArchitectureAnalysis(
    IReadOnlyList<ComponentAnalysis> Components,
    IReadOnlyList<FlowAnalysis> Flows,
    Headroom? Headroom,
    IReadOnlyList<ComponentAnalysis> SinglePointsOfFailure,
    double? MonthlyCostUsd)
{
    /// <summary>An analysis of nothing.</summary>
    public static ArchitectureAnalysis Empty { get; } = new([], [], null, [], null);

    /// <summary>Finds a component's analysis by name (case-insensitive).</summary>
    /// <param name="name">The component name.</param>
    /// <returns>The analysis, or <see langword="null"/>.</returns>
    public ComponentAnalysis? FindComponent(string name) =>
        Components.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Finds a flow's analysis by name (case-insensitive).</summary>
    /// <param name="name">The flow name.</param>
    /// <returns>The analysis, or <see langword="null"/>.</returns>
    public FlowAnalysis? FindFlow(string name) =>
        Flows.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Load, capacity and queueing of one component.</summary>
/// <param name="Parameters">The figures used (design over catalog).</param>
/// <param name="ReadLoadPerSecond">Offered reads per second, summed over flows (rate × visits).</param>
/// <param name="WriteLoadPerSecond">Offered writes per second, summed over flows.</param>
/// <param name="CapacityPerSecond">Requests per second all replicas serve at the offered read/write mix.</param>
/// <param name="Servers">Servers of the M/M/c model: replicas × concurrent requests per replica.</param>
/// <param name="Queue">The M/M/c result at the offered load; <see langword="null"/> when the component carries no load.</param>
/// <param name="Availability">Probability the component (all replicas together) can serve: parallel over replicas, or k-of-n for a quorum.</param>
/// <param name="OnRequestPath">True when some flow's caller waits on this component.</param>
/// <param name="FlowNames">Flows that reach the component, in document order.</param>
public sealed record ComponentAnalysis(
    ComponentParameters Parameters,
    double ReadLoadPerSecond,
    double WriteLoadPerSecond,
    double CapacityPerSecond,
    int Servers,
    MmcResult? Queue,
    double Availability,
    bool OnRequestPath,
    IReadOnlyList<string> FlowNames)
{
    /// <summary>The component's name.</summary>
    public string Name => Parameters.Name;

    /// <summary>The data this store must hold, from the estimates, or <see langword="null"/> when no estimate sizes it.</summary>
    public StorageNeed? StorageNeed { get; init; }

    /// <summary>
    /// Bytes the store holds without splitting the data further: one node's disk × shards (replicas hold copies, so
    /// they add no room), or <see langword="null"/> when its disk size is unknown or unlimited (an object store).
    /// </summary>
    public double? StorageCapacityBytes => Parameters.StoragePerNodeBytes is { } perNode ? perNode * Parameters.Shards : null;

    /// <summary>Needed ÷ capacity storage; above 1 the data does not fit; <see langword="null"/> when either is unknown.</summary>
    public double? StorageUtilization => StorageNeed is { } need && StorageCapacityBytes is > 0 and var capacity ? need.Bytes / capacity : null;

    /// <summary>Offered load in requests per second (reads plus writes).</summary>
    public double OfferedLoadPerSecond => ReadLoadPerSecond + WriteLoadPerSecond;

    /// <summary>Offered load ÷ capacity; 1 or more means saturated.</summary>
    public double Utilization => CapacityPerSecond > 0 ? OfferedLoadPerSecond / CapacityPerSecond : (OfferedLoadPerSecond > 0 ? double.PositiveInfinity : 0);

    /// <summary>True when the offered load reaches the capacity (utilisation ≥ 1): the queue grows without bound.</summary>
    public bool IsSaturated => Utilization >= 1;

    /// <summary>Requests per second beyond capacity, which a saturated component must shed (reject or time out); 0 otherwise.</summary>
    public double ShedPerSecond => Math.Max(0, OfferedLoadPerSecond - CapacityPerSecond);
}

/// <summary>The latency contribution of one step of a flow.</summary>
/// <param name="Component">The component name.</param>
/// <param name="StepIndex">Index of the step in the flow's path.</param>
/// <param name="VisitProbability">Probability that one arrival reaches this step (below 1 for cache-miss branches).</param>
/// <param name="FanOut">Parallel visits per arrival (1 unless written <c>x N</c>); the hop lasts as long as the slowest.</param>
/// <param name="MeanSeconds">Expected contribution to the flow's latency: visit probability × mean hop time.</param>
/// <param name="VarianceSecondsSquared">Variance of the contribution.</param>
public sealed record HopLatency(string Component, int StepIndex, double VisitProbability, double FanOut, double MeanSeconds, double VarianceSecondsSquared);

/// <summary>Latency of a flow's request path.</summary>
/// <param name="MeanSeconds">Mean (exact: the sum of the hops' means).</param>
/// <param name="P50Seconds">Median.</param>
/// <param name="P95Seconds">95th percentile.</param>
/// <param name="P99Seconds">99th percentile.</param>
public sealed record LatencySummary(double MeanSeconds, double P50Seconds, double P95Seconds, double P99Seconds);

/// <summary>What the analytic model says about one flow.</summary>
/// <param name="Flow">The bound flow.</param>
/// <param name="Hops">The steps on its request path with their latency contributions, in path order.</param>
/// <param name="Latency">Mean and percentiles; <see langword="null"/> when the flow has no rate or a component on its path is saturated.</param>
/// <param name="Availability">Probability that every component on the request path is up (series over hops).</param>
/// <param name="SaturatedComponents">Components on the whole path (request path and hand-offs) at or above capacity.</param>
public sealed record FlowAnalysis(
    BoundFlow Flow,
    IReadOnlyList<HopLatency> Hops,
    LatencySummary? Latency,
    double Availability,
    IReadOnlyList<string> SaturatedComponents)
{
    /// <summary>The flow's name.</summary>
    public string Name => Flow.Name;

    /// <summary>Arrivals per second, or <see langword="null"/> when the flow has no usable rate.</summary>
    public double? RatePerSecond => Flow.RatePerSecond;

    /// <summary>The hop with the largest mean contribution, or <see langword="null"/> when the path is empty.</summary>
    public HopLatency? DominantHop => Hops.Count == 0 ? null : Hops.MaxBy(h => h.MeanSeconds);

    /// <summary>Expected downtime per 30-day month, in seconds: (1 − availability) × 2,592,000.</summary>
    public double DowntimeSecondsPerMonth => (1 - Availability) * 30 * 86_400;
}

/// <summary>The load multiple at which the first component saturates.</summary>
/// <param name="Multiple">Scale every flow's rate by this and <paramref name="Component"/> reaches utilisation 1; below 1 means already saturated.</param>
/// <param name="Component">The component that saturates first.</param>
public sealed record Headroom(double Multiple, string Component);
