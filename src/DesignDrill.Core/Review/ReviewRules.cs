using System.Text.RegularExpressions;
using DesignDrill.Core.Catalog;
using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Estimation;
using DesignDrill.Core.Text;

namespace DesignDrill.Core.Review;

/// <summary>
/// The structure and completeness rules of a review: what an interviewer notices before running any numbers —
/// missing or empty sections, requirements without targets, estimates without a peak, flows that name nothing,
/// entities without keys. Severities depend on the level where the field's guides expect more of senior and staff
/// candidates (rule of thumb; see ../shared/DESIGN.md). Every rule is documented in docs/review-rules.md.
/// </summary>
public static partial class ReviewRules
{
    /// <summary>Every rule, in id order: structure and completeness, content, and the rules that read the analysis.</summary>
    /// <remarks>Built on first use: the three lists live in separate files, whose static initialisers run in no defined order.</remarks>
    public static IReadOnlyList<ReviewRule> All => _all ??= [.. StructureRules, .. ContentRules, .. AnalysisRules];

    private static IReadOnlyList<ReviewRule>? _all;

    /// <summary>Structure and completeness rules (REV001–REV027).</summary>
    private static IReadOnlyList<ReviewRule> StructureRules { get; } =
    [
        new("REV001", "missing-section", RubricDimension.Communication,
            "A section the interview structure expects is missing; how serious depends on the section and the level.", MissingSections)
        { Concept = "docs/concepts/structure-of-the-interview.md" },
        new("REV002", "empty-section", RubricDimension.Communication,
            "A recognised section has a heading and nothing under it.", EmptySections)
        { Concept = "docs/concepts/structure-of-the-interview.md" },
        new("REV003", "no-functional-requirements", RubricDimension.RequirementDiscovery,
            "Requirements list no functional requirement: what the system must do.", NoFunctionalRequirements)
        { Concept = "docs/concepts/requirements-and-targets.md" },
        new("REV004", "no-measurable-targets", RubricDimension.RequirementDiscovery,
            "No non-functional requirement is measurable (a latency percentile and bound, an availability, a durability, RPO/RTO).", NoMeasurableTargets)
        { Concept = "docs/concepts/requirements-and-targets.md" },
        new("REV005", "unmeasurable-requirement", RubricDimension.RequirementDiscovery,
            "A non-functional requirement has no number an architecture could be checked against (\"fast\", \"highly available\").", UnmeasurableRequirements)
        { Concept = "docs/concepts/requirements-and-targets.md" },
        new("REV006", "no-latency-target", RubricDimension.RequirementDiscovery,
            "Targets are stated, but none bounds latency at a percentile (p99 < 100 ms).", NoLatencyTarget)
        { Concept = "docs/concepts/latency-percentiles.md" },
        new("REV007", "no-availability-target", RubricDimension.Reliability,
            "Targets are stated, but none gives availability (99.9%, four nines).", NoAvailabilityTarget)
        { Concept = "docs/concepts/availability.md" },
        new("REV008", "no-peak-estimate", RubricDimension.Scalability,
            "Estimates give averages only: no peak (a named peak, or a flow rate scaled by a peak factor).", NoPeakEstimate)
        { Concept = "docs/concepts/peak-load.md" },
        new("REV009", "no-storage-estimate", RubricDimension.DataModelling,
            "Estimates never size the data: no estimate is in bytes.", NoStorageEstimate)
        { Concept = "docs/concepts/back-of-the-envelope.md" },
        new("REV010", "unused-rate-estimate", RubricDimension.Scalability,
            "A rate estimate is used by no later estimate, flow or component: the architecture never carries it.", UnusedRateEstimates)
        { Concept = "docs/concepts/back-of-the-envelope.md" },
        new("REV011", "no-components", RubricDimension.Scalability,
            "The architecture section declares no component ('name: kind, settings').", NoComponents)
        { Concept = "docs/concepts/structure-of-the-interview.md" },
        new("REV012", "no-flows", RubricDimension.Scalability,
            "Components are declared but no flow says how requests travel through them and at what rate.", NoFlows)
        { Concept = "docs/concepts/structure-of-the-interview.md" },
        new("REV013", "undefined-component", RubricDimension.Communication,
            "A flow passes through a component that is not declared.", UndefinedComponents)
        { Concept = "docs/concepts/structure-of-the-interview.md" },
        new("REV014", "flow-without-rate", RubricDimension.Scalability,
            "A flow has neither 'at RATE' nor 'after FLOW', so nothing says how much load it carries.", FlowsWithoutRate)
        { Concept = "docs/concepts/peak-load.md" },
        new("REV015", "unknown-trigger-flow", RubricDimension.Communication,
            "A flow runs 'after' a flow that is not declared.", UnknownTriggerFlows)
        { Concept = "docs/concepts/structure-of-the-interview.md" },
        new("REV016", "after-cycle", RubricDimension.Communication,
            "Flows trigger each other in a cycle through 'after', so none of them has a rate.", AfterCycles)
        { Concept = "docs/concepts/structure-of-the-interview.md" },
        new("REV017", "unused-component", RubricDimension.Communication,
            "A component is declared but no flow passes through it.", UnusedComponents)
        { Concept = "docs/concepts/over-engineering.md" },
        new("REV018", "no-api-endpoints", RubricDimension.ApiDesign,
            "The API section names no endpoint ('METHOD /path {request} -> {response}').", NoApiEndpoints)
        { Concept = "docs/concepts/api-design.md" },
        new("REV019", "no-idempotency", RubricDimension.ApiDesign,
            "Writes (POST) are exposed but nothing makes a retried write safe (an idempotency key).", NoIdempotency)
        { Concept = "docs/concepts/idempotency-keys.md" },
        new("REV020", "entity-without-primary-key", RubricDimension.DataModelling,
            "An entity has no primary key.", EntitiesWithoutPrimaryKey)
        { Concept = "docs/concepts/data-modelling.md" },
        new("REV021", "undefined-store", RubricDimension.DataModelling,
            "An entity is kept 'in' a store that the architecture does not declare.", UndefinedStores)
        { Concept = "docs/concepts/data-modelling.md" },
        new("REV022", "no-entities", RubricDimension.DataModelling,
            "The data model section names no entity ('name(field PK, field) in store').", NoEntities)
        { Concept = "docs/concepts/data-modelling.md" },
        new("REV023", "architecture-before-requirements", RubricDimension.Communication,
            "The architecture comes before the requirements or the estimates: boxes before scale.", ArchitectureFirst)
        { Concept = "docs/concepts/structure-of-the-interview.md" },
        new("REV024", "cache-without-ttl", RubricDimension.Reliability,
            "A cache has no TTL or eviction policy, so nothing says how stale it gets or what it drops.", CachesWithoutTtl)
        { Concept = "docs/concepts/caching.md" },
        new("REV025", "no-cost", RubricDimension.OperationalRealism,
            "At staff level, the design never mentions cost.", NoCost)
        { Concept = "docs/concepts/cost.md" },
        new("REV026", "literal-flow-rate", RubricDimension.Scalability,
            "A flow's rate is a literal that no estimate backs, so the architecture and the estimates are not connected.", LiteralFlowRates)
        { Concept = "docs/concepts/back-of-the-envelope.md" },
        new("REV027", "entity-without-store", RubricDimension.DataModelling,
            "An entity does not say which store holds it ('in STORE').", EntitiesWithoutStore)
        { Concept = "docs/concepts/data-modelling.md" },
    ];

