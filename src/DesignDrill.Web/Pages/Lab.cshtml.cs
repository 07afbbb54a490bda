using DesignDrill.Core.Catalog;
using DesignDrill.Web.Hosting;
using DesignDrill.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DesignDrill.Web.Pages;

/// <summary>
/// <c>/lab</c>: the simulation lab. Any design, a load multiple, faults and an optional scenario; the run goes to the
/// background and the page polls its progress, then shows the summary with confidence intervals, the SLO verdicts, the
/// charts and the event log.
/// </summary>
/// <param name="prompts">The prompt catalog (reference designs and scenarios).</param>
/// <param name="jobs">The background runs.</param>
/// <param name="options">The studio's options (the document limit).</param>
[RequestFormLimits(ValueLengthLimit = WebStudioOptions.DefaultMaxDocumentBytes * 4)]
public sealed class LabModel(PromptCatalog prompts, SimulationJobs jobs, WebStudioOptions options) : PageModel
{
    /// <summary>The prompt whose reference design and scenarios are offered (url-shortener by default).</summary>
    [BindProperty(SupportsGet = true, Name = "prompt")]
    public string? PromptId { get; set; }

    /// <summary>The request as typed.</summary>
    [BindProperty]
    public LabRequest Input { get; set; } = new();

    /// <summary>All prompts, by title.</summary>
    public IReadOnlyList<Prompt> Prompts => [.. prompts.Prompts.OrderBy(p => p.Title, StringComparer.OrdinalIgnoreCase)];

    /// <summary>The chosen prompt.</summary>
    public Prompt? Prompt => PromptId is null ? null : prompts.Get(PromptId);

    /// <summary>The problems of a refused request.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>The job started or polled.</summary>
    public SimulationJob? Job { get; private set; }

    /// <summary>Shows the form with the chosen prompt's reference design.</summary>
    public void OnGet()
    {
        PromptId ??= prompts.Get("url-shortener") is not null ? "url-shortener" : prompts.Prompts.FirstOrDefault()?.Id;
        Input = new LabRequest
        {
            Text = Prompt?.ReferenceDesignText ?? "",
            PromptId = PromptId,
            Faults = "# one fault a line, e.g.\n# cache-flush at 20s for 10s\n",
        };
    }

    /// <summary>Starts a run, or answers 400 (413 when too large) with the problems.</summary>
    /// <returns>The job partial, or the problems partial.</returns>
    public IActionResult OnPostRun()
    {
        var bytes = DocumentText.Utf8Bytes(Input.Text);
        if (bytes > options.MaxDocumentBytes)
        {
            Problems = [DocumentText.TooLargeMessage(bytes, options.MaxDocumentBytes)];
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Partial("_LabProblems", this);
        }

        var plan = Input.Plan(prompts);
        if (plan.Options is null)
        {
            Problems = plan.Problems;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Partial("_LabProblems", this);
        }

        Job = jobs.Start(plan);
        return Partial("_SimJob", Job);
    }

    /// <summary>The progress or the results of a job.</summary>
    /// <param name="id">The job's id.</param>
    /// <returns>The job partial, or 404.</returns>
    public IActionResult OnGetJob(string id)
    {
        Job = jobs.Get(id ?? "");
        return Job is null ? NotFound("That simulation is no longer kept; run it again.") : Partial("_SimJob", Job);
    }

    /// <summary>A finished job's report as JSON (<c>designdrill/simulation@1</c>, as <c>drill simulate --format json</c>).</summary>
    /// <param name="id">The job's id.</param>
    /// <returns>The JSON, or 404 when the job is unknown or not finished.</returns>
    public IActionResult OnGetJson(string id) =>
        jobs.Get(id ?? "") is { Result: { } result }
            ? Content(Core.Simulation.Design.SimulationReportWriter.Json(result), "application/json")
            : NotFound("That simulation is not finished or no longer kept.");
}
