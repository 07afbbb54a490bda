using System.Globalization;
using DesignDrill.Core.Analysis;
using DesignDrill.Core.Catalog;
using DesignDrill.Core.Simulation.Faults;
using DesignDrill.Core.Simulation.Statistics;
using DesignDrill.Core.Simulation.Workloads;

namespace DesignDrill.Core.Simulation.Design;

// Compiling the design into stations and flow plans.
public static partial class DesignSimulator
{
    private sealed partial class DesignRun
    {
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

            var strategies = NodeStrategies(architecture);

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
                var strategy = strategies.GetValueOrDefault(c.Name);
                var nodes = strategy is not null && !isCache && !unbounded && shards == 1 && p.Replicas >= 2
                    && p.Component.KindInfo?.Category is not (ComponentCategory.Messaging or ComponentCategory.Storage) && p.Component.KindInfo?.Id != "rate_limiter"
                    ? Math.Min(p.Replicas, MaxNodes) : 0;
                if (nodes > 0 && strategy is not null)
                {
                    CompileNodes(c.Name, nodes, servers, Math.Max(1, p.Replicas), zoneCount, p.ServiceTimeSeconds, strategy, groupOf);
                    continue;
                }

                if (strategy is not null)
                {
                    _notes.Add($"'{c.Name}' is simulated as one pool of servers: per-node balancing is modelled for a replicated service, not for a cache, store, queue, limiter or sharded component");
                }

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
                        IsDatabase = !isCache && p.Component.KindInfo?.Category == ComponentCategory.Storage,
                        HitRatio = Math.Clamp(p.HitRatio ?? 0, 0, 1),
                        QueueLimit = shardServers == 0 ? 0 : (int)Math.Min(int.MaxValue / 2, (long)shardServers * _options.QueuePerServer),
                        Waits = new BatchMeans(_options.BatchCount, WarmUp.UntilTime(_warmNs)),
                    });
                    if (isCache && _options.Keyspace is { } keyspace)
                    {
                        var entries = Math.Min(Behaviours.EvictingCache.MaxCapacity, Math.Max(0, Math.Floor(memoryBytes / shards / keyspace.ItemBytes)));
                        _stations[^1].KeyCache = KeyCacheFor(p.Component, (int)entries, ttlNs, k == 0);
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
                    var replication = p.Component.Declaration.GetSetting("replication")?.ValueText?.Trim().ToLowerInvariant().Replace('-', '_');
                    var synchronous = replication is not null && SynchronousReplicationWords.Contains(replication);
                    foreach (var k in group)
                    {
                        _stations[k].Primaries = primaryCount;
                        _stations[k].ReplicaNodes = replicaCount;
                        _stations[k].SynchronousReplication = synchronous;
                        _stations[k].BaseReplicaReadShare = replicaCount / (double)(primaryCount + replicaCount);
                        _stations[k].ReplicaReadShare = _stations[k].BaseReplicaReadShare;
                        _stations[k].BaseLagNs = DefaultReplicationLagNs;
                        _stations[k].LagNs = DefaultReplicationLagNs;
                        _stations[k].IntervalMaxLagNs = DefaultReplicationLagNs;
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

                        // A queue's backlog is bounded by its retention, not by an accept queue: the run's in-flight cap bounds it.
                        _stations[k].QueueLimit = int.MaxValue / 2;
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

                plan.ConsumesFrom = new int[steps.Count];
                for (var i = 0; i < steps.Count; i++)
                {
                    var caller = plan.Caller[i];
                    plan.ConsumesFrom[i] = caller >= 0 && caller < i && plan.Station[caller] >= 0 && _stations[_groups[plan.Station[caller]][0]].IsMessaging ? plan.Station[caller] : -1;
                }

                foreach (var (targetFlow, percentile, boundSeconds) in Review.ReviewRules.FlowTargets(_report))
                {
                    if (percentile is not null && string.Equals(targetFlow, flow.Name, StringComparison.OrdinalIgnoreCase) && boundSeconds > 0 && double.IsFinite(boundSeconds))
                    {
                        plan.GoodputTargetSeconds = Math.Min(plan.GoodputTargetSeconds, boundSeconds);
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

            _visibleFlows = _flows.Count;
            CompileCacheWrites();

            foreach (var fault in _options.Faults)
            {
                CompileFault(fault, groupOf);
            }
        }

        /// <summary>
        /// The components whose replicas are simulated one station per node, with the strategy that picks the node: those
        /// that a component with a <c>strategy</c> setting (a load balancer, gateway or proxy) calls in some flow AND that a
        /// per-node fault (<c>slow-node</c>, <c>kill-node</c>) targets. Every other replicated component stays one pooled
        /// M/M/c station (the analytic model's, and the fastest to simulate).
        /// </summary>
        private Dictionary<string, string> NodeStrategies(Architecture.BoundArchitecture architecture)
        {
            var targeted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var fault in _options.Faults)
            {
                if (fault is SlowNodeFault { Component: var slow })
                {
                    targeted.Add(slow);
                }
                else if (fault is KillNodeFault { Component: var killed })
                {
                    targeted.Add(killed);
                }
            }

            var strategies = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var flow in architecture.Flows)
            {
                var steps = flow.Declaration.Steps;
                for (var i = 0; i < steps.Count && targeted.Count > 0; i++)
                {
                    var caller = steps[i].CallerIndex(i);
                    if (caller >= 0 && targeted.Contains(steps[i].Component)
                        && architecture.FindComponent(steps[caller].Component)?.Declaration.GetSetting("strategy")?.ValueText is { } strategy)
                    {
                        strategies.TryAdd(steps[i].Component, strategy.Trim().ToLowerInvariant().Replace('-', '_'));
                    }
                }
            }

            return strategies;
        }

        /// <summary>
        /// A replicated service simulated node by node: one station per replica (its share of the servers and its own
        /// waiting line), with the balancer of the strategy in front picking the node of each call.
        /// </summary>
        private void CompileNodes(string name, int nodes, int servers, int replicas, int zones, double serviceSeconds, string strategy, Dictionary<string, int> groupOf)
        {
            Behaviours.ILoadBalancer balancer = strategy switch
            {
                "least_connections" or "least_conn" or "least_requests" => new Behaviours.LeastConnectionsBalancer(nodes),
                "power_of_two" or "power_of_two_choices" or "p2c" => new Behaviours.PowerOfTwoChoicesBalancer(nodes),
                "random" => new Behaviours.RandomBalancer(nodes),
                "consistent_hash" or "consistent_hashing" or "ip_hash" => new Behaviours.ConsistentHashBalancer(nodes),
                _ => new Behaviours.RoundRobinBalancer(nodes),
            };
            if (strategy is not ("round_robin" or "least_connections" or "least_conn" or "least_requests" or "power_of_two" or "power_of_two_choices" or "p2c" or "random" or "consistent_hash" or "consistent_hashing" or "ip_hash"))
            {
                _notes.Add($"'{name}' is balanced by {strategy}; simulated as round robin");
            }

            var perNode = Math.Max(1, servers / replicas);
            var group = new int[nodes];
            for (var k = 0; k < nodes; k++)
            {
                group[k] = _stations.Count;
                _stations.Add(new Station
                {
                    Name = string.Create(CultureInfo.InvariantCulture, $"{name}#{k}"),
                    ComponentName = name,
                    BaseServers = perNode,
                    Replicas = nodes,
                    Zones = zones,
                    Servers = perNode,
                    MeanServiceNs = double.IsFinite(serviceSeconds) && serviceSeconds > 0 ? serviceSeconds * SimTime.NanosecondsPerSecond : 0,
                    IsCache = false,
                    HitRatio = 0,
                    QueueLimit = (int)Math.Min(int.MaxValue / 2, (long)perNode * _options.QueuePerServer),
                    Waits = new BatchMeans(_options.BatchCount, WarmUp.UntilTime(_warmNs)),
                    Balancer = balancer,
                    NodeIndex = k,
                    Nodes = group,
                });
            }

            groupOf[name] = _groups.Count;
            _groups.Add(group);
        }

        /// <summary>
        /// The keyspace cache of a cache component: LFU when its <c>eviction</c> names it (<c>lfu</c>, <c>allkeys_lfu</c>,
        /// <c>volatile_lfu</c>), else LRU (other named policies, such as <c>fifo</c>, are simulated as LRU, with a note);
        /// its write policy from a bare <c>write_through</c> or <c>write_back</c> (<c>write_behind</c>), else cache-aside.
        /// </summary>
        private Behaviours.EvictingCache KeyCacheFor(Architecture.BoundComponent component, int entries, long ttlNs, bool note)
        {
            var eviction = component.Declaration.GetSetting("eviction")?.ValueText?.Trim().ToLowerInvariant().Replace('-', '_');
            var policyText = component.Declaration.GetSetting("write_policy")?.ValueText?.Trim().ToLowerInvariant().Replace('-', '_');
            var policy = policyText switch
            {
                "write_through" => Behaviours.CachePolicy.WriteThrough,
                "write_back" or "write_behind" => Behaviours.CachePolicy.WriteBack,
                _ => Behaviours.CachePolicy.CacheAside,
            };
            if (note && policyText is "write_around" or "read_through")
            {
                _notes.Add($"'{component.Name}' is {policyText}; simulated as cache-aside (writes go to the store and delete the cached entry)");
            }

            if (eviction is "lfu" or "allkeys_lfu" or "volatile_lfu")
            {
                return new Behaviours.LfuCache(entries, policy, ttlNs);
            }

            if (note && eviction is not null && !eviction.EndsWith("lru", StringComparison.Ordinal))
            {
                _notes.Add($"'{component.Name}' evicts by {eviction}; simulated as LRU");
            }

            return new Behaviours.LruCache(entries, policy, ttlNs);
        }

        /// <summary>
        /// Where writes meet caches: the store each cache is in front of (an <c>on miss</c> step behind it in a flow), for a
        /// write flow's step at such a store the cache it must write too (when the flow does not name the cache itself),
        /// the steps a write-back cache in the flow defers, and a hidden flow per write-back cache that carries its
        /// write-backs to the store.
        /// </summary>
        private void CompileCacheWrites()
        {
            var cacheOf = new Dictionary<int, int>();
            foreach (var plan in _flows)
            {
                for (var i = 0; i < plan.Station.Length; i++)
                {
                    if (plan.OnMiss[i] && plan.Gate[i] >= 0 && plan.Station[i] >= 0 && !_stations[_groups[plan.Station[i]][0]].IsCache)
                    {
                        cacheOf.TryAdd(plan.Station[i], plan.Station[plan.Gate[i]]);
                    }
                }
            }

            foreach (var (store, cache) in cacheOf)
            {
                foreach (var k in _groups[cache])
                {
                    if (_stations[k].BackingGroup < 0)
                    {
                        _stations[k].BackingGroup = store;
                    }
                }
            }

            foreach (var plan in _flows)
            {
                plan.FrontCache = [.. Enumerable.Repeat(-1, plan.Station.Length)];
                plan.DeferredBy = [.. Enumerable.Repeat(-1, plan.Station.Length)];
                for (var j = 0; j < plan.Station.Length && plan.IsWrite; j++)
                {
                    if (plan.Station[j] < 0 || !cacheOf.TryGetValue(plan.Station[j], out var cache) || _stations[_groups[cache][0]].KeyCache is null)
                    {
                        continue;
                    }

                    var named = Array.LastIndexOf(plan.Station, cache, j);
                    if (named < 0)
                    {
                        plan.FrontCache[j] = cache;
                    }
                    else if (_stations[_groups[cache][0]].KeyCache!.Policy == Behaviours.CachePolicy.WriteBack)
                    {
                        plan.DeferredBy[j] = named;
                    }
                }
            }

            for (var g = 0; g < _groups.Count; g++)
            {
                var first = _stations[_groups[g][0]];
                if (first.KeyCache is not { Policy: Behaviours.CachePolicy.WriteBack })
                {
                    continue;
                }

                if (first.BackingGroup < 0)
                {
                    _notes.Add($"'{first.Name}' is write-back but no flow reads a store through it on a miss; its writes are never written back");
                    continue;
                }

                // One hidden flow per shard, so each shard counts the write-backs the store refused.
                foreach (var k in _groups[g])
                {
                    _stations[k].WriteBackPlan = _flows.Count;
                    _flows.Add(new FlowPlan
                    {
                        Name = _stations[k].Name + " write-back",
                        RatePerSecond = 0,
                        IsWrite = true,
                        Hidden = true,
                        WriteBackCache = k,
                        Start = 0,
                        LastOnPath = 0,
                        Station = [first.BackingGroup],
                        Caller = [-1],
                        OnMiss = [false],
                        Gate = [-1],
                        FanOut = [1],
                        QueueBefore = [-1],
                        ConsumesFrom = [-1],
                        FrontCache = [-1],
                        DeferredBy = [-1],
                        Latency = new BatchMeans(_options.BatchCount, WarmUp.UntilTime(_warmNs)),
                        IntervalHistogram = new long[LogHistogram.BucketCount],
                    });
                }
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
    }
}
