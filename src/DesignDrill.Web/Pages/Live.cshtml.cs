using DesignDrill.Web.Hosting;
using DesignDrill.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DesignDrill.Web.Pages;

/// <summary>
/// <c>POST /live</c>: the live panel for the text being typed (diagram, estimates, findings, and the editor's marks as
/// JSON). Called by the editor about 300 ms after a pause; answers 413 with a message when the text is over the limit.
/// </summary>
/// <param name="analyzer">The live analyser.</param>
/// <param name="options">The studio's options (the document limit).</param>
[RequestFormLimits(ValueLengthLimit = WebStudioOptions.DefaultMaxDocumentBytes * 4)]
public sealed class LiveModel(LiveAnalyzer analyzer, WebStudioOptions options) : PageModel
{
    /// <summary>The result rendered.</summary>
    public LiveAnalysis? Analysis { get; private set; }

    /// <summary>Reviews the text.</summary>
    /// <param name="text">The whole design document.</param>
    /// <param name="level">The level to review at (mid when absent or unknown).</param>
    /// <returns>The panel, or 413.</returns>
    public IActionResult OnPost(string? text, string? level)
    {
        var bytes = DocumentText.Utf8Bytes(text);
        if (bytes > options.MaxDocumentBytes)
        {
            return new ContentResult { StatusCode = StatusCodes.Status413PayloadTooLarge, Content = DocumentText.TooLargeMessage(bytes, options.MaxDocumentBytes), ContentType = "text/plain; charset=utf-8" };
        }

        Analysis = analyzer.Analyze(text ?? "", Levels.Parse(level));
        return Page();
    }
}
