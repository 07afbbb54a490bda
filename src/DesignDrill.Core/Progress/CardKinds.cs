namespace DesignDrill.Core.Progress;

/// <summary>The kinds of spaced-repetition card DesignDrill schedules, as stored in <see cref="CardState.Kind"/>.</summary>
public static class CardKinds
{
    /// <summary>A whole practice prompt ("design a URL shortener"); its card id is the prompt id.</summary>
    public const string Prompt = "prompt";

    /// <summary>A concept card (Erlang C, cache stampede, ...); its card id is the concept id.</summary>
    public const string Concept = "concept";

    /// <summary>Every known kind, in a fixed order.</summary>
    public static IReadOnlyList<string> All { get; } = [Prompt, Concept];

    /// <summary>Whether <paramref name="kind"/> is one of <see cref="All"/> (ordinal, case-sensitive).</summary>
    /// <param name="kind">The kind to check; null is not known.</param>
    /// <returns><see langword="true"/> for <c>"prompt"</c> and <c>"concept"</c>.</returns>
    public static bool IsKnown(string? kind) => kind is Prompt or Concept;
}
