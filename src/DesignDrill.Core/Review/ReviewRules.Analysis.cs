using System.Globalization;
using System.Text.RegularExpressions;
using DesignDrill.Core.Analysis;
using DesignDrill.Core.Architecture;
using DesignDrill.Core.Catalog;
using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Estimation;

namespace DesignDrill.Core.Review;

/// <content>Rules that read the analytic model's numbers (REV030–REV049).</content>
public static partial class ReviewRules
{
    /// <summary>
    /// Utilisation above which a tier is called hot at peak: 70% (rule of thumb: M/M/c waits grow sharply past it, and
    /// it leaves room to lose a replica; see docs/concepts/capacity-and-utilisation.md).
    /// </summary>
    public const double HotUtilization = 0.70;

    /// <summary>Headroom the design should have over its stated peak: 2x (rule of thumb for surviving a spike or a lost replica without re-architecting).</summary>
    public const double ExpectedHeadroom = 2.0;

    /// <summary>Read-to-write ratio from which a read path is called read-heavy: 10:1 (the issue's threshold; typical of URL shorteners, feeds, catalogues).</summary>
    public const double ReadHeavyRatio = 10.0;

    /// <summary>Rules on load, latency, availability and sizing.</summary>
    private static IReadOnlyList<ReviewRule> AnalysisRules { get; } =
    [
        new("REV030", "hot-tier", RubricDimension.Scalability,
            "A component runs above 70% utilisation at the design's own peak.", HotTiers) { Concept = "docs/concepts/capacity-and-utilisation.md" },
        new("REV031", "saturated-tier", RubricDimension.Scalability,
            "A component is offered more load than it can serve (utilisation ≥ 100%): it sheds requests.", SaturatedTiers) { Concept = "docs/concepts/capacity-and-utilisation.md" },
        new("REV032", "no-headroom", RubricDimension.Scalability,
            "The design cannot take twice its stated peak: some component saturates below 2x.", NoHeadroom) { Concept = "docs/concepts/headroom.md" },
        new("REV033", "latency-target-missed", RubricDimension.Scalability,
            "A flow's latency at the target's percentile exceeds the stated bound; the finding names the hop that dominates.", LatencyTargetsMissed) { Concept = "docs/concepts/latency-percentiles.md" },
        new("REV034", "single-point-of-failure", RubricDimension.Reliability,
            "A component on a request path runs as a single instance and is not a managed service.", SinglePointsOfFailure) { Concept = "docs/concepts/single-points-of-failure.md" },
        new("REV035", "read-heavy-without-cache", RubricDimension.Scalability,
            "A read path that outweighs the writes 10:1 or more reaches a database with no cache in front of it.", ReadHeavyWithoutCache) { Concept = "docs/concepts/caching.md" },
        new("REV036", "cache-smaller-than-hot-set", RubricDimension.Scalability,
            "The caches hold less memory than the estimates say the hot set needs.", CacheSmallerThanHotSet) { Concept = "docs/concepts/caching.md" },
        new("REV037", "over-engineering", RubricDimension.TradeOffs,
            "Sharding, a stream platform or several regions where the estimates fit one node with room to spare.", OverEngineering) { Concept = "docs/concepts/over-engineering.md" },
        new("REV038", "data-beyond-one-node-without-partition-key", RubricDimension.DataModelling,
            "The stored data outgrows one node, but neither the store nor its entities name a partition key.", DataWithoutPartitionKey) { Concept = "docs/concepts/partitioning.md" },
        new("REV039", "availability-target-missed", RubricDimension.Reliability,
            "A flow's availability, from its components in series, is below the stated availability target.", AvailabilityTargetsMissed) { Concept = "docs/concepts/availability.md" },
        new("REV040", "architecture-contradicts-estimates", RubricDimension.Communication,
            "An estimate sizes a component (api_servers, cache_nodes, events_partitions) differently from what the architecture declares.", ArchitectureContradictsEstimates) { Concept = "docs/concepts/back-of-the-envelope.md" },
    ];

