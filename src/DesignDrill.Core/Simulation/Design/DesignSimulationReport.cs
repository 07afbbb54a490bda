using DesignDrill.Core.Simulation.Statistics;

namespace DesignDrill.Core.Simulation.Design;

/// <summary>What one flow did over the measured part of a run (after warm-up).</summary>
/// <param name="Name">The flow's name.</param>
/// <param name="RatePerSecond">The arrival rate simulated (the design's rate × the load factor).</param>
/// <param name="Offered">Requests that arrived after warm-up.</param>
/// <param name="Completed">Requests whose response completed after warm-up.</param>
/// <param name="Failed">Requests that failed after warm-up (every cause).</param>
/// <param name="FailedQueueFull">Of <paramref name="Failed"/>: refused because a waiting line was full.</param>
/// <param name="FailedUnavailable">Of <paramref name="Failed"/>: a component on the path was down (killed, failing over, cut off).</param>
/// <param name="FailedError">Of <paramref name="Failed"/>: a component answered with an error (transient errors, bad config, packet loss, disk full).</param>
/// <param name="FailedTimeout">Of <paramref name="Failed"/>: a dependency never answered and the call timed out, or the client's last attempt timed out.</param>
/// <param name="Retries">Attempts after the first, made by clients under <see cref="DesignSimulationOptions.ClientRetries"/>.</param>
/// <param name="Redelivered">Messages redelivered after their processing failed behind a queue (at-least-once delivery).</param>
/// <param name="DuplicateCalls">Calls made again because of redeliveries (work done twice: what idempotent consumers must absorb).</param>
/// <param name="DeadLettered">Messages moved to the dead-letter queue after the queue's most receives.</param>
/// <param name="ThroughputPerSecond">Completed requests per measured second.</param>
/// <param name="LatencyMeanSeconds">Mean response time with its 95% half-width.</param>
/// <param name="LatencyP50Seconds">Median response time.</param>
/// <param name="LatencyP95Seconds">95th percentile.</param>
/// <param name="LatencyP99Seconds">99th percentile.</param>
public sealed record FlowSimulation(
    string Name,
    double RatePerSecond,
    long Offered,
    long Completed,
    long Failed,
    long FailedQueueFull,
    long FailedUnavailable,
    long FailedError,
    long FailedTimeout,
    long Retries,
    long Redelivered,
    long DuplicateCalls,
    long DeadLettered,
    double ThroughputPerSecond,
    BatchEstimate LatencyMeanSeconds,
    BatchEstimate LatencyP50Seconds,
    BatchEstimate LatencyP95Seconds,
    BatchEstimate LatencyP99Seconds)
{
    /// <summary>Of <see cref="Failed"/>: attempts the client's circuit breaker refused while open.</summary>
    public long RejectedByBreaker { get; init; }

    /// <summary>Of <see cref="FailedError"/>: calls a <c>rate_limiter</c> component refused (HTTP 429).</summary>
    public long RateLimited { get; init; }

    /// <summary>
    /// The latency bound goodput counts against, in seconds: the tightest latency objective the requirements state for
    /// this flow (<c>p99 &lt; 50 ms for redirect</c> gives 0.05); <see langword="null"/> when there is none, and goodput
    /// is then every completed response.
    /// </summary>
    public double? GoodputLatencyTargetSeconds { get; init; }
}

