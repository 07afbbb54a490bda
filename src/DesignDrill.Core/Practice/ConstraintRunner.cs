using System.Globalization;
using DesignDrill.Core.Analysis;
using DesignDrill.Core.Architecture;
using DesignDrill.Core.Catalog;
using DesignDrill.Core.Review;

namespace DesignDrill.Core.Practice;

/// <summary>One component's utilisation before and after a constraint change.</summary>
/// <param name="Component">The component's name in the candidate's design.</param>
/// <param name="UtilizationBefore">Offered load ÷ capacity at the design's own load (0.72 = 72%).</param>
/// <param name="UtilizationAfter">The same under the change; infinity when its capacity is gone.</param>
public sealed record UtilizationChange(string Component, double UtilizationBefore, double UtilizationAfter);

/// <summary>What a constraint change does to the candidate's design, from the analytic model.</summary>
/// <param name="Change">The change run.</param>
/// <param name="Applied">Whether it could be applied: false when the design has nothing it applies to (no component of that kind, no flows).</param>
/// <param name="Notes">How it was applied: name mapping from the reference design, assumptions ("callers fall back to the origin").</param>
/// <param name="Before">The analysis at the design's own load.</param>
/// <param name="After">The analysis under the change.</param>
/// <param name="Hottest">The busiest components after the change, busiest first (at most five).</param>
/// <param name="Saturated">Components at or above 100% utilisation after the change, busiest first.</param>
/// <param name="FailedFlows">Flows whose availability is zero after the change: a component they wait on is gone.</param>
/// <param name="BreaksFirst">The component that saturates first as the changed load grows, or <see langword="null"/> when none has a bounded capacity.</param>
/// <param name="BreaksAtMultiple">The multiple of today's load (for scaling changes) or of the changed load (for faults) at which <see cref="BreaksFirst"/> reaches 100%.</param>
/// <param name="Summary">What breaks first and at what load, in one or two sentences.</param>
public sealed record ConstraintOutcome(
    ConstraintChange Change,
    bool Applied,
    IReadOnlyList<string> Notes,
    ArchitectureAnalysis Before,
    ArchitectureAnalysis After,
    IReadOnlyList<UtilizationChange> Hottest,
    IReadOnlyList<UtilizationChange> Saturated,
    IReadOnlyList<string> FailedFlows,
    string? BreaksFirst,
    double? BreaksAtMultiple,
    string Summary);

/// <summary>
/// Runs a prompt's constraint change (docs/prompt-format.md: scale all flows, scale one flow, kill a component, lose a
/// region, flush a cache) on the candidate's own design with the analytic model, and says what breaks first and at
/// what load. Names in a change come from the reference design; when the candidate's design has no component or flow
/// of that name, the one of the same kind (or operation) carrying the most load is used, and a note says so.
/// </summary>
public static class ConstraintRunner
{
    /// <summary>Largest load multiple searched for a breaking point (1,000; the largest factor a change may state).</summary>
    public const double MaxMultiple = 1000;

