using DesignDrill.Core.Practice;
using DesignDrill.Web.Hosting;
using DesignDrill.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DesignDrill.Web.Pages.Practice;

/// <summary>
/// <c>/practice/{id}</c>: the practice session — the brief, the phase clock, the clarifying chat, the editor (autosaved,
/// with live findings and the diagram) and the commands: next phase and finish.
/// </summary>
/// <param name="sessions">The practice sessions.</param>
/// <param name="options">The studio's options (the document limit).</param>
[RequestFormLimits(ValueLengthLimit = WebStudioOptions.DefaultMaxDocumentBytes * 4)]
public sealed class SessionModel(PracticeSessions sessions, WebStudioOptions options) : PageModel
{
    /// <summary>The session shown.</summary>
    public PracticeSession Session { get; private set; } = null!;

    /// <summary>The question just asked and its answer, after <see cref="OnPostAsk"/>.</summary>
    public (TimeSpan At, string Question, ClarifyingAnswer Answer)? Asked { get; private set; }

    /// <summary>The session page; a finished session goes to its review.</summary>
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
        return Session.IsFinished ? Redirect($"/practice/{id}/review") : Page();
    }

    /// <summary>Asks a clarifying question.</summary>
    /// <param name="id">The session's id.</param>
    /// <param name="question">The question as typed.</param>
    /// <returns>The chat entry with the clock (out of band), 400 for an empty question, 409 when finished, 404.</returns>
    public IActionResult OnPostAsk(string id, string? question)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            return BadRequest("Type a question first.");
        }

        var (found, session) = sessions.With(id, s =>
        {
            if (!s.IsFinished)
            {
                s.Ask(question);
            }

            return s;
        });
        if (!found)
        {
            return NotFound();
        }

        Session = session!;
        if (Session.IsFinished)
        {
            return StatusCode(StatusCodes.Status409Conflict, "The session has finished.");
        }

        Asked = Session.Questions[^1];
        return Partial("_Asked", this);
    }

    /// <summary>Autosaves the draft (called by the editor about 800 ms after a pause, and by a beacon when the tab closes).</summary>
    /// <param name="id">The session's id.</param>
    /// <param name="text">The whole document.</param>
    /// <returns>204, 413 when too large, 409 when finished or unknown.</returns>
    public IActionResult OnPostDraft(string id, string? text)
    {
        var bytes = DocumentText.Utf8Bytes(text);
        if (bytes > options.MaxDocumentBytes)
        {
            return StatusCode(StatusCodes.Status413PayloadTooLarge, DocumentText.TooLargeMessage(bytes, options.MaxDocumentBytes));
        }

        return sessions.SaveDraft(id, text ?? "") ? new NoContentResult() : StatusCode(StatusCodes.Status409Conflict, "No such unfinished session; the text is kept in this browser.");
    }

    /// <summary>Moves to the next phase.</summary>
    /// <param name="id">The session's id.</param>
    /// <returns>The clock partial, or 404.</returns>
    public IActionResult OnPostNext(string id)
    {
        var (found, session) = sessions.With(id, s =>
        {
            if (!s.IsFinished)
            {
                s.NextPhase();
            }

            return s;
        });
        if (!found)
        {
            return NotFound();
        }

        Session = session!;
        return Partial("_Clock", Session);
    }

    /// <summary>Finishes the session with the text in the editor and opens the review.</summary>
    /// <param name="id">The session's id.</param>
    /// <param name="text">The final document; the saved draft when absent.</param>
    /// <returns>A redirect to the review (htmx: HX-Redirect), 413 or 404.</returns>
    public IActionResult OnPostFinish(string id, string? text)
    {
        var bytes = DocumentText.Utf8Bytes(text);
        if (bytes > options.MaxDocumentBytes)
        {
            return StatusCode(StatusCodes.Status413PayloadTooLarge, DocumentText.TooLargeMessage(bytes, options.MaxDocumentBytes));
        }

        if (sessions.Finish(id, text) is null)
        {
            return NotFound();
        }

        var target = $"/practice/{id}/review";
        if (Request.Headers.ContainsKey("HX-Request"))
        {
            Response.Headers["HX-Redirect"] = target;
            return Content("", "text/plain");
        }

        return Redirect(target);
    }
}
