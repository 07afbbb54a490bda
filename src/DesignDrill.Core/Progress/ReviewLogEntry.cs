namespace DesignDrill.Core.Progress;

/// <summary>One review of a spaced-repetition card, as <see cref="IProgressStore.RecordReview"/> logs it.</summary>
/// <param name="Kind">The card's kind (<see cref="CardKinds"/>).</param>
/// <param name="CardId">The card's id.</param>
/// <param name="Rating">The rating given.</param>
/// <param name="ReviewedAt">When the review happened.</param>
/// <param name="Due">When the card became due as a result (<see cref="CardState.Due"/> after the review).</param>
public sealed record ReviewLogEntry(string Kind, string CardId, Rating Rating, DateTimeOffset ReviewedAt, DateTimeOffset Due)
{
    /// <summary>The log entry for a review that produced <paramref name="card"/>.</summary>
    /// <param name="card">The card's state after the review.</param>
    /// <param name="rating">The rating given.</param>
    /// <returns>An entry with the card's kind, id, last review and due date.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="card"/> is null.</exception>
    public static ReviewLogEntry For(CardState card, Rating rating)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new ReviewLogEntry(card.Kind, card.CardId, rating, card.LastReview, card.Due);
    }

    /// <summary>What is wrong with this entry, one sentence a problem: an unknown kind, an empty card id, or a rating other than 1–4.</summary>
    /// <returns>The problems; empty when the entry can be logged.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!CardKinds.IsKnown(Kind))
        {
            problems.Add($"Unknown card kind '{Kind}'; expected one of: {string.Join(", ", CardKinds.All)}.");
        }

        if (string.IsNullOrWhiteSpace(CardId))
        {
            problems.Add("The card id is empty.");
        }

        if (!Enum.IsDefined(Rating))
        {
            problems.Add(FormattableString.Invariant($"Rating {(int)Rating} is not 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)."));
        }

        return problems;
    }
}
