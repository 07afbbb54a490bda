using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Review.Rubric;

/// <summary>One rubric dimension's score.</summary>
/// <param name="Dimension">The dimension.</param>
/// <param name="Score">1 (strong no), 2 (lean no), 3 (lean yes) or 4 (strong yes).</param>
/// <param name="Penalty">The weighted count of what counts against it: 3 per error, 1 per warning, 0.25 per note.</param>
/// <param name="Errors">Errors counted against it.</param>
/// <param name="Warnings">Warnings counted against it.</param>
/// <param name="Notes">Notes (info) counted against it.</param>
/// <param name="Reason">Why the score is what it is, in one sentence.</param>
public sealed record RubricScore(RubricDimension Dimension, int Score, double Penalty, int Errors, int Warnings, int Notes, string Reason)
{
    /// <summary>The interview label of the score: strong no, lean no, lean yes, strong yes.</summary>
    public string Label => RubricScorer.Label(Score);
}

/// <summary>The scores of every dimension and the overall recommendation.</summary>
/// <param name="Level">The level scored against.</param>
/// <param name="Scores">One score per dimension, in the rubric's order.</param>
/// <param name="Average">Mean of the scores.</param>
/// <param name="Recommendation">The overall call: strong no, lean no, lean yes or strong yes.</param>
public sealed record RubricScorecard(DesignLevel Level, IReadOnlyList<RubricScore> Scores, double Average, string Recommendation);

/// <summary>
/// Scores a review on the interview rubric, by rules a person can apply by hand (docs/rubric.md): each finding and
/// each diagnostic counts against one dimension, weighted by severity; a dimension whose section is missing scores 1;
/// thresholds turn the weighted count into 1–4. The level acts through the severities, which the rules raise at senior
/// and staff where the field expects more unprompted.
/// </summary>
public static class RubricScorer
{
    /// <summary>Weight of an error in a dimension's penalty (rule of thumb: one error outweighs two warnings).</summary>
    public const double ErrorWeight = 3;

    /// <summary>Weight of a warning.</summary>
    public const double WarningWeight = 1;

    /// <summary>Weight of a note (info).</summary>
    public const double NoteWeight = 0.25;

    /// <summary>Labels of the four scores, from 1 to 4.</summary>
    public static IReadOnlyList<string> Labels { get; } = ["strong no", "lean no", "lean yes", "strong yes"];

    /// <summary>The label of a score from 1 to 4.</summary>
    /// <param name="score">1–4.</param>
    /// <returns>Its label.</returns>
    public static string Label(int score) => Labels[Math.Clamp(score, 1, 4) - 1];

    /// <summary>Scores a review report.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The scorecard.</returns>
    public static RubricScorecard Score(ReviewReport report) => Score(report, []);

    /// <summary>
    /// Scores a review report together with findings from outside the document (a practice session's SES findings),
    /// each counted against its own dimension with the same weights.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="extra">Further findings.</param>
    /// <returns>The scorecard.</returns>
    public static RubricScorecard Score(ReviewReport report, IEnumerable<Finding> extra)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(extra);
        var extraFindings = extra.ToList();
        var scores = new List<RubricScore>();
        foreach (var dimension in Enum.GetValues<RubricDimension>())
        {
            var severities = report.Findings.Concat(extraFindings).Where(f => f.Dimension == dimension).Select(f => f.Severity)
                .Concat(report.Diagnostics.Where(d => DimensionOf(d) == dimension).Select(d => d.Severity))
                .ToList();
            var errors = severities.Count(s => s == Severity.Error);
            var warnings = severities.Count(s => s == Severity.Warning);
            var notes = severities.Count(s => s == Severity.Info);
            var penalty = (errors * ErrorWeight) + (warnings * WarningWeight) + (notes * NoteWeight);
            var missing = MissingSection(report.Document, dimension, report.Level);
            int score;
            string reason;
            if (missing is not null)
            {
                score = 1;
                reason = $"no '{missing}' section";
            }
            else
            {
                score = penalty switch
                {
                    < 1 => 4,
                    < 3 => 3,
                    < 6 => 2,
                    _ => 1,
                };
                reason = errors + warnings + notes == 0
                    ? "nothing found against it"
                    : $"{errors} errors, {warnings} warnings, {notes} notes (penalty {penalty.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)})";
            }

            scores.Add(new RubricScore(dimension, score, penalty, errors, warnings, notes, reason));
        }

        var average = scores.Average(s => s.Score);
        var recommendation = scores.Any(s => s.Score == 1) ? (average >= 2.5 ? "lean no" : "strong no")
            : average >= 3.5 ? "strong yes"
            : average >= 2.75 ? "lean yes"
            : "lean no";
        return new RubricScorecard(report.Level, scores, average, recommendation);
    }

    /// <summary>
    /// The dimension a diagnostic counts against: estimate arithmetic (EST) against scalability, since back-of-the-envelope
    /// sizing is what it checks; numbers in the architecture (ARC) against scalability; anything the parser could not
    /// read (DOC, CAT) against communication.
    /// </summary>
    /// <param name="diagnostic">The diagnostic.</param>
    /// <returns>Its dimension.</returns>
    public static RubricDimension DimensionOf(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return diagnostic.Code.StartsWith("EST", StringComparison.Ordinal) || diagnostic.Code.StartsWith("ARC", StringComparison.Ordinal)
            ? RubricDimension.Scalability
            : RubricDimension.Communication;
    }

    /// <summary>The section a dimension cannot be judged without, when the document lacks it; <see langword="null"/> otherwise.</summary>
    private static string? MissingSection(DesignDocument document, RubricDimension dimension, DesignLevel level)
    {
        (SectionKind Kind, string Title)[] needed = dimension switch
        {
            RubricDimension.RequirementDiscovery => [(SectionKind.Requirements, "Requirements")],
            RubricDimension.ApiDesign => [(SectionKind.Api, "API")],
            RubricDimension.DataModelling => [(SectionKind.DataModel, "Data model")],
            RubricDimension.Scalability => [(SectionKind.Estimates, "Estimates"), (SectionKind.Architecture, "Architecture")],
            RubricDimension.Reliability => [(SectionKind.BottlenecksAndFailureModes, "Bottlenecks and failure modes")],
            RubricDimension.TradeOffs => [(SectionKind.TradeOffs, "Trade-offs")],
            RubricDimension.OperationalRealism when level == DesignLevel.Staff => [(SectionKind.Operations, "Operations")],
            _ => [],
        };
        return needed.FirstOrDefault(n => document.GetSection(n.Kind) is null).Title;
    }
}
