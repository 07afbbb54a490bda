namespace DesignDrill.Core.Catalog;

/// <summary>Diagnostic codes reported by <see cref="ConceptCatalog.Load(string, string?)"/>; documented in docs/concept-cards.md.</summary>
public static class ConceptCatalogDiagnosticCodes
{
    /// <summary>Error: the file is not valid YAML (or uses anchors/aliases, or is over 1,000,000 characters).</summary>
    public const string YamlSyntax = "CON001";

    /// <summary>Error: a value has the wrong shape (a list where a text is expected, an empty text, no <c>cards:</c> list, ...).</summary>
    public const string WrongShape = "CON002";

    /// <summary>Error: a card lacks a required field (id, title, category, front, back, terms, dimensions).</summary>
    public const string MissingField = "CON003";

    /// <summary>Error: a card id is not lower-case and hyphenated; the card is left out.</summary>
    public const string InvalidId = "CON004";

    /// <summary>Error: a card id is used twice (the second card is left out), or a key, dimension or related id is repeated.</summary>
    public const string Duplicate = "CON005";

    /// <summary>Error: a card names a category outside the fixed set; the card is left out.</summary>
    public const string UnknownCategory = "CON006";

    /// <summary>Error: a card names a rubric dimension that does not exist; that dimension is left out.</summary>
    public const string UnknownDimension = "CON007";

    /// <summary>Error: a <c>related</c> id names no card in the file, or the card itself; that link is left out.</summary>
    public const string UnknownRelated = "CON008";

    /// <summary>Warning: a term is already a term of an earlier card (or of the same card); the later one is left out.</summary>
    public const string DuplicateTerm = "CON009";

    /// <summary>Warning: a key the schema does not know; it is ignored.</summary>
    public const string UnknownKey = "CON010";

    /// <summary>Error: a value is not allowed: a front of more than one line (the card is left out), or a term that can never match (no word, or words separated by other punctuation than spaces, hyphens, underscores and slashes; the term is left out).</summary>
    public const string InvalidValue = "CON011";
}
