using System.Globalization;
using DesignDrill.Core.Catalog;
using DesignDrill.Core.Review;
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
public static partial class DesignSimulator
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

    /// <summary>
    /// Values of a store's <c>replication</c> setting that mean a write is acknowledged only once a replica has it
    /// (PostgreSQL <c>synchronous_commit</c>, MySQL semi-synchronous replication), so a failover loses no acknowledged
    /// write. Anything else (<c>async</c>, or no setting: the default of PostgreSQL and MySQL) is asynchronous.
    /// </summary>
    private static readonly string[] SynchronousReplicationWords = ["sync", "synchronous", "semi_sync", "semisync", "semi_synchronous"];

    /// <summary>
    /// How often a write-back cache writes its dirty entries back to the store: every 1 s (rule of thumb; write-behind
    /// stores make it a setting — Hazelcast's MapStore <c>write-delay-seconds</c>, in whole seconds). Writes to the same
    /// key within it coalesce into one write-back.
    /// </summary>
    public const long WriteBackIntervalNs = SimTime.NanosecondsPerSecond;

    /// <summary>Most nodes a component is simulated with, one station each, when it is balanced node by node (1,024; rule of thumb).</summary>
    public const int MaxNodes = 1_024;

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
        LagWindowOpens,
        Promoted,
        WriteBackFlush,
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

    private sealed partial class DesignRun
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
        private int[] _then = new int[1_024];
        private int[] _thenVisits = new int[1_024];
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
        private int _visibleFlows;
        private long _intervalEndNs;
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
            for (var f = 0; f < _visibleFlows; f++)
            {
                ScheduleArrival(f, 0);
            }

            for (var s = 0; s < _stations.Count; s++)
            {
                if (_stations[s].WriteBackPlan >= 0 && WriteBackIntervalNs <= _durationNs)
                {
                    _events.Enqueue(WriteBackIntervalNs, new SimEvent(EventKind.WriteBackFlush, s, 0));
                }
            }

            _intervalEndNs = _intervalNs;
            _events.Enqueue(_intervalNs, new SimEvent(EventKind.Tick, 0, 0));
            for (var i = 0; i < _faults.Count; i++)
            {
                var fault = _faults[i].Spec;
                if (fault.StartNs <= _durationNs)
                {
                    if (_faults[i].LagWindowNs != long.MaxValue)
                    {
                        _events.Enqueue(_faults[i].LagWindowNs, new SimEvent(EventKind.LagWindowOpens, i, 0));
                    }

                    _events.Enqueue(fault.StartNs, new SimEvent(EventKind.FaultStart, i, 0));
                    if (_faults[i].PromoteNs < Math.Min(_faults[i].EndNs, SimTime.AddSaturating(_durationNs, 1)))
                    {
                        _events.Enqueue(_faults[i].PromoteNs, new SimEvent(EventKind.Promoted, i, 0));
                    }

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
                            Log($"health checks mark the failed node of {string.Join(", ", detected.Stations.Select(i => _stations[i].ComponentName ?? _stations[i].Name).Distinct())} down, {SimTime.ToSeconds(_now - detected.Spec.StartNs):0.0} s after it failed; {_failures - detected.FailuresAtStart:N0} requests failed meanwhile");
                            Recompute();
                        }

                        break;
                    case EventKind.DelayedSubmit:
                        if (!Enter(e.Payload.A, e.Payload.B))
                        {
                            // The delayed call found the line full: it fails like one refused at once.
                            EndCall(e.Payload.A);
                            Fail(e.Payload.B, _flows[_flowOf[e.Payload.B]], FailCause.QueueFull);
                            Returned(e.Payload.B);
                        }

                        break;
                    case EventKind.TimedOut:
                        TimeOut(e.Payload.A, e.Payload.B);
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
                    case EventKind.LagWindowOpens:
                        _faults[e.Payload.A].AcknowledgedAtWindowOpen = _stations[_faults[e.Payload.A].Stations[0]].WritesAcknowledged;
                        break;
                    case EventKind.Promoted:
                        Promote(e.Payload.A);
                        break;
                    case EventKind.WriteBackFlush:
                        FlushWriteBacks(e.Payload.A);
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

        private int Allocate()
        {
            _inFlight++;
            if (_freeCount > 0)
            {
                var reused = _free[--_freeCount];
                _generation[reused]++;
                _then[reused] = -1;
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
                Array.Resize(ref _then, size);
                Array.Resize(ref _thenVisits, size);
                Array.Resize(ref _free, size);
            }

            _then[_allocated] = -1;
            return _allocated++;
        }

        private void Release(int r)
        {
            _inFlight--;
            _free[_freeCount++] = r;
        }
    }
}
