using DesignDrill.Core.Catalog;
using DesignDrill.Core.Practice;
using DesignDrill.Core.Progress;
using DesignDrill.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DesignDrill.Web.Pages;

/// <summary>Home: the prompt catalog with filters, the recommended next prompt and what is due for review.</summary>
/// <param name="prompts">The prompt catalog.</param>
/// <param name="store">The progress store.</param>
/// <param name="sessions">The practice sessions (the unfinished ones are listed).</param>
/// <param name="clock">The clock.</param>
public sealed class IndexModel(PromptCatalog prompts, IProgressStore store, PracticeSessions sessions, TimeProvider clock) : PageModel
{
    /// <summary>Words to find in the title, brief or tags.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <summary>Only prompts of this difficulty (easy, medium, hard).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Difficulty { get; set; }

    /// <summary>Only prompts that suit this level (junior, mid, senior, staff).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    /// <summary>Only prompts with this tag.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Tag { get; set; }

    /// <summary>The prompts that pass the filters, by title.</summary>
    public IReadOnlyList<Prompt> Matches { get; private set; } = [];

    /// <summary>Every tag used by some prompt, sorted.</summary>
    public IReadOnlyList<string> Tags { get; private set; } = [];

    /// <summary>The total number of prompts.</summary>
    public int Total => prompts.Prompts.Count;

    /// <summary>The recommended next prompt, or null when there are no prompts.</summary>
    public NextPromptChoice? Next { get; private set; }

    /// <summary>The prompt the recommendation names.</summary>
    public Prompt? NextPrompt => Next is null ? null : prompts.Get(Next.PromptId);

    /// <summary>Concept cards due now.</summary>
    public int DueConceptCards { get; private set; }

    /// <summary>Prompts due for another go now.</summary>
    public int DuePrompts { get; private set; }

    /// <summary>Sessions started and not finished, most recent first.</summary>
    public IReadOnlyList<SessionJournal> OpenSessions { get; private set; } = [];

    /// <summary>Finished sessions so far.</summary>
    public int Sessions { get; private set; }

    /// <summary>A prompt's title, or its id when it is not in the catalog.</summary>
    /// <param name="id">The prompt id.</param>
    /// <returns>The title.</returns>
    public string PromptTitle(string id) => prompts.Get(id)?.Title ?? id;

    /// <summary>Renders the page, or only the list for htmx filter requests.</summary>
    /// <returns>The page or the list partial.</returns>
    public IActionResult OnGet()
    {
        var all = prompts.Prompts;
        Tags = [.. all.SelectMany(p => p.Tags).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];
        Matches = [.. all.Where(Passes).OrderBy(p => p.Title, StringComparer.OrdinalIgnoreCase)];
        if (Request.Headers.ContainsKey("HX-Request"))
        {
            return Partial("_PromptList", this);
        }

        var now = clock.GetUtcNow();
        var finished = store.ListSessions();
        Sessions = finished.Count;
        OpenSessions = sessions.Unfinished();
        var promptCards = store.ListCards(CardKinds.Prompt);
        DuePrompts = store.ListDueCards(now, CardKinds.Prompt).Count;
        DueConceptCards = store.ListDueCards(now, CardKinds.Concept).Count;
        if (all.Count > 0)
        {
            Next = ProgressAnalyzer.PickNextPrompt(
                [.. all.Select(p => new PromptCandidate(p.Id, p.Stresses, p.Difficulty.ToString().ToLowerInvariant()))],
                finished,
                promptCards,
                now);
        }

        return Page();
    }

    private bool Passes(Prompt p)
    {
        if (!string.IsNullOrWhiteSpace(Difficulty) && !string.Equals(p.Difficulty.ToString(), Difficulty, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (!string.IsNullOrWhiteSpace(Level) && !p.Levels.Any(l => string.Equals(l.ToString(), Level, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (!string.IsNullOrWhiteSpace(Tag) && !p.HasTag(Tag))
        {
            return false;
        }

        if (string.IsNullOrWhiteSpace(Query))
        {
            return true;
        }

        return Query.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(word =>
            p.Title.Contains(word, StringComparison.OrdinalIgnoreCase)
            || p.Brief.Contains(word, StringComparison.OrdinalIgnoreCase)
            || p.Id.Contains(word, StringComparison.OrdinalIgnoreCase)
            || p.Tags.Any(t => t.Contains(word, StringComparison.OrdinalIgnoreCase)));
    }
}
