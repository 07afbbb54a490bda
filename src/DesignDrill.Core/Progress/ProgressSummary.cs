using DesignDrill.Core.Review;

namespace DesignDrill.Core.Progress;

/// <summary>One dimension's score in one session.</summary>
/// <param name="At">When the session finished.</param>
/// <param name="Score">The score, 1–4.</param>
/// <param name="SessionId">The session's id.</param>
/// <param name="PromptId">The prompt practised.</param>
public sealed record DimensionScorePoint(DateTimeOffset At, int Score, string SessionId, string PromptId);

/// <summary>How one rubric dimension has gone over the sessions.</summary>
/// <param name="Dimension">The dimension.</param>
/// <param name="History">Its scores, oldest first (by finish time, then session id).</param>
/// <param name="WeightedAverage">
/// The recency-weighted average of <paramref name="History"/> (<see cref="ProgressAnalyzer.RecencyDecay"/>), 1–4;
/// <see langword="null"/> when the dimension was never scored.
/// </param>
public sealed record DimensionProgress(RubricDimension Dimension, IReadOnlyList<DimensionScorePoint> History, double? WeightedAverage)
{
    /// <summary>How many sessions scored this dimension.</summary>
    public int SessionCount => History.Count;

    /// <summary>Whether the dimension was never scored.</summary>
    public bool IsUnknown => WeightedAverage is null;
}

/// <summary>Progress per rubric dimension over a set of sessions (<see cref="ProgressAnalyzer.Summarize"/>).</summary>
/// <param name="SessionCount">How many sessions were summarised.</param>
/// <param name="Dimensions">Every rubric dimension, in the rubric's order.</param>
/// <param name="WeakestFirst">
/// Every rubric dimension, weakest first: dimensions never scored first (they are the weakest-unknown: nothing shows
/// they are mastered), then by recency-weighted average, lowest first; ties in the rubric's order.
/// </param>
public sealed record ProgressSummary(int SessionCount, IReadOnlyList<DimensionProgress> Dimensions, IReadOnlyList<RubricDimension> WeakestFirst)
{
    /// <summary>
    /// The weakest dimensions: every never-scored dimension if there is one, otherwise those sharing the lowest
    /// weighted average (within 1e-9). Empty only if there are no dimensions.
    /// </summary>
    public IReadOnlyList<RubricDimension> Weakest
    {
        get
        {
            var unknown = Dimensions.Where(d => d.IsUnknown).Select(d => d.Dimension).ToList();
            if (unknown.Count > 0 || Dimensions.Count == 0)
            {
                return unknown;
            }

            var lowest = Dimensions.Min(d => d.WeightedAverage!.Value);
            return [.. Dimensions.Where(d => d.WeightedAverage!.Value - lowest < 1e-9).Select(d => d.Dimension)];
        }
    }

    /// <summary>The progress of one dimension.</summary>
    /// <param name="dimension">The dimension.</param>
    /// <returns>Its progress.</returns>
    /// <exception cref="KeyNotFoundException">When the summary does not hold the dimension (never, for a defined dimension).</exception>
    public DimensionProgress Of(RubricDimension dimension) =>
        Dimensions.FirstOrDefault(d => d.Dimension == dimension) ?? throw new KeyNotFoundException($"No progress for {dimension}.");
}
