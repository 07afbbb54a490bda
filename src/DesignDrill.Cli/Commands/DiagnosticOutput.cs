using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Cli.Commands;

/// <summary>Writes estimation diagnostics for a person at a terminal: code, message, caret excerpt and hint.</summary>
internal static class DiagnosticOutput
{
    /// <summary>
    /// Writes every error of <paramref name="diagnostics"/> to <paramref name="stderr"/>, with a caret under the
    /// offending text of <paramref name="source"/> when given.
    /// </summary>
    /// <returns>True when there was at least one error.</returns>
    public static bool WriteErrors(IReadOnlyList<Diagnostic> diagnostics, string? source, TextWriter stderr)
    {
        var errors = diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        foreach (var error in errors)
        {
            stderr.WriteLine($"error {error.Code}: {error.Message}");
            if (source is not null)
            {
                stderr.Write(SourceExcerpt.Render(SourceExcerpt.SplitLines(source), error.Span));
            }

            if (error.Hint is not null)
            {
                stderr.WriteLine($"  hint: {error.Hint}");
            }
        }

        return errors.Count > 0;
    }
}
