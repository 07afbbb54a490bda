using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DesignDrill.Web.Pages;

/// <summary>The page shown for a status code with no body of its own (404, 405, 500).</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    /// <summary>The heading.</summary>
    public string Title { get; private set; } = "Something went wrong";

    /// <summary>What happened and what to do.</summary>
    public string Message { get; private set; } = "";

    /// <summary>Renders the page for <paramref name="code"/>.</summary>
    /// <param name="code">The HTTP status code.</param>
    public void OnGet(int code) => Set(code);

    /// <summary>Renders the page for <paramref name="code"/> after a POST.</summary>
    /// <param name="code">The HTTP status code.</param>
    public void OnPost(int code) => Set(code);

    private void Set(int code)
    {
        (Title, Message) = code switch
        {
            404 => ("Not found", "There is no page at this address. Your work is kept: practice sessions are listed on the home page."),
            405 => ("Not allowed", "This address does not take that kind of request."),
            400 => ("Bad request", "The request could not be read. If you were typing a design, it is still in the editor and in this browser's storage."),
            413 => ("Too large", "The request is larger than the studio accepts."),
            _ => ("Something went wrong", "The studio hit an error. Your typed text is kept in this browser's storage; reload the page to get it back."),
        };
    }
}
