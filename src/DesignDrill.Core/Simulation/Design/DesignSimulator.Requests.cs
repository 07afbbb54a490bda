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

                    station.IntervalLookups++;

                    // A cold cache (flushed, or all expired) keeps nothing while the fault lasts: reads miss and fill nothing.
                    var hit = !station.Cold && (station.Lru is { } lru
                        ? lru.Read(_key[r], _now)
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
                switch (cause)
                {
                    case FailCause.QueueFull: plan.IntervalQueueFull++; break;
                    case FailCause.Unavailable: plan.IntervalUnavailable++; break;
                    case FailCause.Error: plan.IntervalError++; break;
                    case FailCause.RateLimited: plan.IntervalError++; plan.IntervalRateLimited++; break;
                    default: plan.IntervalTimeout++; break;
                }

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
    }
}
