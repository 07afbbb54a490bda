using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.DesignDocs;

/// <summary>
/// A question from the Clarifying questions section, with its answer when written as <c>Q: ... A: ...</c>,
/// <c>question -> answer</c>, or a <c>Q:</c> line followed by an <c>A:</c> line.
/// </summary>
/// <param name="Text">The question, without list marker or <c>Q:</c> prefix.</param>
/// <param name="Span">Where the question text is.</param>
/// <param name="Answer">The answer text, or <see langword="null"/>.</param>
/// <param name="AnswerSpan">Where the answer is; <see cref="SourceSpan.None"/> without an answer.</param>
public sealed record ClarifyingQuestion(string Text, SourceSpan Span, string? Answer, SourceSpan AnswerSpan);
