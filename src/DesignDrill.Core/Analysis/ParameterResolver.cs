using DesignDrill.Core.Architecture;
using DesignDrill.Core.Catalog;

namespace DesignDrill.Core.Analysis;

/// <summary>
/// Settles the figures the analytic model uses for each component: what the design states wins; otherwise the
/// catalog's default for the component's technology, then for its kind; otherwise a rule of thumb named below.
/// Clients are not resources and get no parameters.
/// </summary>
public static class ParameterResolver
{
    /// <summary>Service time used when neither the design nor the catalog gives one: 10 ms (rule of thumb for an in-datacentre call).</summary>
    public const double FallbackServiceTimeSeconds = 0.010;

    /// <summary>Availability of one instance when the catalog gives none: 99.9% (rule of thumb for a single cloud VM, about 43 minutes down a month).</summary>
    public const double FallbackAvailability = 0.999;

    /// <summary>Hit ratio of a cache when neither the design nor the catalog states one: 80% (rule of thumb: the 80/20 popularity skew).</summary>
    public const double FallbackHitRatio = 0.8;

    /// <summary>Resolves every non-client component of <paramref name="architecture"/>.</summary>
    /// <param name="architecture">The bound architecture.</param>
    /// <param name="catalog">The component catalog with defaults.</param>
    /// <returns>Figures by component name (case-insensitive).</returns>
    public static Dictionary<string, ComponentParameters> Resolve(BoundArchitecture architecture, ComponentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(catalog);
        var result = new Dictionary<string, ComponentParameters>(StringComparer.OrdinalIgnoreCase);
        foreach (var component in architecture.Components)
        {
            if (component.KindInfo?.Category == ComponentCategory.Client || result.ContainsKey(component.Name))
            {
                continue;
            }

            result[component.Name] = Resolve(component, catalog.GetDefaults(component.Declaration.Kind, component.Declaration.Technology));
        }

        return result;
    }

    /// <summary>Resolves one component against its catalog defaults.</summary>
    /// <param name="component">The bound component.</param>
    /// <param name="defaults">The merged kind and technology defaults.</param>
    /// <returns>The figures, each with its origin; capacity is +∞ for managed services (the catalog marks no per-instance limit, or prices them per request) unless the design states a capacity.</returns>
    public static ComponentParameters Resolve(BoundComponent component, ComponentDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(defaults);
        var origins = new Dictionary<string, string>(StringComparer.Ordinal);

        double serviceTime;
        if (component.ServiceTime is { } stated && stated.Value > 0)
        {
            serviceTime = stated.Value;
            origins["serviceTime"] = "design";
        }
        else if (defaults.ServiceTimeMeanSeconds is { Value: > 0 } d)
        {
            serviceTime = d.Value.Value;
            origins["serviceTime"] = Origin(d);
        }
        else
        {
            serviceTime = FallbackServiceTimeSeconds;
            origins["serviceTime"] = "rule of thumb";
        }

        double reads, writes;
        if (component.CapacityPerReplica is { } capacity && capacity.Value > 0)
        {
            reads = writes = capacity.Value;
            origins["capacity"] = "design";
        }
        else if (defaults.ReadsPerSecond is { IsNotApplicable: true } || defaults.CostPerMillionRequestsUsd is { Value: > 0 })
        {
            // A managed service that scales with the load: the catalog says n/a, or it is priced per request
            // (DynamoDB on demand, S3, SQS, Lambda); its per-partition limits apply only when the design states a capacity.
            reads = writes = double.PositiveInfinity;
            origins["capacity"] = "managed service, scales with the load (catalog)";
        }
        else if (defaults.ReadsPerSecond is { Value: > 0 } r)
        {
            reads = r.Value.Value;
            writes = defaults.WritesPerSecond is { Value: > 0 } w ? w.Value.Value : reads;
            origins["capacity"] = Origin(r);
        }
        else
        {
            // Nothing says how much one replica serves: one request at a time at the service time.
            reads = writes = 1 / serviceTime;
            origins["capacity"] = "one request at a time (no capacity stated or in the catalog)";
        }

        double availability;
        if (defaults.Availability is { Value: > 0 and <= 1 } a)
        {
            availability = a.Value.Value;
            origins["availability"] = Origin(a);
        }
        else
        {
            availability = FallbackAvailability;
            origins["availability"] = "rule of thumb";
        }

        double? hitRatio = null;
        var kind = component.KindInfo?.Kind;
        if (kind == ComponentKind.Cache || kind == ComponentKind.Cdn)
        {
            if (component.HitRatio is { } h)
            {
                hitRatio = h;
                origins["hitRatio"] = "design";
            }
            else if (defaults.HitRatio is { Value: { } dh })
            {
                hitRatio = dh;
                origins["hitRatio"] = Origin(defaults.HitRatio);
            }
            else
            {
                hitRatio = FallbackHitRatio;
                origins["hitRatio"] = "rule of thumb";
            }
        }

        var (readNodes, writeNodes) = Nodes(component);
        return new ComponentParameters(
            component,
            Math.Max(1, component.Replicas),
            reads,
            writes,
            serviceTime,
            availability,
            hitRatio,
            defaults.CostPerMonthUsd?.Value,
            defaults.CostPerMillionRequestsUsd?.Value,
            origins)
        {
            ReadNodes = readNodes,
            WriteNodes = writeNodes,
            StoragePerNodeBytes = component.StoragePerReplica?.Value ?? defaults.StorageBytes?.Value,
            Shards = Math.Max(1, component.Shards ?? 1),
        };
    }

    /// <summary>
    /// Nodes that serve reads and writes. A store written <c>1 primary + 2 replicas</c> takes writes on its primary
    /// only and reads on all three; <c>shards N</c> multiplies both (each shard has its own primary and replicas).
    /// Anything else serves reads and writes on every replica.
    /// </summary>
    private static (int Read, int Write) Nodes(BoundComponent component)
    {
        var shards = Math.Max(1, component.Shards ?? 1);
        var declaration = component.Declaration;
        var primaries = declaration.GetSetting("primaries") is not null ? CountOf(declaration.GetSetting("primaries")!.ValueText) : null;
        var replicas = declaration.GetSetting("replicas") is not null ? CountOf(declaration.GetSetting("replicas")!.ValueText) : null;
        if (primaries is { } p && p > 0)
        {
            var all = p + (replicas ?? 0);
            return (Saturating(shards, all), Saturating(shards, p));
        }

        var n = Math.Max(1, component.Replicas);
        return (Saturating(shards, n), Saturating(shards, n));
    }

    /// <summary>
    /// Memory of one replica in bytes: the design's (<c>64 GB each</c>), else the catalog's default for its kind or
    /// technology, else 0. Used to size caches against their hot set (REV036) and in the simulator's keyspace.
    /// </summary>
    /// <param name="component">The component.</param>
    /// <param name="catalog">The component catalog.</param>
    /// <returns>Bytes per replica, 0 when nothing says.</returns>
    public static double MemoryPerReplicaBytes(BoundComponent component, ComponentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(catalog);
        return component.MemoryPerReplica?.Value
            ?? catalog.GetDefaults(component.Declaration.Kind, component.Declaration.Technology).MemoryBytes?.Value
            ?? 0;
    }

    private static int? CountOf(string text) =>
        int.TryParse(text.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : null;

    private static int Saturating(int a, int b) => (int)Math.Min(int.MaxValue, (long)a * b);

    private static string Origin(DefaultValue value) => $"catalog ({value.From}): {value.Source}";
}
