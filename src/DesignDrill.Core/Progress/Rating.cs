namespace DesignDrill.Core.Progress;

/// <summary>
/// How well a card was recalled at a review, on FSRS's four-button scale (the same numbers as Anki's buttons and the
/// reference implementations: open-spaced-repetition/py-fsrs <c>Rating</c>, ts-fsrs <c>Rating</c>).
/// </summary>
public enum Rating
{
    /// <summary>Forgot it (1): the card goes back to (re)learning.</summary>
    Again = 1,

    /// <summary>Recalled with serious difficulty (2).</summary>
    Hard = 2,

    /// <summary>Recalled after a hesitation (3).</summary>
    Good = 3,

    /// <summary>Recalled easily (4).</summary>
    Easy = 4,
}
