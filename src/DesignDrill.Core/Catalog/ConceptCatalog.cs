using System.Text;
using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Catalog;

/// <summary>
/// The concept cards of <c>catalog/concepts.yaml</c>: one question-and-answer card for each idea a system design
/// interview tests, filed under a <see cref="ConceptCategory"/>, with the terms that show the idea in a candidate's
/// text. The bundled file is embedded in this assembly and available as <see cref="Default"/>; any other file loads
/// with <see cref="Load(string, string?)"/>. Schema and matching rules: docs/concept-cards.md. Immutable and safe to
/// share between threads.
/// </summary>
public sealed partial class ConceptCatalog
{
    /// <summary>Name of the embedded resource that holds the bundled cards.</summary>
    public const string ResourceName = "DesignDrill.Catalog.concepts.yaml";

    /// <summary>The bundled file, as its diagnostics name it.</summary>
    public const string BundledFile = "catalog/concepts.yaml";

    /// <summary>The file name diagnostics use when <see cref="Load(string, string?)"/> is given none.</summary>
    public const string DefaultFileName = "concepts.yaml";

    private static readonly Lazy<ConceptCatalogLoadResult> DefaultResult = new(LoadBundled);

    private readonly Dictionary<string, ConceptCard> _byId;
    private readonly ILookup<ConceptCategory, ConceptCard> _byCategory;
    private readonly ConceptTermIndex _terms;

    private ConceptCatalog(IReadOnlyList<ConceptCard> cards, ConceptTermIndex terms)
    {
        Cards = cards;
        _byId = cards.ToDictionary(c => c.Id, StringComparer.Ordinal);
        _byCategory = cards.ToLookup(c => c.Category);
        _terms = terms;
    }

    /// <summary>
    /// The cards bundled with DesignDrill, read once from the embedded resource <see cref="ResourceName"/>. Throws
    /// <see cref="InvalidOperationException"/> on first use if the bundled file is missing or has an error (a broken
    /// build; a test pins that it loads without any diagnostic).
    /// </summary>
    public static ConceptCatalog Default
    {
        get
        {
            var result = DefaultResult.Value;
            return result.HasErrors
                ? throw new InvalidOperationException("The bundled concept cards are invalid: " + string.Join("; ", result.Diagnostics))
                : result.Catalog;
        }
    }

    /// <summary>The bundled cards with every diagnostic their loading reported (for tests and checking tools).</summary>
    public static ConceptCatalogLoadResult DefaultLoadResult => DefaultResult.Value;

    /// <summary>An empty catalog.</summary>
    public static ConceptCatalog Empty { get; } = new([], new ConceptTermIndex());

    /// <summary>All cards, in file order.</summary>
    public IReadOnlyList<ConceptCard> Cards { get; }