    private static string Percent(double fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Rate(double perSecond, ReviewContext c) => new Quantity(perSecond, Dimension.Rate).Format(c.Conventions);

    private static string Time(double seconds, ReviewContext c) => new Quantity(seconds, Dimension.Time).Format(c.Conventions);

    private static IEnumerable<Finding> HotTiers(ReviewContext c)
    {
        var rule = Rule("REV030");
        foreach (var component in c.Analysis.Components.Where(x => x.Utilization > HotUtilization && !x.IsSaturated))
        {
            yield return rule.At(
                Severity.Warning,
                component.Parameters.Component.Declaration.NameSpan,
                $"'{component.Name}' runs at {Percent(component.Utilization)} at peak ({Rate(component.OfferedLoadPerSecond, c)} of {Rate(component.CapacityPerSecond, c)}): queues grow fast past 70%, and losing one of its {component.Parameters.Replicas} replica(s) would overload it",
                $"add replicas until it is under 70% (about {Math.Ceiling(component.OfferedLoadPerSecond / (HotUtilization * component.CapacityPerSecond / component.Parameters.Replicas))} replicas), or take load off it with a cache",
                new Dictionary<string, double>
                {
                    ["utilization"] = component.Utilization,
                    ["offeredLoadPerSecond"] = component.OfferedLoadPerSecond,
                    ["capacityPerSecond"] = component.CapacityPerSecond,
                });
        }
    }

    private static IEnumerable<Finding> SaturatedTiers(ReviewContext c)
    {
        var rule = Rule("REV031");
        foreach (var component in c.Analysis.Components.Where(x => x.IsSaturated && x.OfferedLoadPerSecond > 0))
        {
            var perReplica = component.CapacityPerSecond / component.Parameters.Replicas;
            yield return rule.At(
                Severity.Error,
                component.Parameters.Component.Declaration.NameSpan,
                $"'{component.Name}' is offered {Rate(component.OfferedLoadPerSecond, c)} but serves {Rate(component.CapacityPerSecond, c)} ({Percent(component.Utilization)}): it must shed {Rate(component.ShedPerSecond, c)} at peak",
                perReplica > 0 && double.IsFinite(perReplica)
                    ? $"it needs at least {Math.Ceiling(component.OfferedLoadPerSecond / perReplica)} replicas at {Rate(perReplica, c)} each just to keep up, more for headroom; or cut its load (cache, batching)"
                    : "give it capacity: replicas and a per-replica rate",
                new Dictionary<string, double>
                {
                    ["utilization"] = component.Utilization,
                    ["offeredLoadPerSecond"] = component.OfferedLoadPerSecond,
                    ["capacityPerSecond"] = component.CapacityPerSecond,
                    ["shedPerSecond"] = component.ShedPerSecond,
                });
        }
    }

    private static IEnumerable<Finding> NoHeadroom(ReviewContext c)
    {
        if (c.Analysis.Headroom is not { } headroom || headroom.Multiple < 1 || headroom.Multiple >= ExpectedHeadroom)
        {
            yield break;
        }

        var component = c.Analysis.FindComponent(headroom.Component)!;
        yield return Rule("REV032").At(
            AtLeastSenior(c) ? Severity.Warning : Severity.Info,
            component.Parameters.Component.Declaration.NameSpan,
            $"at {headroom.Multiple.ToString("0.##", CultureInfo.InvariantCulture)}x today's peak, '{headroom.Component}' saturates first: the design cannot absorb a 2x spike or the loss of capacity during a deploy",
            $"size '{headroom.Component}' for at least 2x peak, or say how it scales out (autoscaling on utilisation)",
            new Dictionary<string, double> { ["headroomMultiple"] = headroom.Multiple });
    }

    private static IEnumerable<Finding> LatencyTargetsMissed(ReviewContext c)
    {
        var rule = Rule("REV033");
        foreach (var nfr in c.Document.Requirements.NonFunctional.Where(n => n.Kind == NfrKind.Latency && n.IsMeasurable && n.BoundText is not null))
        {
            var bound = EstimateEvaluator.Evaluate(nfr.BoundText!, c.Estimates.Values, c.Conventions);
            if (bound.Value is not { } b || b.Dimension != Dimension.Time || b.Value <= 0)
            {
                continue;
            }

            var percentile = nfr.Percentile ?? 50;
            foreach (var flow in FlowsForTarget(c, nfr))
            {
                if (flow.Latency is not { } latency)
                {
                    continue;
                }

                var (value, label) = percentile switch
                {
                    <= 50 => (latency.P50Seconds, "p50"),
                    <= 95 => (latency.P95Seconds, "p95"),
                    _ => (latency.P99Seconds, "p99"),
                };
                if (value <= b.Value)
                {
                    continue;
                }

                var dominant = flow.DominantHop;
                var dominantText = dominant is null
                    ? ""
                    : $"; '{dominant.Component}' contributes {Time(dominant.MeanSeconds, c)} of the {Time(latency.MeanSeconds, c)} mean";
                yield return rule.At(
                    Severity.Warning,
                    nfr.Span,
                    $"flow '{flow.Name}' has a {label} of {Time(value, c)} against the target of {Time(b.Value, c)}{dominantText}",
                    dominant is null ? "shorten the path or add capacity" : $"cut '{dominant.Component}': add replicas to shorten its queue, cache in front of it, or take it off the synchronous path",
                    new Dictionary<string, double>
                    {
                        [label + "Seconds"] = value,
                        ["targetSeconds"] = b.Value,
                        ["meanSeconds"] = latency.MeanSeconds,
                    });
            }
        }
    }

    /// <summary>
    /// The flows a latency target speaks of: those named in its text; else, when the text says read or write, the flows
    /// of that operation; else every flow whose path starts at a client.
    /// </summary>
    /// <summary>
    /// The measurable latency and availability targets of a reviewed design and the flows each applies to, read as the
    /// REV033 and REV039 rules read them (the simulator checks its run against them).
    /// </summary>
    /// <param name="report">The review.</param>
    /// <returns>(flow, percentile or null for availability, latency bound in seconds or availability as a fraction).</returns>
    internal static IEnumerable<(string Flow, double? Percentile, double Target)> FlowTargets(ReviewReport report)
    {
        var c = new ReviewContext(report.Document, report.Estimates, report.Architecture, report.Conventions, report.Level, ComponentCatalog.Default, report.Analysis);
        foreach (var nfr in c.Document.Requirements.NonFunctional)
        {
            if (nfr.Kind == NfrKind.Latency && nfr.IsMeasurable && nfr.BoundText is not null
                && EstimateEvaluator.Evaluate(nfr.BoundText, c.Estimates.Values, c.Conventions).Value is { } b && b.Dimension == Dimension.Time && b.Value > 0)
            {
                foreach (var flow in FlowsForTarget(c, nfr))
                {
                    yield return (flow.Name, nfr.Percentile ?? 50, b.Value);
                }
            }
            else if (nfr.Kind == NfrKind.Availability && nfr.Percent is > 0 and < 100)
            {
                foreach (var flow in FlowsForTarget(c, nfr))
                {
                    yield return (flow.Name, null, nfr.Percent.Value / 100);
                }
            }
        }
    }

    private static IEnumerable<FlowAnalysis> FlowsForTarget(ReviewContext c, NonFunctionalRequirement nfr)
    {
        // Only the target's own clause counts: "99.99% for reads; 99.95% for follow" holds 'follow' to 99.95% only.
        var text = nfr.Clause ?? nfr.Text;
        var named = c.Analysis.Flows.Where(f => Regex.IsMatch(text, $@"(?i)\b{Regex.Escape(f.Name)}(e?s)?\b")).ToList();
        if (named.Count > 0)
        {
            return named;
        }

        var fromClient = c.Analysis.Flows.Where(f => f.Flow.Declaration.Steps.Count > 0 && c.Document.Architecture.IsImplicitClient(f.Flow.Declaration.Steps[0].Component)
            || c.Architecture.FindComponent(f.Flow.Declaration.Steps.Count > 0 ? f.Flow.Declaration.Steps[0].Component : "")?.KindInfo?.Category == ComponentCategory.Client).ToList();
        if (Regex.IsMatch(text, @"(?i)\bread"))
        {
            return fromClient.Where(f => f.Flow.Declaration.Operation != FlowOperation.Write);
        }

        if (Regex.IsMatch(text, @"(?i)\bwrite|\bcreat|\bpost\b"))
        {
            return fromClient.Where(f => f.Flow.Declaration.Operation == FlowOperation.Write);
        }

        return fromClient;
    }

    private static IEnumerable<Finding> SinglePointsOfFailure(ReviewContext c)
    {
        var rule = Rule("REV034");
        foreach (var component in c.Analysis.SinglePointsOfFailure)
        {
            var bound = component.Parameters.Component;
            var flows = string.Join(", ", component.FlowNames.Take(3));
            yield return rule.At(
                AtLeastSenior(c) || (bound.KindInfo?.Stateful ?? false) ? Severity.Warning : Severity.Info,
                bound.Declaration.NameSpan,
                $"'{component.Name}' is a single instance on the request path of {flows}: when it dies, those requests fail until it is replaced",
                bound.KindInfo?.Stateful ?? false
                    ? $"run a replica with automatic failover: '{component.Name}: {bound.Declaration.KindText}, 1 primary + 1 replica'"
                    : $"run at least two behind the load balancer: '{component.Name}: {bound.Declaration.KindText} x2'",
                new Dictionary<string, double> { ["replicas"] = 1, ["availability"] = component.Availability });
        }
    }

    private static bool IsDatabase(ComponentKindInfo? kind) =>
        kind is { Category: ComponentCategory.Storage } && kind.Kind != ComponentKind.Cache && kind.Kind != ComponentKind.ObjectStore && kind.Id is not ("cdn");

    private static IEnumerable<Finding> ReadHeavyWithoutCache(ReviewContext c)
    {
        var flows = c.Analysis.Flows.Where(f => f.RatePerSecond is > 0).ToList();
        var writes = flows.Where(f => f.Flow.Declaration.Operation == FlowOperation.Write).Sum(f => f.RatePerSecond!.Value);
        var rule = Rule("REV035");
        foreach (var flow in flows.Where(f => f.Flow.Declaration.Operation == FlowOperation.Read))
        {
            var rate = flow.RatePerSecond!.Value;
            if (writes > 0 ? rate / writes < ReadHeavyRatio : rate < 1)
            {
                continue;
            }

            var steps = flow.Flow.Declaration.Steps;
            var cacheSeen = false;
            for (var i = 0; i < steps.Count; i++)
            {
                var kind = c.Architecture.FindComponent(steps[i].Component)?.KindInfo;
                if (kind?.Kind == ComponentKind.Cache || kind?.Kind == ComponentKind.Cdn)
                {
                    cacheSeen = true;
                }

                if (IsDatabase(kind) && !cacheSeen)
                {
                    var ratio = writes > 0 ? $"{(rate / writes).ToString("0", CultureInfo.InvariantCulture)}:1 reads to writes" : "reads and no writes";
                    yield return rule.At(
                        Severity.Warning,
                        steps[i].Span,
                        $"flow '{flow.Name}' reads {Rate(rate, c)} ({ratio}) straight from '{steps[i].Component}': every read pays the database",
                        $"put a cache in front: '... -> cache -> {steps[i].Component} on miss', with a TTL and a hit ratio",
                        new Dictionary<string, double> { ["readRatePerSecond"] = rate, ["writeRatePerSecond"] = writes });
                    break;
                }
            }
        }
    }

    private static IEnumerable<Finding> CacheSmallerThanHotSet(ReviewContext c)
    {
        var hotSet = c.Estimates.Results
            .Where(r => r.Value is { } v && v.Dimension == Dimension.Information && Regex.IsMatch(r.Input.Name, "(?i)cache|hot_?set|working_?set"))
            .OrderByDescending(r => r.Value!.Value.Value)
            .FirstOrDefault();
        var caches = c.Analysis.Components.Where(x => x.Parameters.Component.KindInfo?.Kind == ComponentKind.Cache).ToList();
        if (hotSet is null || caches.Count == 0)
        {
            yield break;
        }

        double total = 0;
        foreach (var cache in caches)
        {
            total += ParameterResolver.MemoryPerReplicaBytes(cache.Parameters.Component, c.Catalog) * cache.Parameters.Replicas;
        }

        var needed = hotSet.Value!.Value.Value;
        if (total >= needed)
        {
            yield break;
        }

        yield return Rule("REV036").At(
            Severity.Warning,
            caches[0].Parameters.Component.Declaration.NameSpan,
            $"the caches hold {new Quantity(total, Dimension.Information).Format(c.Conventions)} but '{hotSet.Input.Name}' says the hot set is {hotSet.Value.Value.Format(c.Conventions)}: the hit ratio will fall short of what the flows assume",
            $"give the caches at least {hotSet.Value.Value.Format(c.Conventions)} in all (more nodes or bigger ones), or shrink the hot set estimate with a reason",
            new Dictionary<string, double> { ["cacheBytes"] = total, ["hotSetBytes"] = needed });
    }

    private static IEnumerable<Finding> OverEngineering(ReviewContext c)
    {
        var rule = Rule("REV037");
        foreach (var component in c.Analysis.Components)
        {
            var bound = component.Parameters.Component;
            var perReplica = component.CapacityPerSecond / Math.Max(1, component.Parameters.Replicas);
            if (bound.Shards is > 1 && double.IsFinite(perReplica) && component.OfferedLoadPerSecond < 0.25 * perReplica && !NeedsMoreThanOneNode(component))
            {
                yield return rule.At(
                    AtLeastSenior(c) ? Severity.Warning : Severity.Info,
                    bound.Declaration.NameSpan,
                    $"'{component.Name}' is split into {bound.Shards} shards, yet one node would run at {Percent(component.OfferedLoadPerSecond / perReplica)} and the data fits on it",
                    "start with one primary and replicas; say at what load or size you would shard, and by which key",
                    new Dictionary<string, double> { ["shards"] = bound.Shards.Value, ["singleNodeUtilization"] = component.OfferedLoadPerSecond / perReplica });
            }

            if (bound.KindInfo?.Kind == ComponentKind.Stream && double.IsFinite(perReplica) && component.OfferedLoadPerSecond > 0
                && component.OfferedLoadPerSecond < 0.01 * perReplica && component.Parameters.Replicas > 1)
            {
                yield return rule.At(
                    Severity.Info,
                    bound.Declaration.NameSpan,
                    $"'{component.Name}' is a {component.Parameters.Replicas}-node stream platform for {Rate(component.OfferedLoadPerSecond, c)}, under 1% of one broker",
                    "a managed queue does this with less to run, unless you need replay or many consumer groups: say which",
                    new Dictionary<string, double> { ["offeredLoadPerSecond"] = component.OfferedLoadPerSecond, ["capacityPerSecond"] = component.CapacityPerSecond });
            }
        }

        var regions = c.Document.Architecture.Components.SelectMany(x => x.Settings)
            .FirstOrDefault(s => s.Key == "regions" && (s.ValueText.Contains("multi", StringComparison.OrdinalIgnoreCase) || (int.TryParse(s.ValueText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 1)));
        var geography = c.Document.Requirements.NonFunctional.Any(n => n.Kind == NfrKind.Geography);
        var peak = c.Analysis.Components.Where(x => double.IsFinite(x.CapacityPerSecond)).Select(x => x.Utilization).DefaultIfEmpty(0).Max();
        if (regions is not null && !geography && peak < 0.1)
        {
            yield return rule.At(
                Severity.Info,
                regions.Span,
                $"several regions, but no requirement asks for them and the busiest component runs at {Percent(peak)}",
                "state the geography or recovery target that needs a second region; otherwise one region with several zones is simpler",
                new Dictionary<string, double> { ["peakUtilization"] = peak });
        }
    }

    /// <summary>True when the store's data, from the estimates, is more than one node's disk holds.</summary>
    private static bool NeedsMoreThanOneNode(ComponentAnalysis store) =>
        store.StorageNeed is { } need && store.Parameters.StoragePerNodeBytes is > 0 and var perNode && need.Bytes > perNode;

    private static IEnumerable<Finding> DataWithoutPartitionKey(ReviewContext c)
    {
        var rule = Rule("REV038");
        foreach (var component in c.Analysis.Components.Where(x => x.WriteLoadPerSecond > 0 && IsDatabase(x.Parameters.Component.KindInfo)))
        {
            var bound = component.Parameters.Component;
            if (component.Parameters.IsManaged || !NeedsMoreThanOneNode(component) || component.StorageNeed is not { } need)
            {
                continue;
            }

            var keyed = bound.Declaration.GetSetting("partition_key") is not null
                || c.Document.Entities.Any(e => string.Equals(e.Store, bound.Name, StringComparison.OrdinalIgnoreCase) && e.PartitionKey.Any());
            if (keyed)
            {
                continue;
            }

            var perNode = component.Parameters.StoragePerNodeBytes ?? 0;
            yield return rule.At(
                Severity.Warning,
                bound.Declaration.NameSpan,
                $"'{need.EstimateName}' is {new Quantity(need.Bytes, Dimension.Information).Format(c.Conventions)}, more than one '{component.Name}' node holds ({new Quantity(perNode, Dimension.Information).Format(c.Conventions)}), and nothing says how the data is split",
                $"name a partition key that spreads writes and matches the main read: '{component.Name}: ..., partition key user_id', and mark it on the entity",
                new Dictionary<string, double> { ["storageNeededBytes"] = need.Bytes, ["storagePerNodeBytes"] = perNode });
        }
    }

    private static IEnumerable<Finding> AvailabilityTargetsMissed(ReviewContext c)
    {
        var rule = Rule("REV039");
        foreach (var nfr in c.Document.Requirements.NonFunctional.Where(n => n.Kind == NfrKind.Availability && n.Percent is > 0 and < 100))
        {
            var target = nfr.Percent!.Value / 100;
            // A flow exactly at the target is met: the product of availabilities can round a hair below it (0.999 × 1).
            foreach (var flow in FlowsForTarget(c, nfr).Where(f => f.RatePerSecond is > 0 && f.Availability < target - 1e-12))
            {
                var weakest = flow.Hops
                    .Select(h => c.Analysis.FindComponent(h.Component))
                    .OfType<ComponentAnalysis>()
                    .MinBy(x => x.Availability);
                yield return rule.At(
                    Severity.Warning,
                    nfr.Span,
                    $"flow '{flow.Name}' is available {Percent4(flow.Availability)} of the time by its components in series, below the {Percent4(target)} target" + (weakest is null ? "" : $"; the weakest link is '{weakest.Name}' at {Percent4(weakest.Availability)}"),
                    weakest is null ? "add replicas on the path" : $"replicate '{weakest.Name}' (two replicas of 99.5% give 99.9975%) or use a managed service with a higher SLA",
                    new Dictionary<string, double> { ["availability"] = flow.Availability, ["target"] = target });
            }
        }
    }

    /// <summary>Estimate-name suffixes that size a component, and the declared figure each is compared with.</summary>
    private static readonly (string Suffix, string What)[] SizingSuffixes =
    [
        ("servers", "replicas"), ("nodes", "replicas"), ("replicas", "replicas"), ("instances", "replicas"), ("workers", "replicas"),
        ("shards", "shards"), ("partitions", "partitions"), ("consumers", "consumers"),
    ];

    private static IEnumerable<Finding> ArchitectureContradictsEstimates(ReviewContext c)
    {
        var rule = Rule("REV040");
        foreach (var result in c.Estimates.Results)
        {
            if (result.Value is not { } value || !value.Dimension.IsDimensionless || value.Value <= 0)
            {
                continue;
            }

            foreach (var (suffix, what) in SizingSuffixes)
            {
                var name = result.Input.Name;
                if (!name.EndsWith("_" + suffix, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var componentName = name[..^(suffix.Length + 1)];
                if (c.Architecture.FindComponent(componentName) is not { } component)
                {
                    break;
                }

                int? declared = what switch
                {
                    "replicas" => component.Replicas,
                    "shards" => component.Shards,
                    "partitions" => component.Partitions,
                    _ => component.Consumers,
                };
                var needed = Math.Ceiling(value.Value - 1e-9);
                if (declared is { } d && d < needed)
                {
                    yield return rule.At(
                        Severity.Warning,
                        component.Declaration.NameSpan,
                        $"the estimates say '{componentName}' needs {needed.ToString(CultureInfo.InvariantCulture)} {what} ({name} = {value.Format(c.Conventions)}), but the architecture declares {d}",
                        $"declare what the estimate asks for ('{componentName}: ... x{needed.ToString(CultureInfo.InvariantCulture)}'), or correct the estimate",
                        new Dictionary<string, double> { ["estimated"] = value.Value, ["declared"] = d });
                }

                break;
            }
        }
    }

    private static string Percent4(double fraction) => (fraction * 100).ToString("0.####", CultureInfo.InvariantCulture) + "%";
}