    /// <summary>Runs a change.</summary>
    /// <param name="report">The candidate's review (its bound architecture and analysis).</param>
    /// <param name="change">The change.</param>
    /// <param name="reference">The reference design's review, used to map names; optional.</param>
    /// <param name="catalog">Component defaults; <see cref="ComponentCatalog.Default"/> when omitted.</param>
    /// <returns>The outcome; never throws for a reviewed design.</returns>
    public static ConstraintOutcome Run(ReviewReport report, ConstraintChange change, ReviewReport? reference = null, ComponentCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(change);
        catalog ??= ComponentCatalog.Default;
        var architecture = report.Architecture;
        var parameters = ParameterResolver.Resolve(architecture, catalog);
        var before = ArchitectureAnalyzer.Analyze(architecture, parameters);
        var notes = new List<string>();
        if (architecture.Flows.All(f => f.RatePerSecond is not > 0))
        {
            return Outcome(change, false, ["the design has no flow with a rate, so there is no load to change"], before, before, null, null, "Nothing to run: the architecture has no flow with a rate.");
        }

        switch (change.Change)
        {
            case ScaleFlows scale:
                {
                    var scaled = Scale(architecture, _ => true, scale.Factor);
                    var after = ArchitectureAnalyzer.Analyze(scaled, parameters);
                    var (first, multiple) = BreakingPoint(architecture, parameters, _ => true);
                    var summary = ScaleSummary(before, after, $"{Number(scale.Factor)}x every flow", "today's load", first, multiple, scale.Factor);
                    return Outcome(change, true, notes, before, after, first, multiple, summary);
                }

            case ScaleFlow one:
                {
                    var target = ResolveFlow(architecture, one.Flow, reference, notes);
                    if (target is null)
                    {
                        return Outcome(change, false, notes, before, before, null, null, $"Your design has no flow like '{one.Flow}', so this change does not apply.");
                    }

                    var affected = Triggered(architecture, target.Name);
                    var scaled = Scale(architecture, f => affected.Contains(f.Name), one.Factor);
                    var after = ArchitectureAnalyzer.Analyze(scaled, parameters);
                    var (first, multiple) = BreakingPoint(architecture, parameters, f => affected.Contains(f.Name));
                    var what = affected.Count > 1 ? $"{Number(one.Factor)}x '{target.Name}' (and the flows it triggers)" : $"{Number(one.Factor)}x '{target.Name}'";
                    var summary = ScaleSummary(before, after, what, $"today's '{target.Name}' rate", first, multiple, one.Factor);
                    return Outcome(change, true, notes, before, after, first, multiple, summary);
                }

            case KillComponent kill:
                {
                    var target = ResolveComponent(architecture, parameters, kill.Component, reference, notes, cacheOnly: false);
                    if (target is null)
                    {
                        return Outcome(change, false, notes, before, before, null, null, $"Your design has no component like '{kill.Component}', so this fault does not apply.");
                    }

                    var changed = new Dictionary<string, ComponentParameters>(parameters, StringComparer.OrdinalIgnoreCase);
                    var p = parameters[target];
                    string what;
                    if (p.HitRatio is not null || p.Component.KindInfo?.Id == "cache")
                    {
                        changed[target] = p with { HitRatio = 0 };
                        notes.Add($"'{target}' is a cache: assumed its callers fall back to the origin on errors, so every read misses");
                        what = $"with '{target}' down (every read misses)";
                    }
                    else
                    {
                        changed[target] = p with { Availability = 0 };
                        what = $"with every replica of '{target}' down";
                    }

                    return FaultOutcome(change, notes, before, architecture, changed, what);
                }

            case CacheFlush flush:
                {
                    var target = ResolveComponent(architecture, parameters, flush.Component, reference, notes, cacheOnly: true);
                    if (target is null)
                    {
                        return Outcome(change, false, notes, before, before, null, null, "Your design has no cache, so a cold cache changes nothing; ask yourself whether the origin carries the reads.");
                    }

                    var changed = new Dictionary<string, ComponentParameters>(parameters, StringComparer.OrdinalIgnoreCase)
                    {
                        [target] = parameters[target] with { HitRatio = 0 },
                    };
                    notes.Add($"'{target}' starts cold: every read misses until it warms up");
                    return FaultOutcome(change, notes, before, architecture, changed, $"with '{target}' cold");
                }

            case LoseRegion:
                {
                    var changed = new Dictionary<string, ComponentParameters>(parameters, StringComparer.OrdinalIgnoreCase);
                    var lost = new List<string>();
                    var reduced = new List<string>();
                    foreach (var (name, p) in parameters)
                    {
                        if (p.IsManaged || p.Component.KindInfo?.Category == ComponentCategory.Client)
                        {
                            continue;
                        }

                        var regions = Regions(p.Component);
                        if (regions >= 2)
                        {
                            var keep = (regions - 1) / (double)regions;
                            changed[name] = p with { ReadCapacityPerReplica = p.ReadCapacityPerReplica * keep, WriteCapacityPerReplica = p.WriteCapacityPerReplica * keep };
                            reduced.Add($"{name} ({regions - 1} of {regions} regions left)");
                        }
                        else
                        {
                            changed[name] = p with { Availability = 0 };
                            lost.Add(name);
                        }
                    }

                    if (reduced.Count > 0)
                    {
                        notes.Add("capacity kept: " + string.Join(", ", reduced));
                    }

                    if (lost.Count > 0)
                    {
                        notes.Add("in one region only, so lost: " + string.Join(", ", lost));
                    }

                    return FaultOutcome(change, notes, before, architecture, changed, "with one region lost");
                }

            default:
                return Outcome(change, false, ["unknown change"], before, before, null, null, "This change is not supported.");
        }
    }

