using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Simulation.Faults;

/// <summary>
/// <c>cache-flush [COMPONENT] at T [for D]</c>: the cache loses every entry at <see cref="FaultSpec.StartNs"/> (a
/// restart, an operator's FLUSHALL, an eviction storm) and, while the fault lasts, keeps nothing — every read misses
/// and falls through to the store behind it, and fills are dropped, as while a cache node restarts. At
/// <see cref="FaultSpec.EndNs"/> it accepts fills again and warms up from empty, so the hit ratio climbs back as the
/// keyspace is re-read. Write <c>for 0s</c> for an instant flush followed by an immediate warm-up.
/// </summary>
/// <param name="Component">The cache's name in the design, or <see langword="null"/> (no target written) for every cache.</param>
/// <param name="StartNs">When it is flushed, in nanoseconds.</param>
/// <param name="DurationNs">How long it keeps nothing, in nanoseconds; null for the rest of the run.</param>
/// <param name="Span">Where the fault was written.</param>
public sealed record CacheFlushFault(string? Component, long StartNs, long? DurationNs, SourceSpan Span)
    : FaultSpec(StartNs, DurationNs, Span)
{
    /// <inheritdoc/>
    public override FaultKind Kind => FaultKind.CacheFlush;

    /// <inheritdoc/>
    protected override string? TargetText() => Component;
}

/// <summary>
/// <c>primary-failure [COMPONENT] [failover D] at T [for D]</c>: the database's primary crashes. Writes fail (connection
/// refused) until a replica is promoted <see cref="FailoverNs"/> later (detection, election, endpoint switch); reads
/// from the replicas continue. Writes the old primary had acknowledged but not yet shipped — those within the
/// replication lag — are lost and counted ("0 acknowledged writes lost" needs synchronous replication). The promoted
/// replica stays primary; the old primary returns as a replica at <see cref="FaultSpec.EndNs"/>. Without replicas
/// there is no promotion: writes and reads fail until the primary returns.
/// </summary>
/// <param name="Component">The database's name in the design, or <see langword="null"/> (no target written) for every database.</param>
/// <param name="FailoverNs">The time from the crash to the promoted replica taking writes, in nanoseconds.</param>
/// <param name="StartNs">When the primary crashes, in nanoseconds.</param>
/// <param name="DurationNs">How long until the old primary returns, in nanoseconds; null for the rest of the run.</param>
/// <param name="Span">Where the fault was written.</param>
public sealed record PrimaryFailureFault(string? Component, long FailoverNs, long StartNs, long? DurationNs, SourceSpan Span)
    : FaultSpec(StartNs, DurationNs, Span)
{
    /// <inheritdoc/>
    public override FaultKind Kind => FaultKind.PrimaryFailure;

    /// <inheritdoc/>
    protected override string? TargetText() => Component;

    /// <inheritdoc/>
    protected override IEnumerable<(string Key, string Value)> ParameterTexts() => [("failover", FaultFormat.Duration(FailoverNs))];
}

/// <summary>
/// <c>replication-lag [COMPONENT] [lag] D at T [for D]</c>: the database's replicas apply each write
/// <see cref="LagNs"/> later than usual (added to their normal lag: a long-running query on the replica, a saturated
/// link). A read served by a replica that has not yet applied the latest write of its key is stale and counted; a
/// client that reads its own write from a replica may not see it. At <see cref="FaultSpec.EndNs"/> the replicas catch
/// up (writes queued during the fault are applied in order).
/// </summary>
/// <param name="Component">The database's name in the design, or <see langword="null"/> (no target written) for every database.</param>
/// <param name="LagNs">The added replication lag, in nanoseconds.</param>
/// <param name="StartNs">When the lag appears, in nanoseconds.</param>
/// <param name="DurationNs">How long it lasts, in nanoseconds; null for the rest of the run.</param>
/// <param name="Span">Where the fault was written.</param>
public sealed record ReplicationLagFault(string? Component, long LagNs, long StartNs, long? DurationNs, SourceSpan Span)
    : FaultSpec(StartNs, DurationNs, Span)
{
    /// <inheritdoc/>
    public override FaultKind Kind => FaultKind.ReplicationLag;

    /// <inheritdoc/>
    protected override string? TargetText() => Component;

    /// <inheritdoc/>
    protected override IEnumerable<(string Key, string Value)> ParameterTexts() => [("lag", FaultFormat.Duration(LagNs))];
}