/// <summary>What one component did over the measured part of a run.</summary>
/// <param name="Name">The component's name.</param>
/// <param name="Servers">Parallel servers simulated (replicas × concurrency, as in the analytic model); 0 for a component modelled as never queueing (managed, unbounded).</param>
/// <param name="Utilization">Busy server-time ÷ (servers × measured time), 0–1; 0 for unbounded components.</param>
/// <param name="MeanQueueLength">Time-average number of jobs waiting (not in service).</param>
/// <param name="WaitMeanSeconds">Mean wait before service, with its 95% half-width.</param>
/// <param name="WaitProbability">Fraction of jobs that waited at all (Erlang C's P(wait) for an M/M/c), with its half-width.</param>
/// <param name="Jobs">Jobs served after warm-up.</param>
/// <param name="HitRatio">For caches: hits ÷ lookups after warm-up; <see langword="null"/> otherwise.</param>
public sealed record ComponentSimulation(
    string Name,
    int Servers,
    double Utilization,
    double MeanQueueLength,
    BatchEstimate WaitMeanSeconds,
    BatchEstimate WaitProbability,
    long Jobs,
    double? HitRatio)
{
    /// <summary>For a replicated store (<c>1 primary + N replicas</c>): reads served after warm-up.</summary>
    public long Reads { get; init; }

    /// <summary>
    /// For a replicated store: reads a replica served within the replication lag of the key's last write (they saw an
    /// older value); <see langword="null"/> for other components. Needs keys that repeat (<c>--keys</c>).
    /// </summary>
    public long? StaleReads { get; init; }

    /// <summary>
    /// For a replicated store: write calls refused (as unavailable) while a failed primary had no successor, over the
    /// whole run (a fault is an event, not a sample, so warm-up does not hide it); 0 without a primary failure.
    /// </summary>
    public long WritesFailedDuringFailover { get; init; }

    /// <summary>
    /// For a replicated store: writes the failed primary had acknowledged but not yet shipped when it died — those
    /// within the replication lag before the crash — lost when a replica was promoted, over the whole run. Always 0
    /// with synchronous replication (<c>replication sync</c>); <see langword="null"/> for other components.
    /// </summary>
    public long? AcknowledgedWritesLost { get; init; }

    /// <summary>For a cache read with a keyspace (<c>--keys</c>): its eviction, <c>lru</c> or <c>lfu</c>; <see langword="null"/> otherwise.</summary>
    public string? Eviction { get; init; }

    /// <summary>For a cache read with a keyspace: <c>cache-aside</c>, <c>write-through</c> or <c>write-back</c>; <see langword="null"/> otherwise.</summary>
    public string? WritePolicy { get; init; }

    /// <summary>For a cache read with a keyspace: writes it took after warm-up (deletes under cache-aside, updates otherwise).</summary>
    public long? CacheWrites { get; init; }

    /// <summary>For a cache read with a keyspace: write calls its write-backs sent to the store after warm-up (0 unless write-back).</summary>
    public long? WriteBacks { get; init; }

    /// <summary>
    /// For a cache read with a keyspace: acknowledged writes a write-back cache held and lost when it was flushed or all
    /// its replicas died, before writing them back (whole run); 0 unless write-back.
    /// </summary>
    public long? UnflushedWritesLost { get; init; }

    /// <summary>
    /// For a cache read with a keyspace: write-backs the store refused (it was down, failing over, full or erroring),
    /// whose writes are lost with them — the cache had already marked them clean (whole run); 0 unless write-back.
    /// </summary>
    public long? WriteBacksFailed { get; init; }
}

/// <summary>One point of a per-interval series.</summary>
/// <param name="StartSeconds">Start of the interval, seconds since the start of the run.</param>
/// <param name="Offered">Attempts of the flow in the interval (arrivals and client retries).</param>
/// <param name="Completed">Responses completed.</param>
/// <param name="Failed">Failures.</param>
/// <param name="LatencyP50Seconds">Median response time of the responses completed in the interval (NaN when none).</param>
/// <param name="LatencyP99Seconds">Their 99th percentile (NaN when none).</param>
public readonly record struct FlowSeriesPoint(double StartSeconds, long Offered, long Completed, long Failed, double LatencyP50Seconds, double LatencyP99Seconds)
{
    /// <summary>The 95th percentile of the responses completed in the interval, in seconds (NaN when none).</summary>
    public double LatencyP95Seconds { get; init; }

    /// <summary>
    /// Responses completed in the interval within the flow's latency target (the tightest latency objective its
    /// requirements state, <see cref="FlowSimulation.GoodputLatencyTargetSeconds"/>); every completed response when it
    /// has none.
    /// </summary>
    public long Goodput { get; init; }

    /// <summary>Of <see cref="Failed"/>: refused because a waiting line was full.</summary>
    public long FailedQueueFull { get; init; }

    /// <summary>Of <see cref="Failed"/>: a component on the path was down, or the client's breaker refused the attempt.</summary>
    public long FailedUnavailable { get; init; }

    /// <summary>Of <see cref="Failed"/>: a component answered with an error, or a rate limiter refused the call.</summary>
    public long FailedError { get; init; }

    /// <summary>Of <see cref="Failed"/>: a dependency never answered, or the client's last attempt timed out.</summary>
    public long FailedTimeout { get; init; }

    /// <summary>Of <see cref="FailedUnavailable"/>: attempts the client's circuit breaker refused.</summary>
    public long RejectedByBreaker { get; init; }

    /// <summary>Of <see cref="FailedError"/>: calls a <c>rate_limiter</c> component refused.</summary>
    public long RateLimited { get; init; }
}

