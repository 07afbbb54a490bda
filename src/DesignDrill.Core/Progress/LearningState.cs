namespace DesignDrill.Core.Progress;

/// <summary>
/// Where a card is in FSRS's state machine. There is no "new" state: a card that was never reviewed has no
/// <see cref="CardState"/> at all, as in py-fsrs 5 where a fresh card starts in learning with no memory state.
/// </summary>
public enum LearningState
{
    /// <summary>First reviews, stepping through the short learning steps (minutes) before the first interval in days.</summary>
    Learning = 1,

    /// <summary>Scheduled in whole days by the memory model.</summary>
    Review = 2,

    /// <summary>Forgotten in review (rated <see cref="Rating.Again"/>), stepping through the relearning steps.</summary>
    Relearning = 3,
}
