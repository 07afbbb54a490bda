using DesignDrill.Core.Analysis.Queueing;
using DesignDrill.Core.Architecture;
using DesignDrill.Core.Catalog;

namespace DesignDrill.Core.Analysis;

/// <summary>
/// The analytic model (docs/analysis.md): offered load per component from the flows (rate × visits, with cache-miss
/// branches and fan-out), capacity and utilisation, M/M/c queueing per component, latency per flow with percentiles,
/// availability per flow, single points of failure, headroom and monthly cost. Deterministic and allocation-light;
/// never throws for a bound architecture.
/// </summary>
public static class ArchitectureAnalyzer
{
    /// <summary>
    /// Largest number of M/M/c servers modelled exactly; a component with more is treated as never queueing (its wait
    /// is below a microsecond at any utilisation under 0.9999 long before this size; rule of thumb that keeps Erlang C,
    /// which is O(servers), fast).
    /// </summary>
    public const int MaxExactServers = 10_000;

    /// <summary>Seconds in the 30-day month used for cost (rule of thumb; cloud price sheets use 730 hours, 0.4% more).</summary>
    public const double SecondsPerMonth = 30 * 86_400;

    /// <summary>Analyses a bound architecture with the given component figures.</summary>
    /// <param name="architecture">The architecture with its rates evaluated.</param>
    /// <param name="parameters">Figures per component (design over catalog), one per declared component, by name.</param>
    /// <param name="storageNeeds">Data each store must hold (see <see cref="StorageNeeds.Match"/>); none when omitted.</param>
    /// <returns>The analysis.</returns>
    public static ArchitectureAnalysis Analyze(
        BoundArchitecture architecture, IReadOnlyDictionary<string, ComponentParameters> parameters, IReadOnlyDictionary<string, StorageNeed>? storageNeeds = null)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(parameters);

        var loads = ComputeLoads(architecture, parameters);
        var components = new List<ComponentAnalysis>(architecture.Components.Count);
        foreach (var component in architecture.Components)
        {
            if (!parameters.TryGetValue(component.Name, out var p))
            {
                continue;
            }

            loads.TryGetValue(component.Name, out var load);
            var analysis = AnalyzeComponent(p, load ?? new Load());
            if (storageNeeds is not null && storageNeeds.TryGetValue(component.Name, out var need))
            {
                analysis = analysis with { StorageNeed = need };
            }

            components.Add(analysis);
        }

        var byName = components.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        var flows = architecture.Flows.Select(f => AnalyzeFlow(f, byName, HandOffOrigin(architecture, f) ? 1 : 0)).ToList();
        var headroom = components
            .Where(c => c.OfferedLoadPerSecond > 0 && c.CapacityPerSecond > 0 && double.IsFinite(c.CapacityPerSecond))
            .Select(c => new Headroom(c.CapacityPerSecond / c.OfferedLoadPerSecond, c.Name))
            .OrderBy(h => h.Multiple)
            .FirstOrDefault();
        var spofs = components.Where(c => c.OnRequestPath && c.Parameters.Replicas == 1 && !c.Parameters.IsManaged).ToList();
        double? cost = null;
        foreach (var c in components)
        {
            var monthly = (c.Parameters.CostPerMonthUsd ?? 0) * c.Parameters.Replicas
                + ((c.Parameters.CostPerMillionRequestsUsd ?? 0) * c.OfferedLoadPerSecond * SecondsPerMonth / 1e6);
            if (c.Parameters.CostPerMonthUsd is not null || c.Parameters.CostPerMillionRequestsUsd is not null)
            {
                cost = (cost ?? 0) + monthly;
            }
        }

