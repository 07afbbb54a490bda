using DesignDrill.Core.Progress;
using DesignDrill.Storage;
using DesignDrill.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DesignDrill.Web.Pages;

/// <summary>
/// <c>/data</c>: export all data (finished sessions, cards, the review log, session journals) as one JSON file
/// (<c>designdrill/export@1</c>, the same as <c>drill progress --export</c>), and import such a file. An import checks
/// the whole file first and changes nothing when any part is wrong; records with the same id are replaced, nothing is
/// deleted.
/// </summary>
/// <param name="store">The SQLite store.</param>
/// <param name="sessions">The practice sessions (their in-memory copies are dropped after an import).</param>
/// <param name="clock">The clock (the export's file name).</param>
[RequestFormLimits(MultipartBodyLengthLimit = MaxImportBytes)]
[RequestSizeLimit(MaxImportBytes + 65_536)]
public sealed class DataModel(SqliteProgressStore store, PracticeSessions sessions, TimeProvider clock) : PageModel
{
    /// <summary>Largest import file: 100 MB (rule of thumb: years of daily practice come to a few MB).</summary>
    public const int MaxImportBytes = 100_000_000;

    /// <summary>What an import did, after a successful one.</summary>
    public ProgressImportCounts? Imported { get; private set; }

    /// <summary>Why an import was refused.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>Where the data lives.</summary>
    public string DataPath => store.Path;

    /// <summary>Shows the page.</summary>
    public void OnGet()
    {
    }

    /// <summary>Downloads everything as JSON.</summary>
    /// <returns>The file <c>designdrill-export-YYYY-MM-DD.json</c>.</returns>
    public IActionResult OnGetExport() =>
        File(System.Text.Encoding.UTF8.GetBytes(ProgressExport.Export(store)), "application/json", $"designdrill-export-{clock.GetUtcNow():yyyy-MM-dd}.json");

    /// <summary>Imports an exported file.</summary>
    /// <param name="file">The uploaded file.</param>
    /// <param name="cancellation">Cancels reading it.</param>
    /// <returns>The page with the counts, or with the problems and status 400.</returns>
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken cancellation)
    {
        if (file is null || file.Length == 0)
        {
            Problems = ["Choose an export file (designdrill-export-….json) to import."];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var (text, error, _) = await DocumentText.ReadUploadAsync(file, MaxImportBytes, cancellation);
        if (error is not null)
        {
            Problems = [error];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = ProgressExport.Import(store, text!);
        if (result.Counts is null)
        {
            Problems = [.. result.Problems.Select(p => p.ToString())];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        sessions.DropLiveCopies();
        Imported = result.Counts;
        return Page();
    }
}
