using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Simulation.Faults;

/// <summary>
/// <c>kill-replicas COMPONENT [count N] at T [for D]</c>: <see cref="Count"/> replicas of the component crash at
/// <see cref="FaultSpec.StartNs"/> — the highest-numbered first (replica n − 1, then n − 2, …), so
/// <see cref="KillNodeFault"/> can aim at the others. A crashed replica answers nothing: the requests it was serving
/// and those queued on it fail with a connection error; new connections to it are refused. The load balancer keeps
/// sending it traffic (which fails) until its health check notices, after the component's detection delay, and then
/// routes around it. At <see cref="FaultSpec.EndNs"/> the replicas restart empty (cold caches, empty queues) and take
/// traffic again once a health check passes. A count above the number of replicas kills them all.
/// </summary>
/// <param name="Component">The component's name in the design.</param>
/// <param name="Count">How many replicas crash; at least 1.</param>
/// <param name="StartNs">When they crash, in nanoseconds.</param>
/// <param name="DurationNs">How long they stay down, in nanoseconds; null for the rest of the run.</param>
/// <param name="Span">Where the fault was written.</param>
public sealed record KillReplicasFault(string Component, int Count, long StartNs, long? DurationNs, SourceSpan Span)
    : FaultSpec(StartNs, DurationNs, Span)
{
    /// <inheritdoc/>
    public override FaultKind Kind => FaultKind.KillReplicas;

    /// <inheritdoc/>
    protected override string? TargetText() => Component;

    /// <inheritdoc/>
    protected override IEnumerable<(string Key, string Value)> ParameterTexts() => [("count", FaultFormat.Number(Count))];
}

/// <summary>
/// <c>kill-node COMPONENT [index I] at T [for D]</c>: the replica with 0-based index <see cref="NodeIndex"/> crashes,
/// with the effects described for <see cref="KillReplicasFault"/> (requests on it fail, the balancer routes around it
/// after the health check's detection delay, it comes back cold at the end). An index beyond the component's replicas
/// is reported by the simulation and has no effect.
/// </summary>
/// <param name="Component">The component's name in the design.</param>
/// <param name="NodeIndex">The 0-based index of the replica that crashes.</param>
/// <param name="StartNs">When it crashes, in nanoseconds.</param>
/// <param name="DurationNs">How long it stays down, in nanoseconds; null for the rest of the run.</param>
/// <param name="Span">Where the fault was written.</param>
public sealed record KillNodeFault(string Component, int NodeIndex, long StartNs, long? DurationNs, SourceSpan Span)
    : FaultSpec(StartNs, DurationNs, Span)
{
    /// <inheritdoc/>
    public override FaultKind Kind => FaultKind.KillNode;

    /// <inheritdoc/>
    protected override string? TargetText() => Component;

    /// <inheritdoc/>
    protected override IEnumerable<(string Key, string Value)> ParameterTexts() => [("index", FaultFormat.Number(NodeIndex))];
}

/// <summary>
/// <c>lose-zone ZONE at T [for D]</c>: an availability zone goes dark (power, network or control-plane failure). Every
/// replica the design places in <see cref="Zone"/> crashes as in <see cref="KillReplicasFault"/>, every call into the
/// zone gets no answer (callers wait for their timeouts until health checks remove the zone's replicas), and a
/// database primary in the zone fails over as in <see cref="PrimaryFailureFault"/>. Components without zones are
/// unaffected; a design whose replicas all sit in the zone loses the component.
/// </summary>
/// <param name="Zone">The zone's name, as the design names zones.</param>
/// <param name="StartNs">When the zone fails, in nanoseconds.</param>
/// <param name="DurationNs">How long it stays dark, in nanoseconds; null for the rest of the run.</param>
/// <param name="Span">Where the fault was written.</param>
public sealed record LoseZoneFault(string Zone, long StartNs, long? DurationNs, SourceSpan Span)
    : FaultSpec(StartNs, DurationNs, Span)
{
    /// <inheritdoc/>
    public override FaultKind Kind => FaultKind.LoseZone;

    /// <inheritdoc/>
    protected override string? TargetText() => Zone;
}

