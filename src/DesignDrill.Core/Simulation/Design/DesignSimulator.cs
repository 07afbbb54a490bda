using System.Globalization;
using DesignDrill.Core.Analysis;
using DesignDrill.Core.Catalog;
using DesignDrill.Core.Review;
using DesignDrill.Core.Simulation.Faults;
using DesignDrill.Core.Simulation.Statistics;
using DesignDrill.Core.Simulation.Workloads;

namespace DesignDrill.Core.Simulation.Design;

/// <summary>
/// Runs a reviewed design request by request (docs/simulation.md, "The design-driven simulation"). Every component with
/// bounded capacity is a station with the analytic model's servers (replicas × concurrency) and exponential service
/// times of the catalog's or design's mean, a FIFO waiting line bounded at <see cref="DesignSimulationOptions.QueuePerServer"/>
/// per server, and unbounded (managed, usage-priced) components are pure delays. Each flow is a Poisson stream at its
/// rate × the load factor; a request walks the flow's steps in order — siblings one after another, a fan-out of N as N
/// parallel calls (a fraction below 1 as a call with that probability), a cache-miss branch only when the cache before
/// it missed (hit with the cache's hit ratio) — and its response completes when its last step on the request path
/// is done, while the steps after an asynchronous hand-off go on using capacity. Deterministic for a given seed.
/// </summary>
public static class DesignSimulator
{
    /// <summary>Most steps a flow may have to be simulated (64: one bit each in a visit mask).</summary>
    public const int MaxStepsPerFlow = 64;

    /// <summary>Most parallel calls a fan-out makes per visit (10,000; rule of thumb, bounds one request's work).</summary>
    public const int MaxFanOut = 10_000;

    /// <summary>Most points of a series (3,600): runs longer than an hour get wider intervals.</summary>
    public const int MaxSeriesPoints = 3_600;

    /// <summary>
    /// Replication lag of a store written <c>1 primary + N replicas</c>, when no fault adds to it: 10 ms (rule of thumb
    /// for asynchronous replication inside one region; a replica read within it of the key's last write is stale).
    /// </summary>
    public const long DefaultReplicationLagNs = 10 * SimTime.NanosecondsPerMillisecond;

    /// <summary>Keys whose last write time is tracked per replicated store: 2,000,000 (a bound of the model's memory).</summary>
    public const int MaxTrackedKeys = 2_000_000;

    /// <summary>A queue's visibility timeout when the design names none: 30 s (Amazon SQS's default).</summary>
    public const long DefaultVisibilityTimeoutNs = 30 * SimTime.NanosecondsPerSecond;

    /// <summary>Receives before a message goes to the dead-letter queue, when the queue has one: 5 (rule of thumb for an SQS redrive policy's maxReceiveCount).</summary>
    public const int MaxReceivesWithDlq = 5;

    /// <summary>Receives of a message on a queue with no dead-letter queue before the run stops redelivering it: 50 (a bound of the model; a real queue retries until the message expires).</summary>
    public const int MaxReceivesWithoutDlq = 50;

    /// <summary>Most circuit-breaker transitions written to the event log in a run (200; keeps the log readable).</summary>
    public const int MaxBreakerLogLines = 200;

    /// <summary>Most shards a component is simulated with (1,024; rule of thumb, far more than an interview design names).</summary>
    public const int MaxShards = 1_024;

    /// <summary>The key every request asks for, with the fault's share, while a hot-key fault lasts (rank 0, the most popular).</summary>
    private const long HotKey = 0;

    /// <summary>
    /// How long a caller waits on a dependency that never answers (dependency-timeout fault) before the call fails:
    /// 10 s (the default attempt timeout of Microsoft.Extensions.Http.Resilience's standard handler).
    /// </summary>
    public const long DependencyTimeoutNs = 10 * SimTime.NanosecondsPerSecond;

    /// <summary>Simulates a reviewed design.</summary>
    /// <param name="report">The review (its bound architecture and analysis).</param>
    /// <param name="options">Duration, seed, load factor and limits; defaults when omitted.</param>
    /// <param name="cancellation">Stops the run early (status Cancelled).</param>
    /// <param name="clock">Wall clock for the wall-clock limit; <see cref="TimeProvider.System"/> when omitted.</param>
    /// <param name="catalog">Component defaults; <see cref="ComponentCatalog.Default"/> when omitted.</param>
    /// <returns>The report. A design with no flow to run gives an empty report with a note.</returns>
    /// <exception cref="ArgumentException">The options are unusable (see <see cref="DesignSimulationOptions.Problems"/>).</exception>
    public static DesignSimulationReport Run(
        ReviewReport report, DesignSimulationOptions? options = null, CancellationToken cancellation = default, TimeProvider? clock = null, ComponentCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= new DesignSimulationOptions();
        var problems = options.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Cannot simulate: " + string.Join("; ", problems) + ".", nameof(options));
        }

