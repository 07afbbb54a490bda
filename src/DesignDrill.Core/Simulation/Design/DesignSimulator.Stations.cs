using DesignDrill.Core.Simulation.Statistics;

namespace DesignDrill.Core.Simulation.Design;

// Stations: admission, waiting lines, service, departures and time-weighted accounting.
public static partial class DesignSimulator
{
    private sealed class Station
    {
        public required string Name;

        // A node of a component balanced node by node: the component's name, this node's index, every node's station,
        // and the balancer (shared by the nodes) that picks one per call; whether the balancer routes to it now.
        public string? ComponentName;
        public int NodeIndex = -1;
        public int[] Nodes = [];
        public Behaviours.ILoadBalancer? Balancer;
        public bool Unroutable;
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
        public double BaseReplicaReadShare;
        public int Primaries;
        public int ReplicaNodes;
        public bool SynchronousReplication;
        public bool IsDatabase;

        // Failover (primary-failure on a replicated store): writes refused while no primary takes them, writes the
        // primary acknowledged (served) over the run, and what the failovers cost.
        public bool WritesDown;
        public long WritesAcknowledged;
        public long WritesFailedDuringFailover;
        public long AcknowledgedWritesLost;
        public long BaseLagNs;
        public long LagNs;
        public Dictionary<long, long>? LastWriteNs;
        public long Reads;
        public long StaleReads;
        public long VisibilityTimeoutNs = DefaultVisibilityTimeoutNs;
        public int MaxReceives = MaxReceivesWithoutDlq;
        public required double HitRatio;
        // A cache read with a keyspace (LRU or LFU, with its write policy), the store it is in front of, the hidden flow
        // that carries its write-backs there, and what writes did to it.
        public Behaviours.EvictingCache? KeyCache;
        public int BackingGroup = -1;
        public int WriteBackPlan = -1;
        public long WriteBacksCounted;
        public long CacheWrites;
        public long WriteBacksSent;
        public long WriteBacksFailed;
        public bool Wiped;
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
        public long IntervalLookups;
        public long IntervalHits;
        public long IntervalMaxLagNs;

        // For a queue or stream: its messages waiting in its consumers' lines (the rest of its consumer lag is its own line).
        public long ConsumerLag;
        public BatchMeans Waits = null!;
        public List<ComponentSeriesPoint> Series = [];

        // Fault state, recomputed from the active faults whenever one starts or ends.
        public bool Down;
        public bool Paused;

        // A queue or stream whose consumers are stopped: it accepts messages but holds them (in arrival order) until they
        // are back; the held requests resume their walk at the consuming step.
        public bool HoldDeliveries;
        public List<int> Held = [];
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

    private sealed partial class DesignRun
    {
        /// <summary>
        /// Hands one call of request <paramref name="r"/> to station <paramref name="s"/>. Returns why it failed at once
        /// (the station is down, answers with an error, or its line is full), or <see langword="null"/> when it is on its way.
        /// </summary>
        private FailCause? Submit(int s, int r, bool isWrite)
        {
            if (_stations[s].Balancer is { } balancer)
            {
                // The balancer in front picks the node; with none routable the call fails as unavailable.
                var node = balancer.Pick(unchecked((long)Mix(_key[r])), _random);
                if (node < 0)
                {
                    return FailCause.Unavailable;
                }

                s = _stations[s].Nodes[node];
            }

            var station = _stations[s];
            if (station.Down || (station.UnavailableShare > 0 && _random.NextDouble() < station.UnavailableShare))
            {
                return FailCause.Unavailable;
            }

            if (isWrite && station.WritesDown)
            {
                station.WritesFailedDuringFailover++;
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
                station.Balancer?.OnStart(station.NodeIndex);
                return null;
            }

            if (station.AddedLatencyNs > 0)
            {
                _events.Enqueue(SimTime.AddSaturating(_now, station.AddedLatencyNs), new SimEvent(EventKind.DelayedSubmit, s, r));
                station.Balancer?.OnStart(station.NodeIndex);
                return null;
            }

            if (!Enter(s, r))
            {
                return FailCause.QueueFull;
            }

            station.Balancer?.OnStart(station.NodeIndex);
            return null;
        }

        /// <summary>A call at station <paramref name="s"/> ended (served, dropped or timed out): its node has one fewer in flight.</summary>
        private void EndCall(int s)
        {
            if (_stations[s].Balancer is { } balancer)
            {
                balancer.OnFinish(_stations[s].NodeIndex);
            }
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
            if (ConsumedQueue(r) is >= 0 and var q)
            {
                _stations[q].ConsumerLag++;
            }

            return true;
        }

        /// <summary>A call left a waiting line (to start service, or failed while waiting): one message fewer waits for a consumer.</summary>
        private void LeftLine(int r)
        {
            if (ConsumedQueue(r) is >= 0 and var q)
            {
                _stations[q].ConsumerLag--;
            }
        }

        /// <summary>The queue or stream station whose message request <paramref name="r"/>'s current call consumes (its step's caller), or −1.</summary>
        private int ConsumedQueue(int r)
        {
            var plan = _flows[_flowOf[r]];
            var g = plan.ConsumesFrom[_step[r]];
            if (g < 0)
            {
                return -1;
            }

            var group = _groups[g];
            return group.Length == 1 ? group[0] : group[(int)(Mix(_key[r]) % (ulong)group.Length)];
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

            if (station.LastWriteNs is not null && _flows[_flowOf[r]].IsWrite)
            {
                station.WritesAcknowledged++;
            }

            EndCall(s);

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
            LeftLine(next);
            station.Waits.Add(SimTime.ToSeconds(_now - since), since);
            StartService(s, station, next);
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
    }
}
