using System.Globalization;
using DesignDrill.Core.Review;

namespace DesignDrill.Core.Progress;

/// <summary>
/// Reads practice history: score history and recency-weighted averages per rubric dimension, the weakest dimensions,
/// the prompt to practise next, and the rating a finished session gives its prompt's card. Pure and deterministic:
/// the same inputs give the same answer, and time comes in as a parameter.
/// </summary>
public static class ProgressAnalyzer
{
    /// <summary>
    /// Weight factor per older session in the recency-weighted average: the newest score of a dimension weighs 1, the
    /// one before 0.7, then 0.49, … so the last three sessions carry about two thirds of the weight (rule of thumb:
    /// recent form matters more than a first attempt, but one bad day does not erase a trend). Sessions are counted, not
    /// days, so a break from practice does not age the scores.
    /// </summary>
    public const double RecencyDecay = 0.7;

    /// <summary>A session whose average score is below this (1.75) rates its prompt card <see cref="Rating.Again"/> (rule of thumb: mostly "strong no").</summary>
    public const double AgainBelowAverage = 1.75;

    /// <summary>Below this (2.5) and not Again: <see cref="Rating.Hard"/> (rule of thumb: mostly "lean no").</summary>
    public const double HardBelowAverage = 2.5;

    /// <summary>Below this (3.25) and not Hard: <see cref="Rating.Good"/>; at or above it, <see cref="Rating.Easy"/> (rule of thumb: mostly "strong yes").</summary>
    public const double GoodBelowAverage = 3.25;

    /// <summary>
    /// The rating a finished session gives its prompt's spaced-repetition card, from the session's average rubric
    /// score: below 1.75 Again, below 2.5 Hard, below 3.25 Good, otherwise Easy (rule of thumb; the thresholds sit
    /// half-way between the rubric's 1–4 levels, shifted a quarter up so a "lean yes" average of 3 rates Good).
    /// </summary>
    /// <param name="session">The session.</param>
    /// <returns>The rating.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="session"/> is null.</exception>
    public static Rating RatingFor(SessionRecord session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return RatingForAverage(session.AverageScore);
    }

    /// <summary>The rating for an average rubric score (see <see cref="RatingFor"/>).</summary>
    /// <param name="averageScore">The average score, 1–4.</param>
    /// <returns>The rating.</returns>
    public static Rating RatingForAverage(double averageScore) => averageScore switch
    {
        < AgainBelowAverage => Rating.Again,
        < HardBelowAverage => Rating.Hard,
        < GoodBelowAverage => Rating.Good,
        _ => Rating.Easy,
    };

    /// <summary>
    /// Summarises sessions per rubric dimension: each dimension's score history (oldest first), its recency-weighted
    /// average (<see cref="RecencyDecay"/>), and the dimensions ordered weakest first.
    /// </summary>
    /// <param name="sessions">The sessions, in any order; a score outside 1–4 is ignored.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="sessions"/> is null.</exception>
    public static ProgressSummary Summarize(IReadOnlyList<SessionRecord> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var ordered = sessions.OrderBy(s => s.FinishedAt).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        var dimensions = Enum.GetValues<RubricDimension>().Select(dimension =>
        {
            var history = ordered
                .Where(s => s.Scores.TryGetValue(dimension, out var score) && score is >= SessionRecord.MinimumScore and <= SessionRecord.MaximumScore)
                .Select(s => new DimensionScorePoint(s.FinishedAt, s.Scores[dimension], s.Id, s.PromptId))
                .ToList();
            return new DimensionProgress(dimension, history, WeightedAverage(history.Select(p => p.Score).ToList()));
        }).ToList();
        var weakestFirst = dimensions
            .OrderBy(d => d.IsUnknown ? 0 : 1)
            .ThenBy(d => d.WeightedAverage ?? 0)
            .ThenBy(d => d.Dimension)
            .Select(d => d.Dimension)
            .ToList();
        return new ProgressSummary(sessions.Count, dimensions, weakestFirst);
    }

    /// <summary>
    /// The recency-weighted average of scores given oldest first: Σ wₖ·sₖ / Σ wₖ with wₖ = <see cref="RecencyDecay"/>^k,
    /// k = 0 for the newest. <see langword="null"/> for no scores.
    /// </summary>
    /// <param name="scoresOldestFirst">The scores, oldest first.</param>
    /// <returns>The weighted average, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="scoresOldestFirst"/> is null.</exception>
    public static double? WeightedAverage(IReadOnlyList<int> scoresOldestFirst)
    {
        ArgumentNullException.ThrowIfNull(scoresOldestFirst);
        if (scoresOldestFirst.Count == 0)
        {
            return null;
        }

        double weighted = 0, total = 0, weight = 1;
        for (var i = scoresOldestFirst.Count - 1; i >= 0; i--)
        {
            weighted += weight * scoresOldestFirst[i];
            total += weight;
            weight *= RecencyDecay;
        }

        return weighted / total;
    }

