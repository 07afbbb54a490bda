namespace DesignDrill.Core.Progress;

/// <summary>
/// Where practice progress is kept: finished sessions, spaced-repetition cards and their review log. The Core defines
/// it; DesignDrill.Storage implements it with SQLite (<c>SqliteProgressStore</c>, docs/progress.md).
/// </summary>
/// <remarks>
/// Implementations report a broken environment (a damaged, locked or newer database) with their own documented
/// exception; they throw <see cref="ArgumentException"/> for a record that fails validation, which is a bug in the caller.
/// Times come back as the same instants; the offset they were written with need not be kept.
/// </remarks>
public interface IProgressStore : IDisposable
{
    /// <summary>Saves a finished session with its scores, replacing a session with the same id.</summary>
    /// <param name="session">The session; must pass <see cref="SessionRecord.Validate"/>.</param>
    /// <exception cref="ArgumentException">When the session fails validation.</exception>
    void SaveSession(SessionRecord session);

    /// <summary>Lists finished sessions, newest first (by finish time, then id).</summary>
    /// <param name="promptId">Only the sessions of this prompt; <see langword="null"/> for all.</param>
    /// <returns>The sessions.</returns>
    IReadOnlyList<SessionRecord> ListSessions(string? promptId = null);

    /// <summary>Gets a card's state.</summary>
    /// <param name="kind">The card's kind (<see cref="CardKinds"/>).</param>
    /// <param name="cardId">The card's id.</param>
    /// <returns>The card, or <see langword="null"/> when it was never reviewed.</returns>
    CardState? GetCard(string kind, string cardId);

    /// <summary>Saves a card's state, replacing the one with the same kind and id.</summary>
    /// <param name="card">The card.</param>
    /// <exception cref="ArgumentException">When the kind is unknown or the id is empty.</exception>
    void SaveCard(CardState card);

    /// <summary>Lists the cards of a kind, ordered by id (ordinal).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The cards.</returns>
    IReadOnlyList<CardState> ListCards(string kind);

    /// <summary>Lists the cards due at <paramref name="now"/> (due at or before it), earliest due first, then by kind and id.</summary>
    /// <param name="now">The moment.</param>
    /// <param name="kind">Only cards of this kind; <see langword="null"/> for all.</param>
    /// <returns>The due cards.</returns>
    IReadOnlyList<CardState> ListDueCards(DateTimeOffset now, string? kind = null);

    /// <summary>Appends a review to the log.</summary>
    /// <param name="entry">The review.</param>
    /// <exception cref="ArgumentException">When the kind is unknown, the id is empty or the rating is not 1–4.</exception>
    void RecordReview(ReviewLogEntry entry);

    /// <summary>Lists the logged reviews of one card, oldest first.</summary>
    /// <param name="kind">The card's kind.</param>
    /// <param name="cardId">The card's id.</param>
    /// <returns>The reviews.</returns>
    IReadOnlyList<ReviewLogEntry> ListReviews(string kind, string cardId);
}