        var run = new DesignRun(report, options, catalog ?? ComponentCatalog.Default, cancellation, clock).Execute();
        return run with { Slos = SloVerdict.For(report, run) };
    }

    private enum EventKind : byte
    {
        Arrival,
        Departure,
        Tick,
        FaultStart,
        FaultEnd,
        DelayedSubmit,
        TimedOut,
        Detected,
        AttemptTimeout,
        RetryStart,
        Redeliver,
    }

    private enum BreakerCall : byte
    {
        Allow,
        Success,
        Failure,
    }

    private enum FailCause : byte
    {
        QueueFull,
        Unavailable,
        Error,
        Timeout,
        RateLimited,
    }

    private readonly record struct SimEvent(EventKind Kind, int A, int B);

    private sealed class FlowPlan
    {
        public required string Name;
        public required double RatePerSecond;
        public required int Start;
        public required int LastOnPath;
        public required int[] Station;
        public required int[] Caller;
        public required bool[] OnMiss;
        public required int[] Gate;
        public required double[] FanOut;
        public required bool IsWrite;
        public int[] QueueBefore = [];
        public long Redelivered;
        public long DuplicateCalls;
        public long DeadLettered;
        public ArrivalProcess Arrivals = null!;
        public Behaviours.RetryBudget? Budget;
        public Behaviours.CircuitBreaker? Breaker;
        public long RejectedByBreaker;
        public long RateLimited;
        public long Retries;
        public bool Simulated = true;
        public BatchMeans Latency = null!;
        public long Offered;
        public long Completed;
        public long Failed;
        public long FailedQueueFull;
        public long FailedUnavailable;
        public long FailedError;
        public long FailedTimeout;
        public long[] IntervalHistogram = [];
        public long IntervalCount;
        public List<FlowSeriesPoint> Series = [];
        public long IntervalOffered;
        public long IntervalCompleted;
        public long IntervalFailed;
    }

    private sealed class Station
    {
        public required string Name;
        public required int BaseServers;
        public required int Replicas;
        public required int Zones;
        public int Servers;
        public required double MeanServiceNs;
        public required bool IsCache;
        public bool IsMessaging;
        public Behaviours.IRateLimiter? Limiter;

        // Replicated stores (`1 primary + N replicas`): the share of reads a replica serves, the replication lag, and
        // when each key was last written (keys tracked up to MaxTrackedKeys).
        public double ReplicaReadShare;
        public long BaseLagNs;
        public long LagNs;
        public Dictionary<long, long>? LastWriteNs;
        public long Reads;
        public long StaleReads;
        public long VisibilityTimeoutNs = DefaultVisibilityTimeoutNs;
        public int MaxReceives = MaxReceivesWithoutDlq;
        public required double HitRatio;
        public Behaviours.LruCache? Lru;
        public required int QueueLimit;
        public int Busy;
        public int[] Line = new int[16];
        public long[] LineSince = new long[16];
        public int Head;
        public int Count;
        public long LastNs;
        public double BusyArea;
        public double QueueArea;
        public double IntervalBusyArea;
        public long Jobs;
        public long Lookups;
        public long Hits;
        public BatchMeans Waits = null!;
        public List<ComponentSeriesPoint> Series = [];

        // Fault state, recomputed from the active faults whenever one starts or ends.
        public bool Down;
        public bool Paused;
        public int Killed;
        public int PoolCap = int.MaxValue;
        public double SlowFactor = 1;
        public double SlowShare;
        public double ErrorFraction;
        public bool WriteErrors;
        public long AddedLatencyNs;
        public long TimeoutNs;
        public bool Cold;
        public double UnavailableShare;

        /// <summary>Servers that may work now: the base less those killed, capped by an exhausted pool; 0 when paused.</summary>
        public int Effective => Paused ? 0 : BaseServers == 0 ? int.MaxValue : Math.Clamp(Math.Min(BaseServers - Killed, PoolCap), 0, BaseServers);
    }

    private sealed class ActiveFault
    {
        public required FaultSpec Spec;
        public required int[] Stations;
        public required long EndNs;
        public bool Active;
        public long FailuresAtStart;

        /// <summary>For a killed node: when the load balancer's health checks mark it down (<see cref="long.MaxValue"/> otherwise).</summary>
        public long DetectedNs = long.MaxValue;
        public bool Detected;
    }

    private sealed class DesignRun
    {
        private readonly ReviewReport _report;
        private readonly DesignSimulationOptions _options;
        private readonly ComponentCatalog _catalog;
        private readonly SimulationBudget _budget;
        private readonly SimRandom _random;
        private readonly List<FlowPlan> _flows = [];
        private readonly List<Station> _stations = [];
        private readonly List<string> _notes = [];
        private readonly EventQueue<SimEvent> _events = new(1_024);
        private readonly long _durationNs;
        private readonly long _warmNs;
        private readonly long _intervalNs;

        // Requests in flight, as parallel arrays with a free list (no allocation per request once grown).
        private int[] _flowOf = new int[1_024];
        private long[] _startNs = new long[1_024];
        private ulong[] _visited = new ulong[1_024];
        private ulong[] _hits = new ulong[1_024];
        private int[] _step = new int[1_024];
        private int[] _pending = new int[1_024];
        private byte[] _state = new byte[1_024]; // bit 0: response done; bit 1: failed or abandoned
        private long[] _originNs = new long[1_024];
        private int[] _attempt = new int[1_024];
        private long[] _lastDelayNs = new long[1_024];
        private int[] _generation = new int[1_024];
        private long[] _key = new long[1_024];
        private int[] _free = new int[1_024];
        private int _freeCount;
        private int _allocated;
        private int _inFlight;

        private readonly List<ActiveFault> _faults = [];
        private readonly List<int[]> _groups = [];
        private ZipfKeySampler? _keys;
        private double _hotShare;
        private int _breakerLines;
        private readonly List<string> _log = [];
        private long _failures;

        private long _now;
        private long _requests;
        private bool _requestCapReached;

        public DesignRun(ReviewReport report, DesignSimulationOptions options, ComponentCatalog catalog, CancellationToken cancellation, TimeProvider? clock)
        {
            _report = report;
            _options = options;
            _catalog = catalog;
            _budget = new SimulationBudget(options.Limits ?? SimulationLimits.Default, cancellation, clock);
            _random = new SimRandom(options.Seed);
            _durationNs = SimTime.FromSeconds(options.DurationSeconds);
            _warmNs = SimTime.FromSeconds(options.WarmUpSeconds ?? options.DurationSeconds / 10);
            var intervalSeconds = Math.Max(1, Math.Ceiling(options.DurationSeconds / MaxSeriesPoints));
            _intervalNs = SimTime.FromSeconds(intervalSeconds);
        }

        public DesignSimulationReport Execute()
        {
            Compile();
            var outcome = Loop();
            return Build(outcome);
        }

        private void Compile()
        {
            var architecture = _report.Architecture;
            var parameters = ParameterResolver.Resolve(architecture, _catalog);
            var analysis = ArchitectureAnalyzer.Analyze(architecture, parameters);
            var groupOf = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            if (_options.Keyspace is { } space)
            {
                _keys = new ZipfKeySampler(space.KeyCount, space.ZipfExponent, _options.Seed + 1);
            }

            foreach (var c in analysis.Components)
            {
                var p = c.Parameters;
                if (p.Component.KindInfo?.Category == ComponentCategory.Client)
                {
                    continue;
                }

                var unbounded = p.IsUnbounded || !double.IsFinite(c.CapacityPerSecond);
                var servers = unbounded ? 0 : Math.Max(1, c.Servers);
                var isCache = p.HitRatio is not null || p.Component.KindInfo?.Id == "cache";
                var shards = Math.Max(1, Math.Min(p.Shards, MaxShards));
                if (p.Shards > MaxShards)
                {
                    _notes.Add(string.Create(CultureInfo.InvariantCulture, $"'{c.Name}' has {p.Shards:N0} shards; simulated as {MaxShards}"));
                }

                var zonesText = p.Component.Declaration.GetSetting("zones")?.ValueText;
                var zoneCount = int.TryParse(zonesText?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var zones) && zones >= 1 ? zones : 1;
                var memoryBytes = ParameterResolver.MemoryPerReplicaBytes(p.Component, _catalog) * Math.Max(1, p.Replicas);
                var ttlNs = p.Component.Ttl is { } ttl && ttl.Value > 0 && double.IsFinite(ttl.Value) ? SimTime.FromSecondsSaturating(ttl.Value) : Behaviours.EvictingCache.NoExpiryNs;
                var group = new int[shards];
                for (var k = 0; k < shards; k++)
                {
                    var shardServers = servers == 0 ? 0 : Math.Max(1, servers / shards);
                    group[k] = _stations.Count;
                    _stations.Add(new Station
                    {
                        Name = shards == 1 ? c.Name : string.Create(CultureInfo.InvariantCulture, $"{c.Name}[{k}]"),
                        BaseServers = shardServers,
                        Replicas = Math.Max(1, p.Replicas), // each shard has its own replicas (docs/analysis.md)
                        Zones = zoneCount,
                        Servers = shardServers,
                        MeanServiceNs = double.IsFinite(p.ServiceTimeSeconds) && p.ServiceTimeSeconds > 0 ? p.ServiceTimeSeconds * SimTime.NanosecondsPerSecond : 0,
                        IsCache = isCache,
                        HitRatio = Math.Clamp(p.HitRatio ?? 0, 0, 1),
                        QueueLimit = shardServers == 0 ? 0 : (int)Math.Min(int.MaxValue / 2, (long)shardServers * _options.QueuePerServer),
                        Waits = new BatchMeans(_options.BatchCount, WarmUp.UntilTime(_warmNs)),
                    });
                    if (isCache && _options.Keyspace is { } keyspace)
                    {
                        var entries = Math.Min(Behaviours.EvictingCache.MaxCapacity, Math.Max(0, Math.Floor(memoryBytes / shards / keyspace.ItemBytes)));
                        _stations[^1].Lru = new Behaviours.LruCache((int)entries, Behaviours.CachePolicy.CacheAside, ttlNs);
                        if (entries >= Behaviours.EvictingCache.MaxCapacity && k == 0)
                        {
                            _notes.Add(string.Create(CultureInfo.InvariantCulture, $"'{c.Name}' holds more than {Behaviours.EvictingCache.MaxCapacity:N0} entries a shard; simulated with that many"));
                        }
                    }
                }

                groupOf[c.Name] = _groups.Count;
                _groups.Add(group);
                if (p.Component.KindInfo?.Id == "rate_limiter" && LimiterFor(p.Component) is { } limiter)
                {
                    foreach (var k in group)
                    {
                        _stations[k].Limiter = limiter;
                    }
                }

                var primariesText = p.Component.Declaration.GetSetting("primaries")?.ValueText?.Trim();
                var replicasText = p.Component.Declaration.GetSetting("replicas")?.ValueText?.Trim();
                if (int.TryParse(primariesText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var primaryCount) && primaryCount > 0
                    && int.TryParse(replicasText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var replicaCount) && replicaCount > 0)
                {
                    foreach (var k in group)
                    {
                        _stations[k].ReplicaReadShare = replicaCount / (double)(primaryCount + replicaCount);
                        _stations[k].BaseLagNs = DefaultReplicationLagNs;
                        _stations[k].LagNs = DefaultReplicationLagNs;
                        _stations[k].LastWriteNs = [];
                    }
                }

                if (p.Component.KindInfo?.Category == ComponentCategory.Messaging)
                {
                    var visibility = p.Component.Declaration.GetSetting("visibility_timeout")?.ValueText;
                    var visibilityNs = visibility is not null && DurationText.TryParse(visibility.Trim(), out var parsedNs, out _) && parsedNs > 0 ? parsedNs : DefaultVisibilityTimeoutNs;
                    var hasDlq = p.Component.Declaration.GetSetting("dlq") is not null
                        || analysis.Components.Any(o => o.Name.Contains("dlq", StringComparison.OrdinalIgnoreCase) || o.Name.Contains("dead", StringComparison.OrdinalIgnoreCase));
                    foreach (var k in group)
                    {
                        _stations[k].IsMessaging = true;
                        _stations[k].VisibilityTimeoutNs = visibilityNs;
                        _stations[k].MaxReceives = hasDlq ? MaxReceivesWithDlq : MaxReceivesWithoutDlq;
                    }
                }
                if (servers == 0 && !unbounded)
                {
                    _notes.Add($"'{c.Name}' has no capacity; it is modelled as never queueing");
                }
            }

            foreach (var flow in architecture.Flows)
            {
                if (_options.OnlyFlow is { } only && !string.Equals(only, flow.Name, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (flow.RatePerSecond is not { } rate || !(rate > 0) || !double.IsFinite(rate))
                {
                    _notes.Add($"flow '{flow.Name}' has no usable rate; not simulated");
                    continue;
                }

                var steps = flow.Declaration.Steps;
                if (steps.Count == 0)
                {
                    continue;
                }

                if (steps.Count > MaxStepsPerFlow)
                {
                    _notes.Add($"flow '{flow.Name}' has {steps.Count} steps; at most {MaxStepsPerFlow} are simulated, so it is left out");
                    continue;
                }

                var start = ArchitectureAnalyzer.HandOffOrigin(architecture, flow) ? 1 : 0;
                var onPath = ArchitectureAnalyzer.RequestPath(flow, parameters, start);
                var scaled = rate * _options.LoadFactor * FlowFactor(architecture, flow);
                if (scaled > LoadShape.MaxRatePerSecond)
                {
                    _notes.Add(string.Create(CultureInfo.InvariantCulture, $"flow '{flow.Name}' asks for {scaled:0.###e0} requests/s; simulated at the cap of {LoadShape.MaxRatePerSecond:0e0}/s (one a nanosecond)"));
                    scaled = LoadShape.MaxRatePerSecond;
                }

                var plan = new FlowPlan
                {
                    Name = flow.Name,
                    RatePerSecond = scaled,
                    IsWrite = flow.Declaration.Operation == Architecture.FlowOperation.Write,
                    Start = start,
                    LastOnPath = Array.LastIndexOf(onPath, true),
                    Station = new int[steps.Count],
                    Caller = new int[steps.Count],
                    OnMiss = new bool[steps.Count],
                    Gate = new int[steps.Count],
                    FanOut = new double[steps.Count],
                    Latency = new BatchMeans(_options.BatchCount, WarmUp.UntilTime(_warmNs), trackPercentiles: true),
                    IntervalHistogram = new long[LogHistogram.BucketCount],
                };
                for (var i = 0; i < steps.Count; i++)
                {
                    plan.Station[i] = groupOf.TryGetValue(steps[i].Component, out var g) ? g : -1;
                    plan.Caller[i] = steps[i].CallerIndex(i);
                    plan.OnMiss[i] = steps[i].OnMiss;
                    plan.FanOut[i] = i < flow.FanOut.Count && double.IsFinite(flow.FanOut[i]) && flow.FanOut[i] >= 0 ? flow.FanOut[i] : 1;
                    plan.Gate[i] = -1;
                    for (var j = i - 1; j >= 0 && steps[i].OnMiss; j--)
                    {
                        if (plan.Station[j] >= 0 && _stations[_groups[plan.Station[j]][0]].IsCache)
                        {
                            plan.Gate[i] = j;
                            break;
                        }
                    }
                }

                plan.QueueBefore = new int[steps.Count];
                for (var i = 0; i < steps.Count; i++)
                {
                    plan.QueueBefore[i] = -1;
                    for (var j = i - 1; j >= 0; j--)
                    {
                        if (plan.Station[j] >= 0 && _stations[_groups[plan.Station[j]][0]].IsMessaging)
                        {
                            plan.QueueBefore[i] = j;
                            break;
                        }
                    }
                }

                LoadShape shape = _options.Workload switch
                {
                    { Kind: "diurnal" } w => new DiurnalLoad(plan.RatePerSecond, w.PeakToTrough, w.PeriodNs),
                    { Kind: "ramp" } w when plan.RatePerSecond * Math.Max(w.From, w.To) <= LoadShape.MaxRatePerSecond =>
                        new RampLoad(plan.RatePerSecond * w.From, plan.RatePerSecond * w.To, _durationNs),
                    _ => new ConstantLoad(plan.RatePerSecond),
                };
                foreach (var spike in _options.Faults.OfType<TrafficSpikeFault>())
                {
                    var duration = spike.DurationNs ?? (_durationNs - Math.Min(_durationNs, spike.StartNs));
                    if (duration > 0 && plan.RatePerSecond * spike.Factor <= LoadShape.MaxRatePerSecond)
                    {
                        shape = shape.WithSpike(spike.Factor, spike.StartNs, duration, spike.RampUpNs);
                    }
                }

                plan.Arrivals = new ArrivalProcess(shape);
                plan.Budget = _options.ClientRetries?.CreateRetryBudget();
                plan.Breaker = _options.ClientBreaker is { } breakerOptions ? new Behaviours.CircuitBreaker(breakerOptions) : null;
                _flows.Add(plan);
            }

            if (_options.OnlyFlow is { } wanted && _flows.Count == 0)
            {
                _notes.Add($"no flow named '{wanted}' with a rate");
            }

            foreach (var fault in _options.Faults)
            {
                CompileFault(fault, groupOf);
            }
        }

        /// <summary>The product of <see cref="DesignSimulationOptions.FlowFactors"/> for a flow and the flows it runs after.</summary>
        private double FlowFactor(Architecture.BoundArchitecture architecture, Architecture.BoundFlow flow)
        {
            double factor = 1;
            var current = flow;
            for (var depth = 0; depth < 64 && current is not null; depth++)
            {
                if (_options.FlowFactors.TryGetValue(current.Name, out var f) && f > 0 && double.IsFinite(f))
                {
                    factor *= f;
                }

                current = current.Declaration.AfterFlow is { } after ? architecture.FindFlow(after) : null;
            }

            return factor;
        }

        /// <summary>Resolves a fault's targets to stations; a fault with no target in the design is noted and left out.</summary>
        private void CompileFault(FaultSpec fault, Dictionary<string, int> groupOf)
        {
            int[] Named(string? name, Func<Station, bool> whenUnnamed)
            {
                if (name is null)
                {
                    return [.. Enumerable.Range(0, _stations.Count).Where(i => whenUnnamed(_stations[i]))];
                }

                return groupOf.TryGetValue(name, out var g) ? _groups[g] : [];
            }

            int[] targets = fault switch
            {
                KillReplicasFault f => Named(f.Component, _ => false),
                KillNodeFault f => Named(f.Component, _ => false),
                SlowNodeFault f => Named(f.Component, _ => false),
                ThreadPoolExhaustionFault f => Named(f.Component, _ => false),
                RollingDeployFault f => Named(f.Component, _ => false),
                CacheFlushFault f => Named(f.Component, s => s.IsCache),
                ThunderingHerdFault f => Named(f.Component, s => s.IsCache),
                PrimaryFailureFault f => Named(f.Component, s => !s.IsCache && s.BaseServers > 0),
                DiskFullFault f => Named(f.Component, _ => false),
                ConsumerStoppedFault f => Named(f.Component, _ => false),
                TransientErrorsFault f => Named(f.Component, _ => false),
                BadConfigFault f => Named(f.Component, _ => false),
                DependencyTimeoutFault f => Named(f.Component, _ => false),
                PacketLossFault f => Named(f.Component ?? f.Edge?.To, _ => false),
                EdgeLatencyFault f => Named(f.Edge.To, _ => false),
                PartitionFault f => [.. f.Components.Where(groupOf.ContainsKey).SelectMany(n => _groups[groupOf[n]])],
                ReplicationLagFault f => Named(f.Component, s => s.LastWriteNs is not null),
                HotKeyFault f => Named(f.Component, _ => false),
                LoseZoneFault => [.. Enumerable.Range(0, _stations.Count).Where(i => _stations[i].BaseServers > 0)],
                TrafficSpikeFault => [],
                _ => [],
            };
            if (fault is ReplicationLagFault lagFault)
            {
                targets = [.. (lagFault.Component is null ? Enumerable.Range(0, _stations.Count) : targets).Where(i => _stations[i].LastWriteNs is not null)];
            }

            if (targets.Length == 0 && fault is not TrafficSpikeFault)
            {
                _notes.Add($"'{fault.ToText()}' names nothing in this design; left out");
                return;
            }

            if (fault is PrimaryFailureFault primary && targets.Length > 1)
            {
                targets = [targets[0]];
                _notes.Add($"'{fault.ToText()}' names no component; applied to '{_stations[targets[0]].Name}'");
            }

            var end = fault switch
            {
                PrimaryFailureFault p => SimTime.AddSaturating(fault.StartNs, Math.Min(p.FailoverNs, fault.DurationNs ?? SimTime.MaxNs)),
                RollingDeployFault d => SimTime.AddSaturating(fault.StartNs, Math.Min(fault.DurationNs ?? SimTime.MaxNs, RollingDeployNs(d, targets))),
                _ => fault.EndNs,
            };
            var active = new ActiveFault { Spec = fault, Stations = targets, EndNs = end };
            if (fault is KillNodeFault node && targets.Length > 0 && _stations[targets[0]].Replicas > 1)
            {
                // The balancer keeps sending the dead node its share until active health checks (AWS ALB defaults:
                // 30 s interval, 5 s timeout, 2 failures) mark it down; each node's probes have their own seeded phase.
                var replicas = _stations[targets[0]].Replicas;
                var checker = new Behaviours.HealthChecker(replicas, Behaviours.ActiveHealthCheckOptions.AwsAlbDefaults, null, _random);
                active.DetectedNs = checker.MarkedDownAtNs(Math.Clamp(node.NodeIndex, 0, replicas - 1), fault.StartNs);
            }

            _faults.Add(active);
        }

        /// <summary>How long a rolling deploy takes: one batch after another over every replica.</summary>
        private long RollingDeployNs(RollingDeployFault deploy, int[] targets)
        {
            var replicas = targets.Length == 0 ? 1 : _stations[targets[0]].Replicas;
            var batches = (replicas + Math.Max(1, deploy.BatchSize) - 1) / Math.Max(1, deploy.BatchSize);
            return SimTime.AddSaturating(0, batches * Math.Min(deploy.PerBatchNs, SimTime.MaxNs / Math.Max(1, batches)));
        }

        private void SetFault(int index, bool active)
        {
            var fault = _faults[index];
            if (fault.Active == active)
            {
                return;
            }

            fault.Active = active;
            fault.Detected = false;
            var where = fault.Stations.Length == 0 ? "" : " on " + string.Join(", ", fault.Stations.Select(i => _stations[i].Name));
            if (active)
            {
                fault.FailuresAtStart = _failures;
                Log($"{fault.Spec.Name}{where} starts");
            }
            else
            {
                Log($"{fault.Spec.Name}{where} ends; {_failures - fault.FailuresAtStart:N0} requests failed while it lasted");
            }

            Recompute();
        }

        /// <summary>Sets every station's fault state from the faults active now, then starts queued work that may now run.</summary>
        private void Recompute()
        {
            var wasCold = _stations.Select(st => st.Cold).ToArray();
            foreach (var station in _stations)
            {
                Account(station);
                station.Down = false;
                station.Paused = false;
                station.Killed = 0;
                station.PoolCap = int.MaxValue;
                station.SlowFactor = 1;
                station.SlowShare = 0;
                station.ErrorFraction = 0;
                station.WriteErrors = false;
                station.AddedLatencyNs = 0;
                station.TimeoutNs = 0;
                station.Cold = false;
                station.UnavailableShare = 0;
                station.LagNs = station.BaseLagNs;
            }

            _hotShare = _faults.Where(f => f.Active).Select(f => f.Spec).OfType<HotKeyFault>().Select(h => h.Share).DefaultIfEmpty(0).Max();
            foreach (var fault in _faults.Where(f => f.Active))
            {
                foreach (var i in fault.Stations)
                {
                    var st = _stations[i];
                    var perReplica = st.BaseServers / Math.Max(1, st.Replicas);
                    switch (fault.Spec)
                    {
                        case KillReplicasFault k:
                            st.Killed += Math.Min(st.BaseServers, k.Count * perReplica);
                            st.Down |= st.BaseServers == 0 || k.Count >= st.Replicas;
                            break;
                        case KillNodeFault:
                            if (fault.Detected || fault.DetectedNs == long.MaxValue)
                            {
                                st.Killed += perReplica;
                                st.Down |= st.BaseServers == 0 || st.Replicas <= 1;
                            }
                            else
                            {
                                // Not yet detected: the balancer still sends the dead node its share, and those calls fail.
                                st.UnavailableShare = 1 - ((1 - st.UnavailableShare) * (1 - (1.0 / st.Replicas)));
                                st.Killed += perReplica;
                            }

                            break;
                        case RollingDeployFault d:
                            st.Killed += Math.Min(st.BaseServers, d.BatchSize * perReplica);
                            break;
                        case SlowNodeFault slow:
                            st.SlowFactor = Math.Max(st.SlowFactor, slow.Factor);
                            st.SlowShare = Math.Min(1, st.SlowShare + (1.0 / st.Replicas));
                            break;
                        case ThreadPoolExhaustionFault pool:
                            st.PoolCap = Math.Min(st.PoolCap, pool.WorkersLeft);
                            break;
                        case CacheFlushFault or ThunderingHerdFault:
                            st.Cold = true;
                            break;
                        case PrimaryFailureFault or PartitionFault:
                            st.Down = true;
                            break;
                        case DiskFullFault:
                            st.WriteErrors = true;
                            break;
                        case ConsumerStoppedFault:
                            st.Paused = true;
                            break;
                        case TransientErrorsFault t:
                            st.ErrorFraction = 1 - ((1 - st.ErrorFraction) * (1 - t.Fraction));
                            break;
                        case BadConfigFault b:
                            st.ErrorFraction = 1 - ((1 - st.ErrorFraction) * (1 - b.Fraction));
                            break;
                        case PacketLossFault loss:
                            st.ErrorFraction = 1 - ((1 - st.ErrorFraction) * (1 - loss.Fraction));
                            break;
                        case DependencyTimeoutFault:
                            st.TimeoutNs = DependencyTimeoutNs;
                            break;
                        case EdgeLatencyFault edge:
                            st.AddedLatencyNs = SimTime.AddSaturating(st.AddedLatencyNs, edge.AddedLatencyNs);
                            break;
                        case ReplicationLagFault lag:
                            st.LagNs = SimTime.AddSaturating(st.LagNs, lag.LagNs);
                            break;
                        case LoseZoneFault:
                            if (st.Zones >= 2)
                            {
                                st.Killed += st.BaseServers / st.Zones;
                            }
                            else
                            {
                                st.Down = true;
                            }

                            break;
                    }
                }
            }

            for (var s = 0; s < _stations.Count; s++)
            {
                var station = _stations[s];

                // A cache with a keyspace that turns cold loses its entries and then warms up again on its own.
                if (station.Cold && !wasCold[s] && station.Lru is { } lru)
                {
                    lru.Clear();
                }

                // A component that goes down drops the calls waiting for it: their requests fail as unavailable.
                while (station.Down && station.Count > 0)
                {
                    var r = station.Line[station.Head];
                    station.Head = (station.Head + 1) % station.Line.Length;
                    station.Count--;
                    Fail(r, _flows[_flowOf[r]], FailCause.Unavailable);
                    Returned(r);
                }

                while (station.Count > 0 && (station.BaseServers == 0 ? !station.Paused : station.Busy < station.Effective))
                {
                    if (station.BaseServers > 0)
                    {
                        station.Busy++;
                    }

                    StartNext(s, station);
                }
            }
        }

        /// <summary>
        /// The limiter a <c>rate_limiter</c> component enforces in the run: its <c>limit</c> (a rate such as
        /// <c>1K/s</c>) with its <c>algorithm</c> (token bucket when unnamed; a burst of one second's worth, and
        /// one-second windows, rules of thumb). One limiter for all the component's traffic (a global limit); a limit
        /// per client is not modelled. <see langword="null"/> (and a note) when no limit can be read.
        /// </summary>
        private Behaviours.IRateLimiter? LimiterFor(Architecture.BoundComponent component)
        {
            var limitText = component.Declaration.GetSetting("limit")?.ValueText;
            var evaluated = limitText is null ? null : Estimation.EstimateEvaluator.Evaluate(limitText, _report.Estimates.Values, _report.Conventions).Value;
            if (evaluated is not { } limit || limit.Dimension != Estimation.Dimension.Rate || !(limit.Value > 0) || !double.IsFinite(limit.Value))
            {
                _notes.Add($"rate limiter '{component.Name}' states no readable limit (such as 'limit 1K/s'); it admits everything");
                return null;
            }

            var perSecond = Math.Min(limit.Value, 1e12);
            var whole = (long)Math.Max(1, Math.Ceiling(perSecond));
            var algorithm = component.Declaration.GetSetting("algorithm")?.ValueText?.Trim().ToLowerInvariant() ?? "token_bucket";
            return algorithm switch
            {
                "leaky_bucket" => new Behaviours.LeakyBucketLimiter(perSecond, whole),
                "fixed_window" => new Behaviours.FixedWindowLimiter(whole, SimTime.NanosecondsPerSecond),
                "sliding_window" when whole <= Behaviours.SlidingWindowLogLimiter.MaxLimit => new Behaviours.SlidingWindowLogLimiter((int)whole, SimTime.NanosecondsPerSecond),
                "sliding_window" => new Behaviours.SlidingWindowCounterLimiter(whole, SimTime.NanosecondsPerSecond),
                _ => new Behaviours.TokenBucketLimiter(perSecond, whole),
            };
        }

        /// <summary>Runs a breaker call and logs the state it moved to, when it moved (at most 200 such lines a run).</summary>
        private bool Observe(FlowPlan plan, BreakerCall call)
        {
            // No delegates here: this runs for every request when a breaker is on, and must not allocate.
            var breaker = plan.Breaker!;
            var before = breaker.TransitionCount;
            var result = true;
            switch (call)
            {
                case BreakerCall.Allow:
                    result = breaker.AllowRequest(_now);
                    break;
                case BreakerCall.Success:
                    breaker.RecordSuccess(_now);
                    break;
                default:
                    breaker.RecordFailure(_now);
                    break;
            }

            if (breaker.TransitionCount != before && _breakerLines < MaxBreakerLogLines)
            {
                _breakerLines++;
                var state = breaker.State switch
                {
                    Behaviours.CircuitState.Open => "open",
                    Behaviours.CircuitState.HalfOpen => "half-open",
                    _ => "closed",
                };
                Log($"circuit breaker of '{plan.Name}' is now {state}");
            }

            return result;
        }

        /// <summary>The SplitMix64 finaliser (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014): spreads keys over shards.</summary>
        private static ulong Mix(long key)
        {
            unchecked
            {
                var z = (ulong)key + 0x9E3779B97F4A7C15UL;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                return z ^ (z >> 31);
            }
        }

        private void Log(string text) =>
            _log.Add(string.Create(CultureInfo.InvariantCulture, $"t={SimTime.ToSeconds(_now):0.0##} s {text}"));

        private SimulationOutcome Loop()
        {
            for (var f = 0; f < _flows.Count; f++)
            {
                ScheduleArrival(f, 0);
            }

            _events.Enqueue(_intervalNs, new SimEvent(EventKind.Tick, 0, 0));
            for (var i = 0; i < _faults.Count; i++)
            {
                var fault = _faults[i].Spec;
                if (fault.StartNs <= _durationNs)
                {
                    _events.Enqueue(fault.StartNs, new SimEvent(EventKind.FaultStart, i, 0));
                    if (_faults[i].DetectedNs < Math.Min(_faults[i].EndNs, _durationNs))
                    {
                        _events.Enqueue(_faults[i].DetectedNs, new SimEvent(EventKind.Detected, i, 0));
                    }

                    var faultEnd = _faults[i].EndNs;
                    if (faultEnd <= _durationNs)
                    {
                        _events.Enqueue(faultEnd, new SimEvent(EventKind.FaultEnd, i, 0));
                    }
                }
            }

            long processed = 0;
            var status = SimulationStatus.Completed;
            while (_events.Count > 0)
            {
                var next = _events.PeekTimeNs;
                if (next > _durationNs)
                {
                    break;
                }

                if (_budget.ShouldStop(processed, next, out status))
                {
                    break;
                }

                var e = _events.Dequeue();
                _now = e.TimeNs;
                processed++;
                switch (e.Payload.Kind)
                {
                    case EventKind.Arrival:
                        Arrive(e.Payload.A);
                        break;
                    case EventKind.Departure:
                        Depart(e.Payload.A, e.Payload.B);
                        break;
                    case EventKind.FaultStart:
                        SetFault(e.Payload.A, active: true);
                        break;
                    case EventKind.FaultEnd:
                        SetFault(e.Payload.A, active: false);
                        break;
                    case EventKind.Detected:
                        var detected = _faults[e.Payload.A];
                        if (detected.Active && !detected.Detected)
                        {
                            detected.Detected = true;
                            Log($"health checks mark the failed node of {string.Join(", ", detected.Stations.Select(i => _stations[i].Name))} down, {SimTime.ToSeconds(_now - detected.Spec.StartNs):0.0} s after it failed; {_failures - detected.FailuresAtStart:N0} requests failed meanwhile");
                            Recompute();
                        }

                        break;
                    case EventKind.DelayedSubmit:
                        Enter(e.Payload.A, e.Payload.B);
                        break;
                    case EventKind.TimedOut:
                        TimeOut(e.Payload.B);
                        break;
                    case EventKind.AttemptTimeout:
                        AttemptTimedOut(e.Payload.A, e.Payload.B);
                        break;
                    case EventKind.RetryStart:
                        StartAttempt(e.Payload.B);
                        break;
                    case EventKind.Redeliver:
                        Advance(e.Payload.B);
                        break;
                    default:
                        Tick();
                        break;
                }

                if (_budget.IsOverQueueLimit(_inFlight))
                {
                    status = SimulationStatus.StoppedAtMemoryLimit;
                    break;
                }
            }

            var end = status == SimulationStatus.Completed ? _durationNs : _now;
            _now = end;
            for (var i = 0; i < _faults.Count; i++)
            {
                if (_faults[i].Active)
                {
                    Log($"{_faults[i].Spec.ToText()} still active at the end; {_failures - _faults[i].FailuresAtStart:N0} requests failed while it lasted");
                }
            }

            foreach (var s in _stations)
            {
                Account(s);
            }

            var seconds = SimTime.ToSeconds(end);
            var message = status switch
            {
                SimulationStatus.Completed when _requestCapReached =>
                    string.Create(CultureInfo.InvariantCulture, $"stopped generating requests at the cap of {_options.MaxRequests:N0}; simulated {seconds:0.###} s"),
                SimulationStatus.Completed => string.Create(CultureInfo.InvariantCulture, $"simulated {seconds:0.###} s, {_requests:N0} requests"),
                SimulationStatus.StoppedAtMemoryLimit => string.Create(CultureInfo.InvariantCulture, $"stopped at {seconds:0.###} s: more than {_budget.Limits.MaxQueuedItems:N0} requests in flight; the design is far past saturation"),
                SimulationStatus.StoppedAtWallClock => string.Create(CultureInfo.InvariantCulture, $"stopped at {seconds:0.###} s: the wall-clock budget ran out"),
                SimulationStatus.Cancelled => string.Create(CultureInfo.InvariantCulture, $"cancelled at {seconds:0.###} s"),
                _ => string.Create(CultureInfo.InvariantCulture, $"stopped at {seconds:0.###} s: {status}"),
            };
            return new SimulationOutcome(status, message, processed, end);
        }

        private void ScheduleArrival(int flow, long fromNs)
        {
            var at = _flows[flow].Arrivals.NextArrivalNs(fromNs, _random);
            if (at <= _durationNs)
            {
                _events.Enqueue(at, new SimEvent(EventKind.Arrival, flow, 0));
            }
        }

        private void Arrive(int f)
        {
            if (_requests >= _options.MaxRequests)
            {
                _requestCapReached = true;
                return;
            }

            _requests++;
            ScheduleArrival(f, _now);
            var plan = _flows[f];
            plan.IntervalOffered++;
            if (_now >= _warmNs)
            {
                plan.Offered++;
            }

            var r = Allocate();
            _flowOf[r] = f;
            _originNs[r] = _now;
            _key[r] = _hotShare > 0 && _random.NextDouble() < _hotShare ? HotKey
                : _keys is { } keys ? keys.Next()
                : (long)(_random.NextDouble() * (1L << 53));
            _attempt[r] = 1;
            _lastDelayNs[r] = 0;
            plan.Budget?.RecordRequest();
            BeginAttempt(r, plan);
        }

        /// <summary>Starts an attempt of a request now: a fresh walk, and the client's timeout when it has one.</summary>
        private void BeginAttempt(int r, FlowPlan plan)
        {
            _startNs[r] = _now;
            _visited[r] = 0;
            _hits[r] = 0;
            _step[r] = plan.Start - 1;
            _pending[r] = 0;
            _state[r] = 0;
            if (plan.Breaker is not null && !Observe(plan, BreakerCall.Allow))
            {
                // Refused at the client while the breaker is open: fails at once, without a retry.
                _state[r] = 3;
                plan.IntervalFailed++;
                _failures++;
                if (_originNs[r] >= _warmNs)
                {
                    plan.Failed++;
                    plan.FailedUnavailable++;
                    plan.RejectedByBreaker++;
                }

                Release(r);
                return;
            }

            if (_options.ClientRetries is { AttemptTimeoutNs: var timeoutNs } && timeoutNs != Behaviours.RetryPolicy.NoTimeoutNs)
            {
                _events.Enqueue(SimTime.AddSaturating(_now, timeoutNs), new SimEvent(EventKind.AttemptTimeout, _generation[r], r));
            }

            Advance(r);
        }

        private void StartAttempt(int r)
        {
            var plan = _flows[_flowOf[r]];
            plan.IntervalOffered++;
            BeginAttempt(r, plan);
        }

        /// <summary>The client gave up waiting on attempt <paramref name="r"/>: it is abandoned (its calls run on) and retried or failed.</summary>
        private void AttemptTimedOut(int generation, int r)
        {
            if (_generation[r] != generation || (_state[r] & 1) != 0)
            {
                return;
            }

            Fail(r, _flows[_flowOf[r]], FailCause.Timeout);
            if (_pending[r] == 0)
            {
                Release(r);
            }
        }

        /// <summary>
        /// At-least-once delivery: a message whose processing failed after the response (behind a queue) becomes visible
        /// again after the queue's visibility timeout and is processed from the step after the queue; the steps it had
        /// already done run again (duplicates). After the queue's most receives it goes to the dead-letter queue.
        /// </summary>
        private bool TryRedeliver(int r, FlowPlan plan)
        {
            var failing = _step[r];
            var q = failing >= 0 && failing < plan.QueueBefore.Length ? plan.QueueBefore[failing] : -1;
            if (q < 0)
            {
                return false;
            }

            var queue = _stations[_groups[plan.Station[q]][0]];
            var measured = _originNs[r] >= _warmNs;
            if (_attempt[r] >= queue.MaxReceives)
            {
                plan.DeadLettered += measured ? 1 : 0;
                return false;
            }

            var done = _visited[r] & ~((2UL << q) - 1) & ~(1UL << failing);
            plan.Redelivered += measured ? 1 : 0;
            plan.DuplicateCalls += measured ? System.Numerics.BitOperations.PopCount(done) : 0;
            var next = Allocate();
            _flowOf[next] = _flowOf[r];
            _originNs[next] = _originNs[r];
            _startNs[next] = _startNs[r];
            _key[next] = _key[r];
            _attempt[next] = _attempt[r] + 1;
            _visited[next] = _visited[r] & ((2UL << q) - 1);
            _hits[next] = _hits[r] & ((2UL << q) - 1);
            _step[next] = q;
            _pending[next] = 0;
            _state[next] = 1;
            _events.Enqueue(SimTime.AddSaturating(_now, queue.VisibilityTimeoutNs), new SimEvent(EventKind.Redeliver, _generation[next], next));
            return true;
        }

        /// <summary>Schedules the next attempt of request <paramref name="r"/> when the policy and budget allow; false otherwise.</summary>
        private bool TryRetry(int r, FlowPlan plan)
        {
            if (_options.ClientRetries is not { } policy)
            {
                return false;
            }

            var delay = policy.NextDelayNs(_attempt[r], _lastDelayNs[r], _random);
            if (delay is not { } delayNs || (plan.Budget is { } budget && !budget.TryWithdrawRetry()))
            {
                return false;
            }

            var next = Allocate();
            _flowOf[next] = _flowOf[r];
            _originNs[next] = _originNs[r];
            _key[next] = _key[r];
            _attempt[next] = _attempt[r] + 1;
            _lastDelayNs[next] = delayNs;
            _state[next] = 3;
            _pending[next] = 0;
            plan.Retries += _originNs[r] >= _warmNs ? 1 : 0;
            _events.Enqueue(SimTime.AddSaturating(_now, delayNs), new SimEvent(EventKind.RetryStart, 0, next));
            return true;
        }

        /// <summary>Walks request <paramref name="r"/> to its next step with work, or finishes it.</summary>
        private void Advance(int r)
        {
            var plan = _flows[_flowOf[r]];
            var n = plan.Station.Length;
            for (var j = _step[r] + 1; j < n; j++)
            {
                if ((_state[r] & 1) == 0 && j > plan.LastOnPath)
                {
                    Respond(r, plan);
                }

                var caller = plan.Caller[j];
                var callerVisited = j == plan.Start || (caller >= plan.Start ? (_visited[r] & (1UL << caller)) != 0 : caller >= 0);
                if (!callerVisited)
                {
                    continue;
                }

                var gate = plan.Gate[j];
                if (plan.OnMiss[j] && gate >= 0 && (_visited[r] & (1UL << gate)) != 0 && (_hits[r] & (1UL << gate)) != 0)
                {
                    continue;
                }

                var fanOut = plan.FanOut[j];
                int visits;
                if (fanOut < 1)
                {
                    visits = _random.NextDouble() < fanOut ? 1 : 0;
                }
                else
                {
                    var whole = Math.Min(MaxFanOut, Math.Floor(fanOut));
                    visits = (int)whole + (whole < MaxFanOut && _random.NextDouble() < fanOut - whole ? 1 : 0);
                }

                if (visits == 0)
                {
                    continue;
                }

                _visited[r] |= 1UL << j;
                var g = plan.Station[j];
                if (g < 0)
                {
                    continue;
                }

                var group = _groups[g];
                var s = group.Length == 1 ? group[0] : group[(int)(Mix(_key[r]) % (ulong)group.Length)];

                var station = _stations[s];
                if (station.IsCache)
                {
                    var measured = _now >= _warmNs;
                    if (measured)
                    {
                        station.Lookups++;
                    }

                    var hit = station.Lru is { } lru
                        ? lru.Read(_key[r], _now)
                        : !station.Cold && _random.NextDouble() < station.HitRatio;
                    if (hit)
                    {
                        _hits[r] |= 1UL << j;
                        if (measured)
                        {
                            station.Hits++;
                        }
                    }
                }

                _step[r] = j;
                _pending[r] = 0;
                for (var k = 0; k < visits; k++)
                {
                    var cause = Submit(s, r, plan.IsWrite);
                    if (cause is { } why)
                    {
                        Fail(r, plan, why);
                        break;
                    }

                    _pending[r]++;
                }

                if (_pending[r] > 0)
                {
                    return;
                }

                Release(r);
                return;
            }

            if ((_state[r] & 1) == 0)
            {
                Respond(r, plan);
            }

            Release(r);
        }

        private void Respond(int r, FlowPlan plan)
        {
            if (plan.Breaker is not null)
            {
                Observe(plan, BreakerCall.Success);
            }

            _state[r] |= 1;
            var latencySeconds = SimTime.ToSeconds(_now - _originNs[r]);
            plan.IntervalCompleted++;
            plan.IntervalHistogram[LogHistogram.BucketOf(latencySeconds)]++;
            plan.IntervalCount++;
            if (_originNs[r] >= _warmNs)
            {
                plan.Completed++;
            }

            plan.Latency.Add(latencySeconds, _originNs[r]);
        }

        private void Fail(int r, FlowPlan plan, FailCause cause)
        {
            if ((_state[r] & 3) == 1 && TryRedeliver(r, plan))
            {
                _state[r] |= 3;
                return;
            }

            if ((_state[r] & 1) == 0 && plan.Breaker is not null)
            {
                Observe(plan, BreakerCall.Failure);
            }

            if ((_state[r] & 1) == 0 && TryRetry(r, plan))
            {
                _state[r] |= 3;
                return;
            }

            if ((_state[r] & 1) == 0)
            {
                plan.IntervalFailed++;
                _failures++;
                if (_originNs[r] >= _warmNs)
                {
                    plan.Failed++;
                    switch (cause)
                    {
                        case FailCause.QueueFull: plan.FailedQueueFull++; break;
                        case FailCause.Unavailable: plan.FailedUnavailable++; break;
                        case FailCause.Error: plan.FailedError++; break;
                        case FailCause.RateLimited: plan.FailedError++; plan.RateLimited++; break;
                        default: plan.FailedTimeout++; break;
                    }
                }
            }

            _state[r] |= 3;
        }

        /// <summary>
        /// Hands one call of request <paramref name="r"/> to station <paramref name="s"/>. Returns why it failed at once
        /// (the station is down, answers with an error, or its line is full), or <see langword="null"/> when it is on its way.
        /// </summary>
        private FailCause? Submit(int s, int r, bool isWrite)
        {
            var station = _stations[s];
            if (station.Down || (station.UnavailableShare > 0 && _random.NextDouble() < station.UnavailableShare))
            {
                return FailCause.Unavailable;
            }

            if (station.Limiter is { } limiter && !limiter.TryAdmit(_now))
            {
                return FailCause.RateLimited;
            }

            if ((isWrite && station.WriteErrors) || (station.ErrorFraction > 0 && _random.NextDouble() < station.ErrorFraction))
            {
                return FailCause.Error;
            }

            if (station.TimeoutNs > 0)
            {
                // The dependency never answers: the call holds nothing and fails when the caller's timeout expires.
                _events.Enqueue(SimTime.AddSaturating(_now, station.TimeoutNs), new SimEvent(EventKind.TimedOut, s, r));
                return null;
            }

            if (station.AddedLatencyNs > 0)
            {
                _events.Enqueue(SimTime.AddSaturating(_now, station.AddedLatencyNs), new SimEvent(EventKind.DelayedSubmit, s, r));
                return null;
            }

            return Enter(s, r) ? null : FailCause.QueueFull;
        }

        /// <summary>Starts the call at once when a server is free, else queues it; false when the line is full.</summary>
        private bool Enter(int s, int r)
        {
            var station = _stations[s];
            Account(station);
            if (station.BaseServers == 0 && !station.Paused)
            {
                station.Waits.Add(0, _now);
                StartService(s, station, r);
                return true;
            }

            if (station.Busy < station.Effective)
            {
                station.Busy++;
                station.Waits.Add(0, _now);
                StartService(s, station, r);
                return true;
            }

            if (station.Count >= Math.Max(station.QueueLimit, _options.QueuePerServer))
            {
                return false;
            }

            if (station.Count == station.Line.Length)
            {
                Grow(station);
            }

            var tail = (station.Head + station.Count) % station.Line.Length;
            station.Line[tail] = r;
            station.LineSince[tail] = _now;
            station.Count++;
            return true;
        }

        private void StartService(int s, Station station, int r)
        {
            if (station.LastWriteNs is { } lastWrite)
            {
                var plan = _flows[_flowOf[r]];
                if (plan.IsWrite)
                {
                    if (lastWrite.Count < MaxTrackedKeys || lastWrite.ContainsKey(_key[r]))
                    {
                        lastWrite[_key[r]] = _now;
                    }
                }
                else if (_now >= _warmNs)
                {
                    station.Reads++;
                    if (_random.NextDouble() < station.ReplicaReadShare && lastWrite.TryGetValue(_key[r], out var writtenNs) && _now - writtenNs < station.LagNs)
                    {
                        station.StaleReads++;
                    }
                }
            }

            var mean = station.SlowShare > 0 && (station.SlowShare >= 1 || _random.NextDouble() < station.SlowShare) ? station.MeanServiceNs * station.SlowFactor : station.MeanServiceNs;
            var serviceNs = mean > 0 ? SimTime.RoundSaturating(_random.ExponentialWithMean(mean)) : 0;
            _events.Enqueue(SimTime.AddSaturating(_now, serviceNs), new SimEvent(EventKind.Departure, s, r));
        }

        private void Depart(int s, int r)
        {
            var station = _stations[s];
            Account(station);
            if (_now >= _warmNs)
            {
                station.Jobs++;
            }

            if (station.BaseServers > 0)
            {
                if (station.Count > 0 && station.Busy <= station.Effective)
                {
                    StartNext(s, station);
                }
                else
                {
                    station.Busy--;
                }
            }

            Returned(r);
        }

        private void StartNext(int s, Station station)
        {
            var next = station.Line[station.Head];
            var since = station.LineSince[station.Head];
            station.Head = (station.Head + 1) % station.Line.Length;
            station.Count--;
            station.Waits.Add(SimTime.ToSeconds(_now - since), since);
            StartService(s, station, next);
        }

        private void TimeOut(int r)
        {
            Fail(r, _flows[_flowOf[r]], FailCause.Timeout);
            Returned(r);
        }

        /// <summary>One call of request <paramref name="r"/> came back: when it was the last, the walk goes on (or ends after a failure).</summary>
        private void Returned(int r)
        {
            if (--_pending[r] > 0)
            {
                return;
            }

            if ((_state[r] & 2) != 0)
            {
                Release(r);
            }
            else
            {
                Advance(r);
            }
        }

        private void Tick()
        {
            var startSeconds = SimTime.ToSeconds(_now - _intervalNs);
            foreach (var station in _stations)
            {
                Account(station);
                var utilization = station.BaseServers > 0 ? station.IntervalBusyArea / ((double)station.BaseServers * _intervalNs) : 0;
                station.Series.Add(new ComponentSeriesPoint(startSeconds, utilization, station.Count));
                station.IntervalBusyArea = 0;
            }

            foreach (var plan in _flows)
            {
                var p50 = plan.IntervalCount > 0 ? LogHistogram.Percentile(plan.IntervalHistogram, plan.IntervalCount, 0.50) : double.NaN;
                var p99 = plan.IntervalCount > 0 ? LogHistogram.Percentile(plan.IntervalHistogram, plan.IntervalCount, 0.99) : double.NaN;
                plan.Series.Add(new FlowSeriesPoint(startSeconds, plan.IntervalOffered, plan.IntervalCompleted, plan.IntervalFailed, p50, p99));
                if (plan.IntervalCount > 0)
                {
                    Array.Clear(plan.IntervalHistogram);
                }

                plan.IntervalCount = 0;
                plan.IntervalOffered = 0;
                plan.IntervalCompleted = 0;
                plan.IntervalFailed = 0;
            }

            _options.OnProgress?.Invoke((double)_now / _durationNs);
            var nextTick = SimTime.AddSaturating(_now, _intervalNs);
            if (nextTick <= _durationNs)
            {
                _events.Enqueue(nextTick, new SimEvent(EventKind.Tick, 0, 0));
            }
        }

        /// <summary>Adds the busy and queue areas since the station's last change (measured ones only after warm-up).</summary>
        private void Account(Station station)
        {
            var elapsed = _now - station.LastNs;
            if (elapsed <= 0)
            {
                return;
            }

            station.IntervalBusyArea += (double)station.Busy * elapsed;
            var from = Math.Max(station.LastNs, _warmNs);
            if (_now > from)
            {
                var measured = _now - from;
                station.BusyArea += (double)station.Busy * measured;
                station.QueueArea += (double)station.Count * measured;
            }

            station.LastNs = _now;
        }

        private static void Grow(Station station)
        {
            var size = station.Line.Length * 2;
            var line = new int[size];
            var since = new long[size];
            for (var i = 0; i < station.Count; i++)
            {
                var from = (station.Head + i) % station.Line.Length;
                line[i] = station.Line[from];
                since[i] = station.LineSince[from];
            }

            station.Line = line;
            station.LineSince = since;
            station.Head = 0;
        }

        private int Allocate()
        {
            _inFlight++;
            if (_freeCount > 0)
            {
                var reused = _free[--_freeCount];
                _generation[reused]++;
                return reused;
            }

            if (_allocated == _flowOf.Length)
            {
                var size = _flowOf.Length * 2;
                Array.Resize(ref _flowOf, size);
                Array.Resize(ref _startNs, size);
                Array.Resize(ref _visited, size);
                Array.Resize(ref _hits, size);
                Array.Resize(ref _step, size);
                Array.Resize(ref _pending, size);
                Array.Resize(ref _state, size);
                Array.Resize(ref _originNs, size);
                Array.Resize(ref _attempt, size);
                Array.Resize(ref _lastDelayNs, size);
                Array.Resize(ref _generation, size);
                Array.Resize(ref _key, size);
                Array.Resize(ref _free, size);
            }

            return _allocated++;
        }

        private void Release(int r)
        {
            _inFlight--;
            _free[_freeCount++] = r;
        }

        private DesignSimulationReport Build(SimulationOutcome outcome)
        {
            var measuredNs = Math.Max(1, outcome.SimulatedTimeNs - _warmNs);
            var measuredSeconds = SimTime.ToSeconds(measuredNs);
            var flows = _flows.Select(p => new FlowSimulation(
                p.Name,
                p.RatePerSecond,
                p.Offered,
                p.Completed,
                p.Failed,
                p.FailedQueueFull,
                p.FailedUnavailable,
                p.FailedError,
                p.FailedTimeout,
                p.Retries,
                p.Redelivered,
                p.DuplicateCalls,
                p.DeadLettered,
                p.Completed / measuredSeconds,
                p.Latency.Mean(),
                p.Latency.Percentile(0.50),
                p.Latency.Percentile(0.95),
                p.Latency.Percentile(0.99))
            {
                RejectedByBreaker = p.RejectedByBreaker,
                RateLimited = p.RateLimited,
            }).ToList();
            var components = _stations.Select(s => new ComponentSimulation(
                s.Name,
                s.BaseServers,
                s.BaseServers > 0 ? s.BusyArea / ((double)s.BaseServers * measuredNs) : 0,
                s.QueueArea / measuredNs,
                s.Waits.Mean(),
                s.Waits.FractionPositive(),
                s.Jobs,
                s.IsCache ? (s.Lookups > 0 ? (double)s.Hits / s.Lookups : 0) : null)
            {
                Reads = s.Reads,
                StaleReads = s.LastWriteNs is null ? null : s.StaleReads,
            }).ToList();
            return new DesignSimulationReport(
                outcome,
                _options.Seed,
                SimTime.ToSeconds(outcome.SimulatedTimeNs),
                SimTime.ToSeconds(_warmNs),
                SimTime.ToSeconds(_intervalNs),
                _requests,
                flows,
                components,
                [.. _flows.Select(p => (IReadOnlyList<FlowSeriesPoint>)p.Series)],
                [.. _stations.Select(s => (IReadOnlyList<ComponentSeriesPoint>)s.Series)],
                _notes,
                _log);
        }
    }
}
