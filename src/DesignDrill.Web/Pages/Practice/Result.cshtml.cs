using DesignDrill.Core.Catalog;
using DesignDrill.Core.Practice;
using DesignDrill.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DesignDrill.Web.Pages.Practice;

/// <summary>
/// <c>/practice/{id}/review</c>: a finished session's review — the scorecard, the session's own findings, the design's
/// findings linked to its lines, the design beside the prompt's reference design, the follow-ups with the candidate's
/// answers and their feedback, and the prompt's constraint changes, each simulated on the candidate's design on request.
/// </summary>
/// <param name="sessions">The practice sessions.</param>
/// <param name="prompts">The prompt catalog.</param>
/// <param name="jobs">The background simulations.</param>
public sealed class ResultModel(PracticeSessions sessions, PromptCatalog prompts, SimulationJobs jobs) : PageModel
{
    /// <summary>The session (finished).</summary>
    public PracticeSession Session { get; private set; } = null!;

    /// <summary>The finished session's result.</summary>
    public SessionResult Result => Session.Result!;

    /// <summary>The latest answer to each follow-up, by index.</summary>
    public IReadOnlyDictionary<int, FollowUpAnswer> Answers { get; private set; } = new Dictionary<int, FollowUpAnswer>();

    /// <summary>The feedback just given, after <see cref="OnPostAnswer"/>.</summary>
    public FollowUpAnswer? Answered { get; private set; }

    /// <summary>The review page; an unfinished session goes back to the session page.</summary>
    /// <param name="id">The session's id.</param>
    /// <returns>The page, a redirect, or 404.</returns>
    public IActionResult OnGet(string id)
    {
        var (found, session) = sessions.With(id, s => s, saveJournal: false);
        if (!found)
        {
            return NotFound();
        }

        Session = session!;
        if (!Session.IsFinished)
        {
            return Redirect($"/practice/{id}");
        }

        Answers = Session.Answers.GroupBy(a => a.FollowUpIndex).ToDictionary(g => g.Key, g => g.Last());
        return Page();
    }

    /// <summary>Checks an answer to a follow-up.</summary>
    /// <param name="id">The session's id.</param>
    /// <param name="index">The follow-up's index.</param>
    /// <param name="answer">The answer.</param>
    /// <returns>The feedback partial, 400 for an empty answer or bad index, 404.</returns>
    public IActionResult OnPostAnswer(string id, int index, string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return BadRequest("Write an answer first.");
        }

        var feedback = sessions.Answer(id, index, answer);
        if (feedback is null)
        {
            return BadRequest("No such follow-up in a finished session.");
        }

        var (_, session) = sessions.With(id, s => s, saveJournal: false);
        Session = session!;
        Answered = Session.Answers[^1];
        return Partial("_Feedback", Answered);
    }

    /// <summary>Simulates one of the prompt's constraint changes on the session's final design (60 simulated seconds).</summary>
    /// <param name="id">The session's id.</param>
    /// <param name="name">The constraint change's name.</param>
    /// <returns>The job partial (it polls for progress), 400 with the problems, or 404.</returns>
    public IActionResult OnPostScenario(string id, string? name)
    {
        var (found, session) = sessions.With(id, s => s, saveJournal: false);
        if (!found || session!.Result is null)
        {
            return NotFound();
        }

        var plan = new LabRequest { Text = session.LatestDesign, PromptId = session.Prompt.Id, Scenario = name, Duration = "60s" }.Plan(prompts);
        if (plan.Options is null)
        {
            return BadRequest(string.Join(" ", plan.Problems));
        }

        return Partial("_SimJob", jobs.Start(plan));
    }
}
