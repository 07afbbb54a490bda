using DesignDrill.Core.Catalog;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Estimation;

namespace DesignDrill.Core.Architecture;

/// <summary>
/// Evaluates the numbers in a parsed architecture — flow rates, fan-out factors and component settings — with the
/// estimation language, in the scope of the document's estimates. Structural problems (a flow naming an undeclared
/// component, an unknown <c>after</c> flow) are left to the review rules; this step reports only what is wrong with
/// the numbers themselves. Never throws.
/// </summary>
public static class ArchitectureBinder
{
    /// <summary>A flow rate that is not a rate (count per time): <c>flow x at storage_5y</c>.</summary>
    public const string RateNotARateCode = "ARC001";

    /// <summary>A fan-out or <c>after</c> factor that is not a plain number.</summary>
    public const string FactorNotANumberCode = "ARC002";

    /// <summary>A component setting whose value has the wrong dimension for its key (<c>ttl 5 GB</c>).</summary>
    public const string SettingDimensionCode = "ARC003";

    /// <summary>A bare quantity in a component line that is neither a rate, a time nor a size.</summary>
    public const string UnclassifiedQuantityCode = "ARC004";

    /// <summary>A hit ratio outside 0–100%.</summary>
    public const string HitRatioRangeCode = "ARC005";

    /// <summary>A count (replicas, partitions, shards, consumers) that is not a whole number from 1 to 1,000,000.</summary>
    public const string BadCountCode = "ARC006";

    /// <summary>Largest count accepted for replicas, partitions, shards or consumers (rule of thumb: far beyond any interview design).</summary>
    public const int MaxCount = 1_000_000;

    /// <summary>Binds <paramref name="architecture"/> with the values of <paramref name="estimates"/>.</summary>
    /// <param name="architecture">The parsed architecture.</param>
    /// <param name="estimates">Evaluated estimates by name (base units), usable in any expression.</param>
    /// <param name="conventions">Conventions for units such as <c>month</c> and <c>GB</c>.</param>
    /// <param name="catalog">Component catalog used to look up kinds.</param>
    /// <param name="diagnostics">Receives the problems found, with document spans.</param>
    /// <returns>The bound architecture; values that could not be evaluated are <see langword="null"/>.</returns>
    public static BoundArchitecture Bind(
        ArchitectureModel architecture,
        IReadOnlyDictionary<string, Quantity> estimates,
        Conventions conventions,
        ComponentCatalog catalog,
        List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(estimates);
        ArgumentNullException.ThrowIfNull(conventions);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(diagnostics);

        var components = architecture.Components.Select(c => BindComponent(c, estimates, conventions, catalog, diagnostics)).ToList();
        var flows = BindFlows(architecture, estimates, conventions, diagnostics);
        return new BoundArchitecture(components, flows);
    }

