using DesignDrill.Core.Catalog;
using DesignDrill.Core.Estimation;

namespace DesignDrill.Core.Architecture;

/// <summary>
/// The architecture with its numbers evaluated: every component's settings as quantities with units, and every flow's
/// rate in requests per second. This is what the capacity analysis and the simulator take as input.
/// </summary>
/// <param name="Components">The declared components, in document order.</param>
/// <param name="Flows">The declared flows, in document order.</param>
public sealed record BoundArchitecture(IReadOnlyList<BoundComponent> Components, IReadOnlyList<BoundFlow> Flows)
{
    /// <summary>Finds a component by name, case-insensitively; <see langword="null"/> when none is declared.</summary>
    /// <param name="name">The component's name as written in a flow.</param>
    /// <returns>The bound component, or <see langword="null"/>.</returns>
    public BoundComponent? FindComponent(string name) =>
        Components.FirstOrDefault(c => string.Equals(c.Declaration.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Finds a flow by name, case-insensitively; <see langword="null"/> when none is declared.</summary>
    /// <param name="name">The flow's name.</param>
    /// <returns>The bound flow, or <see langword="null"/>.</returns>
    public BoundFlow? FindFlow(string name) =>
        Flows.FirstOrDefault(f => string.Equals(f.Declaration.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// A component with its settings evaluated. Quantities are per replica (the format reads every capacity, latency,
/// memory and storage figure as one replica's, with or without the word <c>each</c>; see docs/design-format.md).
/// Anything not written is <see langword="null"/>: catalog defaults are applied by the analysis, not here.
/// </summary>
/// <param name="Declaration">The component as parsed.</param>
/// <param name="KindInfo">Its kind from the component catalog, or <see langword="null"/> when the kind is unknown.</param>
/// <param name="Replicas">Number of replicas (instances, nodes); 1 when not written. For databases written <c>1 primary + 2 replicas</c> this counts all three.</param>
/// <param name="CapacityPerReplica">Requests one replica serves per second (dimension 1/s), or <see langword="null"/>.</param>
/// <param name="ServiceTime">Mean time one replica takes to serve a request (dimension s), or <see langword="null"/>.</param>
/// <param name="MemoryPerReplica">Memory of one replica (dimension B) — the cache size for caches — or <see langword="null"/>.</param>
/// <param name="StoragePerReplica">Disk of one replica (dimension B) for stores, or <see langword="null"/>.</param>
/// <param name="HitRatio">Stated cache hit ratio in [0, 1], or <see langword="null"/>.</param>
/// <param name="Ttl">Stated time to live of cached entries (dimension s), or <see langword="null"/>.</param>
/// <param name="Partitions">Stated partition count (streams, queues), or <see langword="null"/>.</param>
/// <param name="Shards">Stated shard count (databases, caches), or <see langword="null"/>.</param>
/// <param name="Consumers">Stated consumer count (queues, streams), or <see langword="null"/>.</param>
/// <param name="ReferencedEstimates">Names of estimates used by the component's settings.</param>
public sealed record BoundComponent(
    ComponentDecl Declaration,
    ComponentKindInfo? KindInfo,
    int Replicas,
    Quantity? CapacityPerReplica,
    Quantity? ServiceTime,
    Quantity? MemoryPerReplica,
    Quantity? StoragePerReplica,
    double? HitRatio,
    Quantity? Ttl,
    int? Partitions,
    int? Shards,
    int? Consumers,
    IReadOnlyList<string> ReferencedEstimates)
{
    /// <summary>The component's name.</summary>
    public string Name => Declaration.Name;
}

/// <summary>A flow with its arrival rate evaluated.</summary>
/// <param name="Declaration">The flow as parsed.</param>
/// <param name="RatePerSecond">
/// Arrivals per second: the <c>at</c> expression, or for <c>after</c> flows the triggering flow's rate times the factor.
/// <see langword="null"/> when the rate is missing, fails to evaluate or is not a rate.
/// </param>
/// <param name="RateDerivation">How the rate was computed, for reports; empty when there is none.</param>
/// <param name="FanOut">Per step, in order: how many times one arrival visits that step (1 unless written <c>x N</c>).</param>
/// <param name="ReferencedEstimates">Names of estimates the rate and fan-out expressions use.</param>
public sealed record BoundFlow(
    FlowDecl Declaration,
    double? RatePerSecond,
    string RateDerivation,
    IReadOnlyList<double> FanOut,
    IReadOnlyList<string> ReferencedEstimates)
{
    /// <summary>The flow's name.</summary>
    public string Name => Declaration.Name;

    /// <summary>Bytes each request carries (the flow's <c>size</c> setting), or <see langword="null"/> when not stated.</summary>
    public double? RequestSizeBytes { get; init; }

    /// <summary>Bytes each response carries (the flow's <c>response</c> setting), or <see langword="null"/> when not stated.</summary>
    public double? ResponseSizeBytes { get; init; }

    /// <summary>Request bandwidth in bytes per second (rate × request size), or <see langword="null"/>.</summary>
    public double? RequestBytesPerSecond => RatePerSecond * RequestSizeBytes;

    /// <summary>Response bandwidth in bytes per second (rate × response size), or <see langword="null"/>.</summary>
    public double? ResponseBytesPerSecond => RatePerSecond * ResponseSizeBytes;
}
