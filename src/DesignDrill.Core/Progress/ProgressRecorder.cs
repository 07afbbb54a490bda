namespace DesignDrill.Core.Progress;

/// <summary>Records a finished practice session and reviews its prompt's spaced-repetition card in one call.</summary>
public static class ProgressRecorder
{
    /// <summary>
    /// Saves <paramref name="session"/>, rates its prompt card from the session's average score
    /// (<see cref="ProgressAnalyzer.RatingFor"/>), reviews the card at the session's finish time, saves it and logs the
    /// review. The session is saved first, so the design document is kept even if a later step fails.
    /// </summary>
    /// <param name="store">Where progress is kept.</param>
    /// <param name="session">The finished session.</param>
    /// <param name="scheduler">The scheduler; <see langword="null"/> for <see cref="FsrsScheduler.ForPrompts"/>.</param>
    /// <returns>The prompt card after the review.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="store"/> or <paramref name="session"/> is null.</exception>
    /// <exception cref="ArgumentException">When the session fails <see cref="SessionRecord.Validate"/>.</exception>
    public static CardState RecordFinishedSession(IProgressStore store, SessionRecord session, FsrsScheduler? scheduler = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(session);
        store.SaveSession(session);
        var rating = ProgressAnalyzer.RatingFor(session);
        var card = (scheduler ?? FsrsScheduler.ForPrompts)
            .Review(store.GetCard(CardKinds.Prompt, session.PromptId), CardKinds.Prompt, session.PromptId, rating, session.FinishedAt);
        store.SaveCard(card);
        store.RecordReview(ReviewLogEntry.For(card, rating));
        return card;
    }

    /// <summary>Reviews one card (a concept card, or a prompt rated by hand): schedules it, saves it and logs the review.</summary>
    /// <param name="store">The store.</param>
    /// <param name="kind">The card kind (<see cref="CardKinds"/>).</param>
    /// <param name="cardId">The card's id.</param>
    /// <param name="rating">How well it was recalled.</param>
    /// <param name="now">The time of the review.</param>
    /// <returns>The card's new state, with its next due time.</returns>
    public static CardState RecordCardReview(IProgressStore store, string kind, string cardId, Rating rating, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(store);
        var card = FsrsScheduler.ForKind(kind).Review(store.GetCard(kind, cardId), kind, cardId, rating, now);
        store.SaveCard(card);
        store.RecordReview(ReviewLogEntry.For(card, rating));
        return card;
    }
}
