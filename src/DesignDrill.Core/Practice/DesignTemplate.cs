using DesignDrill.Core.Catalog;
using DesignDrill.Core.DesignDocs;

namespace DesignDrill.Core.Practice;

/// <summary>
/// The empty design document a practice session starts from (<c>catalog/practice/design-template.md</c>, embedded):
/// front matter naming the prompt and level, the title and brief, and every section heading of the interview structure
/// with nothing under it, so no phase counts as reached until the candidate writes in it.
/// </summary>
public static class DesignTemplate
{
    /// <summary>The embedded resource name of the template.</summary>
    public const string ResourceName = "DesignDrill.Catalog.practice.design-template.md";

    private static readonly Lazy<string> Text = new(() =>
    {
        using var stream = typeof(DesignTemplate).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    });

    /// <summary>The template with <c>{id}</c>, <c>{level}</c>, <c>{title}</c> and <c>{brief}</c> filled in.</summary>
    /// <param name="prompt">The prompt practised.</param>
    /// <param name="level">The level the design is reviewed at.</param>
    /// <returns>The document text, LF line endings.</returns>
    public static string Render(Prompt prompt, DesignLevel level)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return Text.Value
            .Replace("{id}", prompt.Id, StringComparison.Ordinal)
            .Replace("{level}", level.ToString().ToLowerInvariant(), StringComparison.Ordinal)
            .Replace("{title}", prompt.Title, StringComparison.Ordinal)
            .Replace("{brief}", prompt.Brief.ReplaceLineEndings(" "), StringComparison.Ordinal);
    }
}
