using DesignDrill.Web.Hosting;
using DesignDrill.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DesignDrill.Web.Pages;

/// <summary>
/// <c>/review</c>: review any design document, pasted into the editor or uploaded as a file. The text stays in the
/// editor after the review (and in the browser's storage while typing), so nothing typed is lost.
/// </summary>
/// <param name="analyzer">The live analyser.</param>
/// <param name="options">The studio's options (the document limit).</param>
[RequestFormLimits(ValueLengthLimit = WebStudioOptions.DefaultMaxDocumentBytes * 4, MultipartBodyLengthLimit = WebStudioOptions.DefaultMaxDocumentBytes * 4)]
public sealed class ReviewModel(LiveAnalyzer analyzer, WebStudioOptions options) : PageModel
{
    /// <summary>The document as typed or uploaded.</summary>
    [BindProperty]
    public string? Text { get; set; }

    /// <summary>The level to review at.</summary>
    [BindProperty]
    public string? Level { get; set; }

    /// <summary>An uploaded document; replaces <see cref="Text"/> when given.</summary>
    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The review, after a POST.</summary>
    public LiveAnalysis? Result { get; private set; }

    /// <summary>Why the document was refused, when it was.</summary>
    public string? Error { get; private set; }

    /// <summary>Shows the empty editor.</summary>
    public void OnGet()
    {
    }

    /// <summary>Reviews the pasted or uploaded document.</summary>
    /// <param name="cancellation">Cancels reading an upload.</param>
    /// <returns>The page with the report, or the page with a message and status 413 or 400.</returns>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (Upload is { Length: > 0 })
        {
            var (text, error, tooLarge) = await DocumentText.ReadUploadAsync(Upload, options.MaxDocumentBytes, cancellation);
            if (error is not null)
            {
                Error = error;
                Response.StatusCode = tooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
                return Page();
            }

            Text = text;
        }

        var bytes = DocumentText.Utf8Bytes(Text);
        if (bytes > options.MaxDocumentBytes)
        {
            Error = DocumentText.TooLargeMessage(bytes, options.MaxDocumentBytes);
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            Text = null; // Too large to send back into the page; the browser still has its own copy.
            return Page();
        }

        Result = analyzer.Analyze(Text ?? "", Levels.Parse(Level));
        return Page();
    }
}
