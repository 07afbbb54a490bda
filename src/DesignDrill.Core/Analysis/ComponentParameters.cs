using DesignDrill.Core.Architecture;

namespace DesignDrill.Core.Analysis;

/// <summary>
/// The numbers the analytic model uses for one component, after the design's own settings have been applied over the
/// catalog's defaults. Every figure records where it came from, so a report can say "capacity 100K/s (catalog: redis)".
/// </summary>
/// <param name="Component">The component as bound from the design.</param>
/// <param name="Replicas">Instances serving load (at least 1).</param>
/// <param name="ReadCapacityPerReplica">Reads one replica serves per second; +∞ for a managed service with no per-instance limit.</param>
/// <param name="WriteCapacityPerReplica">Writes one replica serves per second; +∞ likewise.</param>
/// <param name="ServiceTimeSeconds">Mean time to serve one request, without queueing.</param>
/// <param name="Availability">Probability one replica is up, in (0, 1].</param>
/// <param name="HitRatio">For caches and CDNs: the share of reads served without going further, in [0, 1]; otherwise <see langword="null"/>.</param>
/// <param name="CostPerMonthUsd">On-demand cost of one replica for a month, or <see langword="null"/> when unknown.</param>
/// <param name="CostPerMillionRequestsUsd">Usage price per million requests, or <see langword="null"/>.</param>
/// <param name="Origins">Where each figure came from, keyed by field name (<c>capacity</c>, <c>serviceTime</c>, …): <c>design</c>, <c>catalog: redis</c>, or <c>rule of thumb</c>.</param>
public sealed record ComponentParameters(
    BoundComponent Component,
    int Replicas,
    double ReadCapacityPerReplica,
    double WriteCapacityPerReplica,
    double ServiceTimeSeconds,
    double Availability,
    double? HitRatio,
    double? CostPerMonthUsd,
    double? CostPerMillionRequestsUsd,
    IReadOnlyDictionary<string, string> Origins)
{
    /// <summary>The component's name.</summary>
    public string Name => Component.Name;

    /// <summary>Disk of one node in bytes (the design's storage, else the catalog's), or <see langword="null"/> when neither says.</summary>
    public double? StoragePerNodeBytes { get; init; }

    /// <summary>Shards the data is split over (1 unless the design says <c>shards N</c>).</summary>
    public int Shards { get; init; } = 1;

    /// <summary>Nodes that serve reads (all replicas of all shards); defaults to <see cref="Replicas"/>.</summary>
    public int ReadNodes { get; init; } = Math.Max(1, Replicas);

    /// <summary>Nodes that take writes (the primaries of all shards for a primary/replica store); defaults to <see cref="Replicas"/>.</summary>
    public int WriteNodes { get; init; } = Math.Max(1, Replicas);

    /// <summary>
    /// True for a managed service that the provider replicates (unbounded capacity in the catalog, or a DNS or CDN
    /// kind): one declared instance is not a single point of failure.
    /// </summary>
    public bool IsManaged => IsUnbounded || Component.KindInfo?.Id is "dns" or "cdn";

    /// <summary>True when capacity is unbounded (a managed service that scales with the load): it never queues or saturates.</summary>
    public bool IsUnbounded => double.IsPositiveInfinity(ReadCapacityPerReplica) && double.IsPositiveInfinity(WriteCapacityPerReplica);
}
