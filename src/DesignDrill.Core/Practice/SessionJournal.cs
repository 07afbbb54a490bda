using System.Globalization;
using DesignDrill.Core.DesignDocs;

namespace DesignDrill.Core.Practice;

/// <summary>What the candidate did, as a <see cref="SessionJournal"/> records it: one kind per <see cref="PracticeSession"/> command.</summary>
public enum JournalEntryKind
{
    /// <summary><see cref="PracticeSession.Ask"/>: the text is the question as typed.</summary>
    Ask,

    /// <summary><see cref="PracticeSession.NextPhase"/>: the text is empty.</summary>
    NextPhase,

    /// <summary><see cref="PracticeSession.Save"/>: the text is the whole design document.</summary>
    Save,

    /// <summary><see cref="PracticeSession.Review"/>: the text is the whole design document.</summary>
    Review,

    /// <summary><see cref="PracticeSession.Finish"/>: the text is the final design document.</summary>
    Finish,

    /// <summary><see cref="PracticeSession.Answer(int, string, Func{string, IEnumerable{string}})"/>: the text is the answer; <see cref="JournalEntry.FollowUpIndex"/> says which follow-up.</summary>
    Answer,
}

/// <summary>One command of a practice session, with the time it was given.</summary>
/// <param name="At">Time since the session started (not negative; entries never go back in time).</param>
/// <param name="Kind">Which command.</param>
/// <param name="Text">The question, the design text or the answer, exactly as given; empty for <see cref="JournalEntryKind.NextPhase"/>.</param>
/// <param name="FollowUpIndex">For <see cref="JournalEntryKind.Answer"/>: the 0-based index of the follow-up in <see cref="SessionResult.FollowUps"/>; <see langword="null"/> for every other kind.</param>
public sealed record JournalEntry(TimeSpan At, JournalEntryKind Kind, string Text, int? FollowUpIndex = null);

/// <summary>
/// The design text as the candidate last typed it, autosaved often (about once a second while typing) and not a
/// timeline event: a draft changes nothing in the session's phases, findings or scores.
/// </summary>
/// <param name="At">When it was typed: time since the session started.</param>
/// <param name="Text">The whole design document as typed.</param>
public sealed record SessionDraft(TimeSpan At, string Text);

