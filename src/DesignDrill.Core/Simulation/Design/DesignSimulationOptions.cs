namespace DesignDrill.Core.Simulation.Design;

/// <summary>How to run a design through the simulator.</summary>
public sealed record DesignSimulationOptions
{
    /// <summary>Default simulated duration: 60 s (rule of thumb: long enough for a per-second series to settle).</summary>
    public const double DefaultDurationSeconds = 60;

    /// <summary>
    /// Default cap on simulated requests (arrivals of every flow together): 50 million (rule of thumb: a few seconds of
    /// wall time at interview scale; bounds absurd rates such as 10^15 requests/s).
    /// </summary>
    public const long DefaultMaxRequests = 50_000_000;

    /// <summary>
    /// Default bound on a station's waiting line, per server: 1,000 (rule of thumb for a thread pool's accept queue);
    /// arrivals beyond it fail with "queue full".
    /// </summary>
    public const int DefaultQueuePerServer = 1_000;

    /// <summary>Simulated duration in seconds, &gt; 0.</summary>
    public double DurationSeconds { get; init; } = DefaultDurationSeconds;

    /// <summary>Seconds at the start whose observations are discarded (warm-up); default a tenth of the duration.</summary>
    public double? WarmUpSeconds { get; init; }

    /// <summary>The random seed; the same seed and input give identical results.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Multiplier on every flow's rate (<c>--load 3x</c>), &gt; 0.</summary>
    public double LoadFactor { get; init; } = 1;

    /// <summary>Extra multipliers on named flows' rates (a scenario's <c>scale_flow</c>), on top of <see cref="LoadFactor"/>.</summary>
    public IReadOnlyDictionary<string, double> FlowFactors { get; init; } = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Only this flow's requests are generated (<c>--flow NAME</c>); every flow when <see langword="null"/>.</summary>
    public string? OnlyFlow { get; init; }

    /// <summary>Cap on simulated requests; the run stops with a message when reached.</summary>
    public long MaxRequests { get; init; } = DefaultMaxRequests;

    /// <summary>Waiting-line bound per server (see <see cref="DefaultQueuePerServer"/>).</summary>
    public int QueuePerServer { get; init; } = DefaultQueuePerServer;

    /// <summary>Batches for the batch-means confidence intervals (30 by default; see <c>BatchMeans</c>).</summary>
    public int BatchCount { get; init; } = Statistics.BatchMeans.DefaultBatchCount;

    /// <summary>Engine limits (events, wall clock, memory); <see cref="SimulationLimits.Default"/> when omitted.</summary>
    public SimulationLimits? Limits { get; init; }

    /// <summary>
    /// The clients' timeout and retry policy (docs/simulation-clients.md): each attempt that has not answered within the
    /// attempt timeout is abandoned (its calls still run to the end) and, like an attempt that failed, retried after the
    /// policy's backoff while attempts and the retry budget last. <see langword="null"/>: clients wait for ever and
    /// never retry.
    /// </summary>
    public Behaviours.RetryPolicy? ClientRetries { get; init; }

    /// <summary>
    /// A circuit breaker in each flow's client (docs/simulation-clients.md): attempts are recorded as successes or
    /// failures, and while the breaker is open new attempts fail at once without reaching the design.
    /// <see langword="null"/>: no breaker.
    /// </summary>
    public Behaviours.CircuitBreakerOptions? ClientBreaker { get; init; }

    /// <summary>
    /// Faults to inject, each with its start and duration (docs/simulation-workloads-and-faults.md; their effects in
    /// docs/simulation.md, "Faults in the run"). Targets name components of the design.
    /// </summary>
    public IReadOnlyList<Faults.FaultSpec> Faults { get; init; } = [];

    /// <summary>
    /// A real keyspace for every cache: reads ask for keys of Zipf popularity and an LRU cache of the component's memory
    /// (replicas × memory per replica ÷ <see cref="CacheKeyspace.ItemBytes"/>) with its TTL decides hit or miss, so the
    /// hit ratio emerges (and a flushed cache warms up again). <see langword="null"/>: a cache hits with its stated ratio.
    /// </summary>
    public CacheKeyspace? Keyspace { get; init; }

    /// <summary>
    /// The shape of every flow's arrival rate over the run around its design rate (× the load factor): constant when
    /// <see langword="null"/>; see <see cref="WorkloadShape"/>.
    /// </summary>
    public WorkloadShape? Workload { get; init; }

    /// <summary>Called at every series interval with the share of simulated time done (0–1), for a progress bar; none when <see langword="null"/>.</summary>
    public Action<double>? OnProgress { get; init; }

