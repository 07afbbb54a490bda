using System.Globalization;
using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Catalog;

/// <summary>A diagnostic about one file of a catalog directory (a prompt, a reference design, the topics file).</summary>
/// <param name="File">The file, as given to the loader.</param>
/// <param name="Diagnostic">What is wrong, where in the file, and what to write instead.</param>
public sealed record CatalogFileDiagnostic(string File, Diagnostic Diagnostic)
{
    /// <summary>The diagnostic's severity.</summary>
    public Severity Severity => Diagnostic.Severity;

    /// <summary>The diagnostic's code, such as <c>PRM006</c>.</summary>
    public string Code => Diagnostic.Code;

    /// <summary>Formats as <c>file:line:column: severity CODE: message (hint: ...)</c>, the form compilers use.</summary>
    /// <returns>The one-line text.</returns>
    public override string ToString()
    {
        var d = Diagnostic;
        var where = d.Span.HasLocation
            ? string.Create(CultureInfo.InvariantCulture, $"{File}:{d.Span.Line}:{d.Span.Column}")
            : File;
        return $"{where}: {d.Severity.ToString().ToLowerInvariant()} {d.Code}: {d.Message}" + (d.Hint is null ? "" : $" (hint: {d.Hint})");
    }
}
