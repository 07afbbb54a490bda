using System.Globalization;
using DesignDrill.Core.Simulation.Faults;

namespace DesignDrill.Core.Simulation.Design;

// Faults: their targets, their start and end, and their effect on the stations.
public static partial class DesignSimulator
{
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

        // A primary failure on a replicated store: when a replica is promoted, when the replication-lag window before
        // the crash opens (writes acknowledged from then on are not on the replicas yet), and the counts at both ends.
        public long PromoteNs = long.MaxValue;
        public bool Promoted;
        public long LagWindowNs = long.MaxValue;
        public long LagAtFailureNs;
        public long AcknowledgedAtWindowOpen;
        public long UnreplicatedAtFailure;
        public long WritesFailedAtStart;
    }

    private sealed partial class DesignRun
    {
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
                PrimaryFailureFault { Component: null } => [.. _groups.Select(g => g[0]).Where(i => _stations[i].IsDatabase && _stations[i].BaseServers > 0)],
                PrimaryFailureFault f => Named(f.Component, _ => false),
                DiskFullFault f => Named(f.Component, _ => false),
                ConsumerStoppedFault f => Named(f.Component, s => s.IsMessaging),
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

            if (fault is PrimaryFailureFault primary)
            {
                if (primary.Component is not null && targets.Length > 1)
                {
                    _notes.Add($"'{fault.ToText()}' fails the primary of '{_stations[targets[0]].Name}' (each shard has its own)");
                }

                // One primary fails per database (of a sharded one, shard 0's): each has its own failover.
                foreach (var target in primary.Component is null ? targets : [targets[0]])
                {
                    _faults.Add(PrimaryFailure(primary, target, groupOf));
                }

                return;
            }

            var end = fault switch
            {
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

        /// <summary>
        /// A primary failure on one station. A store without replicas is down (reads and writes) for the failover time,
        /// which is then the time to restart the primary. A replicated store (<c>1 primary + N replicas</c>) loses the
        /// primary's node until the fault ends; writes fail until a replica is promoted after the failover time, and the
        /// writes acknowledged within the replication lag before the crash (asynchronous replication) are lost then. A
        /// store with several primaries keeps taking writes on the others.
        /// </summary>
        private ActiveFault PrimaryFailure(PrimaryFailureFault fault, int target, Dictionary<string, int> groupOf)
        {
            var st = _stations[target];
            if (st.LastWriteNs is null)
            {
                var restartedNs = SimTime.AddSaturating(fault.StartNs, Math.Min(fault.FailoverNs, fault.DurationNs ?? SimTime.MaxNs));
                return new ActiveFault { Spec = fault, Stations = [target], EndNs = restartedNs };
            }

            var active = new ActiveFault { Spec = fault, Stations = [target], EndNs = fault.EndNs };
            if (st.Primaries == 1 && fault.FailoverNs < (fault.DurationNs ?? SimTime.MaxNs))
            {
                active.PromoteNs = SimTime.AddSaturating(fault.StartNs, fault.FailoverNs);
            }

            // The replicas' lag at the crash: the store's own plus every replication-lag fault on it active then (all
            // faults are known in advance), so the count of acknowledged writes can start at the crash minus the lag.
            var lagNs = st.BaseLagNs;
            foreach (var lag in _options.Faults.OfType<ReplicationLagFault>())
            {
                var onTarget = lag.Component is null || (groupOf.TryGetValue(lag.Component, out var g) && _groups[g].Contains(target));
                if (onTarget && lag.IsActiveAt(fault.StartNs))
                {
                    lagNs = SimTime.AddSaturating(lagNs, lag.LagNs);
                }
            }

            active.LagAtFailureNs = lagNs;
            if (!st.SynchronousReplication && st.Primaries == 1)
            {
                active.LagWindowNs = Math.Max(0, fault.StartNs - lagNs);
            }

            return active;
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
            var where = fault.Stations.Length == 0 ? "" : " on " + string.Join(", ", fault.Stations.Select(i => _stations[i].ComponentName ?? _stations[i].Name).Distinct());
            if (active)
            {
                fault.FailuresAtStart = _failures;
                Log($"{fault.Spec.Name}{where} starts{PrimaryFailureStart(fault)}");
            }
            else
            {
                Log($"{fault.Spec.Name}{where} ends{PrimaryFailureEnd(fault)}; {_failures - fault.FailuresAtStart:N0} requests failed while it lasted");
            }

            Recompute();
            if (active && fault.Spec is PrimaryFailureFault && _stations[fault.Stations[0]].WritesDown)
            {
                DropQueuedWrites(fault.Stations[0]);
            }
        }

        /// <summary>
        /// A fault on one node of a component balanced node by node, when it acts on nodes: the killed nodes (the highest
        /// numbered for kill-replicas, the first batch for a rolling deploy, one zone's for lose-zone) are down and the
        /// balancer stops routing to them — at once, or for kill-node once health checks notice; the slow node's calls
        /// all take the factor longer. Other faults act on every node as on a pooled station (false).
        /// </summary>
        private static bool ApplyToNode(ActiveFault fault, Station node)
        {
            var index = node.NodeIndex;
            switch (fault.Spec)
            {
                case KillReplicasFault k:
                    node.Down |= index >= node.Replicas - k.Count;
                    node.Unroutable |= index >= node.Replicas - k.Count;
                    return true;
                case KillNodeFault killed when index == Math.Clamp(killed.NodeIndex, 0, node.Replicas - 1):
                    node.Down = true;
                    node.Unroutable |= fault.Detected || fault.DetectedNs == long.MaxValue;
                    return true;
                case KillNodeFault:
                    return true;
                case RollingDeployFault d:
                    node.Down |= index < d.BatchSize;
                    node.Unroutable |= index < d.BatchSize;
                    return true;
                case SlowNodeFault slow when index == Math.Clamp(slow.NodeIndex, 0, node.Replicas - 1):
                    node.SlowFactor = Math.Max(node.SlowFactor, slow.Factor);
                    node.SlowShare = 1;
                    return true;
                case SlowNodeFault:
                    return true;
                case LoseZoneFault:
                    var lost = node.Zones < 2 || index % node.Zones == 0;
                    node.Down |= lost;
                    node.Unroutable |= lost;
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>What a primary failure does as it starts, for the event log (empty for other faults); takes the count of unreplicated writes.</summary>
        private string PrimaryFailureStart(ActiveFault fault)
        {
            if (fault.Spec is not PrimaryFailureFault spec)
            {
                return "";
            }

            var st = _stations[fault.Stations[0]];
            fault.WritesFailedAtStart = st.WritesFailedDuringFailover;
            fault.UnreplicatedAtFailure = fault.LagWindowNs == long.MaxValue ? 0 : st.WritesAcknowledged - fault.AcknowledgedAtWindowOpen;
            if (st.LastWriteNs is null)
            {
                return $": no replica to promote, so '{st.Name}' is down until the primary is back";
            }

            return st.Primaries > 1
                ? string.Create(CultureInfo.InvariantCulture, $": one of {st.Primaries} primaries is down; the others take the writes")
                : string.Create(CultureInfo.InvariantCulture, $": the primary is down; writes fail until a replica is promoted (failover {DurationText.Format(spec.FailoverNs)})");
        }

        /// <summary>What a primary failure did, for the event log line of its end (empty for other faults).</summary>
        private string PrimaryFailureEnd(ActiveFault fault)
        {
            if (fault.Spec is not PrimaryFailureFault || _stations[fault.Stations[0]] is not { LastWriteNs: not null } st)
            {
                return "";
            }

            if (st.Primaries == 1 && !fault.Promoted)
            {
                return string.Create(CultureInfo.InvariantCulture, $": the primary is back before a replica was promoted; {st.WritesFailedDuringFailover - fault.WritesFailedAtStart:N0} writes failed; 0 acknowledged writes lost");
            }

            return ": the old primary rejoins as a replica";
        }

        /// <summary>A replica takes over as primary: the event log counts the writes refused meanwhile and the acknowledged writes the promotion loses.</summary>
        private void Promote(int index)
        {
            var fault = _faults[index];
            if (!fault.Active || fault.Promoted)
            {
                return;
            }

            fault.Promoted = true;
            var st = _stations[fault.Stations[0]];
            st.AcknowledgedWritesLost += fault.UnreplicatedAtFailure;
            var replication = st.SynchronousReplication
                ? "synchronous replication"
                : string.Create(CultureInfo.InvariantCulture, $"asynchronous replication, {SimTime.ToSeconds(fault.LagAtFailureNs) * 1000:0.###} ms behind");
            Log(string.Create(CultureInfo.InvariantCulture, $"{st.Name}: replica 1 promoted to primary, {SimTime.ToSeconds(_now - fault.Spec.StartNs):0.0} s after the primary failed; {st.WritesFailedDuringFailover - fault.WritesFailedAtStart:N0} writes failed; {fault.UnreplicatedAtFailure:N0} acknowledged writes lost ({replication})"));
            Recompute();
        }

        /// <summary>Write calls waiting for a primary that has just failed fail with it (as unavailable); reads keep their place.</summary>
        private void DropQueuedWrites(int s)
        {
            var station = _stations[s];
            var kept = 0;
            var count = station.Count;
            for (var i = 0; i < count; i++)
            {
                var at = (station.Head + i) % station.Line.Length;
                var r = station.Line[at];
                if (_flows[_flowOf[r]].IsWrite)
                {
                    station.WritesFailedDuringFailover++;
                    station.Count--;
                    LeftLine(r);
                    EndCall(s);
                    Fail(r, _flows[_flowOf[r]], FailCause.Unavailable);
                    Returned(r);
                    continue;
                }

                var to = (station.Head + kept) % station.Line.Length;
                station.Line[to] = r;
                station.LineSince[to] = station.LineSince[at];
                kept++;
            }
        }

        /// <summary>Sets every station's fault state from the faults active now, then starts queued work that may now run.</summary>
        private void Recompute()
        {
            var wasCold = _stations.Select(st => st.Cold).ToArray();
            var wasWiped = _stations.Select(st => st.Wiped).ToArray();
            foreach (var station in _stations)
            {
                Account(station);
                station.Down = false;
                station.Paused = false;
                station.HoldDeliveries = false;
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
                station.WritesDown = false;
                station.Wiped = false;
                station.Unroutable = false;
                station.ReplicaReadShare = station.BaseReplicaReadShare;
            }

            _hotShare = _faults.Where(f => f.Active).Select(f => f.Spec).OfType<HotKeyFault>().Select(h => h.Share).DefaultIfEmpty(0).Max();
            foreach (var fault in _faults.Where(f => f.Active))
            {
                foreach (var i in fault.Stations)
                {
                    var st = _stations[i];
                    if (st.NodeIndex >= 0 && ApplyToNode(fault, st))
                    {
                        continue;
                    }

                    var perReplica = st.BaseServers / Math.Max(1, st.Replicas);
                    switch (fault.Spec)
                    {
                        case KillReplicasFault k:
                            st.Killed += Math.Min(st.BaseServers, k.Count * perReplica);
                            st.Down |= st.BaseServers == 0 || k.Count >= st.Replicas;
                            st.Wiped |= k.Count >= st.Replicas;
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
                        case PrimaryFailureFault when st.LastWriteNs is null:
                        case PartitionFault:
                            st.Down = true;
                            break;
                        case PrimaryFailureFault:
                            // The failed primary's node is gone until the fault ends (it then rejoins as a replica).
                            st.Killed += perReplica;
                            var nodes = st.Primaries + st.ReplicaNodes;
                            if (st.Primaries > 1)
                            {
                                st.ReplicaReadShare = st.ReplicaNodes / (double)(nodes - 1);
                            }
                            else if (!fault.Promoted)
                            {
                                st.WritesDown = true;
                                st.ReplicaReadShare = 1;
                            }
                            else
                            {
                                st.ReplicaReadShare = nodes > 2 ? (st.ReplicaNodes - 1) / (double)(nodes - 1) : 0;
                            }

                            break;
                        case DiskFullFault:
                            st.WriteErrors = true;
                            break;
                        case ConsumerStoppedFault:
                            // A queue whose consumers stop keeps accepting messages and holds them; any other
                            // component (a worker, a consumer service) starts no new work.
                            st.HoldDeliveries |= st.IsMessaging;
                            st.Paused |= !st.IsMessaging;
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

            foreach (var node in _stations)
            {
                node.Balancer?.SetRoutable(node.NodeIndex, !node.Unroutable);
            }

            for (var s = 0; s < _stations.Count; s++)
            {
                var station = _stations[s];
                if (_now < _intervalEndNs)
                {
                    // A change at the very end of an interval belongs to the next one (its tick resets to the lag then).
                    station.IntervalMaxLagNs = Math.Max(station.IntervalMaxLagNs, station.LagNs);
                }

                // A cache with a keyspace that turns cold, or whose every replica dies, loses its entries (a write-back
                // cache its unflushed writes too) and then warms up again on its own.
                if (((station.Cold && !wasCold[s]) || (station.Wiped && !wasWiped[s])) && station.KeyCache is { } keyCache)
                {
                    keyCache.Clear();
                }

                // A component that goes down drops the calls waiting for it: their requests fail as unavailable.
                while (station.Down && station.Count > 0)
                {
                    var r = station.Line[station.Head];
                    station.Head = (station.Head + 1) % station.Line.Length;
                    station.Count--;
                    LeftLine(r);
                    EndCall(s);
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

            // A queue whose consumers are back delivers the messages it held, oldest first.
            foreach (var queue in _stations)
            {
                if (!queue.HoldDeliveries && queue.Held.Count > 0)
                {
                    for (var i = 0; i < queue.Held.Count; i++)
                    {
                        Advance(queue.Held[i]);
                    }

                    queue.Held.Clear();
                }
            }
        }
    }
}
