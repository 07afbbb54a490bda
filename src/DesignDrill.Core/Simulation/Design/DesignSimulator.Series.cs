using DesignDrill.Core.Simulation.Statistics;

namespace DesignDrill.Core.Simulation.Design;

// The per-interval series and the report.
public static partial class DesignSimulator
{
    private sealed partial class DesignRun
    {
        private void Tick()
        {
            var startSeconds = SimTime.ToSeconds(_now - _intervalNs);
            foreach (var station in _stations)
            {
                Account(station);
                var utilization = station.BaseServers > 0 ? station.IntervalBusyArea / ((double)station.BaseServers * _intervalNs) : 0;
                station.Series.Add(new ComponentSeriesPoint(startSeconds, utilization, station.Count)
                {
                    HitRatio = station.IsCache ? (station.IntervalLookups > 0 ? (double)station.IntervalHits / station.IntervalLookups : double.NaN) : null,
                    ReplicationLagSeconds = station.LastWriteNs is null ? null : SimTime.ToSeconds(station.IntervalMaxLagNs),
                    ConsumerLag = station.IsMessaging ? station.ConsumerLag + station.Held.Count : null,
                });
                station.IntervalBusyArea = 0;
                station.IntervalLookups = 0;
                station.IntervalHits = 0;
                station.IntervalMaxLagNs = station.LagNs;
            }

            foreach (var plan in _flows)
            {
                if (plan.Hidden)
                {
                    continue;
                }

                var p50 = plan.IntervalCount > 0 ? LogHistogram.Percentile(plan.IntervalHistogram, plan.IntervalCount, 0.50) : double.NaN;
                var p95 = plan.IntervalCount > 0 ? LogHistogram.Percentile(plan.IntervalHistogram, plan.IntervalCount, 0.95) : double.NaN;
                var p99 = plan.IntervalCount > 0 ? LogHistogram.Percentile(plan.IntervalHistogram, plan.IntervalCount, 0.99) : double.NaN;
                plan.Series.Add(new FlowSeriesPoint(startSeconds, plan.IntervalOffered, plan.IntervalCompleted, plan.IntervalFailed, p50, p99)
                {
                    LatencyP95Seconds = p95,
                    Goodput = plan.IntervalGoodput,
                    FailedQueueFull = plan.IntervalQueueFull,
                    FailedUnavailable = plan.IntervalUnavailable,
                    FailedError = plan.IntervalError,
                    FailedTimeout = plan.IntervalTimeout,
                    RejectedByBreaker = plan.IntervalRejectedByBreaker,
                    RateLimited = plan.IntervalRateLimited,
                });
                if (plan.IntervalCount > 0)
                {
                    Array.Clear(plan.IntervalHistogram);
                }

                plan.IntervalCount = 0;
                plan.IntervalOffered = 0;
                plan.IntervalCompleted = 0;
                plan.IntervalFailed = 0;
                plan.IntervalGoodput = 0;
                plan.IntervalQueueFull = 0;
                plan.IntervalUnavailable = 0;
                plan.IntervalError = 0;
                plan.IntervalTimeout = 0;
                plan.IntervalRejectedByBreaker = 0;
                plan.IntervalRateLimited = 0;
            }

            _options.OnProgress?.Invoke((double)_now / _durationNs);
            var nextTick = SimTime.AddSaturating(_now, _intervalNs);
            _intervalEndNs = nextTick;
            if (nextTick <= _durationNs)
            {
                _events.Enqueue(nextTick, new SimEvent(EventKind.Tick, 0, 0));
            }
        }

        private DesignSimulationReport Build(SimulationOutcome outcome)
        {
            var measuredNs = Math.Max(1, outcome.SimulatedTimeNs - _warmNs);
            var measuredSeconds = SimTime.ToSeconds(measuredNs);
            var visible = _flows.Take(_visibleFlows).ToList();
            var flows = visible.Select(p => new FlowSimulation(
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
                GoodputLatencyTargetSeconds = double.IsFinite(p.GoodputTargetSeconds) ? p.GoodputTargetSeconds : null,
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
                WritesFailedDuringFailover = s.WritesFailedDuringFailover,
                AcknowledgedWritesLost = s.LastWriteNs is null ? null : s.AcknowledgedWritesLost,
                Eviction = s.KeyCache switch { Behaviours.LfuCache => "lfu", null => null, _ => "lru" },
                WritePolicy = s.KeyCache?.Policy switch
                {
                    Behaviours.CachePolicy.WriteThrough => "write-through",
                    Behaviours.CachePolicy.WriteBack => "write-back",
                    null => null,
                    _ => "cache-aside",
                },
                CacheWrites = s.KeyCache is null ? null : s.CacheWrites,
                WriteBacks = s.KeyCache is null ? null : s.WriteBacksSent,
                UnflushedWritesLost = s.KeyCache?.Counters.LostWrites,
                WriteBacksFailed = s.KeyCache is null ? null : s.WriteBacksFailed,
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
                [.. visible.Select(p => (IReadOnlyList<FlowSeriesPoint>)p.Series)],
                [.. _stations.Select(s => (IReadOnlyList<ComponentSeriesPoint>)s.Series)],
                _notes,
                _log);
        }
    }
}
