using DesignDrill.Core.Analysis;
using DesignDrill.Core.Architecture;
using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Estimation;

namespace DesignDrill.Core.Review;

/// <summary>
/// Everything a review produced for one document: the parsed model, the conventions and level used, the evaluated
/// estimates, the bound architecture, the diagnostics (input problems: parse errors, estimate arithmetic, numbers in the
/// architecture) and the findings (what an interviewer would say about the design).
/// </summary>
/// <param name="Document">The parsed document.</param>
/// <param name="Conventions">The estimation conventions in force (defaults, then front matter, then options).</param>
/// <param name="Level">The level the design was reviewed at.</param>
/// <param name="Estimates">The evaluated estimate sheet.</param>
/// <param name="Architecture">The architecture with its numbers evaluated.</param>
/// <param name="Diagnostics">Input problems, in line order.</param>
/// <param name="Findings">Review findings, in line order (whole-document findings first).</param>
/// <param name="Analysis">The analytic model's result.</param>
public sealed record ReviewReport(
    DesignDocument Document,
    Conventions Conventions,
    DesignLevel Level,
    EstimateSheet Estimates,
    BoundArchitecture Architecture,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<Finding> Findings,
    ArchitectureAnalysis Analysis)
{
    /// <summary>The most serious severity among diagnostics and findings, or <see langword="null"/> when there are none.</summary>
    public Severity? HighestSeverity =>
        Diagnostics.Select(d => (Severity?)d.Severity).Concat(Findings.Select(f => (Severity?)f.Severity)).Max();

    /// <summary>The rubric scorecard for this report (docs/rubric.md); computed on first use.</summary>
    public Rubric.RubricScorecard Scorecard => _scorecard ??= Rubric.RubricScorer.Score(this);

    private Rubric.RubricScorecard? _scorecard;

    /// <summary>Counts diagnostics and findings of <paramref name="severity"/>.</summary>
    /// <param name="severity">The severity to count.</param>
    /// <returns>The number of diagnostics plus findings with exactly that severity.</returns>
    public int Count(Severity severity) =>
        Diagnostics.Count(d => d.Severity == severity) + Findings.Count(f => f.Severity == severity);
}