    /// <summary>
    /// Picks the prompt to practise next. First, a prompt whose spaced-repetition card is due (the longest overdue,
    /// then by prompt id). Otherwise, for the weakest dimension (<see cref="ProgressSummary.WeakestFirst"/>) that some
    /// candidate stresses, the candidate stressing it that was never practised, or else practised least recently; ties
    /// go to the easier prompt (easy, medium, hard, then other labels), then to the prompt id (ordinal). When no
    /// candidate stresses any dimension, the least recently practised candidate by the same order.
    /// </summary>
    /// <param name="candidates">The prompts to choose from; at least one.</param>
    /// <param name="sessions">The finished sessions (any order).</param>
    /// <param name="promptCards">The spaced-repetition cards of prompts (cards of other kinds are ignored).</param>
    /// <param name="now">The current time.</param>
    /// <returns>The choice, with a reason for a person. Dates in the reason are UTC, yyyy-MM-dd.</returns>
    /// <exception cref="ArgumentNullException">When a list is null.</exception>
    /// <exception cref="ArgumentException">When <paramref name="candidates"/> is empty.</exception>
    public static NextPromptChoice PickNextPrompt(
        IReadOnlyList<PromptCandidate> candidates,
        IReadOnlyList<SessionRecord> sessions,
        IReadOnlyList<CardState> promptCards,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(promptCards);
        if (candidates.Count == 0)
        {
            throw new ArgumentException("There are no prompts to choose from.", nameof(candidates));
        }

        var cards = promptCards
            .Where(c => c.Kind == CardKinds.Prompt)
            .GroupBy(c => c.CardId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.LastReview).First(), StringComparer.Ordinal);
        var lastPractised = LastPractised(sessions, cards);

        var due = candidates
            .Select(c => (Candidate: c, Card: cards.GetValueOrDefault(c.PromptId)))
            .Where(x => x.Card is not null && x.Card.IsDue(now))
            .OrderBy(x => x.Card!.Due)
            .ThenBy(x => x.Candidate.PromptId, StringComparer.Ordinal)
            .FirstOrDefault();
        if (due.Card is not null)
        {
            var recall = FsrsScheduler.Retrievability(due.Card, now);
            var reason = Invariant($"due for review since {Day(due.Card.Due)}; recall now about {recall * 100:0}%")
                + Invariant($"; last practised {Day(lastPractised.GetValueOrDefault(due.Candidate.PromptId, due.Card.LastReview))}");
            return new NextPromptChoice(due.Candidate.PromptId, NextPromptBasis.Due, null, reason);
        }

        var summary = Summarize(sessions);
        var rank = 0;
        foreach (var dimension in summary.WeakestFirst)
        {
            var stressing = candidates.Where(c => c.Stresses.Contains(dimension)).ToList();
            if (stressing.Count == 0)
            {
                rank++;
                continue;
            }

            var pick = LeastRecentlyPractised(stressing, lastPractised);
            var progress = summary.Of(dimension);
            var standing = progress.IsUnknown
                ? "never scored"
                : Invariant($"avg {progress.WeightedAverage:0.0} over {progress.SessionCount} {(progress.SessionCount == 1 ? "session" : "sessions")}");
            var label = rank == 0 ? "weakest dimension" : "weakest dimension a prompt stresses";
            var reason = $"{label}: {Review.Reporting.JsonReportWriter.DimensionName(dimension)} ({standing}); {PractisedPhrase(pick.PromptId, lastPractised)}";
            return new NextPromptChoice(pick.PromptId, NextPromptBasis.WeakestDimension, dimension, reason);
        }

        var fallback = LeastRecentlyPractised(candidates, lastPractised);
        return new NextPromptChoice(
            fallback.PromptId,
            NextPromptBasis.LeastRecentlyPractised,
            null,
            $"no prompt stresses a rubric dimension; {PractisedPhrase(fallback.PromptId, lastPractised)}");
    }

    /// <summary>The order of a difficulty label for tie-breaks: easy 0, medium 1, hard 2, anything else 3.</summary>
    /// <param name="difficulty">The label (case-insensitive).</param>
    /// <returns>0–3.</returns>
    public static int DifficultyRank(string? difficulty) => difficulty?.Trim().ToLowerInvariant() switch
    {
        "easy" => 0,
        "medium" => 1,
        "hard" => 2,
        _ => 3,
    };

    /// <summary>When each prompt was last practised: its newest session's finish, else its card's last review.</summary>
    private static Dictionary<string, DateTimeOffset> LastPractised(IReadOnlyList<SessionRecord> sessions, Dictionary<string, CardState> cards)
    {
        var last = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var session in sessions)
        {
            if (!last.TryGetValue(session.PromptId, out var seen) || session.FinishedAt > seen)
            {
                last[session.PromptId] = session.FinishedAt;
            }
        }

        foreach (var (promptId, card) in cards)
        {
            last.TryAdd(promptId, card.LastReview);
        }

        return last;
    }

    private static PromptCandidate LeastRecentlyPractised(IEnumerable<PromptCandidate> candidates, Dictionary<string, DateTimeOffset> lastPractised) =>
        candidates
            .OrderBy(c => lastPractised.ContainsKey(c.PromptId) ? 1 : 0)
            .ThenBy(c => lastPractised.GetValueOrDefault(c.PromptId))
            .ThenBy(c => DifficultyRank(c.Difficulty))
            .ThenBy(c => c.PromptId, StringComparer.Ordinal)
            .First();

    private static string PractisedPhrase(string promptId, Dictionary<string, DateTimeOffset> lastPractised) =>
        lastPractised.TryGetValue(promptId, out var at) ? $"last practised {Day(at)}" : "never practised";

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
