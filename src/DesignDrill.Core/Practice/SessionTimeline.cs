using DesignDrill.Core.DesignDocs;

namespace DesignDrill.Core.Practice;

/// <summary>What happened in a session.</summary>
public enum TimelineEventKind
{
    /// <summary>The session started (the clock's zero).</summary>
    Started,

    /// <summary>A phase started, because the candidate moved on or wrote in a later phase's section.</summary>
    PhaseStarted,

    /// <summary>The candidate asked a clarifying question.</summary>
    Asked,

    /// <summary>The design was saved (a snapshot of which sections had content).</summary>
    Saved,

    /// <summary>The design was reviewed.</summary>
    Reviewed,

    /// <summary>The session finished.</summary>
    Finished,

    /// <summary>The candidate answered a follow-up.</summary>
    Answered,
}

/// <summary>One entry of a session's timeline.</summary>
/// <param name="At">Time since the session started.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Phase">The phase the session was in right after the event.</param>
/// <param name="Text">A one-line description: the question asked, the phase started, the review's counts.</param>
public sealed record TimelineEvent(TimeSpan At, TimelineEventKind Kind, PhaseKind Phase, string Text)
{
    /// <summary>For <see cref="TimelineEventKind.Asked"/>: the fact topics the question matched (none when it matched nothing).</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>For <see cref="TimelineEventKind.Saved"/> and <see cref="TimelineEventKind.Reviewed"/>: the interview sections that had content.</summary>
    public IReadOnlyList<SectionKind> SectionsWithContent { get; init; } = [];
}

/// <summary>The clock as the candidate sees it.</summary>
/// <param name="Elapsed">Time since the start.</param>
/// <param name="Remaining">Time left in the whole session; negative once over time.</param>
/// <param name="Phase">The current phase.</param>
/// <param name="PhaseElapsed">Time spent in the current phase.</param>
/// <param name="PhaseBox">The current phase's time box.</param>
public sealed record SessionClock(TimeSpan Elapsed, TimeSpan Remaining, PhaseKind Phase, TimeSpan PhaseElapsed, TimeSpan PhaseBox)
{
    /// <summary>Time left in the current phase's box; negative once it has overrun.</summary>
    public TimeSpan PhaseRemaining => PhaseBox - PhaseElapsed;

    /// <summary>Whether the whole session is over its planned length.</summary>
    public bool IsOverTime => Remaining < TimeSpan.Zero;

    /// <summary>One status line: "Architecture · 12:04 left in phase · 31:10 left".</summary>
    /// <returns>The line.</returns>
    public override string ToString()
    {
        var phase = PhaseRemaining >= TimeSpan.Zero
            ? $"{Format(PhaseRemaining)} left in phase"
            : $"phase over by {Format(-PhaseRemaining)}";
        var total = Remaining >= TimeSpan.Zero ? $"{Format(Remaining)} left" : $"over time by {Format(-Remaining)}";
        return $"{SessionPlan.TitleOf(Phase)} · {phase} · {total}";
    }

    /// <summary>Formats a non-negative span as m:ss (minutes may exceed 59).</summary>
    /// <param name="span">The span.</param>
    /// <returns>"12:04".</returns>
    public static string Format(TimeSpan span) =>
        $"{(int)span.TotalMinutes}:{span.Seconds.ToString("00", System.Globalization.CultureInfo.InvariantCulture)}";
}
