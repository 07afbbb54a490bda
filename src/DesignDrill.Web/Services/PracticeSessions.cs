using System.Collections.Concurrent;
using DesignDrill.Core.Catalog;
using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Practice;
using DesignDrill.Core.Progress;
using DesignDrill.Storage;

namespace DesignDrill.Web.Services;

/// <summary>
/// The web studio's practice sessions. Every command (a question, the next phase, a snapshot, a review, finishing, an
/// answer) is applied to the session and its journal saved at once; the draft is saved on each autosave (about once a
/// second while typing) by updating only the draft. A session not in memory (after a restart) is rebuilt by replaying
/// its journal (<see cref="PracticeSession.Replay"/>), so a refresh, a closed tab or a server restart loses nothing.
/// One lock per session serialises its commands; different sessions run in parallel.
/// </summary>
/// <param name="prompts">The prompt catalog.</param>
/// <param name="store">The SQLite store (journals and finished sessions).</param>
/// <param name="followUps">The follow-up bank.</param>
/// <param name="concepts">The concept cards (aliases when checking answers).</param>
/// <param name="clock">The clock.</param>
public sealed class PracticeSessions(PromptCatalog prompts, SqliteProgressStore store, FollowUpBank followUps, ConceptCatalog concepts, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Live> _live = new(StringComparer.Ordinal);
    private readonly Func<string, IEnumerable<string>> _aliases = AnswerChecker.AliasesFrom(concepts);

    /// <summary>Starts a session on a prompt, with the design template as its first draft.</summary>
    /// <param name="promptId">The prompt's id.</param>
    /// <param name="minutes">45 or 60.</param>
    /// <param name="level">The level to review at.</param>
    /// <returns>The session, or null when the prompt or the length is unknown.</returns>
    public PracticeSession? Start(string promptId, int minutes, DesignLevel level)
    {
        if (prompts.Get(promptId ?? "") is not { } prompt || SessionPlan.ForMinutes(minutes) is not { } plan)
        {
            return null;
        }

        var session = new PracticeSession(prompt, plan, clock, level);
        session.SetDraft(DesignTemplate.Render(prompt, level));
        store.SaveJournal(session.Journal);
        _live[session.Id] = new Live(session);
        return session;
    }

    /// <summary>Runs <paramref name="action"/> on a session under its lock, then saves its journal.</summary>
    /// <typeparam name="T">What the action returns.</typeparam>
    /// <param name="id">The session's id.</param>
    /// <param name="action">The command.</param>
    /// <param name="saveJournal">Whether the command changed the journal (false for reads).</param>
    /// <returns>The action's result, or <see langword="default"/> with found = false when there is no such session.</returns>
    public (bool Found, T? Value) With<T>(string id, Func<PracticeSession, T> action, bool saveJournal = true)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (Find(id) is not { } live)
        {
            return (false, default);
        }

        lock (live.Gate)
        {
            var value = action(live.Session);
            if (saveJournal)
            {
                store.SaveJournal(live.Session.Journal);
            }

            return (true, value);
        }
    }

    /// <summary>Autosaves the draft: only the draft columns are written. Records a timeline snapshot when the set of sections with text changed, so the session's phase follows the writing.</summary>
    /// <param name="id">The session's id.</param>
    /// <param name="text">The whole design document as typed.</param>
    /// <returns>False when there is no such session or it has finished (the text is then not saved).</returns>
    public bool SaveDraft(string id, string text)
    {
        if (Find(id) is not { } live)
        {
            return false;
        }

        lock (live.Gate)
        {
            var session = live.Session;
            if (session.IsFinished)
            {
                return false;
            }

            var draft = session.SetDraft(text ?? "");
            var sections = PracticeSession.SectionsWithContent(DesignDocumentParser.Parse(text ?? ""));
            var last = session.Timeline.LastOrDefault(e => e.SectionsWithContent is not null)?.SectionsWithContent ?? [];
            if (!sections.SequenceEqual(last))
            {
                session.Save(text ?? "");
                store.SaveJournal(session.Journal);
            }
            else
            {
                store.SaveDraft(id, draft);
            }

            return true;
        }
    }

    /// <summary>Finishes a session with its latest draft and records it in the progress (scores, spaced repetition).</summary>
    /// <param name="id">The session's id.</param>
    /// <param name="text">The final design text; the saved draft when null.</param>
    /// <returns>The session, or null when unknown.</returns>
    public PracticeSession? Finish(string id, string? text)
    {
        var (found, session) = With(id, s =>
        {
            if (!s.IsFinished)
            {
                s.Finish(text ?? s.Draft?.Text ?? s.LatestDesign, followUps);
                ProgressRecorder.RecordFinishedSession(store, SessionRecords.From(s));
            }

            return s;
        });
        return found ? session : null;
    }

    /// <summary>Checks an answer to follow-up <paramref name="index"/> and updates the stored record.</summary>
    /// <param name="id">The session's id.</param>
    /// <param name="index">The follow-up's index in the result.</param>
    /// <param name="answer">The answer.</param>
    /// <returns>The feedback, or null when the session is unknown, unfinished or the index out of range.</returns>
    public FollowUpFeedback? Answer(string id, int index, string answer)
    {
        var (found, feedback) = With(id, s =>
        {
            if (s.Result is not { } result || index < 0 || index >= result.FollowUps.Count)
            {
                return null;
            }

            var feedback = s.Answer(index, answer ?? "", _aliases);
            store.SaveSession(SessionRecords.From(s));
            return feedback;
        });
        return found ? feedback : null;
    }

    /// <summary>Sessions started and not finished, most recent activity first.</summary>
    /// <returns>Their journals.</returns>
    public IReadOnlyList<SessionJournal> Unfinished() => store.ListUnfinishedJournals();

    /// <summary>Forgets the in-memory copies (as a restart would); the next use replays the journals.</summary>
    public void DropLiveCopies() => _live.Clear();

    private Live? Find(string id)
    {
        if (!SessionJournal.IsSessionId(id))
        {
            return null;
        }

        if (_live.TryGetValue(id, out var live))
        {
            return live;
        }

        if (store.GetJournal(id) is not { } journal || prompts.Get(journal.PromptId) is not { } prompt)
        {
            return null;
        }

        var session = PracticeSession.Replay(journal, prompt, clock, followUps, concepts: _aliases);
        return _live.GetOrAdd(id, new Live(session));
    }

    private sealed class Live(PracticeSession session)
    {
        public object Gate { get; } = new();

        public PracticeSession Session { get; } = session;
    }
}