    private static ReviewRule Rule(string id) => All.First(r => r.Id == id);

    private static bool AtLeastSenior(ReviewContext c) => c.Level >= DesignLevel.Senior;

    private static IEnumerable<Finding> MissingSections(ReviewContext c)
    {
        var rule = Rule("REV001");
        var senior = AtLeastSenior(c);
        var staff = c.Level == DesignLevel.Staff;
        (SectionKind Kind, string Title, Severity Severity, string Why)[] expected =
        [
            (SectionKind.ClarifyingQuestions, "Clarifying questions", senior ? Severity.Warning : Severity.Info,
                "the interview starts by asking about users, scale and priorities"),
            (SectionKind.Requirements, "Requirements", Severity.Error, "nothing says what the system must do and how well"),
            (SectionKind.Estimates, "Estimates", Severity.Error, "nothing sizes the load the architecture must carry"),
            (SectionKind.Api, "API", Severity.Warning, "the contract between clients and the system is not shown"),
            (SectionKind.DataModel, "Data model", Severity.Warning, "the entities, keys and stores are not shown"),
            (SectionKind.Architecture, "Architecture", Severity.Error, "there are no components or flows to check"),
            (SectionKind.DeepDives, "Deep dives", Severity.Warning, "the hard parts of the prompt are not explored"),
            (SectionKind.BottlenecksAndFailureModes, "Bottlenecks and failure modes", senior ? Severity.Warning : Severity.Info,
                "nothing says what breaks first or what happens when a node dies"),
            (SectionKind.TradeOffs, "Trade-offs", senior ? Severity.Warning : Severity.Info, "no alternative is named and weighed"),
            (SectionKind.Operations, "Operations", staff ? Severity.Warning : Severity.Info,
                "nothing says how the system is monitored, deployed and run"),
        ];
        foreach (var (kind, title, severity, why) in expected)
        {
            if (c.Document.GetSection(kind) is null)
            {
                // A missing section counts against the dimension it would have shown, not against communication.
                yield return rule.At(severity, SourceSpan.None, $"no '{title}' section: {why}", $"add '## {title}'") with { Dimension = SectionDimension(kind) };
            }
        }
    }