    private static BoundComponent BindComponent(
        ComponentDecl component, IReadOnlyDictionary<string, Quantity> scope, Conventions conventions, ComponentCatalog catalog, List<Diagnostic> diagnostics)
    {
        var references = new List<string>();
        var kindInfo = catalog.GetKind(component.Kind);
        var stateful = kindInfo?.Stateful ?? false;
        var replicas = component.Replicas ?? 1;
        Quantity? capacity = null, serviceTime = null, memory = null, storage = null, ttl = null;
        double? hitRatio = null;
        int? partitions = null, shards = null, consumers = null;
        int? primaries = null, replicaCount = null;

        foreach (var setting in component.Settings)
        {
            switch (setting.Key)
            {
                case null when setting.Form == SettingForm.Quantity:
                    if (Evaluate(setting, scope, conventions, diagnostics, references) is not { } bare)
                    {
                        break;
                    }

                    if (bare.Dimension == Dimension.Rate)
                    {
                        capacity = bare;
                    }
                    else if (bare.Dimension == Dimension.Time)
                    {
                        serviceTime = bare;
                    }
                    else if (bare.Dimension == Dimension.Information)
                    {
                        if (stateful && kindInfo?.Kind != ComponentKind.Cache)
                        {
                            storage = bare;
                        }
                        else
                        {
                            memory = bare;
                        }
                    }
                    else
                    {
                        diagnostics.Add(new Diagnostic(
                            Severity.Warning,
                            UnclassifiedQuantityCode,
                            setting.ValueSpan.HasLocation ? setting.ValueSpan : setting.Span,
                            $"'{setting.ValueText}' is {bare.Dimension.Describe()}; a component takes a rate (capacity), a time (latency) or a size (memory or storage)",
                            "write a capacity like '2K rps', a latency like '20 ms' or a size like '64 GB', or name the setting: 'partitions 12'"));
                    }

                    break;
                case "capacity":
                    capacity = Expect(setting, Dimension.Rate, "a rate such as '2K rps'", scope, conventions, diagnostics, references) ?? capacity;
                    break;
                case "latency":
                    serviceTime = Expect(setting, Dimension.Time, "a time such as '20 ms'", scope, conventions, diagnostics, references) ?? serviceTime;
                    break;
                case "memory":
                    memory = Expect(setting, Dimension.Information, "a size such as '64 GB'", scope, conventions, diagnostics, references) ?? memory;
                    break;
                case "storage":
                    storage = Expect(setting, Dimension.Information, "a size such as '2 TB'", scope, conventions, diagnostics, references) ?? storage;
                    break;
                case "ttl":
                    ttl = Expect(setting, Dimension.Time, "a time such as '24h'", scope, conventions, diagnostics, references) ?? ttl;
                    break;
                case "hit_ratio":
                    if (Expect(setting, Dimension.Dimensionless, "a percentage such as '90%'", scope, conventions, diagnostics, references) is { } ratio)
                    {
                        if (ratio.Value is < 0 or > 1)
                        {
                            diagnostics.Add(new Diagnostic(
                                Severity.Error,
                                HitRatioRangeCode,
                                setting.ValueSpan.HasLocation ? setting.ValueSpan : setting.Span,
                                $"a hit ratio of {setting.ValueText} is outside 0–100%",
                                "write the share of reads served by the cache, such as 'hit 90%' or 'hit 0.9'"));
                        }
                        else
                        {
                            hitRatio = ratio.Value;
                        }
                    }

                    break;
                case "partitions":
                    partitions = Count(setting, scope, conventions, diagnostics, references) ?? partitions;
                    break;
                case "shards":
                    shards = Count(setting, scope, conventions, diagnostics, references) ?? shards;
                    break;
                case "consumers":
                    consumers = Count(setting, scope, conventions, diagnostics, references) ?? consumers;
                    break;
                case "primaries":
                    primaries = Count(setting, scope, conventions, diagnostics, references) ?? primaries;
                    break;
                case "replicas":
                    replicaCount = Count(setting, scope, conventions, diagnostics, references) ?? replicaCount;
                    break;
                default:
                    break;
            }
        }

        if (primaries is not null || replicaCount is not null)
        {
            // "1 primary + 2 replicas" and "replicas 2" describe database nodes; 'xN' counts instances when both appear.
            var nodes = (primaries ?? (component.Replicas is null ? 1 : 0)) + (replicaCount ?? 0);
            replicas = component.Replicas is { } written ? Math.Max(written, nodes) : Math.Max(1, nodes);
        }

        return new BoundComponent(
            component, kindInfo, replicas, capacity, serviceTime, memory, storage, hitRatio, ttl, partitions, shards, consumers, references);
    }

    private static List<BoundFlow> BindFlows(
        ArchitectureModel architecture, IReadOnlyDictionary<string, Quantity> scope, Conventions conventions, List<Diagnostic> diagnostics)
    {
        var byName = new Dictionary<string, FlowDecl>(StringComparer.OrdinalIgnoreCase);
        foreach (var flow in architecture.Flows)
        {
            byName.TryAdd(flow.Name, flow);
        }

        var rates = new Dictionary<string, (double? Rate, string Derivation)>(StringComparer.OrdinalIgnoreCase);
        var bound = new List<BoundFlow>(architecture.Flows.Count);
        foreach (var flow in architecture.Flows)
        {
            var references = new List<string>();
            var (rate, derivation) = FlowRate(flow, byName, rates, scope, conventions, diagnostics, references, []);
            var fanOut = new List<double>(flow.Steps.Count);
            foreach (var step in flow.Steps)
            {
                fanOut.Add(step.FanOutText is null
                    ? 1
                    : Factor(step.FanOutText, step.FanOutSpan, "fan-out", scope, conventions, diagnostics, references) ?? 1);
            }

            double? requestSize = null, responseSize = null;
            foreach (var setting in flow.Settings)
            {
                if (setting.Key is "size" or "response_size"
                    && Expect(setting, Dimension.Information, "a size such as '1 KB'", scope, conventions, diagnostics, references) is { } size)
                {
                    if (setting.Key == "size")
                    {
                        requestSize = size.Value;
                    }
                    else
                    {
                        responseSize = size.Value;
                    }
                }
            }

            bound.Add(new BoundFlow(flow, rate, derivation, fanOut, references.Distinct(StringComparer.Ordinal).ToList())
            {
                RequestSizeBytes = requestSize,
                ResponseSizeBytes = responseSize,
            });
        }

        return bound;
    }