/// <summary>One point of a component's per-interval series.</summary>
/// <param name="StartSeconds">Start of the interval.</param>
/// <param name="Utilization">Busy fraction over the interval.</param>
/// <param name="QueueLength">Jobs waiting at the end of the interval.</param>
public readonly record struct ComponentSeriesPoint(double StartSeconds, double Utilization, long QueueLength)
{
    /// <summary>For caches: hits ÷ lookups in the interval, 0–1 (NaN when there was no lookup); <see langword="null"/> for other components.</summary>
    public double? HitRatio { get; init; }

    /// <summary>
    /// For replicated stores (<c>1 primary + N replicas</c>): the largest replication lag the replicas ran at during the
    /// interval, in seconds (the model's lag: 10 ms plus any replication-lag fault); <see langword="null"/> for other components.
    /// </summary>
    public double? ReplicationLagSeconds { get; init; }

    /// <summary>
    /// For queues, streams and pub/sub: messages waiting at the end of the interval — accepted and not yet taken by a
    /// consumer (in the consumers' waiting lines, or held by the queue while its consumers are stopped);
    /// <see langword="null"/> for other components.
    /// </summary>
    public long? ConsumerLag { get; init; }
}

/// <summary>The result of simulating a design.</summary>
/// <param name="Outcome">Whether the run finished, or why it stopped early (a limit, cancellation).</param>
/// <param name="Seed">The seed used.</param>
/// <param name="DurationSeconds">Simulated seconds run (less than asked when stopped early).</param>
/// <param name="WarmUpSeconds">Seconds discarded at the start.</param>
/// <param name="IntervalSeconds">Width of one series interval (1 s for runs up to an hour; longer runs keep at most 3,600 points).</param>
/// <param name="Requests">Requests generated in the whole run.</param>
/// <param name="Flows">Per flow, in design order.</param>
/// <param name="Components">Per simulated component, in design order.</param>
/// <param name="FlowSeries">Per flow (same order), its series.</param>
/// <param name="ComponentSeries">Per component (same order), its series.</param>
/// <param name="Notes">What was simplified or left out ("flow 'x' has no rate; not simulated").</param>
/// <param name="EventLog">What happened when: faults starting and ending, with the failures while each lasted ("t=60.0 s cache-flush on cache starts").</param>
public sealed record DesignSimulationReport(
    SimulationOutcome Outcome,
    int Seed,
    double DurationSeconds,
    double WarmUpSeconds,
    double IntervalSeconds,
    long Requests,
    IReadOnlyList<FlowSimulation> Flows,
    IReadOnlyList<ComponentSimulation> Components,
    IReadOnlyList<IReadOnlyList<FlowSeriesPoint>> FlowSeries,
    IReadOnlyList<IReadOnlyList<ComponentSeriesPoint>> ComponentSeries,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> EventLog)
{
    /// <summary>The design's stated latency and availability targets per flow, met or missed in this run, with the error budget burned.</summary>
    public IReadOnlyList<SloVerdict> Slos { get; init; } = [];

    /// <summary>The flow of that name (case-insensitive), or <see langword="null"/>.</summary>
    /// <param name="name">A flow name.</param>
    /// <returns>Its result.</returns>
    public FlowSimulation? FindFlow(string name) => Flows.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The component of that name (case-insensitive), or <see langword="null"/>.</summary>
    /// <param name="name">A component name.</param>
    /// <returns>Its result.</returns>
    public ComponentSimulation? FindComponent(string name) => Components.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
