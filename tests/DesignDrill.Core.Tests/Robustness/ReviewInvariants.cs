using System.Text.RegularExpressions;
using DesignDrill.Core.Catalog;
using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Estimation;
using DesignDrill.Core.Review;
using DesignDrill.Core.Text;

namespace DesignDrill.Core.Tests.Robustness;

/// <summary>
/// What must hold for every review of every input. The central one: a line written in the shape of a structured
/// element (estimate, endpoint, component, flow) that the model does not contain, or whose number could not be
/// computed, carries a diagnostic on that line, so nothing the author wrote is dropped silently.
/// </summary>
internal static partial class ReviewInvariants
{
    /// <summary>Returns a description of every broken invariant; empty when the report is sound.</summary>
    /// <param name="text">The reviewed text.</param>
    /// <param name="report">Its review.</param>
    public static List<string> Check(string text, ReviewReport report)
    {
        var problems = new List<string>();
        var lines = DesignDocumentParser.SplitLines(text);
        var document = report.Document;
        if (document.LineCount != lines.Count)
        {
            problems.Add($"LineCount is {document.LineCount}, the text has {lines.Count} lines");
        }

        CheckDiagnostics(report, lines, problems);
        var byLine = report.Diagnostics.Where(d => d.Span.HasLocation).ToLookup(d => d.Span.Line);
        CheckEstimates(report, byLine, problems);
        CheckSectionLines(document, byLine, problems);
        foreach (var flow in report.Architecture.Flows)
        {
            var line = flow.Declaration.Span.Line;
            if (flow.Declaration.RateText is not null && flow.RatePerSecond is null && !byLine[line].Any(d => d.Severity == Severity.Error))
            {
                problems.Add($"line {line}: flow '{flow.Name}' rate '{flow.Declaration.RateText}' has no value and no error");
            }
        }

        CheckNumbers(report, problems);
        return problems;
    }

    /// <summary>Every number in the model is finite (a report with infinity or NaN cannot be written as JSON), and the calendar is positive.</summary>
    private static void CheckNumbers(ReviewReport report, List<string> problems)
    {
        var conventions = report.Conventions;
        double[] calendar = [conventions.SecondsPerDay, conventions.SecondsPerMonth, conventions.DaysPerYear, conventions.SecondsPerYear, conventions.DaysPerMonth];
        if (!calendar.All(v => double.IsFinite(v) && v > 0))
        {
            problems.Add($"conventions out of range: {conventions}");
        }

        foreach (var result in report.Estimates.Results)
        {
            if (!IsFinite(result.Value?.Value) || !IsFinite(result.StatedValue?.Value))
            {
                problems.Add($"line {result.Input.NameSpan.Line}: estimate '{result.Input.Name}' is not finite");
            }
        }

        foreach (var flow in report.Architecture.Flows)
        {
            if (!IsFinite(flow.RatePerSecond) || !flow.FanOut.All(double.IsFinite))
            {
                problems.Add($"line {flow.Declaration.Span.Line}: flow '{flow.Name}' has a rate or fan-out that is not finite");
            }
        }

        foreach (var component in report.Architecture.Components)
        {
            Quantity?[] quantities = [component.CapacityPerReplica, component.ServiceTime, component.MemoryPerReplica, component.StoragePerReplica, component.Ttl];
            if (!quantities.All(q => IsFinite(q?.Value)) || !IsFinite(component.HitRatio))
            {
                problems.Add($"line {component.Declaration.Span.Line}: component '{component.Name}' has a setting that is not finite");
            }
        }

        static bool IsFinite(double? value) => value is not { } v || double.IsFinite(v);
    }

    private static void CheckDiagnostics(ReviewReport report, List<string> lines, List<string> problems)
    {
        foreach (var diagnostic in report.Diagnostics)
        {
            CheckSpan(diagnostic.Span, lines, diagnostic.ToString(), problems);
            if (string.IsNullOrWhiteSpace(diagnostic.Message) || string.IsNullOrWhiteSpace(diagnostic.Code))
            {
                problems.Add($"diagnostic without code or message: {diagnostic}");
            }

            if (diagnostic.Code == DocDiagnosticCodes.InternalError)
            {
                problems.Add($"the parser failed internally: {diagnostic}");
            }
        }

        foreach (var finding in report.Findings)
        {
            CheckSpan(finding.Span, lines, $"{finding.Id} {finding.Span}: {finding.Message}", problems);
            if (string.IsNullOrWhiteSpace(finding.Message) || string.IsNullOrWhiteSpace(finding.Id))
            {
                problems.Add($"finding without id or message: {finding}");
            }
        }
    }

    /// <summary>A span is on a line of the text (or line 0 for whole-document problems) and within that line, or just past its end.</summary>
    private static void CheckSpan(SourceSpan span, List<string> lines, string what, List<string> problems)
    {
        if (span.Line == 0)
        {
            if (span.Column != 0 || span.EndColumn != 0)
            {
                problems.Add($"span without a line but with columns: {what}");
            }

            return;
        }

        if (span.Line < 0 || span.Line > lines.Count)
        {
            problems.Add($"span line outside 1..{lines.Count}: {what}");
            return;
        }

        var length = lines[span.Line - 1].Length;
        if (span.Column < 1 || span.Column > length + 1 || span.EndColumn < span.Column || span.EndColumn > length + 2)
        {
            problems.Add($"span outside its line of {length} characters: {what}");
        }
    }

