using DesignDrill.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DesignDrill.Web.Pages.Practice;

/// <summary><c>POST /practice/start</c>: starts a session on a prompt and opens it.</summary>
/// <param name="sessions">The practice sessions.</param>
public sealed class StartModel(PracticeSessions sessions) : PageModel
{
    /// <summary>Starts the session.</summary>
    /// <param name="promptId">The prompt.</param>
    /// <param name="minutes">45 (default) or 60.</param>
    /// <param name="level">mid (default), senior or staff.</param>
    /// <returns>A redirect to the session, or 400 for an unknown prompt or length.</returns>
    public IActionResult OnPost(string? promptId, int? minutes, string? level)
    {
        var session = sessions.Start(promptId ?? "", minutes ?? 45, Levels.Parse(level));
        return session is null
            ? BadRequest("Unknown prompt or session length: pick a prompt on the home page; sessions last 45 or 60 minutes.")
            : Redirect($"/practice/{session.Id}");
    }
}
