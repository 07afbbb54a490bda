using DesignDrill.Core.Practice;

namespace DesignDrill.Core.Progress;

/// <summary>
/// Everything a progress store holds, as <see cref="ProgressExport"/> writes and reads it: finished sessions with their
/// scores and design documents, spaced-repetition cards, the review log, and practice-session journals.
/// </summary>
/// <param name="Sessions">The finished sessions.</param>
/// <param name="Cards">Every card's latest memory state.</param>
/// <param name="Reviews">The review log, oldest first.</param>
/// <param name="Journals">The practice-session journals, running or finished.</param>
public sealed record ProgressData(
    IReadOnlyList<SessionRecord> Sessions,
    IReadOnlyList<CardState> Cards,
    IReadOnlyList<ReviewLogEntry> Reviews,
    IReadOnlyList<SessionJournal> Journals)
{
    /// <summary>No data at all.</summary>
    public static ProgressData Empty { get; } = new([], [], [], []);
}

/// <summary>What an import did, per kind of record.</summary>
/// <param name="SessionsAdded">Finished sessions whose id the store did not have.</param>
/// <param name="SessionsReplaced">Finished sessions that replaced one with the same id (and its scores).</param>
/// <param name="CardsAdded">Cards whose kind and id the store did not have.</param>
/// <param name="CardsReplaced">Cards that replaced the state of the same card.</param>
/// <param name="ReviewsAdded">Reviews appended to the log.</param>
/// <param name="ReviewsAlreadyLogged">Reviews not appended because the log already had one with the same card, time, rating and due date (importing a file twice adds nothing).</param>
/// <param name="JournalsAdded">Session journals whose id the store did not have.</param>
/// <param name="JournalsReplaced">Session journals that replaced one with the same id.</param>
public sealed record ProgressImportCounts(
    int SessionsAdded,
    int SessionsReplaced,
    int CardsAdded,
    int CardsReplaced,
    int ReviewsAdded,
    int ReviewsAlreadyLogged,
    int JournalsAdded,
    int JournalsReplaced);

/// <summary>
/// A store of everything <see cref="ProgressData"/> holds that can be read whole and imported into in one transaction:
/// what <see cref="ProgressExport.Export"/> and <see cref="ProgressExport.Import"/> need. DesignDrill.Storage implements
/// it with SQLite (<c>SqliteProgressStore</c>, docs/progress.md, "Export and import").
/// </summary>
public interface IProgressDataStore : IProgressStore, ISessionJournalStore
{
    /// <summary>
    /// Reads everything at one moment (one read transaction): sessions ordered by finish time then id, cards by kind
    /// then id, reviews by review time then the order they were logged, journals by start time then id.
    /// </summary>
    /// <returns>The data.</returns>
    ProgressData ReadAll();

    /// <summary>
    /// Writes <paramref name="data"/> in one transaction, all or nothing: a session, card or journal with the id of
    /// one stored replaces it; a review identical to one already logged is not logged again; nothing else is deleted.
    /// </summary>
    /// <param name="data">The data; every record must be valid (<see cref="ProgressExport.Read"/> checks a file's).</param>
    /// <returns>What was added and replaced.</returns>
    /// <exception cref="ArgumentException">When a record fails validation (a bug in the caller); nothing is written.</exception>
    ProgressImportCounts ImportAll(ProgressData data);
}
