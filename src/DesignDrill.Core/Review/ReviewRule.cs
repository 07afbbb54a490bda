using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Review;

/// <summary>
/// One review rule: a stable id and name, the rubric dimension it scores, a one-line summary for docs and help, and
/// the check that produces its findings. Rules are listed in <see cref="ReviewRules.All"/> and documented in
/// docs/review-rules.md.
/// </summary>
/// <param name="Id">Stable identifier, <c>REV001</c> to <c>REVnnn</c>; never reused.</param>
/// <param name="Name">Short kebab-case name, such as <c>missing-section</c>.</param>
/// <param name="Dimension">The rubric dimension its findings count against.</param>
/// <param name="Summary">What the rule looks for, in one sentence.</param>
/// <param name="Check">Produces the rule's findings for a document; must not throw.</param>
public sealed record ReviewRule(
    string Id,
    string Name,
    RubricDimension Dimension,
    string Summary,
    Func<ReviewContext, IEnumerable<Finding>> Check)
{
    /// <summary>Creates a finding of this rule.</summary>
    /// <param name="severity">Severity at the reviewed level.</param>
    /// <param name="span">Where it points; <see cref="SourceSpan.None"/> for the whole document.</param>
    /// <param name="message">What was noticed, with its numbers.</param>
    /// <param name="hint">How to fix it.</param>
    /// <returns>The finding.</returns>
    public Finding At(Severity severity, SourceSpan span, string message, string hint) =>
        new(Id, Name, severity, Dimension, message, span, hint) { Concept = Concept };

    /// <summary>Creates a finding of this rule with the numbers behind it.</summary>
    /// <param name="severity">Severity at the reviewed level.</param>
    /// <param name="span">Where it points; <see cref="SourceSpan.None"/> for the whole document.</param>
    /// <param name="message">What was noticed, with its numbers.</param>
    /// <param name="hint">How to fix it.</param>
    /// <param name="evidence">The computed figures, by name with units in the name (<c>utilization</c>, <c>offeredLoadPerSecond</c>).</param>
    /// <returns>The finding.</returns>
    public Finding At(Severity severity, SourceSpan span, string message, string hint, IReadOnlyDictionary<string, double> evidence) =>
        At(severity, span, message, hint) with { Evidence = evidence };

    /// <summary>
    /// The concept page that explains what the rule checks, relative to the repository root
    /// (<c>docs/concepts/caching.md</c>), or <see langword="null"/> when the rule needs none.
    /// </summary>
    public string? Concept { get; init; }
}
