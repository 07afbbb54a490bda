using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Simulation.Faults;

/// <summary>
/// The fault vocabulary: every <see cref="FaultKind"/> with its name, target, parameters (type, range, default) and an
/// example. The parser, its messages, the docs and the tests all read this one table.
/// </summary>
/// <remarks>
/// The ranges refuse only what cannot be meant; their bounds are rules of thumb: 1,000,000 replicas, workers or an
/// index (far beyond any interview design), a slowdown of 1,000x (beyond it, kill the node instead), a day of lag or
/// per-batch time, an hour of added latency or failover, a load factor of 1,000 (three orders of magnitude past the
/// "10x traffic" constraint changes of the practice prompts).
/// </remarks>
public static class FaultCatalog
{
    /// <summary>The default failover time of <c>primary-failure</c>: 60 s (Amazon RDS User Guide, "Failing over a Multi-AZ DB instance": failover times are typically 60–120 seconds).</summary>
    public const long DefaultFailoverNs = 60 * SimTime.NanosecondsPerSecond;

    /// <summary>The default time each batch of a <c>rolling-deploy</c> is out of service: 30 s (rule of thumb: drain, restart, health check and warm-up of a service).</summary>
    public const long DefaultPerBatchNs = 30 * SimTime.NanosecondsPerSecond;

    /// <summary>The largest count, worker number or index a parameter accepts: 1,000,000 (rule of thumb).</summary>
    public const int MaxCount = 1_000_000;

    private const long SecondNs = SimTime.NanosecondsPerSecond;
    private const long HourNs = 3_600 * SecondNs;
    private const long DayNs = 24 * HourNs;

    private static readonly FaultParameterInfo Fraction =
        new("fraction", FaultValueType.Fraction, 0, 1, true, null, "the fraction affected, 0 to 1 or a percentage", "5%");