    /// <summary>The card with the given id, or <see langword="null"/>.</summary>
    /// <param name="id">A card id such as <c>token-bucket</c> (exact, case-sensitive).</param>
    /// <returns>The card.</returns>
    public ConceptCard? Get(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The cards of one category, in file order; empty when the category has none.</summary>
    /// <param name="category">The category.</param>
    /// <returns>The cards.</returns>
    public IReadOnlyList<ConceptCard> ByCategory(ConceptCategory category) => _byCategory[category].ToList();

    /// <summary>
    /// The card one of whose terms is the whole of <paramref name="term"/>, read with the matching rules of
    /// <see cref="Mentioned(string)"/> (<c>Token-Buckets</c> finds the card with the term <c>token bucket</c>), or
    /// <see langword="null"/> when no term covers it exactly.
    /// </summary>
    /// <param name="term">A name as a candidate would write it.</param>
    /// <returns>The card.</returns>
    public ConceptCard? FindByTerm(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return _terms.FindWhole(term);
    }

    /// <summary>
    /// The cards whose terms appear in a free text, each once, in the order of their first mention. A term matches
    /// whole words only (<c>lease</c> is not found in <c>released</c>; <c>cache</c> is not found in <c>cached</c> or
    /// <c>caching</c>), case-insensitively except for terms written in capitals such as <c>CAP</c>, with hyphens,
    /// underscores, spaces and line breaks between its words treated alike, and with simple plurals read as singulars
    /// (<c>circuit breakers</c> finds <c>circuit breaker</c>). Overlapping terms go to the longest (docs/concept-cards.md).
    /// Never throws for any text; time is linear in its length.
    /// </summary>
    /// <param name="text">Any text, such as a design document or an answer.</param>
    /// <returns>The cards mentioned; empty when none.</returns>
    public IReadOnlyList<ConceptCard> Mentioned(string text) =>
        FindMentions(text).Select(m => m.Card).DistinctBy(c => c.Id).ToList();

    /// <summary>
    /// Every mention of a card's term in a free text, left to right, with its position, for highlighting. The rules
    /// are those of <see cref="Mentioned(string)"/>; a card may be mentioned several times.
    /// </summary>
    /// <param name="text">Any text.</param>
    /// <returns>The mentions, by position.</returns>
    public IReadOnlyList<ConceptMention> FindMentions(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _terms.Find(text);
    }

    /// <summary>The kebab-case name of a category as the file writes it, such as <c>api-design</c> for <see cref="ConceptCategory.ApiDesign"/>.</summary>
    /// <param name="category">The category.</param>
    /// <returns>Its name.</returns>
    public static string CategoryName(ConceptCategory category) => KebabCase(category.ToString());

    /// <summary>
    /// Reads and validates a concepts file: a mapping with <c>cards:</c>, a list of cards (docs/concept-cards.md).
    /// Never throws for bad content: problems become diagnostics (<c>CON001</c>–<c>CON011</c>) with line and column.
    /// A card with an error in its own fields is left out; an unknown dimension, an unknown related id or a bad term
    /// leaves out only that item; a term already used by an earlier card is a warning and is left out of the later card.
    /// </summary>
    /// <param name="yaml">The file's text.</param>
    /// <param name="fileName">The file to name in diagnostics; <see cref="DefaultFileName"/> when <see langword="null"/>.</param>
    /// <returns>The catalog of valid cards and the diagnostics, in file order.</returns>
    public static ConceptCatalogLoadResult Load(string yaml, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var file = fileName ?? DefaultFileName;
        var reader = new ConceptReader();
        var (cards, terms) = reader.Read(yaml);
        var diagnostics = reader.Diagnostics.Select(d => new CatalogFileDiagnostic(file, d)).ToList();
        return new ConceptCatalogLoadResult(new ConceptCatalog(cards, terms), diagnostics);
    }

    private static string KebabCase(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static ConceptCatalogLoadResult LoadBundled()
    {
        using var stream = typeof(ConceptCatalog).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            var missing = new Diagnostic(Severity.Error, ConceptCatalogDiagnosticCodes.YamlSyntax, SourceSpan.None, $"The embedded resource {ResourceName} is missing.", "Embed catalog/concepts.yaml in DesignDrill.Core.csproj.");
            return new ConceptCatalogLoadResult(Empty, [new CatalogFileDiagnostic(BundledFile, missing)]);
        }

        using var reader = new StreamReader(stream);
        return Load(reader.ReadToEnd(), BundledFile);
    }
}

/// <summary>The outcome of <see cref="ConceptCatalog.Load(string, string?)"/>: the catalog of every valid card, and the problems found.</summary>
/// <param name="Catalog">The valid cards; usable even when <see cref="HasErrors"/> is true.</param>
/// <param name="Diagnostics">Problems found, in file order; codes <c>CON001</c>–<c>CON011</c>.</param>
public sealed record ConceptCatalogLoadResult(ConceptCatalog Catalog, IReadOnlyList<CatalogFileDiagnostic> Diagnostics)
{
    /// <summary>True when at least one diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
