using DesignDrill.Core.Catalog;

namespace DesignDrill.Core.Progress;

/// <summary>
/// Which concept cards to review in one sitting: the cards due now, longest overdue first, then up to a number of
/// cards never seen, in catalog order. The same queue serves <c>drill cards</c> and the web studio's cards page.
/// </summary>
public static class ConceptReviewQueue
{
    /// <summary>New cards a sitting introduces by default: 10 (rule of thumb; Anki's default is 20 a day, halved because each card here is a paragraph).</summary>
    public const int DefaultNewCards = 10;

    /// <summary>Builds the queue.</summary>
    /// <param name="deck">The concept cards.</param>
    /// <param name="states">The saved states of concept cards (cards of other decks are ignored).</param>
    /// <param name="now">The current time.</param>
    /// <param name="newCards">How many never-seen cards to add after the due ones; 0 or more.</param>
    /// <param name="category">Only cards of this category; all when null.</param>
    /// <returns>The cards to review, in order.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="newCards"/> is negative.</exception>
    public static IReadOnlyList<ConceptCard> Build(ConceptCatalog deck, IReadOnlyList<CardState> states, DateTimeOffset now, int newCards = DefaultNewCards, ConceptCategory? category = null)
    {
        ArgumentNullException.ThrowIfNull(deck);
        ArgumentNullException.ThrowIfNull(states);
        ArgumentOutOfRangeException.ThrowIfNegative(newCards);
        var byId = states.Where(s => s.Kind == CardKinds.Concept).ToDictionary(s => s.CardId, StringComparer.Ordinal);
        var pool = deck.Cards.Where(c => category is null || c.Category == category).ToList();
        return [.. pool.Where(c => byId.TryGetValue(c.Id, out var s) && s.IsDue(now)).OrderBy(c => byId[c.Id].Due)
            .Concat(pool.Where(c => !byId.ContainsKey(c.Id)).Take(newCards))];
    }
}