    private static readonly FaultKindInfo[] Kinds =
    [
        new(FaultKind.KillReplicas, "kill-replicas", FaultTargetKind.Component,
            [new("count", FaultValueType.Count, 1, MaxCount, false, 1, "how many replicas crash", "2")],
            "count", "replicas crash; the balancer routes around them after its health check", "kill-replicas db count 1 at 90s"),
        new(FaultKind.KillNode, "kill-node", FaultTargetKind.Component,
            [new("index", FaultValueType.Index, 0, MaxCount - 1, false, 0, "the 0-based replica that crashes", "0")],
            "index", "one replica crashes", "kill-node api index 2 at 30s for 1m"),
        new(FaultKind.LoseZone, "lose-zone", FaultTargetKind.Zone, [],
            null, "every replica in the zone crashes and calls into it go unanswered", "lose-zone us-east-1a at 60s for 5m"),
        new(FaultKind.SlowNode, "slow-node", FaultTargetKind.Component,
            [
                new("factor", FaultValueType.Factor, 1, 1_000, false, null, "how many times slower the replica serves", "5"),
                new("index", FaultValueType.Index, 0, MaxCount - 1, false, 0, "the 0-based replica that slows down", "0"),
            ],
            "factor", "one replica serves slower but stays healthy (a gray failure)", "slow-node api factor 5 at 1m for 30s"),
        new(FaultKind.EdgeLatency, "edge-latency", FaultTargetKind.Edge,
            [new("added", FaultValueType.Duration, 0, HourNs, true, null, "the latency added to each call's round trip", "50ms")],
            "added", "calls on one edge take longer", "edge-latency api->db 50ms at 10s for 10s"),
        new(FaultKind.PacketLoss, "packet-loss", FaultTargetKind.ComponentOrEdge, [Fraction],
            "fraction", "attempts are lost and retransmitted after TCP's timeout", "packet-loss api->db 5% at 20s for 30s"),
        new(FaultKind.Partition, "partition", FaultTargetKind.ComponentSet, [],
            null, "the listed components are cut off from the rest", "partition cache,db at 30s for 20s"),
        new(FaultKind.CacheFlush, "cache-flush", FaultTargetKind.Component, [],
            null, "a cache loses its entries and keeps nothing while the fault lasts", "cache-flush at 60s for 30s", "every cache"),
        new(FaultKind.PrimaryFailure, "primary-failure", FaultTargetKind.Component,
            [new("failover", FaultValueType.Duration, 0, HourNs, false, DefaultFailoverNs, "the time until a replica is promoted", "30s")],
            "failover", "the primary crashes; writes fail until a replica is promoted", "primary-failure db failover 30s at 60s", "every database"),
        new(FaultKind.ReplicationLag, "replication-lag", FaultTargetKind.Component,
            [new("lag", FaultValueType.Duration, 0, DayNs, true, null, "the replication lag added", "5s")],
            "lag", "replicas fall behind; stale reads are counted", "replication-lag db 5s at 30s for 1m", "every database"),
        new(FaultKind.DiskFull, "disk-full", FaultTargetKind.Component, [],
            null, "writes fail, reads work", "disk-full db at 2m for 30s"),
        new(FaultKind.ConsumerStopped, "consumer-stopped", FaultTargetKind.Component, [],
            null, "consumers stop; the backlog and consumer lag grow", "consumer-stopped clicks at 30s for 2m", "every queue and stream"),
        new(FaultKind.ThreadPoolExhaustion, "thread-pool-exhaustion", FaultTargetKind.Component,
            [new("workers", FaultValueType.Count, 0, MaxCount, false, 0, "the workers left serving on each replica", "2")],
            "workers", "most workers are stuck; requests queue and time out", "thread-pool-exhaustion api workers 2 at 30s for 1m"),
        new(FaultKind.TransientErrors, "transient-errors", FaultTargetKind.Component, [Fraction],
            "fraction", "requests fail with retryable errors", "transient-errors db 10% at 20s for 30s"),
        new(FaultKind.DependencyTimeout, "dependency-timeout", FaultTargetKind.Component, [],
            null, "calls are accepted and never answered; callers wait for their timeouts", "dependency-timeout payments at 30s for 1m"),
        new(FaultKind.HotKey, "hot-key", FaultTargetKind.Component,
            [new("share", FaultValueType.Fraction, 0, 1, true, null, "the share of requests to the one hot key", "30%")],
            "share", "one key takes a share of the traffic; its shard runs hot", "hot-key cache share 0.3 at 10s for 2m"),
        new(FaultKind.ThunderingHerd, "thundering-herd", FaultTargetKind.Component, [],
            null, "keys expire together; the misses stampede the store", "thundering-herd cache at 60s for 5m", "every cache"),
        new(FaultKind.RollingDeploy, "rolling-deploy", FaultTargetKind.Component,
            [
                new("batch", FaultValueType.Count, 1, MaxCount, false, 1, "replicas restarted at once", "2"),
                new("per-batch", FaultValueType.Duration, 0, DayNs, true, DefaultPerBatchNs, "how long each batch is out of service", "30s"),
            ],
            "batch", "replicas restart batch by batch", "rolling-deploy api batch 2 per-batch 30s at 1m"),
        new(FaultKind.BadConfig, "bad-config", FaultTargetKind.Component, [Fraction],
            "fraction", "a fraction of requests fail for good until the rollback", "bad-config api fraction 0.5 at 45s for 2m"),
        new(FaultKind.TrafficSpike, "traffic-spike", FaultTargetKind.None,
            [
                new("factor", FaultValueType.Factor, 0, 1_000, false, null, "the load multiplier", "3"),
                new("ramp", FaultValueType.Duration, 0, DayNs, false, 0, "how long the load takes to climb", "5s"),
            ],
            "factor", "every flow's load is multiplied", "traffic-spike factor 3 at 30s for 20s"),
    ];

    /// <summary>Every fault kind, in <see cref="FaultKind"/> order.</summary>
    public static IReadOnlyList<FaultKindInfo> All => Kinds;

    /// <summary>The names of every kind (<c>kill-replicas</c>, …), in <see cref="FaultKind"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } = Kinds.Select(k => k.Name).ToArray();

    /// <summary>The entry for <paramref name="kind"/>.</summary>
    /// <param name="kind">A defined kind.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not defined.</exception>
    public static FaultKindInfo Get(FaultKind kind) =>
        (int)kind >= 0 && (int)kind < Kinds.Length ? Kinds[(int)kind]
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown fault kind.");

    /// <summary>Finds a kind by name, ignoring case and accepting <c>_</c> for <c>-</c> (<c>Cache_Flush</c>).</summary>
    /// <param name="name">The name.</param>
    /// <param name="info">The entry, when found.</param>
    /// <returns>True when found.</returns>
    public static bool TryFind(string name, out FaultKindInfo info)
    {
        var normalized = (name ?? "").Replace('_', '-');
        foreach (var kind in Kinds)
        {
            if (string.Equals(kind.Name, normalized, StringComparison.OrdinalIgnoreCase))
            {
                info = kind;
                return true;
            }
        }

        info = Kinds[0];
        return false;
    }

