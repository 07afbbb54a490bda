using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Catalog;

/// <summary>One of the two or three deep dives a prompt is known for, such as key generation for a URL shortener.</summary>
/// <param name="Name">The hard part in a few words.</param>
/// <param name="Concepts">The concepts a good answer uses (free words, such as <c>base62</c> or <c>token bucket</c>).</param>
/// <param name="Span">Where the name is written in the prompt file.</param>
public sealed record HardPart(string Name, IReadOnlyList<string> Concepts, SourceSpan Span);
