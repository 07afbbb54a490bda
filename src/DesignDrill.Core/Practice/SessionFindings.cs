using System.Globalization;
using DesignDrill.Core.Catalog;
using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Review;

namespace DesignDrill.Core.Practice;

/// <summary>
/// Findings about how a practice session was run rather than about the design: facts never asked for before the
/// architecture appeared, architecture written before requirements or estimates, phases that overran their boxes, and
/// phases never reached. Rules SES001–SES005 (docs/practice.md). They carry no line: <see cref="Finding.Span"/> is
/// <see cref="SourceSpan.None"/>.
/// </summary>
public static class SessionFindings
{
    /// <summary>
    /// The groups of fact topics a candidate should clarify before drawing boxes; a group counts as asked when any of its
    /// topics was asked. They are the items of the field's clarify checklist (users and scale, request rates and peak,
    /// read/write mix, data size, latency, availability, consistency, geography, scope, MVP or mature; DESIGN.md §1).
    /// A group counts only when the prompt has a fact on one of its topics.
    /// </summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<string> Topics)> DiscoveryGroups { get; } =
    [
        ("users and scale", ["scale.users", "scale.dau", "scale.concurrency"]),
        ("request rates and peak", ["traffic.requests", "traffic.peak", "traffic.growth"]),
        ("read/write mix", ["traffic.read_write_ratio"]),
        ("data size", ["data.payload_size", "data.volume", "data.retention"]),
        ("latency target", ["latency.target"]),
        ("availability target", ["availability.target", "durability"]),
        ("consistency", ["consistency", "ordering", "delivery"]),
        ("geography", ["geography"]),
        ("scope", ["scope.features"]),
        ("MVP or mature", ["maturity"]),
    ];

    /// <summary>
    /// Missed discovery groups at or above which SES001 is a warning rather than a note (3; rule of thumb: one or two
    /// can be assumed aloud, three gaps leave the estimates guessing).
    /// </summary>
    public const int MissedGroupsForWarning = 3;

    /// <summary>
    /// A phase overruns when it takes more than its box times this factor and at least <see cref="OverrunSlack"/> longer
    /// (1.5; rule of thumb: interviewers tolerate a few minutes of drift, not a phase at half as long again).
    /// </summary>
    public const double OverrunFactor = 1.5;

    /// <summary>Smallest overrun reported (2 minutes; rule of thumb).</summary>
    public static TimeSpan OverrunSlack { get; } = TimeSpan.FromMinutes(2);

    /// <summary>The session rules, id and name, for documentation and the report.</summary>
    public static IReadOnlyList<(string Id, string Name, RubricDimension Dimension)> Rules { get; } =
    [
        ("SES001", "facts-not-asked", RubricDimension.RequirementDiscovery),
        ("SES002", "boxes-before-numbers", RubricDimension.Communication),
        ("SES003", "phase-overrun", RubricDimension.Communication),
        ("SES004", "phases-never-reached", RubricDimension.Communication),
        ("SES005", "over-time", RubricDimension.Communication),
    ];