/// <summary>
/// <c>slow-node COMPONENT factor F [index I] at T [for D]</c>: the replica with index <see cref="NodeIndex"/> takes
/// <see cref="Factor"/> times longer to serve every request (a failing disk, a noisy neighbour, long GC pauses). It
/// stays healthy to health checks — a gray failure — so round robin keeps sending it its share and its queue grows,
/// while least-connections and power-of-two-choices steer around it as its queue lengthens. Requests that wait past
/// their callers' timeouts fail.
/// </summary>
/// <param name="Component">The component's name in the design.</param>
/// <param name="Factor">The service-time multiplier; at least 1.</param>
/// <param name="NodeIndex">The 0-based index of the slow replica.</param>
/// <param name="StartNs">When it slows down, in nanoseconds.</param>
/// <param name="DurationNs">How long it stays slow, in nanoseconds; null for the rest of the run.</param>
/// <param name="Span">Where the fault was written.</param>
public sealed record SlowNodeFault(string Component, double Factor, int NodeIndex, long StartNs, long? DurationNs, SourceSpan Span)
    : FaultSpec(StartNs, DurationNs, Span)
{
    /// <inheritdoc/>
    public override FaultKind Kind => FaultKind.SlowNode;

    /// <inheritdoc/>
    protected override string? TargetText() => Component;

    /// <inheritdoc/>
    protected override IEnumerable<(string Key, string Value)> ParameterTexts() =>
        [("factor", FaultFormat.Number(Factor)), ("index", FaultFormat.Number(NodeIndex))];
}

/// <summary>
/// <c>thread-pool-exhaustion COMPONENT [workers N] at T [for D]</c>: on every replica all but
/// <see cref="WorkersLeft"/> workers are stuck (blocked on a slow call, a lock or a leaked connection), so each replica
/// serves with <see cref="WorkersLeft"/> workers; arrivals wait in the bounded queue, the queue fills, and requests
/// are rejected or time out. The replicas still pass health checks (the listener answers), so the balancer does not
/// route around them. A replica's own worker count is the ceiling: more workers left than it has changes nothing.
/// </summary>
/// <param name="Component">The component's name in the design.</param>
/// <param name="WorkersLeft">Workers still serving on each replica; 0 or more.</param>
/// <param name="StartNs">When the pool is exhausted, in nanoseconds.</param>
/// <param name="DurationNs">How long until the stuck workers are released, in nanoseconds; null for the rest of the run.</param>
/// <param name="Span">Where the fault was written.</param>
public sealed record ThreadPoolExhaustionFault(string Component, int WorkersLeft, long StartNs, long? DurationNs, SourceSpan Span)
    : FaultSpec(StartNs, DurationNs, Span)
{
    /// <inheritdoc/>
    public override FaultKind Kind => FaultKind.ThreadPoolExhaustion;

    /// <inheritdoc/>
    protected override string? TargetText() => Component;

    /// <inheritdoc/>
    protected override IEnumerable<(string Key, string Value)> ParameterTexts() => [("workers", FaultFormat.Number(WorkersLeft))];
}

/// <summary>
/// <c>rolling-deploy COMPONENT [batch N] [per-batch D] at T [for D]</c>: a new version is rolled out
/// <see cref="BatchSize"/> replicas at a time from <see cref="FaultSpec.StartNs"/>. Each batch is drained (it gets no
/// new requests and finishes those it holds), is out of service for <see cref="PerBatchNs"/> (restart, health check,
/// warm-up), and comes back with cold caches; then the next batch starts. Capacity drops by the batch for the whole
/// deploy, which ends when every replica has restarted or at <see cref="FaultSpec.EndNs"/> (an aborted rollout leaves
/// the remaining replicas untouched).
/// </summary>
/// <param name="Component">The component's name in the design.</param>
/// <param name="BatchSize">Replicas restarted at once; at least 1.</param>
/// <param name="PerBatchNs">How long each batch is out of service, in nanoseconds.</param>
/// <param name="StartNs">When the deploy starts, in nanoseconds.</param>
/// <param name="DurationNs">The longest the deploy may run, in nanoseconds; null for no limit.</param>
/// <param name="Span">Where the fault was written.</param>
public sealed record RollingDeployFault(string Component, int BatchSize, long PerBatchNs, long StartNs, long? DurationNs, SourceSpan Span)
    : FaultSpec(StartNs, DurationNs, Span)
{
    /// <inheritdoc/>
    public override FaultKind Kind => FaultKind.RollingDeploy;

    /// <inheritdoc/>
    protected override string? TargetText() => Component;

    /// <inheritdoc/>
    protected override IEnumerable<(string Key, string Value)> ParameterTexts() =>
        [("batch", FaultFormat.Number(BatchSize)), ("per-batch", FaultFormat.Duration(PerBatchNs))];
}
