using System.Globalization;
using DesignDrill.Core.Architecture;
using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Estimation;
using DesignDrill.Core.Review;
using DesignDrill.Core.Review.Reporting;

namespace DesignDrill.Web.Services;

/// <summary>
/// Reviews a design as it is typed and shapes the result for the live panel and the editor: diagnostics and findings as
/// editor marks, the estimate table, the findings, and the architecture as Mermaid coloured by utilisation. Stateless
/// and thread-safe; one call is one <see cref="DesignReviewer.Review"/> (a few milliseconds for a real document).
/// </summary>
public sealed class LiveAnalyzer
{
    /// <summary>Reviews <paramref name="text"/> at <paramref name="level"/>.</summary>
    /// <param name="text">The whole design document (any text; the parser never throws).</param>
    /// <param name="level">The level to review at.</param>
    /// <returns>The analysis.</returns>
    public LiveAnalysis Analyze(string text, DesignLevel level)
    {
        var report = DesignReviewer.Review(text ?? "", new ReviewOptions { Level = level });
        return LiveAnalysis.From(report);
    }
}

/// <summary>One live review, shaped for the page.</summary>
/// <param name="Report">The full review report.</param>
/// <param name="Marks">Diagnostics and located findings, in line order, for the editor.</param>
/// <param name="Estimates">The estimate table, one row a line.</param>
/// <param name="Mermaid">The architecture as Mermaid, coloured by utilisation with SPOFs marked; empty when the document has no components.</param>
public sealed record LiveAnalysis(ReviewReport Report, IReadOnlyList<EditorMark> Marks, IReadOnlyList<EstimateRow> Estimates, string Mermaid)
{
    /// <summary>Number of errors among diagnostics and findings.</summary>
    public int Errors => Report.Count(Severity.Error);

    /// <summary>Number of warnings among diagnostics and findings.</summary>
    public int Warnings => Report.Count(Severity.Warning);

    /// <summary>Number of notes (info) among diagnostics and findings.</summary>
    public int Notes => Report.Count(Severity.Info);

    /// <summary>Shapes a report for the page.</summary>
    /// <param name="report">A review report.</param>
    /// <returns>The analysis.</returns>
    public static LiveAnalysis From(ReviewReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var marks = report.Diagnostics
            .Where(d => d.Span.HasLocation)
            .Select(d => new EditorMark(d.Span.Line, d.Span.Column, d.Span.EndColumn, JsonReportWriter.Name(d.Severity), d.Code, d.Message, d.Hint))
            .Concat(report.Findings
                .Where(f => f.Span.HasLocation)
                .Select(f => new EditorMark(f.Span.Line, f.Span.Column, f.Span.EndColumn, JsonReportWriter.Name(f.Severity), f.Id, f.Message, f.Hint)))
            .OrderBy(m => m.Line)
            .ThenBy(m => m.Column)
            .ToList();
        var estimates = report.Estimates.Results
            .Select(r => new EstimateRow(
                r.Input.NameSpan.Line,
                r.Input.Name,
                r.Value is { } v ? v.FormatInUnitOf(r.Input.Stated, report.Conventions) ?? v.Format(report.Conventions, r.Display) : null,
                r.Input.Stated,
                r.Verdict,
                r.Ratio,
                r.Derivation))
            .ToList();
        var mermaid = report.Document.Architecture.Components.Count == 0 && report.Document.Architecture.Flows.Count == 0
            ? ""
            : MermaidExporter.Export(report.Document.Architecture, report.Analysis);
        return new LiveAnalysis(report, marks, estimates, mermaid);
    }
}

/// <summary>A mark in the editor: where, how serious, and what to say.</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based first column.</param>
/// <param name="EndColumn">1-based column after the last.</param>
/// <param name="Severity"><c>error</c>, <c>warning</c> or <c>info</c>.</param>
/// <param name="Code">The diagnostic or rule id (<c>EST004</c>, <c>REV011</c>).</param>
/// <param name="Message">The message.</param>
/// <param name="Hint">How to fix it, when known.</param>
public sealed record EditorMark(int Line, int Column, int EndColumn, string Severity, string Code, string Message, string? Hint);

/// <summary>One row of the estimate table.</summary>
/// <param name="Line">The estimate's line.</param>
/// <param name="Name">The estimate's name.</param>
/// <param name="Value">The computed value, formatted in the stated value's unit when there is one; null when it has errors.</param>
/// <param name="Stated">The stated value as written, or null.</param>
/// <param name="Verdict">How the stated value compares.</param>
/// <param name="Ratio">Computed ÷ stated, when both exist.</param>
/// <param name="Derivation">How the value was computed.</param>
public sealed record EstimateRow(int Line, string Name, string? Value, string? Stated, StatedVerdict Verdict, double? Ratio, string Derivation)
{
    /// <summary>The verdict in words, for the table: ok, close, off (with the factor), wrong unit, not evaluated, or empty.</summary>
    public string VerdictText => Verdict switch
    {
        StatedVerdict.Ok => "ok",
        StatedVerdict.Close => "close",
        StatedVerdict.Off when Ratio is { } r && r > 0 => "off " + (r >= 1 ? r : 1 / r).ToString("0.#", CultureInfo.InvariantCulture) + "×",
        StatedVerdict.Off => "off",
        StatedVerdict.DimensionMismatch => "wrong unit",
        StatedVerdict.Unevaluated => "not evaluated",
        _ => "",
    };

    /// <summary>A CSS class for the verdict: <c>good</c>, <c>warn</c>, <c>bad</c> or empty.</summary>
    public string VerdictClass => Verdict switch
    {
        StatedVerdict.Ok => "good",
        StatedVerdict.Close => "warn",
        StatedVerdict.Off or StatedVerdict.DimensionMismatch or StatedVerdict.Unevaluated => "bad",
        _ => "",
    };
}