    private static RubricDimension SectionDimension(SectionKind kind) => kind switch
    {
        SectionKind.ClarifyingQuestions or SectionKind.Requirements => RubricDimension.RequirementDiscovery,
        SectionKind.Estimates or SectionKind.Architecture => RubricDimension.Scalability,
        SectionKind.Api => RubricDimension.ApiDesign,
        SectionKind.DataModel => RubricDimension.DataModelling,
        SectionKind.BottlenecksAndFailureModes => RubricDimension.Reliability,
        SectionKind.TradeOffs => RubricDimension.TradeOffs,
        SectionKind.Operations => RubricDimension.OperationalRealism,
        _ => RubricDimension.Communication,
    };

    private static IEnumerable<Finding> EmptySections(ReviewContext c)
    {
        var rule = Rule("REV002");
        foreach (var section in c.Document.Sections)
        {
            if (section.Kind == SectionKind.Unknown)
            {
                continue;
            }

            var hasContent = section.Lines.Any(l => !string.IsNullOrWhiteSpace(l.Text))
                || section.Subsections.Any(s => s.Lines.Any(l => !string.IsNullOrWhiteSpace(l.Text)));
            if (!hasContent)
            {
                yield return rule.At(Severity.Warning, section.HeadingSpan, $"the '{section.Title}' section is empty", $"write the {section.Title.ToLowerInvariant()} or remove the heading");
            }
        }
    }

    private static IEnumerable<Finding> NoFunctionalRequirements(ReviewContext c)
    {
        if (c.Document.GetSection(SectionKind.Requirements) is { } section && c.Document.Requirements.Functional.Count == 0)
        {
            yield return Rule("REV003").At(
                Severity.Warning,
                section.HeadingSpan,
                "no functional requirements: the core use cases are not written down",
                "add '### Functional' with the 3–5 things users do, such as '- Create a short link for a long URL'");
        }
    }

    private static IEnumerable<Finding> NoMeasurableTargets(ReviewContext c)
    {
        if (c.Document.GetSection(SectionKind.Requirements) is { } section && !c.Document.Requirements.NonFunctional.Any(n => n.IsMeasurable))
        {
            var span = section.GetSubsection(SubsectionKind.NonFunctional)?.HeadingSpan ?? section.HeadingSpan;
            yield return Rule("REV004").At(
                Severity.Error,
                span,
                "no measurable non-functional requirement: nothing to check the architecture against",
                "state targets with numbers under '### Non-functional': 'p99 < 100 ms', 'availability 99.99%', 'RPO 0'");
        }
    }

    private static IEnumerable<Finding> UnmeasurableRequirements(ReviewContext c)
    {
        var rule = Rule("REV005");
        foreach (var nfr in c.Document.Requirements.NonFunctional.Where(n => !n.IsMeasurable))
        {
            var hint = nfr.Kind switch
            {
                NfrKind.Latency => "give a percentile and a bound: 'p99 < 200 ms'",
                NfrKind.Availability => "give a percentage: 'availability 99.95%' (about 22 minutes of downtime a month)",
                NfrKind.Durability => "give a durability or an RPO: '99.999999999% durability', 'RPO 0'",
                NfrKind.Scalability => "say what scale: 'handles 10x today's peak of 35K reads/s'",
                NfrKind.Consistency => "say which data needs which model: 'strong consistency for balances, eventual for feeds'",
                _ => "turn it into a number the design can be checked against",
            };
            yield return rule.At(Severity.Warning, nfr.Span, $"'{nfr.Text}' is not measurable", hint);
        }
    }

