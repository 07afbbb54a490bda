using System.Globalization;
using System.Text;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Estimation;

namespace DesignDrill.Core.Review.Reporting;

/// <summary>
/// Writes a <see cref="ReviewReport"/> as GitHub-flavoured Markdown: a summary, the diagnostics with their source
/// excerpts, the estimate table with derivations, and the findings grouped by severity. Deterministic.
/// </summary>
public static class MarkdownReportWriter
{
    /// <summary>Renders the report.</summary>
    /// <param name="report">The review report.</param>
    /// <param name="file">The file name to show, or <see langword="null"/>.</param>
    /// <param name="source">The document text, used for source excerpts under diagnostics.</param>
    /// <returns>The Markdown text, ending in a newline.</returns>
    public static string Write(ReviewReport report, string? file, string source)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lines = SourceExcerpt.SplitLines(source);
        var md = new StringBuilder();
        var title = report.Document.Title ?? file ?? "design";
        md.Append("# Review: ").Append(Escape(title)).Append("\n\n");
        if (file is not null)
        {
            md.Append("File `").Append(file).Append("` · ");
        }

        md.Append("level **").Append(report.Level.ToString().ToLowerInvariant()).Append("** · ")
            .Append(report.Count(Severity.Error)).Append(" errors, ")
            .Append(report.Count(Severity.Warning)).Append(" warnings, ")
            .Append(report.Count(Severity.Info)).Append(" notes\n\n");
        md.Append("Conventions: ").Append(report.Conventions.ToString()).Append("\n\n");

        md.Append("## Diagnostics\n\n");
        if (report.Diagnostics.Count == 0)
        {
            md.Append("None.\n\n");
        }

        foreach (var d in report.Diagnostics)
        {
            md.Append("- **").Append(JsonReportWriter.Name(d.Severity)).Append("** `").Append(d.Code).Append('`');
            if (d.Span.HasLocation)
            {
                md.Append(" line ").Append(d.Span.Line).Append(", column ").Append(d.Span.Column);
            }

            md.Append(": ").Append(Escape(d.Message)).Append('\n');
            var excerpt = SourceExcerpt.Render(lines, d.Span, 0);
            if (excerpt.Length > 0)
            {
                md.Append("  ```text\n");
                foreach (var line in excerpt.TrimEnd('\n').Split('\n'))
                {
                    md.Append("  ").Append(line).Append('\n');
                }

                md.Append("  ```\n");
            }

            if (d.Hint is not null)
            {
                md.Append("  Hint: ").Append(Escape(d.Hint)).Append('\n');
            }
        }

        if (report.Diagnostics.Count > 0)
        {
            md.Append('\n');
        }

        md.Append("## Estimates\n\n");
        if (report.Estimates.Results.Count == 0)
        {
            md.Append("None.\n\n");
        }
        else
        {
            md.Append("| line | name | value | stated | verdict | derivation |\n|---:|---|---|---|---|---|\n");
            foreach (var r in report.Estimates.Results)
            {
                md.Append("| ").Append(r.Input.NameSpan.Line)
                    .Append(" | `").Append(r.Input.Name).Append('`')
                    .Append(" | ").Append(r.Value is { } v ? Escape(v.FormatInUnitOf(r.Input.Stated, report.Conventions) ?? v.Format(report.Conventions, r.Display)) : "—")
                    .Append(" | ").Append(r.Input.Stated is { } s ? Escape(s) : "")
                    .Append(" | ").Append(JsonReportWriter.VerdictName(r.Verdict))
                    .Append(" | ").Append(Escape(r.Derivation))
                    .Append(" |\n");
            }

            md.Append('\n');
        }

        var loaded = report.Analysis.Components.Where(c => c.OfferedLoadPerSecond > 0).ToList();
        if (loaded.Count > 0)
        {
            var c0 = report.Conventions;
            md.Append("## Load at peak\n\n| component | offered | capacity | utilisation | availability |\n|---|---:|---:|---:|---:|\n");
            foreach (var c in loaded)
            {
                md.Append("| `").Append(c.Name).Append("` | ")
                    .Append(new Quantity(c.OfferedLoadPerSecond, Dimension.Rate).Format(c0)).Append(" | ")
                    .Append(double.IsFinite(c.CapacityPerSecond) ? new Quantity(c.CapacityPerSecond, Dimension.Rate).Format(c0) : "scales").Append(" | ")
                    .Append(double.IsFinite(c.CapacityPerSecond) ? (c.Utilization * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—").Append(" | ")
                    .Append(Quantity.FormatPercent(c.Availability)).Append(" |\n");
            }

            if (report.Analysis.Headroom is { } headroom)
            {
                md.Append("\nHeadroom: **").Append(headroom.Multiple.ToString("0.##", CultureInfo.InvariantCulture)).Append("x** the peak, when `")
                    .Append(headroom.Component).Append("` saturates.\n");
            }

            md.Append("\n## Flows\n\n| flow | rate | p50 | p95 | p99 | availability |\n|---|---:|---:|---:|---:|---:|\n");
            foreach (var f in report.Analysis.Flows)
            {
                string T(double seconds) => new Quantity(seconds, Dimension.Time).Format(c0);
                md.Append("| `").Append(f.Name).Append("` | ")
                    .Append(f.RatePerSecond is { } r ? new Quantity(r, Dimension.Rate).Format(c0) : "—").Append(" | ")
                    .Append(f.Latency is { } l ? T(l.P50Seconds) : "—").Append(" | ")
                    .Append(f.Latency is { } l2 ? T(l2.P95Seconds) : "—").Append(" | ")
                    .Append(f.Latency is { } l3 ? T(l3.P99Seconds) : (f.SaturatedComponents.Count > 0 ? "saturated" : "—")).Append(" | ")
                    .Append(Quantity.FormatPercent(f.Availability)).Append(" |\n");
            }

            md.Append('\n');
        }

        md.Append("## Scorecard\n\n| dimension | score | call | why |\n|---|---:|---|---|\n");
        foreach (var score in report.Scorecard.Scores)
        {
            md.Append("| ").Append(JsonReportWriter.DimensionName(score.Dimension))
                .Append(" | ").Append(score.Score)
                .Append(" | ").Append(score.Label)
                .Append(" | ").Append(Escape(score.Reason))
                .Append(" |\n");
        }

        md.Append("\nRecommendation: **").Append(report.Scorecard.Recommendation).Append("**\n\n");

        md.Append("## Findings\n\n");
        if (report.Findings.Count == 0)
        {
            md.Append("None.\n");
        }
        else
        {
            md.Append("| severity | id | rule | dimension | line | finding | fix |\n|---|---|---|---|---:|---|---|\n");
            foreach (var f in report.Findings.OrderByDescending(f => f.Severity))
            {
                md.Append("| ").Append(JsonReportWriter.Name(f.Severity))
                    .Append(" | ").Append(f.Id)
                    .Append(" | ").Append(f.Rule)
                    .Append(" | ").Append(JsonReportWriter.DimensionName(f.Dimension))
                    .Append(" | ").Append(f.Span.HasLocation ? f.Span.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) : "—")
                    .Append(" | ").Append(Escape(f.Message))
                    .Append(" | ").Append(Escape(f.Hint))
                    .Append(" |\n");
            }
        }

        return md.ToString();
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal);
}
