using DesignDrill.Core.Catalog;

namespace DesignDrill.Core.Practice;

/// <summary>
/// Answers a candidate's clarifying question from a prompt's hidden fact sheet, as the interviewer would: the facts of
/// every topic the question matches (the topics' synonyms, plus the prompt's own fact phrasings), one answer a line, or <see cref="YourCall"/> when nothing matches. Deterministic;
/// never throws for any question.
/// </summary>
public static class ClarifyingAnswerer
{
    /// <summary>The interviewer's answer when no topic matches or the prompt holds no fact for the matched topics.</summary>
    public const string YourCall = "Your call — state it as an assumption.";

    /// <summary>Answers <paramref name="question"/> with <see cref="QuestionMatcher.Default"/>.</summary>
    /// <param name="prompt">The prompt whose facts are used.</param>
    /// <param name="question">The candidate's question; null counts as empty.</param>
    /// <returns>The matched topics and the answer.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="prompt"/> is null.</exception>
    public static ClarifyingAnswer Answer(Prompt prompt, string? question) => Answer(prompt, question, QuestionMatcher.Default);

    /// <summary>Answers <paramref name="question"/> with the given matcher.</summary>
    /// <param name="prompt">The prompt whose facts are used.</param>
    /// <param name="question">The candidate's question; null counts as empty.</param>
    /// <param name="matcher">The matcher that maps the question to topics.</param>
    /// <returns>The matched topics, highest score first, and the answer: each matched topic's facts (several facts of one topic joined by a space), topics joined by a line break.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="prompt"/> or <paramref name="matcher"/> is null.</exception>
    public static ClarifyingAnswer Answer(Prompt prompt, string? question, QuestionMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(matcher);
        var topics = matcher.Match(question, prompt.Facts.SelectMany(f => f.Phrasings.Select(p => (f.Topic, p))));
        var answers = topics
            .Select(t => string.Join(" ", prompt.FactsAbout(t).Select(f => f.Answer.Trim())))
            .Where(a => a.Length > 0)
            .ToList();
        return new ClarifyingAnswer(topics, answers.Count == 0 ? YourCall : string.Join("\n", answers));
    }
}

/// <summary>The interviewer's answer to a clarifying question.</summary>
/// <param name="Topics">The topic ids the question matched, highest score first; empty when none matched.</param>
/// <param name="Answer">The answer text: facts one topic a line, or <see cref="ClarifyingAnswerer.YourCall"/>.</param>
public sealed record ClarifyingAnswer(IReadOnlyList<string> Topics, string Answer);
