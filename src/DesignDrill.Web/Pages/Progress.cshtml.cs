using DesignDrill.Core.Catalog;
using DesignDrill.Core.Progress;
using DesignDrill.Core.Review.Reporting;
using DesignDrill.Web.Services;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DesignDrill.Web.Pages;

/// <summary>
/// <c>/progress</c>: scores per rubric dimension over time (one point a finished session, 1–4), the recency-weighted
/// average of each (<see cref="ProgressAnalyzer.WeightedAverage"/>), the weakest dimensions and the session history.
/// </summary>
/// <param name="store">The progress store.</param>
/// <param name="prompts">The prompt catalog (titles).</param>
public sealed class ProgressModel(IProgressStore store, PromptCatalog prompts) : PageModel
{
    /// <summary>The summary over all finished sessions.</summary>
    public ProgressSummary Summary { get; private set; } = null!;

    /// <summary>Finished sessions, newest first.</summary>
    public IReadOnlyList<SessionRecord> Sessions { get; private set; } = [];

    /// <summary>The chart of scores per dimension by session number (oldest first), or null without sessions.</summary>
    public ChartSpec? Chart { get; private set; }

    /// <summary>A prompt's title, or its id when it is not in the catalog.</summary>
    /// <param name="id">The prompt id.</param>
    /// <returns>The title.</returns>
    public string Title(string id) => prompts.Get(id)?.Title ?? id;

    /// <summary>Loads the summary and the chart.</summary>
    public void OnGet()
    {
        Sessions = store.ListSessions();
        Summary = ProgressAnalyzer.Summarize(Sessions);
        if (Sessions.Count == 0)
        {
            return;
        }

        var ordered = Sessions.OrderBy(s => s.FinishedAt).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        var x = Enumerable.Range(1, ordered.Count).Select(i => (double)i).ToList();
        var series = Summary.Dimensions
            .Where(d => d.SessionCount > 0)
            .Select(d => new ChartSeries(
                JsonReportWriter.DimensionName(d.Dimension),
                [.. ordered.Select(s => s.Scores.TryGetValue(d.Dimension, out var score) ? (double?)score : null)]))
            .ToList();
        Chart = new ChartSpec("Rubric score per dimension, session by session", "session (oldest first)", "score (1 strong no – 4 strong yes)", x, series, [])
        {
            XStep = 1,
            YMin = 1,
            YMax = 4,
        };
    }
}