    private static IEnumerable<Finding> NoLatencyTarget(ReviewContext c)
    {
        var nfrs = c.Document.Requirements.NonFunctional;
        if (nfrs.Any(n => n.IsMeasurable) && !nfrs.Any(n => n.IsMeasurable && n.Kind == NfrKind.Latency))
        {
            var span = c.Document.GetSection(SectionKind.Requirements)?.HeadingSpan ?? SourceSpan.None;
            yield return Rule("REV006").At(
                Severity.Warning, span, "no latency target: the read and write paths cannot be judged", "add a percentile bound such as 'p99 < 200 ms for reads'");
        }
    }

    private static IEnumerable<Finding> NoAvailabilityTarget(ReviewContext c)
    {
        var nfrs = c.Document.Requirements.NonFunctional;
        if (nfrs.Any(n => n.IsMeasurable) && !nfrs.Any(n => n.IsMeasurable && n.Kind == NfrKind.Availability))
        {
            var span = c.Document.GetSection(SectionKind.Requirements)?.HeadingSpan ?? SourceSpan.None;
            yield return Rule("REV007").At(
                Severity.Warning, span, "no availability target: nothing says how much downtime is acceptable", "add one such as 'availability 99.9%' (43 minutes a month)");
        }
    }

    private static IEnumerable<Finding> NoPeakEstimate(ReviewContext c)
    {
        var rates = c.Estimates.Results.Where(r => r.Value is { } v && v.Dimension == Dimension.Rate).ToList();
        if (rates.Count == 0)
        {
            yield break;
        }

        var namedPeak = c.Document.Estimates.Any(e => PeakName().IsMatch(e.Name));
        var scaledFlow = c.Document.Architecture.Flows.Any(f => f.RateText is { } t && (t.Contains('*', StringComparison.Ordinal) || PeakName().IsMatch(t)));
        if (!namedPeak && !scaledFlow)
        {
            var span = c.Document.GetSection(SectionKind.Estimates)?.HeadingSpan ?? SourceSpan.None;
            yield return Rule("REV008").At(
                Severity.Warning,
                span,
                $"estimates give average rates only ({string.Join(", ", rates.Take(3).Select(r => r.Input.Name))}); systems are sized for the peak",
                "add a peak: 'peak_read = read_rate * 3' (2–10x the daily average is typical), and run flows at it");
        }
    }

    private static IEnumerable<Finding> NoStorageEstimate(ReviewContext c)
    {
        if (c.Document.Estimates.Count > 0 && !c.Estimates.Results.Any(r => r.Value is { } v && v.Dimension == Dimension.Information))
        {
            var span = c.Document.GetSection(SectionKind.Estimates)?.HeadingSpan ?? SourceSpan.None;
            yield return Rule("REV009").At(
                Severity.Warning,
                span,
                "no estimate sizes the data: storage growth and cache memory are unknown",
                "add one such as 'storage_5y = new_items * 5 years * 500 B'");
        }
    }

