using DesignDrill.Core.Review;

namespace DesignDrill.Core.Progress;

/// <summary>A prompt that may be practised next, as <see cref="ProgressAnalyzer.PickNextPrompt"/> weighs it.</summary>
/// <param name="PromptId">The prompt's id.</param>
/// <param name="Stresses">The rubric dimensions the prompt exercises most.</param>
/// <param name="Difficulty">The prompt's difficulty: <c>easy</c>, <c>medium</c> or <c>hard</c> (case-insensitive); anything else sorts last.</param>
public sealed record PromptCandidate(string PromptId, IReadOnlyList<RubricDimension> Stresses, string Difficulty);

/// <summary>Why a prompt was picked.</summary>
public enum NextPromptBasis
{
    /// <summary>Its spaced-repetition card is due.</summary>
    Due,

    /// <summary>It stresses the weakest dimension a candidate prompt stresses.</summary>
    WeakestDimension,

    /// <summary>No candidate stresses a scored or unscored dimension; it was the least recently practised.</summary>
    LeastRecentlyPractised,
}

/// <summary>The prompt to practise next and why.</summary>
/// <param name="PromptId">The prompt's id.</param>
/// <param name="Basis">Why it was picked.</param>
/// <param name="Dimension">The dimension it was picked for, with <see cref="NextPromptBasis.WeakestDimension"/>; otherwise <see langword="null"/>.</param>
/// <param name="Reason">
/// The reason for a person, e.g. "weakest dimension: Reliability (avg 1.8 over 3 sessions); never practised" or
/// "due for review since 2025-03-01; recall now about 84%; last practised 2025-02-20".
/// </param>
public sealed record NextPromptChoice(string PromptId, NextPromptBasis Basis, RubricDimension? Dimension, string Reason);
