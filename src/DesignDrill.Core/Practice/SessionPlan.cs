using DesignDrill.Core.DesignDocs;

namespace DesignDrill.Core.Practice;

/// <summary>The phases of a system design interview, in the order the field teaches them.</summary>
public enum PhaseKind
{
    /// <summary>Ask about users, scale, targets and scope before drawing anything.</summary>
    Clarify,

    /// <summary>Functional and measurable non-functional requirements.</summary>
    Requirements,

    /// <summary>Back-of-the-envelope estimates: DAU to requests per second, peak, storage, bandwidth.</summary>
    Estimates,

    /// <summary>Endpoints and the data model (entities, access patterns, partition keys).</summary>
    ApiAndDataModel,

    /// <summary>The high-level architecture: components and flows.</summary>
    Architecture,

    /// <summary>The prompt's hard parts, bottlenecks and failure modes.</summary>
    DeepDives,

    /// <summary>Trade-offs, operations and the summary.</summary>
    WrapUp,
}

/// <summary>One phase of a plan: its time box and the design sections written during it.</summary>
/// <param name="Kind">The phase.</param>
/// <param name="Box">The time box.</param>
/// <param name="Sections">The design document sections that belong to the phase (the first is where it starts).</param>
public sealed record PhasePlan(PhaseKind Kind, TimeSpan Box, IReadOnlyList<SectionKind> Sections)
{
    /// <summary>The phase's display name ("API and data model").</summary>
    public string Title => SessionPlan.TitleOf(Kind);
}

/// <summary>
/// A session's phases with their time boxes. The two standard plans follow the field's usual split of a 45- and a
/// 60-minute round (rule of thumb from interview guides). The practice issue lists the boxes Clarify 5, Requirements 5,
/// Estimates 5, API and data model 5, Architecture 15, Deep dives 10, Wrap-up 5, which add up to 50 minutes; the
/// 45-minute plan keeps the five short boxes and cuts the two long ones by the same fifth (Architecture 12, Deep dives
/// 8), and the 60-minute plan gives the extra time to the middle of the round.
/// </summary>
public sealed record SessionPlan
{
    private SessionPlan(IReadOnlyList<PhasePlan> phases) => Phases = phases;

    /// <summary>The phases in order; always all seven <see cref="PhaseKind"/> values.</summary>
    public IReadOnlyList<PhasePlan> Phases { get; }

    /// <summary>The sum of the time boxes.</summary>
    public TimeSpan Total => Phases.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Box);

    /// <summary>Whole minutes of <see cref="Total"/>.</summary>
    public int Minutes => (int)Total.TotalMinutes;

    /// <summary>The 45-minute plan: 5 + 5 + 5 + 5 + 12 + 8 + 5 minutes.</summary>
    public static SessionPlan FortyFiveMinutes { get; } = Create(5, 5, 5, 5, 12, 8, 5);

    /// <summary>
    /// The 60-minute plan: the boxes with the extra ten minutes where a longer round spends them (rule of
    /// thumb): 2 more of estimates, 3 of API and data model, 5 of architecture — 5 + 5 + 7 + 8 + 20 + 10 + 5.
    /// </summary>
    public static SessionPlan SixtyMinutes { get; } = Create(5, 5, 7, 8, 20, 10, 5);

    /// <summary>The plans a session may use, by length in minutes.</summary>
    public static IReadOnlyList<int> SupportedMinutes { get; } = [45, 60];

    /// <summary>The plan of a given length.</summary>
    /// <param name="minutes">45 or 60.</param>
    /// <returns>The plan, or <see langword="null"/> for any other length.</returns>
    public static SessionPlan? ForMinutes(int minutes) => minutes switch
    {
        45 => FortyFiveMinutes,
        60 => SixtyMinutes,
        _ => null,
    };

    /// <summary>The plan entry for a phase.</summary>
    /// <param name="kind">The phase.</param>
    /// <returns>Its entry.</returns>
    public PhasePlan Get(PhaseKind kind) => Phases[(int)kind];

    /// <summary>When a phase should start, counted from the start of the session, if every earlier phase kept its box.</summary>
    /// <param name="kind">The phase.</param>
    /// <returns>The planned offset.</returns>
    public TimeSpan PlannedStart(PhaseKind kind) => Phases.Take((int)kind).Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Box);

    /// <summary>The phase a design section belongs to.</summary>
    /// <param name="section">The section.</param>
    /// <returns>The phase, or <see langword="null"/> for sections outside the interview structure.</returns>
    public static PhaseKind? PhaseOf(SectionKind section) => section switch
    {
        SectionKind.ClarifyingQuestions => PhaseKind.Clarify,
        SectionKind.Requirements => PhaseKind.Requirements,
        SectionKind.Estimates => PhaseKind.Estimates,
        SectionKind.Api or SectionKind.DataModel => PhaseKind.ApiAndDataModel,
        SectionKind.Architecture => PhaseKind.Architecture,
        SectionKind.DeepDives or SectionKind.BottlenecksAndFailureModes => PhaseKind.DeepDives,
        SectionKind.TradeOffs or SectionKind.Operations => PhaseKind.WrapUp,
        _ => null,
    };

    /// <summary>A phase's display name.</summary>
    /// <param name="kind">The phase.</param>
    /// <returns>"Clarify", "Requirements", "Estimates", "API and data model", "Architecture", "Deep dives" or "Wrap-up".</returns>
    public static string TitleOf(PhaseKind kind) => kind switch
    {
        PhaseKind.Clarify => "Clarify",
        PhaseKind.Requirements => "Requirements",
        PhaseKind.Estimates => "Estimates",
        PhaseKind.ApiAndDataModel => "API and data model",
        PhaseKind.Architecture => "Architecture",
        PhaseKind.DeepDives => "Deep dives",
        _ => "Wrap-up",
    };

    private static SessionPlan Create(params int[] minutes) =>
        new([.. Enum.GetValues<PhaseKind>().Select(k => new PhasePlan(
            k,
            TimeSpan.FromMinutes(minutes[(int)k]),
            [.. Enum.GetValues<SectionKind>().Where(s => PhaseOf(s) == k)]))]);
}
