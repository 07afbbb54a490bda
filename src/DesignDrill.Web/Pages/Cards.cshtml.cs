using DesignDrill.Core.Catalog;
using DesignDrill.Core.Progress;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DesignDrill.Web.Pages;

/// <summary>
/// <c>/cards</c>: spaced repetition of the concept cards (FSRS-5, docs/progress.md): the due cards, then up to
/// <see cref="ConceptReviewQueue.DefaultNewCards"/> new ones. Each card shows its question; the answer opens on
/// request; the rating (Again, Hard, Good, Easy; keys 1–4) schedules the card and brings the next.
/// </summary>
/// <param name="deck">The concept cards.</param>
/// <param name="store">The progress store.</param>
/// <param name="clock">The clock.</param>
public sealed class CardsModel(ConceptCatalog deck, IProgressStore store, TimeProvider clock) : PageModel
{
    /// <summary>The card to review, or null when nothing is due.</summary>
    public ConceptCard? Card { get; private set; }

    /// <summary>Whether <see cref="Card"/> was never reviewed.</summary>
    public bool IsNew { get; private set; }

    /// <summary>Cards left in the sitting, this one included.</summary>
    public int Left { get; private set; }

    /// <summary>When the next card falls due, when nothing is due now.</summary>
    public DateTimeOffset? NextDue { get; private set; }

    /// <summary>The card just rated and when it is due again, after a rating.</summary>
    public (ConceptCard Card, Rating Rating, DateTimeOffset Due)? Rated { get; private set; }

    /// <summary>Cards in the deck.</summary>
    public int DeckSize => deck.Cards.Count;

    /// <summary>Cards reviewed at least once.</summary>
    public int Seen { get; private set; }

    /// <summary>Shows the first card of the queue.</summary>
    public void OnGet() => Load();

    /// <summary>Rates a card and shows the next.</summary>
    /// <param name="cardId">The card rated.</param>
    /// <param name="rating">1 Again, 2 Hard, 3 Good, 4 Easy.</param>
    /// <returns>The card partial (htmx) or the page; 400 for an unknown card or rating.</returns>
    public IActionResult OnPostRate(string? cardId, int rating)
    {
        if (cardId is null || deck.Get(cardId) is not { } card || rating is < 1 or > 4)
        {
            return BadRequest("Unknown card or rating; rate 1 (Again) to 4 (Easy).");
        }

        var state = ProgressRecorder.RecordCardReview(store, CardKinds.Concept, card.Id, (Rating)rating, clock.GetUtcNow());
        Rated = (card, (Rating)rating, state.Due);
        Load();
        return Request.Headers.ContainsKey("HX-Request") ? Partial("_Card", this) : Page();
    }

    private void Load()
    {
        var now = clock.GetUtcNow();
        var states = store.ListCards(CardKinds.Concept);
        Seen = states.Count;
        var queue = ConceptReviewQueue.Build(deck, states, now);
        Left = queue.Count;
        Card = queue.Count > 0 ? queue[0] : null;
        IsNew = Card is not null && !states.Any(s => s.CardId == Card.Id);
        NextDue = Card is null ? states.Where(s => deck.Get(s.CardId) is not null).OrderBy(s => s.Due).FirstOrDefault()?.Due : null;
    }
}
