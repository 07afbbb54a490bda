using DesignDrill.Core.Catalog;
using DesignDrill.Core.Review.Reporting;
using DesignDrill.Web.Hosting;
using DesignDrill.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DesignDrill.Web.Endpoints;

/// <summary>
/// The studio's JSON API (docs/web-studio.md, "API"): live analysis, the full review report (the same JSON as
/// <c>drill review --format json</c>), the prompt list and a health check.
/// </summary>
public static class StudioApi
{
    /// <summary>Maps the API endpoints under <c>/api</c> and <c>/health</c>.</summary>
    /// <param name="app">The app.</param>
    /// <returns>The same app.</returns>
    public static WebApplication MapStudioApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/health", () => TypedResults.Text("ok"));
        app.MapGet("/api/prompts", (PromptCatalog prompts) => TypedResults.Ok(prompts.Prompts.Select(p => new PromptSummary(
            p.Id, p.Title, p.Difficulty.ToString().ToLowerInvariant(), [.. p.Levels.Select(l => l.ToString().ToLowerInvariant())], p.Tags, p.Brief))));
        app.MapPost("/api/analyze", AnalyzeAsync);
        app.MapPost("/api/review", ReviewAsync);
        return app;
    }

    /// <summary><c>POST /api/analyze</c>: the live analysis as JSON (counts, editor marks, estimate rows, Mermaid).</summary>
    private static async Task<Results<Ok<AnalyzeResponse>, ProblemHttpResult>> AnalyzeAsync(HttpRequest request, LiveAnalyzer analyzer, WebStudioOptions options)
    {
        var (document, problem) = await RequestBody.ReadDocumentAsync(request, options.MaxDocumentBytes);
        if (problem is not null)
        {
            return problem;
        }

        var analysis = analyzer.Analyze(document!.Text, Levels.Parse(document.Level));
        var headroom = analysis.Report.Analysis.Headroom;
        return TypedResults.Ok(new AnalyzeResponse(
            analysis.Errors,
            analysis.Warnings,
            analysis.Notes,
            analysis.Marks,
            [.. analysis.Estimates.Select(e => new EstimateRowJson(e.Line, e.Name, e.Value, e.Stated, e.VerdictText, e.Ratio))],
            analysis.Mermaid,
            headroom?.Multiple,
            headroom?.Component));
    }

    /// <summary><c>POST /api/review[?file=NAME]</c>: the review report, byte for byte what <c>drill review NAME --format json</c> prints (without its final newline).</summary>
    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ReviewAsync(HttpRequest request, LiveAnalyzer analyzer, WebStudioOptions options)
    {
        var (document, problem) = await RequestBody.ReadDocumentAsync(request, options.MaxDocumentBytes);
        if (problem is not null)
        {
            return problem;
        }

        var analysis = analyzer.Analyze(document!.Text, Levels.Parse(document.Level));
        string? file = request.Query["file"];
        return TypedResults.Text(JsonReportWriter.Write(analysis.Report, string.IsNullOrEmpty(file) ? null : file), "application/json");
    }
}

/// <summary>A prompt in <c>GET /api/prompts</c>.</summary>
/// <param name="Id">The prompt's id.</param>
/// <param name="Title">The title.</param>
/// <param name="Difficulty">easy, medium or hard.</param>
/// <param name="Levels">The levels it suits, lower case.</param>
/// <param name="Tags">Its tags.</param>
/// <param name="Brief">The opening line.</param>
public sealed record PromptSummary(string Id, string Title, string Difficulty, IReadOnlyList<string> Levels, IReadOnlyList<string> Tags, string Brief);

/// <summary>The answer of <c>POST /api/analyze</c>.</summary>
/// <param name="Errors">Errors among diagnostics and findings.</param>
/// <param name="Warnings">Warnings.</param>
/// <param name="Notes">Notes.</param>
/// <param name="Marks">Located diagnostics and findings for an editor, in line order.</param>
/// <param name="Estimates">The estimate table.</param>
/// <param name="Mermaid">The architecture as Mermaid coloured by utilisation; empty without an architecture.</param>
/// <param name="HeadroomMultiple">The load multiple at which the first component saturates, or null.</param>
/// <param name="HeadroomComponent">That component, or null.</param>
public sealed record AnalyzeResponse(int Errors, int Warnings, int Notes, IReadOnlyList<EditorMark> Marks, IReadOnlyList<EstimateRowJson> Estimates, string Mermaid, double? HeadroomMultiple, string? HeadroomComponent);

/// <summary>An estimate row in <c>POST /api/analyze</c>.</summary>
/// <param name="Line">The line.</param>
/// <param name="Name">The name.</param>
/// <param name="Value">The computed value (formatted), or null.</param>
/// <param name="Stated">The stated value as written, or null.</param>
/// <param name="Verdict">ok, close, off N×, wrong unit, not evaluated, or empty.</param>
/// <param name="Ratio">Computed ÷ stated, or null.</param>
public sealed record EstimateRowJson(int Line, string Name, string? Value, string? Stated, string Verdict, double? Ratio);