    private static ConstraintOutcome FaultOutcome(
        ConstraintChange change, List<string> notes, ArchitectureAnalysis before, BoundArchitecture architecture, Dictionary<string, ComponentParameters> changed, string what)
    {
        var after = ArchitectureAnalyzer.Analyze(architecture, changed);
        var failed = after.Flows.Where(f => f.Availability <= 1e-12 && f.RatePerSecond is > 0).Select(f => f.Name).ToList();
        var (first, multiple) = BreakingPoint(architecture, changed, _ => true);
        var saturated = Saturation(before, after).Where(u => u.UtilizationAfter >= 1).ToList();
        var parts = new List<string>();
        if (failed.Count > 0)
        {
            parts.Add($"{Capitalise(what)}, these flows fail: {string.Join(", ", failed)}.");
        }

        if (saturated.Count > 0)
        {
            parts.Add($"{(failed.Count > 0 ? "Also saturated" : Capitalise(what) + ", saturated")}: {string.Join(", ", saturated.Select(Describe))}.");
        }

        if (failed.Count == 0 && saturated.Count == 0)
        {
            parts.Add(first is null || multiple is null
                ? $"{Capitalise(what)}, every flow is still served."
                : string.Create(CultureInfo.InvariantCulture, $"{Capitalise(what)}, every flow is still served; '{first}' saturates first, at {Number(multiple.Value)}x today's load."));
            var rise = Saturation(before, after)
                .Where(u => double.IsFinite(u.UtilizationAfter) && u.UtilizationAfter - u.UtilizationBefore >= 0.01)
                .OrderByDescending(u => u.UtilizationAfter - u.UtilizationBefore)
                .FirstOrDefault();
            if (rise is not null)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"The biggest change: '{rise.Component}' goes from {rise.UtilizationBefore * 100:0}% to {rise.UtilizationAfter * 100:0}% busy."));
            }
        }

        return Outcome(change, true, notes, before, after, first, multiple, string.Join(" ", parts));
    }

    private static string ScaleSummary(
        ArchitectureAnalysis before, ArchitectureAnalysis after, string what, string baseline, string? first, double? multiple, double factor)
    {
        var saturated = Saturation(before, after).Where(u => u.UtilizationAfter >= 1).ToList();
        var breaks = first is null
            ? "no component has a bounded capacity on these flows"
            : multiple is { } m && m < MaxMultiple
                ? string.Create(CultureInfo.InvariantCulture, $"'{first}' saturates first, at {Number(m)}x {baseline}")
                : $"'{first}' would saturate first, beyond {Number(MaxMultiple)}x";
        var at = saturated.Count == 0
            ? $"At {what}, everything still keeps up ({breaks})."
            : $"At {what}: {breaks}; saturated then: {string.Join(", ", saturated.Select(Describe))}.";
        var slowest = after.Flows
            .Where(f => f.RatePerSecond is > 0 && f.Latency is not null)
            .Select(f => (After: f, Before: before.FindFlow(f.Name)))
            .Where(x => x.Before?.Latency is not null)
            .OrderByDescending(x => x.After.Latency!.P99Seconds / Math.Max(1e-9, x.Before!.Latency!.P99Seconds))
            .FirstOrDefault();
        if (saturated.Count == 0 && slowest.After is not null && factor > 1)
        {
            at += string.Create(CultureInfo.InvariantCulture, $" p99 of '{slowest.After.Name}' goes from {Milliseconds(slowest.Before!.Latency!.P99Seconds)} to {Milliseconds(slowest.After.Latency!.P99Seconds)}.");
        }

        return at;
    }

    /// <summary>
    /// The smallest multiple of the selected flows' rates at which some component reaches 100% utilisation, by bisection
    /// on the analytic model (utilisation grows with every flow's rate, so the first crossing is unique).
    /// </summary>
    private static (string? Component, double? Multiple) BreakingPoint(
        BoundArchitecture architecture, IReadOnlyDictionary<string, ComponentParameters> parameters, Func<BoundFlow, bool> selected)
    {
        static (string? Name, double Utilization) Busiest(ArchitectureAnalysis a) =>
            a.Components.Where(c => c.OfferedLoadPerSecond > 0 && double.IsFinite(c.CapacityPerSecond) && c.CapacityPerSecond > 0)
                .Select(c => (c.Name, c.Utilization))
                .OrderByDescending(c => c.Utilization)
                .Select(c => ((string?)c.Name, c.Utilization))
                .FirstOrDefault();

        var atOne = Busiest(ArchitectureAnalyzer.Analyze(architecture, parameters));
        if (atOne.Name is null)
        {
            return (null, null);
        }

        if (atOne.Utilization >= 1)
        {
            return (atOne.Name, 1);
        }

        var top = ArchitectureAnalyzer.Analyze(Scale(architecture, selected, MaxMultiple), parameters);
        var atTop = Busiest(top);
        if (atTop.Utilization < 1)
        {
            return (atTop.Name, null);
        }

        double low = 1, high = MaxMultiple;
        for (var i = 0; i < 40 && high / low > 1.001; i++)
        {
            var mid = Math.Sqrt(low * high);
            if (Busiest(ArchitectureAnalyzer.Analyze(Scale(architecture, selected, mid), parameters)).Utilization >= 1)
            {
                high = mid;
            }
            else
            {
                low = mid;
            }
        }

        return (Busiest(ArchitectureAnalyzer.Analyze(Scale(architecture, selected, high), parameters)).Name, high);
    }

    private static BoundArchitecture Scale(BoundArchitecture architecture, Func<BoundFlow, bool> selected, double factor) =>
        architecture with
        {
            Flows = [.. architecture.Flows.Select(f => selected(f) && f.RatePerSecond is { } r ? f with { RatePerSecond = r * factor } : f)],
        };

    /// <summary>A flow and every flow that runs after it, transitively.</summary>
    private static HashSet<string> Triggered(BoundArchitecture architecture, string flow)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { flow };
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var f in architecture.Flows)
            {
                if (f.Declaration.AfterFlow is { } after && set.Contains(after) && set.Add(f.Name))
                {
                    changed = true;
                }
            }
        }

        return set;
    }

    /// <summary>
    /// The candidate's flow for a reference flow name: the same name, else the busiest flow of the same read/write
    /// operation (a note says so); <see langword="null"/> when there is none.
    /// </summary>
    /// <param name="report">The candidate's review.</param>
    /// <param name="name">The flow name used by the reference design.</param>
    /// <param name="reference">The reference design's review, for the operation; optional.</param>
    /// <param name="notes">Receives a note when the name was mapped.</param>
    /// <returns>The flow's name in the candidate's design.</returns>
    public static string? MapFlow(ReviewReport report, string name, ReviewReport? reference, List<string> notes)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(notes);
        return ResolveFlow(report.Architecture, name, reference, notes)?.Name;
    }

    /// <summary>
    /// The candidate's component for a reference component name: the same name, else the busiest component of the same
    /// kind (or, with <paramref name="cacheOnly"/>, the busiest cache); a note says so. <see langword="null"/> when none.
    /// </summary>
    /// <param name="report">The candidate's review.</param>
    /// <param name="name">The component name used by the reference design.</param>
    /// <param name="reference">The reference design's review, for the kind; optional.</param>
    /// <param name="cacheOnly">Only caches qualify.</param>
    /// <param name="notes">Receives a note when the name was mapped.</param>
    /// <param name="catalog">Component defaults; <see cref="ComponentCatalog.Default"/> when omitted.</param>
    /// <returns>The component's name in the candidate's design.</returns>
    public static string? MapComponent(ReviewReport report, string name, ReviewReport? reference, bool cacheOnly, List<string> notes, ComponentCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(notes);
        return ResolveComponent(report.Architecture, ParameterResolver.Resolve(report.Architecture, catalog ?? ComponentCatalog.Default), name, reference, notes, cacheOnly);
    }

    private static BoundFlow? ResolveFlow(BoundArchitecture architecture, string name, ReviewReport? reference, List<string> notes)
    {
        if (architecture.FindFlow(name) is { } exact)
        {
            return exact;
        }

        var operation = reference?.Architecture.FindFlow(name)?.Declaration.Operation ?? Architecture.FlowOperation.Unspecified;
        var candidate = architecture.Flows
            .Where(f => f.RatePerSecond is > 0 && f.Declaration.AfterFlow is null)
            .Where(f => operation == Architecture.FlowOperation.Unspecified || f.Declaration.Operation == operation)
            .OrderByDescending(f => f.RatePerSecond)
            .FirstOrDefault();
        if (candidate is not null)
        {
            notes.Add(operation == Architecture.FlowOperation.Unspecified
                ? $"your design has no flow '{name}'; applied to your busiest flow, '{candidate.Name}'"
                : $"your design has no flow '{name}'; applied to your busiest {operation.ToString().ToLowerInvariant()} flow, '{candidate.Name}'");
        }

        return candidate;
    }

    private static string? ResolveComponent(
        BoundArchitecture architecture, Dictionary<string, ComponentParameters> parameters, string name, ReviewReport? reference, List<string> notes, bool cacheOnly)
    {
        if (architecture.FindComponent(name) is { } exact && parameters.ContainsKey(exact.Name)
            && (!cacheOnly || IsCache(parameters[exact.Name])))
        {
            return exact.Name;
        }

        var kind = reference?.Architecture.FindComponent(name)?.KindInfo?.Id;
        var before = ArchitectureAnalyzer.Analyze(architecture, parameters);
        var candidate = before.Components
            .Where(c => cacheOnly ? IsCache(c.Parameters) : kind is not null && c.Parameters.Component.KindInfo?.Id == kind)
            .OrderByDescending(c => c.OfferedLoadPerSecond)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        if (candidate is not null)
        {
            notes.Add(kind is null
                ? $"your design has no '{name}'; applied to your busiest cache, '{candidate.Name}'"
                : $"your design has no '{name}'; applied to your busiest {kind}, '{candidate.Name}'");
        }

        return candidate?.Name;
    }

    private static bool IsCache(ComponentParameters p) => p.HitRatio is not null || p.Component.KindInfo?.Id == "cache";

    /// <summary>Regions a component runs in: its <c>regions N</c> setting, else 1.</summary>
    internal static int Regions(BoundComponent component) =>
        component.Declaration.GetSetting("regions")?.ValueText is { } text
        && int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 1
            ? n
            : 1;

    private static IEnumerable<UtilizationChange> Saturation(ArchitectureAnalysis before, ArchitectureAnalysis after) =>
        after.Components
            .Where(c => c.OfferedLoadPerSecond > 0 && (c.CapacityPerSecond > 0 || c.OfferedLoadPerSecond > 0) && !double.IsPositiveInfinity(c.CapacityPerSecond))
            .Select(c => new UtilizationChange(c.Name, before.FindComponent(c.Name)?.Utilization ?? 0, c.Utilization))
            .OrderByDescending(u => u.UtilizationAfter)
            .ThenBy(u => u.Component, StringComparer.Ordinal);

    private static ConstraintOutcome Outcome(
        ConstraintChange change, bool applied, IReadOnlyList<string> notes, ArchitectureAnalysis before, ArchitectureAnalysis after,
        string? first, double? multiple, string summary)
    {
        var hottest = Saturation(before, after).ToList();
        return new ConstraintOutcome(
            change, applied, notes, before, after, [.. hottest.Take(5)], [.. hottest.Where(u => u.UtilizationAfter >= 1)],
            [.. after.Flows.Where(f => applied && f.Availability <= 1e-12 && f.RatePerSecond is > 0).Select(f => f.Name)], first, multiple, summary);
    }

    private static string Describe(UtilizationChange u) =>
        double.IsFinite(u.UtilizationAfter)
            ? string.Create(CultureInfo.InvariantCulture, $"{u.Component} at {u.UtilizationAfter * 100:0}% (was {u.UtilizationBefore * 100:0}%)")
            : $"{u.Component} (no capacity left)";

    private static string Number(double value) =>
        value.ToString(value >= 100 ? "0" : value >= 10 ? "0.#" : "0.##", CultureInfo.InvariantCulture);

    private static string Milliseconds(double seconds) =>
        double.IsFinite(seconds) ? string.Create(CultureInfo.InvariantCulture, $"{seconds * 1000:0.#} ms") : "unbounded";

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
