using DesignDrill.Core.Catalog;
using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Cli.Commands;

/// <summary>Where <c>drill prompts</c> and <c>drill show</c> take prompts from: the bundled catalog, or <c>--catalog DIR</c>.</summary>
internal static class PromptSource
{
    /// <summary>Description of the <c>--catalog</c> option shared by the prompt commands.</summary>
    public const string CatalogDescription = "A prompt directory to read instead of the bundled prompts (one <id>.yaml a prompt; docs/prompt-format.md).";

    /// <summary>
    /// Loads the prompts and writes every diagnostic to <paramref name="stderr"/> (<c>file:line:column: severity CODE: message</c>).
    /// Returns <see langword="null"/> when nothing usable was loaded (a missing directory).
    /// </summary>
    public static PromptCatalog? Load(string? directory, TextWriter stderr, string command)
    {
        var result = directory is null ? PromptCatalog.DefaultLoadResult : PromptCatalog.LoadDirectory(directory);
        foreach (var diagnostic in result.Diagnostics)
        {
            stderr.WriteLine(diagnostic.ToString());
        }

        if (result.Diagnostics.Any(d => d.Severity == Severity.Error && d.Code == PromptCatalogDiagnosticCodes.NoPrompts))
        {
            stderr.WriteLine($"drill {command}: no prompts to read.");
            return null;
        }

        return result.Catalog;
    }
}
