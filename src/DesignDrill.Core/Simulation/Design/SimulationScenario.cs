using DesignDrill.Core.Analysis;
using DesignDrill.Core.Catalog;
using DesignDrill.Core.Practice;
using DesignDrill.Core.Review;
using DesignDrill.Core.Simulation.Faults;

namespace DesignDrill.Core.Simulation.Design;

/// <summary>
/// Turns a prompt's constraint change (docs/prompt-format.md) into a simulation of the candidate's design: a change of
/// rate becomes a load factor, a fault starts a third of the way into the run and lasts a third of it, so the series
/// shows before, during and after. Names from the reference design are mapped to the candidate's as
/// <see cref="ConstraintRunner"/> does.
/// </summary>
public static class SimulationScenario
{
    /// <summary>Options for running <paramref name="change"/> on <paramref name="report"/>.</summary>
    /// <param name="report">The candidate's review.</param>
    /// <param name="change">The constraint change.</param>
    /// <param name="baseOptions">Duration, seed and the rest; the change adds to them.</param>
    /// <param name="reference">The reference design's review, to map names; optional.</param>
    /// <param name="notes">Receives how names were mapped and what could not be applied.</param>
    /// <returns>The options to run.</returns>
    public static DesignSimulationOptions Apply(ReviewReport report, ConstraintChange change, DesignSimulationOptions baseOptions, ReviewReport? reference, List<string> notes)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(baseOptions);
        ArgumentNullException.ThrowIfNull(notes);
        var startNs = SimTime.FromSeconds(baseOptions.DurationSeconds / 3);
        var lengthNs = SimTime.FromSeconds(baseOptions.DurationSeconds / 3);
        var faults = new List<FaultSpec>(baseOptions.Faults);
        switch (change.Change)
        {
            case ScaleFlows all:
                return baseOptions with { LoadFactor = baseOptions.LoadFactor * all.Factor };
            case ScaleFlow one:
                if (ConstraintRunner.MapFlow(report, one.Flow, reference, notes) is not { } flow)
                {
                    notes.Add($"your design has no flow like '{one.Flow}'; the scenario changes nothing");
                    return baseOptions;
                }

                var factors = new Dictionary<string, double>(baseOptions.FlowFactors, StringComparer.OrdinalIgnoreCase) { [flow] = one.Factor };
                return baseOptions with { FlowFactors = factors };
            case KillComponent kill:
                if (ConstraintRunner.MapComponent(report, kill.Component, reference, cacheOnly: false, notes) is not { } target)
                {
                    notes.Add($"your design has no component like '{kill.Component}'; the scenario changes nothing");
                    return baseOptions;
                }

                var replicas = report.Architecture.FindComponent(target)?.Replicas ?? 1;
                faults.Add(new KillReplicasFault(target, Math.Max(1, replicas), startNs, lengthNs, default));
                break;
            case CacheFlush flush:
                if (ConstraintRunner.MapComponent(report, flush.Component, reference, cacheOnly: true, notes) is not { } cache)
                {
                    notes.Add("your design has no cache; the scenario changes nothing");
                    return baseOptions;
                }

                faults.Add(new CacheFlushFault(cache, startNs, lengthNs, default));
                break;
            case LoseRegion:
                // Components in N >= 2 regions lose a region's share of their replicas; single-region ones are cut off;
                // managed services (DNS, CDN, usage-priced stores) are assumed multi-region, as in ConstraintRunner.
                var parameters = ParameterResolver.Resolve(report.Architecture, ComponentCatalog.Default);
                var cut = new List<string>();
                foreach (var (name, p) in parameters)
                {
                    if (p.IsManaged || p.Component.KindInfo?.Category == ComponentCategory.Client)
                    {
                        continue;
                    }

                    var regions = ConstraintRunner.Regions(p.Component);
                    if (regions >= 2)
                    {
                        faults.Add(new KillReplicasFault(name, Math.Max(1, p.Replicas / regions), startNs, lengthNs, default));
                    }
                    else
                    {
                        cut.Add(name);
                    }
                }

                if (cut.Count > 0)
                {
                    faults.Add(new PartitionFault(cut, startNs, lengthNs, default));
                    notes.Add("in one region only, so cut off: " + string.Join(", ", cut));
                }

                break;
        }

        return baseOptions with { Faults = faults };
    }
}