    /// <summary>Checks the options.</summary>
    /// <returns>The problems, empty when the options are usable.</returns>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!(DurationSeconds > 0) || !double.IsFinite(DurationSeconds))
        {
            problems.Add($"the duration must be a positive number of seconds, not {DurationSeconds}");
        }
        else if (DurationSeconds > SimTime.MaxSeconds / 2)
        {
            problems.Add($"the duration of {DurationSeconds:0} s is beyond what simulated time can hold (about {SimTime.MaxSeconds / 2:0.###e0} s)");
        }

        if (WarmUpSeconds is { } w && (!(w >= 0) || !double.IsFinite(w) || w >= DurationSeconds))
        {
            problems.Add($"the warm-up must be at least 0 and shorter than the duration, not {w}");
        }

        if (!(LoadFactor > 0) || !double.IsFinite(LoadFactor) || LoadFactor > 1e6)
        {
            problems.Add($"the load factor must be above 0 and at most 1,000,000, not {LoadFactor}");
        }

        if (MaxRequests < 1)
        {
            problems.Add("the request cap must be at least 1");
        }

        if (QueuePerServer < 1)
        {
            problems.Add("the queue bound per server must be at least 1");
        }

        if (Workload is { } shape)
        {
            if (shape.Kind is not ("diurnal" or "ramp"))
            {
                problems.Add($"the workload must be diurnal or ramp, not '{shape.Kind}'");
            }
            else if (shape.Kind == "diurnal" && (!(shape.PeakToTrough >= 1 && shape.PeakToTrough <= 1_000) || shape.PeriodNs < SimTime.NanosecondsPerMillisecond))
            {
                problems.Add("a diurnal workload needs a peak-to-trough ratio from 1 to 1,000 and a period of at least 1 ms");
            }
            else if (shape.Kind == "ramp" && (!(shape.From >= 0 && shape.To >= 0 && shape.From <= 1_000 && shape.To <= 1_000) || (shape.From == 0 && shape.To == 0)))
            {
                problems.Add("a ramp goes from and to multiples of the rate between 0 and 1,000, not both 0");
            }
        }

        if (Keyspace is { } keyspace
            && (keyspace.KeyCount < 1 || keyspace.KeyCount > Workloads.ZipfKeySampler.MaxKeyCount
                || !(keyspace.ZipfExponent >= 0 && keyspace.ZipfExponent <= CacheKeyspace.MaxZipfExponent)
                || !(keyspace.ItemBytes > 0) || !double.IsFinite(keyspace.ItemBytes)))
        {
            problems.Add("a cache keyspace needs 1 to 2^53 keys, a Zipf exponent from 0 to 10 and an item size above 0 bytes");
        }

        if (BatchCount < 2)
        {
            problems.Add("at least 2 batches are needed for a confidence interval");
        }

        return problems;
    }
}

/// <summary>The keyspace caches are read with (see <see cref="DesignSimulationOptions.Keyspace"/>).</summary>
/// <param name="KeyCount">Distinct keys, ≥ 1 (for a URL shortener: the number of links).</param>
/// <param name="ZipfExponent">Popularity skew s ≥ 0: key k is read with probability ∝ 1/k^s. Web request streams measure
/// about 0.6–0.9 (Breslau et al., "Web caching and Zipf-like distributions", INFOCOM 1999); 0 is uniform.</param>
/// <param name="ItemBytes">Memory one cached entry takes, with overhead, in bytes (&gt; 0).</param>
public sealed record CacheKeyspace(long KeyCount, double ZipfExponent, double ItemBytes)
{
    /// <summary>The default skew: 0.8 (within Breslau et al.'s measured 0.64–0.83).</summary>
    public const double DefaultZipfExponent = 0.8;

    /// <summary>The largest skew accepted: 10 (rule of thumb: beyond it one key takes practically every request).</summary>
    public const double MaxZipfExponent = 10;

    /// <summary>The default memory one cached entry takes: 1,000 bytes (rule of thumb: a short key and a value of under a kilobyte).</summary>
    public const double DefaultItemBytes = 1_000;
}

/// <summary>How the arrival rate moves over a run (docs/simulation-workloads-and-faults.md).</summary>
/// <param name="Kind"><c>diurnal</c>: a sinusoid whose mean is the design rate; <c>ramp</c>: from <paramref name="From"/> × to <paramref name="To"/> × the design rate over the run.</param>
/// <param name="PeriodNs">For diurnal: the period in nanoseconds (24 h in life; shorter to see a cycle in a short run).</param>
/// <param name="PeakToTrough">For diurnal: peak rate ÷ trough rate (≥ 1; 2–3 is a common daily swing, rule of thumb).</param>
/// <param name="From">For ramp: the starting multiple of the design rate.</param>
/// <param name="To">For ramp: the final multiple.</param>
public sealed record WorkloadShape(string Kind, long PeriodNs = 86_400L * SimTime.NanosecondsPerSecond, double PeakToTrough = 2.5, double From = 1, double To = 1);