/// <summary>
/// <c>disk-full COMPONENT at T [for D]</c>: the component's storage is full (ENOSPC). Every write fails at once with an
/// error — inserts and updates on a database, produces on a queue or stream, fills and writes on a cache — while
/// reads keep working. Write-back caches cannot flush, so their dirty entries wait. Space is freed at
/// <see cref="FaultSpec.EndNs"/>.
/// </summary>
/// <param name="Component">The component's name in the design.</param>
/// <param name="StartNs">When the disk fills, in nanoseconds.</param>
/// <param name="DurationNs">How long until space is freed, in nanoseconds; null for the rest of the run.</param>
/// <param name="Span">Where the fault was written.</param>
public sealed record DiskFullFault(string Component, long StartNs, long? DurationNs, SourceSpan Span)
    : FaultSpec(StartNs, DurationNs, Span)
{
    /// <inheritdoc/>
    public override FaultKind Kind => FaultKind.DiskFull;

    /// <inheritdoc/>
    protected override string? TargetText() => Component;
}

/// <summary>
/// <c>consumer-stopped [COMPONENT] at T [for D]</c>: every consumer of the queue or stream stops fetching (a crashed
/// worker fleet, a poison message, a stuck rebalance). Producers keep writing, so the backlog and the consumer lag grow
/// at the producing rate; messages already handed out and not acknowledged become visible again when their visibility
/// timeout expires and are redelivered (duplicates counted) once consumers resume at <see cref="FaultSpec.EndNs"/>.
/// Messages older than the retention period are dropped and counted.
/// </summary>
/// <param name="Component">The queue's or stream's name in the design, or <see langword="null"/> (no target written) for every queue and stream.</param>
/// <param name="StartNs">When the consumers stop, in nanoseconds.</param>
/// <param name="DurationNs">How long until they resume, in nanoseconds; null for the rest of the run.</param>
/// <param name="Span">Where the fault was written.</param>
public sealed record ConsumerStoppedFault(string? Component, long StartNs, long? DurationNs, SourceSpan Span)
    : FaultSpec(StartNs, DurationNs, Span)
{
    /// <inheritdoc/>
    public override FaultKind Kind => FaultKind.ConsumerStopped;

    /// <inheritdoc/>
    protected override string? TargetText() => Component;
}

/// <summary>
/// <c>hot-key COMPONENT [share] P at T [for D]</c>: a share <see cref="Share"/> of the component's requests go to one
/// key (a celebrity's profile, a viral link), the rest keep the usual popularity (Zipf). On a sharded store the shard
/// that owns the key takes that share of the load and saturates first — the hot partition; on a cache the key always
/// hits but the node holding it takes the share. Spreading the key (replicated hot keys, key salting) is what the
/// design must show to survive it.
/// </summary>
/// <param name="Component">The component's name in the design.</param>
/// <param name="Share">The fraction of requests to the hot key; above 0 and at most 1.</param>
/// <param name="StartNs">When the key turns hot, in nanoseconds.</param>
/// <param name="DurationNs">How long it stays hot, in nanoseconds; null for the rest of the run.</param>
/// <param name="Span">Where the fault was written.</param>
public sealed record HotKeyFault(string Component, double Share, long StartNs, long? DurationNs, SourceSpan Span)
    : FaultSpec(StartNs, DurationNs, Span)
{
    /// <inheritdoc/>
    public override FaultKind Kind => FaultKind.HotKey;

    /// <inheritdoc/>
    protected override string? TargetText() => Component;

    /// <inheritdoc/>
    protected override IEnumerable<(string Key, string Value)> ParameterTexts() => [("share", FaultFormat.Number(Share))];
}

/// <summary>
/// <c>thundering-herd [COMPONENT] at T [for D]</c>: the cache's keys expire together. At <see cref="FaultSpec.StartNs"/>
/// every entry expires at once, and while the fault lasts every entry filled gets its expiry aligned to the next
/// multiple of the cache's TTL counted from <see cref="FaultSpec.StartNs"/>, so the whole keyspace expires together
/// again every TTL (as when keys loaded by one batch job share a TTL). Concurrent misses on the same key are not
/// coalesced: each goes to the store behind the cache, which takes the stampede. A cache without a TTL sees one
/// synchronized expiry at the start.
/// </summary>
/// <param name="Component">The cache's name in the design, or <see langword="null"/> (no target written) for every cache.</param>
/// <param name="StartNs">When the keys first expire together, in nanoseconds.</param>
/// <param name="DurationNs">How long expiries stay aligned, in nanoseconds; null for the rest of the run.</param>
/// <param name="Span">Where the fault was written.</param>
public sealed record ThunderingHerdFault(string? Component, long StartNs, long? DurationNs, SourceSpan Span)
    : FaultSpec(StartNs, DurationNs, Span)
{
    /// <inheritdoc/>
    public override FaultKind Kind => FaultKind.ThunderingHerd;

    /// <inheritdoc/>
    protected override string? TargetText() => Component;
}