    /// <summary>Finds the session findings.</summary>
    /// <param name="prompt">The prompt practised.</param>
    /// <param name="plan">The plan with its time boxes.</param>
    /// <param name="timeline">The session's timeline, oldest first.</param>
    /// <param name="final">The final design document.</param>
    /// <param name="finishedAt">Time from start to finish.</param>
    /// <returns>The findings, in rule order.</returns>
    public static IReadOnlyList<Finding> Find(Prompt prompt, SessionPlan plan, IReadOnlyList<TimelineEvent> timeline, DesignDocument final, TimeSpan finishedAt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(final);
        var findings = new List<Finding>();
        var snapshots = timeline.Where(e => e.Kind is TimelineEventKind.Saved or TimelineEventKind.Reviewed).ToList();
        var architectureAt = snapshots.FirstOrDefault(s => s.SectionsWithContent.Contains(SectionKind.Architecture));

        // SES001: facts never asked for before the architecture appeared.
        var askedBefore = timeline
            .Where(e => e.Kind == TimelineEventKind.Asked && (architectureAt is null || e.At <= architectureAt.At))
            .SelectMany(e => e.Topics)
            .ToHashSet(StringComparer.Ordinal);
        var missed = DiscoveryGroups
            .Where(g => g.Topics.Any(t => prompt.FactsAbout(t).Count > 0))
            .Where(g => !g.Topics.Any(askedBefore.Contains))
            .Select(g => g.Name)
            .ToList();
        if (missed.Count > 0)
        {
            var when = architectureAt is null ? "during the session" : $"before the architecture appeared ({SessionClock.Format(architectureAt.At)})";
            findings.Add(Make(
                0,
                missed.Count >= MissedGroupsForWarning ? Severity.Warning : Severity.Info,
                $"never asked {when} about: {string.Join(", ", missed)}",
                "ask before drawing boxes: each of these facts was on the interviewer's sheet, and every estimate rests on them"));
        }

        // SES002: architecture written before requirements or estimates.
        if (architectureAt is not null)
        {
            var lacking = new List<string>();
            if (!architectureAt.SectionsWithContent.Contains(SectionKind.Requirements))
            {
                lacking.Add("requirements");
            }

            if (!architectureAt.SectionsWithContent.Contains(SectionKind.Estimates))
            {
                lacking.Add("estimates");
            }

            if (lacking.Count > 0)
            {
                findings.Add(Make(
                    1,
                    Severity.Warning,
                    $"the architecture was written at {SessionClock.Format(architectureAt.At)} before any {string.Join(" or ", lacking)}: boxes before numbers",
                    "write the requirements and the estimates first; the architecture should carry the load they imply"));
            }
        }

        // SES003: phases that overran their boxes.
        foreach (var (phase, spent) in PhaseDurations(timeline, finishedAt))
        {
            var box = plan.Get(phase).Box;
            if (spent > box * OverrunFactor && spent - box >= OverrunSlack)
            {
                findings.Add(Make(
                    2,
                    Severity.Info,
                    string.Create(CultureInfo.InvariantCulture, $"{SessionPlan.TitleOf(phase)} took {SessionClock.Format(spent)} against a box of {SessionClock.Format(box)}"),
                    "watch the phase clock; move on with a stated assumption and come back if time allows"));
            }
        }

        // SES004: phases never reached (no content in their sections; Clarify also counts questions asked).
        var written = SectionsSet(final);
        var neverReached = plan.Phases
            .Where(p => p.Kind switch
            {
                PhaseKind.Clarify => !timeline.Any(e => e.Kind == TimelineEventKind.Asked) && !written.Contains(SectionKind.ClarifyingQuestions),
                _ => !p.Sections.Any(written.Contains),
            })
            .Select(p => p.Title)
            .ToList();
        if (neverReached.Count > 0)
        {
            findings.Add(Make(
                3,
                Severity.Warning,
                $"phases never reached: {string.Join(", ", neverReached)}",
                "keep moving: a short answer in every phase scores better than a perfect one in half of them"));
        }

        // SES005: over time.
        if (finishedAt > plan.Total + OverrunSlack)
        {
            findings.Add(Make(
                4,
                Severity.Info,
                $"finished after {SessionClock.Format(finishedAt)}, {SessionClock.Format(finishedAt - plan.Total)} over the {plan.Minutes} minutes",
                "a real interview ends on time; leave the last minutes for the wrap-up"));
        }

        return findings;
    }

    /// <summary>Time spent in each phase that was entered: from its start to the next phase's start or the finish.</summary>
    /// <param name="timeline">The timeline.</param>
    /// <param name="finishedAt">The end of the last phase.</param>
    /// <returns>The phases entered, in order, with time spent.</returns>
    public static IReadOnlyList<(PhaseKind Phase, TimeSpan Spent)> PhaseDurations(IReadOnlyList<TimelineEvent> timeline, TimeSpan finishedAt)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var starts = new List<(PhaseKind Phase, TimeSpan At)> { (PhaseKind.Clarify, TimeSpan.Zero) };
        starts.AddRange(timeline.Where(e => e.Kind == TimelineEventKind.PhaseStarted).Select(e => (e.Phase, e.At)));
        return [.. starts.Select((s, i) => (s.Phase, (i + 1 < starts.Count ? starts[i + 1].At : finishedAt) - s.At))];
    }

    private static HashSet<SectionKind> SectionsSet(DesignDocument document) => [.. PracticeSession.SectionsWithContent(document)];

    private static Finding Make(int rule, Severity severity, string message, string hint)
    {
        var (id, name, dimension) = Rules[rule];
        return new Finding(id, name, severity, dimension, message, SourceSpan.None, hint) { Concept = rule == 0 ? "docs/concepts/requirements-and-targets.md" : "docs/concepts/structure-of-the-interview.md" };
    }
}