    private static (double? Rate, string Derivation) FlowRate(
        FlowDecl flow,
        Dictionary<string, FlowDecl> byName,
        Dictionary<string, (double? Rate, string Derivation)> rates,
        IReadOnlyDictionary<string, Quantity> scope,
        Conventions conventions,
        List<Diagnostic> diagnostics,
        List<string> references,
        HashSet<string> visiting)
    {
        if (rates.TryGetValue(flow.Name, out var known))
        {
            return known;
        }

        (double? Rate, string Derivation) result = (null, "");
        if (!visiting.Add(flow.Name))
        {
            // A cycle of 'after' flows; the review rule 'after-cycle' reports it.
            return result;
        }

        if (flow.RateText is { } rateText)
        {
            var evaluation = EstimateEvaluator.Evaluate(rateText, scope, conventions, flow.RateSpan);
            diagnostics.AddRange(evaluation.Diagnostics);
            references.AddRange(evaluation.ReferencedNames);
            if (evaluation.Value is { } value)
            {
                if (value.Dimension == Dimension.Rate)
                {
                    result = (value.Value, evaluation.Derivation);
                }
                else
                {
                    diagnostics.Add(new Diagnostic(
                        Severity.Error,
                        RateNotARateCode,
                        flow.RateSpan,
                        $"flow '{flow.Name}' arrives at {value.Format(conventions)}, which is {value.Dimension.Describe()}, not a rate",
                        "a flow's rate is requests per unit of time: name a rate estimate or write '1.2K/s', 'x / day'"));
                }
            }
        }
        else if (flow.AfterFlow is { } after && byName.TryGetValue(after, out var trigger))
        {
            var (parentRate, _) = FlowRate(trigger, byName, rates, scope, conventions, diagnostics, [], visiting);
            var factor = flow.AfterFactorText is null
                ? 1
                : Factor(flow.AfterFactorText, flow.AfterFactorSpan, "after", scope, conventions, diagnostics, references);
            if (parentRate is { } p && factor is { } f && !double.IsFinite(p * f))
            {
                // Both are finite, but their product overflows (an 'after' factor of 1e308).
                diagnostics.Add(EstimationDiagnostics.NotFinite(flow.AfterFactorText is null ? flow.AfterSpan : flow.AfterFactorSpan));
            }
            else if (parentRate is { } parent && factor is { } multiplier)
            {
                var text = flow.AfterFactorText is null ? $"rate of {trigger.Name}" : $"rate of {trigger.Name} x {flow.AfterFactorText}";
                result = (parent * multiplier, $"{text} = {new Quantity(parent * multiplier, Dimension.Rate).Format(conventions)}");
            }
        }

        visiting.Remove(flow.Name);
        rates[flow.Name] = result;
        return result;
    }

    private static double? Factor(
        string text, SourceSpan span, string what, IReadOnlyDictionary<string, Quantity> scope, Conventions conventions, List<Diagnostic> diagnostics, List<string> references)
    {
        var evaluation = EstimateEvaluator.Evaluate(text, scope, conventions, span);
        diagnostics.AddRange(evaluation.Diagnostics);
        references.AddRange(evaluation.ReferencedNames);
        if (evaluation.Value is not { } value)
        {
            return null;
        }

        if (!value.Dimension.IsDimensionless || value.Value < 0)
        {
            diagnostics.Add(new Diagnostic(
                Severity.Error,
                FactorNotANumberCode,
                span,
                $"the {what} factor '{text}' is {value.Format(conventions)} ({value.Dimension.Describe()}), not a plain non-negative number",
                "write a number or a count estimate: 'x 3', 'x avg_followers', 'x 20%'"));
            return null;
        }

        return value.Value;
    }

    private static Quantity? Evaluate(
        ComponentSetting setting, IReadOnlyDictionary<string, Quantity> scope, Conventions conventions, List<Diagnostic> diagnostics, List<string> references)
    {
        var span = setting.ValueSpan.HasLocation ? setting.ValueSpan : setting.Span;
        var evaluation = EstimateEvaluator.Evaluate(setting.ValueText, scope, conventions, span);
        diagnostics.AddRange(evaluation.Diagnostics);
        references.AddRange(evaluation.ReferencedNames);
        return evaluation.Value;
    }

    private static Quantity? Expect(
        ComponentSetting setting,
        Dimension dimension,
        string example,
        IReadOnlyDictionary<string, Quantity> scope,
        Conventions conventions,
        List<Diagnostic> diagnostics,
        List<string> references)
    {
        if (Evaluate(setting, scope, conventions, diagnostics, references) is not { } value)
        {
            return null;
        }

        if (value.Dimension == dimension)
        {
            return value;
        }

        diagnostics.Add(new Diagnostic(
            Severity.Warning,
            SettingDimensionCode,
            setting.ValueSpan.HasLocation ? setting.ValueSpan : setting.Span,
            $"'{setting.Key} {setting.ValueText}' is {value.Dimension.Describe()}; {setting.Key} takes {example}",
            $"write {setting.Key} as {example}"));
        return null;
    }

    private static int? Count(
        ComponentSetting setting, IReadOnlyDictionary<string, Quantity> scope, Conventions conventions, List<Diagnostic> diagnostics, List<string> references)
    {
        if (Evaluate(setting, scope, conventions, diagnostics, references) is not { } value)
        {
            return null;
        }

        if (value.Dimension.IsDimensionless && value.Value >= 0 && value.Value <= MaxCount && Math.Abs(value.Value - Math.Round(value.Value)) < 1e-9)
        {
            return (int)Math.Round(value.Value);
        }

        diagnostics.Add(new Diagnostic(
            Severity.Error,
            BadCountCode,
            setting.ValueSpan.HasLocation ? setting.ValueSpan : setting.Span,
            $"'{setting.ValueText}' is not a whole number of {setting.Key} from 0 to {MaxCount:N0}",
            $"write a whole number: '{setting.Key} 3'"));
        return null;
    }
}