/// <summary>
/// The event-sourced record of a practice session: how it was set up and every command given, in order, with its time
/// since the start, plus the latest <see cref="Draft"/>. <see cref="PracticeSession.Replay"/> rebuilds the exact same
/// session from it, so it is what the web studio autosaves (docs/practice.md, "Journal and replay"). Its JSON form is
/// <see cref="SessionJournalJson"/> (<c>designdrill/session-journal@1</c>).
/// </summary>
/// <remarks>Two journals are equal when every field is equal and their entries are equal one by one.</remarks>
/// <param name="Id">The session's id: a GUID in the 32-hex-digit "N" form, as <see cref="PracticeSession.Id"/>.</param>
/// <param name="PromptId">The id of the prompt practised (a catalog prompt id such as <c>url-shortener</c>).</param>
/// <param name="PlannedMinutes">The plan's length: 45 or 60 minutes (<see cref="SessionPlan.ForMinutes"/>).</param>
/// <param name="Level">The level the design is reviewed at.</param>
/// <param name="StartedAt">When the session started (UTC; the clock's zero for every entry).</param>
/// <param name="Entries">The commands, oldest first.</param>
/// <param name="Draft">The latest draft, or <see langword="null"/> before anything was typed or saved.</param>
public sealed record SessionJournal(
    string Id,
    string PromptId,
    int PlannedMinutes,
    DesignLevel Level,
    DateTimeOffset StartedAt,
    IReadOnlyList<JournalEntry> Entries,
    SessionDraft? Draft)
{
    /// <summary>Whether the session finished (the entries hold a <see cref="JournalEntryKind.Finish"/>).</summary>
    public bool IsFinished => Entries.Any(e => e.Kind == JournalEntryKind.Finish);

    /// <summary>The time of the latest entry or draft, whichever is later: time since the start; zero when there is neither.</summary>
    public TimeSpan LastActivity
    {
        get
        {
            var last = Entries.Count > 0 ? Entries[^1].At : TimeSpan.Zero;
            return Draft is { } draft && draft.At > last ? draft.At : last;
        }
    }

    /// <summary>
    /// What is wrong with this journal, one sentence a problem: an id that is not a GUID "N" string, an empty prompt id,
    /// a length other than 45 or 60 minutes, an undefined level, a negative time, times going backwards, an undefined
    /// kind, a null text, a follow-up index missing from an answer, negative, or on another kind, an answer before the
    /// finish, another command after it, or two finishes.
    /// </summary>
    /// <returns>The problems; empty when the journal can be replayed and stored.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!IsSessionId(Id))
        {
            problems.Add($"Id '{Id}' is not a GUID in the 32-hex-digit \"N\" form.");
        }

        if (string.IsNullOrWhiteSpace(PromptId))
        {
            problems.Add("PromptId is empty.");
        }

        if (SessionPlan.ForMinutes(PlannedMinutes) is null)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"PlannedMinutes is {PlannedMinutes}; a session is planned for 45 or 60 minutes."));
        }

        if (!Enum.IsDefined(Level))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Level {(int)Level} is not mid, senior or staff."));
        }

        if (Entries is null)
        {
            problems.Add("Entries is null (use an empty list).");
        }
        else
        {
            var finished = false;
            var previous = TimeSpan.Zero;
            for (var i = 0; i < Entries.Count; i++)
            {
                if (Entries[i] is not { } entry)
                {
                    problems.Add($"Entry {i} is null.");
                    continue;
                }

                problems.AddRange(EntryProblems(entry, i, previous, finished));
                previous = entry.At > previous ? entry.At : previous;
                finished |= entry.Kind == JournalEntryKind.Finish;
            }
        }

        if (Draft is { } draft && (draft.At < TimeSpan.Zero || draft.Text is null))
        {
            problems.Add("The draft needs a time not before the start and a text (an empty string when nothing was typed).");
        }

        return problems;
    }

    /// <summary>Whether <paramref name="id"/> is a session id: 32 hexadecimal digits, a GUID in the "N" form.</summary>
    /// <param name="id">The text; null is not an id.</param>
    /// <returns><see langword="true"/> for ids such as <c>3f2a9c1e0b7d4e6f8a5b2c1d0e9f8a7b</c>.</returns>
    public static bool IsSessionId(string? id) => id is { Length: 32 } && Guid.TryParseExact(id, "N", out _);

    /// <inheritdoc />
    public bool Equals(SessionJournal? other) =>
        other is not null
        && string.Equals(Id, other.Id, StringComparison.Ordinal)
        && string.Equals(PromptId, other.PromptId, StringComparison.Ordinal)
        && PlannedMinutes == other.PlannedMinutes
        && Level == other.Level
        && StartedAt.Equals(other.StartedAt)
        && Equals(Draft, other.Draft)
        && (ReferenceEquals(Entries, other.Entries) || (Entries is not null && other.Entries is not null && Entries.SequenceEqual(other.Entries)));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, PromptId, PlannedMinutes, Level, StartedAt, Draft, Entries?.Count ?? -1);

    private static IEnumerable<string> EntryProblems(JournalEntry entry, int index, TimeSpan previous, bool finished)
    {
        var at = string.Create(CultureInfo.InvariantCulture, $"Entry {index}");
        if (entry.At < TimeSpan.Zero)
        {
            yield return $"{at} is at {entry.At:c}, before the start.";
        }
        else if (entry.At < previous)
        {
            yield return $"{at} is at {entry.At:c}, before the entry before it ({previous:c}); entries are in time order.";
        }

        if (!Enum.IsDefined(entry.Kind))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{at} has an undefined kind {(int)entry.Kind}.");
            yield break;
        }

        if (entry.Text is null)
        {
            yield return $"{at} has no text (use an empty string).";
        }

        if (entry.Kind == JournalEntryKind.Answer)
        {
            if (entry.FollowUpIndex is not { } followUp || followUp < 0)
            {
                yield return $"{at} answers a follow-up but has no follow-up index of 0 or more.";
            }

            if (!finished)
            {
                yield return $"{at} answers a follow-up before the session finished.";
            }
        }
        else
        {
            if (entry.FollowUpIndex is not null)
            {
                yield return $"{at} is {entry.Kind} and has a follow-up index; only answers have one.";
            }

            if (finished)
            {
                yield return $"{at} is {entry.Kind} after the session finished; only answers come after the finish.";
            }
        }
    }
}
