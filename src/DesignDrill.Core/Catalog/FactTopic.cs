using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Catalog;

/// <summary>One entry of <c>catalog/topics.yaml</c>: something a candidate can ask the interviewer about.</summary>
/// <param name="Id">Dotted id such as <c>scale.dau</c> or <c>latency.target</c>.</param>
/// <param name="Description">What the topic covers, in one sentence.</param>
/// <param name="Span">Where the id is written in the topics file.</param>
/// <param name="Keywords">Single words a candidate uses when asking about the topic, as written (<c>retention</c>, <c>geo*</c>); possibly empty.</param>
/// <param name="Phrases">Expressions of two or more words, as written (<c>how long keep</c>); possibly empty.</param>
public sealed record FactTopic(string Id, string Description, SourceSpan Span, IReadOnlyList<string> Keywords, IReadOnlyList<string> Phrases);