    private static IEnumerable<Finding> UnusedRateEstimates(ReviewContext c)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in c.Document.Estimates)
        {
            foreach (Match m in Identifier().Matches(line.Expression))
            {
                used.Add(m.Value);
            }
        }

        foreach (var flow in c.Architecture.Flows)
        {
            used.UnionWith(flow.ReferencedEstimates);
        }

        foreach (var component in c.Architecture.Components)
        {
            used.UnionWith(component.ReferencedEstimates);
        }

        var rule = Rule("REV010");
        foreach (var result in c.Estimates.Results)
        {
            if (result.Value is { } v && v.Dimension == Dimension.Rate && !used.Contains(result.Input.Name) && c.Document.Architecture.Flows.Count > 0)
            {
                yield return rule.At(
                    Severity.Warning,
                    result.Input.NameSpan,
                    $"{result.Input.Name} ({v.Format(c.Conventions)}) is used by no flow: the architecture never carries this load",
                    $"run a flow at it: 'flow NAME at {result.Input.Name}: client -> ...', or derive a later estimate from it");
            }
        }
    }

    private static IEnumerable<Finding> NoComponents(ReviewContext c)
    {
        if (c.Document.GetSection(SectionKind.Architecture) is { } section && c.Document.Architecture.Components.Count == 0)
        {
            yield return Rule("REV011").At(
                Severity.Error,
                section.HeadingSpan,
                "the architecture declares no components",
                "declare one per line: 'api: service x4, 2K rps each, 20 ms', 'db: postgres, 1 primary + 2 replicas'");
        }
    }

    private static IEnumerable<Finding> NoFlows(ReviewContext c)
    {
        if (c.Document.GetSection(SectionKind.Architecture) is { } section
            && c.Document.Architecture.Components.Count > 0
            && c.Document.Architecture.Flows.Count == 0)
        {
            yield return Rule("REV012").At(
                Severity.Error,
                section.HeadingSpan,
                $"{c.Document.Architecture.Components.Count} components but no flows: nothing says which requests reach them or how many",
                "add the read and write paths: 'flow read at peak_read, read: client -> lb -> api -> cache -> db on miss'");
        }
    }

    private static IEnumerable<Finding> UndefinedComponents(ReviewContext c)
    {
        var rule = Rule("REV013");
        var architecture = c.Document.Architecture;
        var names = architecture.Components.Select(x => x.Name).ToList();
        foreach (var flow in architecture.Flows)
        {
            foreach (var step in flow.Steps)
            {
                if (architecture.FindComponent(step.Component) is null && !architecture.IsImplicitClient(step.Component))
                {
                    var closest = EditDistance.Closest(step.Component, names);
                    yield return rule.At(
                        Severity.Error,
                        step.Span,
                        $"flow '{flow.Name}' passes through '{step.Component}', which is not declared",
                        closest is null
                            ? $"declare it in the architecture: '{step.Component}: service x2'"
                            : $"did you mean '{closest}'? or declare it: '{step.Component}: service x2'");
                }
            }
        }
    }

    private static IEnumerable<Finding> FlowsWithoutRate(ReviewContext c)
    {
        var rule = Rule("REV014");
        foreach (var flow in c.Document.Architecture.Flows.Where(f => f.RateText is null && f.AfterFlow is null))
        {
            yield return rule.At(
                Severity.Error,
                flow.NameSpan,
                $"flow '{flow.Name}' has no rate",
                $"write 'flow {flow.Name} at RATE: ...' with an estimate name, or 'flow {flow.Name} after OTHER_FLOW: ...'");
        }
    }

    private static IEnumerable<Finding> UnknownTriggerFlows(ReviewContext c)
    {
        var rule = Rule("REV015");
        var architecture = c.Document.Architecture;
        var names = architecture.Flows.Select(f => f.Name).ToList();
        foreach (var flow in architecture.Flows)
        {
            if (flow.AfterFlow is { } after && architecture.FindFlow(after) is null)
            {
                var closest = EditDistance.Closest(after, names);
                yield return rule.At(
                    Severity.Error,
                    flow.AfterSpan,
                    $"flow '{flow.Name}' runs after '{after}', which is not a flow",
                    closest is null ? "name a declared flow after 'after'" : $"did you mean '{closest}'?");
            }
        }
    }

    private static IEnumerable<Finding> AfterCycles(ReviewContext c)
    {
        var rule = Rule("REV016");
        var architecture = c.Document.Architecture;
        foreach (var flow in architecture.Flows.Where(f => f.AfterFlow is not null && f.RateText is null))
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { flow.Name };
            var current = flow;
            while (current.AfterFlow is { } after && architecture.FindFlow(after) is { } next && next.RateText is null)
            {
                if (string.Equals(next.Name, flow.Name, StringComparison.OrdinalIgnoreCase))
                {
                    yield return rule.At(
                        Severity.Error,
                        flow.AfterSpan,
                        $"flow '{flow.Name}' is triggered, through 'after', by itself",
                        "start the chain with a flow that has 'at RATE'");
                    break;
                }

                if (!seen.Add(next.Name))
                {
                    break;
                }

                current = next;
            }
        }
    }

    private static IEnumerable<Finding> UnusedComponents(ReviewContext c)
    {
        var architecture = c.Document.Architecture;
        if (architecture.Flows.Count == 0)
        {
            yield break;
        }

        var used = new HashSet<string>(architecture.Flows.SelectMany(f => f.Steps).Select(s => s.Component), StringComparer.OrdinalIgnoreCase);
        var rule = Rule("REV017");
        foreach (var component in architecture.Components)
        {
            var info = c.Catalog.GetKind(component.Kind);
            var offPath = info is { Category: ComponentCategory.Infrastructure or ComponentCategory.Client }
                || component.Kind == ComponentKind.Dlq
                || info?.Id is "dns";
            if (!used.Contains(component.Name) && !offPath)
            {
                yield return rule.At(
                    Severity.Warning,
                    component.NameSpan,
                    $"'{component.Name}' is declared but no flow passes through it, so it carries no load",
                    $"put it on a flow ('... -> {component.Name}') or remove it");
            }
        }
    }

    private static IEnumerable<Finding> NoApiEndpoints(ReviewContext c) =>
        NothingReadable(
            c, SectionKind.Api, c.Document.Api.Count, "REV018",
            "the API section names no endpoint that DesignDrill can read",
            "write one per line: 'POST /v1/urls {long_url} -> {short_url}'");

    /// <summary>A section with text in it from which no structured item (endpoint, entity) could be read.</summary>
    private static IEnumerable<Finding> NothingReadable(ReviewContext c, SectionKind kind, int itemCount, string ruleId, string message, string hint)
    {
        if (c.Document.GetSection(kind) is { } section && itemCount == 0
            && section.Lines.Any(l => !string.IsNullOrWhiteSpace(l.Text)))
        {
            yield return Rule(ruleId).At(Severity.Warning, section.HeadingSpan, message, hint);
        }
    }

    private static IEnumerable<Finding> NoIdempotency(ReviewContext c)
    {
        var posts = c.Document.Api.Where(e => e.Method == "POST").ToList();
        if (posts.Count == 0)
        {
            yield break;
        }

        var section = c.Document.GetSection(SectionKind.Api);
        var mentioned = posts.Any(p => p.RequestFields.Any(f => Idempotency().IsMatch(f.Name)))
            || (section?.Lines.Any(l => Idempotency().IsMatch(l.Text)) ?? false);

        // Orders, payments, bookings and messages are REV053's, at a higher severity; this rule covers the other writes.
        var others = posts.Where(p => !IsCriticalWrite(p)).ToList();
        if (!mentioned && others.Count > 0)
        {
            yield return Rule("REV019").At(
                AtLeastSenior(c) ? Severity.Warning : Severity.Info,
                others[0].Span,
                $"{others.Count} POST endpoint(s) and no idempotency key: a client retry after a timeout can create a duplicate",
                "accept an 'idempotency_key' on writes and store it with the result for a day");
        }
    }

    private static IEnumerable<Finding> EntitiesWithoutPrimaryKey(ReviewContext c)
    {
        var rule = Rule("REV020");
        foreach (var entity in c.Document.Entities.Where(e => !e.PrimaryKey.Any()))
        {
            yield return rule.At(
                Severity.Warning,
                entity.NameSpan.HasLocation ? entity.NameSpan : entity.Span,
                $"entity '{entity.Name}' has no primary key",
                $"mark the key: '{entity.Name}({entity.Fields.FirstOrDefault()?.Name ?? "id"} PK, ...)'");
        }
    }

    private static IEnumerable<Finding> UndefinedStores(ReviewContext c)
    {
        var rule = Rule("REV021");
        var architecture = c.Document.Architecture;
        if (architecture.Components.Count == 0)
        {
            yield break;
        }

        var names = architecture.Components.Select(x => x.Name).ToList();
        foreach (var entity in c.Document.Entities)
        {
            if (entity.Store is { } store && architecture.FindComponent(store) is null)
            {
                var closest = EditDistance.Closest(store, names);
                yield return rule.At(
                    Severity.Error,
                    entity.StoreSpan.HasLocation ? entity.StoreSpan : entity.Span,
                    $"entity '{entity.Name}' is kept in '{store}', which the architecture does not declare",
                    closest is null ? $"declare '{store}: postgres' (or the store you mean)" : $"did you mean '{closest}'?");
            }
        }
    }

    private static IEnumerable<Finding> NoEntities(ReviewContext c) =>
        NothingReadable(
            c, SectionKind.DataModel, c.Document.Entities.Count, "REV022",
            "the data model names no entity that DesignDrill can read",
            "write one per line: 'url(code PK, long_url, created_at) in urls'");

    private static IEnumerable<Finding> ArchitectureFirst(ReviewContext c)
    {
        var architecture = c.Document.GetSection(SectionKind.Architecture);
        if (architecture is null)
        {
            yield break;
        }

        var earlier = new[] { SectionKind.Requirements, SectionKind.Estimates }
            .Select(c.Document.GetSection)
            .Where(s => s is not null && s.StartLine > architecture.StartLine)
            .Select(s => s!.Title)
            .ToList();
        if (earlier.Count > 0)
        {
            yield return Rule("REV023").At(
                Severity.Info,
                architecture.HeadingSpan,
                $"the architecture comes before {string.Join(" and ", earlier)}: in an interview, boxes before scale is the most common way to fail",
                "clarify, state requirements and estimate first; then design for the numbers");
        }
    }

    private static IEnumerable<Finding> CachesWithoutTtl(ReviewContext c)
    {
        var rule = Rule("REV024");
        foreach (var component in c.Architecture.Components.Where(x => x.KindInfo?.Kind == ComponentKind.Cache))
        {
            var declaration = component.Declaration;
            if (component.Ttl is null && declaration.GetSetting("ttl") is null && declaration.GetSetting("eviction") is null)
            {
                yield return rule.At(
                    AtLeastSenior(c) ? Severity.Warning : Severity.Info,
                    declaration.NameSpan,
                    $"cache '{component.Name}' has no TTL or eviction policy: how stale can it get, and what does it drop when full?",
                    $"add 'ttl 1h' and 'eviction lru' (or say why entries never expire)");
            }
        }
    }

    private static IEnumerable<Finding> NoCost(ReviewContext c)
    {
        if (c.Level != DesignLevel.Staff)
        {
            yield break;
        }

        var mentions = c.Document.Sections.SelectMany(s => s.Lines.Concat(s.Subsections.SelectMany(x => x.Lines)))
            .Any(l => Cost().IsMatch(l.Text))
            || c.Estimates.Results.Any(r => r.Value is { } v && v.Dimension.MoneyExponent != 0);
        if (!mentions)
        {
            yield return Rule("REV025").At(
                Severity.Warning,
                SourceSpan.None,
                "at staff level the design never mentions cost",
                "estimate the monthly bill of the largest components and name the cost trade-off you made");
        }
    }

    private static IEnumerable<Finding> LiteralFlowRates(ReviewContext c)
    {
        if (c.Document.Estimates.Count == 0)
        {
            yield break;
        }

        var rule = Rule("REV026");
        foreach (var flow in c.Architecture.Flows)
        {
            if (flow.Declaration.RateText is { } text && flow.ReferencedEstimates.Count == 0 && flow.RatePerSecond is not null)
            {
                yield return rule.At(
                    Severity.Info,
                    flow.Declaration.RateSpan,
                    $"flow '{flow.Name}' runs at the literal '{text}', which no estimate backs",
                    "name the estimate it comes from, so a change in the estimates changes the load");
            }
        }
    }

    private static IEnumerable<Finding> EntitiesWithoutStore(ReviewContext c)
    {
        if (c.Document.Architecture.Components.Count == 0)
        {
            yield break;
        }

        var rule = Rule("REV027");
        foreach (var entity in c.Document.Entities.Where(e => e.Store is null))
        {
            yield return rule.At(
                Severity.Info,
                entity.NameSpan.HasLocation ? entity.NameSpan : entity.Span,
                $"entity '{entity.Name}' does not say which store holds it",
                $"end the line with 'in STORE', naming a store from the architecture");
        }
    }

    [GeneratedRegex(@"(?i)peak|max|burst")]
    private static partial Regex PeakName();

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"(?i)idempot")]
    private static partial Regex Idempotency();

    [GeneratedRegex(@"(?i)\bcosts?\b|\$|\bbill|\bpric|\bspend|\bbudget")]
    private static partial Regex Cost();
}
