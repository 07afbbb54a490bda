using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Review;

/// <summary>
/// One observation an interviewer would make about a design: which rule produced it, how serious it is, which rubric
/// dimension it counts against, where in the document it points, and how to fix it.
/// </summary>
/// <param name="Id">The rule's stable identifier, such as <c>REV011</c> (see docs/review-rules.md).</param>
/// <param name="Rule">The rule's short name, such as <c>estimate-off</c>.</param>
/// <param name="Severity">How serious the finding is at the reviewed level.</param>
/// <param name="Dimension">The rubric dimension the finding counts against.</param>
/// <param name="Message">What the interviewer noticed, with the numbers behind it.</param>
/// <param name="Span">Where in the document; <see cref="SourceSpan.None"/> when it concerns the whole document.</param>
/// <param name="Hint">What to write instead.</param>
public sealed record Finding(
    string Id,
    string Rule,
    Severity Severity,
    RubricDimension Dimension,
    string Message,
    SourceSpan Span,
    string Hint)
{
    /// <summary>The numbers behind the finding, by name with units in the name; empty when it rests on the text alone.</summary>
    public IReadOnlyDictionary<string, double> Evidence { get; init; } = new Dictionary<string, double>();

    /// <summary>The docs/concepts/ page that explains the concept, relative to the repository root, or <see langword="null"/>.</summary>
    public string? Concept { get; init; }
}
