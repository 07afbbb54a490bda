namespace DesignDrill.Core.Practice;

/// <summary>
/// Where practice-session journals are kept while a session runs and after it finishes, so a refresh, a closed tab or a
/// restarted server loses nothing: the front end saves <see cref="PracticeSession.Journal"/> after every command and the
/// draft while the candidate types, and replays a stored journal (<see cref="PracticeSession.Replay"/>) to carry on.
/// The Core defines it; DesignDrill.Storage implements it with SQLite (<c>SqliteProgressStore</c>, docs/progress.md).
/// </summary>
/// <remarks>
/// Implementations report a broken environment (a damaged, locked or full database) with their own documented
/// exception; they throw <see cref="ArgumentException"/> for a journal that fails <see cref="SessionJournal.Validate"/>,
/// which is a bug in the caller. A journal comes back equal to the one saved (<see cref="SessionJournal.Equals(SessionJournal?)"/>).
/// </remarks>
public interface ISessionJournalStore
{
    /// <summary>Saves a journal, replacing the one with the same id (its entries and its draft).</summary>
    /// <param name="journal">The journal; must pass <see cref="SessionJournal.Validate"/>.</param>
    /// <exception cref="ArgumentException">When the journal fails validation.</exception>
    void SaveJournal(SessionJournal journal);

    /// <summary>
    /// Saves only the draft of a stored, unfinished journal: the autosave while typing (about once a second), which
    /// must not rewrite the entries.
    /// </summary>
    /// <param name="sessionId">The session's id.</param>
    /// <param name="draft">The draft (<see cref="PracticeSession.Draft"/>); its time is not negative.</param>
    /// <returns><see langword="false"/> when no unfinished journal has that id (save the journal first); nothing is changed then.</returns>
    /// <exception cref="ArgumentException">When the draft's time is negative or its text null.</exception>
    bool SaveDraft(string sessionId, SessionDraft draft);

    /// <summary>Gets a journal by its session id.</summary>
    /// <param name="sessionId">The session's id.</param>
    /// <returns>The journal, or <see langword="null"/> when none has that id.</returns>
    SessionJournal? GetJournal(string sessionId);

    /// <summary>
    /// Lists the journals of sessions not finished yet, most recently active first: by the time of the latest entry or
    /// draft (<see cref="SessionJournal.StartedAt"/> + <see cref="SessionJournal.LastActivity"/>), then by id, descending.
    /// </summary>
    /// <returns>The journals.</returns>
    IReadOnlyList<SessionJournal> ListUnfinishedJournals();

    /// <summary>Lists every journal, finished or not, in the order of <see cref="ListUnfinishedJournals"/>.</summary>
    /// <returns>The journals.</returns>
    IReadOnlyList<SessionJournal> ListJournals();

    /// <summary>Deletes a journal; a finished session saved to the progress (<c>IProgressStore.SaveSession</c>) stays there.</summary>
    /// <param name="sessionId">The session's id.</param>
    /// <returns>Whether a journal was deleted.</returns>
    bool DeleteJournal(string sessionId);
}