    /// <summary>Every estimate is evaluated; one without a value has an error on its line, or a warning that it uses a failed line (EST008).</summary>
    private static void CheckEstimates(ReviewReport report, ILookup<int, Diagnostic> byLine, List<string> problems)
    {
        if (report.Estimates.Results.Count != report.Document.Estimates.Count)
        {
            problems.Add($"{report.Document.Estimates.Count} estimate lines but {report.Estimates.Results.Count} results");
        }

        foreach (var result in report.Estimates.Results)
        {
            var line = result.Input.NameSpan.Line;
            var explained = byLine[line].Any(d => d.Severity == Severity.Error || d.Code == EstimationDiagnostics.DependsOnFailedLineCode);
            if (result.Value is null && !explained)
            {
                problems.Add($"line {line}: estimate '{result.Input.Name} = {result.Input.Expression}' has no value and no error");
            }

            if (result.Input.Stated is not null && result.StatedValue is null && result.Value is not null && !explained)
            {
                problems.Add($"line {line}: stated value '{result.Input.Stated}' has no value and no error");
            }
        }
    }

    /// <summary>Lines shaped like an estimate, endpoint, component or flow are in the model or have a diagnostic.</summary>
    private static void CheckSectionLines(DesignDocument document, ILookup<int, Diagnostic> byLine, List<string> problems)
    {
        foreach (var section in document.Sections)
        {
            foreach (var line in section.Lines)
            {
                if (line.Role is LineRole.Heading or LineRole.Fence || line.IsBlank ||
                    line.Text.Length > DesignDocumentParser.MaxAnalysedLineLength || byLine[line.Line].Any())
                {
                    continue;
                }

                var missing = section.Kind switch
                {
                    SectionKind.Estimates when EstimateShape().IsMatch(Content(line.Text, emphasis: false, cutComment: false)) &&
                                               !document.Estimates.Any(e => e.Line == line.Line) => "estimate",
                    SectionKind.Api when EndpointShape().IsMatch(Content(line.Text, emphasis: true, cutComment: true)) &&
                                         !document.Api.Any(a => a.Span.Line == line.Line) => "endpoint",
                    SectionKind.Architecture when line.CodeLanguage != "mermaid" => MissingArchitecture(document, line),
                    _ => null,
                };
                if (missing is not null)
                {
                    problems.Add($"line {line.Line}: a {missing} was dropped without a diagnostic: '{Shorten(line.Text)}'");
                }
            }
        }
    }

    private static string? MissingArchitecture(DesignDocument document, SourceLine line)
    {
        var content = Content(line.Text, emphasis: true, cutComment: true);
        if (FlowShape().IsMatch(content) || (FlowStart().IsMatch(content) && ArrowPattern().IsMatch(content)))
        {
            return document.Architecture.Flows.Any(f => f.Span.Line == line.Line) ? null : "flow";
        }

        if (FlowStart().IsMatch(content))
        {
            return null;
        }

        var component = ComponentShape().Match(content);
        if (component.Success && ComponentCatalog.Default.TryResolve(component.Groups["kind"].Value, out _, out _))
        {
            return document.Architecture.Components.Any(c => c.Span.Line == line.Line) ? null : "component";
        }

        return null;
    }

    /// <summary>The line without backticks (and bold marks), list marker, quote mark and, if asked, trailing comment.</summary>
    private static string Content(string text, bool emphasis, bool cutComment)
    {
        var masked = LineText.Mask(text, emphasis);
        var start = LineText.ContentStart(masked);
        var end = cutComment ? LineText.CommentStart(masked, start, masked.Length) : masked.Length;
        return masked[start..Math.Max(start, end)].TrimEnd();
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "...";

    [GeneratedRegex(@"^(?>[A-Za-z_][A-Za-z0-9_]*)[ \t\u00A0]*=(?![=>])", RegexOptions.CultureInvariant)]
    private static partial Regex EstimateShape();

    [GeneratedRegex(@"^(?i:GET|POST|PUT|PATCH|DELETE|HEAD)[ \t][ \t\u00A0]*/(?!/)", RegexOptions.CultureInvariant)]
    private static partial Regex EndpointShape();

    [GeneratedRegex(@"^(?i:flow)[ \t\u00A0]+(?>[A-Za-z_](?:[A-Za-z0-9_]|-(?=[A-Za-z0-9_]))*)", RegexOptions.CultureInvariant)]
    private static partial Regex FlowStart();

    [GeneratedRegex(@"^(?i:flow)[ \t\u00A0]+(?>[A-Za-z_](?:[A-Za-z0-9_]|-(?=[A-Za-z0-9_]))*)[ \t\u00A0]*(?::|(?i:at|after|async|sync)(?![A-Za-z0-9_]))", RegexOptions.CultureInvariant)]
    private static partial Regex FlowShape();

    [GeneratedRegex(@"->|=>|~>|→|⇒", RegexOptions.CultureInvariant)]
    private static partial Regex ArrowPattern();

    [GeneratedRegex(@"^(?>[A-Za-z_](?:[A-Za-z0-9_]|-(?=[A-Za-z0-9_]))*)[ \t\u00A0]*:(?![:/])[ \t\u00A0]*(?<kind>(?>[A-Za-z_](?:[A-Za-z0-9_]|-(?=[A-Za-z0-9_]))*))", RegexOptions.CultureInvariant)]
    private static partial Regex ComponentShape();
}
