using DesignDrill.Core.Simulation.Statistics;
using DesignDrill.Core.Simulation.Workloads;

namespace DesignDrill.Core.Simulation.Design;

// Requests: arrivals, attempts, the walk over a flow's steps, retries, redelivery, the client breaker.
public static partial class DesignSimulator
{
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
        public long IntervalGoodput;
        public long IntervalQueueFull;
        public long IntervalUnavailable;
        public long IntervalError;
        public long IntervalTimeout;
        public long IntervalRejectedByBreaker;
        public long IntervalRateLimited;
        public double GoodputTargetSeconds = double.PositiveInfinity;
        public int[] ConsumesFrom = [];

        // Writes and caches: per step, the cache group a write to that step's store also goes to (−1 none), and the step
        // of a write-back cache in this flow that absorbs the write instead of that store (−1 none).
        public int[] FrontCache = [];
        public int[] DeferredBy = [];

        // A hidden flow carries a write-back cache's writes to its store: it has no arrivals and is not reported; the
        // cache's first station counts the write-backs the store refused.
        public bool Hidden;
        public int WriteBackCache = -1;
    }

    private sealed partial class DesignRun
    {
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
                plan.IntervalUnavailable++;
                plan.IntervalRejectedByBreaker++;
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
            if (_options.ClientRetries is not { } policy || plan.Hidden)
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

                var consumed = plan.ConsumesFrom[j];
                if (consumed >= 0 && ShardOf(consumed, r) is var queue && _stations[queue].HoldDeliveries)
                {
                    // The queue's consumers are stopped: the message waits in the queue (consumer lag) until they resume.
                    _step[r] = j - 1;
                    _stations[queue].Held.Add(r);
                    return;
                }

                var absorbedBy = plan.DeferredBy[j];
                if (absorbedBy >= 0 && (_hits[r] & (1UL << absorbedBy)) != 0)
                {
                    // A write-back cache earlier in this write took it: the store is written later, with the cache's write-backs.
                    _visited[r] |= 1UL << j;
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
                var then = -1;
                if (plan.IsWrite && station.KeyCache is not null)
                {
                    // A write flow that names the cache writes it under its policy; a write-back cache absorbs the write.
                    if (WriteCache(station, r) == Behaviours.CachePolicy.WriteBack)
                    {
                        _hits[r] |= 1UL << j;
                    }
                }
                else if (plan.FrontCache[j] >= 0 && ShardOf(plan.FrontCache[j], r) is var cs && WriteCache(_stations[cs], r) is { } policy)
                {
                    // A write to a store with a cache in front: cache-aside deletes the entry and writes the store;
                    // write-through writes the cache, then the store; write-back writes only the cache.
                    if (policy == Behaviours.CachePolicy.WriteThrough)
                    {
                        then = s;
                        s = cs;
                    }
                    else if (policy == Behaviours.CachePolicy.WriteBack)
                    {
                        s = cs;
                        visits = 1;
                    }
                }
                else if (station.IsCache)
                {
                    var measured = _now >= _warmNs;
                    if (measured)
                    {
                        station.Lookups++;
                    }

                    station.IntervalLookups++;

                    // A cold cache (flushed, or all expired) keeps nothing while the fault lasts: reads miss and fill nothing.
                    var hit = !station.Cold && (station.KeyCache is { } keyCache
                        ? keyCache.Read(_key[r], _now)
                        : _random.NextDouble() < station.HitRatio);
                    if (hit)
                    {
                        _hits[r] |= 1UL << j;
                        station.IntervalHits++;
                        if (measured)
                        {
                            station.Hits++;
                        }
                    }
                }

                _step[r] = j;
                if (then >= 0)
                {
                    _then[r] = then;
                    _thenVisits[r] = visits;
                    visits = 1;
                }

                Call(r, plan, s, visits);
                return;
            }

            if ((_state[r] & 1) == 0)
            {
                Respond(r, plan);
            }

            Release(r);
        }

        /// <summary>Makes <paramref name="visits"/> calls of request <paramref name="r"/> to station <paramref name="s"/>; a call refused at once fails the request (calls already made still return).</summary>
        private void Call(int r, FlowPlan plan, int s, int visits)
        {
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

            if (_pending[r] == 0)
            {
                Release(r);
            }
        }

        /// <summary>The station of group <paramref name="group"/> (its shard, for a sharded component) that holds request <paramref name="r"/>'s key.</summary>
        private int ShardOf(int group, int r)
        {
            var shards = _groups[group];
            return shards.Length == 1 ? shards[0] : shards[(int)(Mix(_key[r]) % (ulong)shards.Length)];
        }

        /// <summary>
        /// Writes request <paramref name="r"/>'s key to a keyspace cache under its policy and returns the policy, or
        /// <see langword="null"/> when the cache is cold (flushed: it keeps nothing, and the write goes to the store as with cache-aside).
        /// </summary>
        private Behaviours.CachePolicy? WriteCache(Station cache, int r)
        {
            if (cache.Cold || cache.KeyCache is not { } keyCache)
            {
                return null;
            }

            keyCache.Write(_key[r], _now);
            if (_now >= _warmNs)
            {
                cache.CacheWrites++;
            }

            return keyCache.Policy;
        }

        /// <summary>
        /// A write-back cache writes its dirty entries back: every <see cref="WriteBackIntervalNs"/> it flushes them, and
        /// those written back since the last flush (flushed now, or evicted or expired dirty meanwhile) each become one
        /// write call to the store, carried by the cache's hidden flow.
        /// </summary>
        private void FlushWriteBacks(int s)
        {
            var station = _stations[s];
            var keyCache = station.KeyCache!;
            keyCache.FlushDirty();
            var written = keyCache.Counters.WriteBacks;
            var calls = written - station.WriteBacksCounted;
            station.WriteBacksCounted = written;
            station.WriteBacksSent += _now >= _warmNs ? calls : 0;
            var keyCount = _options.Keyspace?.KeyCount ?? 1;
            for (long i = 0; i < calls && _inFlight < _budget.Limits.MaxQueuedItems; i++)
            {
                var r = Allocate();
                _flowOf[r] = station.WriteBackPlan;
                _originNs[r] = _now;
                _startNs[r] = _now;
                _key[r] = (long)(_random.NextDouble() * keyCount);
                _attempt[r] = 1;
                _lastDelayNs[r] = 0;
                _visited[r] = 0;
                _hits[r] = 0;
                _step[r] = -1;
                _pending[r] = 0;
                _state[r] = 0;
                Advance(r);
            }

            var next = SimTime.AddSaturating(_now, WriteBackIntervalNs);
            if (next <= _durationNs)
            {
                _events.Enqueue(next, new SimEvent(EventKind.WriteBackFlush, s, 0));
            }
        }

        private void Respond(int r, FlowPlan plan)
        {
            if (plan.Breaker is not null)
            {
                Observe(plan, BreakerCall.Success, _now - _startNs[r]);
            }

            _state[r] |= 1;
            var latencySeconds = SimTime.ToSeconds(_now - _originNs[r]);
            plan.IntervalCompleted++;
            if (latencySeconds <= plan.GoodputTargetSeconds)
            {
                plan.IntervalGoodput++;
            }

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
                Observe(plan, BreakerCall.Failure, _now - _startNs[r]);
            }

            if ((_state[r] & 1) == 0 && TryRetry(r, plan))
            {
                _state[r] |= 3;
                return;
            }

            if ((_state[r] & 1) == 0)
            {
                plan.IntervalFailed++;
                _failures += plan.Hidden ? 0 : 1;
                if (plan.WriteBackCache >= 0)
                {
                    _stations[plan.WriteBackCache].WriteBacksFailed++;
                }

                switch (cause)
                {
                    case FailCause.QueueFull: plan.IntervalQueueFull++; break;
                    case FailCause.Unavailable: plan.IntervalUnavailable++; break;
                    case FailCause.Error: plan.IntervalError++; break;
                    case FailCause.RateLimited: plan.IntervalError++; plan.IntervalRateLimited++; break;
                    default: plan.IntervalTimeout++; break;
                }

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

        private void TimeOut(int s, int r)
        {
            EndCall(s);
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
            else if (_then[r] >= 0)
            {
                // Write-through: the cache has the write; now the store.
                var store = _then[r];
                _then[r] = -1;
                Call(r, _flows[_flowOf[r]], store, _thenVisits[r]);
            }
            else
            {
                Advance(r);
            }
        }

        /// <summary>Runs a breaker call and logs the state it moved to, when it moved (at most 200 such lines a run).</summary>
        private bool Observe(FlowPlan plan, BreakerCall call, long durationNs = 0)
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
                    breaker.RecordSuccess(_now, durationNs);
                    break;
                default:
                    breaker.RecordFailure(_now, durationNs);
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
    }
}
