using System.Globalization;
using System.Text;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Review;
using DesignDrill.Core.Review.Reporting;
using Spectre.Console;

namespace DesignDrill.Cli.Rendering;

/// <summary>
/// Renders a <see cref="ReviewReport"/> for a terminal: diagnostics with the source line and a caret under the span,
/// the estimate table with derivations, and the findings with their rubric dimension and fix. Rendered through
/// Spectre.Console into a string, with colour only when asked for, so tests compare plain text.
/// </summary>
internal static class TextReportWriter
{
    /// <summary>Width the report is laid out for when the output is not a terminal (columns).</summary>
    public const int DefaultWidth = 120;

    public static string Write(ReviewReport report, string? file, string source, bool colour = false, int width = DefaultWidth)
    {
        var buffer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = colour ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(buffer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        // The header names the file as given, which can be any length: it is written as is, never wrapped, so the
        // same report reads the same whatever folder it was run from.
        var title = report.Document.Title is { } t ? $" · {t}" : "";
        buffer.WriteLine($"DesignDrill review {file ?? ""}{title} · level {report.Level.ToString().ToLowerInvariant()}");
        buffer.WriteLine($"conventions: {report.Conventions}");
        buffer.WriteLine();
        Render(console, report, source);
        return buffer.ToString();
    }

    private static void Render(IAnsiConsole console, ReviewReport report, string source)
    {
        var lines = SourceExcerpt.SplitLines(source);

        if (report.Diagnostics.Count > 0)
        {
            console.MarkupLine($"[bold]Diagnostics[/] ({report.Diagnostics.Count})");
            foreach (var d in report.Diagnostics)
            {
                var where = d.Span.HasLocation ? $" at {d.Span.Line}:{d.Span.Column}" : "";
                console.MarkupLine($"{Badge(d.Severity)} {d.Code}{where}: {Markup.Escape(d.Message)}");
                WriteExcerpt(console, lines, d.Span);
                if (d.Hint is not null)
                {
                    console.MarkupLine($"  [grey]hint:[/] {Markup.Escape(d.Hint)}");
                }
            }

            console.WriteLine();
        }

        if (report.Estimates.Results.Count > 0)
        {
            console.MarkupLine($"[bold]Estimates[/] ({report.Estimates.Results.Count})");
            var table = new Table().Border(TableBorder.Simple);
            table.AddColumn(new TableColumn("line").RightAligned());
            table.AddColumn("name");
            table.AddColumn(new TableColumn("value").RightAligned());
            table.AddColumn(new TableColumn("stated").RightAligned());
            table.AddColumn("verdict");
            foreach (var r in report.Estimates.Results)
            {
                table.AddRow(
                    r.Input.NameSpan.Line.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(r.Input.Name),
                    r.Value is { } v ? Markup.Escape(v.FormatInUnitOf(r.Input.Stated, report.Conventions) ?? v.Format(report.Conventions, r.Display)) : "—",
                    Markup.Escape(r.Input.Stated ?? ""),
                    Verdict(r.Verdict));
            }

            console.Write(table);
            console.MarkupLine("[bold]Derivations[/]");
            foreach (var r in report.Estimates.Results)
            {
                console.MarkupLine($"  {r.Input.NameSpan.Line,4}  {Markup.Escape(r.Derivation)}");
            }

            console.WriteLine();
        }

        RenderAnalysis(console, report);

        if (report.Findings.Count > 0)
        {
            console.MarkupLine($"[bold]Findings[/] ({report.Findings.Count})");
            foreach (var f in report.Findings.OrderByDescending(f => f.Severity))
            {
                var where = f.Span.HasLocation ? $" line {f.Span.Line}" : "";
                console.MarkupLine(
                    $"{Badge(f.Severity)} {f.Id} {f.Rule} [grey][[{JsonReportWriter.DimensionName(f.Dimension)}]][/]{where}: {Markup.Escape(f.Message)}");
                WriteExcerpt(console, lines, f.Span);
                console.MarkupLine($"  [grey]fix:[/] {Markup.Escape(f.Hint)}");
            }

            console.WriteLine();
        }
        else
        {
            console.MarkupLine("[bold]Findings[/]: none");
            console.WriteLine();
        }

        console.MarkupLine($"[bold]Scorecard[/] (level {report.Level.ToString().ToLowerInvariant()}; docs/rubric.md)");
        var scores = new Table().Border(TableBorder.Simple);
        scores.AddColumn("dimension");
        scores.AddColumn(new TableColumn("score").RightAligned());
        scores.AddColumn("call");
        scores.AddColumn("why");
        foreach (var score in report.Scorecard.Scores)
        {
            var colour = score.Score >= 3 ? "green" : score.Score == 2 ? "yellow" : "red";
            scores.AddRow(
                JsonReportWriter.DimensionName(score.Dimension),
                score.Score.ToString(CultureInfo.InvariantCulture),
                $"[{colour}]{score.Label}[/]",
                Markup.Escape(score.Reason));
        }

        console.Write(scores);
        console.MarkupLine($"Recommendation: [bold]{report.Scorecard.Recommendation}[/] (mean score {report.Scorecard.Average.ToString("0.00", CultureInfo.InvariantCulture)})");
        console.WriteLine();

        var summary = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{report.Count(Severity.Error)} errors, ")
            .Append(CultureInfo.InvariantCulture, $"{report.Count(Severity.Warning)} warnings, ")
            .Append(CultureInfo.InvariantCulture, $"{report.Count(Severity.Info)} notes; ")
            .Append(CultureInfo.InvariantCulture, $"{report.Estimates.Results.Count} estimates, ")
            .Append(CultureInfo.InvariantCulture, $"{report.Architecture.Components.Count} components, ")
            .Append(CultureInfo.InvariantCulture, $"{report.Architecture.Flows.Count} flows");
        console.MarkupLine($"[bold]Summary[/]: {summary}");
    }

    /// <summary>Width of a utilisation bar in characters; a full bar is 100%.</summary>
    private const int BarWidth = 20;

    private static void RenderAnalysis(IAnsiConsole console, ReviewReport report)
    {
        var analysis = report.Analysis;
        var loaded = analysis.Components.Where(c => c.OfferedLoadPerSecond > 0).ToList();
        if (loaded.Count == 0)
        {
            return;
        }

        var conventions = report.Conventions;
        console.MarkupLine($"[bold]Load at peak[/] ({loaded.Count} components carry load)");
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("component");
        table.AddColumn(new TableColumn("offered").RightAligned());
        table.AddColumn(new TableColumn("capacity").RightAligned());
        table.AddColumn("utilisation");
        table.AddColumn(new TableColumn("mean wait").RightAligned());
        table.AddColumn(new TableColumn("availability").RightAligned());
        foreach (var c in loaded)
        {
            table.AddRow(
                Markup.Escape(c.Name),
                Markup.Escape(Rate(c.OfferedLoadPerSecond, conventions)),
                double.IsFinite(c.CapacityPerSecond) ? Markup.Escape(Rate(c.CapacityPerSecond, conventions)) : "scales",
                Bar(c.Utilization, double.IsFinite(c.CapacityPerSecond)),
                c.Queue is { IsSaturated: false } q ? Markup.Escape(Wait(q.MeanWaitSeconds, conventions)) : (c.IsSaturated ? "[red]∞[/]" : "—"),
                Markup.Escape(Percent(c.Availability)));
        }

        console.Write(table);
        if (analysis.Headroom is { } headroom)
        {
            console.MarkupLine($"Headroom: {headroom.Multiple.ToString("0.##", CultureInfo.InvariantCulture)}x the peak, when '{Markup.Escape(headroom.Component)}' saturates.");
        }

        if (analysis.SinglePointsOfFailure.Count > 0)
        {
            console.MarkupLine($"Single points of failure: {Markup.Escape(string.Join(", ", analysis.SinglePointsOfFailure.Select(c => c.Name)))}.");
        }

        if (analysis.MonthlyCostUsd is { } cost)
        {
            console.MarkupLine($"Monthly cost: about ${cost.ToString("N0", CultureInfo.InvariantCulture)} (catalog prices; docs/catalog.md).");
        }

        console.WriteLine();
        console.MarkupLine("[bold]Flows[/]");
        var flows = new Table().Border(TableBorder.Simple);
        flows.AddColumn("flow");
        flows.AddColumn(new TableColumn("rate").RightAligned());
        flows.AddColumn(new TableColumn("mean").RightAligned());
        flows.AddColumn(new TableColumn("p50").RightAligned());
        flows.AddColumn(new TableColumn("p95").RightAligned());
        flows.AddColumn(new TableColumn("p99").RightAligned());
        flows.AddColumn(new TableColumn("availability").RightAligned());
        flows.AddColumn("latency by hop (mean)");
        foreach (var f in analysis.Flows)
        {
            var latency = f.Latency;
            var hops = string.Join(" + ", f.Hops.Select(h => double.IsFinite(h.MeanSeconds) ? $"{h.Component} {Time(h.MeanSeconds, conventions)}" : $"{h.Component} ∞"));
            flows.AddRow(
                Markup.Escape(f.Name),
                f.RatePerSecond is { } r ? Markup.Escape(Rate(r, conventions)) : "—",
                latency is null ? (f.SaturatedComponents.Count > 0 ? "[red]saturated[/]" : "—") : Markup.Escape(Time(latency.MeanSeconds, conventions)),
                latency is null ? "—" : Markup.Escape(Time(latency.P50Seconds, conventions)),
                latency is null ? "—" : Markup.Escape(Time(latency.P95Seconds, conventions)),
                latency is null ? "—" : Markup.Escape(Time(latency.P99Seconds, conventions)),
                Markup.Escape(Percent(f.Availability)),
                Markup.Escape(hops));
        }

        console.Write(flows);
        console.WriteLine();
    }

    private static string Bar(double utilization, bool bounded)
    {
        if (!bounded)
        {
            return "[grey]managed, scales[/]";
        }

        var filled = (int)Math.Round(Math.Clamp(utilization, 0, 1) * BarWidth);
        var colour = utilization >= 1 ? "red" : utilization > 0.7 ? "yellow" : "green";
        var label = double.IsFinite(utilization) ? (utilization * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "∞";
        return $"[{colour}]{new string('█', filled)}[/]{new string('░', BarWidth - filled)} {label}";
    }

    private static string Rate(double perSecond, Core.Estimation.Conventions c) =>
        new Core.Estimation.Quantity(perSecond, Core.Estimation.Dimension.Rate).Format(c);

    private static string Time(double seconds, Core.Estimation.Conventions c) =>
        new Core.Estimation.Quantity(seconds, Core.Estimation.Dimension.Time).Format(c);

    private static string Percent(double fraction) => Core.Estimation.Quantity.FormatPercent(fraction);

    /// <summary>A queueing wait; below a microsecond it is shown as such rather than as a meaningless tiny number.</summary>
    private static string Wait(double seconds, Core.Estimation.Conventions c) => seconds < 1e-6 ? "< 1 µs" : Time(seconds, c);

    private static void WriteExcerpt(IAnsiConsole console, IReadOnlyList<string> lines, SourceSpan span)
    {
        var excerpt = SourceExcerpt.Render(lines, span);
        foreach (var line in excerpt.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            console.WriteLine(line);
        }
    }

    private static string Badge(Severity severity) => severity switch
    {
        Severity.Error => "[red bold]error[/]",
        Severity.Warning => "[yellow]warning[/]",
        _ => "[blue]info[/]",
    };

    private static string Verdict(Core.Estimation.StatedVerdict verdict) => verdict switch
    {
        Core.Estimation.StatedVerdict.Ok => "[green]ok[/]",
        Core.Estimation.StatedVerdict.Close => "[yellow]close[/]",
        Core.Estimation.StatedVerdict.Off => "[red]off[/]",
        Core.Estimation.StatedVerdict.DimensionMismatch => "[red]wrong unit[/]",
        Core.Estimation.StatedVerdict.Unevaluated => "[red]not evaluated[/]",
        _ => "",
    };
}