        return new ArchitectureAnalysis(components, flows, headroom, spofs, cost);
    }

    /// <summary>Reads and writes per second offered to each component, and which flows reach it.</summary>
    private static Dictionary<string, Load> ComputeLoads(BoundArchitecture architecture, IReadOnlyDictionary<string, ComponentParameters> parameters)
    {
        var loads = new Dictionary<string, Load>(StringComparer.OrdinalIgnoreCase);
        foreach (var flow in architecture.Flows)
        {
            if (flow.RatePerSecond is not { } rate || rate <= 0)
            {
                continue;
            }

            var visits = Visits(flow, parameters);
            var origin = HandOffOrigin(architecture, flow);
            var onPath = RequestPath(flow, parameters, origin ? 1 : 0);
            var steps = flow.Declaration.Steps;
            for (var i = 0; i < steps.Count; i++)
            {
                if (!parameters.ContainsKey(steps[i].Component) || (i == 0 && origin))
                {
                    continue;
                }

                if (!loads.TryGetValue(steps[i].Component, out var load))
                {
                    load = new Load();
                    loads[steps[i].Component] = load;
                }

                var offered = rate * visits[i];
                var handOff = steps[i].EdgeIn == EdgeKind.Async && IsMessaging(steps[i].Component, parameters);
                if (handOff || Operation(architecture, flow) == FlowOperation.Write)
                {
                    load.Writes += offered;
                }
                else
                {
                    load.Reads += offered;
                }

                load.OnRequestPath |= onPath[i];
                if (!load.Flows.Contains(flow.Name, StringComparer.OrdinalIgnoreCase))
                {
                    load.Flows.Add(flow.Name);
                }
            }
        }

        return loads;
    }

    /// <summary>
    /// A flow's read or write operation: as declared, or for an <c>after</c> flow that declares none, its trigger's
    /// (a hand-off into a queue or stream is always a write, whatever the flow).
    /// </summary>
    private static FlowOperation Operation(BoundArchitecture architecture, BoundFlow flow)
    {
        var current = flow;
        for (var depth = 0; depth < 64 && current.Declaration.Operation == FlowOperation.Unspecified; depth++)
        {
            if (current.Declaration.AfterFlow is not { } after || architecture.FindFlow(after) is not { } trigger)
            {
                break;
            }

            current = trigger;
        }

        return current.Declaration.Operation;
    }

    /// <summary>
    /// True when <paramref name="flow"/> runs <c>after</c> another flow and starts at a component that flow already
    /// passes through: that first step is where the hand-off happens, not a new request, so it carries no extra load
    /// (<c>flow clicks after redirect: api =&gt; events</c> does not load <c>api</c> a second time).
    /// </summary>
    internal static bool HandOffOrigin(BoundArchitecture architecture, BoundFlow flow)
    {
        if (flow.Declaration.AfterFlow is not { } after || flow.Declaration.Steps.Count == 0
            || architecture.FindFlow(after) is not { } trigger)
        {
            return false;
        }

        var first = flow.Declaration.Steps[0].Component;
        return trigger.Declaration.Steps.Any(s => string.Equals(s.Component, first, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Expected visits to each step per arrival: the caller's visits × the step's fan-out × the miss ratio of the
    /// nearest cache before it when the step is a cache-miss branch.
    /// </summary>
    internal static double[] Visits(BoundFlow flow, IReadOnlyDictionary<string, ComponentParameters> parameters)
    {
        var steps = flow.Declaration.Steps;
        var visits = new double[steps.Count];
        for (var i = 0; i < steps.Count; i++)
        {
            var caller = steps[i].CallerIndex(i);
            var v = (caller >= 0 && caller < i ? visits[caller] : 1) * (i < flow.FanOut.Count ? flow.FanOut[i] : 1);
            if (steps[i].OnMiss)
            {
                v *= 1 - MissGate(flow, i, parameters);
            }

            visits[i] = v;
        }

        return visits;
    }

    /// <summary>
    /// Probability that one arrival reaches each step at all (fan-out aside): the caller's probability × the miss ratio
    /// of the nearest cache before it when the step is a cache-miss branch.
    /// </summary>
    internal static double[] Reach(BoundFlow flow, IReadOnlyDictionary<string, ComponentParameters> parameters)
    {
        var steps = flow.Declaration.Steps;
        var reach = new double[steps.Count];
        for (var i = 0; i < steps.Count; i++)
        {
            var caller = steps[i].CallerIndex(i);
            reach[i] = (caller >= 0 && caller < i ? reach[caller] : 1) * (steps[i].OnMiss ? 1 - MissGate(flow, i, parameters) : 1);
        }

        return reach;
    }

    /// <summary>The hit ratio of the nearest cache before step <paramref name="index"/> (0 when there is none).</summary>
    private static double MissGate(BoundFlow flow, int index, IReadOnlyDictionary<string, ComponentParameters> parameters)
    {
        for (var j = index - 1; j >= 0; j--)
        {
            if (parameters.TryGetValue(flow.Declaration.Steps[j].Component, out var p) && p.HitRatio is { } hit)
            {
                return Math.Clamp(hit, 0, 1);
            }
        }

        return 0;
    }

    /// <summary>
    /// Which steps the arrival waits on. The first step is on the path; a step reached by <c>-&gt;</c> from a step on
    /// the path is on it; a step reached by <c>=&gt;</c> is on it only when it is a queue, stream or pub/sub that a
    /// non-messaging caller enqueues to (the caller waits for the enqueue, not for the consumers). A flow that starts
    /// at a messaging component measures one message's processing: its first consumer is on the path. Steps before
    /// <paramref name="start"/> (a hand-off origin) are not on the path, but what they call is.
    /// </summary>
    internal static bool[] RequestPath(BoundFlow flow, IReadOnlyDictionary<string, ComponentParameters> parameters, int start = 0)
    {
        var steps = flow.Declaration.Steps;
        var on = new bool[steps.Count];
        if (steps.Count <= start)
        {
            return on;
        }

        on[start] = true;
        var startsAtMessaging = IsMessaging(steps[start].Component, parameters);
        for (var i = start + 1; i < steps.Count; i++)
        {
            // Steps called by a hand-off origin (the steps before start, already loaded by the triggering flow) are
            // on the path like steps called by the first step: 'after hold: api -> psp + inventory' waits on both.
            var caller = steps[i].CallerIndex(i);
            var callerOn = caller >= start ? caller < i && on[caller] : caller >= 0;
            if (caller < 0 || caller >= i || !callerOn)
            {
                continue;
            }

            var callerIsMessaging = IsMessaging(steps[caller].Component, parameters);
            on[i] = steps[i].EdgeIn switch
            {
                EdgeKind.Async when caller == start && startsAtMessaging => true,
                EdgeKind.Async => !callerIsMessaging && IsMessaging(steps[i].Component, parameters),
                _ => true,
            };
        }

        return on;
    }

    private static bool IsMessaging(string component, IReadOnlyDictionary<string, ComponentParameters> parameters) =>
        parameters.TryGetValue(component, out var p) && p.Component.KindInfo?.Category == ComponentCategory.Messaging;

    private static ComponentAnalysis AnalyzeComponent(ComponentParameters p, Load load)
    {
        var total = load.Reads + load.Writes;
        var readShare = total > 0 ? load.Reads / total : 1;
        var capacity = MixedCapacity(p.ReadCapacityPerReplica * p.ReadNodes, p.WriteCapacityPerReplica * p.WriteNodes, readShare);
        var nodes = Math.Max(1, Math.Max(p.ReadNodes, p.WriteNodes));
        var perNode = capacity / nodes;

        // Each node works on about capacity × service time requests at once (Little's law); at least one. The queue
        // is modelled with those servers at the stated service time, so a hop never looks slower than stated; the
        // stated capacity still decides utilisation and saturation.
        var concurrency = double.IsFinite(perNode)
            ? Math.Max(1, (int)Math.Min(int.MaxValue / 2, Math.Ceiling((perNode * p.ServiceTimeSeconds) - 1e-9)))
            : 1;
        var servers = (long)concurrency * nodes;
        MmcResult? queue = null;
        var serviceRate = 1 / p.ServiceTimeSeconds;
        if (total > 0 && capacity > 0 && double.IsFinite(total) && double.IsFinite(capacity) && total < capacity
            && double.IsFinite(serviceRate) && serviceRate > 0)
        {
            if (servers <= MaxExactServers)
            {
                queue = MmcQueue.Analyze((int)servers, total, serviceRate);
            }
            else
            {
                // Very wide components: scaled down to MaxExactServers servers at the same utilisation.
                var scaled = (int)MaxExactServers;
                queue = MmcQueue.Analyze(scaled, total * scaled / servers, serviceRate);
            }
        }

        var availability = ComponentAvailability(p);
        return new ComponentAnalysis(
            p, load.Reads, load.Writes, capacity, (int)Math.Min(servers, int.MaxValue), queue, availability, load.OnRequestPath, load.Flows);
    }

    /// <summary>Capacity at a read/write mix: the harmonic mix 1 / (r / reads + w / writes) of the read and write capacities.</summary>
    private static double MixedCapacity(double reads, double writes, double readShare)
    {
        if (reads <= 0 || writes <= 0)
        {
            return Math.Max(0, readShare >= 0.5 ? reads : writes);
        }

        return 1 / ((readShare / reads) + ((1 - readShare) / writes));
    }

    /// <summary>Parallel over replicas (any one up), or k-of-n when the design names a quorum.</summary>
    private static double ComponentAvailability(ComponentParameters p)
    {
        var a = Math.Clamp(p.Availability, 0, 1);
        var n = Math.Max(1, p.Replicas);
        var quorum = p.Component.Declaration.GetSetting("quorum")?.ValueText;
        if (quorum is not null && int.TryParse(quorum, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var k) && k >= 1 && k <= n)
        {
            return Estimation.Availability.KOfN(a, k, n);
        }

        return Estimation.Availability.Parallel(a, n);
    }

    private static FlowAnalysis AnalyzeFlow(BoundFlow flow, Dictionary<string, ComponentAnalysis> components, int start)
    {
        var parameters = components.ToDictionary(c => c.Key, c => c.Value.Parameters, StringComparer.OrdinalIgnoreCase);
        var steps = flow.Declaration.Steps;
        var onPath = RequestPath(flow, parameters, start);
        var reach = Reach(flow, parameters);
        var hops = new List<HopLatency>();
        var saturated = new List<string>();
        double availability = 1;
        var unstable = false;
        for (var i = 0; i < steps.Count; i++)
        {
            if (!components.TryGetValue(steps[i].Component, out var component))
            {
                continue;
            }

            if (component.IsSaturated && component.OfferedLoadPerSecond > 0 && !saturated.Contains(component.Name, StringComparer.OrdinalIgnoreCase))
            {
                saturated.Add(component.Name);
            }

            if (!onPath[i] || component.Parameters.Component.KindInfo?.Category == ComponentCategory.Client)
            {
                continue;
            }

            var probability = reach[i];

            // A request fails when a component it actually visits is down: a cache-miss branch only costs the
            // requests that miss (1 − reach × unavailability).
            availability *= 1 - (probability * (1 - component.Availability));
            var fanOut = FanOut(flow, i);
            double mean, second;
            if (component.Parameters.IsUnbounded && 1 / component.Parameters.ServiceTimeSeconds is var rate && double.IsFinite(rate) && rate > 0)
            {
                // No queueing: one exponential service time (the slowest of N for a fan-out, by the same integral).
                (mean, second) = HopMoments(MmcQueue.Analyze(1, 0, rate), fanOut);
            }
            else if (!component.IsSaturated && component.Queue is { IsSaturated: false } queue)
            {
                (mean, second) = HopMoments(queue, fanOut);
            }
            else
            {
                unstable |= component.IsSaturated;
                hops.Add(new HopLatency(component.Name, i, probability, fanOut, double.NaN, double.NaN));
                continue;
            }

            var contributionMean = probability * mean;
            var contributionVariance = (probability * second) - (contributionMean * contributionMean);
            hops.Add(new HopLatency(component.Name, i, probability, fanOut, contributionMean, Math.Max(0, contributionVariance)));
        }

        LatencySummary? latency = null;
        if (flow.RatePerSecond is > 0 && !unstable && hops.Count > 0 && hops.All(h => double.IsFinite(h.MeanSeconds)))
        {
            latency = PathLatency.Summarize(hops.Sum(h => h.MeanSeconds), hops.Sum(h => h.VarianceSecondsSquared));
        }

        return new FlowAnalysis(flow, hops, latency, availability, saturated);
    }

    private static double FanOut(BoundFlow flow, int index) => index < flow.FanOut.Count ? Math.Max(1, flow.FanOut[index]) : 1;

    /// <summary>
    /// First and second moments of one visit's time at a component: the M/M/c response time, or for a parallel fan-out
    /// of N the slowest of N independent response times (integrated numerically from the response-time CDF).
    /// </summary>
    internal static (double Mean, double SecondMoment) HopMoments(MmcResult queue, double fanOut)
    {
        var mu = queue.ServiceRatePerSecond;
        var theta = (queue.Servers * mu) - queue.ArrivalRatePerSecond;
        var pw = queue.WaitProbability;
        var meanService = 1 / mu;
        if (fanOut <= 1)
        {
            var meanWait = theta > 0 ? pw / theta : 0;
            var waitSecond = theta > 0 ? 2 * pw / (theta * theta) : 0;
            var mean = meanWait + meanService;
            var second = waitSecond + (2 * meanWait * meanService) + (2 * meanService * meanService);
            return (mean, second);
        }

        // E[max] = ∫ (1 − F(t)^N) dt and E[max²] = ∫ 2t (1 − F(t)^N) dt, by Simpson's rule up to a time beyond which
        // the tail is negligible.
        var end = queue.ResponsePercentileSeconds(1 - (1e-9 / fanOut)) * 1.05;
        const int Intervals = 2_000;
        var h = end / Intervals;
        double m1 = 0, m2 = 0;
        for (var k = 0; k <= Intervals; k++)
        {
            var t = k * h;
            var tail = 1 - Math.Pow(queue.ResponseCdf(t), fanOut);
            var weight = k == 0 || k == Intervals ? 1 : (k % 2 == 1 ? 4 : 2);
            m1 += weight * tail;
            m2 += weight * 2 * t * tail;
        }

        return (m1 * h / 3, m2 * h / 3);
    }

    private sealed class Load
    {
        public double Reads { get; set; }

        public double Writes { get; set; }

        public bool OnRequestPath { get; set; }

        public List<string> Flows { get; } = [];
    }
}
