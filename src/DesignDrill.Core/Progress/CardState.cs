namespace DesignDrill.Core.Progress;

/// <summary>
/// The memory state of one spaced-repetition card after its latest review, as <see cref="FsrsScheduler.Review"/>
/// returns it and <see cref="IProgressStore"/> keeps it.
/// </summary>
/// <param name="Kind">The card's kind: <see cref="CardKinds.Prompt"/> or <see cref="CardKinds.Concept"/>.</param>
/// <param name="CardId">The prompt or concept id; unique within <paramref name="Kind"/>.</param>
/// <param name="LearningState">Where the card is in the state machine.</param>
/// <param name="Step">
/// The index of the current learning or relearning step (0-based) while <paramref name="LearningState"/> is
/// <see cref="LearningState.Learning"/> or <see cref="LearningState.Relearning"/>; <see langword="null"/> in review.
/// </param>
/// <param name="StabilityDays">
/// FSRS stability S in days: the interval after which the predicted recall probability falls to 90%. Always &gt; 0.
/// </param>
/// <param name="Difficulty">FSRS difficulty D, from 1 (easiest) to 10 (hardest).</param>
/// <param name="Due">When the card is next due for review.</param>
/// <param name="LastReview">When the card was last reviewed.</param>
/// <param name="Reps">How many reviews the card has had, including the latest.</param>
/// <param name="Lapses">How many times the card was forgotten in review (rated Again while in <see cref="LearningState.Review"/>), as ts-fsrs counts them.</param>
public sealed record CardState(
    string Kind,
    string CardId,
    LearningState LearningState,
    int? Step,
    double StabilityDays,
    double Difficulty,
    DateTimeOffset Due,
    DateTimeOffset LastReview,
    int Reps,
    int Lapses)
{
    /// <summary>Whether the card is due at <paramref name="now"/> (due at or before it).</summary>
    /// <param name="now">The moment to check.</param>
    /// <returns><see langword="true"/> when <see cref="Due"/> &lt;= <paramref name="now"/>.</returns>
    public bool IsDue(DateTimeOffset now) => Due <= now;

    /// <summary>
    /// What is wrong with this card, one sentence a problem: an unknown kind, an empty id, an undefined state, a
    /// negative step, a stability that is not above 0 days, a difficulty outside 1–10, or negative counts.
    /// </summary>
    /// <returns>The problems; empty when the card can be stored.</returns>
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

        if (!Enum.IsDefined(LearningState))
        {
            problems.Add(FormattableString.Invariant($"The learning state {(int)LearningState} is not Learning, Review or Relearning."));
        }

        if (Step < 0)
        {
            problems.Add(FormattableString.Invariant($"The step is {Step}; steps count from 0."));
        }

        if (!double.IsFinite(StabilityDays) || StabilityDays <= 0)
        {
            problems.Add(FormattableString.Invariant($"The stability is {StabilityDays} days; it must be above 0."));
        }

        if (!double.IsFinite(Difficulty) || Difficulty is < FsrsScheduler.MinimumDifficulty or > FsrsScheduler.MaximumDifficulty)
        {
            problems.Add(FormattableString.Invariant($"The difficulty is {Difficulty}; it is 1 to 10."));
        }

        if (Reps < 0 || Lapses < 0)
        {
            problems.Add(FormattableString.Invariant($"Reps ({Reps}) and lapses ({Lapses}) must not be negative."));
        }

        return problems;
    }
}