    /// <summary>Builds the record for a parsed fault; the arguments are complete and in range.</summary>
    internal static FaultSpec Build(FaultArguments a) => a.Kind.Kind switch
    {
        FaultKind.KillReplicas => new KillReplicasFault(a.Component!, a.Int("count"), a.StartNs, a.DurationNs, a.Span),
        FaultKind.KillNode => new KillNodeFault(a.Component!, a.Int("index"), a.StartNs, a.DurationNs, a.Span),
        FaultKind.LoseZone => new LoseZoneFault(a.Component!, a.StartNs, a.DurationNs, a.Span),
        FaultKind.SlowNode => new SlowNodeFault(a.Component!, a.Double("factor"), a.Int("index"), a.StartNs, a.DurationNs, a.Span),
        FaultKind.EdgeLatency => new EdgeLatencyFault(a.Edge!.Value, a.Long("added"), a.StartNs, a.DurationNs, a.Span),
        FaultKind.PacketLoss => new PacketLossFault(a.Component, a.Edge, a.Double("fraction"), a.StartNs, a.DurationNs, a.Span),
        FaultKind.Partition => new PartitionFault(a.Components, a.StartNs, a.DurationNs, a.Span),
        FaultKind.CacheFlush => new CacheFlushFault(a.Component, a.StartNs, a.DurationNs, a.Span),
        FaultKind.PrimaryFailure => new PrimaryFailureFault(a.Component, a.Long("failover"), a.StartNs, a.DurationNs, a.Span),
        FaultKind.ReplicationLag => new ReplicationLagFault(a.Component, a.Long("lag"), a.StartNs, a.DurationNs, a.Span),
        FaultKind.DiskFull => new DiskFullFault(a.Component!, a.StartNs, a.DurationNs, a.Span),
        FaultKind.ConsumerStopped => new ConsumerStoppedFault(a.Component, a.StartNs, a.DurationNs, a.Span),
        FaultKind.ThreadPoolExhaustion => new ThreadPoolExhaustionFault(a.Component!, a.Int("workers"), a.StartNs, a.DurationNs, a.Span),
        FaultKind.TransientErrors => new TransientErrorsFault(a.Component!, a.Double("fraction"), a.StartNs, a.DurationNs, a.Span),
        FaultKind.DependencyTimeout => new DependencyTimeoutFault(a.Component!, a.StartNs, a.DurationNs, a.Span),
        FaultKind.HotKey => new HotKeyFault(a.Component!, a.Double("share"), a.StartNs, a.DurationNs, a.Span),
        FaultKind.ThunderingHerd => new ThunderingHerdFault(a.Component, a.StartNs, a.DurationNs, a.Span),
        FaultKind.RollingDeploy => new RollingDeployFault(a.Component!, a.Int("batch"), a.Long("per-batch"), a.StartNs, a.DurationNs, a.Span),
        FaultKind.BadConfig => new BadConfigFault(a.Component!, a.Double("fraction"), a.StartNs, a.DurationNs, a.Span),
        FaultKind.TrafficSpike => new TrafficSpikeFault(a.Double("factor"), a.Long("ramp"), a.StartNs, a.DurationNs, a.Span),
        _ => throw new ArgumentOutOfRangeException(nameof(a), a.Kind.Kind, "Unknown fault kind."),
    };
}

/// <summary>The parts of a fault the parser has read, handed to <see cref="FaultCatalog.Build"/>.</summary>
internal sealed class FaultArguments(FaultKindInfo kind, SourceSpan span)
{
    private readonly Dictionary<string, double> _numbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _durations = new(StringComparer.Ordinal);

    public FaultKindInfo Kind { get; } = kind;

    public SourceSpan Span { get; } = span;

    public string? Component { get; set; }

    public EdgeRef? Edge { get; set; }

    public IReadOnlyList<string> Components { get; set; } = [];

    public long StartNs { get; set; }

    public long? DurationNs { get; set; }

    public bool Has(string key) => _numbers.ContainsKey(key) || _durations.ContainsKey(key);

    public void SetNumber(string key, double value) => _numbers[key] = value;

    public void SetDuration(string key, long valueNs) => _durations[key] = valueNs;

    public int Int(string key) => (int)Double(key);

    public double Double(string key) => _numbers.TryGetValue(key, out var value) ? value : Kind.Find(key)!.Default!.Value;

    public long Long(string key) => _durations.TryGetValue(key, out var value) ? value : (long)Kind.Find(key)!.Default!.Value;
}
