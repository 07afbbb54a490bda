using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Catalog;

/// <summary>One line of a prompt's hidden fact sheet: what the interviewer answers when asked about a topic.</summary>
/// <param name="Topic">A topic id from <c>catalog/topics.yaml</c>, such as <c>scale.dau</c>.</param>
/// <param name="Answer">The interviewer's answer, with concrete numbers.</param>
/// <param name="Phrasings">Extra ways a candidate might ask for this fact (for the question matcher); possibly empty.</param>
/// <param name="Span">Where the topic is written in the prompt file.</param>
public sealed record PromptFact(string Topic, string Answer, IReadOnlyList<string> Phrasings, SourceSpan Span);
